"""Demo people, so that a newcomer can try a whole report on the embedded default."""

from __future__ import annotations

from datetime import datetime

from bot.ports import Tx

# (name, local handle, [(role, organisation slug)])
DEMO_PEOPLE: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("Anna de Vries", "anna", (("burgemeester", "utrecht"),)),
    ("Bram Jansen", "bram", (("gemeenteraadslid", "zeist"),)),
    ("Sanne Bakker", "sanne", (("wethouder", "houten"), ("statenlid", "provincie-utrecht"))),
    ("Dirk Visser", "dirk", (("dijkgraaf", "hoogheemraadschap-de-stichtse-rijnlanden"),)),
    ("Gerda Smit", "griffier-zeist", (("griffier", "zeist"),)),
    ("Hans Mulder", "secretaris-utrecht", (("gemeentesecretaris", "utrecht"),)),
    ("Ineke de Boer", "secretaris-houten", (("gemeentesecretaris", "houten"),)),
    ("Joost Peters", "statengriffier", (("statengriffier", "provincie-utrecht"),)),
    (
        "Karin Dekker",
        "sd-hdsr",
        (("secretaris_directeur", "hoogheemraadschap-de-stichtse-rijnlanden"),),
    ),
    ("Lotte Hendriks", "coordinator", (("coordinator_vpt", "provincie-utrecht"),)),
)


async def seed_demo(tx: Tx, now: datetime) -> list[str]:
    """Enrol the demo people once; returns the handles that were added."""
    added = []
    for name, handle, roles in DEMO_PEOPLE:
        if await tx.people.find_person_id("local", "handle", handle) is not None:
            continue
        pid = await tx.people.add_person(name, now)
        for role, slug in roles:
            org_id = await tx.people.organisation_id(slug)
            if org_id is None:
                raise ValueError(f"Demo organisation '{slug}' is not loaded.")
            await tx.people.add_role(pid, role, org_id)
        await tx.people.add_identity(pid, "local", "handle", handle)
        added.append(handle)
    return added
