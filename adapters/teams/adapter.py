"""Microsoft Teams channel: botbuilder 4.17.1 CloudAdapter behind an aiohttp route.

Every botbuilder import of the project lives in `adapters/teams/`, so that moving to
the Microsoft 365 Agents SDK is this package's work only. The request handler here does
the HTTP checks itself (content type, size, JSON) and calls the SDK's
`process_activity` rather than `CloudAdapter.process`, because 4.17.1's `process`
serialises an invoke response body that is already a dict (HTTP 500 for every
Action.Execute) and surfaces bad tokens as 500.

Conversation references are keyed by `ConversationKey("teams", tenant, user)`: the
person's AAD object id in a personal chat, the conversation id in a group chat or team
channel. Message text and card contents are never logged; activity ids and types are.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import requests
from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ConversationReference,
)
from botbuilder.schema import Attachment as CardAttachment
from botframework.connector.auth import EmulatorValidation
from msrest.exceptions import ClientRequestError, HttpOperationError

from adapters.base import preceded_by, retry_after_seconds, send_replies
from adapters.inputs import BadInput, clean_text, load_json
from adapters.teams.actions import (
    FILE_CONSENT_INVOKE,
    channel_line,
    consent_inbound,
    install_inbound,
    press_inbound,
    press_response,
    submit_inbound,
)
from adapters.teams.cards import (
    ADAPTIVE_CARD,
    card_for,
    card_summary,
    error_response,
    needs_card,
    picked_choice,
    picked_question,
)
from adapters.teams.files import Oversized, download, file_refs, upload_file
from adapters.teams.keys import conversation_key, without_names
from adapters.teams.sdk import (
    AppToken,
    CachingAuthentication,
    ConnectorClients,
    CredentialsFactory,
    Settings,
    TokenError,
    stale_openid_metadata,
)
from adapters.teams.wire import delivery_id, message_content, post_reply, well_formed
from bot.ports import ConversationReferences, DeliveryError, Receipt, ReplyOutbox, TurnHandler
from bot.text.catalogue import say
from bot.text.format import human_size
from bot.turns import KeyedLocks
from dialogs.messages import Attachment, ConversationKey, Inbound, Outbound

log = logging.getLogger(__name__)

CHANNEL_OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
_CARD_ACTION = "adaptiveCard/action"
_EXPIRY_MARGIN = 60.0  # seconds: a remembered token is dropped this long before it expires
_VALIDATED_MAX = 10_000  # remembered tokens and references; emptied when full
_MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)  # the bot's @mention


class TeamsAdapter:
    """The Teams channel: an aiohttp route for the Bot Framework, and proactive sends.

    `send` is every proactive send (the outbox's Teams channel, adapters/teams/runtime.py,
    calls it). Build it from plain settings; `openid_metadata_url`
    and `token_url` exist so tests can point the SDK at loopback fakes.
    """

    name = "teams"

    def __init__(
        self,
        *,
        app_id: str,
        app_password: str,
        tenant_id: str,
        handler: TurnHandler,
        references: ConversationReferences,
        openid_metadata_url: str = CHANNEL_OPENID_METADATA_URL,
        token_url: str | None = None,
        max_body_bytes: int = 256 * 1024,
        read_timeout: float = 10.0,
        max_file_bytes: int = 10 * 1024 * 1024,
        submit_label: str = "OK",
        ack_after: float = 10.0,
        replies: ReplyOutbox | None = None,
    ) -> None:
        if not (app_id and app_password and tenant_id):
            raise ValueError("Teams needs app_id, app_password and tenant_id; one is empty.")
        token_url = token_url or (
            f"https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token"
        )
        self._app_id = app_id
        self._openid_url = openid_metadata_url
        self._handler = handler
        self._references = references
        self._max_body = max_body_bytes
        self._read_timeout = read_timeout
        self._max_file = max_file_bytes
        self._submit_label = submit_label
        self._ack_after = ack_after
        self._replies = replies
        # One conversation's turn and the sending of its replies, one at a time: the next
        # turn then finds the earlier replies sent and may send its own at once.
        self._conversations = KeyedLocks()
        self._token = AppToken(app_id, app_password, token_url)
        credentials = CredentialsFactory(app_id, self._token)
        self._connectors = ConnectorClients(credentials.credentials)
        settings = Settings(app_id, app_password, tenant_id, openid_metadata_url, token_url)
        self._auth = CachingAuthentication(
            ConfigurationBotFrameworkAuthentication(settings, credentials_factory=credentials),
            self._connectors,
        )
        self._cloud = CloudAdapter(self._auth)
        self._session: aiohttp.ClientSession | None = None
        self._running: set[asyncio.Task[Any]] = set()
        self._validated: dict[tuple[str, str, str], tuple[Any, float]] = {}
        self._saved_references: dict[ConversationKey, object] = {}

    # --- wiring -----------------------------------------------------------------------

    def add_routes(self, app: web.Application, path: str = "/api/messages") -> None:
        """Register `POST path` on `app`, and closing this adapter on app cleanup."""
        app.router.add_post(path, self.handle_request)
        app.on_cleanup.append(lambda _app: self.close())

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
        return self._session

    async def close(self) -> None:
        """Wait for turns still running, then close HTTP sessions and clients."""
        if self._running:
            await asyncio.wait(self._running, timeout=30)
        await self._connectors.close()
        if self._session is not None:
            await self._session.close()

    # --- inbound HTTP -----------------------------------------------------------------

    async def handle_request(self, request: web.Request) -> web.StreamResponse:
        """`POST /api/messages`: check, authenticate, run the turn. Bad input is never 500."""
        if request.content_type != "application/json":
            return _status(415)
        if request.content_length is not None and request.content_length > self._max_body:
            return _status(413)
        try:
            async with asyncio.timeout(self._read_timeout):
                body = await self._read_body(request)
        except TimeoutError:
            log.warning("request body not received within %.1f s: cut off", self._read_timeout)
            return _status(408)
        except (ConnectionError, HttpProcessingError) as error:  # gone, or broken framing
            log.info("request body unreadable: %s", type(error).__name__)
            return _status(400)
        if body is None:
            return _status(413)
        auth_header = request.headers.get("Authorization", "")
        if not auth_header:
            return _status(401)
        try:
            data = load_json(body, max_bytes=self._max_body)
        except BadInput as error:
            log.info("refused a request body: %s", error)
            return _status(400)
        if not isinstance(data, dict) or not isinstance(data.get("type"), str):
            return _status(400)
        try:
            activity = Activity().deserialize(data)
        except Exception:  # msrest raises DeserializationError and others on odd shapes
            return _status(400)
        if not well_formed(activity):
            return _status(400)
        try:
            auth = await self._authenticate(activity, auth_header)
        except requests.RequestException as error:
            log.error("OpenID metadata unavailable: %s", type(error).__name__)
            return _status(503)
        except Exception as error:  # jwt, PermissionError, IndexError (unknown kid), ...
            log.info("refused activity %s: %s", activity.id, type(error).__name__)
            return _status(401)
        log.debug("activity %s type %s", activity.id, activity.type)
        turn = asyncio.create_task(self._cloud.process_activity(auth, activity, self._on_turn))
        self._running.add(turn)
        turn.add_done_callback(self._finished)
        is_invoke = activity.type == ActivityTypes.invoke
        # Teams resends a request that takes 15 s; a slow message turn is acknowledged and
        # finishes in the background (the app dedupes on the message id).
        done, _ = await asyncio.wait({turn}, timeout=None if is_invoke else self._ack_after)
        if not done:
            log.warning("activity %s still running; acknowledged", activity.id)
            return web.Response(status=201)
        if turn.exception() is not None:
            return _status(500)
        result: InvokeResponse | None = turn.result()
        if result is None:
            return web.Response(status=201)
        # The 4.17.1 defect is serialising this body again; it is already plain JSON.
        if result.body is None:
            return web.Response(status=int(result.status))
        return web.json_response(result.body, status=int(result.status))

    async def _read_body(self, request: web.Request) -> bytes | None:
        """The whole body, or None once it is past the size limit."""
        body = bytearray()
        async for chunk in request.content.iter_chunked(64 * 1024):
            body.extend(chunk)
            if len(body) > self._max_body:
                return None
        return bytes(body)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._running.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("turn failed", exc_info=task.exception())

    async def _authenticate(self, activity: Any, auth_header: str) -> Any:
        if EmulatorValidation.is_token_from_emulator(auth_header):
            raise PermissionError("emulator tokens are not accepted")
        # The SDK fetches OpenID metadata with blocking `requests` when its daily cache is
        # stale; do that in a thread rather than on the event loop.
        metadata = stale_openid_metadata(self._openid_url)
        if metadata is not None:
            await asyncio.to_thread(asyncio.run, metadata._refresh())
        # The channel sends the same token with every request for about an hour, and the
        # SDK decodes it five times a request: remember a validated token until it expires,
        # for the same serviceUrl and channel only.
        cache_key = (auth_header, activity.service_url, activity.channel_id)
        cached = self._validated.get(cache_key)
        if cached is not None and time.time() < cached[1] - _EXPIRY_MARGIN:
            return cached[0]
        result = await self._auth.authenticate_request(activity, auth_header)
        claims = getattr(getattr(result, "claims_identity", None), "claims", None) or {}
        expires = claims.get("exp")
        if isinstance(expires, int | float):
            if len(self._validated) >= _VALIDATED_MAX:
                self._validated.clear()
            self._validated[cache_key] = (result, float(expires))
        return result

    # --- one turn ---------------------------------------------------------------------

    async def _on_turn(self, context: TurnContext) -> None:
        activity = context.activity
        await self._token.refresh(self._http())
        if activity.type in (
            ActivityTypes.message,
            ActivityTypes.conversation_update,
            ActivityTypes.installation_update,
        ):
            await self._save_reference(activity)
            installed = install_inbound(activity) if activity.id else None
            if installed is not None:
                await self._answer(activity, installed.key, await self._handle(installed))
        if activity.type == ActivityTypes.message:
            await self._on_message(context)
        elif activity.type == ActivityTypes.invoke and activity.name == _CARD_ACTION:
            await self._on_card_action(context)
        elif activity.type == ActivityTypes.invoke and activity.name == FILE_CONSENT_INVOKE:
            await self._on_file_consent(context)
        elif activity.type == ActivityTypes.invoke:  # an invoke this bot does not offer
            await context.send_activity(
                Activity(
                    type=ActivityTypes.invoke_response,
                    value=InvokeResponse(
                        status=400,
                        body=error_response(
                            400, "BadRequest", "this bot does not handle that invoke"
                        ),
                    ),
                )
            )

    async def _save_reference(self, activity: Any) -> None:
        reference = TurnContext.get_conversation_reference(activity)
        reference.activity_id = None  # proactive sends start a new message, not a reply
        key = conversation_key(activity)
        serialized = without_names(reference.serialize())  # names are not stored
        # Stored once, and again only when it changes (a new serviceUrl): not a write a turn.
        if self._saved_references.get(key) == serialized:
            return
        await self._references.save(key, serialized)
        if len(self._saved_references) >= _VALIDATED_MAX:
            self._saved_references.clear()
        self._saved_references[key] = serialized

    async def _on_message(self, context: TurnContext) -> None:
        activity = context.activity
        conversation_type = activity.conversation.conversation_type or "personal"
        if conversation_type != "personal":
            await self._on_channel_message(context, conversation_type)
            return
        pressed = submit_inbound(activity)
        if pressed is not None:  # an Action.Submit naming a verb: a new message answers it
            async with self._conversations.hold(pressed.key):
                await self._answer(activity, pressed.key, await self._handle(pressed))
            return
        replies: list[Outbound] = []
        attachments: list[Attachment] = []
        for ref in file_refs(activity.attachments, activity.service_url):
            token = await self._token.get(self._http()) if ref.needs_token else None
            got = await download(self._http(), ref, token, self._max_file)
            if isinstance(got, Oversized):
                size = (
                    human_size(got.size, round_up=True)
                    if got.size
                    else f"> {human_size(self._max_file)}"
                )
                replies.append(
                    Outbound(say("file_too_large", size=size, limit=human_size(self._max_file)))
                )
            elif got is not None:
                attachments.append(got)
        name = activity.from_property.name
        inbound = Inbound(
            key=conversation_key(activity),
            message_id=delivery_id(activity),
            text=clean_text(activity.text if isinstance(activity.text, str) else "").strip(),
            choice=picked_choice(activity.value),
            question=picked_question(activity.value),
            attachments=tuple(attachments),
            display_name=clean_text(name)[:200] if isinstance(name, str) else None,
        )
        async with self._conversations.hold(inbound.key):
            if inbound.text or inbound.choice or inbound.attachments or not replies:
                replies = preceded_by(replies, await self._handle(inbound))
            await self._answer(activity, inbound.key, replies)

    async def _answer(self, activity: Any, key: ConversationKey, replies: list[Outbound]) -> None:
        """Reply to `activity` with each of `replies`, in order, right after the turn's
        commit: each a POST answering the activity. What the connector refuses stays in
        the outbox, with everything after it, for the worker."""

        async def reply(message: Outbound) -> None:
            await self._reply(activity, message)

        await send_replies(key, replies, reply, self._replies)

    async def _handle(self, inbound: Inbound) -> list[Outbound]:
        """The turn handler's replies; it answers its own errors, this is a last guard."""
        try:
            return await self._handler.handle(inbound)
        except Exception:
            log.exception("turn handler failed on activity %s", inbound.message_id)
            return [Outbound(say("sorry_error"))]

    async def _on_channel_message(self, context: TurnContext, conversation_type: str) -> None:
        """An @mention in a team channel or a group chat: "koppel ORGANISATIE" goes to the
        turn handler (adapters/teams/actions.py), anything else gets a standard line."""
        activity = context.activity
        reference = TurnContext.get_conversation_reference(activity)
        reference.activity_id = None
        line = channel_line(
            activity,
            conversation_type,
            _MENTION.sub("", activity.text or "").strip(),
            reference.serialize(),
        )
        if isinstance(line, Inbound):
            replies = await self._handle(line)
            if not replies:
                return  # a redelivery: answered the first time
            line = replies[0].text
        # Connector down or refusing: the outbox sends it to the channel's conversation.
        await self._answer(activity, conversation_key(activity), [Outbound(line)])

    async def _on_card_action(self, context: TurnContext) -> None:
        """A press: through the turn handler like a message; its answer is the card that
        replaces the pressed one, with HTTP 200 also when something went wrong."""
        activity = context.activity
        inbound = press_inbound(activity)
        if inbound is None:
            body = error_response(400, "BadRequest", "not an Action.Execute we handle")
        else:
            body = press_response(await self._handle(inbound))
        log.debug("card action on activity %s answered", activity.reply_to_id)
        # The error too travels in the body with status 200, as Teams expects.
        await context.send_activity(
            Activity(
                type=ActivityTypes.invoke_response, value=InvokeResponse(status=200, body=body)
            )
        )

    async def _on_file_consent(self, context: TurnContext) -> None:
        """A FileConsentCard answered: accept or decline goes to the turn handler (which
        queues the upload or a line), and the invoke is answered with an empty 200 as
        Teams expects; a malformed one, or one outside a personal chat, with 400."""
        activity = context.activity
        personal = (activity.conversation.conversation_type or "personal") == "personal"
        inbound = consent_inbound(activity) if personal else None
        status = 400
        if inbound is not None:
            await self._handle(inbound)
            status = 200
        await context.send_activity(
            Activity(type=ActivityTypes.invoke_response, value=InvokeResponse(status=status))
        )

    async def _reply(self, activity: Any, message: Outbound) -> None:
        """Answer `activity` with one message, straight over the connector's REST API
        (adapters/teams/wire.py), on the kept-alive session with the cached bot token."""
        session = self._http()
        token = await self._token.get(session)
        await post_reply(session, token, activity, message_content(message, self._submit_label))

    def _render(self, message: Outbound) -> Any:
        if not needs_card(message):
            return Activity(type=ActivityTypes.message, text=message.text)
        card = card_for(message, self._submit_label)
        return Activity(
            type=ActivityTypes.message,
            summary=card_summary(card),
            attachments=[CardAttachment(content_type=ADAPTIVE_CARD, content=card)],
        )

    # --- proactive --------------------------------------------------------------------

    async def send(self, key: ConversationKey, message: Outbound) -> Receipt:
        """Deliver `message` to the conversation stored for `key` (every proactive send):
        a new message, or with `message.replaces` that earlier message replaced in place
        for everyone who sees it (PUT). The receipt holds the message's id."""
        activity = self._render(message)
        if message.replaces:
            activity.id = message.replaces
        sent: list[str] = []

        async def call(client: Any, reference: Any) -> None:
            TurnContext.apply_conversation_reference(activity, reference)
            conversation = reference.conversation.id
            if message.replaces:
                await client.conversations.update_activity(conversation, message.replaces, activity)
                sent.append(message.replaces)
            else:
                response = await client.conversations.send_to_conversation(conversation, activity)
                sent.append(getattr(response, "id", None) or "")

        await self._proactive(key, call)
        return Receipt(sent[0] if sent and sent[0] else None)

    async def send_attachments(
        self, key: ConversationKey, text: str, attachments: list[dict[str, Any]]
    ) -> Receipt:
        """A new message with `text` and these attachments as they are (a FileConsentCard,
        a FileInfoCard, an inline picture) to the conversation stored for `key`."""
        activity = Activity(
            type=ActivityTypes.message,
            text=text or None,
            attachments=[
                CardAttachment(
                    content_type=a["contentType"],
                    content=a.get("content"),
                    content_url=a.get("contentUrl"),
                    name=a.get("name"),
                )
                for a in attachments
            ],
        )
        sent: list[str] = []

        async def call(client: Any, reference: Any) -> None:
            TurnContext.apply_conversation_reference(activity, reference)
            response = await client.conversations.send_to_conversation(
                reference.conversation.id, activity
            )
            sent.append(getattr(response, "id", None) or "")

        await self._proactive(key, call)
        return Receipt(sent[0] if sent and sent[0] else None)

    async def upload(self, url: str, data: bytes) -> None:
        """PUT `data` to a file consent's `uploadUrl` (a OneDrive upload session: no token,
        `Content-Range` per chunk); raises `UploadRefused` or `DeliveryError`
        (adapters/teams/files.py `upload_file`)."""
        await upload_file(self._http(), url, data)

    async def _proactive(
        self, key: ConversationKey, call: Callable[[Any, Any], Awaitable[None]]
    ) -> None:
        stored = await self._references.load(key)
        if not stored:
            raise DeliveryError("no conversation reference")
        reference = ConversationReference().deserialize(stored)
        reference.activity_id = None

        async def logic(context: TurnContext) -> None:
            client = context.turn_state[self._cloud.BOT_CONNECTOR_CLIENT_KEY]
            await call(client, reference)

        try:
            await self._token.refresh(self._http())
            await self._cloud.continue_conversation(reference, logic, self._app_id)
        except HttpOperationError as error:
            response = getattr(error, "response", None)
            status = getattr(response, "status_code", None)
            retry_after = retry_after_seconds(getattr(response, "headers", None) or {})
            raise DeliveryError(f"connector answered {status}", retry_after) from error
        except ClientRequestError as error:
            raise DeliveryError("connector unreachable") from error
        except TokenError as error:
            raise DeliveryError(str(error)) from error


def _status(status: int) -> web.Response:
    return web.Response(status=status)
