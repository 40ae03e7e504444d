"""teams conversations and case cards

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "teams_conversations",
        sa.Column("conversation", sa.String(length=200), nullable=False),
        sa.Column("reference", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("conversation", name=op.f("pk_teams_conversations")),
    )
    op.create_table(
        "case_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("message_id", sa.String(length=200), nullable=False),
        sa.Column("audience", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_cards_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_cards")),
        sa.UniqueConstraint("channel", "message_id", name=op.f("uq_case_cards_channel_message_id")),
    )
    with op.batch_alter_table("case_cards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_cards_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_cards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_cards_case_id"))
    op.drop_table("case_cards")
    op.drop_table("teams_conversations")
