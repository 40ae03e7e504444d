"""Channel adapters: each turns its channel's traffic into the neutral message model."""
