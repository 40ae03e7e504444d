"""bot/domain/permissions.py: who may act on a case, who is staff, who may acknowledge."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.permissions import (
    is_case_handler,
    is_handler,
    is_reporter,
    is_staff,
    may_acknowledge,
    may_act,
    may_link_channel,
    may_read,
)
from bot.domain.records import CaseRecord, Person, PersonRole
from bot.domain.routing import Organisation, OrgKind

ZEIST = Organisation("zeist", "Gemeente Zeist", OrgKind.MUNICIPALITY)
HOUTEN = Organisation("houten", "Gemeente Houten", OrgKind.MUNICIPALITY)
PROVINCE = Organisation("provincie-utrecht", "Provincie Utrecht", OrgKind.PROVINCE)
ORG_IDS = {ZEIST: 1, HOUTEN: 2, PROVINCE: 3}


def person(*roles: tuple[str, Organisation]) -> Person:
    return Person(
        id=7, name="Test", roles=tuple(PersonRole(r, org, ORG_IDS[org]) for r, org in roles)
    )


def case(handler_function: str | None = "griffier", org: Organisation | None = ZEIST) -> CaseRecord:
    at = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    return CaseRecord(
        id=1,
        reference="WB-ABC234",
        status="submitted",
        reporter_id=9,
        reporter_name="Melder",
        channel="local",
        role="gemeenteraadslid",
        org=org,
        org_id=ORG_IDS[org] if org else None,
        handler_function=handler_function,
        informed=("burgemeester",),
        kinds=("bedreiging",),
        serious=False,
        criminal_suspected=False,
        incident_start=at,
        incident_end=None,
        created_at=at,
        submitted_at=at,
        acknowledged_at=None,
        acknowledged_by=None,
    )


# A case of the griffier of Zeist. Columns: is_staff, is_handler, is_reporter,
# may_acknowledge (= may_read = may_act: the case's chain), may_act, may_link_channel.
TABLE = [
    ("griffier", ZEIST, True, True, False, True, True, True),
    ("griffier", HOUTEN, True, True, False, False, False, False),
    ("gemeentesecretaris", ZEIST, True, True, False, False, False, True),
    ("plaatsvervanger_griffier", ZEIST, True, False, False, True, True, False),
    ("plaatsvervanger_griffier", HOUTEN, True, False, False, False, False, False),
    ("plaatsvervanger_gemeentesecretaris", ZEIST, True, False, False, False, False, False),
    ("coordinator_vpt", PROVINCE, True, False, False, True, True, False),
    ("gemeenteraadslid", ZEIST, False, False, True, False, False, False),
    ("burgemeester", ZEIST, False, False, True, False, False, False),
    ("wethouder", HOUTEN, False, False, True, False, False, False),
]


@pytest.mark.parametrize(
    ("role", "org", "staff", "handler", "reporter", "ack", "act", "link"), TABLE
)
def test_rights_by_role(
    role: str,
    org: Organisation,
    staff: bool,
    handler: bool,
    reporter: bool,
    ack: bool,
    act: bool,
    link: bool,
) -> None:
    who = person((role, org))
    assert is_staff(who) is staff
    assert is_handler(who) is handler
    assert is_reporter(who) is reporter
    assert may_acknowledge(who, case()) is ack
    assert may_read(who, case()) is act
    assert may_act(who, case()) is act
    assert is_case_handler(who, case()) is (role == "griffier" and org is ZEIST)
    assert may_link_channel(who, ORG_IDS[ZEIST]) is link


def test_is_handler_at_an_organisation() -> None:
    griffier = person(("griffier", ZEIST))
    assert is_handler(griffier, ORG_IDS[ZEIST])
    assert not is_handler(griffier, ORG_IDS[HOUTEN])


def test_two_roles_count_together() -> None:
    """A burgemeester who is also plaatsvervangend griffier: reporter and staff at once."""
    both = person(("burgemeester", ZEIST), ("plaatsvervanger_griffier", ZEIST))
    assert is_reporter(both) and is_staff(both)
    assert may_act(both, case()) and may_acknowledge(both, case())
    assert not is_case_handler(both, case())


def test_nobody_and_a_person_without_roles_may_nothing() -> None:
    nobody = person()
    assert not (is_staff(nobody) or is_handler(nobody) or is_reporter(nobody))
    for who in (None, nobody):
        assert not may_acknowledge(who, case())
        assert not may_read(who, case())
        assert not may_act(who, case())
        assert not may_link_channel(who, ORG_IDS[ZEIST])


@pytest.mark.parametrize("unrouted", [case(handler_function=None), case(org=None)])
def test_a_case_without_handler_or_organisation_is_nobodys(unrouted: CaseRecord) -> None:
    griffier = person(("griffier", ZEIST))
    coordinator = person(("coordinator_vpt", PROVINCE))
    assert not may_acknowledge(griffier, unrouted)
    assert not may_act(griffier, unrouted)
    assert not may_act(coordinator, unrouted)
    assert not may_read(coordinator, unrouted)
