"""The perpetrator dossier end to end over the chat, on SQLite and PostgreSQL: two reports
from two organisations name one person in different spellings and are suggested as one;
only keyed hashes reach the database; each handler sees the other case's date, kind,
organisation and status only."""

from __future__ import annotations

import hashlib
import re

import pytest
from sqlalchemy import select, text

from bot.app import Weerbaar
from bot.cases.dossier import decide_link, dossier_for
from bot.domain.dossier import LinkState
from bot.errors import UserError
from storage.tables import perpetrator_marks
from tests.chat import Chatter, report_lines
from tests.conftest import AppFactory

MARK_PHONE = "06-12345678"
MARK_HANDLE = "@Zwartkat_77"


def lines_naming(who: str, details: str, what: str) -> list[str]:
    lines = report_lines(what=what)
    at = lines.index("3")  # perpetrator unknown, in the plain report
    return [*lines[:at], "1", who, details, *lines[at + 1 :]]


async def report(app: Weerbaar, handle: str, who: str, details: str, what: str) -> str:
    chat = Chatter(app, handle)
    await chat.say(*lines_naming(who, details, what))
    answer = await chat.say("verstuur")
    found = re.search(r"WB-[0-9A-Z]{6}", answer)
    assert found, answer
    return found.group(0)


async def person(app: Weerbaar, handle: str):  # type: ignore[no-untyped-def]
    async with app.store.transaction() as tx:
        found = await tx.people.person_for("local", "handle", handle)
    assert found is not None
    return found


@pytest.fixture
async def two_reports(make_app: AppFactory, database_url: str) -> tuple[Weerbaar, str, str]:
    app = await make_app(database_url)
    zeist = await report(
        app,
        "bram",
        f"Een man, hij belde van {MARK_PHONE}",
        f"Online heet hij {MARK_HANDLE}",
        "Hij schold.",
    )
    utrecht = await report(
        app,
        "anna",
        "Iemand op Instagram",
        "Zijn nummer is 0031 6 1234 5678, account @zwartkat_77",
        "Bedreigd.",
    )
    return app, zeist, utrecht


async def test_two_spellings_from_two_organisations_are_suggested_as_one(
    two_reports: tuple[Weerbaar, str, str],
) -> None:
    app, zeist, utrecht = two_reports
    async with app.store.transaction() as tx:
        a = await tx.cases.case_by_reference(zeist)
        b = await tx.cases.case_by_reference(utrecht)
        assert a is not None and b is not None and a.org_id != b.org_id
        links = await tx.dossier.suggested()
        outbox = [payload.payload.get("text", "") for payload, _ in await tx.outbox.all_items()]
    assert [(link.case_a, link.case_b, link.state) for link in links] == [
        (a.id, b.id, LinkState.SUGGESTED)
    ]
    # The handlers of both cases and the coordinator are told, by reference only.
    told = [t for t in outbox if "dezelfde persoon" in t]
    assert len(told) == 3 and all(zeist in t and utrecht in t for t in told)
    assert not any(MARK_PHONE in t or "zwartkat" in t.lower() for t in told)


async def test_only_keyed_hashes_reach_the_database(two_reports: tuple[Weerbaar, str, str]) -> None:
    app, _zeist, _utrecht = two_reports
    markers = ("12345678", "zwartkat", "Zwartkat")
    async with app.db.connect() as conn:
        marks = list(await conn.execute(select(perpetrator_marks)))
        # Every column of every table, as the database gives it back.
        tables = [
            r[0]
            for r in await conn.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type='table'"
                    if conn.dialect.name == "sqlite"
                    else "SELECT tablename FROM pg_tables WHERE schemaname='public'"
                )
            )
        ]
        dump = []
        for table in tables:
            for row in await conn.execute(text(f'SELECT * FROM "{table}"')):
                dump.append(repr(tuple(row)))
    assert {m.kind for m in marks} >= {"phone", "handle"}
    assert all(re.fullmatch(r"[0-9a-f]{64}", m.digest) for m in marks)
    raw = "\n".join(dump)
    for marker in markers:
        assert marker not in raw, marker
    # The hashes are keyed: not the plain SHA-256 of the canonical value.
    assert hashlib.sha256(b"phone:+31612345678").hexdigest() not in raw


async def test_each_handler_sees_the_other_case_by_date_kind_and_organisation_only(
    two_reports: tuple[Weerbaar, str, str],
) -> None:
    app, zeist, utrecht = two_reports
    hans = await person(app, "secretaris-utrecht")
    gerda = await person(app, "griffier-zeist")
    lotte = await person(app, "coordinator")
    async with app.store.transaction() as tx:
        (link,) = await tx.dossier.suggested()
    # Someone who handles neither case may not decide; a handler of one of them may.
    ineke = await person(app, "secretaris-houten")
    async with app.store.transaction() as tx:
        with pytest.raises(UserError):
            await decide_link(tx, ineke, link.id, True, "console", app.clock())
    async with app.store.transaction() as tx:
        decided = await decide_link(tx, hans, link.id, True, "console", app.clock())
    assert decided.state == LinkState.CONFIRMED and decided.decided_by == "Hans Mulder"

    async with app.store.transaction() as tx:
        seen_by_hans = await dossier_for(tx, hans, utrecht, "console", app.clock())
        seen_by_gerda = await dossier_for(tx, gerda, zeist, "console", app.clock())
        seen_by_lotte = await dossier_for(tx, lotte, zeist, "console", app.clock())
        with pytest.raises(UserError):  # not Hans's case: he opens his own case's dossier
            await dossier_for(tx, hans, zeist, "console", app.clock())
    for seen, own, other_org in (
        (seen_by_hans, utrecht, "Gemeente Zeist"),
        (seen_by_gerda, zeist, "Gemeente Utrecht"),
    ):
        assert len(seen.items) == 2
        mine = [i for i in seen.items if i.full]
        other = [i for i in seen.items if not i.full]
        assert [i.reference for i in mine] == [own]
        (foreign,) = other
        assert foreign.reference is None and foreign.role is None and foreign.serious is None
        assert foreign.org == other_org
        assert foreign.kinds == ("verbale_agressie",) and foreign.status == "submitted"
    assert all(i.full for i in seen_by_lotte.items)
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(zeist)
        assert case is not None
        entries = [(e.action, e.actor_name) for e in await tx.audit.for_case(case.id)]
    assert ("dossier", "Hans Mulder") in entries
    assert ("refused", "Hans Mulder") in entries
