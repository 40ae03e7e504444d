"""Replay a corpus chat against the app over one channel, answering whatever is asked.

The driver reads the open question from the dialog state in the store (the step id), and
answers it from the chat's data: `answers[step]` in order, else what the story already said
(`told`), else a plain default below. Every message sent is recorded with the step open
before and after it and whether the stored answers changed, so that the checks (checks.py)
and the figures (bench/intake_bench.py) need nothing channel-specific.

A channel is a `Transport`: send a text or a file, restart, and the conversation key the
store knows the person by. tests/conversations/transports.py has the three channels.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.app import Weerbaar
from bot.domain.records import CaseRecord, DialogState
from dialogs.flow import REVIEW
from dialogs.messages import ConversationKey
from tests.conftest import FakeClock
from tests.conversations.model import (
    Behaviour,
    Chat,
    File,
    Pause,
    Refused,
    Restart,
    T,
    Turn,
)

PAUSED = "paused"  # the pseudo step of a paused draft ("verder of opnieuw?")
MAX_MESSAGES = 60  # a chat that needs more is stuck

# What a person types when a question is open that their chat says nothing about: the
# plain answer most people give. Steps a flow adds go here (one line each).
DEFAULTS: dict[str, Turn] = {
    "safe": T("ja"),
    "safe_continue": T("ja"),
    "when_ok": T("ja"),
    "what_ok": T("ja"),  # "Ik lees: ... Klopt dat?"
    "story_more": T("klaar"),
    "what_more": T("klaar"),
    "perp_known": T("weet ik niet"),
    "perp_details": T("nee"),
    "witnesses": T("nee"),
    "evidence": T("nee"),
    "impact": T("nee"),  # "Is er letsel, schade aan spullen of kon je niet werken?"
    "injury": T("nee"),
    "damage": T("nee"),
    "time_off": T("nee"),
    "criminal": T("weet ik niet"),
    PAUSED: T("verder"),
    REVIEW: T("verstuur"),
}

# What a person types to end a step that collects, after sending something to it.
DONE: dict[str, Turn] = {"evidence": T("klaar"), "story_more": T("klaar"), "what_ok": T("ja")}


class Transport(Protocol):
    app: Weerbaar
    key: ConversationKey

    async def send(self, text: str) -> list[str]:
        """Send one message; the replies as the person reads them."""
        ...

    async def send_file(self, name: str, content_type: str, data: bytes) -> list[str]: ...

    async def restart(self) -> None:
        """Stop and start the app on the same database (the chat goes on)."""
        ...

    def last_review(self) -> list[tuple[str, str]] | None:
        """The rows (label, value) of the last review shown, if any."""
        ...


@dataclass
class Sent:
    turn: Turn
    step: str  # open before (PAUSED when paused)
    after: str  # open after
    changed: bool  # the stored answers changed
    replies: list[str]
    from_story: bool = False  # the person answered again what the story had said
    paused_before: float = 0.0  # hours that passed before this message
    opening: bool = False  # typed before reading any question
    set_keys: frozenset[str] = frozenset()  # the stored answers it added or changed

    @property
    def text(self) -> str:
        return "\n\n".join(self.replies)

    @property
    def reasked(self) -> bool:
        """The bot asked the same question again without taking anything from it."""
        answering = isinstance(self.turn, T | Refused | Behaviour)
        return answering and self.step == self.after and not self.changed


@dataclass
class Replay:
    chat: Chat
    channel: str
    person_id: int
    sent: list[Sent] = field(default_factory=list)
    case: CaseRecord | None = None  # the submitted case
    answers: dict[str, Any] = field(default_factory=dict)  # its stored answers, decrypted
    evidence: list[str] = field(default_factory=list)  # its stored files' names
    files_kept: list[str] = field(default_factory=list)  # sent, minus "verwijder N"
    asked: set[str] = field(default_factory=set)  # steps the person answered when asked
    review: list[tuple[str, str]] | None = None
    stuck: str | None = None
    handler: str | None = None  # the local handle of the handler the report goes to
    notices: list[str] = field(default_factory=list)  # what was queued for that handler

    @property
    def messages(self) -> int:
        """Messages the person sent until submission (files included, pauses not)."""
        return len(self.sent)

    @property
    def reasks(self) -> int:
        return sum(1 for s in self.sent if s.reasked and not isinstance(s.turn, Refused))

    @property
    def asked_from_story(self) -> int:
        return sum(1 for s in self.sent if s.from_story)

    @property
    def extracted(self) -> list[str]:
        """Answered steps the person was never asked: taken from the story (not those
        answered together with another question, as one question answers three)."""
        prefilled = {"role"} if len(self.chat.roles) == 1 else set()  # the flow's prefill
        with_other = {k for s in self.sent if s.step not in STORY_STEPS for k in s.set_keys}
        return sorted(
            k
            for k in self.answers
            if k in LABELLED and k not in self.asked | prefilled | with_other
        )


# Steps shown in the review: the ones whose answers count as "taken from the story" when
# they were never asked. Read from the flow, so a new step counts too.
def _labelled() -> frozenset[str]:
    from dialogs.flows.report import REPORT

    return frozenset(s.id for s in REPORT.steps if s.label is not None)


LABELLED = _labelled()
# Where the story is told (or a message that may be one arrives): what is stored there
# comes from the story.
STORY_STEPS = frozenset({"none", "safe", "behaviour", "safe_continue", "what", "what_ok"})
_REMOVE = re.compile(r"^\s*(?:verwijder|wis)\s+(\d+)\s*$", re.IGNORECASE)


async def dialog_state(app: Weerbaar, key: ConversationKey) -> DialogState | None:
    async with app.store.transaction() as tx:
        return await tx.dialogs.load_state(key)


async def submitted_case(app: Weerbaar, person_id: int) -> CaseRecord | None:
    async with app.store.transaction() as tx:
        cases = await tx.cases.list_cases()
    mine = [c for c in cases if c.reporter_id == person_id and c.status != "draft"]
    return mine[-1] if mine else None


def open_step(state: DialogState | None) -> str:
    if state is None or state.flow is None:
        return "none"
    if state.paused:
        return PAUSED
    return state.step or REVIEW


def fingerprint(state: DialogState | None) -> str:
    if state is None:
        return ""
    return json.dumps(state.answers, sort_keys=True, default=str)


class Player:
    """One chat played over one transport."""

    def __init__(
        self,
        chat: Chat,
        transport: Transport,
        clock: FakeClock,
        person_id: int,
        handler: str | None = None,
    ) -> None:
        self.chat, self.transport, self.clock = chat, transport, clock
        self.replay = Replay(chat, transport.key.channel, person_id, handler=handler)
        self.used: dict[str, int] = {}  # per step: how many of its turns were typed
        self.told_used: set[str] = set()
        self._from_story = False  # the next message repeats what the story said
        self._paused = 0.0  # hours passed since the last message

    async def state(self) -> DialogState | None:
        return await dialog_state(self.transport.app, self.transport.key)

    async def play(self) -> Replay:
        for turn in self.chat.opening:
            await self.do(turn, await self.state())
            if self.replay.sent:
                self.replay.sent[-1].opening = True
        while self.replay.stuck is None:
            r = self.replay
            r.case = await submitted_case(self.transport.app, r.person_id)
            if r.case is not None or (not self.chat.submit and self._all_said()):
                break
            if r.messages >= MAX_MESSAGES:
                r.stuck = f"more than {MAX_MESSAGES} messages"
                break
            state = await self.state()
            step = open_step(state)
            typed = self.next_turn(step)
            if typed is None:
                break
            await self.do(typed, state)
        await self.finish()
        return self.replay

    def _queue(self, step: str) -> tuple[Turn, ...]:
        if step == REVIEW:
            return self.chat.review
        if step == PAUSED:
            return self.chat.resume
        return self.chat.answers.get(step, ())

    def _all_said(self) -> bool:
        """Everything the chat has the person type was typed (for a chat not sent)."""
        steps = [*self.chat.answers, PAUSED]
        return all(self.used.get(step, 0) >= len(self._queue(step)) for step in steps)

    def next_turn(self, step: str) -> Turn | None:
        queue = self._queue(step)
        n = self.used.get(step, 0)
        if n < len(queue):
            self.used[step] = n + 1
            return queue[n]
        last = self.replay.sent[-1] if self.replay.sent else None
        if step == REVIEW and not self.chat.submit:
            return None  # the person leaves without sending
        if last is not None and last.step == step and last.reasked:
            self.replay.stuck = (
                f"asked {step!r} again after {_typed(last.turn)!r}; the person has said "
                "what they would say"
            )
            return None
        if step in self.chat.told and step not in self.told_used:
            self.told_used.add(step)
            self._from_story = True
            return T(self.chat.told[step])
        collected = (
            last is not None
            and not last.opening
            and last.step == step == last.after
            and last.changed
        )
        if collected and step in DONE:  # a step that collects (files, story): done now
            return DONE[step]
        if collected and last is not None:
            self.replay.stuck = (
                f"the bot took {_typed(last.turn)!r} and asks more at {step!r}; the chat "
                "says nothing more there"
            )
            return None
        if step in DEFAULTS:
            return DEFAULTS[step]
        self.replay.stuck = f"the bot asks {step!r}, which this chat has no answer for"
        if step == "what" and self.chat.opening:
            self.replay.stuck += " (the story was sent as the first message(s))"
        return None

    async def do(self, turn: Turn, state: DialogState | None) -> None:
        t = self.transport
        if isinstance(turn, Pause):
            self.clock.advance(hours=turn.hours)
            self._paused += turn.hours
            return
        if isinstance(turn, Restart):
            await t.restart()
            return
        before = open_step(state)
        if isinstance(turn, File):
            replies = await t.send_file(turn.name, turn.content_type, _file_bytes(turn.name))
            self.replay.files_kept.append(turn.name)
        else:
            replies = await t.send(turn.text)
            removed = _REMOVE.match(turn.text)
            if removed and isinstance(turn, T):
                n = int(removed.group(1))
                if 1 <= n <= len(self.replay.files_kept):
                    del self.replay.files_kept[n - 1]
        after_state = await self.state()
        after = open_step(after_state)
        if isinstance(turn, T | Behaviour | Refused) and before not in ("none", PAUSED, REVIEW):
            self.replay.asked.add(before)
        self.replay.sent.append(
            Sent(
                turn,
                before,
                after,
                fingerprint(state) != fingerprint(after_state),
                replies,
                set_keys=_set_keys(state, after_state),
                from_story=self._from_story,
                paused_before=self._paused,
            )
        )
        self._from_story = False
        self._paused = 0.0
        review = t.last_review()
        if review is not None:
            self.replay.review = review

    async def finish(self) -> None:
        r = self.replay
        app = self.transport.app
        r.case = await submitted_case(app, r.person_id)
        async with app.store.transaction() as tx:
            if r.handler is not None:
                pending = await tx.outbox.pending_for("local", r.handler)
                r.notices = [json.dumps(item.payload, ensure_ascii=False) for item in pending]
            if r.case is not None:
                r.answers = await tx.dialogs.answers(r.case.id)
                r.evidence = [e.filename for e in await tx.cases.evidence(r.case.id)]
            else:
                state = await tx.dialogs.load_state(self.transport.key)
                if state is not None and state.case_id is not None:
                    r.answers = await tx.dialogs.answers(state.case_id)
                    r.evidence = [e.filename for e in await tx.cases.evidence(state.case_id)]


def _set_keys(before: DialogState | None, after: DialogState | None) -> frozenset[str]:
    old = before.answers if before is not None else {}
    new = after.answers if after is not None else {}
    return frozenset(k for k, v in new.items() if k not in old or old[k] != v)


def _typed(turn: Turn) -> str:
    return getattr(turn, "text", None) or getattr(turn, "name", "") or type(turn).__name__


def _file_bytes(name: str) -> bytes:
    # Bytes that look like the named kind of file, different per name.
    head = {
        "jpg": b"\xff\xd8\xff\xe0",
        "jpeg": b"\xff\xd8\xff\xe0",
        "png": b"\x89PNG\r\n\x1a\n",
        "pdf": b"%PDF-1.4\n",
    }.get(name.rsplit(".", 1)[-1].lower(), b"")
    return head + name.encode() * 64


def transcript(replay: Replay, width: int = 160) -> str:
    """The chat as it went, for a failing test's message: what was typed, the open step
    before and after, and the start of each reply."""
    lines = [f"--- {replay.chat.name} over {replay.channel}"]
    for s in replay.sent:
        mark = " (re-ask)" if s.reasked else ""
        lines.append(f"> {_typed(s.turn)!r}  [{s.step} -> {s.after}]{mark}")
        for reply in s.replies:
            flat = " | ".join(line for line in reply.splitlines() if line.strip())
            lines.append("    " + (flat[:width] + "…" if len(flat) > width else flat))
    return "\n".join(lines)
