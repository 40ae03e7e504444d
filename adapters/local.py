"""The local channel: chat with the bot in a terminal, or drive it from a script.

One line is one message. `/bestand PATH` sends a file, `/exit` (or end of input) leaves.
Notices queued for this person (a handler's new case) are shown when the chat opens and
after each reply: the local channel is pulled, not pushed. A turn's replies are outbox
rows like any message: printed right after the commit and then marked sent, so a chat
that dies in between shows them when it opens again.
"""

from __future__ import annotations

import mimetypes
import sys
import uuid
from pathlib import Path
from typing import TextIO

from bot.app import Weerbaar
from bot.jobs.outbox import outbound_from
from bot.ports import Replies, rows_of
from bot.text.catalogue import say
from dialogs.messages import Attachment, ConversationKey, Inbound, Outbound, as_text

CHANNEL = "local"


def render(message: Outbound) -> str:
    """Plain text: choices as a numbered list, a summary as numbered rows."""
    return as_text(message)


def read_file(path_text: str) -> Attachment | str:
    path = Path(path_text.strip().strip('"').strip("'")).expanduser()
    if not path.is_file():
        return say("local_file_missing", path=path)
    ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return Attachment(filename=path.name, content_type=ctype, data=path.read_bytes())


class LocalChat:
    def __init__(self, app: Weerbaar, handle: str, out: TextIO = sys.stdout) -> None:
        self.app = app
        self.key = ConversationKey(CHANNEL, "local", handle)
        self.out = out

    def _print(self, text: str) -> None:
        self.out.write(text + "\n\n")
        self.out.flush()

    async def enrolled(self) -> bool:
        async with self.app.store.transaction() as tx:
            return await tx.people.find_person_id(CHANNEL, "handle", self.key.user) is not None

    async def show_notices(self, besides: frozenset[int] = frozenset()) -> None:
        """Print what is queued for this person, in order (leaving out the `besides` rows:
        the replies this chat prints itself), and mark it shown."""
        async with self.app.store.transaction() as tx:
            items = await tx.outbox.pending_for(CHANNEL, self.key.user)
            for item in items:
                if item.id in besides:
                    continue
                self._print(f"[bericht] {as_text(outbound_from(item.payload))}")
                await tx.outbox.mark_sent(item.id, self.app.clock())

    async def send(self, line: str) -> list[Outbound]:
        """One typed line in, the replies out (also printed)."""
        attachments: tuple[Attachment, ...] = ()
        text = line.rstrip("\n")
        if text.startswith("/bestand "):
            file = read_file(text[len("/bestand ") :])
            if isinstance(file, str):
                self._print(file)
                return []
            attachments, text = (file,), ""
        inbound = Inbound(
            key=self.key, message_id=uuid.uuid4().hex, text=text, attachments=attachments
        )
        replies = await self.app.handle(inbound)
        if isinstance(replies, Replies) and not replies.send_now:
            # Something queued earlier for this person comes first.
            await self.show_notices(besides=frozenset(r for r in rows_of(replies) if r))
        for reply in replies:
            self._print(render(reply))
        await self.app.replies.settle(self.key, replies, sent=len(replies))
        return replies

    async def run(self, lines: TextIO, interactive: bool) -> None:
        await self.show_notices()
        if interactive:
            self._print(say("local_intro"))
        while True:
            if interactive:
                self.out.write("> ")
                self.out.flush()
            line = lines.readline()
            if not line or line.strip() in ("/exit", "/quit"):
                break
            if not line.strip():
                continue
            await self.send(line)
            await self.show_notices()
