"""The perpetrator dossier's storage: keyed hashes of identifiers, and links between cases.

A case's marks are HMAC-SHA256 digests (storage/identity_hash.py) of the canonical
identifiers its report names (bot/domain/identifiers.py); the identifiers themselves are
never written. Matching hashes the identifiers under every key of the ring, so a case
hashed before a key rotation is still found.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, or_, select, update

from bot.domain.dossier import DossierLink, LinkState, pair
from bot.domain.identifiers import Identifier
from storage.identity_hash import IdentityHasher
from storage.repos.base import Repo
from storage.tables import cases, dossier_links, people, perpetrator_marks


class DossierRepo(Repo):
    @property
    def _hasher(self) -> IdentityHasher:
        hasher: IdentityHasher = self.tx.hasher  # type: ignore[attr-defined]
        return hasher

    async def set_marks(self, case_id: int, found: Iterable[Identifier]) -> list[tuple[int, str]]:
        """Replace the case's marks with the hashes of `found`; returns the other cases
        that share one, as (case id, kind), each case once, by id."""
        hasher = self._hasher
        found = list(found)
        await self.conn.execute(
            delete(perpetrator_marks).where(perpetrator_marks.c.case_id == case_id)
        )
        if not found:
            return []
        rows = [
            {
                "case_id": case_id,
                "kind": str(i.kind),
                "digest": hasher.digest(str(i.kind), i.value),
                "key_id": hasher.primary_key_id,
            }
            for i in found
        ]
        await self.conn.execute(self._insert_ignore(perpetrator_marks), rows)
        wanted = or_(
            *(
                (perpetrator_marks.c.kind == str(i.kind))
                & perpetrator_marks.c.digest.in_(hasher.every_digest(str(i.kind), i.value))
                for i in found
            )
        )
        matches: dict[int, str] = {}
        for r in await self.conn.execute(
            select(perpetrator_marks.c.case_id, perpetrator_marks.c.kind)
            .where(wanted & (perpetrator_marks.c.case_id != case_id))
            .order_by(perpetrator_marks.c.case_id, perpetrator_marks.c.kind)
        ):
            matches.setdefault(r.case_id, r.kind)
        return sorted(matches.items())

    async def stale_mark_cases(self, batch: int = 500) -> list[int]:
        """Cases with a mark under another key than the first (for key rotation)."""
        rows = await self.conn.execute(
            select(perpetrator_marks.c.case_id)
            .where(perpetrator_marks.c.key_id != self._hasher.primary_key_id)
            .distinct()
            .order_by(perpetrator_marks.c.case_id)
            .limit(batch)
        )
        return [int(r.case_id) for r in rows]

    async def suggest(self, case_x: int, case_y: int, reason: str, now: datetime) -> bool:
        """Suggest two cases as one perpetrator; False when they are linked (or were
        rejected) already."""
        a, b = pair(case_x, case_y)
        result = await self.conn.execute(
            self._insert_ignore(dossier_links).values(
                case_a=a, case_b=b, reason=reason, state=LinkState.SUGGESTED, suggested_at=now
            )
        )
        return bool(result.rowcount)

    async def decide(self, link_id: int, state: str, person_id: int | None, now: datetime) -> bool:
        """Confirm or reject a link; False when it stood so already."""
        result = await self.conn.execute(
            update(dossier_links)
            .where((dossier_links.c.id == link_id) & (dossier_links.c.state != state))
            .values(state=state, decided_by=person_id, decided_at=now)
        )
        return bool(result.rowcount)

    async def link(self, link_id: int) -> DossierLink | None:
        rows = await self._links(dossier_links.c.id == link_id)
        return rows[0] if rows else None

    async def links_of(self, case_ids: Sequence[int]) -> list[DossierLink]:
        """Every link touching one of these cases."""
        if not case_ids:
            return []
        return await self._links(
            dossier_links.c.case_a.in_(case_ids) | dossier_links.c.case_b.in_(case_ids)
        )

    async def suggested(self) -> list[DossierLink]:
        return await self._links(dossier_links.c.state == LinkState.SUGGESTED)

    async def _links(self, where: Any) -> list[DossierLink]:
        rows = await self.conn.execute(
            select(dossier_links, people.c.name_enc)
            .select_from(dossier_links.outerjoin(people, people.c.id == dossier_links.c.decided_by))
            .where(where)
            .order_by(dossier_links.c.id)
        )
        return [
            DossierLink(
                id=r.id,
                case_a=r.case_a,
                case_b=r.case_b,
                reason=r.reason,
                state=r.state,
                suggested_at=r.suggested_at,
                decided_by=self._dec(r.name_enc, f"person:{r.decided_by}")
                if r.decided_by is not None and r.name_enc is not None
                else None,
                decided_at=r.decided_at,
            )
            for r in rows
        ]

    async def set_follows(self, case_id: int, earlier_id: int) -> None:
        """Record that the report `case_id` follows the earlier case `earlier_id`."""
        await self.conn.execute(
            update(cases).where(cases.c.id == case_id).values(follows_case_id=earlier_id)
        )

    async def follows(self, case_id: int) -> int | None:
        """The earlier case the report follows, if it does."""
        row = (
            await self.conn.execute(select(cases.c.follows_case_id).where(cases.c.id == case_id))
        ).first()
        return None if row is None or row.follows_case_id is None else int(row.follows_case_id)
