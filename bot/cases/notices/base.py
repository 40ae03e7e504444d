"""What every notice module shares: the audiences of a case card, and the helpers that read
a stored notice dict back leniently (a missing or null field reads as its default)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.domain.records import TEAM_RECIPIENT_PREFIX

HANDLER = "handler"  # audience of a case card: a handler's personal chat (names shown)


TEAM = "team"  # audience of a case card: an organisation's team channel (no names)


def audience_of(recipient: str) -> str:
    """Who sees a case card sent to this outbox recipient."""
    return TEAM if recipient.startswith(TEAM_RECIPIENT_PREFIX) else HANDLER


def _str(data: Mapping[str, Any], name: str, default: str = "") -> str:
    value = data.get(name)
    return default if value is None else str(value)


def _opt(data: Mapping[str, Any], name: str) -> str | None:
    value = data.get(name)
    return None if value is None else str(value)


def _tuple(data: Mapping[str, Any], name: str) -> tuple[Any, ...]:
    value = data.get(name)
    return tuple(value) if isinstance(value, list | tuple) else ()


def _maps(data: Mapping[str, Any], name: str) -> tuple[Mapping[str, Any], ...]:
    return tuple(v for v in _tuple(data, name) if isinstance(v, Mapping))
