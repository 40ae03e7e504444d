"""Checks on what a channel sends, made before any of it reaches the core.

Every adapter decodes its channel's JSON with `load_json` (a size and a nesting limit
before decoding: Python's decoder recurses, so a body nested some thousands deep raises
RecursionError rather than ValueError), keeps ids to `is_id` (they become database keys of
at most 200 characters, and PostgreSQL refuses NUL), cleans free text with `clean_text`
(a lone surrogate cannot be encrypted or stored) and only follows URLs that `web_url`
accepts. A check that fails is a `BadInput`: the adapter answers 4xx or ignores the input
with one warning line.
"""

from __future__ import annotations

import ipaddress
import json
import re
from typing import Any
from urllib.parse import urlsplit

MAX_DEPTH = 64  # deeper than any activity or envelope a channel sends
MAX_ID_CHARS = 200  # the String(200) columns ids are stored in (storage/tables.py)
MAX_URL_CHARS = 2048

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")  # control characters, lone surrogates
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")
_MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$")
_LOOPBACK_NAMES = frozenset({"localhost"})


class BadInput(ValueError):
    """Input a channel sent that this service will not take; the message says what."""


def json_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """How deep `text` nests arrays and objects, counted up to `limit + 1` (brackets inside
    strings do not count). Cheap: a body with few brackets is not scanned at all."""
    if text.count("[") + text.count("{") <= limit:
        return 0
    depth = deepest = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        if bracket in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        else:
            depth -= 1
    return deepest


def load_json(data: bytes | str, *, max_bytes: int, max_depth: int = MAX_DEPTH) -> Any:
    """Decode one JSON document that is at most `max_bytes` long and `max_depth` deep.

    Raises `BadInput` for anything else: too large, too deep, not UTF-8, not JSON.
    """
    if len(data) > max_bytes:
        raise BadInput(f"body of {len(data)} bytes is over the limit of {max_bytes}")
    if isinstance(data, bytes | bytearray):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            raise BadInput("body is not UTF-8") from None
    else:
        text = data
    if json_depth(text, max_depth) > max_depth:
        raise BadInput(f"JSON nests deeper than {max_depth}")
    try:
        return json.loads(text)
    except RecursionError:  # a guard: the depth check above should have caught it
        raise BadInput(f"JSON nests deeper than {max_depth}") from None
    except ValueError:
        raise BadInput("body is not JSON") from None


def is_id(value: object, max_chars: int = MAX_ID_CHARS) -> bool:
    """Whether `value` can be an id: a non-empty string of at most `max_chars` characters,
    without control characters or lone surrogates."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= max_chars
        and _UNSAFE.search(value) is None
        and not value.isspace()
    )


def is_optional_id(value: object, max_chars: int = MAX_ID_CHARS) -> bool:
    return value is None or value == "" or is_id(value, max_chars)


def clean_text(value: str) -> str:
    """Free text as it can be stored: lone surrogates become U+FFFD, NUL goes."""
    if _SURROGATE.search(value):
        value = _SURROGATE.sub("\ufffd", value)
    return value.replace("\x00", "")


def media_type(value: object, default: str = "application/octet-stream") -> str:
    """A MIME type of sane shape (lower-cased, parameters dropped), else `default`."""
    if not isinstance(value, str):
        return default
    bare = value.split(";", 1)[0].strip().lower()
    return bare if _MEDIA_TYPE.match(bare) else default


def is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def web_url(value: object, *, loopback_http: bool = False) -> str | None:
    """`value` if it is an absolute https URL of ordinary shape (ASCII, a host name or IP,
    a valid port, no user name or password), else None. With `loopback_http`, plain http
    to a loopback host too (the test doubles), never to anything on the network."""
    if not isinstance(value, str) or not 0 < len(value) <= MAX_URL_CHARS:
        return None
    if not value.isascii() or not value.isprintable() or " " in value:
        return None
    try:
        parts = urlsplit(value)
        port = parts.port  # ValueError when it is not a number from 0 to 65535
    except ValueError:
        return None
    host = parts.hostname or ""
    if parts.username is not None or parts.password is not None or port == 0:
        return None
    if parts.scheme == "https":
        pass
    elif parts.scheme == "http" and loopback_http and is_loopback(host):
        pass
    else:
        return None
    if not (_HOST.match(host) or _is_ip(host)) or "\\" in value:
        return None
    return value


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
