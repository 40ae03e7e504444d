"""Single-use sign-in links: "console" typed in a chat, or `weerbaar console --as HANDLE`.

A link carries a random token (256 bits). Only its SHA-256 is stored, with the person it
is for and when it expires; redeeming it marks it used in the same statement that reads
it, so a link opens one session at most, also when two requests race.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from bot.ports import Tx

CONSOLE = "console"  # the channel name of everything done through the web console


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


async def issue_link(tx: Tx, person_id: int, now: datetime, valid: timedelta) -> str:
    """A new link token for `person_id`, valid for `valid` from `now`."""
    token = secrets.token_urlsafe(32)
    await tx.console_links.add_link(token_hash(token), person_id, now, now + valid)
    return token


async def redeem_link(tx: Tx, token: str, now: datetime) -> int | None:
    """The person the link is for, once; None when it is unknown, used or expired."""
    if not token or len(token) > 100:
        return None
    return await tx.console_links.redeem_link(token_hash(token), now)


def link_url(base_url: str, token: str) -> str:
    """The address of the sign-in page for `token` (base_url without "/console")."""
    return f"{base_url.rstrip('/')}/console/inloggen/{token}"
