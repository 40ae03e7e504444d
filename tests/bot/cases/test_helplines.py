"""The close after a report and the help text, per reporter role, against domain.md.

The expectations are written out from domain.md (the routing table of section 2 and the
Aftercare table), apart from bot/domain/routing.py and the helplines data, so that a change
to either shows here.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.cases.helplines import close_texts, help_text
from bot.cases.reach import Link
from bot.domain.records import Person, PersonRole
from bot.domain.routing import Organisation, OrgKind
from bot.reference.loader import Helpline, load_helplines
from bot.text.catalogue import say

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=AMS)
PROVINCE = Organisation("provincie-utrecht", "Provincie Utrecht", OrgKind.PROVINCE)
UTRECHT = Organisation("utrecht", "Gemeente Utrecht", OrgKind.MUNICIPALITY)
VALLEI = Organisation(
    "waterschap-vallei-en-veluwe", "Waterschap Vallei en Veluwe", OrgKind.WATER_BOARD
)

VERTROUWENSLIJN = "Vertrouwenslijn politieke ambtsdragers en raadsleden"
CRISISLIJN = "Crisislijn van het NGB"
NGB = "Nederlands Genootschap van Burgemeesters (NGB)"
WETHOUDERS = "Wethoudersvereniging"
RAADSLEDEN = "Vereniging voor Raadsleden"
COORDINATOR = "Provinciale coördinator Veilig Publieke Taak"
SLACHTOFFERLOKET = "Slachtofferloket Utrecht"
ROLE_BOUND = {CRISISLIJN, NGB, WETHOUDERS, RAADSLEDEN}

# role, organisation, who gets the report (as the close says it), informed, the contacts
# only this role gets (besides the Vertrouwenslijn and the coordinator, for everyone).
ROLES = [
    (
        "commissaris_van_de_koning",
        PROVINCE,
        "De provinciesecretaris van de provincie Utrecht",
        "Minister van BZK, statengriffier",
        set(),
    ),
    (
        "gedeputeerde",
        PROVINCE,
        "De provinciesecretaris van de provincie Utrecht",
        "Commissaris van de Koning",
        set(),
    ),
    (
        "statenlid",
        PROVINCE,
        "De statengriffier van de provincie Utrecht",
        "Commissaris van de Koning",
        set(),
    ),
    (
        "burgemeester",
        UTRECHT,
        "De gemeentesecretaris van de gemeente Utrecht",
        "Commissaris van de Koning, griffier",
        {CRISISLIJN, NGB},
    ),
    (
        "wethouder",
        UTRECHT,
        "De gemeentesecretaris van de gemeente Utrecht",
        "burgemeester",
        {WETHOUDERS},
    ),
    (
        "gemeenteraadslid",
        UTRECHT,
        "De griffier van de gemeente Utrecht",
        "burgemeester",
        {RAADSLEDEN},
    ),
    (
        "dijkgraaf",
        VALLEI,
        "De secretaris-directeur van Waterschap Vallei en Veluwe",
        "secretaris, Commissaris van de Koning",
        set(),
    ),
    (
        "dagelijks_bestuurslid",
        VALLEI,
        "De secretaris-directeur van Waterschap Vallei en Veluwe",
        "dijkgraaf",
        set(),
    ),
    (
        "algemeen_bestuurslid",
        VALLEI,
        "De secretaris van Waterschap Vallei en Veluwe",
        "dijkgraaf",
        set(),
    ),
]
IDS = [r[0] for r in ROLES]
JARGON = ("afhandelaar", "pleger", "betrokkene")


@pytest.fixture(scope="module")
def helplines() -> list[Helpline]:
    return load_helplines()


def person(role: str, org: Organisation) -> Person:
    return Person(id=1, name="Rita", roles=(PersonRole(role, org, 1),))


def close(
    role: str,
    org: Organisation,
    helplines: list[Helpline],
    *,
    criminal: bool = False,
    serious: bool = False,
    measures_due: datetime = NOW + timedelta(hours=50),
    reached: Link | None = Link.HANDLER,
) -> list[str]:
    return close_texts(
        reference="WB-ABC234",
        role=role,
        org=org,
        criminal=criminal,
        serious=serious,
        measures_due=measures_due,
        submitted_at=NOW,
        helplines=helplines,
        reached=reached,
    )


def contact_names(text: str) -> set[str]:
    return {line[2:].split(":")[0] for line in text.splitlines() if line.startswith("- ")}


@pytest.mark.parametrize(("role", "org", "handler", "informed", "own"), ROLES, ids=IDS)
def test_the_close_names_the_handler_and_organisation(
    role: str,
    org: Organisation,
    handler: str,
    informed: str,
    own: set[str],
    helplines: list[Helpline],
) -> None:
    texts = close(role, org, helplines)
    assert texts[0].endswith(f"{handler} krijgt je melding nu.")
    assert "WB-ABC234" in texts[0]
    assert texts[1] == f"Ook op de hoogte (zonder details): {informed}."
    assert texts[2].startswith(f"Wat nu? {handler.split(' van ')[0]} neemt contact met je op.")
    assert contact_names(texts[-1]) == {VERTROUWENSLIJN, COORDINATOR} | own
    for text in texts:
        assert not any(word in text.lower() for word in JARGON), text


@pytest.mark.parametrize(("role", "org", "handler", "informed", "own"), ROLES, ids=IDS)
def test_the_help_text_gives_the_route_and_the_contacts_for_the_role(
    role: str,
    org: Organisation,
    handler: str,
    informed: str,
    own: set[str],
    helplines: list[Helpline],
) -> None:
    text = help_text(person(role, org), helplines)
    lines = text.splitlines()
    assert lines[0] == "Ben je in gevaar? Bel 112."
    first, _, where = handler.partition(" van ")
    assert lines[1] == (
        f"Je melding gaat naar {first[0].lower()}{first[1:]} van {where}. "
        "Die neemt contact met je op."
    )
    # The help text also names the Slachtofferloket, for a serious incident.
    assert contact_names(text) == {VERTROUWENSLIJN, COORDINATOR, SLACHTOFFERLOKET} | own
    assert not contact_names(text) & (ROLE_BOUND - own)
    assert not any(word in text.lower() for word in JARGON)


def test_a_number_only_where_one_is_configured(helplines: list[Helpline]) -> None:
    text = help_text(person("burgemeester", UTRECHT), helplines)
    lines = {line[2:].split(":")[0]: line for line in text.splitlines() if line.startswith("- ")}
    assert lines[VERTROUWENSLIJN].endswith("Bel 088 5543 288.")
    assert lines[CRISISLIJN].endswith("Bel 070-373 8080.")
    assert lines[SLACHTOFFERLOKET].endswith("Bel 088-633 1580.")
    # The beroepsvereniging and the coordinator have no number in the data: shown by name
    # and what they offer.
    assert "Bel" not in lines[NGB] and "vertrouwelijk melden" in lines[NGB]
    assert "Bel" not in lines[COORDINATOR] and "nazorg" in lines[COORDINATOR]


def test_a_configured_number_is_shown(helplines: list[Helpline]) -> None:
    numbered = [
        Helpline(h.key, h.name, h.purpose, "030-123 4567", h.roles, h.serious_only)
        if h.key == "coordinator_vpt"
        else h
        for h in helplines
    ]
    text = help_text(person("wethouder", UTRECHT), numbered)
    assert (
        f"- {COORDINATOR}: helpt jou en je organisatie, ook bij de nazorg. Bel 030-123 4567."
        in text
    )


def test_the_slachtofferloket_comes_after_a_serious_incident_only(
    helplines: list[Helpline],
) -> None:
    assert SLACHTOFFERLOKET not in close("wethouder", UTRECHT, helplines)[-1]
    assert SLACHTOFFERLOKET in close("wethouder", UTRECHT, helplines, serious=True)[-1]


def test_a_deadline_still_to_come_is_said_with_its_time(helplines: list[Helpline]) -> None:
    texts = close(
        "wethouder", UTRECHT, helplines, measures_due=datetime(2026, 11, 27, 14, 30, tzinfo=AMS)
    )
    assert "Het liefst vóór 27 november 2026, 14:30." in texts[2]


def test_a_deadline_already_run_out_is_zo_snel_mogelijk(helplines: list[Helpline]) -> None:
    # An incident of a week ago: the 72 hours are gone when the report comes in.
    texts = close("wethouder", UTRECHT, helplines, measures_due=NOW - timedelta(days=4))
    assert "zo snel mogelijk" in texts[2]
    assert "vóór" not in texts[2] and "72 uur" not in texts[2]


def test_a_criminal_offence_says_who_goes_to_the_police(helplines: list[Helpline]) -> None:
    texts = close("gemeenteraadslid", UTRECHT, helplines, criminal=True)
    assert "Dan maakt de griffier een afspraak met de politie." in texts[2]
    assert "Je hoeft zelf geen aangifte te doen." in texts[2]


def test_someone_with_two_roles_gets_the_route_of_each(helplines: list[Helpline]) -> None:
    houten = Organisation("houten", "Houten", OrgKind.MUNICIPALITY)  # a bare name reads the same
    sanne = Person(
        id=2,
        name="Sanne",
        roles=(PersonRole("wethouder", houten, 2), PersonRole("statenlid", PROVINCE, 1)),
    )
    text = help_text(sanne, helplines)
    assert (
        "Als wethouder: je melding gaat naar de gemeentesecretaris van de gemeente Houten." in text
    )
    assert "Als Statenlid: je melding gaat naar de statengriffier van de provincie Utrecht." in text
    assert WETHOUDERS in text


@pytest.mark.parametrize("reached", [Link.DEPUTY, Link.COORDINATOR, None])
def test_an_unreachable_handler_is_never_said_to_have_the_case(
    reached: Link | None, helplines: list[Helpline]
) -> None:
    """One message says the handler cannot be reached and who has it instead; no line
    says the handler gets it now, gets in touch, or makes the police appointment."""
    texts = close("gemeenteraadslid", UTRECHT, helplines, criminal=True, reached=reached)
    told = "\n".join(texts)
    assert texts[0].startswith("Dank je. Je melding is verstuurd")
    assert "via Weerbaar" in texts[0] and "bereikbaar" in texts[0]
    assert not any("Let op" in t for t in texts[1:])  # not a second, contradicting line
    assert "griffier van" in texts[0] and "krijgt je melding nu" not in texts[0].replace(
        "plaatsvervanger je melding nu", ""
    ).replace("VPT je melding nu", "")
    assert say("close_contact", handler="De griffier") not in told
    assert "Dan maakt de griffier" not in told
    assert say("close_police_stand_in") in told
