"""audit trail (append-only), snooze reasons out of the clear, office hours per organisation

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 15:30:00

The `audit_trail` table, with triggers that refuse UPDATE of anything but the encrypted
detail (key rotation rewrites that) and every DELETE, on SQLite and on PostgreSQL.

A snooze reason ("later REF TAAK reden") was kept in the clear in the case history
(`case_events.detail.reason`). Each one becomes an audit entry, its reason encrypted, and
the reason is taken out of the history. That needs the key ring: `storage.migrate` hands
the cipher over (`config.attributes["cipher"]`); without one (an offline alembic run)
the migration stops if there are reasons to move, rather than lose them.

`organisations.office_hours`: when reminders may reach an organisation's handlers (from
the reference data; empty means the default hours).
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import context, op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_FROZEN = "id, case_id, actor_id, on_behalf_of, action, channel, at"
_MESSAGE = "audit_trail is append-only"


def upgrade() -> None:
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("office_hours", sa.JSON(), nullable=True))
    op.create_table(
        "audit_trail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("on_behalf_of", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("detail_enc", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_audit_trail_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["people.id"], name=op.f("fk_audit_trail_actor_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["on_behalf_of"], ["people.id"], name=op.f("fk_audit_trail_on_behalf_of_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_trail")),
    )
    with op.batch_alter_table("audit_trail", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_trail_case_id_at"), ["case_id", "at"], unique=False
        )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name, when in (("no_update", f"UPDATE OF {_FROZEN}"), ("no_delete", "DELETE")):
            op.execute(
                f"CREATE TRIGGER audit_trail_{name} BEFORE {when} ON audit_trail "
                f"BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{_MESSAGE}'; END $$"
        )
        for name, when in (("no_update", f"UPDATE OF {_FROZEN}"), ("no_delete", "DELETE")):
            op.execute(
                f"CREATE TRIGGER audit_trail_{name} BEFORE {when} ON audit_trail "
                "FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only()"
            )
    _move_snooze_reasons()


def _move_snooze_reasons() -> None:
    bind = op.get_bind()
    events = sa.table(
        "case_events",
        sa.column("id", sa.Integer),
        sa.column("case_id", sa.Integer),
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("actor_id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("detail", sa.JSON),
    )
    audit = sa.table(
        "audit_trail",
        sa.column("case_id", sa.Integer),
        sa.column("actor_id", sa.Integer),
        sa.column("action", sa.String),
        sa.column("channel", sa.String),
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("detail_enc", sa.LargeBinary),
    )
    rows = [
        r
        for r in bind.execute(
            sa.select(events).where(events.c.kind == "deadline_snoozed").order_by(events.c.id)
        )
        if isinstance(r.detail, dict) and "reason" in r.detail
    ]
    if not rows:
        return
    cipher = context.config.attributes.get("cipher")
    if cipher is None:
        raise RuntimeError(
            "Migration 0006 moves snooze reasons into the encrypted audit trail and needs "
            "the encryption keys: run it through 'weerbaar migrate'."
        )
    for r in rows:
        detail = dict(r.detail)
        token = cipher.encrypt_text(json.dumps(detail), f"audit:{r.case_id}")
        bind.execute(
            sa.insert(audit).values(
                case_id=r.case_id,
                actor_id=r.actor_id,
                action="deadline_later",
                channel="system",
                at=r.at,
                detail_enc=token,
            )
        )
        detail.pop("reason", None)
        bind.execute(sa.update(events).where(events.c.id == r.id).values(detail=detail))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.execute("DROP TRIGGER IF EXISTS audit_trail_no_update" + _on(dialect))
    op.execute("DROP TRIGGER IF EXISTS audit_trail_no_delete" + _on(dialect))
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_trail_append_only()")
    with op.batch_alter_table("audit_trail", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_trail_case_id_at"))
    op.drop_table("audit_trail")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_column("office_hours")


def _on(dialect: str) -> str:
    return " ON audit_trail" if dialect == "postgresql" else ""
