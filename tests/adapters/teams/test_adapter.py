"""The Teams adapter over real HTTP on loopback, with the SDK's real token validation.

The bot's aiohttp app runs on a test server; tokens are signed by a fake issuer and the
replies land on a fake Bot Connector (tests/fakes/teams.py). Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import requests
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from adapters.teams.adapter import TeamsAdapter
from bot.ports import DeliveryError
from bot.text.catalogue import say
from dialogs.messages import (
    CardAction,
    Choice,
    ConversationKey,
    Inbound,
    Outbound,
    Question,
    Summary,
    SummaryRow,
)
from tests.fakes.teams import FakeBotConnector, FakeTokenIssuer, teams_fakes

APP_ID = "0b0b0b0b-1111-2222-3333-444444444444"
APP_PASSWORD = "test-secret-not-real"
TENANT = "72f988bf-0000-0000-0000-000000000001"
ANNA = ConversationKey("teams", TENANT, "aad-anna")
READ_TIMEOUT = 1.0  # seconds the server waits for a request body


class RecordingHandler:
    def __init__(self) -> None:
        self.inbound: list[Inbound] = []
        self.reply: Callable[[Inbound], list[Outbound]] = lambda i: [Outbound(f"ok {i.text}")]

    async def handle(self, inbound: Inbound) -> list[Outbound]:
        self.inbound.append(inbound)
        return self.reply(inbound)


class MemoryReferences:
    def __init__(self) -> None:
        self.saved: dict[ConversationKey, dict[str, object]] = {}

    async def save(self, key: ConversationKey, reference: dict[str, object]) -> None:
        self.saved[key] = reference

    async def load(self, key: ConversationKey) -> dict[str, object] | None:
        return self.saved.get(key)


@dataclass
class Bot:
    client: TestClient[Any, Any]
    adapter: TeamsAdapter
    handler: RecordingHandler
    references: MemoryReferences
    issuer: FakeTokenIssuer
    connector: FakeBotConnector

    async def post(
        self, activity: dict[str, Any], headers: dict[str, str] | None = None, **bad_token: Any
    ) -> Any:
        if headers is None:
            headers = self.issuer.auth_header(activity["serviceUrl"], **bad_token)
        return await self.client.post("/api/messages", json=activity, headers=headers)


@pytest.fixture
def fakes() -> Iterator[tuple[FakeTokenIssuer, FakeBotConnector]]:
    with teams_fakes(APP_ID, APP_PASSWORD, TENANT) as pair:
        yield pair


@pytest.fixture
async def bot(fakes: tuple[FakeTokenIssuer, FakeBotConnector]) -> AsyncIterator[Bot]:
    issuer, connector = fakes
    handler, references = RecordingHandler(), MemoryReferences()
    adapter = TeamsAdapter(
        app_id=APP_ID,
        app_password=APP_PASSWORD,
        tenant_id=TENANT,
        handler=handler,
        references=references,
        openid_metadata_url=issuer.openid_metadata_url,
        token_url=issuer.token_url,
        max_body_bytes=16 * 1024,
        max_file_bytes=1000,
        read_timeout=READ_TIMEOUT,
    )
    app = web.Application()
    adapter.add_routes(app)
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        yield Bot(client, adapter, handler, references, issuer, connector)


def message(service_url: str, text: str = "hallo", **extra: Any) -> dict[str, Any]:
    return {
        "type": "message",
        "id": f"1:{uuid.uuid4().hex}",
        "timestamp": "2026-11-29T10:00:00.000Z",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": "29:anna", "name": "Anna de Vries", "aadObjectId": "aad-anna"},
        "conversation": {"conversationType": "personal", "tenantId": TENANT, "id": "a:chat-1"},
        "recipient": {"id": f"28:{APP_ID}", "name": "Weerbaar"},
        "text": text,
        "locale": "nl-NL",
        "channelData": {"tenant": {"id": TENANT}},
        **extra,
    }


def card_of(body: dict[str, Any]) -> dict[str, Any]:
    (attachment,) = body["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    content: dict[str, Any] = attachment["content"]
    return content


async def test_message_reaches_handler_and_reply_reaches_connector(bot: Bot) -> None:
    activity = message(bot.connector.url, "Ik wil iets melden")
    response = await bot.post(activity)
    assert response.status == 201
    (inbound,) = bot.handler.inbound
    assert inbound.key == ANNA
    # the dedupe key: the activity id within its conversation (ids are unique per chat)
    digest = hashlib.sha256(b"a:chat-1").hexdigest()[:16]
    assert inbound.message_id == f"{activity['id']}@{digest}"
    assert inbound.text == "Ik wil iets melden"
    assert inbound.display_name == "Anna de Vries"
    (call,) = bot.connector.calls
    assert call.method == "POST"
    assert call.path == f"/v3/conversations/a:chat-1/activities/{activity['id']}"
    assert call.authorized
    assert call.body["type"] == "message"
    assert call.body["text"] == "ok Ik wil iets melden"
    assert call.body["replyToId"] == activity["id"]
    assert bot.references.saved[ANNA]["serviceUrl"] == bot.connector.url


async def test_choices_render_as_adaptive_card_and_picks_come_back(bot: Bot) -> None:
    bot.handler.reply = lambda i: [
        Outbound(
            "Ben je nu veilig?",
            choices=(Choice("ja", "Ja"), Choice("nee", "Nee")),
            summary=Summary("Je melding", (SummaryRow(1, "Wat", "Bedreiging"),)),
        )
    ]
    await bot.post(message(bot.connector.url))
    card = card_of(bot.connector.calls[0].body)
    assert card["version"] == "1.5" and "$schema" in card
    assert card["body"][0] == {"type": "TextBlock", "text": "Ben je nu veilig?", "wrap": True}
    assert {"type": "FactSet", "facts": [{"title": "1. Wat", "value": "Bedreiging"}]} in card[
        "body"
    ]
    assert [a["data"] for a in card["actions"]] == [{"choice": "ja"}, {"choice": "nee"}]
    assert all(a["type"] == "Action.Submit" for a in card["actions"])

    # Action.Submit comes back as a message whose value holds the data.
    await bot.post(message(bot.connector.url, text="", value={"choice": "nee"}))
    assert bot.handler.inbound[-1].choice == "nee"


async def test_buttons_say_which_question_they_answer(bot: Bot) -> None:
    asked = Question("damage", 7)
    bot.handler.reply = lambda i: [
        Outbound(
            "Is er schade?", choices=(Choice("ja", "Ja"), Choice("nee", "Nee")), question=asked
        ),
        Outbound("Wat?", choices=(Choice("a", "A"), Choice("b", "B")), multi=True, question=asked),
    ]
    await bot.post(message(bot.connector.url))
    buttons, choice_set = (card_of(c.body) for c in bot.connector.calls)
    stamp = {"step": "damage", "revision": 7}
    assert [a["data"] for a in buttons["actions"]] == [
        {"choice": "ja", "question": stamp},
        {"choice": "nee", "question": stamp},
    ]
    assert [a["data"] for a in choice_set["actions"]] == [{"question": stamp}]

    await bot.post(message(bot.connector.url, text="", value={"choice": "ja", "question": stamp}))
    assert (bot.handler.inbound[-1].choice, bot.handler.inbound[-1].question) == ("ja", asked)
    for odd in ({"step": 3, "revision": 7}, {"step": "x", "revision": True}, "damage@7", None):
        await bot.post(message(bot.connector.url, text="", value={"choice": "ja", "question": odd}))
        assert bot.handler.inbound[-1].question is None


async def test_multi_choice_uses_choice_set(bot: Bot) -> None:
    bot.handler.reply = lambda i: [
        Outbound("Wat is er gebeurd?", choices=(Choice("a", "A"), Choice("b", "B")), multi=True)
    ]
    await bot.post(message(bot.connector.url))
    card = card_of(bot.connector.calls[0].body)
    choice_set = card["body"][1]
    assert choice_set["type"] == "Input.ChoiceSet" and choice_set["isMultiSelect"] is True
    assert choice_set["id"] == "choice"
    assert [a["type"] for a in card["actions"]] == ["Action.Submit"]


async def test_outbound_card_is_sent_as_is(bot: Bot) -> None:
    own: dict[str, object] = {"type": "AdaptiveCard", "version": "1.5", "body": []}
    bot.handler.reply = lambda i: [Outbound("x", card=own)]
    await bot.post(message(bot.connector.url))
    assert card_of(bot.connector.calls[0].body) == own


@pytest.mark.parametrize(
    "bad",
    [
        {"expired": True},
        {"other_key": True},
        {"audience": "someone-else"},
        {"service_url": "http://127.0.0.1:1/"},
        {"issuer": "https://sts.windows.net/evil/"},
        {"kid": "unknown-kid"},
    ],
    ids=[
        "expired",
        "wrong-key",
        "other-audience",
        "other-serviceUrl",
        "other-issuer",
        "unknown-kid",
    ],
)
async def test_bad_tokens_are_401_and_never_reach_handler(bot: Bot, bad: dict[str, Any]) -> None:
    activity = message(bot.connector.url)
    service_url = bad.pop("service_url", activity["serviceUrl"])
    headers = bot.issuer.auth_header(service_url, **bad)
    response = await bot.post(activity, headers=headers)
    assert response.status == 401
    assert bot.handler.inbound == [] and bot.connector.calls == []


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer not.a.jwt"},
        {"Authorization": "Basic dXNlcjpwdw=="},
    ],
    ids=["missing", "empty-bearer", "garbage", "basic"],
)
async def test_missing_or_garbage_tokens_are_401(bot: Bot, headers: dict[str, str]) -> None:
    response = await bot.post(message(bot.connector.url), headers=headers)
    assert response.status == 401
    assert bot.handler.inbound == []


async def test_bad_input_is_4xx_not_500(bot: Bot) -> None:
    auth = bot.issuer.auth_header(bot.connector.url)
    for raw in (b"{nope", b"[1, 2]", b"\xff\xfe", b"{}", b'{"type": 7}'):
        response = await bot.client.post(
            "/api/messages", data=raw, headers={**auth, "Content-Type": "application/json"}
        )
        assert response.status == 400, raw
    too_big = message(bot.connector.url, "x" * 20_000)
    assert (await bot.post(too_big)).status == 413
    response = await bot.client.post(
        "/api/messages", data=b"hallo", headers={**auth, "Content-Type": "text/plain"}
    )
    assert response.status == 415
    assert bot.handler.inbound == []


async def test_action_execute_invoke_answers_200_with_handler_card(bot: Bot) -> None:
    answer: dict[str, object] = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [{"type": "TextBlock", "text": "done acknowledge"}],
    }
    bot.handler.reply = lambda i: [Outbound("", card=answer)]
    invoke = message(
        bot.connector.url,
        text="",
        type="invoke",
        name="adaptiveCard/action",
        replyToId="1:card-message",
        value={
            "action": {"type": "Action.Execute", "verb": "acknowledge", "data": {"case": "C-17"}},
            "trigger": "manual",
        },
    )
    response = await bot.post(invoke)
    assert response.status == 200
    body = await response.json()
    assert body == {
        "statusCode": 200,
        "type": "application/vnd.microsoft.card.adaptive",
        "value": {
            "type": "AdaptiveCard",
            "version": "1.5",
            "body": [{"type": "TextBlock", "text": "done acknowledge"}],
        },
    }
    # The press reached the turn handler as a neutral action, deduped on the invoke's id.
    (inbound,) = bot.handler.inbound
    digest = hashlib.sha256(b"a:chat-1").hexdigest()[:16]
    assert (inbound.key, inbound.message_id) == (ANNA, f"{invoke['id']}@{digest}")
    assert inbound.action == CardAction("acknowledge", {"case": "C-17"}, "1:card-message")


async def test_conversation_update_stores_reference_and_proactive_send_arrives(bot: Bot) -> None:
    update = message(
        bot.connector.url, text="", type="conversationUpdate", membersAdded=[{"id": f"28:{APP_ID}"}]
    )
    assert (await bot.post(update)).status == 201
    # The install itself goes to the turn handler (for the welcome), as an action.
    assert [(i.key, i.action) for i in bot.handler.inbound] == [(ANNA, CardAction("installed"))]
    before = len(bot.connector.calls)
    await bot.adapter.send(ANNA, Outbound("Je melding is doorgestuurd."))
    (call,) = bot.connector.calls[before:]
    assert (call.method, call.path) == ("POST", "/v3/conversations/a:chat-1/activities")
    assert call.body["text"] == "Je melding is doorgestuurd."
    assert call.body["conversation"]["id"] == "a:chat-1"
    assert call.body["from"]["id"] == f"28:{APP_ID}"
    assert call.authorized


async def test_an_install_in_a_personal_chat_is_welcomed_once(bot: Bot) -> None:
    bot.handler.reply = lambda i: [Outbound("Welkom")] if i.action else []
    installed = message(bot.connector.url, text="", type="installationUpdate", action="add")
    added = message(
        bot.connector.url, text="", type="conversationUpdate", membersAdded=[{"id": f"28:{APP_ID}"}]
    )
    for activity in (installed, added):
        assert (await bot.post(activity)).status == 201
    first, second = bot.handler.inbound
    assert first.message_id == second.message_id  # one install, one delivery id
    assert first.message_id.startswith("installed:") and len(first.message_id) <= 200
    assert [c.body["text"] for c in bot.connector.calls] == ["Welkom"] * 2  # the fake: no dedupe

    # Not an install of this bot in a personal chat: no welcome.
    others = [
        message(bot.connector.url, text="", type="installationUpdate", action="remove"),
        message(bot.connector.url, text="", type="installationUpdate", action="add-upgrade"),
        message(
            bot.connector.url, text="", type="conversationUpdate", membersAdded=[{"id": "29:x"}]
        ),
        message(bot.connector.url, text="", type="conversationUpdate"),
    ]
    team = message(bot.connector.url, text="", type="installationUpdate", action="add")
    team["conversation"]["conversationType"] = "channel"
    for activity in [*others, team]:
        assert (await bot.post(activity)).status == 201
    assert len(bot.handler.inbound) == 2


async def test_update_card_puts_in_place(bot: Bot) -> None:
    await bot.post(message(bot.connector.url))
    card: dict[str, object] = {"type": "AdaptiveCard", "version": "1.5", "body": []}
    await bot.adapter.send(ANNA, Outbound("", card=card, replaces="1:card-7"))
    call = bot.connector.calls[-1]
    assert (call.method, call.path) == ("PUT", "/v3/conversations/a:chat-1/activities/1:card-7")
    assert card_of(call.body) == card


async def test_send_returns_the_connector_id_as_receipt(bot: Bot) -> None:
    await bot.post(message(bot.connector.url))
    receipt = await bot.adapter.send(ANNA, Outbound("x"))
    assert receipt.message_id is not None and receipt.message_id.startswith("1:")


async def test_no_reference_is_delivery_error(bot: Bot) -> None:
    with pytest.raises(DeliveryError, match="no conversation reference"):
        await bot.adapter.send(ConversationKey("teams", TENANT, "aad-nobody"), Outbound("x"))


async def test_connector_429_gives_retry_after(bot: Bot) -> None:
    await bot.post(message(bot.connector.url))
    bot.connector.fail(429, retry_after="7")
    with pytest.raises(DeliveryError) as raised:
        await bot.adapter.send(ANNA, Outbound("x"))
    assert raised.value.retry_after == 7.0
    assert "429" in raised.value.reason
    assert len(bot.connector.calls) == 2  # no hidden retry inside msrest


async def test_connector_503_is_delivery_error(bot: Bot) -> None:
    await bot.post(message(bot.connector.url))
    bot.connector.fail(503)
    with pytest.raises(DeliveryError) as raised:
        await bot.adapter.send(ANNA, Outbound("x"))
    assert raised.value.retry_after is None


async def test_connector_down_is_delivery_error(bot: Bot) -> None:
    await bot.post(message(bot.connector.url))
    bot.connector.stop()
    with pytest.raises(DeliveryError, match="unreachable"):
        await bot.adapter.send(ANNA, Outbound("x"))


async def test_sent_file_is_downloaded(bot: Bot) -> None:
    bot.connector.files["bewijs.pdf"] = b"%PDF-1.7 small"
    bot.connector.attachments["img-1"] = b"\x89PNG tiny"
    activity = message(
        bot.connector.url,
        "kijk",
        attachments=[
            {
                "contentType": "application/vnd.microsoft.teams.file.download.info",
                "name": "bewijs.pdf",
                "content": {
                    "downloadUrl": f"{bot.connector.url}files/bewijs.pdf",
                    "uniqueId": "u1",
                    "fileType": "pdf",
                },
            },
            {
                "contentType": "image/png",
                "contentUrl": f"{bot.connector.url}v3/attachments/img-1/views/original",
            },
            {"contentType": "text/html", "content": "<p>kijk</p>"},
        ],
    )
    assert (await bot.post(activity)).status == 201
    (inbound,) = bot.handler.inbound
    pdf, image = inbound.attachments
    assert (pdf.filename, pdf.content_type, pdf.data) == (
        "bewijs.pdf",
        "application/pdf",
        b"%PDF-1.7 small",
    )
    assert (image.content_type, image.data) == ("image/png", b"\x89PNG tiny")
    downloads = {d.path: d.authorized for d in bot.connector.downloads}
    assert downloads == {"/files/bewijs.pdf": False, "/v3/attachments/img-1/views/original": True}


async def test_too_large_file_is_skipped_with_notice(bot: Bot) -> None:
    bot.connector.files["groot.mp4"] = b"x" * 5000
    activity = message(
        bot.connector.url,
        "",
        attachments=[
            {
                "contentType": "application/vnd.microsoft.teams.file.download.info",
                "name": "groot.mp4",
                "content": {"downloadUrl": f"{bot.connector.url}files/groot.mp4"},
            },
        ],
    )
    await bot.post(activity)
    assert bot.handler.inbound == []
    (call,) = bot.connector.calls
    assert call.body["text"] == say("file_too_large", size="4,9 kB", limit="1000 bytes")


async def test_group_chat_gets_group_notice(bot: Bot) -> None:
    activity = message(bot.connector.url)
    activity["conversation"]["conversationType"] = "groupChat"
    await bot.post(activity)
    assert bot.handler.inbound == []
    assert bot.connector.calls[0].body["text"] == say("group_not_supported")


async def test_handler_error_gives_apology(bot: Bot) -> None:
    def broken(inbound: Inbound) -> list[Outbound]:
        raise RuntimeError("boom")

    bot.handler.reply = broken
    assert (await bot.post(message(bot.connector.url))).status == 201
    assert bot.connector.calls[0].body["text"] == say("sorry_error")


async def test_clients_and_token_are_reused_across_turns(bot: Bot) -> None:
    for _ in range(3):
        await bot.post(message(bot.connector.url))
    await asyncio.sleep(0)
    assert bot.issuer.token_requests == 1
    assert len({c.client_port for c in bot.connector.calls}) == 1  # one kept-alive connection


async def test_slow_turn_is_acknowledged_and_finishes_after(bot: Bot) -> None:
    bot.adapter._ack_after = 0.05  # the constructor's ack_after, shortened for the test
    release = asyncio.Event()

    async def slow(inbound: Inbound) -> list[Outbound]:
        await release.wait()
        return [Outbound("klaar")]

    bot.handler.handle = slow  # type: ignore[method-assign]
    response = await bot.post(message(bot.connector.url))
    assert response.status == 201 and bot.connector.calls == []
    release.set()
    calls = await asyncio.to_thread(bot.connector.wait_for, 1)
    assert calls[0].body["text"] == "klaar"


async def test_retry_after_as_http_date(bot: Bot) -> None:
    await bot.post(message(bot.connector.url))
    bot.connector.fail(429, retry_after="Wed, 21 Oct 2099 07:28:00 GMT")
    with pytest.raises(DeliveryError) as raised:
        await bot.adapter.send(ANNA, Outbound("x"))
    assert raised.value.retry_after is not None and raised.value.retry_after > 1e6


async def test_create_conversation_shape_of_fake(
    fakes: tuple[FakeTokenIssuer, FakeBotConnector],
) -> None:
    # The fake answers POST /v3/conversations like the real service, for proactive 1:1s.
    issuer, connector = fakes
    token = (
        await asyncio.to_thread(
            requests.post,
            issuer.token_url,
            data={
                "grant_type": "client_credentials",
                "client_id": APP_ID,
                "client_secret": APP_PASSWORD,
                "scope": "https://api.botframework.com/.default",
            },
            timeout=5,
        )
    ).json()["access_token"]
    answer = await asyncio.to_thread(
        requests.post,
        f"{connector.url}v3/conversations",
        json={
            "isGroup": False,
            "bot": {"id": f"28:{APP_ID}"},
            "members": [{"id": "29:anna"}],
            "tenantId": TENANT,
        },
        headers={"Authorization": f"Bearer {token}"},
        timeout=5,
    )
    assert answer.status_code == 201
    assert set(answer.json()) == {"id", "activityId", "serviceUrl"}
    assert connector.calls[0].path == "/v3/conversations"


ODD_SHAPES: list[tuple[str, dict[str, Any]]] = [
    ("no id", {"id": None}),
    ("text is a number", {"text": 12}),
    ("attachments is a string", {"attachments": "x"}),
    ("attachment without content type", {"attachments": [{"name": "a"}]}),
    ("from without aad id", {"from": {"id": "29:x"}}),
    ("conversation missing", {"conversation": None}),
    ("value is a list", {"value": [1, 2]}),
    ("typing", {"type": "typing"}),
    ("message reaction", {"type": "messageReaction", "reactionsAdded": [{"type": "like"}]}),
    ("unknown invoke", {"type": "invoke", "name": "something/else", "value": {}}),
    (
        "action without verb",
        {
            "type": "invoke",
            "name": "adaptiveCard/action",
            "value": {"action": {"type": "Action.Execute"}},
        },
    ),
]


@pytest.mark.parametrize(("label", "change"), ODD_SHAPES, ids=[s[0] for s in ODD_SHAPES])
async def test_odd_activities_with_a_valid_token_never_get_a_500(
    bot: Bot, label: str, change: dict[str, Any]
) -> None:
    activity = {**message(bot.connector.url), **change}
    response = await bot.post(activity)
    assert response.status < 500, label


# -- input hardening: every bad input is a 4xx or skipped with one warning -----------------


async def post_raw(bot: Bot, body: bytes, headers: dict[str, str]) -> int:
    response = await bot.client.post(
        "/api/messages", data=body, headers={**headers, "Content-Type": "application/json"}
    )
    return int(response.status)


@pytest.mark.parametrize("depth", [100, 5000])
async def test_deeply_nested_json_is_400_with_or_without_a_token(bot: Bot, depth: int) -> None:
    # 5000 deep makes Python's decoder raise RecursionError (not a ValueError); 100 deep
    # would decode, but nothing a channel sends nests that deep.
    activity = json.dumps(message(bot.connector.url, value="@deep@"))
    deep = activity.replace('"@deep@"', "[" * depth + "]" * depth).encode()
    for headers in (bot.issuer.auth_header(bot.connector.url), {"Authorization": "Bearer x"}):
        assert await post_raw(bot, deep, headers) == 400
    assert bot.handler.inbound == []


ODD_SERVICE_URLS = [
    "http://example.invalid/",  # plain http to something that is not loopback
    "https://bücher.invalid/",
    "https://user:pw@127.0.0.1/",
    "https://127.0.0.1:99999/",
    "http://[::1/",
    "javascript:alert(1)",
    "not a url",
    "https://127.0.0.1/\x00/",
    "ftp://127.0.0.1/",
]


@pytest.mark.parametrize("service_url", ODD_SERVICE_URLS)
async def test_an_odd_service_url_is_400_even_with_a_token_issued_for_it(
    bot: Bot, service_url: str
) -> None:
    response = await bot.post(message(service_url), headers=bot.issuer.auth_header(service_url))
    assert response.status == 400
    assert bot.handler.inbound == [] and bot.connector.calls == []


def _with(activity: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    *parents, last = path.split(".")
    node = activity
    for name in parents:
        node = node[name]
    node[last] = value
    return activity


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("conversation.id", "a:" + "x" * 300),  # longer than the String(200) columns
        ("id", "1:" + "9" * 200),
        ("from.id", "29:an\x00na"),  # PostgreSQL refuses NUL in text
        ("from.aadObjectId", "aad-\ud800"),  # a lone surrogate cannot be encoded
        ("channelData", {"tenant": {"id": "t" * 201}}),
        ("channelData", {"tenant": {"id": "\x00"}}),
        ("channelId", "msteams\n"),
        ("replyToId", "r" * 201),
    ],
)
async def test_ids_that_cannot_be_stored_are_400(bot: Bot, path: str, value: object) -> None:
    activity = _with(message(bot.connector.url), path, value)
    assert (await bot.post(activity)).status == 400
    assert bot.handler.inbound == []


async def test_lone_surrogates_and_nul_in_text_are_cleaned_before_the_core(bot: Bot) -> None:
    sender = {"id": "29:anna", "name": "An\udc00na", "aadObjectId": "aad-anna"}
    activity = message(bot.connector.url, "hal\ud800lo\x00!", **{"from": sender})
    assert (await bot.post(activity)).status == 201
    (inbound,) = bot.handler.inbound
    assert inbound.text == "hal\ufffdlo!"
    assert inbound.display_name == "An\ufffdna"


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "http://[::1/x.jpg",
        "file:///etc/passwd",
        "http://example.invalid/x.jpg",
        "https://ü.invalid/x.jpg",
        "https://127.0.0.1:99999/x.jpg",
        "//127.0.0.1/x.jpg",
    ],
)
async def test_attachment_urls_that_are_not_https_urls_are_skipped_with_one_warning(
    bot: Bot, caplog: pytest.LogCaptureFixture, url: str
) -> None:
    activity = message(
        bot.connector.url,
        "foto",
        attachments=[
            {
                "contentType": "application/vnd.microsoft.teams.file.download.info",
                "name": "a.jpg",
                "content": {"downloadUrl": url},
            },
            {"contentType": "image/png", "contentUrl": url},
        ],
    )
    with caplog.at_level(logging.INFO):
        assert (await bot.post(activity)).status == 201
    (inbound,) = bot.handler.inbound
    assert inbound.attachments == () and bot.connector.downloads == []
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == ["skipped an attachment whose URL is not an https URL"] * 2
    assert not any(r.exc_info for r in caplog.records)


async def test_a_body_that_stalls_is_cut_off_with_408(bot: Bot) -> None:
    assert bot.client.port is not None
    reader, writer = await asyncio.open_connection("127.0.0.1", bot.client.port)
    auth = bot.issuer.auth_header(bot.connector.url)["Authorization"]
    writer.write(
        b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + f"Authorization: {auth}\r\nContent-Length: 500\r\n\r\n".encode()
        + b'{"type": "mess'  # ... and the rest never comes
    )
    try:
        async with asyncio.timeout(READ_TIMEOUT + 3):
            answer = await reader.read(1024)
    finally:
        writer.close()
    assert answer.startswith(b"HTTP/1.1 408")
    assert bot.handler.inbound == []
