"""The local channel as a transport for the corpus (tests/chat.py's way of chatting)."""

from __future__ import annotations

import io
import uuid
from collections.abc import Awaitable, Callable

from adapters.local import LocalChat, render
from bot.app import Weerbaar
from dialogs.messages import Attachment, ConversationKey, Inbound, Outbound


class LocalTransport:
    def __init__(
        self, app: Weerbaar, handle: str, reopen: Callable[[], Awaitable[Weerbaar]]
    ) -> None:
        self.app = app
        self.out = io.StringIO()
        self.chat = LocalChat(app, handle, out=self.out)
        self.key = self.chat.key
        self._reopen = reopen
        self._review: list[tuple[str, str]] | None = None

    async def _shown(self, replies: list[Outbound]) -> list[str]:
        self._review = None
        for reply in replies:
            if reply.summary is not None:
                self._review = [(row.label, row.value) for row in reply.summary.rows]
        return [render(r) for r in replies]

    async def send(self, text: str) -> list[str]:
        return await self._shown(await self.chat.send(text))

    async def send_file(self, name: str, content_type: str, data: bytes) -> list[str]:
        # As `/bestand PATH` does, without a file on disk.
        inbound = Inbound(
            key=self.key,
            message_id=uuid.uuid4().hex,
            attachments=(Attachment(filename=name, content_type=content_type, data=data),),
        )
        replies = await self.app.handle(inbound)
        await self.app.replies.settle(self.key, replies, sent=len(replies))
        return await self._shown(replies)

    async def restart(self) -> None:
        self.chat.close()
        self.app = await self._reopen()
        self.chat = LocalChat(self.app, self.key.user, out=self.out)
        await self.chat.open()

    def last_review(self) -> list[tuple[str, str]] | None:
        return self._review


def local_key(handle: str) -> ConversationKey:
    return ConversationKey("local", "local", handle)
