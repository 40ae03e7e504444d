"""The console in a real browser: headless Chromium from Debian, driven by Playwright.

Sign in through a single-use link (a second use is refused), list and open cases, take
one in hand, tick a step, record a response, close it; a foreign case is 403 and the
attempt audited; a form without its CSRF token is refused and changes nothing; axe-core
finds no serious or critical accessibility violation on any page; and no request ever
leaves loopback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.console.browser import browser_context, require_chromium, serious_violations
from tests.console.live import LiveConsole

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveConsole]:
    require_chromium()
    console = LiveConsole(tmp_path_factory.mktemp("live"))
    yield console
    console.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Any]]:
    yield from browser_context(tmp_path_factory.mktemp("chromium-profile"))


@pytest.fixture(scope="module")
def tab(browser: tuple[Any, Any]) -> Any:
    """One page for the whole module: pages are not opened and closed per test (closing
    one can stall under load), each test starts it afresh instead."""
    context, _outside = browser
    page = context.pages[0] if context.pages else context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def page(tab: Any, browser: tuple[Any, Any]) -> Iterator[Any]:
    context, outside = browser
    context.clear_cookies()
    tab.set_viewport_size({"width": 1280, "height": 800})
    tab.goto("about:blank")
    yield tab
    assert outside.urls == [], f"requests left loopback: {outside.urls}"


def sign_in(page: Any, live: LiveConsole, handle: str) -> None:
    page.goto(live.link(handle))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/console/")


def test_a_link_signs_in_once(page: Any, live: LiveConsole) -> None:
    link = live.link("griffier-zeist")
    page.goto(link)
    assert page.title() == "Inloggen · Weerbaar"
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/console/")
    assert page.get_by_role("heading", level=1).inner_text() == "Meldingen"
    page.context.clear_cookies()
    page.goto(link)
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Deze link werkt niet meer"
    page.goto(live.served.url + "/console/")
    assert page.url.endswith("/console/inloggen")


def test_work_a_case_from_list_to_close(page: Any, live: LiveConsole) -> None:
    reference = live.new_case()
    sign_in(page, live, "griffier-zeist")
    page.get_by_label("Stand").select_option("submitted")
    page.get_by_role("button", name="Filteren").click()
    page.get_by_role("link", name=reference).click()
    assert page.get_by_role("heading", level=1).inner_text() == f"Melding {reference}"
    assert page.get_by_text("Hij schold me uit.").is_visible()

    page.get_by_role("button", name="In behandeling nemen").click()
    assert "In behandeling bij Gerda Smit" in page.content()
    page.get_by_role("button", name=re.compile(r"Afvinken\W+Intern melden")).click()
    assert page.get_by_role("status").first.is_visible()
    assert "Gedaan door Gerda Smit" in page.locator(".steps").inner_text()
    page.get_by_label("Welke reactie?").select_option("incident_en_herstelgesprek")
    page.get_by_label("Korte notitie").fill("Gesprek op het gemeentehuis.")
    page.get_by_role("button", name="Reactie vastleggen").click()
    assert "Incident- en herstelgesprek" in page.locator("#s-response + ul").inner_text()
    page.get_by_role("button", name="Melding afsluiten").click()
    assert page.get_by_text("Deze melding is afgesloten.").is_visible()

    case = live.case(reference)
    assert case.status == "closed" and case.acknowledged_by == "Gerda Smit"


def test_a_foreign_case_is_403_and_audited(page: Any, live: LiveConsole) -> None:
    sign_in(page, live, "secretaris-utrecht")
    answer = page.goto(f"{live.served.url}/console/melding/{live.served.reference}")
    assert answer.status == 403
    assert page.get_by_role("heading", level=1).inner_text() == "Geen toegang"
    assert "Hij schold me uit." not in page.content()
    assert ("refused", "console", "Hans Mulder") in live.audit("refused")


def test_a_form_without_its_csrf_token_is_refused(page: Any, live: LiveConsole) -> None:
    reference = live.new_case()
    sign_in(page, live, "griffier-zeist")
    page.goto(f"{live.served.url}/console/melding/{reference}")
    form = page.locator(f'form[action="/console/melding/{reference}/ontvangst"]')
    form.locator('input[name="csrf"]').evaluate("input => input.value = 'wrong'")
    with page.expect_response(f"**/{reference}/ontvangst") as posted:
        form.get_by_role("button", name="In behandeling nemen").click()
    assert posted.value.status == 403
    form_less = page.request.post(
        f"{live.served.url}/console/melding/{reference}/ontvangst",
        form={"form_id": "z" * 16},
    )
    assert form_less.status == 403
    assert live.case(reference).acknowledged_at is None


def test_no_serious_accessibility_violation_on_any_page(page: Any, live: LiveConsole) -> None:
    base = live.served.url + "/console"
    pages: list[tuple[str, str]] = [
        ("sign-in help", base + "/inloggen"),
        ("sign-in link", live.link("coordinator")),
        ("teams tab", base + "/teams"),
        ("chat", base + "/chat?als=bram"),
    ]
    found: dict[str, list[str]] = {}
    for name, url in pages:
        page.goto(url)
        found[name] = serious_violations(page)
    spent = live.link("coordinator")
    for _ in range(2):  # the second time: "this link no longer works"
        page.context.clear_cookies()
        page.goto(spent)
        page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Deze link werkt niet meer"
    found["link used"] = serious_violations(page)
    sign_in(page, live, "coordinator")
    for name, url in (
        ("case list", base + "/"),
        ("case list, filtered", base + "/?status=closed&termijn=none"),
        ("case page", f"{base}/melding/{live.served.reference}"),
        ("my deadlines", base + "/termijnen"),
        ("not found", base + "/melding/WB-ZZZZZZ"),
    ):
        page.goto(url)
        found[name] = serious_violations(page)
    page.context.clear_cookies()
    sign_in(page, live, "secretaris-utrecht")
    page.goto(f"{base}/melding/{live.served.reference}")
    found["forbidden"] = serious_violations(page)
    assert {name: v for name, v in found.items() if v} == {}


def test_the_chat_in_the_browser_runs_the_report(page: Any, live: LiveConsole) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live.served.url + "/console/chat?als=sanne")
    page.get_by_label("Je bericht").fill("hallo")
    page.get_by_role("button", name="Versturen").click()
    messages = page.locator(".messages").inner_text()
    assert "hallo" in messages and "veilig" in messages.lower()


def test_static_files_only_from_the_package(page: Any, live: LiveConsole) -> None:
    answer = page.goto(live.served.url + "/console/static/console.css")
    assert answer.status == 200
    assert page.goto(live.served.url + "/console/static/../app.py").status == 404
    assert Path(__file__).parent.exists()


def test_the_accessibility_check_sees_a_violation(page: Any) -> None:
    """The check itself: a page with an unlabelled field and an image without text."""
    page.set_content(
        '<html><body><main><input type="text">'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>'
    )
    found = serious_violations(page)
    assert any(line.startswith("label ") for line in found), found
    assert any(line.startswith("image-alt ") for line in found), found
