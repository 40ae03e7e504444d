"""The trend, evaluation and dossier pages over HTTP, on a loopback server."""

from __future__ import annotations

import base64
import csv
import html as html_lib
import io
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiohttp
import pytest
import sqlalchemy as sa

from bot.app import Weerbaar
from bot.cases.closing import CloseInput, close_case
from bot.domain.trends import Period, column, month_of
from tests.chat import Chatter
from tests.conftest import AppFactory
from tests.console.conftest import serve
from tests.console.test_signin import _csrf, sign_in
from tests.insight.generate import MARKER_NAME, MARKER_PHONE, MARKER_STORY, Made, generate
from tests.insight.test_dossier import MARK_HANDLE, MARK_PHONE, report


@dataclass
class Site:
    app: Weerbaar
    url: str
    made: list[Made]
    zeist: str  # Bram's report naming the perpetrator
    utrecht: str  # Anna's, naming the same one in other spellings

    async def link(self, handle: str) -> str:
        text = await Chatter(self.app, handle).say("console")
        found = re.search(r"http://\S+/console/inloggen/\S+", text)
        assert found, text
        return found.group(0)


@pytest.fixture
async def site(make_app: AppFactory, sqlite_url: str) -> AsyncIterator[Site]:
    app = await make_app(sqlite_url)
    made = await generate(app, 120)
    zeist = await report(
        app, "bram", f"Hij belde van {MARK_PHONE}", f"Online {MARK_HANDLE}", "Hij schold."
    )
    utrecht = await report(
        app, "anna", "Iemand online", "Nummer +31612345678 en @zwartkat_77", "Bedreigd."
    )
    runner, url = await serve(app)
    app.service.console_url = url
    try:
        yield Site(app, url, made, zeist, utrecht)
    finally:
        await runner.cleanup()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        yield session


def table_rows(html: str, key: str) -> dict[str, list[str]]:
    """The rows of the page's table `key`: label -> cells (the total last)."""
    found = re.search(r'<table id="table-' + key + r'">(.*?)</table>', html, re.S)
    assert found, key
    rows = {}
    for label, cells in re.findall(r'<th scope="row">([^<]*)</th>(.*?)</tr>', found.group(1), re.S):
        rows[html_lib.unescape(label)] = [
            html_lib.unescape(c) for c in re.findall(r"<td>([^<]*)</td>", cells)
        ]
    return rows


