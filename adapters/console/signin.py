"""Signing in to the console: a single-use link, or Teams SSO in the personal tab.

A link (`/console/inloggen/TOKEN`, from "console" in a chat or `weerbaar console --as
HANDLE`) first shows a page with one button: opening the link does not use it, so a link
preview that a chat app fetches cannot spend it. The button posts the token; the core
redeems it once (bot/console/links.py) and the session cookie is set. A used, expired or
unknown link gets a page that says how to get a new one (410).

In Teams, the tab page `/console/teams` loads static/tab.js, which asks Teams for the
tab's Entra token and posts it to `/console/teams/sso` (or a client sends it as
`Authorization: Bearer`). The token is validated (adapters/console/sso.py) and mapped to
the person enrolled with that object id. Without JavaScript the page says to type
"console" in the chat instead.
"""

from __future__ import annotations

import logging
from pathlib import Path

from aiohttp import web

from adapters.console.session import (
    LINK,
    TEAMS,
    clear_session_cookie,
    new_session,
    set_session_cookie,
)
from adapters.console.sso import SsoError, SsoUnavailable
from adapters.console.web import BASE, console, page, pre_form_page, secure, t

log = logging.getLogger(__name__)


def _open_session(request: web.Request, person_id: int, via: str) -> web.Response:
    c = console(request)
    session = new_session(person_id, c.app.settings.console_session_hours, via)
    response = web.Response(status=303, headers={"Location": f"{BASE}/"})
    set_session_cookie(response, c.sealer.seal(session), session, secure(request))
    return response


async def how_to_sign_in(request: web.Request) -> web.Response:
    return page(request, "signin_help.html", title=t("console_signin_title"))


async def link_page(request: web.Request) -> web.Response:
    return pre_form_page(
        request, "signin.html", title=t("console_signin_title"), token=request.match_info["token"]
    )


async def redeem(request: web.Request) -> web.Response:
    person_id = await console(request).app.console.redeem_link(request.match_info["token"])
    if person_id is None:
        log.info("console sign-in link refused (unknown, used or expired)")
        return page(request, "signin_used.html", status=410, title=t("console_link_used_title"))
    log.info("console session opened by link person_id=%s", person_id)
    return _open_session(request, person_id, LINK)


async def sign_out(request: web.Request) -> web.Response:
    response = web.Response(status=303, headers={"Location": f"{BASE}/inloggen"})
    clear_session_cookie(response)
    return response


async def tab_page(request: web.Request) -> web.Response:
    vendored = (Path(__file__).parent / "static" / "vendor" / "teams-js.min.js").is_file()
    return page(request, "tab.html", title=t("console_tab_title"), teams_js=vendored)


async def tab_sign_in(request: web.Request) -> web.Response:
    """The tab's Entra token (form field `token`, or `Authorization: Bearer`) opens a
    session for the person enrolled with its object id."""
    c = console(request)
    token = ""
    authorization = request.headers.get("Authorization", "")
    if authorization.startswith("Bearer "):
        token = authorization.removeprefix("Bearer ").strip()
    elif request.content_type == "application/x-www-form-urlencoded":
        sent = (await request.post()).get("token")
        token = sent if isinstance(sent, str) else ""
    if c.sso is None:
        return page(request, "tab_refused.html", status=404, title=t("console_tab_title"))
    if not token or len(token) > 16_000:
        return page(request, "tab_refused.html", status=401, title=t("console_tab_title"))
    try:
        identity = await c.sso.validate(token)
    except SsoError as error:
        log.info("console tab token refused: %s", error)
        return page(request, "tab_refused.html", status=401, title=t("console_tab_title"))
    except SsoUnavailable as error:
        log.warning("console tab sign-in: identity provider unreachable: %s", error)
        return page(request, "error.html", status=503, code=503)
    person = await c.app.console.person_for_aad(identity.object_id)
    if person is None:
        log.info("console tab token of someone not enrolled")
        return page(request, "tab_refused.html", status=403, title=t("console_tab_title"))
    log.info("console session opened in Teams person_id=%s", person.id)
    return _open_session(request, person.id, TEAMS)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/inloggen", how_to_sign_in)
    app.router.add_get("/inloggen/{token}", link_page)
    app.router.add_post("/inloggen/{token}", redeem)
    app.router.add_post("/uitloggen", sign_out)
    app.router.add_get("/teams", tab_page)
    app.router.add_post("/teams/sso", tab_sign_in)
