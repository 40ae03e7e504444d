"""Logs keep the traceback of an error, never its message, and name no person.

An exception's message can carry what a person typed (a parser quoting its input, a
driver quoting a value). Every log record with an exception gets a stand-in that keeps
the type and the traceback, and withholds the message.

A log line never carries an identifier of a person (a Signal uuid or phone number, a Teams
AAD id, a message id that embeds one): where lines must correlate, `tag` gives a short
keyed hash instead. The key comes from the app's secret (`use_key`), so tags agree across
restarts and replicas but cannot be turned back into the id without it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from typing import Any

# Until the app sets its own, a key for this process only.
_tag_key = secrets.token_bytes(32)


def use_key(secret: str) -> None:
    """Derive the tag key from the app's secret (its encryption keys setting)."""
    global _tag_key
    _tag_key = hashlib.sha256(b"weerbaar log tags\0" + secret.encode()).digest()


def tag(identifier: object) -> str:
    """A short keyed hash of `identifier` for a log line: the same id, the same tag."""
    digest = hmac.new(_tag_key, str(identifier).encode(), hashlib.sha256).hexdigest()
    return "t-" + digest[:12]


class WithheldError(Exception):
    """Stands in for a logged exception; its message names only the original type."""


_installed = False


def install() -> None:
    """Put the withholding record factory in place (once per process)."""
    global _installed
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if record.exc_info and record.exc_info[1] is not None:
            exc_type, exc, tb = record.exc_info
            name = exc_type.__name__ if exc_type else type(exc).__name__
            record.exc_info = (WithheldError, WithheldError(f"{name} (message withheld)"), tb)
            record.exc_text = None
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
