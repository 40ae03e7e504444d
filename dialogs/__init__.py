"""Channel-neutral conversations: the message model, declared flows and their engine."""
