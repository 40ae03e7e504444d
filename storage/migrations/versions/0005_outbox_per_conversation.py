"""outbox: pending rows by conversation, and until when a row is held

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The outbox delivers one conversation's rows strictly in the order written: finding a
    # conversation's head row (and whether a row has an earlier one) reads only this.
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        # Until when nobody else may send a row: a lease, or the wait a channel asked for.
        batch_op.add_column(sa.Column("held_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(
            "ix_outbox_pending_conversation",
            ["channel", "recipient", "id"],
            unique=False,
            postgresql_where=sa.text("status = 'pending'"),
            sqlite_where=sa.text("status = 'pending'"),
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_pending_conversation")
        batch_op.drop_column("held_until")
