"""the whole picture: evaluations, the perpetrator dossier's keyed hashes and links

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 16:00:00

`case_evaluations`: a case's evaluation (asked for at closing). `perpetrator_marks`: keyed
hashes of the identifiers a report names its perpetrator by, never the identifiers.
`dossier_links`: two cases suggested as one perpetrator, and the decision.
`cases.follows_case_id`: the earlier case a new report follows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no batch copy of `cases`: SQLite would refuse to drop the
    # table that other tables' foreign keys point at).
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE cases ADD COLUMN follows_case_id INTEGER "
            "CONSTRAINT fk_cases_follows_case_id_cases REFERENCES cases (id)"
        )
    else:
        op.add_column("cases", sa.Column("follows_case_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_cases_follows_case_id_cases", "cases", "cases", ["follows_case_id"], ["id"]
        )
    op.create_table(
        "case_evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("severity", sa.String(length=20), nullable=True),
        sa.Column("recurrence", sa.String(length=20), nullable=True),
        sa.Column("cause_enc", sa.LargeBinary(), nullable=True),
        sa.Column("similar_enc", sa.LargeBinary(), nullable=True),
        sa.Column("recommendations_enc", sa.LargeBinary(), nullable=True),
        sa.Column(
            "shared_with_coordinator", sa.Boolean(), server_default=sa.text("false"), nullable=False
        ),
        sa.Column("evaluated_by", sa.Integer(), nullable=True),
        sa.Column("evaluated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_case_evaluations_case_id_cases", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["evaluated_by"], ["people.id"], name="fk_case_evaluations_evaluated_by_people"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_case_evaluations"),
        sa.UniqueConstraint("case_id", name="uq_case_evaluations_case_id"),
    )
    op.create_table(
        "perpetrator_marks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_perpetrator_marks_case_id_cases", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_perpetrator_marks"),
        sa.UniqueConstraint(
            "case_id", "kind", "digest", name="uq_perpetrator_marks_case_id_kind_digest"
        ),
    )
    op.create_index(
        "ix_perpetrator_marks_kind_digest", "perpetrator_marks", ["kind", "digest"], unique=False
    )
    op.create_table(
        "dossier_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_a", sa.Integer(), nullable=False),
        sa.Column("case_b", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("suggested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_a"], ["cases.id"], name="fk_dossier_links_case_a_cases", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["case_b"], ["cases.id"], name="fk_dossier_links_case_b_cases", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["people.id"], name="fk_dossier_links_decided_by_people"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_dossier_links"),
        sa.UniqueConstraint("case_a", "case_b", name="uq_dossier_links_case_a_case_b"),
    )
    op.create_index("ix_dossier_links_case_b", "dossier_links", ["case_b"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_dossier_links_case_b", table_name="dossier_links")
    op.drop_table("dossier_links")
    op.drop_index("ix_perpetrator_marks_kind_digest", table_name="perpetrator_marks")
    op.drop_table("perpetrator_marks")
    op.drop_table("case_evaluations")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_cases_follows_case_id_cases", "cases", type_="foreignkey")
    op.drop_column("cases", "follows_case_id")
