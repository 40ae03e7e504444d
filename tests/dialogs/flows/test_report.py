"""Whole reports through the local adapter, the real service and a real SQLite database."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import Weerbaar
from bot.domain.incident import unsafe_at_report
from bot.text.catalogue import say
from tests.chat import Chatter, report_lines
from tests.conftest import AppFactory, FakeClock
from tests.people import enrol as enrol_person

# The guideline's table (domain.md, section 2), written out apart from bot/domain/routing.py.
ROUTING_TABLE = [
    (
        "commissaris_van_de_koning",
        "provincie-utrecht",
        "provinciesecretaris",
        ("Minister van BZK", "statengriffier"),
    ),
    ("gedeputeerde", "provincie-utrecht", "provinciesecretaris", ("Commissaris van de Koning",)),
    ("statenlid", "provincie-utrecht", "statengriffier", ("Commissaris van de Koning",)),
    ("burgemeester", "amersfoort", "gemeentesecretaris", ("Commissaris van de Koning", "griffier")),
    ("wethouder", "amersfoort", "gemeentesecretaris", ("burgemeester",)),
    ("gemeenteraadslid", "amersfoort", "griffier", ("burgemeester",)),
    (
        "dijkgraaf",
        "waterschap-vallei-en-veluwe",
        "secretaris_directeur",
        ("secretaris", "Commissaris van de Koning"),
    ),
    (
        "dagelijks_bestuurslid",
        "waterschap-vallei-en-veluwe",
        "secretaris_directeur",
        ("dijkgraaf",),
    ),
    ("algemeen_bestuurslid", "waterschap-vallei-en-veluwe", "secretaris", ("dijkgraaf",)),
]


async def enrol(app: Weerbaar, handle: str, name: str, *roles: tuple[str, str]) -> int:
    return await enrol_person(app, name, *roles, local=handle)


@pytest.mark.parametrize(("role", "org", "handler", "informed"), ROUTING_TABLE)
async def test_each_role_is_routed_as_the_guideline_says(
    app: Weerbaar, role: str, org: str, handler: str, informed: tuple[str, ...]
) -> None:
    await enrol(app, "reporter", "Rita Reporter", (role, org))
    handler_id = await enrol(app, "handler", "Henk Handler", (handler, org))
    chat = Chatter(app, "reporter")
    review = await chat.say(*report_lines())
    assert "Jouw melding" in review
    done = await chat.say("verstuur")
    assert "Je kenmerk is WB-" in done
    for party in informed:
        assert party in done

    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases()
        notices = await tx.outbox.pending_for("local", "handler")
        handlers = await tx.people.people_with_role(case.org_id or 0, case.handler_function or "")
    assert case.status == "submitted"
    assert case.role == role
    assert case.org is not None and case.org.slug == org
    assert case.handler_function == handler
    assert case.informed == informed
    assert handler_id in [h.id for h in handlers]
    assert len(notices) == 1 and case.reference in notices[0].payload["text"]
    # the handler's notice names no reporter and carries no narrative
    assert "Rita" not in notices[0].payload["text"]
    assert "schold" not in str(notices[0].payload)


async def test_a_person_with_two_roles_picks_the_one_it_happened_in(app: Weerbaar) -> None:
    chat = Chatter(app, "sanne")  # wethouder Houten and Statenlid
    await chat.say("hallo")
    reply = await chat.say("ja")
    assert "In welke rol" in reply
    assert "wethouder, Gemeente Houten" in reply
    assert "Statenlid, Provincie Utrecht" in reply
    await chat.say("2", *report_lines()[2:])
    await chat.say("verstuur")
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases()
    assert (case.role, case.handler_function) == ("statenlid", "statengriffier")


async def test_review_edit_goes_back_to_the_summary(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say(*report_lines())
    reply = await chat.say("wijzig 3")
    assert "Waar gebeurde het" in reply
    reply = await chat.say("Bij de bibliotheek")
    assert "Jouw melding" in reply and "3. Waar: Bij de bibliotheek" in reply
    # changing "who did it" asks the questions that now apply, then the summary again
    reply = await chat.say("wijzig 5")
    assert "Weet je wie het deed" in reply
    reply = await chat.say("1")
    assert "Wie was het" in reply
    await chat.say("De buurman")
    reply = await chat.say("overslaan")
    assert "Wie: De buurman" in reply and "Jouw melding" in reply
    await chat.say("verstuur")
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases()
        answers = await tx.dialogs.answers(case.id)
    assert answers["where"] == "Bij de bibliotheek"
    assert answers["perp_who"] == "De buurman"


async def test_terug_goes_to_the_previous_question_and_keeps_answers(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja", "Hij schold me uit.")
    reply = await chat.say("terug")
    assert "Wat is er gebeurd" in reply
    reply = await chat.say("Hij schold me uit en duwde me.")
    assert "Ik lees: verbale agressie, fysiek geweld, strafbaar. Klopt dat?" in reply
    await chat.say("terug", "terug")
    reply = await chat.say("terug")
    assert "eerste vraag" in reply
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        answers = await tx.dialogs.answers(case.id)
    assert answers["what"] == "Hij schold me uit en duwde me."


async def test_stop_keeps_the_draft_and_resume_continues(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja", "Bedreigd op straat.", "nee", "3")
    reply = await chat.say("stop")
    assert "bewaard" in reply
    reply = await chat.say("hallo weer")
    assert "Je was bezig met een melding" in reply and "Waar gebeurde het" in reply
    reply = await chat.say("1")
    assert "Waar gebeurde het" in reply
    await chat.say(*report_lines()[5:])
    await chat.say("verstuur")
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases()
        answers = await tx.dialogs.answers(case.id)
    assert answers["what"] == "Bedreigd op straat."
    assert answers["kinds"] == ["bedreiging"]


async def test_restart_discards_the_old_draft(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja", "Eerste versie.", "stop", "hoi")
    reply = await chat.say("opnieuw")
    assert "Ben je nu veilig? In gevaar? Bel 112." in reply
    async with app.store.transaction() as tx:
        cases = await tx.cases.list_cases(include_drafts=True)
        statuses = sorted(c.status for c in cases)
        discarded = next(c for c in cases if c.status == "discarded")
        assert await tx.dialogs.answers(discarded.id) == {}
    assert statuses == ["discarded", "draft"]


async def test_dates_unparseable_and_future_are_asked_again(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say(*report_lines()[:6])
    reply = await chat.say("blabla")
    assert "begrijp ik niet" in reply and "Wanneer" in reply
    reply = await chat.say("morgen om 10:00")
    assert "nog niet geweest" in reply
    # a reading that guesses the day-part is asked to confirm; "nee" asks again
    reply = await chat.say("gisteren rond 2 uur")
    assert "ik ga uit van 's middags" in reply and "Klopt dat" in reply
    reply = await chat.say("nee")
    assert "nog een keer" in reply
    # a plain reading is read back in the next question, with how to change it
    reply = await chat.say("vorige week dinsdag")
    assert "Ik noteer: dinsdag 17 november 2026" in reply and "Weet je wie het deed" in reply
    reply = await chat.say("terug")
    assert "Wanneer gebeurde het" in reply
    reply = await chat.say("vanochtend")
    assert "Ik noteer: woensdag 25 november 2026" in reply
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        answers = await tx.dialogs.answers(case.id)
    assert answers["when"]["start"].startswith("2026-11-25")
    assert "when_ok" not in answers


async def test_unsafe_person_gets_112_and_can_pause(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo")
    reply = await chat.say("nee")
    assert reply.startswith("Ben je in direct gevaar? Bel 112.") and "Wat gebeurt er" in reply
    reply = await chat.say("2")  # iemand scheldt of dreigt: that kind's advice
    assert say("advice_verbaal") in reply and "wil je verder met de melding" in reply
    reply = await chat.say("nee")
    assert "bewaard" in reply
    # back at a draft left in danger: the safety question again, first of all
    reply = await chat.say("ik ben er weer")
    assert "Ben je nu veilig? In gevaar? Bel 112." in reply
    reply = await chat.say("ja")
    assert "Wat is er gebeurd" in reply
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        answers = await tx.dialogs.answers(case.id)
    assert answers["safe"] is True and answers["was_unsafe"] is True
    assert unsafe_at_report(answers)


async def test_danger_in_any_words_gets_112_and_the_advice_for_hitting(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    first = "help hij slaat om zich heen in de hal"  # the very first message
    reply = await chat.say(first)
    assert reply.startswith("Ben je in direct gevaar? Bel 112.")
    assert say("advice_fysiek") in reply and "niet in discussie" not in reply
    reply = await chat.say("ja")
    assert "Ik lees" in reply and "Klopt dat" in reply  # the first message is the story
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        answers = await tx.dialogs.answers(case.id)
    assert answers["what"] == first
    assert answers["safe"] is False and answers["behaviour"] == "fysiek"


async def test_someone_at_the_door_is_danger_then_what_is_happening_is_asked(
    app: Weerbaar,
) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo")
    reply = await chat.say("nee, hij staat nog voor de deur")
    assert reply.startswith("Ben je in direct gevaar? Bel 112.")
    assert "Wat gebeurt er" in reply
    reply = await chat.say("Iemand is boos of emotioneel")  # the button's words
    assert say("advice_emotioneel") in reply


async def test_evidence_files_links_and_odd_files(app: Weerbaar, tmp_path: Path) -> None:
    photo = tmp_path / "scherm.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 100)
    program = tmp_path / "virus.exe"
    program.write_bytes(b"MZ" + b"\0" * 10)
    chat = Chatter(app, "bram")
    reply = await chat.say(*report_lines()[:9])
    assert "Heb je bewijs" in reply
    reply = await chat.file(photo)
    assert "Ontvangen:\n1. scherm.png" in reply
    reply = await chat.file(program)
    assert "kan ik niet bewaren" in reply
    # links and notes come in one message and end the question
    reply = await chat.say("zie https://example.org/post/1 en de brief die ik kreeg")
    assert "letsel" in reply
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        files = await tx.cases.evidence(case.id)
        data = await tx.cases.evidence_data(files[0].id)
        answers = await tx.dialogs.answers(case.id)
    assert [(f.filename, f.content_type) for f in files] == [("scherm.png", "image/png")]
    assert data == photo.read_bytes()
    assert answers["evidence_items"]["links"] == ["https://example.org/post/1"]


async def test_a_file_sent_at_another_question_is_kept(app: Weerbaar, tmp_path: Path) -> None:
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"y" * 50)
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja")
    reply = await chat.file(photo)
    assert "bewaard bij het bewijs" in reply and "Wat is er gebeurd" in reply
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        assert len(await tx.cases.evidence(case.id)) == 1


async def test_oversized_file_and_message(
    make_app: AppFactory, sqlite_url: str, tmp_path: Path
) -> None:
    app = await make_app(sqlite_url, max_file_bytes=1000, max_message_chars=200)
    big = tmp_path / "groot.jpg"
    big.write_bytes(b"\xff" * 5000)
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja")
    reply = await chat.say("x" * 150 + " " + "y" * 349)
    assert "de eerste 200 tekens bewaard" in reply and "Stuur de rest" in reply
    reply = await chat.say("y" * 150)  # the rest, added to the story
    assert "toegevoegd" in reply
    reply = await chat.file(big)
    assert "te groot" in reply
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        assert await tx.cases.evidence(case.id) == []
        answers = await tx.dialogs.answers(case.id)
    assert answers["what"] == "x" * 150 + " " + "y" * 49 + "\n" + "y" * 150
    assert "continues" not in answers


async def test_skipped_optional_questions_show_as_skipped(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    lines = report_lines()
    lines[7] = "2"  # can describe: the details question is asked, and skipped
    lines.insert(8, "overslaan")
    reply = await chat.say(*lines)
    assert "Kenmerken: (overgeslagen)" in reply
    assert "Getuigen: (overgeslagen)" in reply
    assert "Bewijs: (overgeslagen)" in reply


async def test_help_why_and_nonsense_never_dead_end(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo")
    reply = await chat.say("help")
    assert "112" in reply and "Ben je nu veilig" in reply
    reply = await chat.say("waarom?")
    assert "veiligheid" in reply and "Ben je nu veilig" in reply
    reply = await chat.say("misschien")
    assert "'ja' of 'nee'" in reply and "Ben je nu veilig" in reply
    await chat.say("ja", "Iets", "nee", "99")
    assert "Kies een of meer nummers" in chat.text


async def test_serious_case_gets_slachtofferloket_and_burgemeester_ngb(app: Weerbaar) -> None:
    chat = Chatter(app, "anna")
    lines = report_lines()
    lines[10] = "1, 3"  # lichamelijk letsel, ziekenhuis
    await chat.say(*lines)
    reply = await chat.say("verstuur")
    assert "088 5543 288" in reply  # vertrouwenslijn, for everyone
    assert "070-373 8080" in reply  # NGB crisislijn for a burgemeester
    assert "088-633 1580" in reply  # slachtofferloket when serious
    assert "huisadres" in reply
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases()
    assert case.serious is True


async def test_handler_only_person_is_told_what_this_is(app: Weerbaar) -> None:
    chat = Chatter(app, "griffier-zeist")
    reply = await chat.say("hallo")
    assert "aangemeld als griffier" in reply


async def test_restart_mid_report_resumes_at_the_same_question(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    first = await make_app(database_url)
    chat = Chatter(first, "bram")
    await chat.say("hallo", "ja", "Hij dreigde.", "nee", "3, 4", "Markt")
    assert "Wanneer gebeurde het" in chat.text
    await first.close()

    second = await make_app(database_url, demo=False)
    chat = Chatter(second, "bram")
    reply = await chat.say("hoi")
    assert "Wanneer gebeurde het" in reply  # the same question, asked again
    await chat.say("gisteren om 20:00", *report_lines()[7:])
    assert "Wat er gebeurde: Hij dreigde." in chat.text
    assert "Soort: Bedreiging, Intimidatie" in chat.text
    assert "Waar: Markt" in chat.text


async def test_back_after_hours_is_asked_to_go_on_not_read_as_an_answer(
    app: Weerbaar, clock: FakeClock
) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja", "Hij schold me uit.", "nee")
    clock.advance(hours=3)
    reply = await chat.say("hallo")  # not an answer to "Wat past hierbij?"
    assert "Je was bezig met een melding" in reply and "Wat past hierbij" in reply
    reply = await chat.say("verder")
    assert "Wat past hierbij" in reply
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        assert "kinds" not in await tx.dialogs.answers(case.id)
    clock.advance(minutes=20)  # a short pause is just the next answer
    assert "Waar gebeurde het" in await chat.say("2")


async def test_a_late_answer_is_the_answer_and_nee_to_going_on_is_understood(
    app: Weerbaar, clock: FakeClock
) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja", "Hij schold me uit.", "nee", "2")
    clock.advance(hours=3)
    reply = await chat.say("Bij de ingang van het gemeentehuis")  # typed hours later
    assert "Wanneer gebeurde het" in reply
    await chat.say("stop")
    reply = await chat.say("nee")  # to "verder of opnieuw?": not now, and not again
    assert "blijft bewaard" in reply
    reply = await chat.say("nee")
    assert "blijft bewaard" in reply and "Je was bezig" not in reply
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        answers = await tx.dialogs.answers(case.id)
    assert answers["where"] == "Bij de ingang van het gemeentehuis"


async def test_a_late_answer_from_someone_unsafe_before_is_kept_then_safety_first(
    app: Weerbaar, clock: FakeClock
) -> None:
    chat = Chatter(app, "bram")
    # not safe; what happens; safe enough to go on; the story; ask it all; a kind
    await chat.say("hallo", "nee", "hij scheldt", "ja", "Hij schold me uit.", "nee", "2")
    clock.advance(hours=3)
    reply = await chat.say("Bij de ingang van het gemeentehuis")  # typed hours later
    assert "Je antwoord is bewaard" in reply and "Ben je nu veilig" in reply
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        answers = await tx.dialogs.answers(case.id)
    assert answers["where"] == "Bij de ingang van het gemeentehuis"
    assert answers["was_unsafe"] is True and "safe" not in answers
    reply = await chat.say("ja")
    assert "Wanneer gebeurde het" in reply  # on with the next open question
    assert "We gaan verder" in reply and "Ik stel je een paar korte vragen" not in reply


async def test_plain_words_at_injury_and_review(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    lines = report_lines()
    lines[10] = "niets"  # injury: nothing
    reply = await chat.say(*lines)
    assert "Letsel: Geen letsel" in reply
    assert "Je kenmerk is WB-" in await chat.say("ja")  # yes at the review sends
