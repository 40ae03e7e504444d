"""Logs keep the traceback of an error, never its message.

An exception's message can carry what a person typed (a parser quoting its input, a
driver quoting a value). Every log record with an exception gets a stand-in that keeps
the type and the traceback, and withholds the message.
"""

from __future__ import annotations

import logging
from typing import Any


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
