"""The trend, evaluation and dossier pages in a real browser (headless Debian Chromium by
Playwright): an evaluation filled in and stored, a dossier link confirmed, the charts
drawn without script, axe-core finding no serious or critical violation on any of these
pages, and no request leaving loopback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.console.browser import browser_context, require_chromium, serious_violations
from tests.console.live import LiveConsole
from tests.insight.generate import generate
from tests.insight.test_dossier import MARK_HANDLE, MARK_PHONE, report

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveConsole]:
    require_chromium()
    console = LiveConsole(tmp_path_factory.mktemp("live"))
    app = console.served.app
    console.call(lambda: generate(app, 150))
    console.zeist = console.call(  # type: ignore[attr-defined]
        lambda: report(app, "bram", f"Belde van {MARK_PHONE}", f"Online {MARK_HANDLE}", "Schold.")
    )
    console.utrecht = console.call(  # type: ignore[attr-defined]
        lambda: report(app, "anna", "Iemand", "Nummer +31612345678, @zwartkat_77", "Dreigde.")
    )
    yield console
    console.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Any]]:
    yield from browser_context(tmp_path_factory.mktemp("chromium-profile"))


@pytest.fixture
def page(browser: tuple[Any, Any]) -> Iterator[Any]:
    context, outside = browser
    context.clear_cookies()
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    tab.close()
    assert outside.urls == [], f"requests left loopback: {outside.urls}"


def audit(live: LiveConsole, reference: str) -> list[tuple[str, str, str | None]]:
    async def read() -> list[tuple[str, str, str | None]]:
        async with live.served.app.store.transaction() as tx:
            case = await tx.cases.case_by_reference(reference)
            assert case is not None
            return [(e.action, e.channel, e.actor_name) for e in await tx.audit.for_case(case.id)]

    return live.call(read)


def sign_in(page: Any, live: LiveConsole, handle: str) -> None:
    page.context.clear_cookies()
    page.goto(live.link(handle))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/console/")


def test_fill_in_an_evaluation(page: Any, live: LiveConsole) -> None:
    reference = live.zeist  # type: ignore[attr-defined]
    sign_in(page, live, "griffier-zeist")
    page.goto(f"{live.served.url}/console/melding/{reference}")
    page.get_by_role("link", name=f"Evaluatie van melding {reference}").click()
    page.get_by_role("group", name="Hoe ernstig was het?").get_by_label("Hoog").check()
    page.get_by_role("group", name="Hoe groot is de kans dat het weer gebeurt?").get_by_label(
        "Middel"
    ).check()
    page.get_by_label("Waarom gebeurde het?").fill("De balie was niet bemand.")
    page.get_by_label("Wat kan beter, en hoe?").fill("Een afspraak vooraf.")
    page.get_by_label("Ik deel de lessen met de coördinator VPT").check()
    page.get_by_role("button", name="Bewaar evaluatie").click()
    assert "is bewaard" in page.get_by_role("status").inner_text()
    assert page.get_by_label("Waarom gebeurde het?").input_value() == "De balie was niet bemand."
    assert ("evaluate", "console", "Gerda Smit") in audit(live, reference)


def test_confirm_a_dossier_link(page: Any, live: LiveConsole) -> None:
    utrecht = live.utrecht  # type: ignore[attr-defined]
    zeist = live.zeist  # type: ignore[attr-defined]
    sign_in(page, live, "secretaris-utrecht")
    page.goto(f"{live.served.url}/console/melding/{utrecht}/dossier")
    assert zeist not in page.content()
    page.get_by_role("button", name="Bevestig").first.click()
    page.wait_for_url(f"**/melding/{utrecht}/dossier")
    items = page.locator("ol.timeline li")
    assert items.count() == 2
    assert "Gemeente Zeist" in page.locator('ol.timeline li[data-full="no"]').inner_text()


def test_trend_charts_draw_without_script(page: Any, live: LiveConsole) -> None:
    sign_in(page, live, "coordinator")
    page.goto(live.served.url + "/console/trends")
    charts = page.locator("img.chart")
    assert charts.count() == 10
    # Every chart image loaded (a data: SVG; the page's CSP lets no script run).
    loaded = page.evaluate(
        "() => [...document.querySelectorAll('img.chart')].every(i => i.naturalWidth > 0)"
    )
    assert loaded
    assert page.locator("table#table-org caption").count() == 1


def test_no_serious_accessibility_violation_on_these_pages(page: Any, live: LiveConsole) -> None:
    base = live.served.url + "/console"
    zeist = live.zeist  # type: ignore[attr-defined]
    found: dict[str, list[str]] = {}
    sign_in(page, live, "coordinator")
    for name, url in (
        ("trends", base + "/trends"),
        ("trends, 3 months", base + "/trends?maanden=3"),
        ("open evaluations", base + "/evaluaties"),
        ("evaluation", f"{base}/melding/{zeist}/evaluatie"),
        ("dossier", f"{base}/melding/{zeist}/dossier"),
    ):
        page.goto(url)
        found[name] = serious_violations(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base + "/trends")
    found["trends, phone"] = serious_violations(page)
    assert {name: v for name, v in found.items() if v} == {}
