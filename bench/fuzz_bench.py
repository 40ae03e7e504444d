"""The long fuzz run: mutated Teams activities and Signal envelopes against the real app.

The same generator as the suite's bounded run (tests/fuzz.py, tests/e2e/test_fuzz.py),
with more cases and a seed of your choice; it prints the answers by status, the warning
lines by kind, and every traceback or error the service logged. Exit status 1 when any
answer was >= 500 or missing, a traceback was logged, or a good message afterwards got no
answer.

    .venv/bin/python bench/fuzz_bench.py --teams 10000 --signal 10000
    .venv/bin/python bench/fuzz_bench.py --database-url postgresql+asyncpg://postgres@127.0.0.1/fuzz

Not a test. Everything runs on loopback.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import uuid
from pathlib import Path

from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adapters.http import build_web_app, server_options
from adapters.signal.runtime import start_signal
from bot.app import Weerbaar
from bot.cli.demo import seed_demo
from tests.conftest import make_settings
from tests.fakes.signal_rest import FakeSignalRestApi
from tests.fakes.teams import teams_fakes
from tests.fuzz import (
    TeamsTarget,
    exchange,
    fuzz_signal,
    fuzz_teams,
    good_teams_message,
)
from tests.people import enrol

APP_ID = "f0f0f0f0-1111-2222-3333-444444444444"
APP_PASSWORD = "fuzz-secret-not-real"
TENANT = "72f988bf-0000-0000-0000-0000000000f0"
BOT = "+31201234567"
PHONE = "+31611111111"


async def app_for(url: str, home: Path, **settings: object) -> Weerbaar:
    app = await Weerbaar.create(make_settings(url, home, **settings))
    async with app.store.transaction() as tx:
        if await tx.people.find_person_id("local", "handle", "anna") is None:
            await seed_demo(tx, app.clock())
    return app


async def run_teams(url: str, home: Path, count: int, seed: int) -> bool:
    with teams_fakes(APP_ID, APP_PASSWORD, TENANT) as (issuer, connector):
        app = await app_for(
            url,
            home,
            teams_app_id=APP_ID,
            teams_app_password=APP_PASSWORD,
            teams_tenant_id=TENANT,
            teams_openid_metadata_url=issuer.openid_metadata_url,
            teams_token_url=issuer.token_url,
            http_read_seconds=0.5,
            http_idle_seconds=1.0,
        )
        aad = str(uuid.uuid4())
        await enrol(app, "Rita de Raad", ("gemeenteraadslid", "amersfoort"), aad=aad)
        runner = web.AppRunner(build_web_app(app), **server_options(app.settings))
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        host, port = runner.addresses[0][:2]
        target = TeamsTarget(host, port, issuer, connector.url, APP_ID, TENANT, aad, 0.5)
        try:
            report = await fuzz_teams(target, count=count, seed=seed, connector=connector)
            status = await exchange(host, port, good_teams_message(target, "hallo"), 10)
        finally:
            await runner.cleanup()
            await app.close()
    print("\n".join(report.lines("Teams")))
    print(f"  a good message afterwards: {status}")
    for line in report.failures[:20]:
        print(f"  FAILED {line}")
    return not report.failures and not report.tracebacks and status == "201"


async def run_signal(url: str, home: Path, count: int, seed: int) -> bool:
    with FakeSignalRestApi(BOT) as fake:
        app = await app_for(url, home, signal_api=fake.address, signal_number=BOT)
        await enrol(app, "Rita de Raad", ("gemeenteraadslid", "amersfoort"), phone=PHONE)
        adapter = await start_signal(app, leader_interval=0.1, reconnect_base=0.02)
        assert adapter is not None
        answered = False
        try:
            for _ in range(1000):  # up to 10 s for the receive websocket
                if adapter.connected:
                    break
                await asyncio.sleep(0.01)
            rita = str(uuid.uuid4())
            report = await fuzz_signal(
                fake, adapter, count=count, seed=seed, reporter_uuid=rita, phone=PHONE
            )
            before = len(fake.sent)
            fake.push(fake.data_message(rita, "hallo", number=PHONE))
            deadline = time.monotonic() + 10
            while not answered and time.monotonic() < deadline:
                answered = any(m.recipients == [rita] for m in fake.sent[before:])
                await asyncio.sleep(0.02)
        finally:
            await adapter.stop()
            await app.close()
    print("\n".join(report.lines("Signal")))
    print(f"  a good message afterwards: {'answered' if answered else 'NO ANSWER'}")
    return not report.failures and not report.tracebacks and answered


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--teams", type=int, default=10_000, help="mutated activities")
    parser.add_argument("--signal", type=int, default=10_000, help="mutated envelopes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", help="default: a new SQLite file")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        for name, count, run in (
            ("teams", args.teams, run_teams),
            ("signal", args.signal, run_signal),
        ):
            if count:
                url = args.database_url or f"sqlite+aiosqlite:///{home / name}.db"
                ok = await run(url, home / name, count, args.seed) and ok
    print("OK" if ok else "FAILURES")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
