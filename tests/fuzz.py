"""Seeded mutation fuzzing of the two channel edges: Teams activities and Signal envelopes.

A `Mutator` takes a well-formed document (an activity as Teams sends it, an envelope as
signal-cli writes it) and makes a bad one: fields dropped, retyped, made huge, nested
thousands deep, filled with NUL characters, lone surrogates, odd URLs; or the serialised
bytes cut and flipped. The same seed gives the same cases, so a failure can be replayed.

`fuzz_teams` sends mutated activities with valid signed tokens (for the activity's own
`serviceUrl`, so that the token is no reason to refuse it) over raw HTTP to the running
service, and counts the answers; `fuzz_signal` pushes mutated envelopes through the fake
signal-cli-rest-api's websocket. Both watch the log for tracebacks and errors. The suite
runs a short version (tests/e2e/test_fuzz.py), bench/fuzz_bench.py the long one.

Every URL a case can carry is either malformed or on loopback: a fuzz run never tries to
reach another machine.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import random
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.signal_rest import FakeSignalRestApi, new_timestamp
from tests.fakes.teams import FakeBotConnector, FakeTokenIssuer

_DEEP = "@@deep:{}@@"  # how a `Deep` is written before it is expanded


@dataclass(frozen=True)
class Deep:
    """A nesting `depth` levels deep: too deep for json.dumps, so written out afterwards."""

    depth: int


ODD_STRINGS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "\ud83d",
    "é",
    "ü" * 300,
    "𝕎eerbaar 🙂",
    "\u202eevil",
    "\r\nX-Injected: 1",
    "\t\n",
    "A" * 201,
    "B" * 5000,
    "../../../etc/passwd",
    "%00%2e%2e%2f",
    "null",
    "123",
    "<at>Weerbaar</at> koppel amersfoort",
    "verstuur",
    "ja",
    "1",
    "\\",
    '"',
    "{}",
]


def odd_urls(loopback: str) -> list[str]:
    """Malformed URLs, and odd ones that all point at loopback (`loopback` ends with /)."""
    base = loopback.rstrip("/")
    port = base.rsplit(":", 1)[1]
    return [
        "not a url",
        "http://",
        "https://",
        "//127.0.0.1/",
        "ftp://127.0.0.1/",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/plain,hallo",
        "http://ü.invalid/",
        "https://exämple.invalid/",
        "http://127.0.0.1:0/",
        "http://127.0.0.1:99999/",
        "http://[::1/",
        "http://127.0.0.1:1/",
        f"http://user:pw@127.0.0.1:{port}/",
        f"{base}/\x00/",
        f"{base}/ spaced/",
        f"{base}/\r\nX-Injected: 1/",
        f"{base}/?q=1",
        f"{base}/#fragment",
        f"{base}/ü/",
        f"{base}/\ud800/",
        f"{base}/extra/path/",
        base.upper() + "/",
        f"{base}/" + "p" * 3000,
        "\\\\server\\share",
        f"HTTP://127.0.0.1:{port}",
        " " + loopback,
        loopback + "\n",
    ]


class Mutator:
    """Structure-aware and byte-level mutations from one seeded random source."""

    def __init__(self, rng: random.Random, urls: list[str]) -> None:
        self.rng = rng
        self.urls = urls

    # -- values --------------------------------------------------------------------------

    def odd_value(self, depth: int = 0) -> Any:
        r = self.rng
        kind = r.randrange(14)
        if kind == 0:
            return None
        if kind == 1:
            return r.choice([True, False])
        if kind == 2:
            return r.choice([0, -1, 1, 2**31, 2**63, -(2**63) - 1, 10**40, 7])
        if kind == 3:
            return r.choice([0.5, -0.0, 1e308, 3.14])
        if kind in (4, 5, 6):
            return r.choice(ODD_STRINGS)
        if kind == 7:
            return r.choice(self.urls)
        if kind == 8 and r.random() < 0.4:
            return Deep(r.choice([50, 200, 1000, 5000, 30_000]))
        if kind == 9 and depth < 3:
            return [self.odd_value(depth + 1) for _ in range(r.randrange(4))]
        if kind == 10 and depth < 3:
            return {r.choice(ODD_STRINGS): self.odd_value(depth + 1) for _ in range(r.randrange(4))}
        if kind == 11:
            return "".join(chr(r.randrange(0x20, 0x3000)) for _ in range(r.randrange(1, 40)))
        if kind == 12:
            return str(uuid.uuid4())
        return [] if r.random() < 0.5 else {}

    def _similar(self, value: Any) -> Any:
        """A value of the same kind, but odd: strings stay strings, numbers numbers."""
        r = self.rng
        if isinstance(value, str):
            if value.startswith("http") and r.random() < 0.6:
                return r.choice(self.urls)
            choice = r.randrange(5)
            if choice == 0:
                return value + r.choice(ODD_STRINGS)
            if choice == 1:
                return value * r.choice([2, 40, 400])
            if choice == 2 and value:
                cut = r.randrange(len(value))
                return value[:cut] + r.choice(["\x00", "\ud800", "\udc00", "/", "%"]) + value[cut:]
            return r.choice(ODD_STRINGS)
        if isinstance(value, bool):
            return not value
        if isinstance(value, int):
            return r.choice([-value, value * 10**12, 0, 2**64, -1])
        if isinstance(value, list):
            return value * r.choice([0, 2, 50])
        return self.odd_value()

    # -- documents -----------------------------------------------------------------------

    def mutate(self, document: Any, edits: int | None = None) -> Any:
        """A mutated deep copy of `document`."""
        doc = copy.deepcopy(document)
        for _ in range(edits if edits is not None else self.rng.choice([1, 1, 1, 2, 2, 3, 5])):
            doc = self._edit(doc)
        return doc

    def _edit(self, doc: Any) -> Any:
        paths = list(_paths(doc))
        if not paths:
            return self.odd_value()
        path = self.rng.choice(paths)
        r = self.rng
        op = r.randrange(20)
        if not path:
            return self.odd_value() if op == 0 else doc
        parent: Any = _get(doc, path[:-1])
        key = path[-1]
        current = parent[key]
        if op < 2 and isinstance(parent, dict):
            del parent[key]
        elif op < 6:
            parent[key] = self.odd_value()
        elif op < 13 or op > 17:
            parent[key] = self._similar(current)
        elif op == 13:
            parent[key] = [current]
        elif op < 16 and isinstance(parent, dict):
            parent[r.choice(ODD_STRINGS)] = self.odd_value()
        elif op == 16:
            parent[key] = {"nested": current}
        else:
            parent[key] = Deep(r.choice([100, 1000, 100_000]))
        return doc

    def serialise(self, doc: Any) -> bytes:
        """JSON text of `doc` with the deep placeholders written out, and sometimes the
        bytes themselves broken."""
        # Written as UTF-8 (a lone surrogate then makes the body invalid UTF-8) a fifth of
        # the time, else as ASCII with escapes (a lone surrogate arrives as "\ud800").
        text = json.dumps(
            doc, ensure_ascii=self.rng.random() < 0.8, default=lambda d: _DEEP.format(d.depth)
        )
        while (start := text.find('"@@deep:')) >= 0:
            end = text.index('@@"', start) + 3
            depth = int(text[start + 8 : end - 3])
            opener = self.rng.choice(["[", '{"a":'])
            closer = "]" if opener == "[" else "}"
            text = text[:start] + opener * depth + "1" + closer * depth + text[end:]
        data = text.encode("utf-8", "surrogatepass")
        if self.rng.random() < 0.08:
            data = self.break_bytes(data)
        return data

    def break_bytes(self, data: bytes) -> bytes:
        r = self.rng
        buf = bytearray(data)
        for _ in range(r.randrange(1, 4)):
            if not buf:
                break
            at = r.randrange(len(buf))
            op = r.randrange(4)
            if op == 0:
                del buf[at:]
            elif op == 1:
                buf[at] = r.randrange(256)
            elif op == 2:
                buf[at:at] = bytes([r.choice([0x00, 0xFF, 0xC3, 0xED, 0x5C, 0x22, 0x7B, 0x5B])])
            else:
                buf[at:at] = r.choice([b"\xed\xa0\x80", b"\xc0\xaf", b"NaN", b"Infinity"])
        return bytes(buf)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            yield from _paths(value, (*prefix, index))


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


# -- what a run found --------------------------------------------------------------------


@dataclass
class FuzzReport:
    """What one run saw: answers by status (Teams), log lines, and the cases that failed."""

    cases: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)  # >= 500 or no answer: case numbers
    tracebacks: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: Counter[str] = field(default_factory=Counter)
    replies: int = 0
    seconds: float = 0.0

    def lines(self, title: str) -> list[str]:
        out = [f"{title}: {self.cases} cases in {self.seconds:.1f} s"]
        if self.statuses:
            out.append(
                "  statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses.items()))
            )
        out.append(f"  replies sent: {self.replies}")
        out.append(f"  failures (>= 500 or no answer): {len(self.failures)}")
        out.append(f"  tracebacks in the log: {len(self.tracebacks)}; errors: {len(self.errors)}")
        for line, n in Counter(self.tracebacks + self.errors).most_common(15):
            out.append(f"  x{n} {line}")
        for message, n in self.warnings.most_common():
            out.append(f"  warning x{n}: {message}")
        return out


def _printable(text: str) -> str:
    return text.encode("ascii", "backslashreplace").decode("ascii")


def _where(tb: Any) -> str:
    """The last frame of the project's own code in a traceback, and the last frame."""
    ours = last = ""
    while tb is not None:
        code = tb.tb_frame.f_code
        last = f"{code.co_filename.rsplit('/', 2)[-1]}:{tb.tb_lineno} {code.co_name}"
        if "/site-packages/" not in code.co_filename and "/lib/python" not in code.co_filename:
            ours = last
        tb = tb.tb_next
    return f"[{ours} ... {last}]"


