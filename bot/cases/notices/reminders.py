"""A deadline's reminder card, and the card after a press on it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from bot.cases.notices.base import _opt, _str
from dialogs.messages import Notice

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
