"""The database schema (SQLAlchemy Core). Alembic migrations in storage/migrations build it.

Columns ending in `_enc` hold AES-GCM ciphertext (storage/crypto.py); nothing a reporter
typed, no name and no file is stored in the clear.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on every backend.

    SQLite keeps no offset: without this, a local time would be read back as UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


Stamp = UTCDateTime()

organisations = Table(
    "organisations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("slug", String(80), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("ack_hours", Float, nullable=True),
    # When reminders may reach its handlers (migration 0006); None: the default hours.
    Column("office_hours", JSON, nullable=True),
    # Teams: the stored conversation reference of the organisation's team channel, if any.
    Column("team_channel_ref", JSON, nullable=True),
)

people = Table(
    "people",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name_enc", LargeBinary, nullable=False),
    Column("created_at", Stamp, nullable=False),
)

person_roles = Table(
    "person_roles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(40), nullable=False),
    Column("org_id", ForeignKey("organisations.id"), nullable=False),
    UniqueConstraint("person_id", "role", "org_id"),
    Index(None, "org_id", "role"),
)

identities = Table(
    "identities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("channel", String(20), nullable=False),
    # handle (local), phone (signal, E.164), uuid (signal), aad (teams object id)
    Column("kind", String(20), nullable=False),
    Column("address", String(200), nullable=False),
    # Teams: the ConversationReference for proactive messages; Signal/local: the key parts.
    Column("reference", JSON, nullable=True),
    UniqueConstraint("channel", "kind", "address"),
    Index(None, "person_id"),
)

cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String(20), nullable=False, unique=True),
    # draft, submitted, acknowledged, closed, discarded
    Column("status", String(20), nullable=False),
    Column("reporter_id", ForeignKey("people.id"), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("role", String(40), nullable=True),
    Column("org_id", ForeignKey("organisations.id"), nullable=True),
    Column("handler_function", String(40), nullable=True),
    Column("informed", JSON, nullable=True),
    Column("kinds", JSON, nullable=True),
    Column("serious", Boolean, nullable=False, server_default=text("false")),
    Column("criminal_suspected", Boolean, nullable=False, server_default=text("false")),
    Column("incident_start", Stamp, nullable=True),
    Column("incident_end", Stamp, nullable=True),
    Column("created_at", Stamp, nullable=False),
    Column("submitted_at", Stamp, nullable=True),
    Column("acknowledged_at", Stamp, nullable=True),
    Column("acknowledged_by", ForeignKey("people.id"), nullable=True),
    # The earlier case this report follows ("er is weer iets gebeurd" at a check-in, 0010).
    Column("follows_case_id", ForeignKey("cases.id"), nullable=True),
    Index(None, "org_id", "handler_function", "status"),
    Index(None, "reporter_id", "status"),
)

answers = Table(
    "answers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("field", String(40), nullable=False),
    Column("value_enc", LargeBinary, nullable=False),
    Column("updated_at", Stamp, nullable=False),
    UniqueConstraint("case_id", "field"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("filename_enc", LargeBinary, nullable=False),
    Column("content_type", String(120), nullable=False),
    Column("size", Integer, nullable=False),
    Column("data_enc", LargeBinary, nullable=False),
    Column("created_at", Stamp, nullable=False),
    Index(None, "case_id"),
)

case_events = Table(
    "case_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("at", Stamp, nullable=False),
    Column("actor_id", ForeignKey("people.id"), nullable=True),
    Column("kind", String(40), nullable=False),
    Column("detail", JSON, nullable=True),
    Index(None, "case_id"),
)

conversations = Table(
    "conversations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(20), nullable=False),
    Column("account", String(200), nullable=False),
    Column("user", String(200), nullable=False),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("flow", String(40), nullable=True),
    Column("step", String(40), nullable=True),
    Column("history", JSON, nullable=False),
    Column("paused", Boolean, nullable=False, server_default=text("false")),
    Column("case_id", ForeignKey("cases.id"), nullable=True),
    Column("updated_at", Stamp, nullable=False),
    # Counts answer changes: a card press names the revision it was asked in (0004).
    Column("revision", Integer, nullable=False, server_default=text("0")),
    UniqueConstraint("channel", "account", "user"),
)

inbound_seen = Table(
    "inbound_seen",
    metadata,
    Column("channel", String(20), primary_key=True),
    Column("message_id", String(200), primary_key=True),
    Column("received_at", Stamp, nullable=False),
    Column("answer_field", String(40), nullable=True),  # what this message answered (edits)
    Column("case_id", Integer, nullable=True),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(20), nullable=False),
    Column("account", String(200), nullable=False),
    Column("recipient", String(200), nullable=False),
    Column("payload_enc", LargeBinary, nullable=False),
    # pending, sent, failed (gave up)
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    Column("next_attempt_at", Stamp, nullable=False),
    Column("last_error", String(200), nullable=True),
    Column("created_at", Stamp, nullable=False),
    Column("sent_at", Stamp, nullable=True),
    Column("dedupe_key", String(200), nullable=True, unique=True),
    # Until when nobody else may send the row (migration 0005): a worker's or a turn's
    # lease, or the wait a channel asked for (Retry-After). A row that is only backing off
    # has none, and a new turn of its conversation may take it over (storage/repos/outbox.py).
    Column("held_until", Stamp, nullable=True),
    Index("ix_outbox_due", "status", "next_attempt_at"),
    # One conversation's pending rows in the order written (migration 0005): its head row
    # blocks the ones behind it (storage/repos/outbox.py, `claim_due`).
    Index(
        "ix_outbox_pending_conversation",
        "channel",
        "recipient",
        "id",
        postgresql_where=text("status = 'pending'"),
        sqlite_where=text("status = 'pending'"),
    ),
)

# --- deadlines, reminders and check-ins (issue 5) -----------------------------------------

case_deadlines = Table(
    "case_deadlines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(30), nullable=False),  # bot.domain.deadlines.DeadlineKind
    Column("due_at", Stamp, nullable=False),
    # open, done
    Column("state", String(20), nullable=False),
    Column("created_at", Stamp, nullable=False),
    Column("done_at", Stamp, nullable=True),
    Column("done_by", ForeignKey("people.id"), nullable=True),
    Column("snoozed_until", Stamp, nullable=True),
    UniqueConstraint("case_id", "kind"),
)

reminders = Table(
    "reminders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    # a DeadlineKind value, or "checkin" for an aftercare check-in to the reporter
    Column("kind", String(30), nullable=False),
    # reminder, overdue, escalation_1.., checkin_1..
    Column("step", String(30), nullable=False),
    Column("due_at", Stamp, nullable=False),
    # pending, sent, cancelled (done, stopped or superseded)
    Column("state", String(20), nullable=False),
    Column("lease_token", String(40), nullable=True),
    Column("lease_until", Stamp, nullable=True),
    Column("sent_at", Stamp, nullable=True),
    Column("late", Boolean, nullable=False, server_default=text("false")),
    Column("answered_at", Stamp, nullable=True),  # check-ins: the reporter replied
    Column("created_at", Stamp, nullable=False),
    UniqueConstraint("case_id", "kind", "step"),
    # The sweep reads only pending rows by due time: a partial index holds just those, so
    # its size (and the sweep's cost) follows the pending rows, and the due ones are a
    # range scan at its start. Sent rows (the bulk, over time) are not in it at all.
    Index(
        "ix_reminders_pending_due",
        "due_at",
        postgresql_where=text("state = 'pending'"),
        sqlite_where=text("state = 'pending'"),
    ),
    # Open check-ins of a reporter's cases, and "cancel all pending of this deadline".
    Index(None, "case_id", "kind", "state"),
)


# Conversation references that belong to nobody yet (a person who installed the Teams app
# before being enrolled, a team channel not yet linked), and every message that shows a
# case card, so acknowledging can refresh each copy in place (migration 0003).
teams_conversations = Table(
    "teams_conversations",
    metadata,
    Column("conversation", String(200), primary_key=True),
    Column("reference", JSON, nullable=False),
    Column("updated_at", Stamp, nullable=False),
)

case_cards = Table(
    "case_cards",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("recipient", String(200), nullable=False),
    Column("message_id", String(200), nullable=False),
    Column("audience", String(20), nullable=False),  # handler, team
    Column("created_at", Stamp, nullable=False),
    UniqueConstraint("channel", "message_id"),
    Index(None, "case_id"),
)

# The audit trail (migration 0006): every view, evidence delivery and action on a case,
# appended and never changed. The database itself refuses UPDATE (except re-encrypting
# `detail_enc` under a new key) and DELETE on it, by triggers the migration creates.
audit_trail = Table(
    "audit_trail",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id"), nullable=False),
    Column("actor_id", ForeignKey("people.id"), nullable=True),  # None: the operator (CLI)
    Column("on_behalf_of", ForeignKey("people.id"), nullable=True),
    Column("action", String(40), nullable=False),  # bot.domain.audit.AuditAction
    Column("channel", String(20), nullable=False),
    Column("at", Stamp, nullable=False),
    Column("detail_enc", LargeBinary, nullable=True),  # JSON, encrypted: "audit:<case_id>"
    Index(None, "case_id", "at"),
)

# --- the handler's case work (issue 11, migration 0007) -----------------------------------

# The annex's nine steps ticked on a case (bot/domain/annex.py): one row per step, with
# the value it records (melding/aangifte, the follow-up) and who ticked it when.
case_steps = Table(
    "case_steps",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("step", String(20), nullable=False),
    Column("value", String(40), nullable=True),
    Column("done_by", ForeignKey("people.id"), nullable=True),
    Column("done_at", Stamp, nullable=False),
    UniqueConstraint("case_id", "step"),
)

# Responses toward the perpetrator (bot/domain/closing.py Response), with the measures'
# end date and the handler's short note (encrypted).
case_responses = Table(
    "case_responses",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("measure", String(40), nullable=True),
    Column("measures_until", Date, nullable=True),
    Column("damages_recovered", Boolean, nullable=False, server_default=text("false")),
    Column("note_enc", LargeBinary, nullable=True),
    Column("recorded_by", ForeignKey("people.id"), nullable=True),
    Column("recorded_at", Stamp, nullable=False),
    Index(None, "case_id"),
)

# Free text on a case after submission, encrypted: a handler's internal note ("note"),
# what the reporter added ("addition"), and the reasons a closing records ("close_reason",
# "override").
case_notes = Table(
    "case_notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("author_id", ForeignKey("people.id"), nullable=True),
    Column("at", Stamp, nullable=False),
    Column("text_enc", LargeBinary, nullable=False),
    Index(None, "case_id"),
)

# --- the whole picture: evaluation, the perpetrator dossier (issue 12, migration 0010) ----

# The evaluation of a case (guideline "Evalueren"): asked for when the case closes (a row
# with `evaluated_at` None is open), filled in by its handler. The risk is a plain level;
# cause, similar incidents and recommendations are free text, encrypted.
case_evaluations = Table(
    "case_evaluations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("requested_at", Stamp, nullable=False),
    Column("severity", String(20), nullable=True),  # bot.domain.evaluation.Level
    Column("recurrence", String(20), nullable=True),
    Column("cause_enc", LargeBinary, nullable=True),  # "evaluation:<case_id>:cause"
    Column("similar_enc", LargeBinary, nullable=True),
    Column("recommendations_enc", LargeBinary, nullable=True),
    Column("shared_with_coordinator", Boolean, nullable=False, server_default=text("false")),
    Column("evaluated_by", ForeignKey("people.id"), nullable=True),
    Column("evaluated_at", Stamp, nullable=True),
)

# Keyed hashes (HMAC-SHA256, a key of its own: storage/identity_hash.py) of the identifiers
# a report names its perpetrator by (bot/domain/identifiers.py); never the identifiers.
perpetrator_marks = Table(
    "perpetrator_marks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),  # bot.domain.identifiers.IdentifierKind
    Column("digest", String(64), nullable=False),
    Column("key_id", String(32), nullable=False),
    UniqueConstraint("case_id", "kind", "digest"),
    Index(None, "kind", "digest"),
)

# Two cases suggested (a shared mark, or a report that follows an earlier one) as one
# perpetrator, and what a handler or the coordinator decided. `case_a` < `case_b`.
dossier_links = Table(
    "dossier_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_a", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("case_b", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("reason", String(20), nullable=False),  # a mark's kind, or "follows"
    Column("state", String(20), nullable=False),  # suggested, confirmed, rejected
    Column("suggested_at", Stamp, nullable=False),
    Column("decided_by", ForeignKey("people.id"), nullable=True),
    Column("decided_at", Stamp, nullable=True),
    UniqueConstraint("case_a", "case_b"),
    Index(None, "case_b"),
)

# Single-use sign-in links of the web console (migration 0009): only a SHA-256 of the
# token is kept, so a copy of the database opens no session. A link is used at most once
# (`used_at`) and only until `expires_at`.
console_links = Table(
    "console_links",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", Stamp, nullable=False),
    Column("expires_at", Stamp, nullable=False),
    Column("used_at", Stamp, nullable=True),
    Index(None, "expires_at"),
)

# A short exchange a typed command started and that the next messages of that conversation
# continue (casework2, issue 11): "aanvullen REF" alone waits for what the reporter adds;
# "reactie REF" alone asks the handler the response step by step. One per conversation,
# beside (never instead of) its report draft in `conversations`. `data` is encrypted: it
# may hold a note being written (purpose "pending:{id}").
pending_commands = Table(
    "pending_commands",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(20), nullable=False),
    Column("account", String(200), nullable=False),
    Column("user", String(200), nullable=False),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("step", String(20), nullable=False),
    Column("data_enc", LargeBinary, nullable=False),
    Column("updated_at", Stamp, nullable=False),
    UniqueConstraint("channel", "account", "user"),
)
