"""The sealed session cookie, single-use links, and the console texts in the templates."""

from __future__ import annotations

import asyncio
import re
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import text

from adapters.console.session import LINK, Sealer, new_session
from bot.app import Weerbaar
from bot.console.links import issue_link, redeem_link, token_hash
from bot.text.catalogue import TEXTS

KEY = bytes(range(32))
TEMPLATES = Path(__file__).resolve().parents[2] / "adapters" / "console" / "templates"


def test_a_sealed_session_opens_only_unchanged_unexpired_and_under_its_key() -> None:
    sealer = Sealer(KEY)
    session = new_session(7, hours=1, via=LINK)
    value = sealer.seal(session)
    assert sealer.open(value) == session
    flipped = value[:-2] + ("A" if value[-2] != "A" else "B") + value[-1]
    assert sealer.open(flipped) is None
    assert Sealer(bytes(32)).open(value) is None
    assert sealer.open(value, now=time.time() + 2 * 3600) is None
    for junk in ("", "x", "!!!", "A" * 2000, None):
        assert sealer.open(junk) is None


def test_the_cookie_hides_who_it_is_for() -> None:
    sealer = Sealer(KEY)
    a, b = (sealer.seal(new_session(7, hours=1, via=LINK)) for _ in range(2))
    assert a != b  # a fresh nonce and CSRF token each time


async def test_a_link_is_stored_as_a_hash_and_redeemed_once(app: Weerbaar) -> None:
    now = app.clock()
    async with app.store.transaction() as tx:
        pid = await tx.people.find_person_id("local", "handle", "griffier-zeist")
        assert pid is not None
        token = await issue_link(tx, pid, now, timedelta(minutes=10))
    async with app.store.transaction() as tx:
        rows = await tx.conn.execute(text("SELECT token_hash FROM console_links"))  # type: ignore[attr-defined]
        stored = [r[0] for r in rows]
    assert stored == [token_hash(token)] and token not in stored

    async def redeem() -> int | None:
        async with app.store.transaction() as tx:
            return await redeem_link(tx, token, now)

    first, second = await asyncio.gather(redeem(), redeem())
    assert sorted([first, second], key=lambda x: x is None) == [pid, None]
    async with app.store.transaction() as tx:
        assert await redeem_link(tx, "", now) is None
        assert await redeem_link(tx, "x" * 500, now) is None


async def test_old_links_are_purged(app: Weerbaar) -> None:
    now = app.clock()
    async with app.store.transaction() as tx:
        pid = await tx.people.find_person_id("local", "handle", "coordinator")
        assert pid is not None
        await issue_link(tx, pid, now, timedelta(minutes=10))
        assert await tx.console_links.purge_links(now + timedelta(minutes=11)) == 1


def test_every_text_a_template_uses_is_in_the_catalogue() -> None:
    used = {
        key
        for path in TEMPLATES.glob("*.html")
        for key in re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']""", path.read_text())
    }
    assert len(used) > 50
    prefixes = {k for k in used if k.endswith("_")}  # t("console_status_" + case.status)
    assert sorted(used - prefixes - TEXTS.keys()) == []
    assert all(any(k.startswith(p) for k in TEXTS) for p in prefixes)


def test_every_template_extends_the_base() -> None:
    for path in TEMPLATES.glob("*.html"):
        if path.name != "base.html":
            assert path.read_text().startswith('{% extends "base.html" %}'), path.name
