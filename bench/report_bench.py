"""Benchmark: N concurrent whole reports through the engine and the SQLite store.

Every answer is committed before its reply is returned, exactly as in production, with the
reply written to the outbox in that transaction and marked sent afterwards (what the local
channel does once it has printed it). Prints turns per second, p50/p99 turn latency and
peak RSS. Not a test: it asserts nothing.

    .venv/bin/python bench/report_bench.py --reports 200 --concurrency 50
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import Weerbaar
from bot.settings import Settings
from dialogs.messages import ConversationKey, Inbound
from storage.crypto import new_key
from tests.pg import scratch_database

ANSWERS = [
    "hallo",
    "ja",
    "Hij schold me uit bij de ingang van het gemeentehuis.",
    "2, 3",
    "Gemeentehuis",
    "gisteren om 14:30",
    "ja",
    "1",
    "Een bekende inwoner",
    "overslaan",
    "overslaan",
    "overslaan",
    "5",
    "nee",
    "nee",
    "nee",
    "verstuur",
]


async def enrol(app: Weerbaar, n: int) -> None:
    async with app.store.transaction() as tx:
        org_id = await tx.people.organisation_id("zeist")
        assert org_id is not None
        for i in range(n):
            pid = await tx.people.add_person(f"Raadslid {i}", app.clock())
            await tx.people.add_role(pid, "gemeenteraadslid", org_id)
            await tx.people.add_identity(pid, "local", "handle", f"r{i}")


async def one_report(app: Weerbaar, i: int, latencies: list[float]) -> None:
    key = ConversationKey("local", "local", f"r{i}")
    for n, text in enumerate(ANSWERS):
        start = time.perf_counter()
        replies = await app.handle(Inbound(key=key, message_id=f"{i}:{n}", text=text))
        await app.replies.settle(key, replies, sent=len(replies))  # shown: marked sent
        latencies.append(time.perf_counter() - start)
        if not replies:
            raise SystemExit(f"no reply at turn {n} of report {i}")


async def run(reports: int, concurrency: int, url: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            database_url=url or f"sqlite+aiosqlite:///{tmp}/bench.db",
            encryption_keys=f"b:{new_key()}",
            home=Path(tmp),
            _env_file=None,
        )  # type: ignore[call-arg]
        app = await Weerbaar.create(settings)
        await enrol(app, reports)
        latencies: list[float] = []
        sem = asyncio.Semaphore(concurrency)

        async def guarded(i: int) -> None:
            async with sem:
                await one_report(app, i, latencies)

        cpu0, wall0 = time.process_time(), time.perf_counter()
        await asyncio.gather(*(guarded(i) for i in range(reports)))
        wall = time.perf_counter() - wall0
        cpu = time.process_time() - cpu0
        async with app.store.transaction() as tx:
            submitted = len(await tx.cases.list_cases())
        await app.close()

    turns = len(latencies)
    q = statistics.quantiles(latencies, n=100)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"backend            {settings.resolved_database_url().split(':')[0]}")
    print(f"reports            {reports} (submitted {submitted}), concurrency {concurrency}")
    print(f"turns              {turns}")
    print(
        f"wall time          {wall:.2f} s   cpu time {cpu:.2f} s "
        f"({cpu / wall * 100:.0f}% of one core)"
    )
    print(f"turns/s            {turns / wall:,.0f}")
    print(f"turns/cpu-second   {turns / cpu:,.0f}")
    print(f"latency p50        {q[49] * 1000:.2f} ms")
    print(f"latency p99        {q[98] * 1000:.2f} ms")
    print(f"peak RSS           {rss_mb:.0f} MB")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--reports", type=int, default=200)
    p.add_argument("--concurrency", type=int, default=50)
    p.add_argument(
        "--database-url",
        default=None,
        help="an EMPTY database (it is migrated and filled); default: a fresh SQLite file",
    )
    p.add_argument(
        "--postgres",
        action="store_true",
        help="a scratch database on the PostgreSQL server of WEERBAAR_TEST_PG_URL "
        "(default postgres@127.0.0.1:5432), dropped afterwards",
    )
    args = p.parse_args()
    asyncio.run(main_async(args))


async def main_async(args: argparse.Namespace) -> None:
    if not args.postgres:
        await run(args.reports, args.concurrency, args.database_url)
        return
    admin = os.environ.get(
        "WEERBAAR_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    )
    made = await scratch_database(admin, "weerbaar_bench")
    if made is None:
        raise SystemExit(f"PostgreSQL not reachable at {admin}")
    url, drop = made
    try:
        await run(args.reports, args.concurrency, url)
    finally:
        await drop()


if __name__ == "__main__":
    main()
