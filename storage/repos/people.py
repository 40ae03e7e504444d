"""People, their roles and channel identities; organisations."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, and_, bindparam, delete, insert, select, update

from bot.domain.office_hours import OfficeHours
from bot.domain.records import Identity, Person, PersonRole
from bot.domain.routing import Organisation, OrgKind
from storage.repos.base import Repo
from storage.tables import conversations, identities, organisations, people, person_roles

# The turn's first question, "who is this?", as one prebuilt statement: the person and
# their roles in one round trip, with no statement built per call.
_PERSON_BY_IDENTITY = (
    select(
        people.c.id,
        people.c.name_enc,
        person_roles.c.role,
        person_roles.c.org_id,
        organisations.c.slug,
        organisations.c.name,
        organisations.c.kind,
    )
    .select_from(
        identities.join(people, people.c.id == identities.c.person_id)
        .outerjoin(person_roles, person_roles.c.person_id == people.c.id)
        .outerjoin(organisations, organisations.c.id == person_roles.c.org_id)
    )
    .where(
        and_(
            identities.c.channel == bindparam("channel"),
            identities.c.kind == bindparam("kind"),
            identities.c.address == bindparam("address"),
        )
    )
    .order_by(person_roles.c.id)
)

# Whole people, several at a time (`people_by_id`): names, roles, identities.
_IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
_NAMES = select(people.c.id, people.c.name_enc).where(people.c.id.in_(_IDS))
_ROLES = (
    select(
        person_roles.c.person_id,
        person_roles.c.role,
        person_roles.c.org_id,
        organisations.c.slug,
        organisations.c.name,
        organisations.c.kind,
    )
    .join(organisations, organisations.c.id == person_roles.c.org_id)
    .where(person_roles.c.person_id.in_(_IDS))
    .order_by(person_roles.c.id)
)
_IDENTITIES = (
    select(
        identities.c.person_id,
        identities.c.channel,
        identities.c.kind,
        identities.c.address,
        identities.c.reference,
    )
    .where(identities.c.person_id.in_(_IDS))
    .order_by(identities.c.id)
)
_WITH_ROLE = (
    select(person_roles.c.person_id)
    .where(
        and_(person_roles.c.org_id == bindparam("org_id"), person_roles.c.role == bindparam("role"))
    )
    .order_by(person_roles.c.person_id)
)

_ACK_HOURS = select(organisations.c.ack_hours).where(organisations.c.id == bindparam("org_id"))


_OFFICE_HOURS = select(organisations.c.office_hours).where(
    organisations.c.id == bindparam("org_id")
)


def _hours(org: Organisation) -> dict[str, Any] | None:
    return org.office_hours.to_data() if org.office_hours else None


class PeopleRepo(Repo):
    # --- organisations -------------------------------------------------------------------

    async def upsert_organisations(self, orgs: Iterable[Organisation]) -> int:
        count = 0
        for org in orgs:
            row = (
                await self.conn.execute(
                    select(organisations.c.id).where(organisations.c.slug == org.slug)
                )
            ).first()
            if row is None:
                await self.conn.execute(
                    insert(organisations).values(
                        slug=org.slug,
                        name=org.name,
                        kind=org.kind,
                        ack_hours=org.ack_hours,
                        office_hours=_hours(org),
                    )
                )
                count += 1
            else:
                await self.conn.execute(
                    update(organisations)
                    .where(organisations.c.id == row.id)
                    .values(
                        name=org.name,
                        kind=org.kind,
                        ack_hours=org.ack_hours,
                        office_hours=_hours(org),
                    )
                )
        return count

    async def organisations(self) -> list[tuple[int, Organisation]]:
        rows = await self.conn.execute(select(organisations).order_by(organisations.c.name))
        return [(r.id, Organisation(r.slug, r.name, OrgKind(r.kind))) for r in rows]

    async def organisation_id(self, slug: str) -> int | None:
        row = (
            await self.conn.execute(select(organisations.c.id).where(organisations.c.slug == slug))
        ).first()
        return None if row is None else int(row.id)

    # --- people --------------------------------------------------------------------------

    async def add_person(self, name: str, now: datetime) -> int:
        result = await self.conn.execute(
            insert(people).values(name_enc=b"", created_at=now).returning(people.c.id)
        )
        pid = int(result.scalar_one())
        await self.conn.execute(
            update(people)
            .where(people.c.id == pid)
            .values(name_enc=self._enc(name, f"person:{pid}"))
        )
        return pid

    async def add_role(self, person_id: int, role: str, org_id: int) -> None:
        await self.conn.execute(
            self._insert_ignore(person_roles).values(person_id=person_id, role=role, org_id=org_id)
        )

    async def add_identity(
        self,
        person_id: int,
        channel: str,
        kind: str,
        address: str,
        reference: dict[str, Any] | None = None,
    ) -> bool:
        """Bind an address to a person; False when it belongs to someone already."""
        result = await self.conn.execute(
            self._insert_ignore(identities).values(
                person_id=person_id,
                channel=channel,
                kind=kind,
                address=address,
                reference=reference,
            )
        )
        return bool(result.rowcount)

    async def set_reference(
        self, channel: str, kind: str, address: str, reference: dict[str, Any]
    ) -> bool:
        result = await self.conn.execute(
            update(identities)
            .where(
                and_(
                    identities.c.channel == channel,
                    identities.c.kind == kind,
                    identities.c.address == address,
                )
            )
            .values(reference=reference)
        )
        return bool(result.rowcount)

    async def reference(self, channel: str, kind: str, address: str) -> dict[str, Any] | None:
        row = (
            await self.conn.execute(
                select(identities.c.reference).where(
                    and_(
                        identities.c.channel == channel,
                        identities.c.kind == kind,
                        identities.c.address == address,
                    )
                )
            )
        ).first()
        return None if row is None else row.reference

    async def find_person_id(self, channel: str, kind: str, address: str) -> int | None:
        row = (
            await self.conn.execute(
                select(identities.c.person_id).where(
                    and_(
                        identities.c.channel == channel,
                        identities.c.kind == kind,
                        identities.c.address == address,
                    )
                )
            )
        ).first()
        return None if row is None else int(row.person_id)

    async def person(self, person_id: int) -> Person | None:
        found = await self.people_by_id([person_id])
        return found[0] if found else None

    async def everyone(self) -> list[Person]:
        ids = (await self.conn.execute(select(people.c.id).order_by(people.c.id))).scalars()
        return await self.people_by_id([int(pid) for pid in ids])

    async def people_by_id(self, ids: list[int]) -> list[Person]:
        """These people, in this order, with their roles and identities: three statements
        however many there are (none when `ids` is empty); ids not found are left out."""
        if not ids:
            return []
        names = {r.id: r.name_enc for r in await self.conn.execute(_NAMES, {"ids": ids})}
        roles: dict[int, list[PersonRole]] = {}
        for r in await self.conn.execute(_ROLES, {"ids": ids}):
            roles.setdefault(r.person_id, []).append(
                PersonRole(r.role, Organisation(r.slug, r.name, OrgKind(r.kind)), r.org_id)
            )
        idents: dict[int, list[Identity]] = {}
        for i in await self.conn.execute(_IDENTITIES, {"ids": ids}):
            idents.setdefault(i.person_id, []).append(
                Identity(
                    i.channel,
                    i.kind,
                    i.address,
                    reachable=i.channel != "teams" or i.reference is not None,
                )
            )
        return [
            Person(
                id=pid,
                name=self._dec(names[pid], f"person:{pid}"),
                roles=tuple(roles.get(pid, ())),
                identities=tuple(idents.get(pid, ())),
            )
            for pid in ids
            if pid in names
        ]

    async def remove_person(self, person_id: int) -> bool:
        await self.conn.execute(delete(conversations).where(conversations.c.person_id == person_id))
        await self.conn.execute(delete(identities).where(identities.c.person_id == person_id))
        await self.conn.execute(delete(person_roles).where(person_roles.c.person_id == person_id))
        # Cases stay (registration is the point); the name goes.
        result = await self.conn.execute(
            update(people)
            .where(people.c.id == person_id)
            .values(name_enc=self._enc("(verwijderd)", f"person:{person_id}"))
        )
        return bool(result.rowcount)

    async def people_with_role(self, org_id: int, role: str) -> list[Person]:
        ids = (await self.conn.execute(_WITH_ROLE, {"org_id": org_id, "role": role})).scalars()
        return await self.people_by_id([int(pid) for pid in ids])

    async def person_for(self, channel: str, kind: str, address: str) -> Person | None:
        """The person behind a channel address, with roles (identities not loaded)."""
        rows = list(
            await self.conn.execute(
                _PERSON_BY_IDENTITY, {"channel": channel, "kind": kind, "address": address}
            )
        )
        if not rows:
            return None
        first = rows[0]
        return Person(
            id=first.id,
            name=self._dec(first.name_enc, f"person:{first.id}"),
            roles=tuple(
                PersonRole(r.role, Organisation(r.slug, r.name, OrgKind(r.kind)), r.org_id)
                for r in rows
                if r.role is not None
            ),
        )

    async def people_with_role_anywhere(self, role: str) -> list[Person]:
        """Everyone holding `role` at any organisation (the provincial coordinator VPT)."""
        ids = (
            await self.conn.execute(
                select(person_roles.c.person_id)
                .where(person_roles.c.role == role)
                .distinct()
                .order_by(person_roles.c.person_id)
            )
        ).scalars()
        return await self.people_by_id([int(pid) for pid in ids])

    async def org_ack_hours(self, org_id: int) -> float | None:
        value = (await self.conn.execute(_ACK_HOURS, {"org_id": org_id})).scalar_one_or_none()
        return None if value is None else float(value)

    async def org_office_hours(self, org_id: int) -> OfficeHours | None:
        value = (await self.conn.execute(_OFFICE_HOURS, {"org_id": org_id})).scalar_one_or_none()
        return OfficeHours.from_data(value)
