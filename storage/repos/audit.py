"""The audit trail: append an entry, read a case's entries in order. Nothing else.

There is deliberately no way here to change or remove an entry, and the database refuses
both (migration 0006's triggers). The detail is JSON, encrypted under "audit:<case_id>".
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import insert, select

from bot.domain.audit import AuditEntry
from storage.repos.base import Repo
from storage.tables import audit_trail, people

_actor = people.alias("audit_actor")
_behalf = people.alias("audit_behalf")

_INSERT = insert(audit_trail).returning(audit_trail.c.id)
_FOR_CASE = (
    select(
        audit_trail,
        _actor.c.name_enc.label("actor_name_enc"),
        _behalf.c.name_enc.label("behalf_name_enc"),
    )
    .select_from(
        audit_trail.outerjoin(_actor, _actor.c.id == audit_trail.c.actor_id).outerjoin(
            _behalf, _behalf.c.id == audit_trail.c.on_behalf_of
        )
    )
    .order_by(audit_trail.c.at, audit_trail.c.id)
)


def purpose(case_id: int) -> str:
    return f"audit:{case_id}"


class AuditRepo(Repo):
    """Append-only rows of who saw or did what with a case."""

    async def append(self, entry: AuditEntry) -> int:
        detail = (
            None
            if entry.detail is None
            else self.cipher.encrypt_text(
                json.dumps(entry.detail, ensure_ascii=False, default=str), purpose(entry.case_id)
            )
        )
        result = await self.conn.execute(
            _INSERT,
            {
                "case_id": entry.case_id,
                "actor_id": entry.actor_id,
                "on_behalf_of": entry.on_behalf_of,
                "action": str(entry.action),
                "channel": entry.channel,
                "at": entry.at,
                "detail_enc": detail,
            },
        )
        return int(result.scalar_one())

    async def for_case(self, case_id: int) -> list[AuditEntry]:
        rows = await self.conn.execute(_FOR_CASE.where(audit_trail.c.case_id == case_id))
        return [self._entry(r) for r in rows]

    def _entry(self, r: Any) -> AuditEntry:
        detail = (
            None
            if r.detail_enc is None
            else json.loads(self.cipher.decrypt_text(r.detail_enc, purpose(r.case_id)))
        )
        return AuditEntry(
            case_id=r.case_id,
            actor_id=r.actor_id,
            action=r.action,
            channel=r.channel,
            at=r.at,
            detail=detail,
            on_behalf_of=r.on_behalf_of,
            id=r.id,
            actor_name=self._name(r.actor_id, r.actor_name_enc),
            on_behalf_name=self._name(r.on_behalf_of, r.behalf_name_enc),
        )

    def _name(self, person_id: int | None, token: bytes | None) -> str | None:
        if person_id is None or token is None:
            return None
        return self._dec(token, f"person:{person_id}")
