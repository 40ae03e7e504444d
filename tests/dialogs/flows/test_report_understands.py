"""The report flow understands people (issue 9): the story does the work, natural replies,
questions back, a review and evidence that cannot go wrong, nothing typed lost."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from adapters.local import LocalChat
from bot.app import Weerbaar
from bot.text.catalogue import say
from tests.chat import Chatter, report_lines
from tests.conftest import AppFactory


async def answers_of(app: Weerbaar) -> dict[str, Any]:
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        return await tx.dialogs.answers(case.id)


async def test_the_story_answers_what_it_says_after_one_klopt_dat(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja")
    reply = await chat.say("Gisteren om 22:15 werd ik op twitter bedreigd door een man.")
    assert (
        "Ik lees: bedreiging, online op X, dinsdag 24 november 2026 om 22:15, strafbaar." in reply
    )
    assert "Klopt dat?" in reply
    reply = await chat.say("ja")
    assert "Weet je wie het deed" in reply  # kinds, where and when are not asked again
    answers = await answers_of(app)
    assert answers["kinds"] == ["bedreiging", "online"]
    assert answers["where"] == "online op X"
    assert answers["when"]["start"] == "2026-11-24T22:15:00+01:00"
    assert answers["when_ok"] is True and answers["criminal"] == "ja"


async def test_nee_to_the_read_back_asks_the_questions(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja", "Gisteren werd ik op twitter bedreigd.")
    reply = await chat.say("nee")
    assert "Wat past hierbij" in reply
    assert "kinds" not in await answers_of(app)


async def test_a_story_in_three_messages_keeps_all_three(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja", "Er kwam een man naar de raadzaal.")
    reply = await chat.say("Hij schreeuwde dat hij me zou vinden.")
    assert "toegevoegd" in reply
    await chat.say("Daarna gooide hij een stoel om.", "klaar")
    what = (await answers_of(app))["what"]
    assert what.split("\n") == [
        "Er kwam een man naar de raadzaal.",
        "Hij schreeuwde dat hij me zou vinden.",
        "Daarna gooide hij een stoel om.",
    ]


async def test_a_story_as_the_first_message_is_its_start(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    first = "Op de markt werd ik gisteren uitgescholden door een groep jongens"
    reply = await chat.say(first)
    assert "bewaard wat je schreef" in reply and "Ben je nu veilig? In gevaar? Bel 112." in reply
    reply = await chat.say("ja")
    assert "Ik lees" in reply
    assert (await answers_of(app))["what"] == first


async def test_a_question_back_is_answered_at_every_step_and_never_stored(
    app: Weerbaar,
) -> None:
    chat = Chatter(app, "bram")
    lines = report_lines()
    await chat.say(lines[0])
    for line in lines[1:]:
        before = await answers_of(app)
        asked = chat.last[-1].text
        reply = await chat.say("is dit anoniem?")
        assert say("faq_anonymous") in reply, asked
        assert asked.split("\n\n")[-1] in reply  # the open question, asked again
        assert await answers_of(app) == before
        await chat.say(line)
    assert "Jouw melding" in chat.text


async def test_a_number_at_the_review_opens_that_row_and_never_sends(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say(*report_lines())
    reply = await chat.say("1")
    assert "Wat is er gebeurd" in reply
    await chat.say("Hij schold me uit bij de ingang.")
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
    assert case.status == "draft"
    assert "Je kenmerk is" in await chat.say("versturen")


async def test_files_stay_listed_a_wrong_one_is_removed_and_nee_ends_it(
    app: Weerbaar, tmp_path: Path
) -> None:
    wrong, right = tmp_path / "vakantie.jpg", tmp_path / "dreigbrief.jpg"
    wrong.write_bytes(b"\xff\xd8\xff" + b"a" * 40)
    right.write_bytes(b"\xff\xd8\xff" + b"b" * 40)
    chat = Chatter(app, "bram")
    reply = await chat.say(*report_lines()[:9])
    assert "Heb je bewijs" in reply
    await chat.file(wrong)
    reply = await chat.file(right)
    assert "1. vakantie.jpg\n2. dreigbrief.jpg" in reply
    reply = await chat.say("verwijder 1")
    assert "vakantie.jpg weggehaald" in reply and "1. dreigbrief.jpg" in reply
    reply = await chat.say("nee")  # no more: not "skipped"
    assert "letsel" in reply
    review = await chat.say(*report_lines()[10:])
    assert "Bewijs: 1 bestand(en): dreigbrief.jpg" in review
    await chat.say("verstuur")
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases()
        files = await tx.cases.evidence(case.id)
    assert [f.filename for f in files] == ["dreigbrief.jpg"]


@pytest.mark.parametrize("said", ["nvt", "nee, heb geen screenshot gemaakt", "geen"])
async def test_nvt_and_no_screenshot_end_the_evidence_without_a_note(
    app: Weerbaar, said: str
) -> None:
    chat = Chatter(app, "bram")
    await chat.say(*report_lines()[:9])
    assert "letsel" in await chat.say(said)
    answers = await answers_of(app)
    assert answers["evidence"] is None and "evidence_items" not in answers


async def test_details_after_yes_and_weet_ik_niet_are_answers(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    lines = report_lines()
    lines[6] = "weet ik niet"  # when: not known
    lines[7] = "weet ik niet"  # who did it
    lines[10] = "ja, mijn bril is kapot"  # injury, damage, time off: damage, with what
    review = await chat.say(*lines)
    assert "Wanneer: onbekend" in review
    assert "Weet wie het deed: Nee, onbekend" in review
    assert "Letsel: Geen letsel" in review
    assert "Schade: Ja (mijn bril is kapot)" in review
    assert "Niet kunnen werken: Nee" in review


async def test_weet_ik_niet_at_the_impact_question_asks_the_injury_on_its_own(
    app: Weerbaar,
) -> None:
    chat = Chatter(app, "bram")
    lines = report_lines()
    lines[10] = "weet ik niet"
    reply = await chat.say(*lines[:11])
    assert "Heb je letsel" in reply  # the injury, asked on its own
    review = await chat.say("5", *lines[11:])  # geen letsel
    assert "Schade: Weet ik niet" in review
    assert "Niet kunnen werken: Weet ik niet" in review


async def test_work_missed_is_read_from_the_words(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    lines = report_lines()
    lines[10] = "psychisch, ik kon 2 dagen niet werken"
    review = await chat.say(*lines)
    assert "Letsel: Psychisch letsel" in review
    assert "Niet kunnen werken: Ja (ik kon 2 dagen niet werken)" in review


async def test_natural_yes_and_button_words_are_understood(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo")
    assert "Wat is er gebeurd" in await chat.say("jawel 👍")
    await chat.say("Hij schold me uit.")
    assert "Waar gebeurde het" in await chat.say("Ja klopt")  # the button without comma
    await chat.say("Gemeentehuis")
    assert "Weet je wie het deed" in await chat.say("gisteren om 14:30")
    reply = await chat.say("jep, het is die actiegroep")
    assert "Weet je nog meer" in reply  # who is known: anything more of them?
    assert (await answers_of(app))["perp_who"] == "het is die actiegroep"


async def _at_who(chat: Chatter) -> None:
    await chat.say("hallo")
    await chat.say("ja")
    await chat.say("Hij schold me uit.")
    await chat.say("Ja klopt")
    await chat.say("Gemeentehuis")
    assert "Weet je wie het deed" in await chat.say("gisteren om 14:30")


@pytest.mark.parametrize(
    ("typed", "known", "field", "kept"),
    [
        ("die man van de actiegroep", "bekend", "perp_who", "die man van de actiegroep"),
        ("Jan de Vries", "bekend", "perp_who", "Jan de Vries"),
        ("een man met een rode jas", "beschrijving", "perp_details", "een man met een rode jas"),
        ("niemand", "onbekend", None, None),
        ("geen idee", "onbekend", None, None),
    ],
)
async def test_who_did_it_is_answered_in_words(
    app: Weerbaar, typed: str, known: str, field: str | None, kept: str | None
) -> None:
    chat = Chatter(app, "bram")
    await _at_who(chat)
    reply = await chat.say(typed)
    # one message: no "wie was het?" after it (for someone known: anything more?)
    assert ("Weet je nog meer" if known == "bekend" else "Heeft iemand het gezien") in reply
    answers = await answers_of(app)
    assert answers["perp_known"] == known
    if field is not None:
        assert answers[field] == kept


@pytest.mark.parametrize("typed", ["7", "overslaan", "..."])
async def test_who_did_it_is_not_a_number_or_a_skip(app: Weerbaar, typed: str) -> None:
    chat = Chatter(app, "bram")
    await _at_who(chat)
    assert "Weet je wie het deed" in await chat.say(typed)
    assert "perp_known" not in await answers_of(app)


async def test_a_witness_told_at_who_did_it_is_kept_for_the_witnesses(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await _at_who(chat)
    reply = await chat.say("mijn buurvrouw zag het")
    assert "Dat zet ik bij de getuigen" in reply and "Weet je wie het deed" in reply
    assert "Heb je bewijs" in await chat.say("weet ik niet")  # witnesses are answered
    answers = await answers_of(app)
    assert answers["witnesses"] == "mijn buurvrouw zag het"
    assert answers["perp_known"] == "onbekend"


async def test_a_series_is_recorded_as_such(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say(*report_lines()[:6])
    reply = await chat.say("sinds vorige maand elke week")
    assert "Ik noteer" in reply
    answers = await answers_of(app)
    assert answers["series"] is True and answers["when"]["series"] is True


async def test_the_local_chat_after_a_restart_tells_the_open_question(
    make_app: AppFactory, sqlite_url: str
) -> None:
    first = await make_app(sqlite_url)
    await Chatter(first, "bram").say(*report_lines()[:5])
    await first.close()

    second = await make_app(sqlite_url, demo=False)
    out = io.StringIO()
    chat = LocalChat(second, "bram", out=out)
    await chat.open()
    assert "Je was bezig met een melding" in out.getvalue()
    assert "Waar gebeurde het" in out.getvalue()
    await chat.send("Gemeentehuis")  # retyped there: it answers the open question
    chat.close()
    answers = await answers_of(second)
    assert answers["where"] == "Gemeentehuis" and "evidence_items" not in answers


async def test_wanting_to_report_is_no_story_yet(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    reply = await chat.say("Ik wil graag iets melden")
    assert reply.startswith("Hallo Bram.") and "Ben je nu veilig? In gevaar? Bel 112." in reply
    await chat.say("ja")
    assert "what" not in await answers_of(app)


async def test_a_kind_that_is_an_offence_answers_is_it_criminal(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    lines = report_lines()
    lines[4] = "3"  # bedreiging: an offence as such
    review = await chat.say(*lines[:11])  # no "Denk je dat het strafbaar is?"
    assert "Strafbaar: Ja" in review


async def test_kinds_told_in_words_keep_the_words(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja", "er was gedoe na de raadsvergadering", "klaar")
    reply = await chat.say("hij schold en dreigde")
    assert "Waar gebeurde het" in reply
    answers = await answers_of(app)
    assert answers["kinds"] == ["verbale_agressie", "bedreiging"]
    assert answers["kinds_detail"] == "hij schold en dreigde"
    await chat.say("in de hal", "gisteren om 20:00", "weet ik niet", "niemand", "nee", "nee")
    assert "Soort: Verbale agressie, Bedreiging (hij schold en dreigde)" in chat.text


@pytest.mark.parametrize("reply", ["klaar", "ja", "ok", "👍", "nee"])
async def test_a_word_that_names_no_place_is_not_stored_as_the_place(
    app: Weerbaar, reply: str
) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja", "er was gedoe na de raadsvergadering", "klaar", "2")
    text = await chat.say(reply)
    assert say("reask_where") in text
    assert "where" not in await answers_of(app)
    await chat.say("ja, bij de ingang van het stadhuis")
    assert (await answers_of(app))["where"] == "bij de ingang van het stadhuis"


async def test_yes_to_the_safety_question_of_a_paused_draft_is_not_asked_twice(
    app: Weerbaar,
) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "nee", "2")
    paused = await chat.say("nee")
    assert "Bel 112" in paused
    reply = await chat.say("ja, ik ben nu binnen en de deur is op slot")
    assert "Ben je nu veilig" not in reply
    assert reply.startswith(say("safe_again"))
    answers = await answers_of(app)
    assert answers["safe"] is True and answers["was_unsafe"] is True
    assert "ik ben nu binnen en de deur is op slot" in answers["what"]  # kept, not dropped


async def test_a_witness_named_at_the_date_or_place_question_is_kept_for_witnesses(
    app: Weerbaar,
) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja", "er was gedoe na de raadsvergadering", "klaar", "2")
    reply = await chat.say("mijn man zag het ook")
    assert say("reask_where") not in reply and "Waar gebeurde het" in reply
    await chat.say("in de hal")
    reply = await chat.say("mijn collega Piet zag het")
    assert "Wanneer gebeurde het" in reply
    answers = await answers_of(app)
    assert "where" in answers and "when" not in answers
    assert answers["witnesses"] == "mijn man zag het ook; mijn collega Piet zag het"


async def test_a_bare_number_is_not_a_date(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja", "er was gedoe na de raadsvergadering", "klaar", "2", "in de hal")
    reply = await chat.say("1")
    assert say("when_unknown") in reply
    assert "when" not in await answers_of(app)


async def test_a_detail_before_the_pick_goes_with_the_pick(app: Weerbaar) -> None:
    chat = Chatter(app, "bram")
    await chat.say("hallo", "ja", "ik werd uitgescholden in de hal, gisteren om 20:00", "ja")
    await chat.say("weet ik niet", "niemand zag het", "nee")
    reply = await chat.say("ja, krassen op de deur")
    assert "Wat klopt" in reply
    reply = await chat.say("4")
    answers = await answers_of(app)
    assert answers["damage"] is True and answers["injury"] == ["geen"]
    assert answers["damage_detail"] == "krassen op de deur"
    assert "injury_detail" not in answers and not answers.get("impact_detail")
    assert "strafbaar" in reply
    assert "Schade: Ja (krassen op de deur)" in await chat.say("nee")
