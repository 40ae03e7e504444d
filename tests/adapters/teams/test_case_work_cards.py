"""The handler's case-work cards and the evidence attachments, as Teams gets them: valid
Adaptive Card 1.5 elements, every input named, every button a verb the core knows."""

from __future__ import annotations

from typing import Any

from adapters.teams.actions import form_fields, kept_parties
from adapters.teams.cards import (
    FILE_CONSENT_CARD,
    FILE_INFO_CARD,
    PREVIEW_MAX_BYTES,
    card_text,
    case_card,
    file_consent_attachment,
    file_info_attachment,
    image_preview,
    notice_card,
)
from adapters.teams.case_work_cards import case_closed_card, case_details_card, close_form
from bot.cases.actions import ACTIONS
from bot.cases.notices import (
    HANDLER,
    TEAM,
    Acknowledged,
    CaseClosed,
    CaseDetails,
    CaseRouted,
    DeadlineLine,
    DetailRow,
    EvidenceLine,
    EvidenceOffer,
    EvidenceUpload,
    NoteLine,
    ResponseLine,
    StepLine,
    StepOption,
)
from bot.text.catalogue import say
from dialogs.messages import Attachment

# The Adaptive Card 1.5 element and action types these cards may use (Teams renders
# schema 1.5; adaptivecards.io/explorer).
ELEMENTS_1_5 = {
    "TextBlock",
    "FactSet",
    "ActionSet",
    "Container",
    "ColumnSet",
    "Column",
    "Image",
    "Input.Text",
    "Input.Date",
    "Input.Toggle",
    "Input.ChoiceSet",
    "Input.Number",
    "Input.Time",
}
ACTIONS_1_5 = {"Action.Execute", "Action.Submit", "Action.ShowCard", "Action.OpenUrl"}

DETAILS = CaseDetails(
    case_id=7,
    reference="WB-ABC234",
    status="acknowledged",
    org="Gemeente Houten",
    role="wethouder",
    handler_function="griffier",
    reporter="Rita de Raad",
    submitted="24 november 2026, 14:30",
    acknowledged=Acknowledged("Gerrit Griffioen", "2026-11-24T15:00:00+01:00", "24 nov, 15:00"),
    serious=True,
    criminal=True,
    unsafe_at_report=True,
    perpetrator_known=True,
    rows=(
        DetailRow("what", "Wat gebeurde er", "Hij schold me uit."),
        DetailRow("perp_who", "Wie", "Jan Janssen"),
    ),
    evidence=(EvidenceLine(11, "IMG_1.jpg", "image/jpeg", "60 kB", "24 nov"),),
    deadlines=(
        DeadlineLine("police", "Afspraak met de politie", "26 november 2026, 17:00", False),
        DeadlineLine("acknowledge", "In behandeling nemen", "24 november 2026, 18:30", True),
    ),
    steps=(
        StepLine("1", 1, "Intern melden", True, "Gerrit Griffioen", "24 nov, 15:10"),
        StepLine(
            "4",
            4,
            "Melding of aangifte doen",
            False,
            options=(StepOption("melding", "Melding"), StepOption("aangifte", "Aangifte")),
        ),
        StepLine("5", 5, "Privégegevens beschermen", False),
    ),
    responses=(
        ResponseLine(
            "incidentgesprek",
            "Incidentgesprek",
            "Gerrit Griffioen",
            "25 nov",
            measure="contactafspraken",
            measure_label="Contactafspraken",
            until="1 februari 2027",
            note="Intern",
        ),
    ),
    notes=(NoteLine("note", "Gerrit Griffioen", "25 nov", "Gebeld met de fractie."),),
    informed=("burgemeester",),
    informed_confirmed=True,
    viewed_by=("Gerrit Griffioen (25 nov, 09:00)",),
    status_line="Vastgelegd: stap 1.",
)


def loose(card: object) -> Any:
    """A card as the JSON it is, for reading in a test."""
    return card


