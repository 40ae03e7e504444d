"""Play corpus chats: enrol the person, set the clock, drive the chat, collect the replay."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.app import Weerbaar
from bot.domain.routing import ROUTING, ReporterRole
from tests.conftest import FakeClock
from tests.conversations.driver import Player, Replay, Transport
from tests.conversations.local import LocalTransport
from tests.conversations.model import Chat
from tests.people import enrol

AMS = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 11, 25, 10, 0, tzinfo=AMS)  # a Wednesday, as tests/conftest.py


def person_name(chat: Chat) -> str:
    return "Corpus " + chat.name.split("_")[0].capitalize()


async def play(
    chat: Chat, transport: Transport, clock: FakeClock, person_id: int, handler: str | None
) -> Replay:
    clock.now = chat.start or START
    return await Player(chat, transport, clock, person_id, handler).play()


async def enrol_people(app: Weerbaar, chat: Chat, n: int, **address: str) -> tuple[int, str]:
    """The reporter (at `address`), and the handler their report goes to, reachable on the
    local channel as `h{n}` (their notices stay queued there, to be read)."""
    pid = await enrol(app, person_name(chat), *chat.roles, **address)
    role, _, slug = (chat.files_under or "@".join(chat.roles[0])).partition("@")
    handler = ROUTING[ReporterRole(role)].handler.value
    await enrol(app, f"Afhandelaar {n}", (handler, slug), local=f"h{n}")
    return pid, f"h{n}"


async def play_local(app: Weerbaar, clock: FakeClock, chat: Chat, n: int = 0) -> Replay:
    """One chat on the local channel of `app`; a restart in the chat reopens the app on
    the same database (closed again at the end)."""
    handle = f"corpus{n}"
    pid, handler = await enrol_people(app, chat, n, local=handle)
    reopened: list[Weerbaar] = []

    async def reopen() -> Weerbaar:
        new = await Weerbaar.create(app.settings, clock=clock)
        reopened.append(new)
        return new

    transport = LocalTransport(app, handle, reopen)
    await transport.chat.open()
    try:
        return await play(chat, transport, clock, pid, handler)
    finally:
        transport.chat.close()
        for other in reopened:
            await other.close()
