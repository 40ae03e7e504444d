"""Whole reports and case handling over Teams: the real app factory and web app, the real
Teams adapter with the SDK's token validation, a fake token issuer and a fake Bot Connector
(tests/fakes/teams.py), all over real HTTP on loopback."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func, select

from adapters.http import build_web_app
from adapters.teams.cards import card_text
from bot.app import Weerbaar
from bot.text.catalogue import say
from dialogs.messages import ConversationKey
from storage.tables import (
    answers,
    case_events,
    conversations,
    inbound_seen,
    outbox,
    teams_conversations,
)
from tests.chat import report_lines
from tests.conftest import AppFactory, FakeClock
from tests.fakes.teams import ConnectorCall, FakeBotConnector, FakeTokenIssuer, teams_fakes
from tests.people import enrol as enrol_person

APP_ID = "5e5e5e5e-1111-2222-3333-444444444444"
APP_PASSWORD = "e2e-secret-not-real"
TENANT = "72f988bf-0000-0000-0000-0000000000e2"
TEAM_CHANNEL = "19:amersfoort-meldingen@thread.tacv2"
ADAPTIVE = "application/vnd.microsoft.card.adaptive"
RITA_KEY = ConversationKey("teams", TENANT, "aad-rita")


@pytest.fixture
def fakes() -> Iterator[tuple[FakeTokenIssuer, FakeBotConnector]]:
    with teams_fakes(APP_ID, APP_PASSWORD, TENANT) as pair:
        yield pair


@dataclass
class Bot:
    """The running service as Teams sees it: its web app, its database, the fakes."""

    app: Weerbaar
    client: TestClient[Any, Any]
    issuer: FakeTokenIssuer
    connector: FakeBotConnector

    async def post(self, activity: dict[str, Any], **bad_token: Any) -> Any:
        headers = self.issuer.auth_header(activity["serviceUrl"], **bad_token)
        return await self.client.post("/api/messages", json=activity, headers=headers)

    async def deliver(self) -> int:
        """One outbox round, as the scheduler runs it."""
        return await self.app.outbox.run_once()

    async def count(self, table: Any, *where: Any) -> int:
        async with self.app.db.connect() as conn:
            return int(
                (
                    await conn.execute(select(func.count()).select_from(table).where(*where))
                ).scalar_one()
            )


async def start(
    make_app: AppFactory, url: str, fakes: tuple[FakeTokenIssuer, FakeBotConnector]
) -> tuple[Weerbaar, TestClient[Any, Any]]:
    issuer, _connector = fakes
    app = await make_app(url, demo=False, **issuer.settings())
    client: TestClient[Any, Any] = TestClient(TestServer(build_web_app(app), host="127.0.0.1"))
    await client.start_server()
    return app, client


@pytest.fixture
async def bot(
    make_app: AppFactory, sqlite_url: str, fakes: tuple[FakeTokenIssuer, FakeBotConnector]
) -> AsyncIterator[Bot]:
    app, client = await start(make_app, sqlite_url, fakes)
    yield Bot(app, client, *fakes)
    await client.close()


class Person:
    """Someone with Teams: their personal chat with the bot, and what arrived in it."""

    def __init__(self, bot: Bot, name: str, aad: str) -> None:
        self.bot, self.name, self.aad = bot, name, aad
        self.chat = f"a:chat-{aad}"

    def activity(
        self,
        kind: str = "message",
        *,
        conversation: str | None = None,
        conversation_type: str = "personal",
        **extra: Any,
    ) -> dict[str, Any]:
        return {
            "type": kind,
            "id": f"1:{uuid.uuid4().hex}",
            "timestamp": "2026-11-25T09:00:00.000Z",
            "serviceUrl": self.bot.connector.url,
            "channelId": "msteams",
            "from": {"id": f"29:{self.aad}", "name": self.name, "aadObjectId": self.aad},
            "conversation": {
                "conversationType": conversation_type,
                "tenantId": TENANT,
                "id": conversation or self.chat,
            },
            "recipient": {"id": f"28:{APP_ID}", "name": "Weerbaar"},
            "locale": "nl-NL",
            "channelData": {"tenant": {"id": TENANT}},
            **extra,
        }

    async def install(self) -> None:
        """The app is added to their personal scope: Teams sends a conversationUpdate."""
        update = self.activity("conversationUpdate", membersAdded=[{"id": f"28:{APP_ID}"}])
        assert (await self.bot.post(update)).status == 201

    def received(self, since: int = 0) -> list[ConnectorCall]:
        prefix = f"/v3/conversations/{self.chat}/activities"
        return [c for c in self.bot.connector.calls[since:] if c.path.startswith(prefix)]

    async def say(self, *lines: str) -> str:
        """Type each line; returns what the bot answered to the last one."""
        answer = ""
        for line in lines:
            before = len(self.bot.connector.calls)
            response = await self.bot.post(self.activity(text=line))
            assert response.status == 201
            answer = "\n".join(text_of(c) for c in self.received(before))
        return answer

    async def say_value(self, value: dict[str, Any]) -> str:
        """Press an Action.Submit button: Teams sends its data as a message's value."""
        before = len(self.bot.connector.calls)
        response = await self.bot.post(self.activity(value=value))
        assert response.status == 201
        return "\n".join(text_of(c) for c in self.received(before))

    async def press(
        self,
        card_message_id: str,
        reference: str,
        conversation: str | None = None,
        conversation_type: str = "personal",
    ) -> Any:
        invoke = self.activity(
            "invoke",
            name="adaptiveCard/action",
            replyToId=card_message_id,
            conversation=conversation,
            conversation_type=conversation_type,
            value={
                "action": {
                    "type": "Action.Execute",
                    "verb": "acknowledge",
                    "data": {"reference": reference},
                },
                "trigger": "manual",
            },
        )
        return await self.bot.post(invoke)


