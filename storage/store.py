"""The store and its transactions: every repository, composed into one `Tx`.

`Store.transaction()` yields a `Tx`: all calls on it commit together or not at all, which
is how a turn stores its answer, its dialog position and its dedupe key as one unit. Each
concept is a repository on the transaction (`tx.cases`, `tx.deadlines`, ...), built on
first use. Sensitive values are encrypted on the way in and decrypted on the way out.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cached_property
from typing import Any

from storage.crypto import FieldCipher
from storage.database import Database
from storage.identity_hash import IdentityHasher
from storage.repos.audit import AuditRepo
from storage.repos.cases import CaseRepo
from storage.repos.casework import CaseWorkRepo
from storage.repos.console import ConsoleLinkRepo
from storage.repos.conversations import ConversationRepo
from storage.repos.deadlines import DeadlineRepo
from storage.repos.dialogs import DialogRepo
from storage.repos.dossier import DossierRepo
from storage.repos.evaluations import EvaluationRepo
from storage.repos.outbox import OutboxRepo
from storage.repos.people import PeopleRepo
from storage.repos.reminders import ReminderRepo
from storage.repos.retention import RetentionRepo
from storage.repos.trends import TrendRepo


class Store:
    def __init__(self, db: Database) -> None:
        self.db = db

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        async with self.db.connect() as conn:
            yield Tx(conn, self.db.cipher, self.db.hasher)


class Tx:
    """One transaction's view of the store."""

    def __init__(
        self, conn: Any, cipher: FieldCipher, hasher: IdentityHasher | None = None
    ) -> None:
        # an AsyncConnection, or for SQLite a storage.sqlite_sync.SyncConnection
        self.conn = conn
        self.cipher = cipher
        # The dossier's keyed hashes (storage/identity_hash.py): a key of its own.
        self.hasher = hasher or IdentityHasher.derived(cipher)

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """A nested transaction: an error inside rolls back only what was done inside."""
        async with self.conn.begin_nested():
            yield

    @cached_property
    def people(self) -> PeopleRepo:
        return PeopleRepo(self)

    @cached_property
    def dialogs(self) -> DialogRepo:
        return DialogRepo(self)

    @cached_property
    def cases(self) -> CaseRepo:
        return CaseRepo(self)

    @cached_property
    def casework(self) -> CaseWorkRepo:
        return CaseWorkRepo(self)

    @cached_property
    def deadlines(self) -> DeadlineRepo:
        return DeadlineRepo(self)

    @cached_property
    def reminders(self) -> ReminderRepo:
        return ReminderRepo(self)

    @cached_property
    def outbox(self) -> OutboxRepo:
        return OutboxRepo(self)

    @cached_property
    def conversations(self) -> ConversationRepo:
        return ConversationRepo(self)

    @cached_property
    def retention(self) -> RetentionRepo:
        return RetentionRepo(self)

    @cached_property
    def audit(self) -> AuditRepo:
        return AuditRepo(self)

    @cached_property
    def evaluations(self) -> EvaluationRepo:
        return EvaluationRepo(self)

    @cached_property
    def dossier(self) -> DossierRepo:
        return DossierRepo(self)

    @cached_property
    def trends(self) -> TrendRepo:
        return TrendRepo(self)

    @cached_property
    def console_links(self) -> ConsoleLinkRepo:
        return ConsoleLinkRepo(self)
