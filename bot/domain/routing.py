"""Who reports, who handles, and where a report goes: the guideline's routing table.

Pure data and functions (design.md §2 rule 2): no I/O, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.domain.office_hours import OfficeHours


class OrgKind(StrEnum):
    PROVINCE = "provincie"
    MUNICIPALITY = "gemeente"
    WATER_BOARD = "waterschap"


class ReporterRole(StrEnum):
    """The nine roles of a politieke ambtsdrager in the guideline's table (section 2)."""

    COMMISSARIS_VAN_DE_KONING = "commissaris_van_de_koning"
    GEDEPUTEERDE = "gedeputeerde"
    STATENLID = "statenlid"
    BURGEMEESTER = "burgemeester"
    WETHOUDER = "wethouder"
    GEMEENTERAADSLID = "gemeenteraadslid"
    DIJKGRAAF = "dijkgraaf"
    DAGELIJKS_BESTUURSLID = "dagelijks_bestuurslid"
    ALGEMEEN_BESTUURSLID = "algemeen_bestuurslid"


class HandlerFunction(StrEnum):
    """The afhandelaar: the official who receives and works a report."""

    PROVINCIESECRETARIS = "provinciesecretaris"
    STATENGRIFFIER = "statengriffier"
    GEMEENTESECRETARIS = "gemeentesecretaris"
    GRIFFIER = "griffier"
    SECRETARIS_DIRECTEUR = "secretaris_directeur"
    SECRETARIS = "secretaris"


class SupportRole(StrEnum):
    """Roles that are neither reporter nor handler."""

    COORDINATOR_VPT = "coordinator_vpt"


class DeputyFunction(StrEnum):
    """The plaatsvervanger of a handler function: next in the escalation chain."""

    PROVINCIESECRETARIS = "plaatsvervanger_provinciesecretaris"
    STATENGRIFFIER = "plaatsvervanger_statengriffier"
    GEMEENTESECRETARIS = "plaatsvervanger_gemeentesecretaris"
    GRIFFIER = "plaatsvervanger_griffier"
    SECRETARIS_DIRECTEUR = "plaatsvervanger_secretaris_directeur"
    SECRETARIS = "plaatsvervanger_secretaris"


def deputy_of(function: str) -> str:
    """The deputy role of a handler function ("griffier" -> "plaatsvervanger_griffier")."""
    return DeputyFunction(f"plaatsvervanger_{HandlerFunction(function).value}").value


class InformedParty(StrEnum):
    """Who is informed (indicative): functions, not people; the handler confirms who is told.

    The values are identifiers, stored with every case (`CaseRecord.informed`): they stay
    as they are, also the two that read like Dutch names. What a person reads is the
    catalogue's text `informed_<member name in lowercase>`.
    """

    MINISTER_BZK = "Minister van BZK"
    CDK = "Commissaris van de Koning"
    STATENGRIFFIER = "statengriffier"
    GRIFFIER = "griffier"
    BURGEMEESTER = "burgemeester"
    SECRETARIS = "secretaris"
    DIJKGRAAF = "dijkgraaf"


@dataclass(frozen=True)
class RouteRule:
    org_kind: OrgKind
    handler: HandlerFunction
    informed: tuple[InformedParty, ...]