def delivery_key(activity: dict[str, Any]) -> str:
    """The dedupe key the bot stores: the activity id within its conversation."""
    digest = hashlib.sha256(activity["conversation"]["id"].encode()).hexdigest()[:16]
    return f"{activity['id']}@{digest}"


def text_of(call: ConnectorCall) -> str:
    body = call.body or {}
    parts = [body.get("text") or ""]
    for attachment in body.get("attachments") or []:
        if attachment.get("contentType") == ADAPTIVE:
            parts.append(card_text(attachment["content"]))
    return "\n".join(p for p in parts if p)


def card_in(call: ConnectorCall) -> dict[str, Any]:
    (attachment,) = call.body["attachments"]
    assert attachment["contentType"] == ADAPTIVE
    card: dict[str, Any] = attachment["content"]
    return card


async def enrol(app: Weerbaar, name: str, aad: str, role: str, org: str = "amersfoort") -> int:
    return await enrol_person(app, name, (role, org), aad=aad)


@dataclass
class Cast:
    rita: Person  # gemeenteraadslid: reports
    gerrit: Person  # griffier: handles
    greet: Person  # griffier too: a second copy of the card
    bert: Person  # burgemeester: informed
    piet: Person  # wethouder: may not acknowledge


async def cast(bot: Bot) -> Cast:
    people = Cast(
        rita=Person(bot, "Rita de Raad", "aad-rita"),
        gerrit=Person(bot, "Gerrit Griffioen", "aad-gerrit"),
        greet=Person(bot, "Greet Groen", "aad-greet"),
        bert=Person(bot, "Bert Burger", "aad-bert"),
        piet=Person(bot, "Piet Wever", "aad-piet"),
    )
    for person, role in (
        (people.rita, "gemeenteraadslid"),
        (people.gerrit, "griffier"),
        (people.greet, "griffier"),
        (people.bert, "burgemeester"),
        (people.piet, "wethouder"),
    ):
        await enrol(bot.app, person.name, person.aad, role)
    for person in (people.gerrit, people.greet, people.bert, people.piet):
        await person.install()
    return people


async def link_team_channel(bot: Bot, by: Person) -> str:
    """The bot is added to a team; a griffier links the channel with "koppel Amersfoort"."""
    channel = f"{TEAM_CHANNEL};messageid=1700000000000"
    added = by.activity(
        "conversationUpdate",
        conversation=TEAM_CHANNEL,
        conversation_type="channel",
        membersAdded=[{"id": f"28:{APP_ID}"}],
    )
    assert (await bot.post(added)).status == 201
    before = len(bot.connector.calls)
    message = by.activity(
        text="<at>Weerbaar</at> koppel Amersfoort",
        conversation=channel,
        conversation_type="channel",
    )
    assert (await bot.post(message)).status == 201
    (reply,) = bot.connector.calls[before:]
    assert reply.path.startswith(f"/v3/conversations/{channel}/activities/")
    return str(reply.body["text"])


async def report(person: Person, what: str = "Hij schold me uit.") -> str:
    """A whole report in Teams, typed; returns the case reference."""
    assert "Jouw melding" in await person.say(*report_lines(what=what))
    done = await person.say("verstuur")
    assert "Je kenmerk is WB-" in done
    return "WB-" + done.split("Je kenmerk is WB-", 1)[1][:6]


def team_calls(bot: Bot, since: int = 0) -> list[ConnectorCall]:
    return [
        c
        for c in bot.connector.calls[since:]
        if c.path.startswith(f"/v3/conversations/{TEAM_CHANNEL}/")
    ]


async def card_ids(bot: Bot, reference: str) -> dict[str, str]:
    """recipient -> message id of each copy of the case's card."""
    async with bot.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        return {c.recipient: c.message_id for c in await tx.conversations.cards_of(case.id)}


# -- the whole story ----------------------------------------------------------------------


