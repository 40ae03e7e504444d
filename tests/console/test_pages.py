"""The handler's pages over HTTP: list, case page, forms, evidence, refusals (audited)."""

from __future__ import annotations

import re

import aiohttp

from tests.console.conftest import PHOTO, Served
from tests.console.test_signin import _csrf, sign_in


def _form(html: str, action: str) -> dict[str, str]:
    """The hidden fields (csrf, form_id, ...) of the form posting to `action`."""
    found = re.search(
        r'<form[^>]*action="' + re.escape(action) + r'"[^>]*>(.*?)</form>', html, re.S
    )
    assert found, action
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', found.group(1)))


async def test_the_list_shows_the_organisations_cases_only(
    served: Served, http: aiohttp.ClientSession
) -> None:
    html = await sign_in(http, await served.link("secretaris-utrecht"))
    assert served.reference not in html  # a Zeist case, and Hans handles Utrecht
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as lotte:
        assert served.reference in await sign_in(lotte, await served.link("coordinator"))


async def test_filters_narrow_the_list(served: Served, http: aiohttp.ClientSession) -> None:
    await sign_in(http, await served.link("griffier-zeist"))
    base = served.url + "/console/"
    cases = {
        "status=submitted": True,
        "status=closed": False,
        "soort=verbale_agressie": True,
        "soort=fysiek_geweld": False,
        "van=2026-11-25&tot=2026-11-25": True,
        "van=2026-11-26": False,
        "termijn=open": True,
        "termijn=overdue": False,
        "status=nonsense&van=not-a-date": True,  # unreadable filters are no filter
    }
    for query, shown in cases.items():
        async with http.get(base + "?" + query) as answer:
            assert answer.status == 200
            assert (served.reference in await answer.text()) is shown, query


async def test_the_case_page_shows_the_case_and_is_audited(
    served: Served, http: aiohttp.ClientSession
) -> None:
    await sign_in(http, await served.link("griffier-zeist"))
    async with http.get(served.url + f"/console/melding/{served.reference}") as answer:
        html = await answer.text()
    assert answer.status == 200
    assert "Hij schold me uit." in html and "Bram Jansen" in html and "foto.png" in html
    assert await served.audit("view") == [("view", "console", "Gerda Smit")]


async def test_a_foreign_case_is_403_and_the_attempt_is_audited(
    served: Served, http: aiohttp.ClientSession
) -> None:
    await sign_in(http, await served.link("secretaris-utrecht"))
    case_url = served.url + f"/console/melding/{served.reference}"
    async with http.get(case_url) as answer:
        html = await answer.text()
    assert answer.status == 403
    assert "Hij schold me uit." not in html and "Bram" not in html
    async with http.get(case_url + "/bewijs/1") as answer:
        assert answer.status == 403
        assert PHOTO not in await answer.read()
    assert await served.audit("refused") == [
        ("refused", "console", "Hans Mulder"),
        ("refused", "console", "Hans Mulder"),
    ]
    async with http.get(served.url + "/console/melding/WB-ZZZZZZ") as answer:
        assert answer.status == 404
    async with http.get(served.url + "/console/melding/nonsense") as answer:
        assert answer.status == 404


async def test_evidence_downloads_byte_identical_and_audited(
    served: Served, http: aiohttp.ClientSession
) -> None:
    await sign_in(http, await served.link("griffier-zeist"))
    async with http.get(served.url + f"/console/melding/{served.reference}") as answer:
        link = re.search(r'href="(/console/melding/[^"]+/bewijs/\d+)"', await answer.text())
    assert link
    async with http.get(served.url + link.group(1)) as answer:
        assert answer.status == 200
        assert await answer.read() == PHOTO
        assert answer.headers["Content-Disposition"].startswith("attachment;")
    assert [a for a, _c, _n in await served.audit() if a == "evidence"] == ["evidence"]


async def test_the_whole_case_work_from_the_page(
    served: Served, http: aiohttp.ClientSession
) -> None:
    await sign_in(http, await served.link("griffier-zeist"))
    page = f"/console/melding/{served.reference}"
    async with http.get(served.url + page) as answer:
        html = await answer.text()

    async def post(form: str, **fields: str) -> tuple[int, str]:
        nonlocal html
        data = {**_form(html, f"{page}/{form}"), **fields}
        async with http.post(served.url + f"{page}/{form}", data=data) as answer:
            html = await answer.text()
            return answer.status, html

    status, _ = await post("sluiten", no_response="pleger_onbekend")
    assert status == 409  # never acknowledged: the close is refused, as on the card
    assert (await post("ontvangst", parties="burgemeester", parties_shown="1"))[0] == 200
    status, text = await post("stap", step="1")
    assert status == 200 and "Gedaan door Gerda Smit" in text
    status, text = await post("reactie", response="schriftelijke_waarschuwing", note="brief")
    assert status == 200 and "Schriftelijke waarschuwing" in text
    status, text = await post("notitie", note="Gebeld met de burgemeester.")
    assert status == 200 and "Gebeld met de burgemeester." in text
    status, text = await post("sluiten")
    assert status == 200 and "Deze melding is afgesloten." in text
    actions = [a for a, channel, _n in await served.audit() if channel == "console"]
    for expected in ("acknowledge", "step", "response", "note", "close"):
        assert expected in actions


async def test_a_form_sent_twice_is_done_once(served: Served, http: aiohttp.ClientSession) -> None:
    await sign_in(http, await served.link("griffier-zeist"))
    page = f"/console/melding/{served.reference}"
    async with http.get(served.url + page) as answer:
        data = {**_form(await answer.text(), f"{page}/notitie"), "note": "Eén keer."}
    for _ in range(2):
        async with http.post(served.url + f"{page}/notitie", data=data) as answer:
            assert answer.status == 200
    async with served.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(served.reference)
        assert case is not None
        notes = await tx.casework.notes(case.id, ("note",))
    assert [n.text for n in notes] == ["Eén keer."]


async def test_bad_form_input_is_a_clear_4xx(served: Served, http: aiohttp.ClientSession) -> None:
    html = await sign_in(http, await served.link("griffier-zeist"))
    csrf = _csrf(html)
    page = served.url + f"/console/melding/{served.reference}"
    async with http.post(page + "/onbekend", data={"csrf": csrf, "form_id": "x" * 16}) as a:
        assert a.status == 404
    async with http.post(page + "/notitie", data={"csrf": csrf}) as a:
        assert a.status == 400
    async with http.post(
        page + "/stap", data={"csrf": csrf, "form_id": "y" * 16, "step": "99"}
    ) as a:
        assert a.status == 409


async def test_my_deadlines(served: Served, http: aiohttp.ClientSession) -> None:
    await sign_in(http, await served.link("griffier-zeist"))
    async with http.get(served.url + "/console/termijnen") as answer:
        html = await answer.text()
    assert served.reference in html and "de ontvangst van de melding bevestigen" in html
    served.app.clock.advance(days=3)  # type: ignore[attr-defined]
    async with http.get(served.url + "/console/termijnen") as answer:
        html = await answer.text()
    overdue = html.split('id="g-overdue"')[1].split("</section>")[0]
    assert served.reference in overdue
