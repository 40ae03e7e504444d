"""The handler works the case in Teams, end to end over the fakes on loopback: "Bekijk
melding" brings the whole case into the handler's own chat (never a team channel, whose
card carries no content), the nine steps are ticked from the card and survive a restart,
"afspraak politie" stops the police reminders, and the acknowledge card's party toggles
say who is informed."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from adapters.teams.cards import card_text
from bot.domain.audit import AuditAction
from bot.domain.deadlines import DeadlineKind
from bot.text.catalogue import say
from tests.chat import report_lines
from tests.conftest import AppFactory, FakeClock
from tests.e2e import test_teams_e2e as teams_e2e
from tests.e2e.test_teams_e2e import (
    ADAPTIVE,
    TEAM_CHANNEL,
    Bot,
    Cast,
    Person,
    card_ids,
    card_in,
    cast,
    enrol,
    link_team_channel,
    start,
    team_calls,
)
from tests.fakes.teams import ConnectorCall, FakeBotConnector, FakeTokenIssuer

fakes, bot = teams_e2e.fakes, teams_e2e.bot  # the Teams e2e fixtures

STORY = "Hij schold me uit bij de ingang."


async def report_case(people: Cast, criminal: bool = False) -> str:
    lines = report_lines(what=STORY)
    if criminal:
        lines[-1] = "ja"  # the last question: might it be a crime?
    assert "Jouw melding" in await people.rita.say(*lines)
    done = await people.rita.say("verstuur")
    assert "Je kenmerk is WB-" in done
    return "WB-" + done.split("Je kenmerk is WB-", 1)[1][:6]


async def view(person: Person, reference: str, **where: Any) -> list[ConnectorCall]:
    """Press "Bekijk melding" (an Action.Submit: its data comes as a message's value);
    returns the calls the connector got for it."""
    before = len(person.bot.connector.calls)
    activity = person.activity(value={"verb": "view_case", "reference": reference}, **where)
    assert (await person.bot.post(activity)).status == 201
    return person.bot.connector.calls[before:]


def the_card(calls: list[ConnectorCall]) -> dict[str, Any]:
    (call,) = [c for c in calls if c.body and c.body.get("attachments")]
    return card_in(call)


def executes(card: Any, verb: str) -> list[dict[str, Any]]:
    """Every Action.Execute with `verb` anywhere on the card (forms and ActionSets too)."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "Action.Execute" and node.get("verb") == verb:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found


async def execute(
    person: Person, action: dict[str, Any], inputs: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Press an Action.Execute as Teams sends it (the form's inputs merged into its data);
    returns the card the invoke answers with."""
    invoke = person.activity(
        "invoke",
        name="adaptiveCard/action",
        replyToId="1:pressed-card",
        value={
            "action": {
                "type": "Action.Execute",
                "verb": action["verb"],
                "data": {**action["data"], **(inputs or {})},
            },
            "trigger": "manual",
        },
    )
    response = await person.bot.post(invoke)
    assert response.status == 200
    body = await response.json()
    assert body["type"] == ADAPTIVE
    card: dict[str, Any] = body["value"]
    return card


async def test_bekijk_melding_brings_the_whole_case_into_the_handlers_own_chat(
    bot: Bot,
) -> None:
    people = await cast(bot)
    await link_team_channel(bot, people.gerrit)
    reference = await report_case(people)
    before = len(bot.connector.calls)
    await bot.deliver()

    # The team channel's card, as it goes over the wire: no story, no names, no button
    # that would show them.
    (team_post,) = team_calls(bot, before)
    wire = json.dumps(team_post.body, ensure_ascii=False)
    for secret in ("schold", "ingang", "Rita", "Gemeentehuis", "view_case", "send_evidence"):
        assert secret not in wire
    assert reference in wire

    calls = await view(people.gerrit, reference)
    assert all(c.path.startswith(f"/v3/conversations/{people.gerrit.chat}/") for c in calls)
    card = the_card(calls)
    assert card["version"] == "1.5"
    text = card_text(card)
    for shown in (reference, STORY, "Rita de Raad", "Gemeentehuis", say("card_steps")):
        assert shown in text
    # The nine steps, each with its button while open.
    assert len(executes(card, "tick_step")) >= 9

    # A griffier of another organisation is refused, and that is audited.
    await enrol(bot.app, "Zeger Zeist", "aad-zeger", "griffier", org="zeist")
    zeger = Person(bot, "Zeger Zeist", "aad-zeger")
    await zeger.install()
    refused = card_text(the_card(await view(zeger, reference)))
    assert say("card_refused_title") in refused and STORY not in refused

    # Pressed where others see it (a team channel): nothing of the case goes there.
    channel_calls = await view(
        people.gerrit, reference, conversation=TEAM_CHANNEL, conversation_type="channel"
    )
    assert STORY not in json.dumps([c.body for c in channel_calls], ensure_ascii=False)

    async with bot.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        entries = [(e.action, e.actor_name) for e in await tx.audit.for_case(case.id)]
    assert (AuditAction.VIEW, "Gerrit Griffioen") in entries
    assert (AuditAction.REFUSED, "Zeger Zeist") in entries


async def test_steps_ticked_from_the_card_survive_a_restart_and_stop_the_police_reminders(
    make_app: AppFactory,
    sqlite_url: str,
    fakes: tuple[FakeTokenIssuer, FakeBotConnector],
    clock: FakeClock,
) -> None:
    app, client = await start(make_app, sqlite_url, fakes)
    first = Bot(app, client, *fakes)
    people = await cast(first)
    reference = await report_case(people, criminal=True)
    await first.deliver()
    copies = await card_ids(first, reference)
    assert (await people.gerrit.press(copies["aad-gerrit"], reference)).status == 200

    card = the_card(await view(people.gerrit, reference))
    (appointment,) = [a for a in executes(card, "tick_step") if a["data"]["step"] == "3"]
    after = await execute(people.gerrit, appointment)
    assert "✓ 3." in card_text(after) and "Gedaan door Gerrit Griffioen" in card_text(after)
    # Step 4 records what was filed: its buttons are the choice.
    filed = [a for a in executes(after, "tick_step") if a["data"]["step"] == "4"]
    assert {a["data"]["value"] for a in filed} == {"melding", "aangifte"}
    (aangifte,) = [a for a in filed if a["data"]["value"] == "aangifte"]
    after = await execute(people.gerrit, aangifte)
    assert "✓ 4." in card_text(after)
    await client.close()

    # A new app on the same database: the ticks are there, with who did them.
    app, client = await start(make_app, sqlite_url, fakes)
    second = Bot(app, client, *fakes)
    people.gerrit.bot = second
    try:
        text = card_text(the_card(await view(people.gerrit, reference)))
        assert "✓ 3." in text and "✓ 4." in text and "Gedaan door Gerrit Griffioen" in text

        async with app.store.transaction() as tx:
            case = await tx.cases.case_by_reference(reference)
            assert case is not None
            police = [d for d in await tx.deadlines.deadlines(case.id) if d.kind == "police"]
        assert len(police) == 1 and police[0].done_at is not None

        # Time runs past the police deadline: no police reminder reaches anyone.
        before = len(second.connector.calls)
        until = clock.now + timedelta(days=5)
        while clock.now < until:
            clock.now = min(until, clock.now + timedelta(hours=1))
            while await app.sweeper.run_once():
                pass
            while await second.deliver():
                pass
        reminded = {
            action["data"]["deadline"]
            for call in second.connector.calls[before:]
            for attachment in (call.body or {}).get("attachments") or []
            for action in attachment.get("content", {}).get("actions", [])
            if action.get("verb") == "deadline_done"
        }
        assert reminded  # reminders do go out (the measures' deadline) ...
        assert DeadlineKind.POLICE not in reminded  # ... but none for the police
    finally:
        await client.close()


async def test_the_acknowledge_card_lists_the_parties_and_sends_the_kept_ones(bot: Bot) -> None:
    people = await cast(bot)
    reference = await report_case(people)
    before = len(bot.connector.calls)
    await bot.deliver()
    (call,) = people.gerrit.received(before)
    card = card_in(call)
    toggles = [b for b in card["body"] if b.get("type") == "Input.Toggle"]
    assert toggles and all(t["value"] == t["valueOn"] for t in toggles)  # on by default
    values = {t["id"]: t["valueOn"] for t in toggles}
    assert "burgemeester" in values.values()

    # Gerrit switches the burgemeester off and takes the case in hand.
    kept = {i: ("" if v == "burgemeester" else v) for i, v in values.items()}
    (take,) = executes(card, "acknowledge")
    answer = await execute(people.gerrit, take, kept)
    assert "In behandeling bij Gerrit Griffioen" in card_text(answer)

    before = len(bot.connector.calls)
    await bot.deliver()
    assert people.bert.received(before) == []  # the burgemeester was not kept
    async with bot.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        entries = [e.action for e in await tx.audit.for_case(case.id)]
    assert AuditAction.ACKNOWLEDGE in entries


def form_inputs(card: Any, verb: str) -> dict[str, dict[str, Any]]:
    """The inputs of the ShowCard form whose button has `verb`, by id."""
    for action in card.get("actions", []):
        if action.get("type") == "Action.ShowCard" and executes(action["card"], verb):
            return {
                b["id"]: b for b in action["card"]["body"] if b.get("type", "").startswith("Input.")
            }
    raise AssertionError(f"no form for {verb}")


async def test_the_response_and_closing_forms_work_the_case_and_tell_the_reporter(
    bot: Bot,
) -> None:
    people = await cast(bot)
    reference = await report_case(people)
    await bot.deliver()
    card = the_card(await view(people.gerrit, reference))

    # Closing before anyone took the case in hand is refused, and the griffier keeps the
    # case card (refreshed), the refusal in its status line with what to do next.
    (close,) = executes(card, "close_case")
    refused = await execute(people.gerrit, close, {"no_response": "pleger_onbekend"})
    refused_text = card_text(refused)
    assert say("card_refused_title") not in refused_text
    assert say("card_details_title", reference=reference) in refused_text
    assert STORY in refused_text and executes(refused, "close_case")
    status = refused["body"][1]
    assert status["color"] == "Attention"
    assert say("close_refused_not_acknowledged", reference=reference) in status["text"]

    copies = await card_ids(bot, reference)
    assert (await people.gerrit.press(copies["aad-gerrit"], reference)).status == 200
    card = the_card(await view(people.gerrit, reference))
    inputs = form_inputs(card, "record_response")
    assert inputs["response"]["type"] == "Input.ChoiceSet"
    assert inputs["until"]["type"] == "Input.Date"
    assert inputs["damages"]["type"] == "Input.Toggle"
    assert inputs["response_note"]["type"] == "Input.Text"
    offered = {c["value"] for c in inputs["response"]["choices"]}
    assert {"schriftelijke_waarschuwing", "incidentgesprek", "herstelgesprek"} <= offered

    (record,) = executes(card, "record_response")
    until = (bot.app.clock() + timedelta(days=60)).date().isoformat()
    answer = await execute(
        people.gerrit,
        record,
        {
            "response": "maatregelen",
            "measure": "contactafspraken",
            "until": until,
            "damages": "true",
            "response_note": "Intern: gebeld met de fractievoorzitter.",
        },
    )
    text = card_text(answer)
    assert say("card_responses") in text and "Schade verhaald" in text
    async with bot.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        kinds = {d.kind for d in await tx.deadlines.deadlines(case.id)}
    assert DeadlineKind.RECOVERY_TALK in kinds  # the end date plans the herstelgesprek

    before = len(bot.connector.calls)
    await bot.deliver()
    # The reporter's news comes as a small card: the kind, the end date, the damages.
    (news,) = [card_in(c) for c in people.rita.received(before) if c.body.get("attachments")]
    told = card_text(news)
    assert say("card_progress_title", reference=reference) in told
    assert "er gelden regels voor de persoon" in told.lower()
    assert say("reporter_progress_damages") in told and "actions" not in news
    assert "fractievoorzitter" not in told and "Gerrit" not in told  # never the note

    (close,) = executes(answer, "close_case")
    closed = await execute(people.gerrit, close)
    assert say("card_closed_title", reference=reference) in card_text(closed)
    # No more forms; only the evaluation the closing asks for (issue 12).
    assert [a["data"]["verb"] for a in closed["actions"]] == ["evaluate"]
    before = len(bot.connector.calls)
    await bot.deliver()
    (news,) = [card_in(c) for c in people.rita.received(before) if c.body.get("attachments")]
    assert say("card_progress_closed_title", reference=reference) in card_text(news)
