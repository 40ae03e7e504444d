"""Cases: drafts, answers cleared, evidence, submission, status and the case history."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, bindparam, delete, insert, select, update

from bot.domain.records import (
    UNSENT,
    CaseEvent,
    CaseRecord,
    CaseStatus,
    EventKind,
    EvidenceRecord,
)
from bot.domain.routing import Organisation, OrgKind, Route
from dialogs.messages import Attachment
from storage.repos.base import Repo
from storage.tables import (
    answers,
    case_events,
    cases,
    evidence,
    organisations,
    people,
)

_REF_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud safely


def _aware(value: datetime | None) -> datetime | None:
    # SQLite gives naive datetimes back; everything is stored in UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def new_reference() -> str:
    return "WB-" + "".join(secrets.choice(_REF_ALPHABET) for _ in range(6))


_reporter = people.alias("reporter")
_acker = people.alias("acker")

# A case with its organisation and the names of its reporter and of who acknowledged it,
# in one round trip (the names are decrypted here, as `person()` does).
_CASE = select(
    cases,
    organisations.c.slug,
    organisations.c.name.label("org_name"),
    organisations.c.kind.label("org_kind"),
    _reporter.c.name_enc.label("reporter_name_enc"),
    _acker.c.name_enc.label("acker_name_enc"),
).select_from(
    cases.outerjoin(organisations, organisations.c.id == cases.c.org_id)
    .outerjoin(_reporter, _reporter.c.id == cases.c.reporter_id)
    .outerjoin(_acker, _acker.c.id == cases.c.acknowledged_by)
)
_CASE_BY_ID = _CASE.where(cases.c.id == bindparam("case_id"))
_CASE_BY_REFERENCE = _CASE.where(cases.c.reference == bindparam("reference"))

# Prebuilt: executed with a dict (or a list of dicts) of column values.
_REFERENCE_TAKEN = select(cases.c.id).where(cases.c.reference == bindparam("ref"))
_INSERT_DRAFT = insert(cases).returning(cases.c.id)
_SUBMIT_CASE = update(cases).where(cases.c.id == bindparam("b_id"))
_INSERT_EVENT = insert(case_events)


class CaseRepo(Repo):
    """A case from draft to closed, its evidence and its events."""

    # --- cases and answers ---------------------------------------------------------------

    async def create_draft(self, reporter_id: int, channel: str, now: datetime) -> int:
        for _ in range(5):
            ref = new_reference()
            taken = (await self.conn.execute(_REFERENCE_TAKEN, {"ref": ref})).first()
            if taken is None:
                break
        result = await self.conn.execute(
            _INSERT_DRAFT,
            {
                "reference": ref,
                "status": CaseStatus.DRAFT,
                "reporter_id": reporter_id,
                "channel": channel,
                "created_at": now,
            },
        )
        case_id = int(result.scalar_one())
        await self.add_event(case_id, now, EventKind.DRAFT_STARTED, reporter_id)
        return case_id

    async def clear_answers(self, case_id: int, fields: Iterable[str]) -> None:
        names = list(fields)
        if names:
            await self.conn.execute(
                delete(answers).where(
                    and_(answers.c.case_id == case_id, answers.c.field.in_(names))
                )
            )

    async def add_evidence(self, case_id: int, file: Attachment, now: datetime) -> int:
        result = await self.conn.execute(
            insert(evidence)
            .values(
                case_id=case_id,
                filename_enc=b"",
                content_type=file.content_type[:120],
                size=file.size,
                data_enc=b"",
                created_at=now,
            )
            .returning(evidence.c.id)
        )
        eid = int(result.scalar_one())
        await self.conn.execute(
            update(evidence)
            .where(evidence.c.id == eid)
            .values(
                filename_enc=self._enc(file.filename, f"evidence-name:{eid}"),
                data_enc=self.cipher.encrypt(file.data, f"evidence:{eid}"),
            )
        )
        return eid

    async def remove_evidence(self, case_id: int, evidence_id: int) -> None:
        """A file the reporter took back before sending: it is gone, not submitted."""
        await self.conn.execute(
            delete(evidence).where(
                and_(evidence.c.case_id == case_id, evidence.c.id == evidence_id)
            )
        )

    async def evidence(self, case_id: int) -> list[EvidenceRecord]:
        rows = await self.conn.execute(
            select(
                evidence.c.id,
                evidence.c.filename_enc,
                evidence.c.content_type,
                evidence.c.size,
                evidence.c.created_at,
            )
            .where(evidence.c.case_id == case_id)
            .order_by(evidence.c.id)
        )
        return [
            EvidenceRecord(
                r.id,
                self._dec(r.filename_enc, f"evidence-name:{r.id}"),
                r.content_type,
                r.size,
                _aware(r.created_at) or r.created_at,
            )
            for r in rows
        ]

    async def evidence_data(self, evidence_id: int) -> bytes:
        row = (
            await self.conn.execute(select(evidence.c.data_enc).where(evidence.c.id == evidence_id))
        ).one()
        return self.cipher.decrypt(row.data_enc, f"evidence:{evidence_id}")

    async def submit_case(
        self,
        case_id: int,
        route: Route,
        org_id: int,
        role: str,
        facts: dict[str, Any],
        now: datetime,
    ) -> None:
        await self.conn.execute(
            _SUBMIT_CASE,
            {
                "b_id": case_id,
                "status": CaseStatus.SUBMITTED,
                "role": role,
                "org_id": org_id,
                "handler_function": route.handler.value,
                "informed": list(route.informed),
                "kinds": facts["kinds"],
                "serious": facts["serious"],
                "criminal_suspected": facts["criminal"],
                "incident_start": facts["start"],
                "incident_end": facts["end"],
                "submitted_at": now,
            },
        )

    async def set_status(self, case_id: int, status: str) -> None:
        await self.conn.execute(update(cases).where(cases.c.id == case_id).values(status=status))

    async def discard_draft(self, case_id: int, now: datetime, actor_id: int) -> None:
        await self.conn.execute(delete(answers).where(answers.c.case_id == case_id))
        await self.conn.execute(delete(evidence).where(evidence.c.case_id == case_id))
        await self.set_status(case_id, CaseStatus.DISCARDED)
        await self.add_event(case_id, now, EventKind.DRAFT_DISCARDED, actor_id)

    async def add_event(
        self,
        case_id: int,
        at: datetime,
        kind: str,
        actor_id: int | None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        await self.add_events(case_id, at, [(kind, actor_id, detail)])

    async def add_events(
        self,
        case_id: int,
        at: datetime,
        events: Iterable[tuple[str, int | None, dict[str, Any] | None]],
    ) -> None:
        """Several events of one case at one moment, in this order, in one statement."""
        rows = [
            {"case_id": case_id, "at": at, "kind": kind, "actor_id": actor_id, "detail": detail}
            for kind, actor_id, detail in events
        ]
        if rows:
            await self.conn.execute(_INSERT_EVENT, rows)

    async def events(self, case_id: int) -> list[CaseEvent]:
        rows = await self.conn.execute(
            select(case_events)
            .where(case_events.c.case_id == case_id)
            .order_by(case_events.c.at, case_events.c.id)
        )
        out = []
        for r in list(rows):
            actor = None
            if r.actor_id is not None:
                p = await self.tx.people.person(r.actor_id)
                actor = p.name if p else None
            out.append(CaseEvent(_aware(r.at) or r.at, r.kind, actor, r.detail or {}))
        return out

    def _case_record(self, r: Any) -> CaseRecord:
        reporter = self._name(r.reporter_id, r.reporter_name_enc)
        return CaseRecord(
            id=r.id,
            reference=r.reference,
            status=r.status,
            reporter_id=r.reporter_id,
            reporter_name="?" if reporter is None else reporter,
            channel=r.channel,
            role=r.role,
            org=Organisation(r.slug, r.org_name, OrgKind(r.org_kind)) if r.slug else None,
            org_id=r.org_id,
            handler_function=r.handler_function,
            informed=tuple(r.informed or ()),
            kinds=tuple(r.kinds or ()),
            serious=r.serious,
            criminal_suspected=r.criminal_suspected,
            incident_start=_aware(r.incident_start),
            incident_end=_aware(r.incident_end),
            created_at=_aware(r.created_at) or r.created_at,
            submitted_at=_aware(r.submitted_at),
            acknowledged_at=_aware(r.acknowledged_at),
            acknowledged_by=(
                self._name(r.acknowledged_by, r.acker_name_enc) if r.acknowledged_by else None
            ),
        )

    def _name(self, person_id: int, name_enc: bytes | None) -> str | None:
        return None if name_enc is None else self._dec(name_enc, f"person:{person_id}")

    async def case(self, case_id: int) -> CaseRecord | None:
        row = (await self.conn.execute(_CASE_BY_ID, {"case_id": case_id})).first()
        return None if row is None else self._case_record(row)

    async def case_by_reference(self, reference: str) -> CaseRecord | None:
        row = (
            await self.conn.execute(_CASE_BY_REFERENCE, {"reference": reference.strip().upper()})
        ).first()
        return None if row is None else self._case_record(row)

    async def list_cases(
        self, org_id: int | None = None, include_drafts: bool = False
    ) -> list[CaseRecord]:
        q = _CASE.order_by(cases.c.created_at.desc(), cases.c.id.desc())
        if org_id is not None:
            q = q.where(cases.c.org_id == org_id)
        if not include_drafts:
            q = q.where(cases.c.status.notin_(tuple(UNSENT)))
        return [self._case_record(r) for r in await self.conn.execute(q)]

    async def cases_of_reporter(self, reporter_id: int) -> list[CaseRecord]:
        """The reporter's submitted cases, newest first (not drafts or discarded ones)."""
        q = (
            _CASE.where(cases.c.reporter_id == reporter_id)
            .where(cases.c.status.notin_(tuple(UNSENT)))
            .order_by(cases.c.submitted_at.desc(), cases.c.id.desc())
        )
        return [self._case_record(r) for r in await self.conn.execute(q)]

    async def acknowledge(self, case_id: int, person_id: int, now: datetime) -> bool:
        """Mark acknowledged; False when someone already did (a second press)."""
        result = await self.conn.execute(
            update(cases)
            .where(and_(cases.c.id == case_id, cases.c.status == CaseStatus.SUBMITTED))
            .values(status=CaseStatus.ACKNOWLEDGED, acknowledged_at=now, acknowledged_by=person_id)
        )
        if result.rowcount:
            await self.add_event(case_id, now, EventKind.ACKNOWLEDGED, person_id)
        return bool(result.rowcount)
