"""The notices the core sends besides text: typed, and stored in an outbox row as a dict.

A notice says *what* happened in facts without names or narrative; a channel with cards
(Teams) draws a card from it, the others send the row's text. Each outbox notice is a
frozen dataclass with `to_dict` (the `"notice"` part of an outbox payload) and is read
back with `notice_from_dict`. The dict shapes are the ones stored rows already hold: a
field is added only with a default, never renamed.

`Refusal` and `ReminderAnswer` are not queued: they are what a card press answers with
(bot/cases/actions.py), drawn by the channel in place of the pressed card.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from bot.domain.records import TEAM_RECIPIENT_PREFIX
from dialogs.messages import Choice, Notice

log = logging.getLogger(__name__)

HANDLER = "handler"  # audience of a case card: a handler's personal chat (names shown)
TEAM = "team"  # audience of a case card: an organisation's team channel (no names)


def audience_of(recipient: str) -> str:
    """Who sees a case card sent to this outbox recipient."""
    return TEAM if recipient.startswith(TEAM_RECIPIENT_PREFIX) else HANDLER


def _str(data: Mapping[str, Any], name: str, default: str = "") -> str:
    value = data.get(name)
    return default if value is None else str(value)


def _opt(data: Mapping[str, Any], name: str) -> str | None:
    value = data.get(name)
    return None if value is None else str(value)


@dataclass(frozen=True)
class DeadlineLine:
    """One deadline as a case card lists it."""

    kind: str
    task: str
    due: str  # as shown: "25 november 2026, 14:30"
    done: bool

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "task": self.task, "due": self.due, "done": self.done}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DeadlineLine:
        return cls(
            _str(data, "kind"), _str(data, "task"), _str(data, "due"), bool(data.get("done"))
        )


@dataclass(frozen=True)
class Acknowledged:
    """Who has a case in hand since when, as a card says it."""

    by: str | None
    at: str | None  # ISO time
    at_shown: str | None  # as shown: "25 november 2026, 14:30"

    def to_dict(self) -> dict[str, Any]:
        return {"by": self.by, "at": self.at, "at_shown": self.at_shown}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Acknowledged | None:
        if not isinstance(data, Mapping):
            return None
        return cls(_opt(data, "by"), _opt(data, "at"), _opt(data, "at_shown"))


@dataclass(frozen=True)
class CaseRouted(Notice):
    """A new case for its handlers (and the linked team channel): the case card's facts.

    `acknowledged` is never stored: the outbox worker fills it in just before sending, so
    that a card sent after someone took the case in hand says who has it.
    """

    kind: ClassVar[str] = "case_routed"
    case_id: int
    reference: str
    role: str | None
    org: str
    kinds: tuple[str, ...]
    when: str
    serious: bool
    criminal: bool
    handler_function: str | None
    deadlines: tuple[DeadlineLine, ...] = ()
    acknowledged: Acknowledged | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "case_id": self.case_id,
            "reference": self.reference,
            "role": self.role,
            "org": self.org,
            "kinds": list(self.kinds),
            "when": self.when,
            "serious": self.serious,
            "criminal": self.criminal,
            "handler_function": self.handler_function,
            "deadlines": [d.to_dict() for d in self.deadlines],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseRouted:
        kinds, deadlines = data.get("kinds"), data.get("deadlines")
        return cls(
            case_id=int(data["case_id"]),
            reference=_str(data, "reference", "-"),
            role=_opt(data, "role"),
            org=_str(data, "org", "-"),
            kinds=tuple(str(k) for k in kinds) if isinstance(kinds, list) else (),
            when=_str(data, "when", "-"),
            serious=bool(data.get("serious")),
            criminal=bool(data.get("criminal")),
            handler_function=_opt(data, "handler_function"),
            deadlines=tuple(
                DeadlineLine.from_dict(d) for d in deadlines or () if isinstance(d, Mapping)
            ),
        )


@dataclass(frozen=True)
class CaseCardRefresh(Notice):
    """Draw the card in message `message_id` again: the case was taken in hand."""

    kind: ClassVar[str] = "case_card_refresh"
    message_id: str
    audience: str
    case: CaseRouted
    acknowledged: Acknowledged | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "message_id": self.message_id,
            "audience": self.audience,
            "case": self.case.to_dict(),
            "acknowledged": self.acknowledged.to_dict() if self.acknowledged else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseCardRefresh:
        return cls(
            message_id=_str(data, "message_id"),
            audience=_str(data, "audience") or HANDLER,
            case=CaseRouted.from_dict(data["case"]),
            acknowledged=Acknowledged.from_dict(data.get("acknowledged")),
        )


@dataclass(frozen=True)
class CaseAcknowledged(Notice):
    """To the reporter: their case is in hand."""

    kind: ClassVar[str] = "case_acknowledged"
    case_id: int
    reference: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "case_id": self.case_id, "reference": self.reference}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseAcknowledged:
        return cls(int(data["case_id"]), _str(data, "reference"))


@dataclass(frozen=True)
class CaseInformed(Notice):
    """To an informed party (the guideline's "geïnformeerde"): a case is in hand."""

    kind: ClassVar[str] = "case_informed"
    case_id: int
    reference: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "case_id": self.case_id, "reference": self.reference}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseInformed:
        return cls(int(data["case_id"]), _str(data, "reference"))


