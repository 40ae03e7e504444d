"""Generated submitted cases for trend tests, written through the repositories, with the
truth kept beside them so a test counts on its own what the trend pages must show."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.app import Weerbaar
from bot.domain.incident import KINDS
from bot.domain.records import CaseStatus, EventKind
from bot.domain.routing import ReporterRole, route_case

# Pushed through every generated report's free text: must never reach a trend or a CSV.
MARKER_STORY = "MARKER-STORY-Kwyjibo"
MARKER_NAME = "Marker Naamvanpersoon"
MARKER_PHONE = "06-98765432"

# (local handle, role, organisation slug) of the demo reporters (bot/cli/demo.py).
REPORTERS = (
    ("anna", "burgemeester", "utrecht"),
    ("bram", "gemeenteraadslid", "zeist"),
    ("sanne", "wethouder", "houten"),
    ("dirk", "dijkgraaf", "hoogheemraadschap-de-stichtse-rijnlanden"),
)


@dataclass(frozen=True)
class Made:
    org: str
    org_kind: str
    role: str
    kinds: tuple[str, ...]
    serious: bool
    aangifte: bool
    incident: datetime


async def generate(app: Weerbaar, n: int, seed: int = 7) -> list[Made]:
    """`n` submitted cases over the last two years and a bit, at random, on the demo
    reporters; some acknowledged, some closed, some with an aangifte."""
    rnd = random.Random(seed)
    now = app.clock()
    made: list[Made] = []
    async with app.store.transaction() as tx:
        orgs = {o.slug: (oid, o) for oid, o in await tx.people.organisations()}
        for i in range(n):
            handle, role, slug = rnd.choice(REPORTERS)
            reporter = await tx.people.person_for("local", "handle", handle)
            assert reporter is not None
            org_id, org = orgs[slug]
            incident = now - timedelta(days=rnd.randint(0, 800), hours=rnd.randint(0, 23))
            kinds = tuple(sorted(set(rnd.sample(KINDS, rnd.randint(1, 2)))))
            serious = rnd.random() < 0.2
            case_id = await tx.cases.create_draft(reporter.id, "local", incident)
            answers = {
                "what": f"{MARKER_STORY} {i}",
                "perp_who": f"{MARKER_NAME} belde van {MARKER_PHONE}",
                "where": f"{MARKER_STORY} plek",
            }
            for field, value in answers.items():
                await tx.dialogs.set_answer(case_id, field, value, incident)
            submitted = incident + timedelta(hours=2)
            facts = {
                "kinds": list(kinds),
                "serious": serious,
                "criminal": False,
                "start": incident,
                "end": None,
            }
            route = route_case(ReporterRole(role), org)
            await tx.cases.submit_case(case_id, route, org_id, role, facts, submitted)
            aangifte = False
            if rnd.random() < 0.6:
                await tx.cases.acknowledge(case_id, reporter.id, submitted + timedelta(hours=3))
                if rnd.random() < 0.4:
                    aangifte = True
                    await tx.casework.tick_step(case_id, "4", "aangifte", None, submitted)
                if rnd.random() < 0.5:
                    await tx.cases.set_status(case_id, CaseStatus.CLOSED)
                    await tx.cases.add_event(
                        case_id, submitted + timedelta(days=5), EventKind.CLOSED, None
                    )
            made.append(Made(slug, org.kind.value, role, kinds, serious, aangifte, incident))
    return made
