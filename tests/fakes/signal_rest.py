"""A fake signal-cli-rest-api (json-rpc mode) on loopback, in its own thread.

It speaks the endpoints the Signal adapter uses, with the shapes of the real API:

- `GET /v1/health` → 204; `GET /v1/about` → versions/build/mode/version/capabilities;
- websocket `GET /v1/receive/{number}` pushing signal-cli JSON envelopes
  (`{"envelope": {...}, "account": "+31..."}`);
- `POST /v2/send` → 201 `{"timestamp": "<ms>"}` (a single object, as bbernhard's
  `SendV2` answers; `send_response_shape="array"` answers `[{"timestamp": ...}]`);
  programmable failures: 429 with a rate-limit challenge body, 500, 400 untrusted identity;
- `GET`/`DELETE /v1/attachments/{id}`; `PUT`/`DELETE /v1/typing-indicator/{number}`;
  `POST /v1/receipts/{number}`; `GET /v1/groups/{number}`.

The server runs on its own event loop so that a test's loop (where the adapter runs) and
the server never share a loop; every public method is safe to call from the test thread.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import threading
import time
import uuid
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import WSCloseCode, web

T = TypeVar("T")

_clock = itertools.count(int(time.time() * 1000))


def new_timestamp() -> int:
    """A millisecond timestamp that never repeats within a test run."""
    return next(_clock)


@dataclass
class SentMessage:
    """One accepted `POST /v2/send`, as the REST API received it."""

    number: str
    recipients: list[str]
    message: str
    body: dict[str, Any]
    timestamp: int
    # `base64_attachments` as the REST API reads them: (mime, filename, bytes)
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)


def read_data_uri(item: str) -> tuple[str, str, bytes]:
    """A `base64_attachments` item read the way signal-cli-rest-api reads it
    (src/client/attachment.go): the data after the last "base64,"; before it, split on
    ";", "data:" gives the type and "filename=" the name; without "data:" it is all data."""
    flag = item.rfind("base64,")
    if "data:" not in item or flag == -1:
        return "", "", base64.b64decode(item, validate=True)
    mime = name = ""
    for part in item[: flag - 1].split(";"):
        if part.startswith("data:"):
            mime = part[len("data:") :]
        elif part.startswith("filename="):
            name = part[len("filename=") :]
    return mime, name, base64.b64decode(item[flag + len("base64,") :], validate=True)


@dataclass
class _Failure:
    kind: str  # "rate_limit", "server_error" or "untrusted"
    retry_after: int | None = None


@dataclass
class _State:
    sent: list[SentMessage] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    deleted_attachments: list[str] = field(default_factory=list)
    downloaded_attachments: list[str] = field(default_factory=list)
    typing: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    receipts: list[dict[str, Any]] = field(default_factory=list)
    ws_connections_total: int = 0


class FakeSignalRestApi:
    """A loopback signal-cli-rest-api. Use as a context manager or call start()/close()."""

    def __init__(
        self,
        number: str = "+31201234567",
        *,
        version: str = "0.101",
        mode: str = "json-rpc",
        send_response_shape: str = "object",
    ) -> None:
        self.number = number
        self.version = version
        self.mode = mode
        self.send_response_shape = send_response_shape
        self.port = 0
        self._state = _State()
        self._lock = threading.Lock()
        self._attachments: dict[str, bytes] = {}
        self._failures: list[_Failure] = []
        # each open receive websocket, with its request (to cut its TCP connection)
        self._sockets: dict[web.WebSocketResponse, web.Request] = {}
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None

    # -- lifecycle ---------------------------------------------------------------------

    def __enter__(self) -> FakeSignalRestApi:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def address(self) -> str:
        """host:port, as the adapter takes it."""
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start the thread and the server (on a random port the first time)."""
        if not self._thread.is_alive():
            self._thread.start()
        self._call(self._start_site())

    def stop_server(self) -> None:
        """Take the REST API down: close the listener and every open connection."""
        self._call(self._stop_site())

    def start_server(self) -> None:
        """Bring the REST API back up on the same port."""
        self._call(self._start_site())

    def close(self) -> None:
        """Stop the server and its thread."""
        if self._thread.is_alive():
            self._call(self._stop_site())
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)
        self._loop.close()

    def _call(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout=5)

    async def _start_site(self) -> None:
        if self._runner is not None:
            return
        app = web.Application()
        app.add_routes(
            [
                web.get("/v1/health", self._health),
                web.get("/v1/about", self._about),
                web.get("/v1/receive/{number}", self._receive),
                web.post("/v2/send", self._send),
                web.get("/v1/attachments/{id}", self._get_attachment),
                web.delete("/v1/attachments/{id}", self._delete_attachment),
                web.put("/v1/typing-indicator/{number}", self._typing),
                web.delete("/v1/typing-indicator/{number}", self._typing),
                web.post("/v1/receipts/{number}", self._receipt),
                web.get("/v1/groups/{number}", self._groups),
            ]
        )
        runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=0.5)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", self.port, reuse_address=True)
        await site.start()
        self.port = runner.addresses[0][1]
        self._runner = runner

    async def _stop_site(self) -> None:
        if self._runner is None:
            return
        await self._close_sockets(abrupt=True)
        runner, self._runner = self._runner, None
        await runner.cleanup()

    # -- what tests do -----------------------------------------------------------------

    def push(self, message: dict[str, Any]) -> int:
        """Push one envelope to every connected receiver; returns how many got it.

        Like the real API, a message pushed while nobody is connected is lost.
        """
        return self._call(self._push(json.dumps(message)))

    def push_raw(self, text: str) -> int:
        return self._call(self._push(text))

    async def _push(self, text: str) -> int:
        sockets = [ws for ws in list(self._sockets) if not ws.closed]
        for ws in sockets:
            await ws.send_str(text)
        return len(sockets)

    def drop_websockets(self, *, abrupt: bool = False) -> None:
        """Close every receive websocket (cleanly, or by cutting the TCP connection)."""
        self._call(self._close_sockets(abrupt=abrupt))

    async def _close_sockets(self, *, abrupt: bool) -> None:
        for ws, request in list(self._sockets.items()):
            if abrupt:
                if request.transport is not None:
                    request.transport.abort()
            else:
                await ws.close(code=WSCloseCode.GOING_AWAY)
        self._sockets.clear()

    @property
    def connected(self) -> int:
        """How many receive websockets are open now."""
        return len([ws for ws in list(self._sockets) if not ws.closed])

    @property
    def ws_connections_total(self) -> int:
        return self._state.ws_connections_total

    def fail_next_sends(self, count: int, kind: str, *, retry_after: int | None = None) -> None:
        """Answer the next `count` sends with a failure: "rate_limit" (429 with challenge
        tokens), "server_error" (500) or "untrusted" (400 untrusted identity)."""
        with self._lock:
            self._failures.extend(_Failure(kind, retry_after) for _ in range(count))

    def add_attachment(self, data: bytes, attachment_id: str | None = None) -> str:
        """Store a file as signal-cli would after receiving it; returns its id."""
        attachment_id = attachment_id or f"{uuid.uuid4().hex[:20]}.bin"
        with self._lock:
            self._attachments[attachment_id] = data
        return attachment_id

    def has_attachment(self, attachment_id: str) -> bool:
        with self._lock:
            return attachment_id in self._attachments

    @property
    def sent(self) -> list[SentMessage]:
        with self._lock:
            return list(self._state.sent)

    @property
    def rejected(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._state.rejected)

    @property
    def deleted_attachments(self) -> list[str]:
        with self._lock:
            return list(self._state.deleted_attachments)

    @property
    def downloaded_attachments(self) -> list[str]:
        with self._lock:
            return list(self._state.downloaded_attachments)

    @property
    def typing_requests(self) -> list[tuple[str, dict[str, Any]]]:
        with self._lock:
            return list(self._state.typing)

    @property
    def receipt_requests(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._state.receipts)

    # -- envelopes, shaped like signal-cli's JSON ----------------------------------------

    def _envelope(
        self,
        source_uuid: str,
        *,
        number: str | None,
        name: str | None,
        timestamp: int,
        body: dict[str, Any],
    ) -> dict[str, Any]:
        return {
            "envelope": {
                # signal-cli puts the number in `source` when known, else the uuid
                "source": number or source_uuid,
                "sourceNumber": number,
                "sourceUuid": source_uuid,
                "sourceName": name,
                "sourceDevice": 1,
                "timestamp": timestamp,
                "serverReceivedTimestamp": timestamp + 120,
                "serverDeliveredTimestamp": timestamp + 240,
                **body,
            },
            "account": self.number,
        }

    def data_message(
        self,
        source_uuid: str,
        text: str | None,
        *,
        number: str | None = None,
        name: str | None = "Sam",
        timestamp: int | None = None,
        attachments: list[dict[str, Any]] | None = None,
        group_id: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A message a person sent to the bot (or, with `group_id`, in a group)."""
        timestamp = timestamp or new_timestamp()
        data: dict[str, Any] = {
            "timestamp": timestamp,
            "message": text,
            "expiresInSeconds": 0,
            "viewOnce": False,
        }
        if attachments is not None:
            data["attachments"] = attachments
        if group_id is not None:
            data["groupInfo"] = {
                "groupId": group_id,
                "groupName": "Raad",
                "revision": 3,
                "type": "DELIVER",
            }
        data.update(extra or {})
        return self._envelope(
            source_uuid, number=number, name=name, timestamp=timestamp, body={"dataMessage": data}
        )

    def edit_message(
        self,
        source_uuid: str,
        text: str,
        *,
        target_sent_timestamp: int,
        number: str | None = None,
        timestamp: int | None = None,
    ) -> dict[str, Any]:
        """An edit of an earlier message (signal-cli's `editMessage` envelope)."""
        timestamp = timestamp or new_timestamp()
        edit = {
            "targetSentTimestamp": target_sent_timestamp,
            "dataMessage": {
                "timestamp": timestamp,
                "message": text,
                "expiresInSeconds": 0,
                "viewOnce": False,
            },
        }
        return self._envelope(
            source_uuid,
            number=number,
            name="Sam",
            timestamp=timestamp,
            body={"editMessage": edit},
        )

    def typing_message(self, source_uuid: str, action: str = "STARTED") -> dict[str, Any]:
        timestamp = new_timestamp()
        return self._envelope(
            source_uuid,
            number=None,
            name="Sam",
            timestamp=timestamp,
            body={"typingMessage": {"action": action, "timestamp": timestamp}},
        )

    def receipt_message(self, source_uuid: str, timestamps: list[int]) -> dict[str, Any]:
        timestamp = new_timestamp()
        receipt = {
            "when": timestamp,
            "isDelivery": False,
            "isRead": True,
            "isViewed": False,
            "timestamps": timestamps,
        }
        return self._envelope(
            source_uuid,
            number=None,
            name="Sam",
            timestamp=timestamp,
            body={"receiptMessage": receipt},
        )

    def reaction_message(
        self, source_uuid: str, emoji: str, *, target_sent_timestamp: int
    ) -> dict[str, Any]:
        reaction = {
            "emoji": emoji,
            "targetAuthor": self.number,
            "targetAuthorNumber": self.number,
            "targetAuthorUuid": str(uuid.uuid4()),
            "targetSentTimestamp": target_sent_timestamp,
            "isRemove": False,
        }
        return self.data_message(source_uuid, None, extra={"reaction": reaction})

    @staticmethod
    def attachment(
        attachment_id: str,
        *,
        content_type: str,
        size: int,
        filename: str | None = None,
        voice_note: bool | None = None,
        width: int | None = None,
        height: int | None = None,
    ) -> dict[str, Any]:
        """An entry of `dataMessage.attachments`; `isVoiceNote` only when given, since
        not every signal-cli version writes it."""
        entry: dict[str, Any] = {
            "contentType": content_type,
            "filename": filename,
            "id": attachment_id,
            "size": size,
            "width": width,
            "height": height,
            "caption": None,
            "uploadTimestamp": new_timestamp(),
        }
        if voice_note is not None:
            entry["isVoiceNote"] = voice_note
        return entry

    # -- handlers ----------------------------------------------------------------------

    async def _health(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    async def _about(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "versions": ["v1", "v2"],
                "build": 2,
                "mode": self.mode,
                "version": self.version,
                "capabilities": {"v2/send": ["quotes", "mentions"]},
            }
        )

    async def _receive(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["number"] != self.number:
            return web.json_response({"error": "Unknown account"}, status=400)
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets[ws] = request
        self._state.ws_connections_total += 1
        try:
            async for _ in ws:  # the real API reads (and ignores) what clients send
                pass
        finally:
            self._sockets.pop(ws, None)
        return ws

    async def _send(self, request: web.Request) -> web.Response:
        body = await request.json()
        with self._lock:
            failure = self._failures.pop(0) if self._failures else None
        if failure is not None:
            with self._lock:
                self._state.rejected.append(body)
            return self._failure_response(failure, body)
        if not body.get("recipients") or not body.get("number"):
            return web.json_response(
                {"error": "Couldn't process request - please provide at least one recipient"},
                status=400,
            )
        try:
            files = [read_data_uri(a) for a in body.get("base64_attachments") or []]
        except ValueError as error:  # signal-cli-rest-api: a 400 with the decode error
            return web.json_response({"error": str(error)}, status=400)
        timestamp = new_timestamp()
        with self._lock:
            self._state.sent.append(
                SentMessage(
                    number=body["number"],
                    recipients=list(body["recipients"]),
                    message=body.get("message", ""),
                    body=body,
                    timestamp=timestamp,
                    attachments=files,
                )
            )
        answer: Any = {"timestamp": str(timestamp)}
        if self.send_response_shape == "array":
            answer = [answer]
        return web.json_response(answer, status=201)

    def _failure_response(self, failure: _Failure, body: dict[str, Any]) -> web.Response:
        if failure.kind == "rate_limit":
            headers = {}
            if failure.retry_after is not None:
                headers["Retry-After"] = str(failure.retry_after)
            return web.json_response(
                {
                    "error": "Failed to send message due to rate limiting. Use the attached "
                    "challenge tokens to lift the rate limit restrictions via the "
                    "'/v1/accounts/{number}/rate-limit-challenge' endpoint.",
                    "challenge_tokens": [str(uuid.uuid4())],
                    "account": body.get("number", ""),
                },
                status=429,
                headers=headers,
            )
        if failure.kind == "untrusted":
            recipient = (body.get("recipients") or [""])[0]
            return web.json_response(
                {"error": f'Failed to send message: Untrusted Identity for "{recipient}"'},
                status=400,
            )
        return web.json_response({"error": "Internal Server Error"}, status=500)

    async def _get_attachment(self, request: web.Request) -> web.Response:
        attachment_id = request.match_info["id"]
        with self._lock:
            data = self._attachments.get(attachment_id)
            self._state.downloaded_attachments.append(attachment_id)
        if data is None:
            return web.json_response({"error": "No such attachment"}, status=404)
        return web.Response(body=data, content_type="application/octet-stream")

    async def _delete_attachment(self, request: web.Request) -> web.Response:
        attachment_id = request.match_info["id"]
        with self._lock:
            self._attachments.pop(attachment_id, None)
            self._state.deleted_attachments.append(attachment_id)
        return web.Response(status=204)

    async def _typing(self, request: web.Request) -> web.Response:
        with self._lock:
            self._state.typing.append((request.method, await request.json()))
        return web.Response(status=204)

    async def _receipt(self, request: web.Request) -> web.Response:
        body = await request.json()
        with self._lock:
            self._state.receipts.append(body)
        return web.Response(status=204)

    async def _groups(self, request: web.Request) -> web.Response:
        return web.json_response([])