async def test_report_card_acknowledge_refresh_and_notices(
    make_app: AppFactory, database_url: str, fakes: tuple[FakeTokenIssuer, FakeBotConnector]
) -> None:
    app, client = await start(make_app, database_url, fakes)
    bot = Bot(app, client, *fakes)
    try:
        people = await cast(bot)
        assert "gekoppeld aan Gemeente Amersfoort" in await link_team_channel(bot, people.gerrit)

        reference = await report(people.rita)
        async with app.store.transaction() as tx:
            case = await tx.cases.case_by_reference(reference)
        assert case is not None and case.status == "submitted" and case.channel == "teams"

        # The handlers' cards and the team channel's card go out through the outbox.
        before = len(bot.connector.calls)
        assert await bot.deliver() == 3
        for handler in (people.gerrit, people.greet):
            (call,) = handler.received(before)
            assert (call.method, call.authorized) == ("POST", True)
            card = card_in(call)
            assert card["version"] == "1.5"
            action, view = card["actions"]
            assert action == {
                "type": "Action.Execute",
                "title": say("card_acknowledge"),
                "verb": "acknowledge",
                "data": {"reference": reference},
                "style": "positive",
            }
            assert view == {
                "type": "Action.Submit",
                "title": say("card_view_case"),
                "data": {"verb": "view_case", "reference": reference},
            }
            assert reference in card_text(card) and "gemeenteraadslid" in card_text(card)
        (team_post,) = team_calls(bot, before)
        assert team_post.path == f"/v3/conversations/{TEAM_CHANNEL}/activities"
        team_text = card_text(card_in(team_post))
        assert reference in team_text and "Amersfoort" in team_text
        for secret in ("schold", "Rita", "Gemeentehuis", "Gerrit"):  # no narrative, no names
            assert secret not in team_text
        copies = await card_ids(bot, reference)
        assert set(copies) == {"aad-gerrit", "aad-greet", "org:amersfoort"}

        # Gerrit takes it in hand: the invoke is answered with the refreshed card.
        response = await people.gerrit.press(copies["aad-gerrit"], reference)
        assert response.status == 200
        body = await response.json()
        assert body["statusCode"] == 200 and body["type"] == ADAPTIVE
        refreshed = body["value"]
        assert "In behandeling bij Gerrit Griffioen sinds" in card_text(refreshed)
        # No "In behandeling nemen" any more; "Bekijk melding" stays.
        assert [a["title"] for a in refreshed["actions"]] == [say("card_view_case")]

        # The other copies are updated in place; the reporter and the informed hear of it.
        before = len(bot.connector.calls)
        assert await bot.deliver() == 4
        puts = [c for c in bot.connector.calls[before:] if c.method == "PUT"]
        assert sorted(c.path for c in puts) == sorted(
            [
                f"/v3/conversations/{people.greet.chat}/activities/{copies['aad-greet']}",
                f"/v3/conversations/{TEAM_CHANNEL}/activities/{copies['org:amersfoort']}",
            ]
        )
        for put in puts:
            text = card_text(card_in(put))
            if TEAM_CHANNEL in put.path:
                assert "In behandeling sinds" in text and "Gerrit" not in text
            else:
                assert "In behandeling bij Gerrit Griffioen sinds" in text
        (to_rita,) = people.rita.received(before)
        assert to_rita.method == "POST"
        assert to_rita.body["text"].startswith(
            f"Je melding {reference} is in behandeling bij Gerrit Griffioen sinds"
        )
        (to_bert,) = people.bert.received(before)
        assert (
            to_bert.body["text"].startswith("Ter informatie") and reference in to_bert.body["text"]
        )
        assert "Rita" not in to_bert.body["text"] and "schold" not in to_bert.body["text"]
        assert people.gerrit.received(before) == []  # his own card was the invoke answer
        assert people.piet.received(before) == []

        async with app.store.transaction() as tx:
            case = await tx.cases.case_by_reference(reference)
        assert case is not None and case.status == "acknowledged"
        assert case.acknowledged_by == "Gerrit Griffioen"
    finally:
        await client.close()


async def test_reachable_after_install_and_first_contact(bot: Bot) -> None:
    await enrol(bot.app, "Gerrit Griffioen", "aad-gerrit", "griffier")
    await enrol(bot.app, "Nina Nooit", "aad-nina", "griffier")
    gerrit = Person(bot, "Gerrit Griffioen", "aad-gerrit")
    await gerrit.install()
    async with bot.app.store.transaction() as tx:
        people = {p.name: p for p in await tx.people.everyone()}
    assert [i.reachable for i in people["Gerrit Griffioen"].identities] == [True]
    assert [i.reachable for i in people["Nina Nooit"].identities] == [False]
    # The stored reference carries no display name.
    async with bot.app.store.transaction() as tx:
        stored = await tx.people.reference("teams", "aad", "aad-gerrit")
    assert stored is not None and "name" not in stored["user"]

    # Someone who installs before being enrolled is reachable once enrolled.
    late = Person(bot, "Laura Laat", "aad-laura")
    await late.install()
    await enrol(bot.app, "Laura Laat", "aad-laura", "griffier")
    async with bot.app.store.transaction() as tx:
        await tx.outbox.enqueue("teams", "", "aad-laura", {"text": "Welkom"}, bot.app.clock())
    assert await bot.deliver() == 1
    assert late.received()[-1].body["text"] == "Welkom"


