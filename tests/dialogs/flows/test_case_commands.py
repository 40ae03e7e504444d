"""What a handler and a reporter type about a case: parsed, or not a command at all."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.flows.case_commands import (
    CaseVerb,
    ResponseStep,
    parse_case_command,
    parse_close,
    parse_response,
    parse_tick,
    response_answer,
)
from dialogs.flows.reporter_commands import is_reporter_command, is_status, parse_amend
from dialogs.messages import Attachment, ConversationKey, Inbound


@pytest.mark.parametrize(
    ("text", "verb", "rest"),
    [
        ("toon WB-ABC234", CaseVerb.SHOW, ""),
        ("Details wb-abc234", CaseVerb.SHOW, ""),
        ("wbabc234", CaseVerb.SHOW, ""),
        ("stap WB-ABC234 4 aangifte", CaseVerb.TICK, "4 aangifte"),
        ("notitie WB-ABC234 Belde   de wijkagent", CaseVerb.NOTE, "Belde   de wijkagent"),
        ("reactie WB-ABC234 gesprek", CaseVerb.RESPONSE, "gesprek"),
        ("sluit WB-ABC234", CaseVerb.CLOSE, ""),
    ],
)
def test_case_commands(text: str, verb: CaseVerb, rest: str) -> None:
    command = parse_case_command(text)
    assert command is not None
    assert (command.verb, command.reference, command.rest) == (verb, "WB-ABC234", rest)


@pytest.mark.parametrize(
    "text", ["toon", "hallo WB-ABC234", "stap", "gedaan WB-ABC234 politie", "WB-ABC23", ""]
)
def test_not_a_case_command(text: str) -> None:
    assert parse_case_command(text) is None


def test_ticks() -> None:
    assert parse_tick("3") is not None and parse_tick("3").value is None  # type: ignore[union-attr]
    tick = parse_tick("8 niet strafbaar")
    assert tick is not None and (tick.step, tick.value) == ("8", "niet_strafbaar")
    tick = parse_tick("hulpofficier ja")
    assert tick is not None and (tick.step, tick.value) == ("hulpofficier", "gevraagd")
    assert parse_tick("") is None


def test_responses() -> None:
    typed = parse_response("gesprek maatregelen tot 18-12-2026 schade: brief: verstuurd")
    assert typed.kind == "incident_en_herstelgesprek"
    assert typed.measure == "beperkende_maatregelen"
    assert typed.until == date(2026, 12, 18)
    assert typed.damages and typed.note == "brief: verstuurd"
    assert parse_response("waarschuwing").measure is None
    assert parse_response("maatregelen tot 2026-12-18").measure == "beperkende_maatregelen"
    odd = parse_response("afspraken tot morgen")
    assert odd.measure == "contactafspraken" and odd.until is None and odd.until_text == "morgen"
    assert parse_response("boze blik").kind is None


def test_closes() -> None:
    assert parse_close("") == parse_close("  ")
    typed = parse_close("onbekend reden: nep-account toch: politie gebeld")
    assert (typed.unknown, typed.reason, typed.override) == (True, "nep-account", "politie gebeld")
    assert parse_close("toch: gebeld").override == "gebeld"
    assert not parse_close("toch: gebeld").unknown


def _inbound(text: str, files: tuple[Attachment, ...] = ()) -> Inbound:
    return Inbound(ConversationKey("local", "local", "anna"), "m1", text, attachments=files)


def test_reporter_commands() -> None:
    assert is_status(_inbound("Status")) and is_reporter_command(_inbound("status."))
    assert not is_status(_inbound("status", (Attachment("a.jpg", "image/jpeg", b"x"),)))
    amend = parse_amend("aanvullen wb-abc234 Hij kwam terug")
    assert amend is not None and (amend.reference, amend.text) == ("WB-ABC234", "Hij kwam terug")
    assert parse_amend("aanvullen WB-ABC234") is not None
    assert parse_amend("aanvullen") is None and parse_amend("hallo WB-ABC234 x") is None
    assert not is_reporter_command(_inbound("Hij schold me uit"))


@pytest.mark.parametrize("typed", ["nee", "geen", "Nee.", "1"])
def test_no_measures_in_words_at_the_guided_response(typed: str) -> None:
    turn = response_answer(
        ResponseStep.MEASURE, {"kind": "incidentgesprek"}, typed, "WB-ABC234", date(2026, 12, 1)
    )
    assert turn.step is ResponseStep.DAMAGES
    assert turn.data["measure"] is None


def test_a_measure_by_its_word_at_the_guided_response() -> None:
    turn = response_answer(
        ResponseStep.MEASURE,
        {"kind": "incidentgesprek"},
        "afspraken",
        "WB-ABC234",
        date(2026, 12, 1),
    )
    assert turn.step is ResponseStep.UNTIL
    assert turn.data["measure"] == "contactafspraken"
