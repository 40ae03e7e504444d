"""The service's HTTP side: health and readiness, and the channels that need a web hook."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from adapters.signal.adapter import SignalAdapter
from adapters.signal.runtime import start_signal
from adapters.teams.runtime import attach_teams
from bot.app import Weerbaar
from bot.jobs.scheduler import start_scheduler

log = logging.getLogger(__name__)


def build_web_app(app: Weerbaar) -> web.Application:
    web_app = web.Application(client_max_size=1024 * 1024)

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def readyz(_request: web.Request) -> web.Response:
        try:
            async with app.store.transaction() as tx:
                await tx.people.organisation_id("-")
        except Exception:
            log.warning("database not ready")
            return web.json_response({"status": "database unavailable"}, status=503)
        return web.json_response({"status": "ready"})

    web_app.router.add_get("/healthz", healthz)
    web_app.router.add_get("/readyz", readyz)
    attach_teams(app, web_app)  # POST /api/messages, when Teams is configured
    return web_app


async def serve_forever(app: Weerbaar) -> None:
    settings = app.settings
    channels = [
        name
        for name, on in (("teams", settings.teams_enabled), ("signal", settings.signal_enabled))
        if on
    ]
    if not channels:
        log.warning(
            "No Teams or Signal credentials configured: running with %s and the "
            "local channel only ('weerbaar chat --as HANDLE').",
            settings.resolved_database_url().split(":")[0],
        )
    web_app = build_web_app(app)
    runner = web.AppRunner(web_app)
    await runner.setup()
    site = web.TCPSite(runner, settings.host, settings.port)
    await site.start()
    log.info("listening on http://%s:%s", settings.host, settings.port)
    signal: SignalAdapter | None = None
    scheduler: AsyncIOScheduler | None = None
    try:
        # A Signal API in the wrong mode or version raises SignalSetupError: the CLI says
        # so in one line and stops (bot/cli/commands.py `serve`).
        signal = await start_signal(app)
        scheduler = start_scheduler(app)  # reminder sweep + outbox (bot/scheduler.py)
        await asyncio.Event().wait()  # until cancelled (Ctrl-C, SIGTERM)
    finally:
        if scheduler is not None:
            scheduler.shutdown(wait=False)
        if signal is not None:
            await signal.stop()
        await runner.cleanup()
