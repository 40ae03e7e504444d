"""A console served from its own thread and event loop, for tests driven by a browser.

Playwright's sync API cannot run inside an event loop, so the service runs in a thread
with its own loop (the way the Teams fakes run theirs), and a test reaches into it with
`call`, which runs a coroutine there and waits for the result.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import web

from bot.app import Weerbaar
from bot.cli.demo import seed_demo
from tests.conftest import AMS, FakeClock, make_settings
from tests.console.conftest import Served, serve, submit_case

T = TypeVar("T")


class LiveConsole:
    def __init__(self, tmp: Path, **settings: object) -> None:
        self._tmp = tmp
        self._settings = settings
        self.clock = FakeClock(datetime(2026, 11, 25, 10, 0, tzinfo=AMS))
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._runner: web.AppRunner | None = None
        self.served: Served = self.call(self._start)

    def call(self, make: Callable[[], Awaitable[T]], timeout: float = 60.0) -> T:
        async def run() -> T:
            return await make()

        future: Future[T] = asyncio.run_coroutine_threadsafe(run(), self._loop)
        return future.result(timeout)

    async def _start(self) -> Served:
        url = f"sqlite+aiosqlite:///{self._tmp / 'live.db'}"
        app = await Weerbaar.create(make_settings(url, self._tmp, **self._settings), self.clock)
        async with app.store.transaction() as tx:
            await seed_demo(tx, self.clock())
        reference = await submit_case(app, self._tmp)
        self._runner, base = await serve(app)
        app.service.console_url = base
        return Served(app, base, reference)

    def new_case(self) -> str:
        return self.call(lambda: submit_case(self.served.app, self._tmp))

    def link(self, handle: str) -> str:
        return self.call(lambda: self.served.link(handle))

    def audit(self, action: str | None = None) -> list[tuple[str, str, str | None]]:
        return self.call(lambda: self.served.audit(action))

    def case(self, reference: str) -> Any:
        async def read() -> Any:
            async with self.served.app.store.transaction() as tx:
                return await tx.cases.case_by_reference(reference)

        return self.call(read)

    def stop(self) -> None:
        async def down() -> None:
            if self._runner is not None:
                await self._runner.cleanup()
            await self.served.app.close()

        self.call(down)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()
