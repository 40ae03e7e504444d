"""The Signal channel: signalbot 2.2 over bbernhard/signal-cli-rest-api in json-rpc mode.

What signalbot does here: it parses signal-cli's JSON envelopes into typed messages
(`signalbot.parse`), and each person's message is handled by a `DataMessageHandler`
given a `DataMessageContext`, through which processed attachments are deleted.

What this module does itself, because signalbot 2.2.1 makes it impossible:
- the receive websocket. signalbot's producer ends for good when the server closes the
  socket cleanly, and after an error restarts only after 1 s, 2 s, 4 s … 5 min with no
  jitter and a traceback on stderr. Messages that arrive while no socket is open are lost
  by the REST API, so this adapter reconnects at once, with capped exponential backoff
  and jitter;
- the start-up checks (`SignalBot.start` retries a wrong mode or version forever);
- ordering: signalbot runs handlers concurrently, so turns are queued per conversation;
- leadership: with a `LeaderLock` (storage/leader.py), only the replica that holds it
  receives; the others stand by, retry the lock periodically and still send;
- sending, downloading (with a size limit) — see `adapters/signal/api.py`.
`SignalBot.stop()` also stops the running event loop, so it is never called: the bot's
HTTP session is closed with `SignalBot.close()`.

Nothing here logs message text: only ids, timestamps and sizes.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import time
from typing import TYPE_CHECKING

import aiohttp
from signalbot import Attachment as SignalAttachment
from signalbot import (
    DataMessage,
    DataMessageContext,
    DataMessageHandler,
    EditMessage,
    SignalAPIError,
    SignalBot,
    parse,
)

from adapters.base import preceded_by, send_replies
from adapters.inputs import BadInput, clean_text, load_json, media_type
from adapters.signal.api import SignalRestApi
from adapters.signal.envelopes import envelope_problem
from adapters.signal.render import render, split_text
from adapters.signal.setup import (
    SignalSetupError,
    check_about,
    default_voice_note_flag,
    generated_name,
    make_bot,
)
from bot import logsafe
from bot.cases.notices import EvidenceOffer
from bot.jobs.backoff import backoff_delay
from bot.ports import DeliveryError, Receipt, ReplyOutbox, TurnHandler
from bot.text.catalogue import say
from bot.text.format import human_size
from dialogs.messages import Attachment, ConversationKey, Inbound, Outbound

if TYPE_CHECKING:
    from bot.ports import LeaderLock

log = logging.getLogger(__name__)

DEFAULT_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
# A receive frame is one envelope: a long text is at most some tens of KiB.
DEFAULT_MAX_FRAME_BYTES = 1024 * 1024
# Signal apps send a text over 2 KiB as a short body plus an attachment of this type;
# signal-cli puts the whole text in `message` and still lists the attachment. That
# attachment is the message itself, never evidence (design.md section 3).
LONG_TEXT_TYPE = "text/x-signal-plain"
LONG_TEXT_LIMIT = 64 * 1024
GROUP_REPLY_INTERVAL = 3600.0  # answer a group at most once an hour: no loops, no spam
_STABLE_CONNECTION = 5.0  # seconds a socket must live before backoff starts over
_SHUTDOWN_GRACE = 2.0


class SignalAdapter:
    """Receives Signal messages, hands them to the app one conversation at a time, sends
    the replies; also the outbox's `Channel` for proactive messages."""

    name = "signal"
    file_notice_kinds = frozenset({EvidenceOffer.kind})  # the file goes as an attachment

    def __init__(
        self,
        api_address: str = "127.0.0.1:8080",
        number: str = "",
        handler: TurnHandler | None = None,
        max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES,
        *,
        max_frame_bytes: int = DEFAULT_MAX_FRAME_BYTES,
        reconnect_base: float = 0.2,
        reconnect_cap: float = 15.0,
        leader: LeaderLock | None = None,
        leader_interval: float = 5.0,
        replies: ReplyOutbox | None = None,
    ) -> None:
        if not number:
            raise ValueError("SignalAdapter needs the bot's phone number, e.g. '+31201234567'.")
        if handler is None:
            raise ValueError("SignalAdapter needs a TurnHandler to hand messages to.")
        self.api_address = api_address
        self.number = number
        self.max_attachment_bytes = max_attachment_bytes
        self.max_frame_bytes = max_frame_bytes
        self._handler = handler
        self._replies = replies
        self._reconnect_base = reconnect_base
        self._reconnect_cap = reconnect_cap
        self._leader = leader
        self._leader_interval = leader_interval
        self._session: aiohttp.ClientSession | None = None
        self._api: SignalRestApi | None = None
        self._bot: SignalBot | None = None
        self._turns = _SignalTurns(self)
        self._runner: asyncio.Task[None] | None = None
        self._queues: dict[ConversationKey, asyncio.Queue[DataMessage]] = {}
        self._workers: dict[ConversationKey, asyncio.Task[None]] = {}
        self._group_replied: dict[str, float] = {}
        self._connected = False
        self.failure: SignalSetupError | None = None

    # -- lifecycle -----------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        """Whether the receive websocket is open now."""
        return self._connected

    @property
    def busy(self) -> bool:
        """Whether a received message is waiting or being handled now."""
        return bool(self._workers)

    async def start(self) -> None:
        """Connect to the REST API and start receiving (with a leader lock: once this
        replica holds it).

        A REST API that is down is waited for in the background (one log line); one in
        the wrong mode or too old raises `SignalSetupError`.
        """
        self._session = aiohttp.ClientSession()
        self._api = SignalRestApi(self.api_address, self.number, self._session)
        self._bot = make_bot(self.api_address, self.number)
        about = await self._api.probe()
        if about is None:
            log.warning(
                "signal-cli-rest-api at %s is not reachable; retrying in the background",
                self.api_address,
            )
        else:
            try:
                check_about(about)
            except SignalSetupError:
                await self._close_sessions()
                raise
        self._runner = asyncio.create_task(self._run(checked=about is not None))

    async def stop(self) -> None:
        """Stop receiving, let running turns finish briefly, close connections."""
        if self._runner is not None:
            self._runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._runner
            self._runner = None
        await self._finish_turns()
        self._connected = False
        await self._close_sessions()

    async def _finish_turns(self) -> None:
        """Let running turns end briefly, then cancel what is left."""
        workers = list(self._workers.values())
        if workers:
            _, pending = await asyncio.wait(workers, timeout=_SHUTDOWN_GRACE)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    async def _close_sessions(self) -> None:
        if self._bot is not None:
            await self._bot.close()
        if self._session is not None:
            await self._session.close()

    def _backoff(self, attempt: int) -> float:
        # The bot's one backoff: jittered, so several replicas don't reconnect in step.
        return backoff_delay(attempt, base=self._reconnect_base, cap=self._reconnect_cap)

    async def _run(self, *, checked: bool) -> None:
        if self._leader is None:
            await self._receive(checked=checked)
        else:
            await self._lead(self._leader, checked=checked)

    async def _receive(self, *, checked: bool) -> None:
        if not checked and not await self._wait_for_api():
            return
        await self._receive_forever()

    async def _lead(self, leader: LeaderLock, *, checked: bool) -> None:
        """Receive while this replica holds the lock; otherwise retry it periodically,
        so that a standby takes over when the leader dies."""
        standing_by = False
        try:
            while True:
                if await leader.try_acquire():
                    standing_by = False
                    log.info("this replica runs the Signal receiver")
                    receiver = asyncio.create_task(self._receive(checked=checked))
                    try:
                        while not receiver.done():
                            await asyncio.wait({receiver}, timeout=self._leader_interval)
                            if not receiver.done() and not await leader.held():
                                break
                    finally:
                        receiver.cancel()
                        with contextlib.suppress(asyncio.CancelledError):
                            await receiver
                        await self._finish_turns()
                    if self.failure is not None:
                        return  # a REST API this adapter cannot use: see _wait_for_api
                    await leader.release()
                    log.warning("this replica lost the Signal receiver lock; standing by")
                elif not standing_by:
                    log.info("another replica runs the Signal receiver; standing by")
                    standing_by = True
                await asyncio.sleep(self._leader_interval)
        finally:
            await leader.release()

    async def _wait_for_api(self) -> bool:
        assert self._api is not None
        attempt = 0
        while (about := await self._api.probe()) is None:
            await asyncio.sleep(self._backoff(attempt))
            attempt += 1
        try:
            check_about(about)
        except SignalSetupError as exc:
            log.error("%s; Signal receiving is not started", exc)
            self.failure = exc
            return False
        log.info("signal-cli-rest-api at %s is up (version %s)", self.api_address, about.version)
        return True

    async def _receive_forever(self) -> None:
        assert self._session is not None and self._api is not None
        attempt = 0
        lost = False
        while True:
            opened = time.monotonic()
            reason = "closed by the server"
            try:
                # A frame up to 16x the limit is read and ignored with a warning; a larger
                # one closes the socket (aiohttp), which then reconnects.
                async with self._session.ws_connect(
                    self._api.receive_url, heartbeat=30.0, max_msg_size=16 * self.max_frame_bytes
                ) as ws:
                    self._connected = True
                    if lost:
                        log.info("Signal receive websocket reconnected")
                        lost = False
                    async for frame in ws:
                        if frame.type == aiohttp.WSMsgType.TEXT:
                            try:
                                await self._on_frame(frame.data)
                            except Exception:  # one bad envelope must not stop receiving
                                log.exception("Could not take in an envelope")
                    if ws.close_code == aiohttp.WSCloseCode.MESSAGE_TOO_BIG:
                        reason = f"a frame over {16 * self.max_frame_bytes} bytes"
            except (aiohttp.ClientError, TimeoutError) as exc:
                reason = type(exc).__name__
            finally:
                self._connected = False
            if time.monotonic() - opened > _STABLE_CONNECTION:
                attempt = 0
            if not lost:
                log.warning("Signal receive websocket lost (%s); reconnecting", reason)
                lost = True
            await asyncio.sleep(self._backoff(attempt))
            attempt += 1

    # -- receiving -----------------------------------------------------------------------

    async def _on_frame(self, text: str) -> None:
        try:
            raw = load_json(text.encode("utf-8", "surrogatepass"), max_bytes=self.max_frame_bytes)
        except BadInput as error:
            log.warning("Ignored a receive frame: %s", error)
            return
        envelope = raw.get("envelope") if isinstance(raw, dict) else None
        if not isinstance(envelope, dict):
            if isinstance(raw, dict) and "error" in raw:
                log.warning("signal-cli-rest-api reported a receive error")
            return
        # Only what a person sent: typing, receipts, calls, stories and sync messages
        # (sent from the bot account's own devices) have neither of these.
        if "dataMessage" not in envelope and "editMessage" not in envelope:
            return
        problem = envelope_problem(envelope)
        if problem is not None:
            log.warning("Ignored an envelope: %s", problem)
            return
        default_voice_note_flag(envelope)
        assert self._bot is not None
        try:
            # signalbot needs its SignalAPI only to download attachments, which is off
            message = await parse(self._bot._signal, json.dumps(raw))
        except Exception as error:  # pydantic, or signalbot tripping over an odd shape
            log.warning(
                "Ignored an envelope signalbot cannot parse (%s, timestamp %s)",
                type(error).__name__,
                envelope["timestamp"],
            )
            return
        if not isinstance(message, DataMessage) or message.source_uuid is None:
            return  # reactions, remote deletes, group updates
        key = ConversationKey("signal", self.number, message.source_uuid)
        self._enqueue(key, message)

    def _enqueue(self, key: ConversationKey, message: DataMessage) -> None:
        queue = self._queues.setdefault(key, asyncio.Queue())
        queue.put_nowait(message)
        if key not in self._workers:
            self._workers[key] = asyncio.create_task(self._work(key, queue))

    async def _work(self, key: ConversationKey, queue: asyncio.Queue[DataMessage]) -> None:
        """Handle one person's messages strictly in order, then exit when idle."""
        try:
            while not queue.empty():
                message = queue.get_nowait()
                assert self._bot is not None
                try:
                    await self._turns.handle_data_message(DataMessageContext(self._bot, message))
                except Exception:
                    log.exception(
                        "Signal turn failed (message %s)",
                        logsafe.tag(f"{key.user}:{message.timestamp}"),
                    )
        finally:
            # no await between the last empty() and here, so nothing can slip in
            self._workers.pop(key, None)
            self._queues.pop(key, None)

    async def _turn(self, context: DataMessageContext) -> None:
        message = context.message
        assert message.source_uuid is not None
        if message.is_group():
            await self._answer_group(message)
            return
        attachments, refusals, stored, long_text = await self._fetch_attachments(message)
        replies: list[Outbound] = [Outbound(text=refusal) for refusal in refusals]
        key = ConversationKey("signal", self.number, message.source_uuid)
        try:
            text = clean_text(message.text or long_text or "")
            if text or attachments:
                replaces = None
                if isinstance(message, EditMessage):
                    replaces = f"{message.source_uuid}:{message.target_sent_timestamp}"
                inbound = Inbound(
                    key=key,
                    message_id=f"{message.source_uuid}:{message.timestamp}",
                    text=text,
                    attachments=tuple(attachments),
                    address=message.source_number,
                    display_name=clean_text(message.source_name)[:200]
                    if message.source_name
                    else None,
                    replaces=replaces,
                )
                replies = preceded_by(replies, await self._handler.handle(inbound))
        finally:
            # The app has stored what it needs (encrypted) once `handle` returned; even
            # if it failed, the REST API will not deliver the message again, so the
            # plaintext copies go either way.
            for attachment in stored:
                try:
                    await context.delete_attachment(attachment)
                except SignalAPIError:
                    log.warning("Could not delete attachment %s", attachment.local_filename)
        # The turn is committed: its replies go out now through /v2/send; one the REST
        # API refuses (429, 400, 500) stays in the outbox with the rest behind it.
        recipient = message.source_uuid

        async def reply(outbound: Outbound) -> None:
            await self._deliver(recipient, outbound)

        await send_replies(key, replies, reply, self._replies)

    async def _fetch_attachments(
        self, message: DataMessage
    ) -> tuple[list[Attachment], list[str], list[SignalAttachment], str | None]:
        """Download what fits; returns (files, refusal texts, everything to delete, and
        the text of a long message when `message` has none of its own)."""
        assert self._api is not None
        files: list[Attachment] = []
        refusals: list[str] = []
        stored: list[SignalAttachment] = []
        long_text: str | None = None
        limit = self.max_attachment_bytes
        for n, item in enumerate(message.attachments or [], 1):
            if item.local_filename is None:
                continue
            stored.append(item)
            content_type = media_type(item.content_type)
            if content_type == LONG_TEXT_TYPE:
                if not message.text:  # signal-cli gives the text itself; read it only if not
                    long_text = await self._long_text(item.local_filename)
                continue
            data: bytes | None = None
            if item.size is None or item.size <= limit:
                try:
                    data = await self._api.download(item.local_filename, limit)
                except aiohttp.ClientError:
                    log.warning("Could not download attachment %s", item.local_filename)
                    continue
            if data is None:
                size = item.size or limit + 1
                refusals.append(
                    say(
                        "file_too_large",
                        size=human_size(size, round_up=True),
                        limit=human_size(limit),
                    )
                )
                log.info("Refused attachment %s of %s bytes", item.local_filename, item.size)
                continue
            filename = (
                clean_text(item.remote_filename)[:200]
                if item.remote_filename
                else generated_name(message.timestamp, n, content_type)
            )
            files.append(Attachment(filename=filename, content_type=content_type, data=data))
        return files, refusals, stored, long_text

    async def _long_text(self, attachment_id: str) -> str | None:
        assert self._api is not None
        try:
            data = await self._api.download(attachment_id, LONG_TEXT_LIMIT)
        except aiohttp.ClientError:
            log.warning("Could not download the text of a long message")
            return None
        return None if data is None else data.decode("utf-8", errors="replace")

    async def _answer_group(self, message: DataMessage) -> None:
        group_id = message.group_info.group_id if message.group_info else None
        if group_id is None:
            return
        now = time.monotonic()
        if now - self._group_replied.get(group_id, -GROUP_REPLY_INTERVAL) < GROUP_REPLY_INTERVAL:
            return
        self._group_replied[group_id] = now
        # The REST API names a group "group." + base64 of signal-cli's internal id.
        recipient = "group." + base64.b64encode(group_id.encode()).decode()
        await self._reply(recipient, Outbound(text=say("group_not_supported")), message.timestamp)

    async def _reply(self, recipient: str, message: Outbound, in_reply_to: int) -> None:
        try:
            await self._deliver(recipient, message)
        except DeliveryError as exc:
            log.warning("Reply to message %s not delivered: %s", in_reply_to, exc.reason)

    # -- sending -------------------------------------------------------------------------

    async def send(self, key: ConversationKey, message: Outbound) -> Receipt:
        """Deliver one proactive message to `key.user` (a Signal uuid works as recipient
        since signal-cli-rest-api 0.85). Raises `DeliveryError` for the outbox to retry.

        It always goes out from this adapter's own number: `key.account` is not read,
        since the outbox queues Signal rows with an empty account (bot/cases/notify.py does not
        know the bot's number), and a uuid stays the same person whichever number sends.
        Works on every replica, receiver or not."""
        if self._api is None:
            raise DeliveryError("Signal adapter is not started")
        await self._deliver(key.user, message)
        return Receipt(file_delivered=bool(message.attachments))

    async def _deliver(self, recipient: str, message: Outbound) -> None:
        # Parts go out in order; if a later part fails, a retry resends the earlier ones.
        # Files (an evidence file for a handler) go with the last part.
        assert self._api is not None
        parts = split_text(render(message)) or [""]
        for n, part in enumerate(parts, 1):
            files = message.attachments if n == len(parts) else ()
            await self._api.send_text(recipient, part, files)


class _SignalTurns(DataMessageHandler):
    """The signalbot handler: one data or edit message in, the app's replies out."""

    def __init__(self, adapter: SignalAdapter) -> None:
        self._adapter = adapter

    async def handle_data_message(self, context: DataMessageContext) -> None:
        await self._adapter._turn(context)