ROUTING: dict[ReporterRole, RouteRule] = {
    ReporterRole.COMMISSARIS_VAN_DE_KONING: RouteRule(
        OrgKind.PROVINCE,
        HandlerFunction.PROVINCIESECRETARIS,
        (InformedParty.MINISTER_BZK, InformedParty.STATENGRIFFIER),
    ),
    ReporterRole.GEDEPUTEERDE: RouteRule(
        OrgKind.PROVINCE, HandlerFunction.PROVINCIESECRETARIS, (InformedParty.CDK,)
    ),
    ReporterRole.STATENLID: RouteRule(
        OrgKind.PROVINCE, HandlerFunction.STATENGRIFFIER, (InformedParty.CDK,)
    ),
    ReporterRole.BURGEMEESTER: RouteRule(
        OrgKind.MUNICIPALITY,
        HandlerFunction.GEMEENTESECRETARIS,
        (InformedParty.CDK, InformedParty.GRIFFIER),
    ),
    ReporterRole.WETHOUDER: RouteRule(
        OrgKind.MUNICIPALITY, HandlerFunction.GEMEENTESECRETARIS, (InformedParty.BURGEMEESTER,)
    ),
    ReporterRole.GEMEENTERAADSLID: RouteRule(
        OrgKind.MUNICIPALITY, HandlerFunction.GRIFFIER, (InformedParty.BURGEMEESTER,)
    ),
    ReporterRole.DIJKGRAAF: RouteRule(
        OrgKind.WATER_BOARD,
        HandlerFunction.SECRETARIS_DIRECTEUR,
        (InformedParty.SECRETARIS, InformedParty.CDK),
    ),
    ReporterRole.DAGELIJKS_BESTUURSLID: RouteRule(
        OrgKind.WATER_BOARD, HandlerFunction.SECRETARIS_DIRECTEUR, (InformedParty.DIJKGRAAF,)
    ),
    ReporterRole.ALGEMEEN_BESTUURSLID: RouteRule(
        OrgKind.WATER_BOARD, HandlerFunction.SECRETARIS, (InformedParty.DIJKGRAAF,)
    ),
}

# Which handler functions exist in which kind of organisation.
HANDLERS_BY_KIND: dict[OrgKind, tuple[HandlerFunction, ...]] = {
    OrgKind.PROVINCE: (HandlerFunction.PROVINCIESECRETARIS, HandlerFunction.STATENGRIFFIER),
    OrgKind.MUNICIPALITY: (HandlerFunction.GEMEENTESECRETARIS, HandlerFunction.GRIFFIER),
    OrgKind.WATER_BOARD: (HandlerFunction.SECRETARIS_DIRECTEUR, HandlerFunction.SECRETARIS),
}


@dataclass(frozen=True)
class Organisation:
    slug: str
    name: str
    kind: OrgKind
    # Hours a handler has to acknowledge a report; None: the default (bot/cases/deadlines.py).
    ack_hours: float | None = field(default=None, compare=False)
    # When reminders may reach its handlers; None: the default (bot/domain/office_hours.py).
    office_hours: OfficeHours | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Route:
    """Where one report goes: the handler function in the organisation, and who is told."""

    org: Organisation
    handler: HandlerFunction
    informed: tuple[InformedParty, ...]


class RoutingError(ValueError):
    """A role that does not exist in this kind of organisation."""


def role_fits(role: str, org_kind: OrgKind) -> bool:
    """Whether a person can hold `role` (reporter, handler or support role) in such an org."""
    if role in ReporterRole.__members__.values():
        return ROUTING[ReporterRole(role)].org_kind is org_kind
    if role in HandlerFunction.__members__.values():
        return HandlerFunction(role) in HANDLERS_BY_KIND[org_kind]
    if role in DeputyFunction.__members__.values():
        function = HandlerFunction(role.removeprefix("plaatsvervanger_"))
        return function in HANDLERS_BY_KIND[org_kind]
    return role == SupportRole.COORDINATOR_VPT and org_kind is OrgKind.PROVINCE


def route_case(role: ReporterRole, org: Organisation) -> Route:
    """The handler function and informed parties for a report made in `role` at `org`."""
    rule = ROUTING[role]
    if rule.org_kind is not org.kind:
        raise RoutingError(f"A {role.value} does not belong to a {org.kind.value}.")
    return Route(org=org, handler=rule.handler, informed=rule.informed)


ALL_ROLES: tuple[str, ...] = (
    *(r.value for r in ReporterRole),
    *(h.value for h in HandlerFunction),
    *(d.value for d in DeputyFunction),
    *(s.value for s in SupportRole),
)


def is_reporter_role(role: str) -> bool:
    return role in ReporterRole.__members__.values()


def is_handler_function(role: str) -> bool:
    return role in HandlerFunction.__members__.values()


def is_deputy_function(role: str) -> bool:
    """A plaatsvervanger of a handler function (`DeputyFunction`)."""
    return role in DeputyFunction.__members__.values()
