"""The periodic work of `weerbaar serve`: the reminder sweep, then the outbox, on a timer;
and once an hour the retention sweep.

APScheduler 3.x (AsyncIOScheduler) only supplies the tick. Everything it drives is rows in
the database, so nothing is lost when the service stops and nothing is sent twice when
several replicas tick at once (bot/jobs/sweep.py, bot/jobs/outbox.py).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler

if TYPE_CHECKING:
    from bot.app import Weerbaar

log = logging.getLogger(__name__)


async def tick(app: Weerbaar) -> None:
    """One round: due reminders become outbox rows, then the outbox delivers."""
    try:
        await app.sweeper.run_once()
    except Exception:
        log.exception("reminder sweep failed")
    try:
        await app.outbox.run_once()
    except Exception:
        log.exception("outbox round failed")


async def retain(app: Weerbaar) -> None:
    """Delete bookkeeping rows past `settings.retention_days` (never reports)."""
    try:
        async with app.store.transaction() as tx:
            removed = await tx.retention.purge(app.clock(), app.settings.retention_days)
        if any(removed.values()):
            log.info("retention removed %s", removed)
    except Exception:
        log.exception("retention sweep failed")


def start_scheduler(app: Weerbaar) -> AsyncIOScheduler:
    """Start ticking every `settings.sweep_seconds`, the first time right away.

    Must be called with the event loop running. One tick at a time (`max_instances=1`);
    ticks missed while one ran long are folded into one (`coalesce`).
    """
    scheduler = AsyncIOScheduler(timezone=app.settings.timezone)
    scheduler.add_job(
        tick,
        "interval",
        args=[app],
        seconds=app.settings.sweep_seconds,
        id="sweep",
        max_instances=1,
        coalesce=True,
        next_run_time=datetime.now(scheduler.timezone),
    )
    scheduler.add_job(
        retain, "interval", args=[app], hours=1, id="retention", max_instances=1, coalesce=True
    )
    scheduler.start()
    log.info("reminder sweep and outbox every %.1f s", app.settings.sweep_seconds)
    return scheduler
