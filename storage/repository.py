"""Repositories: everything the application reads and writes, inside one transaction.

`Store.transaction()` yields a `Tx`: all calls on it commit together or not at all, which
is how a turn stores its answer, its dialog position and its dedupe key as one unit.
Sensitive values are encrypted here, on the way in, and decrypted on the way out.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain import Organisation, OrgKind, Route
from bot.model import (
    CaseEvent,
    CaseRecord,
    DialogState,
    EvidenceRecord,
    Identity,
    Person,
    PersonRole,
)
from dialogs.messages import Attachment, ConversationKey
from storage.crypto import FieldCipher
from storage.database import Database
from storage.tables import (
    answers,
    case_events,
    cases,
    conversations,
    evidence,
    identities,
    inbound_seen,
    organisations,
    outbox,
    people,
    person_roles,
)

_REF_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud safely


def _aware(value: datetime | None) -> datetime | None:
    # SQLite gives naive datetimes back; everything is stored in UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def new_reference() -> str:
    return "WB-" + "".join(secrets.choice(_REF_ALPHABET) for _ in range(6))


class Store:
    def __init__(self, db: Database) -> None:
        self.db = db

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        async with self.db.connect() as conn:
            yield Tx(conn, self.db.cipher)


class Tx:
    def __init__(self, conn: AsyncConnection, cipher: FieldCipher) -> None:
        self.conn = conn
        self.cipher = cipher

    # --- helpers -------------------------------------------------------------------------

    def _insert_ignore(self, table: Any) -> Any:
        dialect = self.conn.dialect.name
        if dialect == "postgresql":
            return postgresql.insert(table).on_conflict_do_nothing()
        if dialect == "sqlite":
            return sqlite.insert(table).on_conflict_do_nothing()
        raise NotImplementedError(dialect)

    def _enc(self, value: str, purpose: str) -> bytes:
        return self.cipher.encrypt_text(value, purpose)

    def _dec(self, token: bytes, purpose: str) -> str:
        return self.cipher.decrypt_text(token, purpose)

    # --- inbound dedupe ------------------------------------------------------------------

    async def claim_inbound(self, channel: str, message_id: str, now: datetime) -> bool:
        """Record a delivery; False when it was seen before (a redelivery)."""
        result = await self.conn.execute(
            self._insert_ignore(inbound_seen).values(
                channel=channel, message_id=message_id, received_at=now
            )
        )
        return bool(result.rowcount)

    async def note_inbound_answer(
        self, channel: str, message_id: str, case_id: int, field: str
    ) -> None:
        await self.conn.execute(
            update(inbound_seen)
            .where(and_(inbound_seen.c.channel == channel,
                        inbound_seen.c.message_id == message_id))
            .values(case_id=case_id, answer_field=field)
        )

    async def inbound_answer(self, channel: str, message_id: str) -> tuple[int, str] | None:
        row = (await self.conn.execute(
            select(inbound_seen.c.case_id, inbound_seen.c.answer_field).where(
                and_(inbound_seen.c.channel == channel, inbound_seen.c.message_id == message_id)
            )
        )).first()
        if row is None or row.case_id is None or row.answer_field is None:
            return None
        return row.case_id, row.answer_field

    # --- organisations -------------------------------------------------------------------

    async def upsert_organisations(self, orgs: Iterable[Organisation]) -> int:
        count = 0
        for org in orgs:
            row = (await self.conn.execute(
                select(organisations.c.id).where(organisations.c.slug == org.slug)
            )).first()
            if row is None:
                await self.conn.execute(
                    insert(organisations).values(slug=org.slug, name=org.name, kind=org.kind)
                )
                count += 1
            else:
                await self.conn.execute(
                    update(organisations).where(organisations.c.id == row.id)
                    .values(name=org.name, kind=org.kind)
                )
        return count

    async def organisations(self) -> list[tuple[int, Organisation]]:
        rows = await self.conn.execute(select(organisations).order_by(organisations.c.name))
        return [(r.id, Organisation(r.slug, r.name, OrgKind(r.kind))) for r in rows]

    async def organisation_id(self, slug: str) -> int | None:
        row = (await self.conn.execute(
            select(organisations.c.id).where(organisations.c.slug == slug)
        )).first()
        return None if row is None else int(row.id)

    # --- people --------------------------------------------------------------------------

    async def add_person(self, name: str, now: datetime) -> int:
        result = await self.conn.execute(
            insert(people).values(name_enc=b"", created_at=now).returning(people.c.id)
        )
        pid = int(result.scalar_one())
        await self.conn.execute(
            update(people).where(people.c.id == pid)
            .values(name_enc=self._enc(name, f"person:{pid}"))
        )
        return pid

    async def add_role(self, person_id: int, role: str, org_id: int) -> None:
        await self.conn.execute(
            self._insert_ignore(person_roles).values(
                person_id=person_id, role=role, org_id=org_id
            )
        )

    async def add_identity(
        self, person_id: int, channel: str, kind: str, address: str,
        reference: dict[str, Any] | None = None,
    ) -> bool:
        """Bind an address to a person; False when it belongs to someone already."""
        result = await self.conn.execute(
            self._insert_ignore(identities).values(
                person_id=person_id, channel=channel, kind=kind, address=address,
                reference=reference,
            )
        )
        return bool(result.rowcount)

    async def set_reference(
        self, channel: str, kind: str, address: str, reference: dict[str, Any]
    ) -> bool:
        result = await self.conn.execute(
            update(identities)
            .where(and_(identities.c.channel == channel, identities.c.kind == kind,
                        identities.c.address == address))
            .values(reference=reference)
        )
        return bool(result.rowcount)

    async def reference(self, channel: str, kind: str, address: str) -> dict[str, Any] | None:
        row = (await self.conn.execute(
            select(identities.c.reference).where(
                and_(identities.c.channel == channel, identities.c.kind == kind,
                     identities.c.address == address))
        )).first()
        return None if row is None else row.reference

    async def find_person_id(self, channel: str, kind: str, address: str) -> int | None:
        row = (await self.conn.execute(
            select(identities.c.person_id).where(
                and_(identities.c.channel == channel, identities.c.kind == kind,
                     identities.c.address == address))
        )).first()
        return None if row is None else int(row.person_id)

    async def person(self, person_id: int) -> Person | None:
        row = (await self.conn.execute(
            select(people.c.id, people.c.name_enc).where(people.c.id == person_id)
        )).first()
        if row is None:
            return None
        roles = await self.conn.execute(
            select(person_roles.c.role, person_roles.c.org_id, organisations.c.slug,
                   organisations.c.name, organisations.c.kind)
            .join(organisations, organisations.c.id == person_roles.c.org_id)
            .where(person_roles.c.person_id == person_id)
            .order_by(person_roles.c.id)
        )
        idents = await self.conn.execute(
            select(identities.c.channel, identities.c.kind, identities.c.address,
                   identities.c.reference)
            .where(identities.c.person_id == person_id).order_by(identities.c.id)
        )
        return Person(
            id=row.id,
            name=self._dec(row.name_enc, f"person:{row.id}"),
            roles=tuple(
                PersonRole(r.role, Organisation(r.slug, r.name, OrgKind(r.kind)), r.org_id)
                for r in roles
            ),
            identities=tuple(
                Identity(i.channel, i.kind, i.address,
                         reachable=i.channel != "teams" or i.reference is not None)
                for i in idents
            ),
        )

    async def people(self) -> list[Person]:
        ids = (await self.conn.execute(select(people.c.id).order_by(people.c.id))).scalars()
        found = [await self.person(int(pid)) for pid in list(ids)]
        return [p for p in found if p is not None]

    async def remove_person(self, person_id: int) -> bool:
        await self.conn.execute(delete(conversations).where(
            conversations.c.person_id == person_id))
        await self.conn.execute(delete(identities).where(identities.c.person_id == person_id))
        await self.conn.execute(delete(person_roles).where(
            person_roles.c.person_id == person_id))
        # Cases stay (registration is the point); the name goes.
        result = await self.conn.execute(
            update(people).where(people.c.id == person_id)
            .values(name_enc=self._enc("(verwijderd)", f"person:{person_id}"))
        )
        return bool(result.rowcount)

    async def people_with_role(self, org_id: int, role: str) -> list[Person]:
        ids = (await self.conn.execute(
            select(person_roles.c.person_id).where(
                and_(person_roles.c.org_id == org_id, person_roles.c.role == role))
            .order_by(person_roles.c.person_id)
        )).scalars()
        found = [await self.person(int(pid)) for pid in list(ids)]
        return [p for p in found if p is not None]

    # --- conversations -------------------------------------------------------------------

    async def load_state(self, key: ConversationKey) -> DialogState | None:
        row = (await self.conn.execute(
            select(conversations).where(and_(
                conversations.c.channel == key.channel,
                conversations.c.account == key.account,
                conversations.c.user == key.user))
        )).first()
        if row is None:
            return None
        state = DialogState(
            flow=row.flow, step=row.step, history=list(row.history), paused=row.paused,
            case_id=row.case_id,
        )
        if row.case_id is not None:
            state.answers = await self.answers(row.case_id)
        return state

    async def save_state(
        self, key: ConversationKey, person_id: int, state: DialogState, now: datetime
    ) -> None:
        values = dict(
            person_id=person_id, flow=state.flow, step=state.step, history=state.history,
            paused=state.paused, case_id=state.case_id, updated_at=now,
        )
        result = await self.conn.execute(
            update(conversations).where(and_(
                conversations.c.channel == key.channel,
                conversations.c.account == key.account,
                conversations.c.user == key.user)).values(**values)
        )
        if not result.rowcount:
            await self.conn.execute(insert(conversations).values(
                channel=key.channel, account=key.account, user=key.user, **values))

    # --- cases and answers ---------------------------------------------------------------

    async def create_draft(self, reporter_id: int, channel: str, now: datetime) -> int:
        for _ in range(5):
            ref = new_reference()
            taken = (await self.conn.execute(
                select(cases.c.id).where(cases.c.reference == ref))).first()
            if taken is None:
                break
        result = await self.conn.execute(
            insert(cases).values(
                reference=ref, status="draft", reporter_id=reporter_id, channel=channel,
                created_at=now,
            ).returning(cases.c.id)
        )
        case_id = int(result.scalar_one())
        await self.add_event(case_id, now, "draft_started", reporter_id)
        return case_id

    async def set_answer(self, case_id: int, field: str, value: Any, now: datetime) -> None:
        token = self._enc(json.dumps(value, ensure_ascii=False), f"answer:{case_id}:{field}")
        result = await self.conn.execute(
            update(answers).where(and_(answers.c.case_id == case_id, answers.c.field == field))
            .values(value_enc=token, updated_at=now)
        )
        if not result.rowcount:
            await self.conn.execute(insert(answers).values(
                case_id=case_id, field=field, value_enc=token, updated_at=now))

    async def clear_answers(self, case_id: int, fields: Iterable[str]) -> None:
        names = list(fields)
        if names:
            await self.conn.execute(delete(answers).where(
                and_(answers.c.case_id == case_id, answers.c.field.in_(names))))

    async def answers(self, case_id: int) -> dict[str, Any]:
        rows = await self.conn.execute(
            select(answers.c.field, answers.c.value_enc).where(answers.c.case_id == case_id))
        return {
            r.field: json.loads(self._dec(r.value_enc, f"answer:{case_id}:{r.field}"))
            for r in rows
        }

    async def add_evidence(self, case_id: int, file: Attachment, now: datetime) -> int:
        result = await self.conn.execute(
            insert(evidence).values(
                case_id=case_id, filename_enc=b"", content_type=file.content_type[:120],
                size=file.size, data_enc=b"", created_at=now,
            ).returning(evidence.c.id)
        )
        eid = int(result.scalar_one())
        await self.conn.execute(update(evidence).where(evidence.c.id == eid).values(
            filename_enc=self._enc(file.filename, f"evidence-name:{eid}"),
            data_enc=self.cipher.encrypt(file.data, f"evidence:{eid}"),
        ))
        return eid

    async def evidence(self, case_id: int) -> list[EvidenceRecord]:
        rows = await self.conn.execute(
            select(evidence.c.id, evidence.c.filename_enc, evidence.c.content_type,
                   evidence.c.size, evidence.c.created_at)
            .where(evidence.c.case_id == case_id).order_by(evidence.c.id))
        return [
            EvidenceRecord(r.id, self._dec(r.filename_enc, f"evidence-name:{r.id}"),
                           r.content_type, r.size, _aware(r.created_at) or r.created_at)
            for r in rows
        ]

    async def evidence_data(self, evidence_id: int) -> bytes:
        row = (await self.conn.execute(
            select(evidence.c.data_enc).where(evidence.c.id == evidence_id))).one()
        return self.cipher.decrypt(row.data_enc, f"evidence:{evidence_id}")

    async def submit_case(
        self, case_id: int, route: Route, org_id: int, role: str, facts: dict[str, Any],
        now: datetime,
    ) -> None:
        await self.conn.execute(update(cases).where(cases.c.id == case_id).values(
            status="submitted", role=role, org_id=org_id, handler_function=route.handler.value,
            informed=list(route.informed), kinds=facts["kinds"], serious=facts["serious"],
            criminal_suspected=facts["criminal"], incident_start=facts["start"],
            incident_end=facts["end"], submitted_at=now,
        ))

    async def set_status(self, case_id: int, status: str) -> None:
        await self.conn.execute(update(cases).where(cases.c.id == case_id).values(status=status))

    async def discard_draft(self, case_id: int, now: datetime, actor_id: int) -> None:
        await self.conn.execute(delete(answers).where(answers.c.case_id == case_id))
        await self.conn.execute(delete(evidence).where(evidence.c.case_id == case_id))
        await self.set_status(case_id, "discarded")
        await self.add_event(case_id, now, "draft_discarded", actor_id)

    async def add_event(
        self, case_id: int, at: datetime, kind: str, actor_id: int | None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        await self.conn.execute(insert(case_events).values(
            case_id=case_id, at=at, kind=kind, actor_id=actor_id, detail=detail))

    async def events(self, case_id: int) -> list[CaseEvent]:
        rows = await self.conn.execute(
            select(case_events).where(case_events.c.case_id == case_id)
            .order_by(case_events.c.at, case_events.c.id))
        out = []
        for r in list(rows):
            actor = None
            if r.actor_id is not None:
                p = await self.person(r.actor_id)
                actor = p.name if p else None
            out.append(CaseEvent(_aware(r.at) or r.at, r.kind, actor, r.detail or {}))
        return out

    def _case_query(self) -> Any:
        return (
            select(cases, organisations.c.slug, organisations.c.name.label("org_name"),
                   organisations.c.kind.label("org_kind"))
            .outerjoin(organisations, organisations.c.id == cases.c.org_id)
        )

    async def _case_record(self, r: Any) -> CaseRecord:
        reporter = await self.person(r.reporter_id)
        acker = await self.person(r.acknowledged_by) if r.acknowledged_by else None
        return CaseRecord(
            id=r.id, reference=r.reference, status=r.status, reporter_id=r.reporter_id,
            reporter_name=reporter.name if reporter else "?", channel=r.channel, role=r.role,
            org=Organisation(r.slug, r.org_name, OrgKind(r.org_kind)) if r.slug else None,
            org_id=r.org_id, handler_function=r.handler_function,
            informed=tuple(r.informed or ()), kinds=tuple(r.kinds or ()), serious=r.serious,
            criminal_suspected=r.criminal_suspected,
            incident_start=_aware(r.incident_start), incident_end=_aware(r.incident_end),
            created_at=_aware(r.created_at) or r.created_at,
            submitted_at=_aware(r.submitted_at), acknowledged_at=_aware(r.acknowledged_at),
            acknowledged_by=acker.name if acker else None,
        )

    async def case(self, case_id: int) -> CaseRecord | None:
        row = (await self.conn.execute(self._case_query().where(cases.c.id == case_id))).first()
        return None if row is None else await self._case_record(row)

    async def case_by_reference(self, reference: str) -> CaseRecord | None:
        row = (await self.conn.execute(
            self._case_query().where(cases.c.reference == reference.strip().upper())
        )).first()
        return None if row is None else await self._case_record(row)

    async def list_cases(
        self, org_id: int | None = None, include_drafts: bool = False
    ) -> list[CaseRecord]:
        q = self._case_query().order_by(cases.c.created_at.desc(), cases.c.id.desc())
        if org_id is not None:
            q = q.where(cases.c.org_id == org_id)
        if not include_drafts:
            q = q.where(cases.c.status.notin_(("draft", "discarded")))
        rows = list(await self.conn.execute(q))
        return [await self._case_record(r) for r in rows]

    async def acknowledge(self, case_id: int, person_id: int, now: datetime) -> bool:
        """Mark acknowledged; False when someone already did (a second press)."""
        result = await self.conn.execute(
            update(cases).where(and_(cases.c.id == case_id, cases.c.status == "submitted"))
            .values(status="acknowledged", acknowledged_at=now, acknowledged_by=person_id))
        if result.rowcount:
            await self.add_event(case_id, now, "acknowledged", person_id)
            from storage.reminders import mark_deadline_done  # local: it imports this module

            await mark_deadline_done(self, case_id, "acknowledge", person_id, now)
        return bool(result.rowcount)

    # --- outbox --------------------------------------------------------------------------

    async def enqueue(
        self, channel: str, account: str, recipient: str, payload: dict[str, Any],
        now: datetime, dedupe_key: str | None = None,
    ) -> bool:
        """Queue a proactive message; False when one with this dedupe key exists."""
        stmt = self._insert_ignore(outbox).values(
            channel=channel, account=account, recipient=recipient,
            payload_enc=self.cipher.encrypt_text(json.dumps(payload, ensure_ascii=False),
                                                 "outbox"),
            status="pending", attempts=0, next_attempt_at=now, created_at=now,
            dedupe_key=dedupe_key,
        )
        return bool((await self.conn.execute(stmt)).rowcount)

    async def outbox_counts(self) -> dict[str, int]:
        rows = await self.conn.execute(
            select(outbox.c.status, func.count()).group_by(outbox.c.status))
        return {r[0]: int(r[1]) for r in rows}
