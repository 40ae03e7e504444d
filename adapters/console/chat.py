"""`/console/chat`: the local channel in the browser, in development mode only.

The same flows as the terminal chat (`weerbaar chat --as HANDLE`): each message posted by
the form is a line of a `LocalChat` (adapters/local.py), and the page shows the
conversation so far, phone-sized. It works without JavaScript: the form posts, the page
comes back with the replies. `?als=HANDLE` picks the demo person (default "anna").

The transcript on the page is kept in this process only (the conversation itself, its
answers and position, is in the database like any chat's): a restart clears the page,
not the report. Notices for the person (a handler's new case) appear while the page is
used, as in the terminal. It chats as whoever `?als=` names, so it answers only a browser
on this machine (loopback), and only while the setting is on.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from aiohttp import web

from adapters.console.web import console, pre_form_page, t
from adapters.local import LocalChat
from bot.app import Weerbaar

_MAX_LINES = 200  # what a page keeps of one conversation
LOOPBACK = frozenset({"127.0.0.1", "::1"})


class _Transcript(io.StringIO):
    """What a LocalChat prints, as messages: every print is one bot message."""

    def __init__(self, lines: list[tuple[str, str]]) -> None:
        super().__init__()
        self.lines = lines

    def write(self, text: str) -> int:
        message = text.strip()
        if message and message != ">":
            self.lines.append(("bot", message))
            del self.lines[:-_MAX_LINES]
        return len(text)


@dataclass
class Rooms:
    """One open LocalChat and its transcript per handle."""

    app: Weerbaar
    chats: dict[str, LocalChat] = field(default_factory=dict)
    lines: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    async def chat(self, handle: str) -> LocalChat | None:
        found = self.chats.get(handle)
        if found is not None:
            return found
        lines = self.lines.setdefault(handle, [])
        chat = LocalChat(self.app, handle, out=_Transcript(lines))
        if not await chat.enrolled():
            return None
        self.chats[handle] = chat
        lines.append(("bot", t("local_intro")))
        await chat.open()
        return chat

    def close(self) -> None:
        for chat in self.chats.values():
            chat.close()


ROOMS = web.AppKey("chat_rooms", Rooms)


def _handle(request: web.Request) -> str:
    handle = request.query.get("als", "anna").strip()
    if not handle or len(handle) > 64 or not handle.replace("-", "").isalnum():
        raise web.HTTPBadRequest()
    return handle


async def _show(request: web.Request, handle: str) -> web.Response:
    rooms = request.config_dict[ROOMS]
    chat = await rooms.chat(handle)
    if chat is None:
        raise web.HTTPNotFound()
    await chat.deliver()
    return pre_form_page(
        request,
        "chat.html",
        title=t("console_chat_title"),
        handle=handle,
        lines=rooms.lines.get(handle, []),
    )


def _allowed(request: web.Request) -> None:
    """The chat signs in nobody: it is there only when switched on (development mode),
    and only for a browser on this machine."""
    on = console(request).app.settings.console_chat_enabled
    if not on or request.remote not in LOOPBACK:
        raise web.HTTPNotFound()


async def chat_page(request: web.Request) -> web.Response:
    _allowed(request)
    return await _show(request, _handle(request))


async def chat_post(request: web.Request) -> web.Response:
    _allowed(request)
    handle = _handle(request)
    rooms = request.config_dict[ROOMS]
    chat = await rooms.chat(handle)
    if chat is None:
        raise web.HTTPNotFound()
    text = (await request.post()).get("bericht")
    if isinstance(text, str) and text.strip():
        rooms.lines[handle].append(("ik", text.strip()))
        await chat.send(text)
        await chat.deliver()
    raise web.HTTPSeeOther(f"{request.path}?als={handle}#laatste")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/chat", chat_page)
    app.router.add_post("/chat", chat_post)
