"""Who a reporter can turn to, and who handles their report: the texts of "help" and
"hulplijn" at any moment, and of the close after a report is sent.

Pure: built from the person's roles, the route the guideline gives each role
(bot/domain/routing.py) and the editable contacts (bot/reference/data/helplines.json).
Which contacts fit whom (domain.md, "Aftercare"): everyone gets the Vertrouwenslijn and the
provincial coordinator VPT; a burgemeester the NGB crisislijn and the NGB, a wethouder the
Wethoudersvereniging, a raadslid the Vereniging voor Raadsleden; the Slachtofferloket only
after a serious incident (the help text names it with "bij een ernstig incident"). A
contact is shown by name and what it offers, with a number only where one is configured.
112 is said first, on its own line, not as one contact among others.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from bot.cases.reach import Link
from bot.domain.deadlines import passed_at_submission
from bot.domain.records import Person
from bot.domain.routing import (
    InformedParty,
    Organisation,
    OrgKind,
    ReporterRole,
    is_reporter_role,
    route_case,
)
from bot.reference.loader import Helpline
from bot.text.catalogue import say
from bot.text.format import moment

ALARM = "112"


def organisation_name(org: Organisation) -> str:
    """An organisation as it reads after "van": "de gemeente Utrecht", "de provincie
    Utrecht", "Waterschap Vallei en Veluwe" (a water board's name says what it is). The
    data names them "Gemeente Utrecht", "Provincie Utrecht"; a bare "Utrecht" reads the same."""
    if org.kind is OrgKind.MUNICIPALITY:
        return say("org_of_gemeente", name=org.name.removeprefix("Gemeente "))
    if org.kind is OrgKind.PROVINCE:
        return say("org_of_provincie", name=org.name.removeprefix("Provincie "))
    return org.name


def handler_name(function: str) -> str:
    """The handler function at the start of a sentence: "De griffier"."""
    return say(f"role_{function}")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def fitting_contacts(
    helplines: Iterable[Helpline], roles: Iterable[str], *, serious: bool | None
) -> list[Helpline]:
    """The contacts for someone in `roles`, in the data's order, 112 left out.
    `serious`: None offers the serious-only ones too (the help text says when they fit)."""
    held = set(roles)
    return [
        h
        for h in helplines
        if h.key != ALARM
        and (not h.roles or held & set(h.roles))
        and (serious is not False or not h.serious_only)
    ]


def contact_line(contact: Helpline) -> str:
    """ "- Vertrouwenslijn ...: steun na een incident. Bel 088 5543 288." (no number: none)."""
    if contact.number:
        return say(
            "contact_line_number",
            name=contact.name,
            purpose=contact.purpose,
            number=contact.number,
        )
    return say("contact_line", name=contact.name, purpose=contact.purpose)


def _reporter_roles(person: Person) -> list[tuple[str, Organisation]]:
    return [(r.role, r.org) for r in person.roles if is_reporter_role(r.role)]


def route_lines(person: Person) -> list[str]:
    """Who handles a report of this person, per role they report in."""
    roles = _reporter_roles(person)
    lines = []
    for role, org in roles:
        route = route_case(ReporterRole(role), org)
        where = organisation_name(org)
        handler = _lower_first(handler_name(route.handler.value))
        if len(roles) == 1:
            lines.append(say("help_route", handler=handler, org=where))
        else:
            lines.append(
                say("help_route_role", role=say(f"role_{role}"), handler=handler, org=where)
            )
    return lines


def help_text(person: Person, helplines: Iterable[Helpline]) -> str:
    """The answer to "help" / "hulplijn": 112 first, the person's own route, then the
    contacts that fit their roles."""
    lines = [say("help_danger"), *route_lines(person)]
    contacts = fitting_contacts(
        helplines, (role for role, _ in _reporter_roles(person)), serious=None
    )
    if contacts:
        lines.append(say("help_contacts"))
        lines += [contact_line(c) for c in contacts]
    return "\n".join(lines)


def informed_name(party: str) -> str:
    """How an informed party (a stored `InformedParty` value) reads: "Minister van BZK"."""
    return say(f"informed_{InformedParty(party).name.lower()}")


def close_texts(
    *,
    reference: str,
    role: str,
    org: Organisation,
    criminal: bool,
    serious: bool,
    measures_due: datetime | None,
    submitted_at: datetime,
    helplines: Iterable[Helpline],
    reached: Link | None = Link.HANDLER,
) -> list[str]:
    """What the reporter is told once the report is sent, one message each: who has it
    now, who else knows, what happens next (a deadline already run out is "zo snel
    mogelijk", never a promise), the home-address tip and the contacts for their role.

    `reached` is the link of the case's chain its notice went to (bot/cases/reach.py;
    None: nobody could be reached). Only a reached handler "krijgt je melding nu"; else
    the first message says, in one go, that the handler cannot be reached and who has the
    case instead (the deputy, the coordinator VPT), or that nobody has it yet and whom
    to call; and "what now" names who will really get in touch."""
    route = route_case(ReporterRole(role), org)
    handler = handler_name(route.handler.value)
    where = organisation_name(org)
    key = "submitted_to" if reached is Link.HANDLER else f"submitted_to_{reached or 'nobody'}"
    texts = [say(key, reference=reference, handler=handler, mid=_lower_first(handler), org=where)]
    if route.informed:
        texts.append(say("informed", informed=", ".join(informed_name(p) for p in route.informed)))
    steps = []
    if reached is Link.HANDLER:
        steps.append(say("close_contact", handler=handler))
    elif reached is not None:
        steps.append(say(f"close_contact_{reached}"))
    if measures_due is None or passed_at_submission(measures_due, submitted_at):
        steps.append(say("close_measures_asap"))
    else:
        steps.append(say("close_measures_by", due=moment(measures_due)))
    if criminal and reached is Link.HANDLER:
        steps.append(say("close_police", handler=_lower_first(handler)))
    elif criminal:
        steps.append(say("close_police_stand_in"))
    steps.append(say("close_response"))
    texts.append(" ".join(steps))
    texts.append(say("home_address"))
    contacts = fitting_contacts(helplines, (role,), serious=serious)
    if contacts:
        texts.append("\n".join([say("close_contacts"), *(contact_line(c) for c in contacts)]))
    return texts