async def test_not_a_handler_is_refused_and_nothing_changes(bot: Bot) -> None:
    people = await cast(bot)
    await enrol(bot.app, "Sien Secretaris", "aad-sien", "gemeentesecretaris")
    sien = Person(bot, "Sien Secretaris", "aad-sien")
    reference = await report(people.rita)
    await bot.deliver()
    copies = await card_ids(bot, reference)
    rows_before = await bot.count(outbox)
    events_before = await bot.count(case_events)

    for outsider in (people.piet, sien, people.rita):  # wethouder, other function, reporter
        response = await outsider.press(copies["aad-gerrit"], reference)
        assert response.status == 200
        card = (await response.json())["value"]
        assert say("card_refused_title") in card_text(card)
        assert say("ack_refused", handler="de griffier", org="Gemeente Amersfoort") in (
            card_text(card)
        )
        assert "actions" not in card

    async with bot.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
    assert case is not None and case.status == "submitted" and case.acknowledged_by is None
    assert await bot.count(outbox) == rows_before
    assert await bot.count(case_events) == events_before


async def test_two_presses_make_one_acknowledgement(bot: Bot) -> None:
    people = await cast(bot)
    reference = await report(people.rita)
    await bot.deliver()
    copies = await card_ids(bot, reference)
    assert (await people.gerrit.press(copies["aad-gerrit"], reference)).status == 200
    rows_after_first = await bot.count(outbox)

    again = await people.gerrit.press(copies["aad-gerrit"], reference)
    other = await people.greet.press(copies["aad-greet"], reference)
    for response in (again, other):
        assert response.status == 200
        text = card_text((await response.json())["value"])
        assert "In behandeling bij Gerrit Griffioen sinds" in text
    assert await bot.count(outbox) == rows_after_first
    assert await bot.count(case_events, case_events.c.kind == "acknowledged") == 1


# -- authentication and bad input ---------------------------------------------------------


async def _nothing_stored(bot: Bot) -> None:
    assert await bot.count(inbound_seen) == 0
    assert await bot.count(conversations) == 0
    assert await bot.count(teams_conversations) == 0
    async with bot.app.store.transaction() as tx:
        assert await tx.people.reference("teams", "aad", "aad-rita") is None
    assert bot.connector.calls == []


@pytest.mark.parametrize(
    "bad",
    [
        {"expired": True},
        {"other_key": True},
        {"audience": "another-bot"},
        {"service_url": "http://127.0.0.1:9/"},
    ],
    ids=["expired", "wrongly-signed", "other-audience", "other-serviceUrl"],
)
async def test_bad_tokens_are_401_and_change_nothing(bot: Bot, bad: dict[str, Any]) -> None:
    await enrol(bot.app, "Rita de Raad", "aad-rita", "gemeenteraadslid")
    rita = Person(bot, "Rita de Raad", "aad-rita")
    activity = rita.activity(text="hallo")
    service_url = bad.pop("service_url", activity["serviceUrl"])
    headers = bot.issuer.auth_header(service_url, **bad)
    response = await bot.client.post("/api/messages", json=activity, headers=headers)
    assert response.status == 401
    await _nothing_stored(bot)


async def test_missing_token_malformed_json_and_oversized_body(bot: Bot) -> None:
    await enrol(bot.app, "Rita de Raad", "aad-rita", "gemeenteraadslid")
    rita = Person(bot, "Rita de Raad", "aad-rita")
    activity = rita.activity(text="hallo")
    assert (await bot.client.post("/api/messages", json=activity)).status == 401
    auth = bot.issuer.auth_header(bot.connector.url)
    malformed = await bot.client.post(
        "/api/messages",
        data=b'{"type": "message", "text": ',
        headers={**auth, "Content-Type": "application/json"},
    )
    assert malformed.status == 400
    oversized = rita.activity(text="x" * 300_000)
    assert (await bot.post(oversized)).status == 413
    await _nothing_stored(bot)


async def test_health_and_readiness(bot: Bot) -> None:
    assert (await bot.client.get("/healthz")).status == 200
    assert (await (await bot.client.get("/readyz")).json()) == {"status": "ready"}


# -- redelivery ---------------------------------------------------------------------------


async def test_the_same_activity_twice_is_one_answer(bot: Bot) -> None:
    await enrol(bot.app, "Rita de Raad", "aad-rita", "gemeenteraadslid")
    rita = Person(bot, "Rita de Raad", "aad-rita")
    await rita.say("hallo")
    safe = rita.activity(text="ja")
    before = len(bot.connector.calls)
    assert (await bot.post(safe)).status == 201
    answered = len(rita.received(before))
    assert answered >= 1
    # Teams resends an activity whose answer took too long: same id, same content.
    assert (await bot.post(safe)).status == 201
    assert len(rita.received(before)) == answered  # no second answer
    assert await bot.count(inbound_seen, inbound_seen.c.message_id == delivery_key(safe)) == 1
    assert await bot.count(answers, answers.c.field == "safe") == 1


