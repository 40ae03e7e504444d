"""The console's session cookie: who is signed in, until when, and the CSRF token.

The cookie is the session itself, sealed with AES-256-GCM under a key of its own (derived
from the key ring: `Weerbaar.console_key`), so it can be neither read nor changed by the
browser, and the server keeps no session table. It is HttpOnly, limited to /console, and
Secure when the console is served over https. SameSite is Strict for a session opened by
a sign-in link; a session opened inside the Teams tab lives in an iframe of a Teams host
(a third-party context), where only a `SameSite=None; Secure; Partitioned` cookie is sent,
so over https it gets that, and every form still carries the CSRF token.

Forms before sign-in (the link's button, the tab's token post) use a double-submit token:
a random `wb_pre` cookie (HttpOnly, SameSite=Strict) that the form repeats.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import time
from dataclasses import dataclass

from aiohttp import web
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

COOKIE = "wb_console"
PRE_COOKIE = "wb_pre"
PATH = "/console"
_AAD = b"weerbaar console session v1"
LINK, TEAMS, CHAT = "link", "teams", "chat"  # how the session was opened


@dataclass(frozen=True)
class Session:
    person_id: int
    csrf: str
    expires: float  # unix time
    via: str  # LINK or TEAMS


class Sealer:
    """Seals and opens session cookies with one key."""

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, session: Session) -> str:
        body = json.dumps(
            {"p": session.person_id, "c": session.csrf, "e": session.expires, "v": session.via}
        ).encode()
        nonce = os.urandom(12)
        token = nonce + self._aead.encrypt(nonce, body, _AAD)
        return base64.urlsafe_b64encode(token).decode().rstrip("=")

    def open(self, value: str | None, now: float | None = None) -> Session | None:
        """The session in a cookie value; None when absent, forged, changed or expired."""
        if not value or len(value) > 1000:
            return None
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
            body = json.loads(self._aead.decrypt(raw[:12], raw[12:], _AAD))
            session = Session(int(body["p"]), str(body["c"]), float(body["e"]), str(body["v"]))
        except (ValueError, TypeError, KeyError, InvalidTag):
            return None
        return session if session.expires > (time.time() if now is None else now) else None


def new_session(person_id: int, hours: float, via: str) -> Session:
    return Session(person_id, secrets.token_urlsafe(24), time.time() + hours * 3600, via)


def is_https(request: web.Request, base_url: str) -> bool:
    return request.secure or base_url.startswith("https://")


def set_session_cookie(
    response: web.StreamResponse, value: str, session: Session, secure: bool
) -> None:
    max_age = max(0, int(session.expires - time.time()))
    if session.via == TEAMS and secure:
        # aiohttp's set_cookie knows no Partitioned attribute: the header is written out.
        response.headers.add(
            "Set-Cookie",
            f"{COOKIE}={value}; Path={PATH}; Max-Age={max_age}; HttpOnly; Secure; "
            "SameSite=None; Partitioned",
        )
        return
    response.set_cookie(
        COOKIE, value, path=PATH, max_age=max_age, httponly=True, secure=secure, samesite="Strict"
    )


def clear_session_cookie(response: web.StreamResponse) -> None:
    response.del_cookie(COOKIE, path=PATH)


def set_pre_cookie(response: web.StreamResponse, token: str, secure: bool) -> None:
    """The double-submit cookie of a form shown before sign-in."""
    response.set_cookie(
        PRE_COOKIE, token, path=PATH, max_age=3600, httponly=True, secure=secure, samesite="Strict"
    )