@dataclass(frozen=True)
class Checkin(Notice):
    """An aftercare check-in to the reporter; its answers travel as choices."""

    kind: ClassVar[str] = "checkin"
    case_id: int
    reference: str
    number: int
    late: bool
    choices: tuple[Choice, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "case_id": self.case_id,
            "reference": self.reference,
            "number": self.number,
            "late": self.late,
            "choices": [{"value": c.value, "label": c.label} for c in self.choices],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Checkin:
        return cls(
            int(data["case_id"]),
            _str(data, "reference"),
            int(data.get("number") or 0),
            bool(data.get("late")),
            tuple(
                Choice(str(c["value"]), str(c["label"]))
                for c in data.get("choices") or ()
                if isinstance(c, Mapping)
            ),
        )


@dataclass(frozen=True)
class CheckinContact(Notice):
    """To the coordinator VPT and the handlers: the reporter would like contact."""

    kind: ClassVar[str] = "checkin_contact"
    case_id: int
    reference: str
    org: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "case_id": self.case_id,
            "reference": self.reference,
            "org": self.org,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckinContact:
        return cls(int(data["case_id"]), _str(data, "reference"), _str(data, "org", "-"))


# What a reminder card's buttons send back, so that the card can be drawn again after a
# press without looking anything up. Only `reference` and `deadline` are acted on.
REMINDER_FIELDS = (
    "reference",
    "deadline",
    "task",
    "step",
    "escalation",
    "due",
    "planned",
    "late",
    "org",
    "handler_reached",
)


@dataclass(frozen=True)
class ReminderFacts:
    """What a reminder card shows: no name and no narrative.

    `due` and `planned` are ISO times in a queued reminder; a card's buttons send them
    back as they were shown. `escalation` is True on the copy for a stand-in (a deputy,
    the coordinator VPT): the handler's own copy speaks to her, also at an escalation step.
    """

    reference: str
    deadline: str
    task: str
    step: str
    escalation: bool
    due: str
    planned: str
    late: bool
    org: str | None
    # For a stand-in's copy (`escalation`): whether a handler of the case was reached at
    # all; when not, the card does not say "the handler already had a reminder".
    handler_reached: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "deadline": self.deadline,
            "task": self.task,
            "step": self.step,
            "escalation": self.escalation,
            "due": self.due,
            "planned": self.planned,
            "late": self.late,
            "org": self.org,
            # Only when not: rows stored before the field read and write back the same.
            **({} if self.handler_reached else {"handler_reached": False}),
        }

    def button_data(self) -> dict[str, object]:
        """The part a reminder card's buttons send back (empty values left out)."""
        facts = self.to_dict()
        return {k: facts[k] for k in REMINDER_FIELDS if facts.get(k) is not None}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReminderFacts:
        return cls(
            reference=_str(data, "reference"),
            deadline=_str(data, "deadline"),
            task=_str(data, "task", "-"),
            step=_str(data, "step") or "reminder",
            escalation=bool(data.get("escalation")),
            due=_str(data, "due"),
            planned=_str(data, "planned"),
            late=bool(data.get("late")),
            org=_opt(data, "org"),
            handler_reached=data.get("handler_reached") is not False,
        )


@dataclass(frozen=True)
class Reminder(Notice):
    """A reminder, overdue notice or escalation step of a case's deadline."""

    kind: ClassVar[str] = "reminder"
    case_id: int
    facts: ReminderFacts
    word: str  # the Dutch word of the deadline in "gedaan REF WOORD"
    actions: tuple[str, ...] = ("done", "later")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "case_id": self.case_id,
            **self.facts.to_dict(),
            "word": self.word,
            "actions": list(self.actions),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reminder:
        actions = data.get("actions")
        return cls(
            int(data["case_id"]),
            ReminderFacts.from_dict(data),
            _str(data, "word"),
            tuple(str(a) for a in actions) if isinstance(actions, list) else ("done", "later"),
        )


@dataclass(frozen=True)
class Refusal(Notice):
    """A card press that changed nothing: why, and the case's facts (no names) if known."""

    kind: ClassVar[str] = "refusal"
    text: str
    case: CaseRouted | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "case": self.case.to_dict() if self.case else None,
        }


@dataclass(frozen=True)
class ReminderAnswer(Notice):
    """A reminder card after a press: what the press did (`status`, good news or not),
    with its buttons while the deadline is still open (`buttons`)."""

    kind: ClassVar[str] = "reminder_answer"
    facts: ReminderFacts
    status: str
    good: bool
    buttons: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            **self.facts.to_dict(),
            "status": self.status,
            "good": self.good,
            "buttons": self.buttons,
        }


# The seven kinds an outbox row may carry, by their stored "kind".
_OUTBOX_NOTICES: dict[str, Callable[[Mapping[str, Any]], Notice]] = {
    CaseRouted.kind: CaseRouted.from_dict,
    CaseCardRefresh.kind: CaseCardRefresh.from_dict,
    CaseAcknowledged.kind: CaseAcknowledged.from_dict,
    CaseInformed.kind: CaseInformed.from_dict,
    Checkin.kind: Checkin.from_dict,
    CheckinContact.kind: CheckinContact.from_dict,
    Reminder.kind: Reminder.from_dict,
}


def notice_from_dict(data: object) -> Notice | None:
    """The notice of an outbox payload; None when there is none or it cannot be read (the
    row's text still goes out)."""
    if not isinstance(data, Mapping):
        return None
    read = _OUTBOX_NOTICES.get(str(data.get("kind")))
    if read is None:
        log.warning("outbox notice of an unknown kind")
        return None
    try:
        return read(data)
    except (KeyError, TypeError, ValueError):
        log.warning("outbox notice that cannot be read kind=%s", data.get("kind"))
        return None