class LogWatch(logging.Handler):
    """Collects warnings (by message template), errors and tracebacks from every logger."""

    def __init__(self, report: FuzzReport) -> None:
        super().__init__(logging.INFO)
        self.report = report

    def emit(self, record: logging.LogRecord) -> None:
        message = _printable(record.getMessage()[:200])
        if record.exc_info or record.stack_info:
            where = _where(record.exc_info[2] if record.exc_info else None)
            self.report.tracebacks.append(f"{record.name}: {message} {where}")
        elif record.levelno >= logging.ERROR:
            self.report.errors.append(f"{record.name}: {message}")
        elif record.levelno >= logging.WARNING:
            self.report.warnings[f"{record.name}: {_printable(str(record.msg))}"] += 1

    def __enter__(self) -> LogWatch:
        root = logging.getLogger()
        self._level = root.level
        root.addHandler(self)
        root.setLevel(logging.INFO)
        return self

    def __exit__(self, *exc: object) -> None:
        root = logging.getLogger()
        root.removeHandler(self)
        root.setLevel(self._level)


# -- Teams -------------------------------------------------------------------------------


@dataclass
class TeamsTarget:
    """The service under test and who it knows."""

    host: str
    port: int
    issuer: FakeTokenIssuer
    service_url: str  # the fake connector's
    app_id: str
    tenant: str
    reporter_aad: str
    read_timeout: float  # the server's; a case gets this long plus a margin to be answered


