"""Signing in with a single-use link; the session cookie; CSRF on every form."""

from __future__ import annotations

import re

import aiohttp

from tests.console.conftest import Served


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html[:500]
    return found.group(1)


async def sign_in(http: aiohttp.ClientSession, link: str) -> str:
    """Open the link, press the button; returns the case list's HTML."""
    async with http.get(link) as page:
        assert page.status == 200
        html = await page.text()
    async with http.post(link, data={"csrf": _csrf(html)}) as answer:
        assert answer.status == 200, await answer.text()
        assert answer.url.path == "/console/"
        return await answer.text()


async def test_a_link_signs_in_once(served: Served, http: aiohttp.ClientSession) -> None:
    link = await served.link("griffier-zeist")
    html = await sign_in(http, link)
    assert served.reference in html and "Gerda Smit" in html
    cookie = next(c for c in http.cookie_jar if c.key == "wb_console")
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/console"
    # the same link again, even with a valid pre-sign-in token: refused
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as other:
        async with other.get(link) as page:
            token = _csrf(await page.text())
        async with other.post(link, data={"csrf": token}, allow_redirects=False) as again:
            assert again.status == 410
            assert "wb_console" not in again.cookies
            assert "al gebruikt of verlopen" in await again.text()


async def test_opening_a_link_does_not_use_it(served: Served, http: aiohttp.ClientSession) -> None:
    """A chat app's link preview fetches the link: that must not spend it."""
    link = await served.link("griffier-zeist")
    for _ in range(3):
        async with http.get(link) as page:
            assert page.status == 200
    assert served.reference in await sign_in(http, link)


async def test_an_expired_link_is_refused(served: Served, http: aiohttp.ClientSession) -> None:
    link = await served.link("griffier-zeist")
    served.app.clock.advance(minutes=11)  # type: ignore[attr-defined]
    async with http.get(link) as page:
        token = _csrf(await page.text())
    async with http.post(link, data={"csrf": token}, allow_redirects=False) as answer:
        assert answer.status == 410


async def test_without_a_session_the_pages_send_you_to_sign_in(
    served: Served, http: aiohttp.ClientSession
) -> None:
    for path in ("/console/", "/console/termijnen", f"/console/melding/{served.reference}"):
        async with http.get(served.url + path, allow_redirects=False) as answer:
            assert answer.status == 303
            assert answer.headers["Location"] == "/console/inloggen"
    async with http.get(served.url + "/console/inloggen") as answer:
        assert "Typ console" in await answer.text()


async def test_a_forged_cookie_is_no_session(served: Served, http: aiohttp.ClientSession) -> None:
    http.cookie_jar.update_cookies({"wb_console": "x" * 60})
    async with http.get(served.url + "/console/", allow_redirects=False) as answer:
        assert answer.status == 303


async def test_every_page_has_a_strict_policy(served: Served, http: aiohttp.ClientSession) -> None:
    await sign_in(http, await served.link("griffier-zeist"))
    async with http.get(served.url + f"/console/melding/{served.reference}") as answer:
        csp = answer.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "'unsafe-inline'" not in csp
        assert "frame-ancestors 'self' https://teams.microsoft.com" in csp
        assert answer.headers["Referrer-Policy"] == "no-referrer"
        assert answer.headers["Cache-Control"] == "no-store"
        assert "<script" not in await answer.text()


async def test_a_post_without_or_with_a_wrong_csrf_token_is_refused(
    served: Served, http: aiohttp.ClientSession
) -> None:
    await sign_in(http, await served.link("griffier-zeist"))
    url = served.url + f"/console/melding/{served.reference}/ontvangst"
    for data in ({"form_id": "a" * 16}, {"form_id": "b" * 16, "csrf": "wrong"}):
        async with http.post(url, data=data) as answer:
            assert answer.status == 403
    async with http.post(url, json={"form_id": "c" * 16}) as answer:
        assert answer.status == 403
    async with served.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(served.reference)
    assert case is not None and case.acknowledged_at is None  # nothing changed
    assert await served.audit("acknowledge") == []


async def test_console_is_for_staff_only(served: Served) -> None:
    from tests.chat import Chatter

    text = await Chatter(served.app, "bram").say("console")
    assert "/console/inloggen/" not in text
