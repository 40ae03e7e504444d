"""The Teams tab's sign-in: an Entra token signed by the (fake) issuer opens the console;
one for another audience, another tenant, expired or badly signed does not."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from adapters.teams.package import render_manifest
from tests.conftest import AppFactory
from tests.console.conftest import Served, serve, submit_case
from tests.fakes.entra import FakeEntraIssuer
from tests.people import enrol

TENANT = "11111111-2222-3333-4444-555555555555"
CLIENT = "99999999-8888-7777-6666-555555555555"
OID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"


@pytest.fixture
def entra() -> Iterator[FakeEntraIssuer]:
    issuer = FakeEntraIssuer(TENANT, CLIENT)
    yield issuer
    issuer.stop()


@pytest.fixture
async def tab(
    make_app: AppFactory, sqlite_url: str, tmp_path: Path, entra: FakeEntraIssuer
) -> AsyncIterator[Served]:
    app = await make_app(sqlite_url, **entra.settings())
    await enrol(app, "Griet Teams", ("griffier", "zeist"), aad=OID)
    reference = await submit_case(app, tmp_path)
    runner, url = await serve(app)
    try:
        yield Served(app, url, reference)
    finally:
        await runner.cleanup()


async def _post_token(http: aiohttp.ClientSession, url: str, token: str, bearer: bool) -> int:
    target = url + "/console/teams/sso"
    if bearer:
        answer = await http.post(target, headers={"Authorization": f"Bearer {token}"})
    else:
        answer = await http.post(target, data={"token": token})
    async with answer:
        return answer.status


@pytest.mark.parametrize("bearer", [False, True])
async def test_a_tab_token_opens_the_console(
    tab: Served, entra: FakeEntraIssuer, http: aiohttp.ClientSession, bearer: bool
) -> None:
    status = await _post_token(http, tab.url, entra.tab_token(OID), bearer)
    assert status == 200  # followed to the case list
    async with http.get(tab.url + "/console/") as answer:
        html = await answer.text()
    assert "Griet Teams" in html and tab.reference in html


async def test_the_application_id_uri_is_an_audience_too(
    tab: Served, entra: FakeEntraIssuer, http: aiohttp.ClientSession
) -> None:
    token = entra.tab_token(OID, audience=f"api://127.0.0.1/{CLIENT}")
    assert await _post_token(http, tab.url, token, bearer=True) == 200


@pytest.mark.parametrize(
    "bad",
    [
        {"audience": "00000000-0000-0000-0000-000000000001"},
        {"tenant_id": "00000000-0000-0000-0000-000000000002"},
        {"expired": True},
        {"other_key": True},
        {"issuer": "https://login.example.org/v2.0"},
    ],
    ids=["other-audience", "other-tenant", "expired", "other-key", "other-issuer"],
)
async def test_a_bad_token_is_refused(
    tab: Served, entra: FakeEntraIssuer, http: aiohttp.ClientSession, bad: dict[str, object]
) -> None:
    token = entra.tab_token(OID, **bad)  # type: ignore[arg-type]
    assert await _post_token(http, tab.url, token, bearer=True) == 401
    assert not [c for c in http.cookie_jar if c.key == "wb_console"]
    async with http.get(tab.url + "/console/", allow_redirects=False) as answer:
        assert answer.status == 303


async def test_someone_not_enrolled_is_refused(
    tab: Served, entra: FakeEntraIssuer, http: aiohttp.ClientSession
) -> None:
    token = entra.tab_token("ffffffff-0000-0000-0000-000000000000")
    assert await _post_token(http, tab.url, token, bearer=False) == 403


async def test_garbage_is_refused(tab: Served, http: aiohttp.ClientSession) -> None:
    assert await _post_token(http, tab.url, "not-a-jwt", bearer=True) == 401
    assert await _post_token(http, tab.url, "", bearer=False) == 401


async def test_the_metadata_is_fetched_once(
    tab: Served, entra: FakeEntraIssuer, http: aiohttp.ClientSession
) -> None:
    for _ in range(3):
        await _post_token(http, tab.url, entra.tab_token(OID), bearer=True)
    assert entra.metadata_requests == 1


async def test_an_unreachable_issuer_is_503(
    tab: Served, entra: FakeEntraIssuer, http: aiohttp.ClientSession
) -> None:
    token = entra.tab_token(OID)
    entra.stop()
    assert await _post_token(http, tab.url, token, bearer=True) == 503


async def test_the_tab_page_works_without_javascript(
    tab: Served, http: aiohttp.ClientSession
) -> None:
    async with http.get(tab.url + "/console/teams") as answer:
        html = await answer.text()
    assert '<script src="/console/static/tab.js"' in html
    assert "<noscript>" in html and "Typ console" in html


def test_the_manifest_has_the_tab_and_its_sso_app() -> None:
    manifest = render_manifest(CLIENT, "weerbaar.example.nl")
    tabs = manifest["staticTabs"]
    assert isinstance(tabs, list)
    assert tabs[0]["contentUrl"] == "https://weerbaar.example.nl/console/teams"
    assert tabs[0]["scopes"] == ["personal"]
    assert manifest["webApplicationInfo"] == {
        "id": CLIENT,
        "resource": f"api://weerbaar.example.nl/{CLIENT}",
    }
    json.dumps(manifest)


async def test_without_sso_settings_the_tab_post_is_404(
    served: Served, http: aiohttp.ClientSession
) -> None:
    async with http.post(served.url + "/console/teams/sso", data={"token": "x"}) as answer:
        assert answer.status == 404
