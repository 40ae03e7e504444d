"""Screenshots of the trend page (and the dossier page) at phone (390x844) and desktop
(1280x800) width.

Not a test: it serves the console with the demo people and 300 generated cases over two
years (tests/insight/generate.py), plus two reports naming one perpetrator, opens the
trend page as the coordinator VPT and the dossier as a handler in Debian's headless
Chromium, and writes full-page PNGs to /tmp (or the folder given):

    .venv/bin/python bench/insight_screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests' helpers

from tests.console.browser import browser_context
from tests.console.live import LiveConsole
from tests.insight.generate import generate
from tests.insight.test_dossier import MARK_HANDLE, MARK_PHONE, report

SIZES = {"phone": (390, 844), "desktop": (1280, 800)}


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        live = LiveConsole(Path(tmp))
        app = live.served.app
        try:
            live.call(lambda: generate(app, 300))
            live.call(lambda: report(app, "bram", f"Belde {MARK_PHONE}", MARK_HANDLE, "Schold."))
            utrecht = live.call(
                lambda: report(app, "anna", "Iemand", "Nummer +31612345678", "Dreigde.")
            )
            contexts = browser_context(Path(tmp) / "profile")  # kept: closing it stops the browser
            context, outside = next(contexts)
            page = context.new_page()
            for handle, name, url in (
                ("coordinator", "trends", "/console/trends"),
                ("secretaris-utrecht", "dossier", f"/console/melding/{utrecht}/dossier"),
            ):
                context.clear_cookies()
                page.goto(live.link(handle))
                page.get_by_role("button", name="Inloggen").click()
                page.wait_for_url("**/console/")
                for size, (width, height) in SIZES.items():
                    page.set_viewport_size({"width": width, "height": height})
                    page.goto(live.served.url + url)
                    path = out / f"insight-{name}-{size}.png"
                    page.screenshot(path=str(path), full_page=True)
                    print(path)
                    top = out / f"insight-{name}-{size}-top.png"  # what shows on opening
                    page.screenshot(path=str(top))
                    print(top)
            assert outside.urls == [], outside.urls
        finally:
            live.stop()


if __name__ == "__main__":
    main()