def teams_templates(t: TeamsTarget) -> list[dict[str, Any]]:
    """Well-formed activities as Teams sends them (Bot Framework schema, Teams channelData)."""

    def activity(kind: str, conversation_type: str = "personal", **extra: Any) -> dict[str, Any]:
        conversation_id = (
            f"a:chat-{t.reporter_aad}"
            if conversation_type == "personal"
            else "19:fuzz-channel@thread.tacv2;messageid=1700000000000"
        )
        return {
            "type": kind,
            "id": f"1:{uuid.uuid4().hex}",
            "timestamp": "2026-11-25T09:00:00.000Z",
            "localTimestamp": "2026-11-25T10:00:00.000+01:00",
            "serviceUrl": t.service_url,
            "channelId": "msteams",
            "from": {"id": f"29:{t.reporter_aad}", "name": "Rita", "aadObjectId": t.reporter_aad},
            "conversation": {
                "conversationType": conversation_type,
                "tenantId": t.tenant,
                "id": conversation_id,
            },
            "recipient": {"id": f"28:{t.app_id}", "name": "Weerbaar"},
            "locale": "nl-NL",
            "entities": [{"type": "clientInfo", "locale": "nl-NL", "platform": "Web"}],
            "channelData": {"tenant": {"id": t.tenant}},
            **extra,
        }

    base = t.service_url.rstrip("/")
    return [
        activity("message", text="Ik wil iets melden", textFormat="plain"),
        activity("message", text="ja"),
        activity(
            "message",
            text="",
            attachments=[
                {
                    "contentType": "application/vnd.microsoft.teams.file.download.info",
                    "contentUrl": f"{base}/files/foto.jpg",
                    "name": "foto.jpg",
                    "content": {
                        "downloadUrl": f"{base}/files/foto.jpg",
                        "uniqueId": str(uuid.uuid4()),
                        "fileType": "jpg",
                    },
                }
            ],
        ),
        activity(
            "message",
            text="<img>",
            attachments=[
                {
                    "contentType": "image/png",
                    "contentUrl": f"{base}/v3/attachments/x/views/original",
                },
                {"contentType": "text/html", "content": "<div><img></div>"},
            ],
        ),
        activity(
            "invoke",
            name="adaptiveCard/action",
            replyToId=f"1:{uuid.uuid4().hex}",
            value={
                "action": {"type": "Action.Execute", "verb": "choice", "data": {"choice": "ja"}},
                "trigger": "manual",
            },
        ),
        activity(
            "message",
            text="klaar",
            value={"choice": "ja"},
        ),
        activity(
            "conversationUpdate",
            membersAdded=[{"id": f"28:{t.app_id}"}],
        ),
        activity("installationUpdate", action="add"),
        activity(
            "message",
            "channel",
            text="<at>Weerbaar</at> koppel amersfoort",
            entities=[
                {
                    "type": "mention",
                    "text": "<at>Weerbaar</at>",
                    "mentioned": {"id": f"28:{t.app_id}"},
                }
            ],
        ),
        activity("messageReaction", reactionsAdded=[{"type": "like"}]),
        activity("invoke", name="fileConsent/invoke", value={"action": "accept"}),
        activity("typing"),
    ]


