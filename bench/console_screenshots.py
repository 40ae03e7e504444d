"""Screenshots of the console's case page at phone (390x844) and desktop (1280x800) width.

Not a test: it serves the console with the demo people and one case worked a little
(taken in hand, a step ticked, a response recorded), opens it in Debian's headless
Chromium as the griffier, and writes full-page PNGs to /tmp (or the folder given):

    .venv/bin/python bench/console_screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests' helpers

from tests.console.browser import browser_context
from tests.console.live import LiveConsole

SIZES = {"phone": (390, 844), "desktop": (1280, 800)}


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        live = LiveConsole(Path(tmp))
        try:
            contexts = browser_context(Path(tmp) / "profile")
            context, outside = next(contexts)
            page = context.new_page()
            page.goto(live.link("griffier-zeist"))
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_url("**/console/")
            case_url = f"{live.served.url}/console/melding/{live.served.reference}"
            page.goto(case_url)
            page.get_by_role("button", name="In behandeling nemen").click()
            page.locator(".steps button").first.click()
            page.get_by_label("Welke reactie?").select_option("incident_en_herstelgesprek")
            page.get_by_role("button", name="Reactie vastleggen").click()
            for name, (width, height) in SIZES.items():
                page.set_viewport_size({"width": width, "height": height})
                page.goto(case_url)
                path = out / f"console-case-{name}.png"
                page.screenshot(path=str(path), full_page=True)
                print(f"{name} {width}x{height}: {path}")
                path = out / f"console-case-{name}-first-screen.png"
                page.screenshot(path=str(path), full_page=False)
                print(f"{name} {width}x{height}: {path}")
                page.locator("#s-steps").scroll_into_view_if_needed()
                path = out / f"console-case-{name}-steps.png"
                page.screenshot(path=str(path), full_page=False)
                print(f"{name} {width}x{height}: {path}")
                page.goto(f"{live.served.url}/console/")
                path = out / f"console-list-{name}.png"
                page.screenshot(path=str(path), full_page=False)
                print(f"{name} {width}x{height}: {path}")
            assert outside.urls == [], outside.urls
            page.close()
            contexts.close()  # type: ignore[attr-defined]
        finally:
            live.stop()


if __name__ == "__main__":
    main()
