"""Evaluations of cases: asked for at closing, filled in by the handler, free text encrypted
under "evaluation:<case_id>:<field>"."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from bot.domain.evaluation import EvaluationInput, EvaluationRecord
from storage.repos.base import Repo
from storage.tables import case_evaluations, cases, organisations, people

_TEXTS = ("cause", "similar", "recommendations")


def purpose(case_id: int, name: str) -> str:
    return f"evaluation:{case_id}:{name}"


_SELECT = select(
    case_evaluations,
    cases.c.reference,
    organisations.c.name.label("org_name"),
    people.c.name_enc,
).select_from(
    case_evaluations.join(cases, cases.c.id == case_evaluations.c.case_id)
    .outerjoin(organisations, organisations.c.id == cases.c.org_id)
    .outerjoin(people, people.c.id == case_evaluations.c.evaluated_by)
)


class EvaluationRepo(Repo):
    async def request(self, case_id: int, now: datetime) -> bool:
        """Ask for the case's evaluation; False when it was asked for before."""
        result = await self.conn.execute(
            self._insert_ignore(case_evaluations).values(case_id=case_id, requested_at=now)
        )
        return bool(result.rowcount)

    async def save(
        self, case_id: int, given: EvaluationInput, person_id: int | None, now: datetime
    ) -> None:
        """Store (or replace) the evaluation of the case."""
        await self.request(case_id, now)
        values: dict[str, Any] = {
            "severity": given.severity.value,
            "recurrence": given.recurrence.value,
            "shared_with_coordinator": given.shared_with_coordinator,
            "evaluated_by": person_id,
            "evaluated_at": now,
        }
        for name in _TEXTS:
            text = str(getattr(given, name)).strip()
            values[f"{name}_enc"] = self._enc(text, purpose(case_id, name)) if text else None
        await self.conn.execute(
            update(case_evaluations).where(case_evaluations.c.case_id == case_id).values(**values)
        )

    async def evaluation(self, case_id: int) -> EvaluationRecord | None:
        row = (
            await self.conn.execute(_SELECT.where(case_evaluations.c.case_id == case_id))
        ).first()
        return None if row is None else self._record(row)

    async def open_evaluations(self, org_id: int | None = None) -> list[EvaluationRecord]:
        """Evaluations asked for and not filled in, oldest first (of one organisation)."""
        q = _SELECT.where(case_evaluations.c.evaluated_at.is_(None)).order_by(
            case_evaluations.c.requested_at, case_evaluations.c.id
        )
        if org_id is not None:
            q = q.where(cases.c.org_id == org_id)
        return [self._record(r) for r in await self.conn.execute(q)]

    def _record(self, r: Any) -> EvaluationRecord:
        texts = {
            name: self._dec(getattr(r, f"{name}_enc"), purpose(r.case_id, name))
            if getattr(r, f"{name}_enc")
            else ""
            for name in _TEXTS
        }
        by = (
            self._dec(r.name_enc, f"person:{r.evaluated_by}")
            if r.evaluated_by is not None and r.name_enc is not None
            else None
        )
        return EvaluationRecord(
            case_id=r.case_id,
            reference=r.reference,
            org=r.org_name or "-",
            requested_at=r.requested_at,
            severity=r.severity,
            recurrence=r.recurrence,
            shared_with_coordinator=bool(r.shared_with_coordinator),
            evaluated_by=by,
            evaluated_at=r.evaluated_at,
            **texts,
        )
