"""The application, built by one factory from typed settings. Tests use the same factory."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot import logsafe, ports
from bot.console.insight import InsightService
from bot.console.service import ConsoleService
from bot.domain.reminder_plan import ReminderPolicy
from bot.domain.workdays import load_calendar
from bot.jobs.outbox import OutboxWorker, StoredReferences, TurnReplyOutbox
from bot.jobs.sweep import Sweeper
from bot.ports import Channel
from bot.reference.loader import Helpline, load_helplines, load_organisations
from bot.settings import Settings
from bot.turns import ReportService
from dialogs.messages import Inbound, Outbound
from storage.crypto import FieldCipher, new_key
from storage.database import Database
from storage.identity_hash import IdentityHasher
from storage.leader import leader_lock
from storage.store import Store

log = logging.getLogger(__name__)


def system_clock(tz: ZoneInfo) -> Callable[[], datetime]:
    def now() -> datetime:
        return datetime.now(tz)

    return now


def reminder_policy(settings: Settings) -> ReminderPolicy:
    """The reminder and check-in settings as the plain values the pure planner takes."""
    return ReminderPolicy(
        reminder_fraction=settings.reminder_fraction,
        escalation_delays=tuple(timedelta(hours=h) for h in settings.escalation_delays_hours),
        snooze=timedelta(hours=settings.snooze_hours),
        checkin_days=tuple(settings.checkin_days),
        checkin_time=time(settings.checkin_hour, 0),
        checkin_open=timedelta(hours=settings.checkin_open_hours),
        late_after=timedelta(seconds=settings.late_after_seconds),
    )


class Weerbaar:
    """Everything one running bot needs, with one lifecycle."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        helplines: list[Helpline],
        clock: Callable[[], datetime],
    ) -> None:
        self.settings = settings
        self.db = db
        self.store: ports.Store = Store(db)
        self.clock = clock
        self.helplines = helplines
        self.policy = reminder_policy(settings)
        self.service = ReportService(
            self.store,
            helplines,
            clock,
            max_message_chars=settings.max_message_chars,
            max_file_bytes=settings.max_file_bytes,
            policy=self.policy,
            console_url=settings.console_base_url,
            console_link_valid=timedelta(minutes=settings.console_link_minutes),
        )
        # The web console's use cases (adapters/console/ serves them).
        self.console = ConsoleService(
            self.store,
            self.service,
            clock,
            timedelta(minutes=settings.console_link_minutes),
        )
        # The console's trend, evaluation and dossier pages (issue 12, adapters/console/insight.py).
        self.insight = InsightService(self.store, clock, settings.trend_threshold)
        # The key of the console's session cookies (adapters/console/session.py).
        self.console_key: bytes = db.cipher.derive_key("weerbaar console session")
        self.channels: dict[str, Channel] = {}
        self.outbox = OutboxWorker(self.store, self.channels, clock)
        # What a channel adapter may ask of storage, and no more (adapters/ import no
        # storage): its conversation references, and where it says how its sends of a
        # turn's replies went (sent, or left to the outbox worker).
        self.references: ports.ConversationReferences = StoredReferences(self.store, clock)
        self.replies: ports.ReplyOutbox = TurnReplyOutbox(self.store, clock)
        # Due reminders and check-ins into the outbox (run with the outbox by bot/jobs/scheduler.py)
        self.sweeper = Sweeper(
            self.store, clock, self.policy, helplines, batch=settings.sweep_batch
        )

    @classmethod
    async def create(
        cls,
        settings: Settings,
        clock: Callable[[], datetime] | None = None,
        migrate: bool = True,
    ) -> Weerbaar:
        logsafe.install()
        keys = settings.resolved_keys(new_key)
        logsafe.use_key(keys)
        tz = ZoneInfo(settings.timezone)
        cipher = FieldCipher.from_setting(keys)
        hasher = (
            IdentityHasher.from_setting(settings.dossier_keys.get_secret_value())
            if settings.dossier_keys is not None
            else None
        )
        db = Database.open(settings.resolved_database_url(), cipher, hasher)
        app = cls(settings, db, load_helplines(settings.helplines_file), clock or system_clock(tz))
        load_calendar(app.clock().year)
        if migrate:
            await db.migrate()
            async with app.store.transaction() as tx:
                added = await tx.people.upsert_organisations(
                    load_organisations(settings.organisations_file)
                )
            if added:
                log.info("loaded %d organisations", added)
        return app

    def leader_lock(self, name: str) -> ports.LeaderLock:
        """A lock that one replica at a time holds (always this one on SQLite)."""
        return leader_lock(self.db, name)

    def add_channel(self, channel: Channel) -> None:
        self.channels[channel.name] = channel

    async def handle(self, inbound: Inbound) -> list[Outbound]:
        return await self.service.handle(inbound)

    async def close(self) -> None:
        await self.db.close()