class _Tokens:
    """Valid channel tokens per serviceUrl, minted once each (RSA signing is slow)."""

    def __init__(self, issuer: FakeTokenIssuer) -> None:
        self.issuer = issuer
        self._made: dict[str, str] = {}

    def for_url(self, service_url: str) -> str:
        token = self._made.get(service_url)
        if token is None:
            if len(self._made) > 500:
                self._made.clear()
            token = self._made[service_url] = self.issuer.channel_token(service_url)
        return token


def _header_value(rng: random.Random, good: str) -> bytes:
    """Mostly the good Authorization header; sometimes an odd one."""
    pick = rng.random()
    if pick < 0.93:
        return good.encode()
    return rng.choice(
        [
            b"",
            b"Bearer",
            b"Bearer \xc3\xbc\xc3\xbc",
            b"Bearer \xff\xfe",
            b"Bearer " + b"a" * 9000,
            b"Basic dXNlcjpwdw==",
            good.encode() + b"\x01",
            good.encode()[:-5],
            b"Bearer a.b.c",
        ]
    )


def teams_request(
    mutator: Mutator, templates: list[dict[str, Any]], tokens: _Tokens, t: TeamsTarget
) -> bytes:
    """One raw HTTP request for a mutated activity."""
    r = mutator.rng
    fresh = {**r.choice(templates), "id": f"1:{uuid.uuid4().hex}"}  # not a redelivery
    doc = mutator.mutate(fresh)
    body = mutator.serialise(doc)
    service_url = doc.get("serviceUrl") if isinstance(doc, dict) else None
    if not isinstance(service_url, str):
        service_url = t.service_url
    try:
        service_url.encode("utf-8")
    except UnicodeEncodeError:
        service_url = t.service_url
    auth = _header_value(r, f"Bearer {tokens.for_url(service_url)}")
    content_type = (
        b"application/json; charset=utf-8"
        if r.random() < 0.95
        else r.choice(
            [b"text/plain", b"application/json\xc3\xbc", b"", b"application/x-www-form-urlencoded"]
        )
    )
    length = len(body)
    if r.random() < 0.01:
        length += r.choice([1, 500])  # claims more than it sends: the server must not wait forever
    head = [
        b"POST /api/messages HTTP/1.1",
        f"Host: {t.host}:{t.port}".encode(),
        b"Content-Type: " + content_type,
        b"Authorization: " + auth,
        f"Content-Length: {length}".encode(),
        b"Connection: close",
    ]
    if r.random() < 0.03:
        head.append(
            r.choice([b"X-Odd: \xc3\xbc\xff", b"X-Ms-Conversation-Id: \x00", b"Accept: */*" * 50])
        )
    return b"\r\n".join(head) + b"\r\n\r\n" + body


