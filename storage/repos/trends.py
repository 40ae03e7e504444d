"""The plain facts trends are counted from (bot/domain/trends.py), read in three queries.

Only columns that name nobody are read: the organisation and its kind, the reporter's
role, the kinds of behaviour, the serious-harm flag, times, whether step 4 of the annex
recorded an aangifte, and the deadlines' due and done times. No encrypted column is
touched, so no story, name or identifier can reach a trend.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, or_, select

from bot.domain.annex import Filed
from bot.domain.records import CaseStatus, EventKind
from bot.domain.trends import CaseFacts, DeadlineFact
from storage.repos.base import Repo
from storage.tables import case_deadlines, case_events, case_steps, cases, organisations

_FILING_STEP = "4"  # bot/domain/annex.py: step 4 records melding or aangifte

_closed = (
    select(case_events.c.case_id, func.min(case_events.c.at).label("closed_at"))
    .where(case_events.c.kind == EventKind.CLOSED)
    .group_by(case_events.c.case_id)
    .subquery("closed")
)
_aangifte = (
    select(case_steps.c.case_id)
    .where((case_steps.c.step == _FILING_STEP) & (case_steps.c.value == Filed.AANGIFTE))
    .subquery("aangifte")
)
_SENT = (CaseStatus.SUBMITTED, CaseStatus.ACKNOWLEDGED, CaseStatus.CLOSED)


class TrendRepo(Repo):
    async def case_facts(self, since: datetime, org_id: int | None = None) -> list[CaseFacts]:
        """The facts of every submitted case whose incident or submission is on or after
        `since` (of one organisation, when given)."""
        q = (
            select(
                cases.c.id,
                cases.c.role,
                cases.c.kinds,
                cases.c.serious,
                cases.c.incident_start,
                cases.c.submitted_at,
                cases.c.acknowledged_at,
                organisations.c.slug,
                organisations.c.kind.label("org_kind"),
                _closed.c.closed_at,
                _aangifte.c.case_id.label("aangifte"),
            )
            .select_from(
                cases.join(organisations, organisations.c.id == cases.c.org_id)
                .outerjoin(_closed, _closed.c.case_id == cases.c.id)
                .outerjoin(_aangifte, _aangifte.c.case_id == cases.c.id)
            )
            .where(
                cases.c.status.in_(_SENT)
                & cases.c.submitted_at.is_not(None)
                & or_(
                    cases.c.submitted_at >= since,
                    and_(cases.c.incident_start.is_not(None), cases.c.incident_start >= since),
                )
            )
            .order_by(cases.c.id)
        )
        if org_id is not None:
            q = q.where(cases.c.org_id == org_id)
        rows = list(await self.conn.execute(q))
        deadlines: dict[int, list[DeadlineFact]] = {}
        ids = [r.id for r in rows]
        for start in range(0, len(ids), 500):
            for d in await self.conn.execute(
                select(
                    case_deadlines.c.case_id,
                    case_deadlines.c.kind,
                    case_deadlines.c.due_at,
                    case_deadlines.c.done_at,
                ).where(case_deadlines.c.case_id.in_(ids[start : start + 500]))
            ):
                deadlines.setdefault(d.case_id, []).append(
                    DeadlineFact(d.kind, d.due_at, d.done_at)
                )
        return [
            CaseFacts(
                org=r.slug,
                org_kind=r.org_kind,
                role=r.role,
                kinds=tuple(r.kinds or ()),
                serious=bool(r.serious),
                aangifte=r.aangifte is not None,
                incident_at=r.incident_start,
                submitted_at=r.submitted_at,
                acknowledged_at=r.acknowledged_at,
                closed_at=r.closed_at,
                deadlines=tuple(deadlines.get(r.id, ())),
            )
            for r in rows
        ]
