"""Who may do what with a case: the one place that reads a person's roles for a right.

Pure: a `Person` with their roles and a `CaseRecord` in, a yes or no out. Every channel
(the Teams cards, the typed commands, the command line) asks here, so a right is the
same wherever it is used.

- A *handler* holds a handler function (griffier, secretaris, ...) somewhere.
- *Staff* work cases: handlers, their deputies and the provincial coordinator VPT.
- A case's *chain* is who the escalation reaches: the case's handler function at the
  case's organisation, that function's deputy there, and the coordinator VPT. Only they
  may read the case (`may_read`), take it in hand (`may_acknowledge`: whoever the
  escalation reaches can do what it asks of them) and work it (`may_act`). Everyone
  else is refused: another handler function of the same organisation, the same function
  at another organisation, a deputy elsewhere, the reporter themselves (they have
  "status"), anyone not enrolled.
"""

from __future__ import annotations

from bot.domain.records import CaseRecord, Person
from bot.domain.routing import (
    SupportRole,
    deputy_of,
    is_deputy_function,
    is_handler_function,
    is_reporter_role,
)


def is_reporter(person: Person) -> bool:
    """Someone who can report: holds at least one politieke ambtsdrager role."""
    return any(is_reporter_role(r.role) for r in person.roles)


def is_handler(person: Person, org_id: int | None = None) -> bool:
    """Holds a handler function; at organisation `org_id` when one is given."""
    return any(
        is_handler_function(r.role) and (org_id is None or r.org_id == org_id) for r in person.roles
    )


def is_staff(person: Person) -> bool:
    """Someone who works cases (handler, deputy, coordinator), not only a reporter."""
    return any(
        is_handler_function(r.role)
        or is_deputy_function(r.role)
        or r.role == SupportRole.COORDINATOR_VPT
        for r in person.roles
    )


def in_chain(person: Person | None, case: CaseRecord) -> bool:
    """Whether `person` is in the case's chain: its handler function at its organisation,
    that function's deputy there, or the provincial coordinator VPT."""
    if person is None or case.org_id is None or case.handler_function is None:
        return False
    allowed = {case.handler_function, deputy_of(case.handler_function)}
    return any(
        (r.org_id == case.org_id and r.role in allowed) or r.role == SupportRole.COORDINATOR_VPT
        for r in person.roles
    )


def may_read(person: Person | None, case: CaseRecord) -> bool:
    """Whether `person` may see the case's content (story, names, evidence)."""
    return in_chain(person, case)


def may_acknowledge(person: Person | None, case: CaseRecord) -> bool:
    """Whether `person` may take the case in hand: its handler, or whoever the escalation
    reaches (the deputy, the coordinator VPT), recorded as who did."""
    return in_chain(person, case)


def may_act(person: Person | None, case: CaseRecord) -> bool:
    """Whether `person` may work the case: mark its deadlines, record what was done."""
    return in_chain(person, case)


def is_case_handler(person: Person | None, case: CaseRecord) -> bool:
    """Whether `person` holds the case's own handler function at its organisation (not a
    deputy or the coordinator): who the guideline makes responsible."""
    if person is None or case.org_id is None or case.handler_function is None:
        return False
    return any(r.role == case.handler_function and r.org_id == case.org_id for r in person.roles)


def may_link_channel(person: Person | None, org_id: int) -> bool:
    """Whether `person` may link a Teams team channel to organisation `org_id`: a handler
    there (the channel then sees that organisation's new cases, without names)."""
    return person is not None and is_handler(person, org_id)
