"""The local channel: chat with the bot in a terminal, or drive it from a script.

One line is one message. `/bestand PATH` sends a file, `/exit` (or end of input) leaves.

Proactive notices (a handler's new case, a reminder) reach a local person through the
outbox like on any channel: `LocalChannel` is the `Channel` the outbox worker delivers
to, and it prints into the open chat of the recipient's handle. A person is only
reachable while their chat is open, so the chat runs the worker for its own handle when
it opens (the notices of new cases come first) and after each reply; until then the
rows stay pending in the database. A turn's replies are outbox rows too, written in the
turn's transaction: the chat prints them right after the commit and marks them sent, and
when a chat dies in between, they are shown once their lease has run out.

An evidence file a handler asked for ("bewijs REF NUMMER PAD") is written to that path,
never over an existing file, readable by its owner only (0600); a directory as the path
gets the file under its own name.
"""

from __future__ import annotations

import asyncio
import io
import mimetypes
import os
import sys
import threading
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

from bot.app import Weerbaar
from bot.cases.notices import EvidenceOffer
from bot.ports import DeliveryError, Receipt, Replies
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


async def threaded_readline(stream: TextIO) -> str:
    """One line of `stream`, read in a daemon thread so that the event loop goes on (the
    console's web chat beside the terminal chat in `./dev start`). A daemon thread, so
    that Ctrl-C or the end of the program does not wait for a line that never comes."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[str] = loop.create_future()

    def work() -> None:
        try:
            line = stream.readline()
        except (OSError, ValueError):
            line = ""

        def settle() -> None:
            if not done.done():
                done.set_result(line)

        loop.call_soon_threadsafe(settle)

    threading.Thread(target=work, name="terminal-chat-readline", daemon=True).start()
    return await done


def render(message: Outbound) -> str:
    """Plain text: choices as a numbered list, a summary as numbered rows."""
    return as_text(message)


def read_file(path_text: str) -> Attachment | str:
    path = Path(path_text.strip().strip('"').strip("'")).expanduser()
    if not path.is_file():
        return say("local_file_missing", path=path)
    ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return Attachment(filename=path.name, content_type=ctype, data=path.read_bytes())


def write_new_file(path_text: str, file: Attachment) -> Path | str:
    """Write `file` to a new file at `path_text` (under its own name when that is a
    directory), mode 0600; the path written, or the reply when it cannot be."""
    path = Path(path_text.strip().strip('"').strip("'")).expanduser()
    if path.is_dir():
        path = path / Path(file.filename).name
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return say("evidence_path_taken", path=path)
    except OSError:
        return say("evidence_path_unusable", path=path)
    with os.fdopen(fd, "wb") as out:
        out.write(file.data)
    return path


class LocalChannel:
    """The local channel as the outbox sees it: one `show` function per open chat."""

    name = CHANNEL
    file_notice_kinds = frozenset({EvidenceOffer.kind})  # the file is written to a path

    def __init__(self) -> None:
        self._open: dict[str, Callable[[Outbound], None]] = {}

    def open(self, handle: str, show: Callable[[Outbound], None]) -> None:
        """Deliver to `show` what is sent to `handle` from now on (one chat per handle)."""
        self._open[handle] = show

    def close(self, handle: str) -> None:
        self._open.pop(handle, None)

    async def send(self, key: ConversationKey, message: Outbound) -> Receipt | None:
        """Show the message in the recipient's open chat.

        With none open the delivery fails and the row stays pending. That does not happen
        in `weerbaar chat`, which runs the outbox for its own handle only; a run over the
        whole channel would leave the row backing off like any failed delivery.
        """
        show = self._open.get(key.user)
        if show is None:
            raise DeliveryError("local chat not open")
        offer = message.notice
        if isinstance(offer, EvidenceOffer) and offer.path and message.attachments:
            written = write_new_file(offer.path, message.attachments[0])
            done = isinstance(written, Path)
            if isinstance(written, Path):
                written = say(
                    "evidence_written",
                    number=offer.number,
                    reference=offer.reference,
                    path=written,
                )
            show(Outbound(written))
            return Receipt(file_delivered=done)
        show(message)
        return None


def local_channel(app: Weerbaar) -> LocalChannel:
    """The app's local channel, added to it on first use."""
    channel = app.channels.get(CHANNEL)
    if channel is None:
        channel = LocalChannel()
        app.add_channel(channel)
    if not isinstance(channel, LocalChannel):
        raise TypeError(f"the app's {CHANNEL!r} channel is a {type(channel).__name__}")
    return channel


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

    def _show_notice(self, message: Outbound) -> None:
        self._print(f"[bericht] {as_text(message)}")

    async def open(self) -> int:
        """Open the chat: the local channel delivers to it from now on, starting with
        what waits for this handle. Returns how many notices were shown."""
        local_channel(self.app).open(self.key.user, self._show_notice)
        shown = await self.deliver()
        draft = await self.app.service.open_draft(self.key)
        if draft is not None:  # a report under way (after a restart): its open question
            self._print(render(draft))
        return shown

    def close(self) -> None:
        local_channel(self.app).close(self.key.user)

    async def deliver(self) -> int:
        """Run the outbox for this handle's local rows; returns how many were shown."""
        shown = 0
        while True:  # a batch at a time, until all that waits is shown
            sent = await self.app.outbox.run_once(channels=[CHANNEL], recipient=self.key.user)
            shown += sent
            if sent < self.app.outbox.batch:
                return shown

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
            await self.deliver()  # what was queued for this person before comes first
        for reply in replies:
            self._print(render(reply))
        await self.app.replies.settle(self.key, replies, sent=len(replies))
        return replies

    async def run(
        self,
        lines: TextIO,
        interactive: bool,
        read: Callable[[TextIO], Awaitable[str]] | None = None,
    ) -> None:
        """Chat until /exit or the end of `lines`. `read` reads a line without holding the
        event loop (`threaded_readline`), for a chat that runs beside a web server."""
        await self.open()
        try:
            if interactive:
                self._print(say("local_intro"))
            while True:
                if interactive:
                    self.out.write("> ")
                    self.out.flush()
                line = await read(lines) if read is not None else lines.readline()
                if not line or line.strip() in ("/exit", "/quit"):
                    break
                if not line.strip():
                    continue
                if UNREADABLE in line and not self._told_unreadable:
                    self._told_unreadable = True  # once a chat: the reason does not change
                    self._print(say("local_unreadable"))
                await self.send(line)
                await self.deliver()
        finally:
            self.close()