async def test_the_trend_page_shows_the_counted_numbers_with_charts_and_csv(
    site: Site, http: aiohttp.ClientSession
) -> None:
    await sign_in(http, await site.link("coordinator"))
    async with http.get(site.url + "/console/trends?maanden=12") as answer:
        html = await answer.text()
        csp = answer.headers["Content-Security-Policy"]
    assert answer.status == 200 and "script-src 'self'" in csp
    # A chart per table, inline as an SVG image, with no script and nothing from elsewhere.
    charts = re.findall(r'<img class="chart" src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert len(charts) == 10
    for chart in charts:
        svg = base64.b64decode(chart).decode()
        assert "<script" not in svg.lower()
        assert not re.search(r'(?:href|src)="https?:', svg)
    # The page's numbers are what the test counts itself (the two chat reports included).
    period = Period.ending(site.app.clock(), 12)
    per_org: dict[str, dict[str, int]] = {}
    for m in site.made:
        if period.holds(m.incident):
            col = column(month_of(m.incident))
            per_org.setdefault(m.org, {}).setdefault(col, 0)
            per_org[m.org][col] += 1
    now_col = column(month_of(site.app.clock()))
    for slug in ("zeist", "utrecht"):  # the two chat reports, about yesterday
        per_org.setdefault(slug, {}).setdefault(now_col, 0)
        per_org[slug][now_col] += 1
    rows = table_rows(html, "org")
    names = {"zeist": "Gemeente Zeist", "utrecht": "Gemeente Utrecht", "houten": "Gemeente Houten"}
    cols = [column(m) for m in period.month_list]
    for slug, name in names.items():
        counts = [per_org.get(slug, {}).get(c, 0) for c in cols]
        want = ["< 5" if 0 < n < 5 else str(n) for n in counts]
        assert rows[name][:-1] == want, slug
    assert "&lt; 5" in html

    # Each table's CSV: the shown cells, "< 5" included; no story, name or identifier.
    for key in re.findall(r"/console/trends/([a-z_]+)\.csv", html):
        async with http.get(site.url + f"/console/trends/{key}.csv?maanden=12") as answer:
            assert answer.status == 200 and answer.content_type == "text/csv"
            body = await answer.text()
        for marker in (MARKER_STORY, MARKER_NAME, MARKER_PHONE, "12345678", "zwartkat", "WB-"):
            assert marker.lower() not in body.lower(), (key, marker)
        table = list(csv.reader(io.StringIO(body)))
        assert table[0][1:-1] == cols
    async with http.get(site.url + "/console/trends/org.csv") as answer:
        assert "< 5" in await answer.text()
    async with http.get(site.url + "/console/trends/nothing.csv") as answer:
        assert answer.status == 404


async def test_a_handler_sees_their_organisation_and_nobody_signed_in_sees_nothing(
    site: Site, http: aiohttp.ClientSession
) -> None:
    async with http.get(site.url + "/console/trends/org.csv", allow_redirects=False) as answer:
        assert answer.status == 303 and answer.headers["Location"].endswith("/inloggen")
    await sign_in(http, await site.link("secretaris-houten"))
    async with http.get(site.url + "/console/trends") as answer:
        html = await answer.text()
    assert answer.status == 200
    assert list(table_rows(html, "org")) == ["Gemeente Houten"]


async def test_the_evaluation_form(site: Site, http: aiohttp.ClientSession) -> None:
    await sign_in(http, await site.link("griffier-zeist"))
    url = site.url + f"/console/melding/{site.zeist}/evaluatie"
    async with http.get(url) as answer:
        html = await answer.text()
    assert answer.status == 200
    csrf = _csrf(html)
    async with http.post(url, data={"csrf": csrf, "severity": "hoog"}) as answer:
        assert answer.status == 400  # the recurrence is missing: said, nothing stored
        assert "kans" in await answer.text()
    form = {
        "csrf": csrf,
        "severity": "hoog",
        "recurrence": "middel",
        "cause": "Geen beveiliging bij de balie.",
        "similar": "Ja, twee keer eerder.",
        "recommendations": "Een knop voor alarm.",
        "shared": "ja",
    }
    async with http.post(url, data={**form, "csrf": "wrong"}) as answer:
        assert answer.status == 403
    async with http.post(url, data=form) as answer:
        html = await answer.text()
    assert answer.status == 200 and "is bewaard" in html and "Geen beveiliging" in html
    async with site.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(site.zeist)
        assert case is not None
        saved = await tx.evaluations.evaluation(case.id)
        actions = [(e.action, e.channel) for e in await tx.audit.for_case(case.id)]
    async with site.app.db.connect() as conn:
        raw = [
            bytes(r[0])
            for r in await conn.execute(sa.text("SELECT cause_enc FROM case_evaluations"))
        ]
    assert saved is not None and saved.severity == "hoog" and saved.shared_with_coordinator
    assert ("evaluate", "console") in actions
    assert all(b"beveiliging" not in r for r in raw)
    # A handler of another organisation may not.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as hans:
        await sign_in(hans, await site.link("secretaris-utrecht"))
        async with hans.get(url) as answer:
            assert answer.status == 403
            assert "Geen beveiliging" not in await answer.text()


async def test_the_dossier_page_and_its_decision(site: Site, http: aiohttp.ClientSession) -> None:
    await sign_in(http, await site.link("secretaris-utrecht"))
    async with http.get(site.url + "/console/evaluaties") as answer:
        listed = await answer.text()
    # The open suggestion, by Hans's own case; the other only by date and organisation.
    assert f"/console/melding/{site.utrecht}/dossier" in listed
    assert "Gemeente Zeist" in listed and site.zeist not in listed
    url = site.url + f"/console/melding/{site.utrecht}/dossier"
    async with http.get(url) as answer:
        html = await answer.text()
    assert answer.status == 200
    assert site.zeist not in html  # the other case: no reference
    assert "Gemeente Zeist" in html and "Verbale agressie" in html
    assert "Overeenkomst: account online" in html  # why they are suggested, not the handle
    assert "12345678" not in html and "Bram" not in html and "Hij schold." not in html
    action = re.search(r'action="(/console/dossier/\d+/bevestig)"', html)
    assert action
    async with http.post(
        site.url + action.group(1), data={"csrf": _csrf(html), "reference": site.utrecht}
    ) as answer:
        html = await answer.text()
    assert answer.status == 200 and answer.url.path.endswith("/dossier")
    assert html.count('data-full="no"') == 1 and html.count('data-full="yes"') == 1
    async with http.get(site.url + f"/console/melding/{site.zeist}/dossier") as answer:
        assert answer.status == 403  # not Hans's case


async def test_a_closed_case_asks_for_its_evaluation(
    site: Site, http: aiohttp.ClientSession
) -> None:
    now = site.app.clock()
    async with site.app.store.transaction() as tx:
        person = await tx.people.person_for("local", "handle", "griffier-zeist")
        found = await tx.cases.case_by_reference(site.zeist)
        assert person is not None and found is not None
        assert await tx.cases.acknowledge(found.id, person.id, now)
        case = await tx.cases.case(found.id)
        assert case is not None
        await tx.casework.add_response(
            case.id, "incidentgesprek", None, None, False, None, person.id, site.app.clock()
        )
        await close_case(tx, case, person, CloseInput(), "local", site.app.clock())
        told = [i.payload.get("text", "") for i, _ in await tx.outbox.all_items()]
    assert any(site.zeist in t and "evalueren" in t for t in told)
    await sign_in(http, await site.link("coordinator"))
    async with http.get(site.url + "/console/evaluaties") as answer:
        html = await answer.text()
    assert site.zeist in html
