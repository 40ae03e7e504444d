"""Headless Chromium (the distribution's package) driven by Playwright, loopback only.

One browser per test module (`browser_context`): a fresh user-data directory, no network
beyond 127.0.0.1 (every other request is aborted and recorded, and a test module fails
if any was tried), no sandbox (CI runs as root), nothing of Chromium's own calls home.
Playwright's bundled browsers are never downloaded: `executable_path` is Debian's.

Without /usr/bin/chromium the tests skip with the reason, except where
WEERBAAR_REQUIRE_BROWSER is set (.ci/run sets it), where a missing browser fails them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERIOUS = ("serious", "critical")


def require_chromium() -> None:
    if CHROMIUM.exists() and shutil.which(str(CHROMIUM)):
        return
    reason = f"{CHROMIUM} is missing (apt-get install -y chromium)"
    if os.environ.get("WEERBAAR_REQUIRE_BROWSER"):
        pytest.fail(reason + " and WEERBAAR_REQUIRE_BROWSER is set", pytrace=False)
    pytest.skip(reason)


class Outside:
    """Every request that tried to leave loopback."""

    def __init__(self) -> None:
        self.urls: list[str] = []


def browser_context(user_data: Path) -> Iterator[tuple[object, Outside]]:
    """A persistent Chromium context on a fresh profile, with off-loopback requests
    aborted; yields it and the record of what was aborted."""
    require_chromium()
    from playwright.sync_api import Route, sync_playwright

    outside = Outside()
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(user_data),
            executable_path=str(CHROMIUM),
            args=ARGS,
            headless=True,
            locale="nl-NL",
            viewport={"width": 1280, "height": 800},
        )

        def gate(route: Route) -> None:
            if urlsplit(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                outside.urls.append(route.request.url)
                route.abort()

        context.route("**/*", gate)
        try:
            yield context, outside
        finally:
            context.close()


def serious_violations(page: object) -> list[str]:
    """axe-core (bundled by axe-playwright-python, run in the page) findings that are
    serious or critical, as "rule: target" lines."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") in SERIOUS:
            for node in violation["nodes"]:
                found.append(f"{violation['id']} ({violation['impact']}): {node['target']}")
    return found