def garbage_request(rng: random.Random, t: TeamsTarget) -> bytes:
    """Broken HTTP: a bad request line, bad framing, headers that never end."""
    return rng.choice(
        [
            b"GARBAGE\r\n\r\n",
            b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n{}",
            b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n{}",
            b"POST /api/messages HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
            b'Content-Type: application/json\r\nAuthorization: Bearer x\r\n\r\n5\r\n{"a":',
            b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Authorization: Bearer x\r\nContent-Length: 10\r\n\r\n{",
            b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Typ",
            b"POST /api/messages HTTP/1.1\r\n" + b"X: " + b"y" * 20000 + b"\r\n\r\n",
            b"POST /api/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n",
            b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",  # a TLS hello on plain HTTP
        ]
    )


async def exchange(host: str, port: int, request: bytes, within: float) -> str:
    """Send raw bytes, read until the server closes: the status, 'closed' (no answer, but
    the connection was closed) or 'no answer' (held open past `within` seconds)."""
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError:
        return "connect failed"
    try:
        writer.write(request)
        await writer.drain()
        async with asyncio.timeout(within):
            data = await reader.read(64 * 1024)
            while data.count(b"\r\n\r\n") == 0:
                more = await reader.read(64 * 1024)
                if not more:
                    break
                data += more
    except TimeoutError:
        return "no answer"
    except (ConnectionError, OSError):
        return "closed"
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except (ConnectionError, OSError):
            pass
    if not data:
        return "closed"
    parts = data.split(b" ", 2)
    return parts[1].decode("ascii", "replace") if len(parts) > 1 else "unparseable answer"


def good_teams_message(t: TeamsTarget, text: str) -> bytes:
    """A plain, well-formed message from the reporter, as one raw HTTP request."""
    body = json.dumps(
        {
            "type": "message",
            "id": f"1:{uuid.uuid4().hex}",
            "serviceUrl": t.service_url,
            "channelId": "msteams",
            "from": {"id": f"29:{t.reporter_aad}", "aadObjectId": t.reporter_aad},
            "conversation": {
                "conversationType": "personal",
                "tenantId": t.tenant,
                "id": f"a:chat-{t.reporter_aad}",
            },
            "recipient": {"id": f"28:{t.app_id}"},
            "text": text,
        }
    ).encode()
    head = (
        f"POST /api/messages HTTP/1.1\r\nHost: {t.host}\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {t.issuer.channel_token(t.service_url)}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body


def _failed(status: str) -> bool:
    return status in ("no answer", "connect failed", "unparseable answer") or (
        status.isdigit() and int(status) >= 500
    )


async def fuzz_teams(
    t: TeamsTarget,
    *,
    count: int,
    seed: int,
    concurrency: int = 4,
    garbage: float = 0.01,
    connector: FakeBotConnector | None = None,
) -> FuzzReport:
    """Send `count` mutated requests (a share `garbage` of them broken HTTP); with the
    fake `connector`, also count the replies the service sent."""
    report = FuzzReport()
    rng = random.Random(seed)
    mutator = Mutator(rng, odd_urls(t.service_url))
    templates = teams_templates(t)
    tokens = _Tokens(t.issuer)
    requests: list[bytes] = []
    for _ in range(count):
        if rng.random() < garbage:
            requests.append(garbage_request(rng, t))
        else:
            requests.append(teams_request(mutator, templates, tokens, t))
    started = time.monotonic()
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(count):
        queue.put_nowait(n)

    async def worker() -> None:
        while not queue.empty():
            n = queue.get_nowait()
            status = await exchange(t.host, t.port, requests[n], t.read_timeout + 10)
            report.statuses[status] += 1
            if _failed(status):
                report.failures.append(f"seed {seed} case {n}: {status}")

    calls_before = 0
    if connector is not None:  # the files the templates send, so that downloads work
        connector.files["foto.jpg"] = b"\xff\xd8\xff\xe0" + b"f" * 3000
        connector.attachments["x"] = b"\x89PNG\r\n\x1a\n" + b"i" * 3000
        calls_before = len(connector.calls)
    with LogWatch(report):
        await asyncio.gather(*(worker() for _ in range(concurrency)))
    if connector is not None:
        report.replies = len(connector.calls) - calls_before
    report.cases = count
    report.seconds = time.monotonic() - started
    return report


# -- Signal ------------------------------------------------------------------------------


SIGNAL_FILES = {
    "fuzzphoto1.jpg": b"\xff\xd8\xff\xe0" + b"p" * 2000,
    "fuzzvoice1.aac": b"\xff\xf1\x50\x80" + b"v" * 1000,
    "fuzzlong1.txt": ("lang verhaal " * 200).encode(),
}


def signal_templates(
    fake: FakeSignalRestApi, reporter_uuid: str, phone: str
) -> list[dict[str, Any]]:
    """Envelopes shaped like signal-cli's JSON (its json/*.java classes), as the fake
    writes them, plus a sync message, which the bot ignores. Their attachments are
    `SIGNAL_FILES`, stored in the fake (again after the bot deleted them)."""
    photo, voice, long_text = SIGNAL_FILES
    stranger = str(uuid.uuid4())
    templates = [
        fake.data_message(reporter_uuid, "Ik wil iets melden", number=phone),
        fake.data_message(reporter_uuid, "ja", number=phone),
        fake.data_message(stranger, "hallo", number=None, name=None),
        fake.data_message(
            reporter_uuid,
            None,
            number=phone,
            attachments=[
                fake.attachment(photo, content_type="image/jpeg", size=2004, filename="IMG_1.jpg"),
                fake.attachment(voice, content_type="audio/aac", size=1004, voice_note=True),
            ],
        ),
        fake.data_message(
            reporter_uuid,
            "lang verhaal " * 150,
            number=phone,
            attachments=[fake.attachment(long_text, content_type="text/x-signal-plain", size=2600)],
        ),
        fake.edit_message(
            reporter_uuid, "toch anders", target_sent_timestamp=new_timestamp() - 5000
        ),
        fake.data_message(reporter_uuid, "in de groep", number=phone, group_id="Z3JvdXAtaWQ="),
        fake.reaction_message(reporter_uuid, "👍", target_sent_timestamp=new_timestamp() - 9000),
        fake.typing_message(reporter_uuid),
        fake.receipt_message(reporter_uuid, [new_timestamp() - 100]),
        fake.data_message(
            reporter_uuid,
            None,
            number=phone,
            extra={"remoteDelete": {"timestamp": new_timestamp() - 100}},
        ),
    ]
    sync = fake.data_message(reporter_uuid, "van mezelf", number=phone)
    sync["envelope"]["syncMessage"] = {
        "sentMessage": {**sync["envelope"].pop("dataMessage"), "destination": phone}
    }
    templates.append(sync)
    return templates


async def fuzz_signal(
    fake: FakeSignalRestApi,
    adapter: Any,
    *,
    count: int,
    seed: int,
    reporter_uuid: str,
    phone: str,
    batch: int = 25,
) -> FuzzReport:
    """Push `count` mutated envelopes (a few raw non-envelope frames among them)."""
    report = FuzzReport()
    rng = random.Random(seed)
    mutator = Mutator(rng, odd_urls(f"http://{fake.address}/"))
    templates = signal_templates(fake, reporter_uuid, phone)
    sent_before = len(fake.sent)
    connections_before = fake.ws_connections_total
    started = time.monotonic()
    with LogWatch(report):
        for n in range(count):
            if n % 10 == 0:  # the bot deletes what it took in
                for name, data in SIGNAL_FILES.items():
                    fake.add_attachment(data, name)
            template = _fresh(rng.choice(templates))
            if rng.random() < 0.02:
                frame = mutator.break_bytes(json.dumps(template).encode())
            else:
                frame = mutator.serialise(mutator.mutate(template))
            text = frame.decode("utf-8", "replace")  # a websocket text frame is UTF-8
            try:
                received = await asyncio.to_thread(fake.push_raw, text)
            except ConnectionError:  # the receiver closed the socket on this frame
                received = 0
            if received != 1:
                report.statuses["frames lost while the websocket reconnected"] += 1
                for _ in range(1000):
                    if adapter.connected and fake.connected:
                        break
                    await asyncio.sleep(0.01)
            if n % batch == batch - 1:
                await _idle(adapter)
        await _idle(adapter)
    report.cases = count
    report.seconds = time.monotonic() - started
    report.replies = len(fake.sent) - sent_before
    report.statuses["websocket reconnects"] = fake.ws_connections_total - connections_before
    return report


def _fresh(template: dict[str, Any]) -> dict[str, Any]:
    """The template with a new timestamp (the dedupe key is sender and timestamp)."""
    envelope = copy.deepcopy(template)
    body = envelope["envelope"]
    timestamp = new_timestamp()
    body["timestamp"] = timestamp
    for data in (body.get("dataMessage"), (body.get("editMessage") or {}).get("dataMessage")):
        if isinstance(data, dict):
            data["timestamp"] = timestamp
    return envelope


async def _idle(adapter: Any, within: float = 30.0) -> None:
    """Let the adapter take in what was pushed and finish its turns."""
    await asyncio.sleep(0.02)
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not adapter.busy:
            return
        await asyncio.sleep(0.01)