# -- delivery: 429, connector down, restart -----------------------------------------------


async def test_429_then_200_is_delivered_once_after_the_wait(bot: Bot, clock: FakeClock) -> None:
    await enrol(bot.app, "Gerrit Griffioen", "aad-gerrit", "griffier")
    gerrit = Person(bot, "Gerrit Griffioen", "aad-gerrit")
    await gerrit.install()
    welcomed = len(bot.connector.calls)  # the welcome is not part of this
    async with bot.app.store.transaction() as tx:
        await tx.outbox.enqueue("teams", "", "aad-gerrit", {"text": "Nieuwe melding"}, clock())
    bot.connector.fail(429, retry_after="7")

    assert await bot.deliver() == 0
    assert len(gerrit.received(welcomed)) == 1  # the refused attempt
    clock.advance(seconds=5)
    assert await bot.deliver() == 0  # Retry-After is 7 s: not yet
    assert len(gerrit.received(welcomed)) == 1
    clock.advance(seconds=2)
    assert await bot.deliver() == 1
    assert [c.body["text"] for c in gerrit.received(welcomed)] == ["Nieuwe melding"] * 2
    assert await bot.deliver() == 0  # once
    async with bot.app.store.transaction() as tx:
        assert await tx.outbox.pending_for("teams", "aad-gerrit") == []


async def test_connector_down_keeps_the_message_across_a_restart(
    make_app: AppFactory,
    sqlite_url: str,
    fakes: tuple[FakeTokenIssuer, FakeBotConnector],
    clock: FakeClock,
) -> None:
    issuer, connector = fakes
    app, client = await start(make_app, sqlite_url, fakes)
    bot = Bot(app, client, issuer, connector)
    await enrol(app, "Gerrit Griffioen", "aad-gerrit", "griffier")
    gerrit = Person(bot, "Gerrit Griffioen", "aad-gerrit")
    await gerrit.install()
    async with app.store.transaction() as tx:
        await tx.outbox.enqueue("teams", "", "aad-gerrit", {"text": "Nieuwe melding"}, clock())

    connector.stop()
    assert await bot.deliver() == 0
    clock.advance(minutes=20)
    assert await bot.deliver() == 0
    async with app.store.transaction() as tx:
        (pending,) = await tx.outbox.pending_for("teams", "aad-gerrit")
    assert pending.attempts == 2

    # The service restarts (same database), the connector comes back.
    await client.close()
    await app.close()
    connector.restart()
    app, client = await start(make_app, sqlite_url, fakes)
    bot = Bot(app, client, issuer, connector)
    try:
        clock.advance(minutes=20)
        assert await bot.deliver() == 1
        (delivered,) = [
            c
            for c in connector.calls
            if c.path.startswith(f"/v3/conversations/{gerrit.chat}/activities")
            and c.method == "POST"
            and (c.body or {}).get("text") == "Nieuwe melding"
        ]
        assert delivered.authorized
        assert await bot.deliver() == 0
    finally:
        await client.close()


async def test_a_card_sent_after_the_case_was_taken_shows_who_has_it(bot: Bot) -> None:
    from bot.cases.acknowledge import acknowledge_case

    people = await cast(bot)
    reference = await report(people.rita)
    async with bot.app.store.transaction() as tx:  # taken in hand elsewhere (text, CLI)
        gerrit = await tx.people.find_person_id("teams", "aad", "aad-gerrit")
        await acknowledge_case(tx, gerrit, reference, bot.app.clock())
    before = len(bot.connector.calls)
    await bot.deliver()
    (to_greet,) = [c for c in people.greet.received(before) if c.body.get("attachments")]
    card = card_in(to_greet)
    assert "In behandeling bij Gerrit Griffioen sinds" in card_text(card)
    assert [a["verb"] for a in card["actions"] if "verb" in a] == []  # nothing to take


async def test_a_reply_the_connector_refuses_mid_turn_is_kept_and_sent_later(
    bot: Bot, clock: FakeClock
) -> None:
    await enrol(bot.app, "Rita Raadslid", "aad-rita", "gemeenteraadslid")
    rita = Person(bot, "Rita Raadslid", "aad-rita")
    await rita.install()
    bot.connector.fail(503, times=10)
    before = len(bot.connector.calls)
    response = await bot.post(rita.activity(text="hallo"))
    assert response.status == 201  # the turn is stored; Teams must not resend it
    async with bot.app.store.transaction() as tx:
        kept = await tx.outbox.pending_for("teams", "aad-rita")
    assert len(kept) == 1 and "Ben je nu veilig" in kept[0].payload["text"]
    assert "1. Ja" in kept[0].payload["text"]  # the choices travel as a numbered list

    bot.connector.clear_failures()  # the connector is back
    clock.advance(minutes=1)
    assert await bot.deliver() == 1
    texts = [text_of(c) for c in rita.received(before) if c.method == "POST"]
    assert any("Ben je nu veilig" in t for t in texts)
    # the answer to the question still works as a typed "1"
    assert "Wat is er gebeurd" in await rita.say("1")


