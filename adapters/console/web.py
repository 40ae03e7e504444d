"""The console's plumbing: security headers, the session, CSRF, and `page()`.

How a page is made (the idiom every page module follows, adapters/console/pages.py is
the example):

    async def my_page(request: web.Request) -> web.Response:
        person = await signed_in(request)            # or a redirect to the sign-in help
        data = await console(request).app.console.something(person, ...)  # the core
        return page(request, "my_page.html", title=t("console_my_title"), data=data)

- `signed_in` gives the person of the session cookie (adapters/console/session.py), or
  sends the browser to the sign-in help page.
- The core (bot/console/service.py `ConsoleService`) does the reading and the auditing:
  a use case that shows case content writes the audit entry (channel "console") in the
  same transaction that read it, so a page of case content cannot be shown unaudited.
- `forbidden` is the page of a refusal by the core (403, the core's words).
- `page` renders a template that extends `base.html` (landmarks, skip link, navigation,
  lang="nl") with `person`, `csrf` (for every form: `{{ csrf_field() }}`), and `t` (the
  catalogue's `say`: every Dutch text comes from bot/text/catalogue.py).

Every response gets a strict Content-Security-Policy (scripts and styles only from this
service, no inline script; framing only by Teams hosts), no-store caching and no Referer
(a sign-in link must not leak). Every POST must carry the CSRF token: the session's, or
before sign-in the `wb_pre` double-submit cookie's; the Teams token post is the one
exception (the Entra token it carries is itself the proof). A POST without the right
token is answered 403 and changes nothing.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from markupsafe import Markup, escape

from adapters.console.session import (
    COOKIE,
    PRE_COOKIE,
    Sealer,
    Session,
    is_https,
    set_pre_cookie,
)
from adapters.console.sso import EntraValidator
from bot.app import Weerbaar
from bot.domain.records import Person
from bot.text.catalogue import say

log = logging.getLogger(__name__)

BASE = "/console"
# Where a Teams tab may be framed: the Teams clients (web, desktop, mobile) and the
# Microsoft 365 hosts that run Teams apps.
TEAMS_FRAME_ANCESTORS = (
    "https://teams.microsoft.com",
    "https://*.teams.microsoft.com",
    "https://*.cloud.microsoft",
    "https://*.office.com",
    "https://*.skype.com",
)
CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'self' " + " ".join(TEAMS_FRAME_ANCESTORS),
    )
)
_CSRF_EXEMPT = (f"{BASE}/teams/sso",)


@dataclass
class Console:
    """What the console's handlers share: the app, the cookie sealer, the SSO check."""

    app: Weerbaar
    sealer: Sealer
    sso: EntraValidator | None


CONSOLE = web.AppKey("console", Console)
SESSION: web.RequestKey[Session | None] = web.RequestKey("session")
PERSON: web.RequestKey[Person | None] = web.RequestKey("person")
PRE_TOKEN = web.RequestKey("pre_token", str)


def console(request: web.Request) -> Console:
    return request.config_dict[CONSOLE]


def t(key: str, **values: object) -> str:
    return say(key, **values)


def session_of(request: web.Request) -> Session | None:
    return request.get(SESSION)


async def signed_in(request: web.Request) -> Person:
    """The signed-in person, or a redirect to the sign-in help page."""
    session = session_of(request)
    person = await console(request).app.console.person(session.person_id) if session else None
    if person is None:
        raise web.HTTPSeeOther(f"{BASE}/inloggen")
    request[PERSON] = person
    return person


def page(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    """`template` rendered for the signed-in person (or nobody), with the CSRF field."""
    session = session_of(request)
    token = session.csrf if session else request.get(PRE_TOKEN, "")

    def csrf_field() -> Markup:
        return Markup('<input type="hidden" name="csrf" value="{}">').format(escape(token))

    def form_id() -> Markup:
        # Each rendered form has its own id: sent twice, it is done once (the dispatcher's
        # dedupe of a delivery), whether by a double click or a reload.
        return Markup('<input type="hidden" name="form_id" value="{}">').format(
            secrets.token_urlsafe(16)
        )

    values = {
        "person": request.get(PERSON),
        "csrf_field": csrf_field,
        "form_id": form_id,
        "base": BASE,
        "nav": None,
        "chat_on": console(request).app.settings.console_chat_enabled,
        **context,
    }
    return aiohttp_jinja2.render_template(template, request, values, status=status)


def forbidden(request: web.Request, text: str) -> web.Response:
    """The refusal page (403): the core's words for why this person may not."""
    return page(
        request, "forbidden.html", status=403, title=t("console_forbidden_title"), text=text
    )


def secure(request: web.Request) -> bool:
    """Whether the console is served over https (then every cookie is Secure)."""
    return is_https(request, console(request).app.settings.console_base_url)


def pre_form_page(request: web.Request, template: str, **context: Any) -> web.Response:
    """`page` for a form shown before sign-in: its double-submit token goes with it."""
    token = request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)
    request[PRE_TOKEN] = token
    response = page(request, template, **context)
    set_pre_cookie(response, token, secure(request))
    return response


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Session in, CSRF checked, security headers out, and no 500 for a bad request."""
    session: Session | None = console(request).sealer.open(request.cookies.get(COOKIE))
    request[SESSION] = session
    try:
        if request.method == "POST" and request.path not in _CSRF_EXEMPT:
            await _check_csrf(request)
        response = await handler(request)
    except web.HTTPException as http:
        if http.status >= 400:
            response = page(request, "error.html", status=http.status, code=http.status)
        else:  # a redirect
            response = web.Response(status=http.status, headers=http.headers)
    _secure(response)
    return response


async def _check_csrf(request: web.Request) -> None:
    if request.content_type not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        raise web.HTTPForbidden()
    form = await request.post()
    sent = form.get("csrf")
    session = session_of(request)
    expected = session.csrf if session else request.cookies.get(PRE_COOKIE)
    if not isinstance(sent, str) or not expected or not hmac.compare_digest(sent, expected):
        log.info("console form refused: no or wrong CSRF token path=%s", request.path)
        raise web.HTTPForbidden()


def _secure(response: web.StreamResponse) -> None:
    headers = response.headers
    headers["Content-Security-Policy"] = CSP
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    headers.setdefault("Cache-Control", "no-store")
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
