"""The close after a report, "help" / "hulplijn" at any moment, and what the handler's notice
says of an unsafe reporter and of clocks already run out: whole chats through the local
adapter, the real service and a real SQLite database (demo people: bram is gemeenteraadslid
in Zeist, anna burgemeester of Utrecht). The clock stands on Wednesday 25 November 2026.
"""

from __future__ import annotations

import pytest

from adapters.teams.cards import case_card
from bot.app import Weerbaar
from bot.cases.notices import CaseRouted
from tests.chat import Chatter, report_lines


async def test_help_before_any_report_gives_the_route_and_contacts(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    reply = await chat.say("help")
    assert "Ben je in gevaar? Bel 112." in reply
    assert "Je melding gaat naar de griffier van de gemeente Zeist." in reply
    assert "Vereniging voor Raadsleden" in reply and "088 5543 288" in reply
    assert "Typ dan 'melden'" in reply
    async with app.store.transaction() as tx:
        assert await tx.cases.list_cases() == []  # no report was started


@pytest.mark.parametrize("asked", ["hulplijn", "Hulplijnen", "wie kan ik bellen?"])
async def test_hulplijn_in_a_report_answers_and_asks_the_question_again(
    app: Weerbaar, asked: str
) -> None:
    chat = Chatter(app, "anna")
    await chat.say("hallo", "ja", "Hij schold me uit.")
    reply = await chat.say(asked)
    assert "Je melding gaat naar de gemeentesecretaris van de gemeente Utrecht." in reply
    assert "Crisislijn van het NGB" in reply and "070-373 8080" in reply
    assert "Klopt dat?" in reply  # the open question (the story read back), asked again
    await chat.say(*report_lines()[3:], "verstuur")
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases()
        answers = await tx.dialogs.answers(case.id)
    assert asked not in str(answers)  # never stored as an answer


async def test_help_while_paused_answers_and_asks_whether_to_go_on(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja", "stop")
    reply = await chat.say("help")
    assert "griffier van de gemeente Zeist" in reply
    assert "verder" in reply.lower()


async def test_the_close_names_the_griffier_and_the_time_for_measures(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say(*report_lines())  # "gisteren om 14:30": 24 November
    reply = await chat.say("verstuur")
    assert "De griffier van de gemeente Zeist krijgt je melding nu." in reply
    assert "Wat nu? De griffier neemt contact met je op." in reply
    # 72 hours after the incident, not a promise counted from now
    assert "Het liefst vóór 27 november 2026, 14:30." in reply
    assert "afhandelaar" not in reply and "pleger" not in reply


async def test_an_incident_of_a_week_ago_gets_zo_snel_mogelijk(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    lines = report_lines(when="vorige week dinsdag om 14:30")  # 17 November
    lines[10] = "1, 3"  # lichamelijk letsel, ziekenhuis: serious
    await chat.say(*lines)
    reply = await chat.say("verstuur")
    assert "Samen spreken jullie zo snel mogelijk af" in reply
    assert "vóór" not in reply and "72 uur" not in reply
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases()
        notices = await tx.outbox.pending_for("local", "griffier-zeist")
        deadlines = {d.kind: d for d in await tx.deadlines.deadlines(case.id)}
    # The Arbeidsinspectie's 24 hours ran from the incident, and are gone.
    assert deadlines["arbeidsinspectie"].due_at < (case.submitted_at or case.created_at)
    [notice] = [n for n in notices if n.payload.get("notice", {}).get("kind") == "case_routed"]
    assert "Waarschuw zo snel mogelijk de Arbeidsinspectie" in notice.payload["text"]
    facts = CaseRouted.from_dict(notice.payload["notice"])
    lines_by_kind = {d.kind: d for d in facts.deadlines}
    assert lines_by_kind["arbeidsinspectie"].passed
    assert lines_by_kind["arbeidsinspectie"].due == "zo snel mogelijk"
    assert not lines_by_kind["acknowledge"].passed


async def test_the_handler_is_told_the_reporter_was_not_safe(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    lines = report_lines()
    lines[1:2] = ["nee", "2", "ja"]  # not safe; someone threatens; yes, go on now
    await chat.say(*lines)
    await chat.say("verstuur")
    async with app.store.transaction() as tx:
        notices = await tx.outbox.pending_for("local", "griffier-zeist")
    [notice] = [n for n in notices if n.payload.get("notice", {}).get("kind") == "case_routed"]
    assert "Niet veilig tijdens het melden." in notice.payload["text"]
    facts = CaseRouted.from_dict(notice.payload["notice"])
    assert facts.unsafe
    card = str(case_card(facts))
    assert "Niet veilig tijdens het melden" in card


async def test_a_safe_reporter_is_not_called_unsafe(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say(*report_lines())
    await chat.say("verstuur")
    async with app.store.transaction() as tx:
        notices = await tx.outbox.pending_for("local", "griffier-zeist")
    [notice] = [n for n in notices if n.payload.get("notice", {}).get("kind") == "case_routed"]
    assert "Niet veilig" not in notice.payload["text"]
    assert "Niet veilig" not in str(case_card(CaseRouted.from_dict(notice.payload["notice"])))