# -- card presses go through the turn handler ---------------------------------------------


async def test_a_press_that_raises_in_the_core_gets_the_apology_card_and_200(
    bot: Bot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.cases import actions

    people = await cast(bot)
    reference = await report(people.rita, what="Hij schold me uit ZQXpressMARKER.")
    await bot.deliver()
    copies = await card_ids(bot, reference)
    rows_before = await bot.count(outbox)

    async def broken(tx: Any, ctx: Any) -> Any:
        # Half the work done, then a failure: the write must be rolled back.
        case = await tx.cases.case_by_reference(reference)
        assert await tx.cases.acknowledge(case.id, ctx.person.id, bot.app.clock())
        raise RuntimeError("the database went away")

    monkeypatch.setitem(actions.ACTIONS, "acknowledge", broken)
    caplog.set_level("DEBUG")
    response = await people.gerrit.press(copies["aad-gerrit"], reference)

    assert response.status == 200
    body = await response.json()
    assert body["statusCode"] == 200 and body["type"] == ADAPTIVE
    assert say("sorry_not_saved") in card_text(body["value"])  # it was rolled back
    # Logged with its traceback, by ids only: no reference, no name, no report content.
    (failed,) = [r for r in caplog.records if r.getMessage().startswith("turn failed")]
    assert failed.exc_info is not None
    for secret in (reference, "ZQXpressMARKER", "Gerrit", "Griffioen", "aad-gerrit"):
        assert secret not in caplog.text
    # Nothing was kept: not the case, not the delivery (a resend is processed afresh).
    async with bot.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
    assert case is not None and case.status == "submitted" and case.acknowledged_by is None
    assert await bot.count(outbox) == rows_before

    monkeypatch.undo()
    assert (await people.gerrit.press(copies["aad-gerrit"], reference)).status == 200
    async with bot.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
    assert case is not None and case.acknowledged_by == "Gerrit Griffioen"


async def test_a_redelivered_press_is_processed_once(bot: Bot) -> None:
    people = await cast(bot)
    reference = await report(people.rita)
    await bot.deliver()
    copies = await card_ids(bot, reference)
    invoke = people.gerrit.activity(
        "invoke",
        name="adaptiveCard/action",
        replyToId=copies["aad-gerrit"],
        value={
            "action": {
                "type": "Action.Execute",
                "verb": "acknowledge",
                "data": {"reference": reference},
            },
            "trigger": "manual",
        },
    )
    first = await bot.post(invoke)
    assert first.status == 200
    assert "In behandeling bij Gerrit Griffioen sinds" in card_text((await first.json())["value"])
    rows_after_first = await bot.count(outbox)
    events_after_first = await bot.count(case_events)

    # Teams resends an invoke whose answer took too long: the same activity id.
    again = await bot.post(invoke)
    assert again.status == 200
    body = await again.json()
    assert body == {
        "statusCode": 200,
        "type": "application/vnd.microsoft.activity.message",
        "value": say("card_press_again"),
    }  # the card is left as the first answer drew it
    assert await bot.count(outbox) == rows_after_first
    assert await bot.count(case_events) == events_after_first
    assert await bot.count(inbound_seen, inbound_seen.c.message_id == delivery_key(invoke)) == 1
    assert await bot.count(case_events, case_events.c.kind == "acknowledged") == 1


async def test_a_redelivered_team_channel_link_is_answered_once(bot: Bot) -> None:
    people = await cast(bot)
    message = people.gerrit.activity(
        text="<at>Weerbaar</at> koppel Amersfoort",
        conversation=f"{TEAM_CHANNEL};messageid=1700000000001",
        conversation_type="channel",
    )
    before = len(bot.connector.calls)
    assert (await bot.post(message)).status == 201
    assert (await bot.post(message)).status == 201
    (reply,) = bot.connector.calls[before:]
    assert "gekoppeld aan Gemeente Amersfoort" in reply.body["text"]
    assert await bot.count(inbound_seen, inbound_seen.c.message_id == delivery_key(message)) == 1


async def test_a_team_channel_reply_the_connector_refuses_goes_to_the_outbox(
    bot: Bot, clock: FakeClock
) -> None:
    people = await cast(bot)
    thread = f"{TEAM_CHANNEL};messageid=1700000000002"
    message = people.gerrit.activity(
        text="<at>Weerbaar</at> koppel Amersfoort", conversation=thread, conversation_type="channel"
    )
    bot.connector.fail(503, times=10)
    assert (await bot.post(message)).status == 201  # not 500: the link is stored
    async with bot.app.store.transaction() as tx:
        (kept,) = await tx.outbox.pending_for("teams", thread)
    assert "gekoppeld aan Gemeente Amersfoort" in kept.payload["text"]

    bot.connector.clear_failures()
    clock.advance(minutes=1)
    before = len(bot.connector.calls)
    assert await bot.deliver() == 1
    (sent,) = bot.connector.calls[before:]
    assert sent.path == f"/v3/conversations/{thread}/activities"
    assert "gekoppeld aan Gemeente Amersfoort" in sent.body["text"]


async def test_the_same_activity_id_in_two_conversations_is_two_messages(bot: Bot) -> None:
    # Teams activity ids are unique within a conversation only: the dedupe key has both.
    await enrol(bot.app, "Rita de Raad", "aad-rita", "gemeenteraadslid")
    await enrol(bot.app, "Ria Raadslid", "aad-ria", "gemeenteraadslid")
    rita = Person(bot, "Rita de Raad", "aad-rita")
    ria = Person(bot, "Ria Raadslid", "aad-ria")
    first, second = rita.activity(text="hallo"), ria.activity(text="hallo")
    second["id"] = first["id"]
    for person, activity in ((rita, first), (ria, second)):
        before = len(bot.connector.calls)
        assert (await bot.post(activity)).status == 201
        assert person.received(before), f"{person.name} got no answer"
    assert await bot.count(inbound_seen) == 2


# -- stale buttons ------------------------------------------------------------------------


def buttons(call: ConnectorCall) -> dict[str, dict[str, Any]]:
    """title -> the data an Action.Submit button of the card in `call` sends back."""
    return {a["title"]: a["data"] for a in card_in(call).get("actions", [])}


async def test_a_press_on_an_earlier_question_is_refused_and_changes_nothing(bot: Bot) -> None:
    await enrol(bot.app, "Rita de Raad", "aad-rita", "gemeenteraadslid")
    rita = Person(bot, "Rita de Raad", "aad-rita")
    await rita.install()
    before = len(bot.connector.calls)
    await rita.say("hallo")
    (safety_card,) = [c for c in rita.received(before) if c.body.get("attachments")]
    safe_yes = buttons(safety_card)["Ja"]
    assert safe_yes["choice"] == "ja" and safe_yes["question"]["step"] == "safe"

    # Pressing the current card's button answers it.
    assert "Wat is er gebeurd" in await rita.say_value(safe_yes)
    lines = report_lines()
    impact = len(lines) - 2  # then the last question: might it be a crime?
    await rita.say(*lines[2:impact])
    before = len(bot.connector.calls)
    await rita.say(lines[impact])  # now at "Denk je dat het strafbaar is?"
    (criminal_card,) = [c for c in rita.received(before) if c.body.get("attachments")]
    assert say("ask_criminal") in text_of(criminal_card)
    await rita.say("misschien")  # not understood: the same question again
    async with bot.app.store.transaction() as tx:
        state_before = await tx.dialogs.load_state(RITA_KEY)
    assert state_before is not None and state_before.step == "criminal"
    answers_before = dict(state_before.answers)
    rows_before = await bot.count(answers)

    # "Ja" on the first card (safety), pressed at "Is het strafbaar?": refused, nothing stored.
    answered = await rita.say_value(safe_yes)
    assert answered.startswith(say("stale_press"))
    assert say("ask_criminal") in answered  # the open question is asked again
    async with bot.app.store.transaction() as tx:
        state = await tx.dialogs.load_state(RITA_KEY)
    assert state is not None
    assert (state.step, state.revision, state.answers) == (
        state_before.step,
        state_before.revision,
        answers_before,
    )
    assert "criminal" not in state.answers
    assert await bot.count(answers) == rows_before

    # The open question's own card still works, also after the re-ask.
    assert "Jouw melding" in await rita.say_value(buttons(criminal_card)[say("criminal_ja")])
    async with bot.app.store.transaction() as tx:
        state = await tx.dialogs.load_state(RITA_KEY)
    assert state is not None and state.answers["criminal"] == "ja"


# -- install ------------------------------------------------------------------------------


async def test_an_install_is_welcomed_once_and_a_handler_hears_cases_arrive_here(
    bot: Bot,
) -> None:
    await enrol(bot.app, "Gerrit Griffioen", "aad-gerrit", "griffier")
    await enrol(bot.app, "Rita de Raad", "aad-rita", "gemeenteraadslid")
    gerrit = Person(bot, "Gerrit Griffioen", "aad-gerrit")
    rita = Person(bot, "Rita de Raad", "aad-rita")
    stranger = Person(bot, "Onbekend", "aad-onbekend")
    for person in (gerrit, rita, stranger):
        # Teams sends both for one install, in either order.
        assert (await bot.post(person.activity("installationUpdate", action="add"))).status == 201
        await person.install()

    (to_gerrit,) = [text_of(c) for c in gerrit.received()]
    assert to_gerrit.startswith(say("welcome")) and say("welcome_handler") in to_gerrit
    assert say("welcome_reporter") not in to_gerrit
    (to_rita,) = [text_of(c) for c in rita.received()]
    assert to_rita == f"{say('welcome')}\n\n{say('welcome_reporter')}"
    (to_stranger,) = [text_of(c) for c in stranger.received()]
    assert to_stranger == say("unknown_sender")
    # The welcome starts no report and stores no dialog.
    assert await bot.count(conversations, conversations.c.flow.is_not(None)) == 0

    # After the welcome, a first message starts the report as ever.
    assert "veilig" in await rita.say("hallo")


async def test_every_card_has_a_text_fallback_and_a_summary(bot: Bot) -> None:
    people = await cast(bot)
    await link_team_channel(bot, people.gerrit)
    reference = await report(people.rita)
    await bot.deliver()
    copies = await card_ids(bot, reference)
    pressed = await people.gerrit.press(copies["aad-gerrit"], reference)
    while await bot.deliver():
        pass

    with_cards = [c for c in bot.connector.calls if (c.body or {}).get("attachments")]
    assert len(with_cards) >= 12  # the report's questions, the review, the case cards
    for call in with_cards:
        card = card_in(call)
        assert call.body["summary"].strip() and "\n" not in call.body["summary"]
        assert card["fallbackText"].strip()
    answer = (await pressed.json())["value"]
    assert "In behandeling bij Gerrit Griffioen" in answer["fallbackText"]
    # The team channel's card names no one, nor does its summary or fallback.
    for call in team_calls(bot):
        if call.body.get("attachments"):
            for secret in ("Rita", "schold", "Gerrit"):
                assert secret not in call.body["summary"] + card_in(call)["fallbackText"]


# -- every reply arrives, in order (issue 10) ----------------------------------------------


async def test_five_queued_replies_arrive_in_the_order_written_also_across_a_restart(
    make_app: AppFactory,
    sqlite_url: str,
    fakes: tuple[FakeTokenIssuer, FakeBotConnector],
    clock: FakeClock,
) -> None:
    issuer, connector = fakes
    app, client = await start(make_app, sqlite_url, fakes)
    bot = Bot(app, client, issuer, connector)
    people = await cast(bot)
    assert "Jouw melding" in await people.rita.say(*report_lines())

    connector.stop()  # the connector goes down just as she sends the report
    response = await bot.post(people.rita.activity(text="verstuur"))
    assert response.status == 201  # the turn is stored; Teams must not resend it
    async with app.store.transaction() as tx:
        queued = [i.payload["text"] for i in await tx.outbox.pending_for("teams", "aad-rita")]
    assert len(queued) >= 5 and "Je kenmerk is WB-" in queued[0]
    for _ in range(6):  # rounds while it is down: every try fails, each with its backoff
        clock.advance(seconds=45)
        await bot.deliver()

    # The service restarts (same database) and the connector comes back.
    await client.close()
    await app.close()
    connector.restart()
    app, client = await start(make_app, sqlite_url, fakes)
    bot = Bot(app, client, issuer, connector)
    try:
        before = len(connector.calls)
        clock.advance(minutes=20)
        while await bot.deliver():
            pass
        texts = [text_of(c) for c in people.rita.received(before) if c.method == "POST"]
        assert texts == queued  # each once, in the order written
        async with app.store.transaction() as tx:
            assert await tx.outbox.pending_for("teams", "aad-rita") == []
        # the handlers' cards went out too, in their own conversations
        assert len(people.gerrit.received(before)) == 1
    finally:
        await client.close()


async def test_a_crash_between_commit_and_send_leaves_the_replies_for_the_outbox(
    bot: Bot, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from adapters.teams import adapter as teams_adapter

    people = await cast(bot)
    assert "Jouw melding" in await people.rita.say(*report_lines())
    sent_before = len(bot.connector.calls)

    async def killed(*args: Any) -> None:
        raise asyncio.CancelledError  # the process is stopped while the reply is on its way

    monkeypatch.setattr(teams_adapter, "post_reply", killed)
    verstuur = people.rita.activity(text="verstuur")
    try:
        await bot.post(verstuur)
    except Exception:
        pass  # the connection went with the turn
    monkeypatch.undo()
    assert people.rita.received(sent_before) == []  # nothing reached her
    async with bot.app.store.transaction() as tx:
        [case] = [c for c in await tx.cases.list_cases() if c.status == "submitted"]
        queued = [i.payload["text"] for i in await tx.outbox.pending_for("teams", "aad-rita")]
    assert queued and "Je kenmerk is WB-" in queued[0]

    # Teams resends the activity: the same id. No second case, no second reply.
    assert (await bot.post(verstuur)).status == 201
    assert people.rita.received(sent_before) == []
    async with bot.app.store.transaction() as tx:
        assert [c.id for c in await tx.cases.list_cases() if c.status == "submitted"] == [case.id]
    # While the replies are leased to the turn, the worker leaves them; then it delivers
    # them, once, in order.
    await bot.deliver()
    assert await _rita_texts(bot, people, sent_before) == []
    clock.advance(seconds=61)
    while await bot.deliver():
        pass
    assert await _rita_texts(bot, people, sent_before) == queued
    clock.advance(minutes=20)
    assert await bot.deliver() == 0


async def _rita_texts(bot: Bot, people: Cast, since: int) -> list[str]:
    return [text_of(c) for c in people.rita.received(since) if c.method == "POST"]
