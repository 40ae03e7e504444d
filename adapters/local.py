"""The local channel: chat with the bot in a terminal, or drive it from a script.

One line is one message. `/bestand PATH` sends a file, `/exit` (or end of input) leaves.
Notices queued for this person (a handler's new case) are shown when the chat opens and
after each reply: the local channel is pulled, not pushed.
"""

from __future__ import annotations

import io
import mimetypes
import sys
import uuid
from pathlib import Path
from typing import TextIO

from bot.app import Weerbaar
from bot.jobs.outbox import outbound_from
from bot.text.catalogue import say
from dialogs.messages import Attachment, ConversationKey, Inbound, Outbound, as_text

CHANNEL = "local"
UNREADABLE = "\ufffd"  # what a byte that is not UTF-8 becomes


def utf8_terminal(stdin: TextIO, stdout: TextIO) -> None:
    """Read and write UTF-8 whatever the locale says, and never fail on a byte that is
    not UTF-8: it becomes U+FFFD. A strict locale would stop the chat at the first bad
    byte (losing the lines behind it); the C locale's surrogate escapes would fail later,
    in storage."""
    for stream in (stdin, stdout):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")


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
        self._told_unreadable = False

    def _print(self, text: str) -> None:
        self.out.write(text + "\n\n")
        self.out.flush()

    async def enrolled(self) -> bool:
        async with self.app.store.transaction() as tx:
            return await tx.people.find_person_id(CHANNEL, "handle", self.key.user) is not None

    async def show_notices(self) -> None:
        async with self.app.store.transaction() as tx:
            items = await tx.outbox.pending_for(CHANNEL, self.key.user)
            for item in items:
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
        for reply in replies:
            self._print(render(reply))
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
            if UNREADABLE in line and not self._told_unreadable:
                self._told_unreadable = True  # once a chat: the reason does not change
                self._print(say("local_unreadable"))
            await self.send(line)
            await self.show_notices()