def walk(node: Any) -> list[dict[str, Any]]:
    """Every dict with a "type" in the card, nested forms included."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if "type" in node:
            found.append(node)
        for value in node.values():
            found.extend(walk(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(walk(item))
    return found


def check_card(card: dict[str, Any]) -> None:
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.5"
    assert card["fallbackText"]
    ids: list[str] = []
    for node in walk(card["body"]) + walk(card.get("actions", [])):
        kind = node["type"]
        if kind == "AdaptiveCard":  # a ShowCard's form: part of this card
            assert "$schema" not in node and "fallbackText" not in node
            continue
        assert kind in ELEMENTS_1_5 | ACTIONS_1_5, kind
        if kind.startswith("Input."):
            ids.append(node["id"])
        if kind == "Action.Execute":
            assert node["verb"] in ACTIONS and node["data"]["reference"]
        if kind == "Action.Submit":
            assert node["data"]["verb"] in ACTIONS
    assert len(ids) == len(set(ids)), "input ids are unique on a card"


def test_the_whole_case_card_is_valid_and_shows_everything() -> None:
    card = loose(case_details_card(DETAILS))
    check_card(card)
    text = card_text(card)
    for shown in (
        "Hij schold me uit.",
        "Jan Janssen",
        "Rita de Raad",
        "IMG_1.jpg",
        say("card_details_unsafe"),
        "Vastgelegd: stap 1.",
        "Gebeld met de fractie.",
        say("card_viewed_by", who="Gerrit Griffioen (25 nov, 09:00)"),
        "Contactafspraken tot 1 februari 2027.",
    ):
        assert shown in text
    # A done step says who and when; an open one has its buttons; step 4 one per value.
    assert say("card_step_done", by="Gerrit Griffioen", at="24 nov, 15:10") in text
    ticks = [n for n in walk(card) if n.get("verb") == "tick_step"]
    assert sorted((t["data"]["step"], t["data"]["value"]) for t in ticks) == [
        ("4", "aangifte"),
        ("4", "melding"),
        ("5", ""),
    ]
    (send,) = [n for n in walk(card) if n.get("data", {}).get("verb") == "send_evidence"]
    assert send["data"] == {"verb": "send_evidence", "reference": "WB-ABC234", "evidence": 11}


def test_the_response_form_has_the_kind_the_end_date_the_damages_and_a_note() -> None:
    card = loose(case_details_card(DETAILS))
    (show,) = [
        a
        for a in card["actions"]
        if a["type"] == "Action.ShowCard" and a["title"] == say("card_response")
    ]
    inputs = {b["id"]: b for b in show["card"]["body"]}
    assert inputs["response"]["type"] == "Input.ChoiceSet" and inputs["response"]["isRequired"]
    assert inputs["until"]["type"] == "Input.Date"
    assert (inputs["damages"]["valueOn"], inputs["damages"]["valueOff"]) == ("true", "false")
    assert inputs["response_note"]["type"] == "Input.Text"
    (submit,) = show["card"]["actions"]
    assert submit["verb"] == "record_response"


def test_the_close_form_asks_what_closing_needs() -> None:
    # Named perpetrator, no response: a reason; the open police step: why close anyway.
    form = loose(close_form(replace_details(responses=())))
    ids = {b.get("id") for b in form["body"]}
    assert {"reason", "override"} <= ids and "no_response" not in ids
    # Nobody named: "pleger onbekend" as a toggle; nothing open: no override.
    form = loose(close_form(replace_details(responses=(), perpetrator_known=False, deadlines=())))
    (toggle,) = [b for b in form["body"] if b.get("id") == "no_response"]
    assert toggle["valueOn"] == "pleger_onbekend"
    assert "override" not in {b.get("id") for b in form["body"]}
    # A response and nothing open: ready.
    form = loose(close_form(replace_details(deadlines=())))
    assert card_text(form).startswith(say("card_close_ready"))


def replace_details(**changes: Any) -> CaseDetails:
    from dataclasses import replace

    return replace(DETAILS, **changes)


def test_a_closed_case_has_no_forms_and_its_summary_no_story() -> None:
    card = loose(case_details_card(replace_details(closed=True)))
    check_card(card)
    # No forms; only the evaluation the closing asks for (issue 12).
    assert [a["data"]["verb"] for a in card["actions"]] == ["evaluate"]
    assert not [n for n in walk(card) if n.get("verb") == "tick_step"]
    summary = case_closed_card(
        CaseClosed(
            7,
            "WB-ABC234",
            "Gemeente Houten",
            "Gerrit Griffioen",
            "1 dec",
            no_response="pleger_onbekend",
            steps_done=3,
            reasons=("De pleger is niet bekend.",),
        )
    )
    check_card(summary)
    assert loose(summary)["actions"] == [
        {
            "type": "Action.Submit",
            "title": say("card_evaluate"),
            "data": {"verb": "evaluate", "reference": "WB-ABC234"},
        }
    ]
    text = card_text(summary)
    assert say("card_closed_unknown") in text and "3 van 9 gedaan" in text
    assert "schold" not in text


def test_no_case_content_is_drawn_for_a_team_channel() -> None:
    assert notice_card(DETAILS, TEAM) is None
    assert notice_card(DETAILS, HANDLER) is not None


ROUTED = CaseRouted(
    case_id=7,
    reference="WB-ABC234",
    role="wethouder",
    org="Gemeente Houten",
    kinds=("verbale_agressie",),
    when="gisteren",
    serious=False,
    criminal=False,
    handler_function="griffier",
    informed=("burgemeester", "Commissaris van de Koning"),
)


def test_the_acknowledge_card_has_a_toggle_per_party_on_by_default() -> None:
    card = loose(case_card(ROUTED, HANDLER))
    check_card(card)
    toggles = [b for b in card["body"] if b["type"] == "Input.Toggle"]
    assert [(t["title"], t["value"]) for t in toggles] == [
        (say("informed_burgemeester"), "burgemeester"),
        (say("informed_cdk"), "Commissaris van de Koning"),
    ]
    assert all(t["value"] == t["valueOn"] and t["valueOff"] == "" for t in toggles)
    # The team channel's card: no toggles, no "Bekijk melding".
    team = loose(case_card(ROUTED, TEAM))
    assert [b for b in team["body"] if b["type"] == "Input.Toggle"] == []
    assert [a["type"] for a in team["actions"]] == ["Action.Execute"]


def test_the_response_forms_note_comes_back_as_the_note() -> None:
    data: dict[str, object] = {
        "reference": "WB-ABC234",
        "response": "incidentgesprek",
        "response_note": "x",
    }
    assert form_fields("record_response", data) == {
        "reference": "WB-ABC234",
        "response": "incidentgesprek",
        "note": "x",
    }
    assert form_fields("add_note", {"note": "y"}) == {"note": "y"}


def test_the_toggles_come_back_as_the_kept_parties() -> None:
    data: dict[str, object] = {"reference": "WB-ABC234", "party_0": "burgemeester", "party_1": ""}
    assert kept_parties(data) == {"reference": "WB-ABC234", "parties": ["burgemeester"]}
    assert kept_parties({"reference": "WB-ABC234"}) == {"reference": "WB-ABC234"}
    assert kept_parties({"party_0": "", "party_1": ""}) == {"parties": []}


OFFER = EvidenceOffer(7, "WB-ABC234", 11, 2, "IMG_1.jpg", "image/jpeg", 60_000, 3)


def test_the_file_consent_and_file_info_cards_have_the_teams_shapes() -> None:
    consent = file_consent_attachment(OFFER)
    assert (
        consent["contentType"]
        == FILE_CONSENT_CARD
        == ("application/vnd.microsoft.teams.card.file.consent")
    )
    assert consent["name"] == "IMG_1.jpg"
    content = consent["content"]
    assert isinstance(content, dict)
    assert set(content) == {"description", "sizeInBytes", "acceptContext", "declineContext"}
    assert content["sizeInBytes"] == 60_000
    assert content["acceptContext"] == {"reference": "WB-ABC234", "evidence": 11}
    upload = EvidenceUpload(OFFER, "https://u", "https://c/IMG_1.jpg", "IMG_1.jpg", "ID1", "")
    info = file_info_attachment(upload)
    assert info == {
        "contentType": FILE_INFO_CARD,
        "contentUrl": "https://c/IMG_1.jpg",
        "name": "IMG_1.jpg",
        "content": {"uniqueId": "ID1", "fileType": "jpg"},
    }
    assert FILE_INFO_CARD == "application/vnd.microsoft.teams.card.file.info"


def test_an_image_is_previewed_inline_only_when_teams_can_show_it() -> None:
    small = Attachment("a.png", "image/png", b"\x89PNG")
    preview = image_preview(small)
    assert preview is not None and preview["contentUrl"] == "data:image/png;base64,iVBORw=="
    assert image_preview(Attachment("a.png", "image/png", b"x" * (PREVIEW_MAX_BYTES + 1))) is None
    assert image_preview(Attachment("a.aac", "audio/aac", b"x")) is None
    assert image_preview(Attachment("a.webp", "image/webp", b"x")) is None


def test_the_second_opinion_is_a_step_without_a_number_with_its_choices() -> None:
    second = StepLine(
        "hulpofficier",
        None,
        "Second opinion van de hulpofficier van justitie",
        False,
        options=(StepOption("gevraagd", "Gevraagd"), StepOption("niet_gevraagd", "Niet gevraagd")),
    )
    follow_up = StepLine(
        "8",
        8,
        "Opvolging",
        True,
        "Gerrit Griffioen",
        "1 dec",
        value="niet_strafbaar",
        value_label="Niet strafbaar volgens de politie",
    )
    card = loose(case_details_card(replace_details(steps=(follow_up, second))))
    check_card(card)
    text = card_text(card)
    assert "✓ 8. Opvolging" in text and "Niet strafbaar volgens de politie." in text
    assert "○ Second opinion van de hulpofficier van justitie" in text
    ticks = [n["data"] for n in walk(card) if n.get("verb") == "tick_step"]
    assert [(t["step"], t["value"]) for t in ticks] == [
        ("hulpofficier", "gevraagd"),
        ("hulpofficier", "niet_gevraagd"),
    ]
