"""Building signalbot's pieces for the Signal adapter, and checks of the REST API."""

from __future__ import annotations

import logging
import mimetypes
from typing import Any

from packaging.version import InvalidVersion, Version
from signalbot import (
    LOGGER_NAME,
    MIN_SIGNAL_CLI_REST_API_VERSION,
    Config,
    InMemoryConfig,
    SignalBot,
)
from signalbot.client import ConnectionMode

from adapters.signal.api import About
from bot.errors import StartupError

_EXTENSIONS = {"image/jpeg": ".jpg", "audio/aac": ".aac", "audio/mp4": ".m4a"}


class SignalSetupError(StartupError):
    """The REST API is not one this adapter can work with (mode or version)."""


def make_bot(address: str, number: str) -> SignalBot:
    config = Config(
        phone_number=number,
        signal_service=address,
        connection_mode=ConnectionMode.HTTP_ONLY,  # loopback, plain HTTP
        download_attachments=False,  # downloaded here, with a size limit
        storage=InMemoryConfig(),
        logging_level=logging.WARNING,  # at INFO signalbot logs message text
    )
    logger = logging.getLogger(LOGGER_NAME)
    before = list(logger.handlers)
    bot = SignalBot(config)
    # signalbot adds its own stderr handler on every construction; the app configures
    # logging, so take it off again (and keep the level at WARNING).
    for handler in logger.handlers:
        if handler not in before:
            logger.removeHandler(handler)
    logger.setLevel(logging.WARNING)
    return bot


def check_about(about: About) -> None:
    if about.mode != "json-rpc":
        raise SignalSetupError(
            f"signal-cli-rest-api runs in mode '{about.mode}', but the Signal adapter needs "
            "'json-rpc' (set MODE=json-rpc on the container)."
        )
    try:
        too_old = Version(about.version) < MIN_SIGNAL_CLI_REST_API_VERSION
    except InvalidVersion:
        too_old = about.version != "unset"  # "unset" is what development builds report
    if too_old:
        raise SignalSetupError(
            f"signal-cli-rest-api version {about.version} is too old; the Signal adapter "
            f"needs {MIN_SIGNAL_CLI_REST_API_VERSION} or later."
        )


def default_voice_note_flag(envelope: dict[str, Any]) -> None:
    # signalbot 2.2's model requires `isVoiceNote` on every attachment, but signal-cli
    # does not always write it; without this such a message would be unparseable.
    edit = envelope.get("editMessage")
    for body in (
        envelope.get("dataMessage"),
        edit.get("dataMessage") if isinstance(edit, dict) else None,
    ):
        attachments = body.get("attachments") if isinstance(body, dict) else None
        for item in attachments if isinstance(attachments, list) else ():
            if isinstance(item, dict):
                item.setdefault("isVoiceNote", False)


def generated_name(timestamp: int, n: int, content_type: str) -> str:
    extension = _EXTENSIONS.get(content_type) or mimetypes.guess_extension(content_type) or ""
    return f"signal-{timestamp}-{n}{extension}"
