"""The handler's case work: the annex steps ticked, responses toward the perpetrator, and
the free text on a case after submission (notes, the reporter's additions, closing
reasons), the last two encrypted. The SQL behind bot/cases/steps.py, responses.py,
closing.py and reporter.py."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import insert, select, update

from bot.domain.records import NoteRecord, ResponseRecord, StepTick
from storage.repos.base import Repo
from storage.tables import case_notes, case_responses, case_steps, people


class CaseWorkRepo(Repo):
    """Steps, responses and notes of a case."""

    async def tick_step(
        self, case_id: int, step: str, value: str | None, person_id: int | None, now: datetime
    ) -> bool:
        """Record (or re-record) a step; False when it stood so already (same value)."""
        row = (
            await self.conn.execute(
                select(case_steps.c.id, case_steps.c.value).where(
                    (case_steps.c.case_id == case_id) & (case_steps.c.step == step)
                )
            )
        ).first()
        if row is not None and row.value == value:
            return False
        values = {"value": value, "done_by": person_id, "done_at": now}
        if row is None:
            await self.conn.execute(insert(case_steps).values(case_id=case_id, step=step, **values))
        else:
            await self.conn.execute(
                update(case_steps).where(case_steps.c.id == row.id).values(**values)
            )
        return True

    async def steps(self, case_id: int) -> list[StepTick]:
        rows = await self.conn.execute(
            select(case_steps, people.c.name_enc)
            .select_from(case_steps.outerjoin(people, people.c.id == case_steps.c.done_by))
            .where(case_steps.c.case_id == case_id)
            .order_by(case_steps.c.id)
        )
        return [
            StepTick(r.step, r.value, self._person(r.done_by, r.name_enc), r.done_at) for r in rows
        ]

    async def add_response(
        self,
        case_id: int,
        kind: str,
        measure: str | None,
        until: date | None,
        damages_recovered: bool,
        note: str | None,
        person_id: int | None,
        now: datetime,
    ) -> int:
        result = await self.conn.execute(
            insert(case_responses)
            .values(
                case_id=case_id,
                kind=kind,
                measure=measure,
                measures_until=until,
                damages_recovered=damages_recovered,
                recorded_by=person_id,
                recorded_at=now,
            )
            .returning(case_responses.c.id)
        )
        rid = int(result.scalar_one())
        if note:
            await self.conn.execute(
                update(case_responses)
                .where(case_responses.c.id == rid)
                .values(note_enc=self._enc(note, f"response-note:{rid}"))
            )
        return rid

    async def responses(self, case_id: int) -> list[ResponseRecord]:
        rows = await self.conn.execute(
            select(case_responses, people.c.name_enc)
            .select_from(
                case_responses.outerjoin(people, people.c.id == case_responses.c.recorded_by)
            )
            .where(case_responses.c.case_id == case_id)
            .order_by(case_responses.c.id)
        )
        return [
            ResponseRecord(
                id=r.id,
                kind=r.kind,
                measure=r.measure,
                measures_until=r.measures_until,
                damages_recovered=bool(r.damages_recovered),
                note=self._dec(r.note_enc, f"response-note:{r.id}") if r.note_enc else None,
                by=self._person(r.recorded_by, r.name_enc),
                at=r.recorded_at,
            )
            for r in rows
        ]

    async def add_note(
        self, case_id: int, kind: str, text: str, person_id: int | None, now: datetime
    ) -> int:
        result = await self.conn.execute(
            insert(case_notes)
            .values(case_id=case_id, kind=kind, author_id=person_id, at=now, text_enc=b"")
            .returning(case_notes.c.id)
        )
        nid = int(result.scalar_one())
        await self.conn.execute(
            update(case_notes)
            .where(case_notes.c.id == nid)
            .values(text_enc=self._enc(text, f"case-note:{nid}"))
        )
        return nid

    async def notes(self, case_id: int, kinds: tuple[str, ...] = ()) -> list[NoteRecord]:
        q = (
            select(case_notes, people.c.name_enc)
            .select_from(case_notes.outerjoin(people, people.c.id == case_notes.c.author_id))
            .where(case_notes.c.case_id == case_id)
            .order_by(case_notes.c.id)
        )
        if kinds:
            q = q.where(case_notes.c.kind.in_(kinds))
        return [
            NoteRecord(
                id=r.id,
                kind=r.kind,
                by=self._person(r.author_id, r.name_enc),
                author_id=r.author_id,
                at=r.at,
                text=self._dec(r.text_enc, f"case-note:{r.id}"),
            )
            for r in await self.conn.execute(q)
        ]

    def _person(self, person_id: int | None, name_enc: bytes | None) -> str | None:
        if person_id is None or name_enc is None:
            return None
        return self._dec(name_enc, f"person:{person_id}")
