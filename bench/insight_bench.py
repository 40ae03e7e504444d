"""Benchmark: the trend page's counting and the dossier's matching, on SQLite and PostgreSQL.

Generates N submitted cases over two years on the demo reporters (tests/insight/generate.py:
random kinds, organisations, acknowledgements, closings, aangiftes), then times
`trends_for` (the three fact queries and the counting of all ten tables, for the
coordinator, 12 months) and `mark_case` for a new report naming a perpetrator by name,
handle and phone number among N marked cases. PostgreSQL when WEERBAAR_TEST_PG_URL (or
the default local server) answers. Not a test: it asserts nothing.

    .venv/bin/python bench/insight_bench.py [--cases 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import Weerbaar
from bot.cases.dossier import mark_case
from bot.cases.trends import trends_for
from bot.cli.demo import seed_demo
from bot.domain.identifiers import identifiers_in
from bot.domain.trends import Period
from bot.settings import Settings
from storage.crypto import new_key
from tests.insight.generate import generate
from tests.pg import scratch_database

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=AMS)
PG_URL = os.environ.get(
    "WEERBAAR_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)


async def run(url: str, home: Path, n: int) -> None:
    options: dict[str, object] = {
        "database_url": url,
        "encryption_keys": f"b:{new_key()}",
        "home": home,
        "_env_file": None,
    }
    app = await Weerbaar.create(Settings(**options), clock=lambda: NOW)  # type: ignore[arg-type]
    try:
        async with app.store.transaction() as tx:
            await seed_demo(tx, NOW)
        started = time.perf_counter()
        await generate(app, n)
        print(f"  generated {n} cases in {time.perf_counter() - started:.1f} s")
        async with app.store.transaction() as tx:
            cases = await tx.cases.list_cases()
            for i, case in enumerate(cases):
                # A surname of its own per case (names are letters only: bot/domain/identifiers.py).
                surname = "".join(chr(97 + int(d)) for d in str(i)).capitalize()
                await tx.dossier.set_marks(
                    case.id, identifiers_in(f"Piet {surname} @acc{i} 06-{10000000 + i}")
                )
            lotte = await tx.people.person_for("local", "handle", "coordinator")
        assert lotte is not None
        times = []
        for _ in range(5):
            started = time.perf_counter()
            async with app.store.transaction() as tx:
                found = await trends_for(tx, lotte, Period.ending(NOW, 12), NOW, 5)
            times.append(time.perf_counter() - started)
        cells = sum(len(r.cells) for t in found.tables for r in t.rows)
        print(
            f"  trends_for, 12 months, {len(found.tables)} tables, {cells} cells: "
            f"best {min(times) * 1000:.0f} ms, median {sorted(times)[2] * 1000:.0f} ms"
        )
        answers = {"perp_who": "Piet Hb belde van 0612345678", "perp_details": "@acc9"}
        times = []
        for _ in range(5):
            started = time.perf_counter()
            async with app.store.transaction() as tx:
                await mark_case(tx, cases[-1], answers, NOW)
            times.append(time.perf_counter() - started)
        print(
            f"  mark_case among {n} marked cases: best {min(times) * 1000:.1f} ms, "
            f"median {sorted(times)[2] * 1000:.1f} ms"
        )
    finally:
        await app.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print("SQLite")
        await run(f"sqlite+aiosqlite:///{tmp}/bench.db", Path(tmp), args.cases)
        made = await scratch_database(PG_URL, "weerbaar_bench")
        if made is None:
            print("PostgreSQL: not reachable, skipped")
            return
        url, drop = made
        try:
            print("PostgreSQL")
            await run(url, Path(tmp), args.cases)
        finally:
            await drop()


if __name__ == "__main__":
    asyncio.run(main())
