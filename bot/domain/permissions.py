"""Who may do what with a case: the one place that reads a person's roles for a right.

Pure: a `Person` with their roles and a `CaseRecord` in, a yes or no out. Every channel
(the Teams cards, the typed commands, the command line) asks here, so a right is the
same wherever it is used.

- A *handler* holds a handler function (griffier, secretaris, ...) somewhere.
- *Staff* work cases: handlers, their deputies and the provincial coordinator VPT.
- Taking a case in hand (`may_acknowledge`) is for the case's own handler function at
  the case's organisation only: that is who the guideline makes responsible.
- Marking a case's deadlines (`may_act`) is also open to that handler's deputy and to the
  coordinator VPT, who step in when a deadline is missed (the escalation chain).
"""

from __future__ import annotations

from bot.domain.records import CaseRecord, Person
from bot.domain.routing import SupportRole, deputy_of, is_handler_function, is_reporter_role


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
        or r.role.startswith("plaatsvervanger_")
        or r.role == SupportRole.COORDINATOR_VPT
        for r in person.roles
    )


def may_acknowledge(person: Person | None, case: CaseRecord) -> bool:
    """Whether `person` holds the case's handler function at the case's organisation."""
    if person is None or case.org_id is None or case.handler_function is None:
        return False
    return any(r.role == case.handler_function and r.org_id == case.org_id for r in person.roles)


def may_act(person: Person | None, case: CaseRecord) -> bool:
    """A handler of the case's function at its organisation, their deputy, or the
    provincial coordinator VPT may mark the case's deadlines."""
    if person is None or case.org_id is None or case.handler_function is None:
        return False
    allowed = {case.handler_function, deputy_of(case.handler_function)}
    return any(
        (r.org_id == case.org_id and r.role in allowed) or r.role == SupportRole.COORDINATOR_VPT
        for r in person.roles
    )


def may_link_channel(person: Person | None, org_id: int) -> bool:
    """Whether `person` may link a Teams team channel to organisation `org_id`: a handler
    there (the channel then sees that organisation's new cases, without names)."""
    return person is not None and is_handler(person, org_id)
