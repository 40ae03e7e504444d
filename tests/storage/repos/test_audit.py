"""The audit trail's storage: appended in order, encrypted, and the database refuses to
change or remove an entry (both backends); migration 0006 moves clear snooze reasons."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, text, update

from bot.app import Weerbaar
from bot.cases.audit import record, record_by, refused, viewed_by
from bot.domain.audit import CLI, AuditAction, AuditEntry
from storage.crypto import FieldCipher
from storage.database import Database
from storage.migrate import upgrade_on
from storage.store import Store
from storage.tables import audit_trail, case_events
from tests.conftest import TEST_KEY, AppFactory, FakeClock


async def _case(app: Weerbaar, clock: FakeClock) -> tuple[int, int, int]:
    async with app.store.transaction() as tx:
        reporter = await tx.people.add_person("Rita Raadslid", clock())
        handler = await tx.people.add_person("Gijs Griffier", clock())
        case_id = await tx.cases.create_draft(reporter, "local", clock())
    return case_id, reporter, handler


async def test_entries_come_back_in_order_with_names_and_their_detail(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await make_app(database_url, demo=False)
    case_id, reporter, handler = await _case(app, clock)
    async with app.store.transaction() as tx:
        await record_by(tx, case_id, handler, "teams", AuditAction.VIEW, clock())
        clock.advance(minutes=5)
        await record_by(tx, case_id, handler, CLI, AuditAction.VIEW, clock())
        clock.advance(minutes=5)
        await refused(tx, case_id, reporter, "signal", AuditAction.ACKNOWLEDGE, clock())
        await record(tx, case_id, None, AuditAction.REFUSED, "teams", clock(), {"attempt": "x"})
    async with app.store.transaction() as tx:
        entries = await tx.audit.for_case(case_id)
        seen = await viewed_by(tx, case_id)
    assert [(e.action, e.channel, e.actor_id, e.on_behalf_of) for e in entries] == [
        ("view", "teams", handler, None),
        ("view", CLI, None, handler),  # the operator, on Gijs' behalf
        ("refused", "signal", reporter, None),
        ("refused", "teams", None, None),  # someone not enrolled
    ]
    assert entries[0].actor_name == "Gijs Griffier" and entries[1].on_behalf_name == "Gijs Griffier"
    assert entries[2].detail == {"attempt": "acknowledge"}
    assert entries[0].at < entries[1].at < entries[2].at
    assert [name for name, _at in seen] == ["Gijs Griffier"]  # once, with the latest view
    assert seen[0][1] == entries[1].at


async def test_the_database_refuses_to_change_or_remove_an_entry(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await make_app(database_url, demo=False)
    case_id, _reporter, handler = await _case(app, clock)
    async with app.store.transaction() as tx:
        await record_by(tx, case_id, handler, "teams", AuditAction.ACKNOWLEDGE, clock())
    for statement in (
        update(audit_trail).values(action="view"),
        update(audit_trail).values(actor_id=None),
        update(audit_trail).values(at=clock()),
        delete(audit_trail),
    ):
        with pytest.raises(Exception, match="append-only"):
            async with Store(app.db).transaction() as raw:  # raw SQL: the concrete store
                await raw.conn.execute(statement)
    async with app.store.transaction() as tx:
        [entry] = await tx.audit.for_case(case_id)
    assert entry.action == "acknowledge" and entry.actor_id == handler
    # The repository has no way to do it either.
    assert {n for n in dir(type(tx.audit)) if not n.startswith("_")} == {"append", "for_case"}


async def test_detail_is_encrypted_at_rest(
    make_app: AppFactory, sqlite_url: str, clock: FakeClock
) -> None:
    app = await make_app(sqlite_url, demo=False)
    case_id, _reporter, handler = await _case(app, clock)
    marker = "WACHT-OP-DE-BURGEMEESTER-7361"
    async with app.store.transaction() as tx:
        await tx.audit.append(
            AuditEntry(
                case_id, handler, AuditAction.DEADLINE_LATER, "local", clock(), {"r": marker}
            )
        )
    path = Path(sqlite_url.removeprefix("sqlite+aiosqlite:///"))
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT * FROM audit_trail").fetchall()
    assert rows and marker.encode() not in repr(rows).encode()
    assert marker.encode() not in path.read_bytes()


async def test_migration_0006_moves_clear_snooze_reasons_into_the_encrypted_trail(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "old.db"
    cipher = FieldCipher.from_setting(TEST_KEY)
    db = Database.open(f"sqlite+aiosqlite:///{path}", cipher)
    async with db.connect() as conn:
        await upgrade_on(conn, "0005")
        await conn.execute(
            text("INSERT INTO people (id, name_enc, created_at) VALUES (1, :n, '2026-11-25')"),
            {"n": cipher.encrypt_text("Gijs", "person:1")},
        )
        await conn.execute(
            text(
                "INSERT INTO cases (id, reference, status, reporter_id, channel, created_at) "
                "VALUES (1, 'WB-AAAAAA', 'submitted', 1, 'local', '2026-11-25')"
            )
        )
        await conn.execute(
            insert(case_events),
            [
                {
                    "case_id": 1,
                    "at": clock(),
                    "actor_id": 1,
                    "kind": "deadline_snoozed",
                    "detail": {"deadline": "measures", "until": "x", "reason": "GEHEIM-REDEN-42"},
                },
                {"case_id": 1, "at": clock(), "actor_id": 1, "kind": "submitted", "detail": {}},
            ],
        )
    async with db.connect() as conn:
        await upgrade_on(conn, cipher=cipher)
    await db.close()
    assert b"GEHEIM-REDEN-42" not in path.read_bytes()

    db = Database.open(f"sqlite+aiosqlite:///{path}", cipher)
    async with Store(db).transaction() as tx:
        [entry] = await tx.audit.for_case(1)
        events = await tx.cases.events(1)
    await db.close()
    assert entry.action == "deadline_later" and entry.actor_id == 1
    assert entry.detail == {"deadline": "measures", "until": "x", "reason": "GEHEIM-REDEN-42"}
    assert events[0].detail == {"deadline": "measures", "until": "x"}


async def test_migration_0006_without_the_keys_stops_rather_than_lose_reasons(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "old.db"
    cipher = FieldCipher.from_setting(TEST_KEY)
    db = Database.open(f"sqlite+aiosqlite:///{path}", cipher)
    async with db.connect() as conn:
        await upgrade_on(conn, "0005")
        await conn.execute(
            text("INSERT INTO people (id, name_enc, created_at) VALUES (1, x'00', '2026-11-25')")
        )
        await conn.execute(
            text(
                "INSERT INTO cases (id, reference, status, reporter_id, channel, created_at) "
                "VALUES (1, 'WB-AAAAAA', 'submitted', 1, 'local', '2026-11-25')"
            )
        )
        await conn.execute(
            insert(case_events).values(
                case_id=1, at=clock(), actor_id=1, kind="deadline_snoozed", detail={"reason": "r"}
            )
        )
    with pytest.raises(RuntimeError, match="needs the encryption keys"):
        async with db.connect() as conn:
            await upgrade_on(conn)
    await db.close()
    with sqlite3.connect(path) as conn:
        (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert version == "0005"
