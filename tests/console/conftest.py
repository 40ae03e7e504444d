"""The console served by the real web app on a loopback port, with a submitted case.

Bram (gemeenteraadslid, Zeist) reports; Gerda (griffier-zeist) handles it; Hans
(secretaris-utrecht) is a handler of another organisation; Lotte (coordinator) sees all.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from adapters.http import build_web_app, server_options
from bot.app import Weerbaar
from tests.chat import Chatter, report_lines
from tests.conftest import AppFactory

PHOTO = b"\x89PNG\r\n\x1a\n" + b"console-test-photo" * 20


@dataclass
class Served:
    app: Weerbaar
    url: str  # http://127.0.0.1:PORT
    reference: str

    async def link(self, handle: str) -> str:
        """A sign-in link for `handle`, as "console" typed in their chat gives it."""
        text = await Chatter(self.app, handle).say("console")
        found = re.search(r"http://\S+/console/inloggen/\S+", text)
        assert found, text
        return found.group(0)

    async def audit(self, action: str | None = None) -> list[tuple[str, str, str | None]]:
        """The case's audit entries as (action, channel, actor name)."""
        async with self.app.store.transaction() as tx:
            case = await tx.cases.case_by_reference(self.reference)
            assert case is not None
            entries = await tx.audit.for_case(case.id)
        return [
            (e.action, e.channel, e.actor_name)
            for e in entries
            if action is None or e.action == action
        ]


async def submit_case(app: Weerbaar, tmp_path: Path, what: str = "Hij schold me uit.") -> str:
    """Bram reports (with a photo); returns the case's reference."""
    photo = tmp_path / "foto.png"
    photo.write_bytes(PHOTO)
    bram = Chatter(app, "bram")
    lines = report_lines(what=what)
    evidence_at = lines.index("overslaan", lines.index("overslaan") + 1)
    await bram.say(*lines[:evidence_at])
    await bram.file(photo)
    await bram.say("klaar", *lines[evidence_at + 1 :])
    text = await bram.say("verstuur")
    found = re.search(r"WB-[0-9A-Z]{6}", text)
    assert found, text
    return found.group(0)


async def serve(app: Weerbaar) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(build_web_app(app), **server_options(app.settings))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, f"http://127.0.0.1:{port}"


@pytest.fixture
async def served(make_app: AppFactory, sqlite_url: str, tmp_path: Path) -> AsyncIterator[Served]:
    app = await make_app(sqlite_url)
    reference = await submit_case(app, tmp_path)
    runner, url = await serve(app)
    app.service.console_url = url  # the links point at this server
    try:
        yield Served(app, url, reference)
    finally:
        await runner.cleanup()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    """A browser-like client that keeps cookies (also for 127.0.0.1) and follows nothing
    by itself unless asked."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        yield session
