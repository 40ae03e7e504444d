"""Submitting a report: route it, record it, tell the reporter, queue the handlers' notices."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from bot.cases.acknowledge import deadline_facts
from bot.cases.deadlines import schedule_case
from bot.cases.dossier import mark_case
from bot.cases.helplines import close_texts
from bot.cases.notices import CaseRouted, DeadlineLine
from bot.cases.notify import queue_to
from bot.cases.reach import ChainLookup, Link, bare_title
from bot.domain.deadlines import DeadlineKind
from bot.domain.incident import criminal_suspected, is_serious, unsafe_at_report
from bot.domain.records import EventKind, Person
from bot.domain.reminder_plan import ReminderPolicy
from bot.domain.routing import ReporterRole, route_case
from bot.ports import Tx
from bot.reference.loader import Helpline
from bot.text.catalogue import say
from dialogs.messages import Outbound

log = logging.getLogger(__name__)


def case_facts(answers: dict[str, Any]) -> dict[str, Any]:
    when = answers.get("when") or {}
    return {
        "kinds": list(answers.get("kinds") or []),
        "serious": is_serious(answers),
        "criminal": criminal_suspected(answers),
        "start": datetime.fromisoformat(when["start"]) if when.get("start") else None,
        "end": datetime.fromisoformat(when["end"]) if when.get("end") else None,
        "when_shown": when.get("shown", "?"),
        # Not safe at some point while reporting (the safety question, asked again on return).
        "unsafe": unsafe_at_report(answers),
    }


async def submit_report(
    tx: Tx,
    person: Person,
    case_id: int,
    answers: dict[str, Any],
    helplines: list[Helpline],
    now: datetime,
    policy: ReminderPolicy | None = None,
) -> list[Outbound]:
    """Route and submit the draft, set its deadlines and check-ins; returns what the
    reporter is told."""
    role_value, _, org_slug = str(answers["role"]).partition("@")
    held = next(r for r in person.roles if r.role == role_value and r.org.slug == org_slug)
    route = route_case(ReporterRole(role_value), held.org)
    facts = case_facts(answers)
    await tx.cases.submit_case(case_id, route, held.org_id, role_value, facts, now)
    await tx.cases.add_event(
        case_id,
        now,
        EventKind.SUBMITTED,
        person.id,
        {"handler": route.handler.value, "org": held.org.slug},
    )
    case = await tx.cases.case(case_id)
    assert case is not None
    # insight (issue 12): the perpetrator's identifiers as keyed hashes, and the dossier.
    await mark_case(tx, case, answers, now)
    # Deadlines first, so that the handlers' notice can list them.
    await schedule_case(tx, case, policy or ReminderPolicy(), now)
    reached = await notify_handlers(
        tx,
        case_id,
        case.reference,
        held.org_id,
        route.handler.value,
        role_value,
        held.org.name,
        facts,
        now,
        await deadline_facts(tx, case_id),
    )
    log.info(
        "case submitted case_id=%s handler=%s org=%s", case_id, route.handler.value, held.org.slug
    )

    measures_due = next(
        (due for kind, due, _ in await tx.deadlines.deadline_list(case_id)
         if kind == DeadlineKind.MEASURES),
        None,
    )  # fmt: skip
    texts = close_texts(
        reference=case.reference,
        role=role_value,
        org=held.org,
        criminal=facts["criminal"],
        serious=facts["serious"],
        measures_due=measures_due,
        submitted_at=now,
        helplines=helplines,
        # access (issue 11): when no handler can be reached, the close says who has it.
        reached=reached,
    )
    return [Outbound(text) for text in texts]


async def notify_handlers(
    tx: Tx,
    case_id: int,
    reference: str,
    org_id: int,
    handler_function: str,
    role: str,
    org_name: str,
    facts: dict[str, Any],
    now: datetime,
    deadlines: tuple[DeadlineLine, ...] = (),
) -> Link | None:
    """Queue a notice for every handler of that function at that organisation; when none
    of them can be reached, for the deputies there, and when none of those either, for
    the coordinator VPT (bot/cases/reach.py). Returns the link that got it, None when
    nobody in the chain can be reached.

    The notice names no reporter and carries none of the narrative: the handler opens
    the case for that. `deadlines` (bot/cases/acknowledge.py `deadline_facts`) go on the card.
    """
    kinds = ", ".join(say(f"kind_{k}") for k in facts["kinds"]) or "-"
    text = say(
        "case_routed_handler",
        reference=reference,
        role=say(f"role_{role}"),
        org=org_name,
        kinds=kinds,
        when=facts["when_shown"],
        serious=_serious_line(facts, deadlines),
        unsafe=say("case_routed_unsafe") if facts.get("unsafe") else "",
    )
    notice = CaseRouted(
        case_id=case_id,
        reference=reference,
        role=role,
        org=org_name,
        kinds=tuple(facts["kinds"]),
        when=facts["when_shown"],
        serious=facts["serious"],
        criminal=facts["criminal"],
        handler_function=handler_function,
        deadlines=deadlines,
        unsafe=bool(facts.get("unsafe")),
    ).to_dict()
    queued = 0
    for handler in await tx.people.people_with_role(org_id, handler_function):
        queued += await queue_to(
            tx, handler, {"text": text, "notice": notice}, now, f"routed:{case_id}"
        )
    chain = await ChainLookup(tx).chain(org_id, handler_function)
    first = chain.first()
    if first is not None and first[0] is not Link.HANDLER:
        link, stand_ins = first
        lead = say(
            "case_routed_stand_in",
            handler=bare_title(handler_function),
            org=org_name,
        )
        for person in stand_ins:
            queued += await queue_to(
                tx,
                person,
                {"text": f"{lead}\n{text}", "notice": notice},
                now,
                f"routed:{case_id}:{link}",
            )
        await tx.cases.add_event(
            case_id,
            now,
            EventKind.ROUTED_STAND_IN,
            None,
            {"link": str(link), "people": len(stand_ins)},
        )
    if first is None:
        log.warning("case with nobody reachable to handle it case_id=%s", case_id)
    # The organisation's linked Teams channel gets the same facts (no names, no narrative).
    team = await tx.conversations.linked_team_recipient(org_id)
    if team is not None and await tx.outbox.enqueue(
        "teams",
        "",
        team,
        {"text": text, "notice": notice},
        now,
        dedupe_key=f"routed:{case_id}:team:{org_id}",
    ):
        queued += 1
    return None if first is None else first[0]


def _serious_line(facts: dict[str, Any], deadlines: tuple[DeadlineLine, ...]) -> str:
    """The Arbeidsinspectie warning: "binnen 24 uur", or "zo snel mogelijk" when the 24
    hours from the incident had run out before the report came in."""
    if not facts["serious"]:
        return ""
    line = next((d for d in deadlines if d.kind == DeadlineKind.ARBEIDSINSPECTIE), None)
    if line is not None and line.passed:
        return say("case_routed_serious_asap")
    return say("case_routed_serious")
