"""Benchmark: the reminder sweep with 100,000 pending rows of which 1,000 are due.

Builds the rows straight in the database (1,000 submitted cases at Gemeente Zeist, 100
reminder rows each, one of them due), then times one sweep round: claim the 1,000 due rows
under a lease and turn each into an outbox row for the griffier. Then an idle round (nothing
due, 99,000 pending), and the plan of the claim query. SQLite always; PostgreSQL when
WEERBAAR_TEST_PG_URL (or the default local server) answers. Not a test: it asserts nothing.

    .venv/bin/python bench/sweep_bench.py [--rows 100000] [--due 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import Weerbaar
from bot.cli.demo import seed_demo
from bot.settings import Settings
from storage.crypto import new_key
from storage.tables import cases, reminders
from tests.pg import scratch_database

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=AMS)
PG_URL = os.environ.get(
    "WEERBAAR_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)


async def fill(app: Weerbaar, total: int, due: int) -> None:
    per_case = total // due
    async with app.store.transaction() as tx:
        await seed_demo(tx, NOW)
        org_id = await tx.people.organisation_id("zeist")
        reporter = await tx.people.find_person_id("local", "handle", "bram")
        case_rows = [
            {
                "reference": f"WB-B{i:05d}",
                "status": "submitted",
                "reporter_id": reporter,
                "channel": "local",
                "role": "gemeenteraadslid",
                "org_id": org_id,
                "handler_function": "griffier",
                "informed": [],
                "kinds": [],
                "serious": False,
                "criminal_suspected": False,
                "created_at": NOW,
                "submitted_at": NOW,
            }
            for i in range(due)
        ]
        await tx.conn.execute(cases.insert(), case_rows)
        ids = list(
            (
                await tx.conn.execute(
                    cases.select().with_only_columns(cases.c.id).order_by(cases.c.id)
                )
            ).scalars()
        )
    batch: list[dict[str, object]] = []
    for case_id in ids:
        for j in range(per_case):
            # one overdue step per case; the rest spread over the coming weeks
            at = NOW - timedelta(minutes=5) if j == 0 else NOW + timedelta(hours=j)
            batch.append(
                {
                    "case_id": case_id,
                    "kind": "measures",
                    "step": "overdue" if j == 0 else f"escalation_{j}",
                    "due_at": at,
                    "state": "pending",
                    "late": False,
                    "created_at": NOW,
                }
            )
            if len(batch) == 10_000:
                async with app.store.transaction() as tx:
                    await tx.conn.execute(reminders.insert(), batch)
                batch = []
    if batch:
        async with app.store.transaction() as tx:
            await tx.conn.execute(reminders.insert(), batch)
    async with app.store.transaction() as tx:
        if tx.conn.dialect.name == "postgresql":
            await tx.conn.exec_driver_sql("ANALYZE reminders")
        else:
            await tx.conn.exec_driver_sql("ANALYZE")


async def run(name: str, url: str, home: Path, total: int, due: int) -> None:
    settings = Settings(
        database_url=url,
        encryption_keys=f"b1:{new_key()}",
        home=home,
        sweep_batch=due,
        _env_file=None,
    )  # type: ignore[call-arg]
    app = await Weerbaar.create(settings, clock=lambda: NOW)
    try:
        t0 = time.perf_counter()
        await fill(app, total, due)
        filled = time.perf_counter() - t0
        async with app.store.transaction() as tx:
            plan = await tx.reminders.explain_claim(NOW, due)
        t0 = time.perf_counter()
        async with app.store.transaction() as tx:
            claimed = await tx.reminders.claim_due(NOW, uuid.uuid4().hex, due)
        claim_only = time.perf_counter() - t0
        async with app.store.transaction() as tx:  # give them back for the full round
            await tx.conn.execute(
                reminders.update()
                .where(reminders.c.id.in_([c.id for c in claimed]))
                .values(lease_token=None, lease_until=None)
            )
        t0 = time.perf_counter()
        sent = await app.sweeper.run_once()
        full = time.perf_counter() - t0
        t0 = time.perf_counter()
        idle = await app.sweeper.run_once()
        idle_s = time.perf_counter() - t0
        async with app.store.transaction() as tx:
            queued = (await tx.outbox.counts()).get("pending", 0)
        print(f"== {name}: {total:,} pending reminder rows, {due:,} due (filled in {filled:.1f} s)")
        print(f"claim only (lease {len(claimed):,} rows):      {claim_only * 1000:8.1f} ms")
        print(
            f"sweep round (claim + outbox rows): {full * 1000:8.1f} ms  "
            f"({sent:,} sent, {queued:,} outbox rows, {sent / full:,.0f} rows/s)"
        )
        print(f"idle round (nothing due):          {idle_s * 1000:8.1f} ms  ({idle} sent)")
        print("claim query plan:")
        print("  " + plan.replace("\n", "\n  "))
        print()
    finally:
        await app.close()


async def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--due", type=int, default=1_000)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        await run("SQLite", f"sqlite+aiosqlite:///{home / 'bench.db'}", home, args.rows, args.due)
        made = await scratch_database(PG_URL, "weerbaar_bench")
        if made is None:
            print(f"PostgreSQL not reachable at {PG_URL}: skipped")
            return
        url, drop = made
        try:
            await run("PostgreSQL", url, home, args.rows, args.due)
        finally:
            await drop()


if __name__ == "__main__":
    asyncio.run(main())
