"""Wiring the Signal channel into a running app: built from settings, one receiver.

Every replica gets the adapter as its outbox channel, so any replica can deliver a
queued Signal notice. Only the replica that holds the leader lock (`Weerbaar.leader_lock`)
opens the receive websocket: signal-cli-rest-api gives each message to every open socket.
"""

from __future__ import annotations

import logging

from adapters.signal.adapter import SignalAdapter
from bot.app import Weerbaar

log = logging.getLogger(__name__)

LEADER_INTERVAL = 5.0  # seconds between lock retries: a dead receiver is replaced this fast


def signal_adapter(
    app: Weerbaar,
    *,
    leader_interval: float = LEADER_INTERVAL,
    reconnect_base: float = 0.2,
    reconnect_cap: float = 15.0,
) -> SignalAdapter | None:
    """The Signal adapter as the settings describe it; None when Signal is off."""
    settings = app.settings
    if not settings.signal_enabled:
        return None
    assert settings.signal_api and settings.signal_number  # settings check both are given
    number = settings.signal_number
    return SignalAdapter(
        settings.signal_api,
        number,
        app.service,
        max_attachment_bytes=settings.max_file_bytes,
        # One name per bot number: two bots on one database do not block each other.
        leader=app.leader_lock(f"weerbaar:signal-receiver:{number}"),
        leader_interval=leader_interval,
        reconnect_base=reconnect_base,
        reconnect_cap=reconnect_cap,
        replies=app.replies,
    )


async def start_signal(
    app: Weerbaar,
    *,
    leader_interval: float = LEADER_INTERVAL,
    reconnect_base: float = 0.2,
    reconnect_cap: float = 15.0,
) -> SignalAdapter | None:
    """Build, register (as outbox channel) and start the Signal adapter, when enabled.

    The keyword arguments tune timings (tests make them short). Raises
    `SignalSetupError` when the REST API runs in the wrong mode or is too old; a REST API
    that is down is waited for in the background.
    """
    adapter = signal_adapter(
        app,
        leader_interval=leader_interval,
        reconnect_base=reconnect_base,
        reconnect_cap=reconnect_cap,
    )
    if adapter is None:
        return None
    app.add_channel(adapter)
    try:
        await adapter.start()
    except Exception:
        app.channels.pop(adapter.name, None)
        raise
    log.info("Signal channel on for %s via %s", _masked(adapter.number), adapter.api_address)
    return adapter


def _masked(number: str) -> str:
    # the bot's own number is not secret, but logs need not carry whole numbers
    return number[:4] + "…" + number[-2:] if len(number) > 6 else number
