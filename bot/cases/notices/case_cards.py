"""The case card and what handlers are sent about a case besides the full read: a new case
(`CaseRouted`, with its deadline lines and who has it in hand), a card drawn again, a
refused press, and the reporter's addition."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from bot.cases.notices.base import HANDLER, _opt, _str, _tuple
from dialogs.messages import Notice


@dataclass(frozen=True)
class DeadlineLine:
    """One deadline as a case card lists it."""

    kind: str
    task: str
    due: str  # as shown: "25 november 2026, 14:30", or "zo snel mogelijk" when `passed`
    done: bool
    # The clock had run out before the report came in (an incident of a week ago).
    passed: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "task": self.task,
            "due": self.due,
            "done": self.done,
        }
        if self.passed:  # written only when set: rows stored before it read back the same
            data["passed"] = True
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DeadlineLine:
        return cls(
            _str(data, "kind"),
            _str(data, "task"),
            _str(data, "due"),
            bool(data.get("done")),
            bool(data.get("passed")),
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
    # The reporter answered "not safe" at the safety question while reporting.
    unsafe: bool = False
    acknowledged: Acknowledged | None = field(default=None, compare=False)
    # The suggested informed parties (InformedParty values): the acknowledge card lists
    # them with toggles, and its press sends back the ones kept as `parties`.
    informed: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = {
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
            # Written only when set: rows stored before it read back the same.
            **({"unsafe": True} if self.unsafe else {}),
        }
        if self.informed:  # rows stored before issue 11 have none: they write back as read
            data["informed"] = list(self.informed)
        return data

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
            informed=tuple(str(x) for x in _tuple(data, "informed")),
            unsafe=bool(data.get("unsafe")),
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
class CaseSupplemented(Notice):
    """To the case's handlers: the reporter added text or files ("aanvullen REF"). Counts
    only; the handler reads the addition with "Bekijk melding"."""

    kind: ClassVar[str] = "case_supplemented"
    case_id: int
    reference: str
    texts: int
    files: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "case_id": self.case_id,
            "reference": self.reference,
            "texts": self.texts,
            "files": self.files,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseSupplemented:
        return cls(
            int(data["case_id"]),
            _str(data, "reference"),
            int(data.get("texts") or 0),
            int(data.get("files") or 0),
        )
