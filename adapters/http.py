"""The service's HTTP side: health and readiness, and the channels that need a web hook."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal as signals
import time
from typing import Any

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from adapters.console.app import attach_console
from adapters.signal.adapter import SignalAdapter
from adapters.signal.runtime import start_signal
from adapters.teams.runtime import attach_teams
from bot.app import Weerbaar
from bot.jobs.scheduler import start_scheduler
from bot.settings import Settings

log = logging.getLogger(__name__)


def server_options(settings: Settings) -> dict[str, Any]:
    """aiohttp's server settings for `AppRunner`: `weerbaar serve` and the tests use these.

    A connection is closed when no complete request head has arrived within the idle time
    (aiohttp's keep-alive timer also runs from the moment a connection opens); a body that
    stalls is cut off by the handler's read timeout (`http_read_seconds`).
    """
    return {
        "shutdown_timeout": settings.shutdown_seconds,
        "keepalive_timeout": settings.http_idle_seconds,
        "max_line_size": 8190,
        "max_field_size": 8190,
        "logger": _ServerLog(logging.getLogger("aiohttp.server")),
    }


class _ServerLog(logging.LoggerAdapter[logging.Logger]):
    """aiohttp's server log, with a request it cannot parse as one warning line.

    aiohttp answers such a request 400 itself but logs it as an error with a traceback;
    that is the client's fault, not a failure of this service. A handler that raised is
    still logged with its traceback.
    """

    def exception(self, msg: object, *args: object, exc_info: Any = True, **kwargs: Any) -> None:
        if isinstance(exc_info, HttpProcessingError):
            self.warning("refused a malformed HTTP request (%s)", type(exc_info).__name__)
            return
        super().exception(msg, *args, exc_info=exc_info, **kwargs)


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
    attach_console(app, web_app)  # the web console at /console (adapters/console/)
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
    # At stop, requests still running get this long before their connection is closed.
    runner = web.AppRunner(web_app, **server_options(settings))
    await runner.setup()
    site = web.TCPSite(runner, settings.host, settings.port)
    await site.start()
    log.info("listening on http://%s:%s", settings.host, settings.port)
    log.info("web console at %s/console/", settings.console_base_url)
    stop = _stop_on_signals()
    signal: SignalAdapter | None = None
    scheduler: AsyncIOScheduler | None = None
    try:
        # A REST API in the wrong mode or too old raises SignalSetupError, a StartupError:
        # the command prints it as one line and stops.
        signal = await start_signal(app)
        scheduler = start_scheduler(app)  # reminder sweep + outbox (bot/jobs/scheduler.py)
        await stop.wait()  # SIGTERM (systemd's stop) or SIGINT (Ctrl-C)
    finally:
        await _shut_down(app, runner, scheduler, signal)


async def browser_chat(app: Weerbaar) -> web.AppRunner | None:
    """The web app on loopback beside the terminal chat of `weerbaar demo --chat`, for
    the console's /console/chat (development mode). None, and one line that says why,
    when it is off or the port is taken (a `weerbaar serve` already running serves it)."""
    settings = app.settings
    if not settings.console_chat_enabled:
        return None
    runner = web.AppRunner(build_web_app(app), **server_options(settings))
    await runner.setup()
    try:
        await web.TCPSite(runner, "127.0.0.1", settings.port).start()
    except OSError as error:
        await runner.cleanup()
        log.warning("no browser chat: port %s is in use (%s)", settings.port, error.strerror)
        return None
    return runner


def _stop_on_signals() -> asyncio.Event:
    """An event set by SIGTERM or SIGINT, so that either runs the orderly shutdown."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signals.SIGTERM, signals.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on this platform
            loop.add_signal_handler(sig, stop.set)
    return stop


async def _shut_down(
    app: Weerbaar,
    runner: web.AppRunner,
    scheduler: AsyncIOScheduler | None,
    signal: SignalAdapter | None,
) -> None:
    """Stop accepting, let in-flight turns finish, deliver what is queued, then close."""
    started = time.monotonic()
    if scheduler is not None:
        scheduler.shutdown(wait=False)
    # Stops listening, waits for running requests, then closes the Teams adapter (which
    # waits for its background turns).
    await runner.cleanup()
    if signal is not None:
        await signal.stop()
    left = max(0.0, app.settings.shutdown_seconds - (time.monotonic() - started))
    sent = 0
    try:
        sent = await asyncio.wait_for(app.outbox.run_once(), timeout=left or 0.1)
    except Exception as error:  # a down channel: the rows stay and go out after the restart
        log.warning("last outbox round at stop failed: %s", type(error).__name__)
    log.info(
        "stopped in %.1f s; %d queued messages delivered at stop", time.monotonic() - started, sent
    )
