"""case work: the annex steps ticked, responses toward the perpetrator, notes

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=True),
        sa.Column("done_by", sa.Integer(), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_case_steps_case_id_cases", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["done_by"], ["people.id"], name="fk_case_steps_done_by_people"),
        sa.PrimaryKeyConstraint("id", name="pk_case_steps"),
        sa.UniqueConstraint("case_id", "step", name="uq_case_steps_case_id_step"),
    )
    op.create_table(
        "case_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("measure", sa.String(length=40), nullable=True),
        sa.Column("measures_until", sa.Date(), nullable=True),
        sa.Column(
            "damages_recovered", sa.Boolean(), server_default=sa.text("false"), nullable=False
        ),
        sa.Column("note_enc", sa.LargeBinary(), nullable=True),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_case_responses_case_id_cases", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["people.id"], name="fk_case_responses_recorded_by_people"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_case_responses"),
    )
    op.create_index("ix_case_responses_case_id", "case_responses", ["case_id"], unique=False)
    op.create_table(
        "case_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text_enc", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_case_notes_case_id_cases", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["people.id"], name="fk_case_notes_author_id_people"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_case_notes"),
    )
    op.create_index("ix_case_notes_case_id", "case_notes", ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_case_notes_case_id", table_name="case_notes")
    op.drop_table("case_notes")
    op.drop_index("ix_case_responses_case_id", table_name="case_responses")
    op.drop_table("case_responses")
    op.drop_table("case_steps")
