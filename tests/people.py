"""Enrolling people in tests: one helper behind the test files' own short forms."""

from __future__ import annotations

from bot.app import Weerbaar


async def enrol(
    app: Weerbaar,
    name: str,
    *roles: tuple[str, str],
    local: str | None = None,
    phone: str | None = None,
    aad: str | None = None,
) -> int:
    """Enrol `name` with `roles` ((role, organisation slug) pairs) and the given addresses."""
    async with app.store.transaction() as tx:
        pid = await tx.people.add_person(name, app.clock())
        for role, slug in roles:
            org_id = await tx.people.organisation_id(slug)
            assert org_id is not None, slug
            await tx.people.add_role(pid, role, org_id)
        for channel, kind, address in (
            ("local", "handle", local),
            ("signal", "phone", phone),
            ("teams", "aad", aad),
        ):
            if address is not None:
                assert await tx.people.add_identity(pid, channel, kind, address), address
    return pid
