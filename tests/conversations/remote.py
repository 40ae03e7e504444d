"""Signal and Teams as transports for the corpus: the real adapters against the fakes on
loopback, the way tests/e2e/ drives them (their Phone and Person are reused here).

A `Restart` in a chat restarts the channel (the Signal adapter and its websocket; the
Teams web app), not the app: the app restart is the local replay's.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from adapters.http import build_web_app
from adapters.signal.adapter import SignalAdapter
from adapters.signal.runtime import start_signal
from bot.app import Weerbaar
from dialogs.flows.report import REPORT
from dialogs.messages import ConversationKey
from tests.e2e.test_signal_e2e import BOT, FAST, Phone, eventually
from tests.e2e.test_teams_e2e import ADAPTIVE, TENANT, Bot, Person, text_of
from tests.fakes.signal_rest import FakeSignalRestApi
from tests.fakes.teams import ConnectorCall

_ROW = re.compile(r"^\d+\. ([^:]+): (.*)$")


def _labels() -> set[str]:
    from bot.text.catalogue import say

    return {say(s.label) for s in REPORT.steps if s.label is not None}


def rows_in_text(texts: list[str]) -> list[tuple[str, str]] | None:
    """The review's rows as plain text shows them ("2. Waar: raadzaal")."""
    labels = _labels()
    rows = []
    for text in texts:
        for line in text.splitlines():
            m = _ROW.match(line.strip())
            if m and m.group(1) in labels:
                rows.append((m.group(1), m.group(2)))
    return rows or None


class SignalTransport:
    def __init__(
        self, app: Weerbaar, fake: FakeSignalRestApi, signal: SignalAdapter, phone: str
    ) -> None:
        self.app, self.fake, self.signal = app, fake, signal
        self.phone = Phone(fake, signal, phone)
        self.key = ConversationKey("signal", BOT, self.phone.uuid)
        self._review: list[tuple[str, str]] | None = None

    def _got(self, before: int) -> list[str]:
        texts = [m.message for m in self.phone.received()[before:]]
        self._review = rows_in_text(texts)
        return texts

    async def send(self, text: str) -> list[str]:
        before = len(self.phone.received())
        self.phone.push(text)
        await self.phone.answered(before)
        return self._got(before)

    async def send_file(self, name: str, content_type: str, data: bytes) -> list[str]:
        before = len(self.phone.received())
        await self.phone.send_file(data, content_type, filename=name)
        return self._got(before)

    async def restart(self) -> None:
        await self.signal.stop()
        self.signal = await start_signal(self.app, **FAST)  # type: ignore[assignment]
        assert self.signal is not None
        await eventually(lambda: self.signal.connected)
        self.phone.signal = self.signal

    def last_review(self) -> list[tuple[str, str]] | None:
        return self._review


def _card_rows(call: ConnectorCall) -> list[tuple[str, str]]:
    rows = []
    for attachment in (call.body or {}).get("attachments") or []:
        if attachment.get("contentType") != ADAPTIVE:
            continue
        for block in attachment["content"].get("body", []):
            for fact in block.get("facts", []) if isinstance(block, dict) else []:
                title = re.sub(r"^\d+\.\s*", "", str(fact.get("title", "")))
                rows.append((title, str(fact.get("value", ""))))
    return rows


class TeamsTransport:
    def __init__(self, bot: Bot, aad: str, name: str) -> None:
        self.bot = bot
        self.app = bot.app
        self.person = Person(bot, name, aad)
        self.key = ConversationKey("teams", TENANT, aad)
        self._review: list[tuple[str, str]] | None = None

    async def _post(self, **activity: Any) -> list[str]:
        before = len(self.bot.connector.calls)
        response = await self.bot.post(self.person.activity(**activity))
        assert response.status == 201, response.status
        calls = self.person.received(before)
        rows = [row for c in calls for row in _card_rows(c)]
        self._review = rows or None
        return [text_of(c) for c in calls]

    async def send(self, text: str) -> list[str]:
        return await self._post(text=text)

    async def send_file(self, name: str, content_type: str, data: bytes) -> list[str]:
        stored = f"{uuid.uuid4().hex[:8]}-{name}"
        self.bot.connector.files[stored] = data
        url = f"{self.bot.connector.url.rstrip('/')}/files/{stored}"
        return await self._post(
            text="",
            attachments=[
                {
                    "contentType": "application/vnd.microsoft.teams.file.download.info",
                    "contentUrl": url,
                    "name": name,
                    "content": {
                        "downloadUrl": url,
                        "uniqueId": str(uuid.uuid4()),
                        "fileType": name.rsplit(".", 1)[-1],
                    },
                }
            ],
        )

    async def restart(self) -> None:
        await self.bot.client.close()
        client: TestClient[Any, Any] = TestClient(
            TestServer(build_web_app(self.app), host="127.0.0.1")
        )
        await client.start_server()
        self.bot.client = client

    def last_review(self) -> list[tuple[str, str]] | None:
        return self._review
