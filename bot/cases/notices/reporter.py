"""What the reporter and those around their case hear: the case is in hand, an informed
party is told, the aftercare check-in (and its ask for contact), and the reporter's
progress (a response, measures, closing)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar

from bot.cases.notices.base import _opt, _str, _tuple
from dialogs.messages import Choice, Notice


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


class Progress(StrEnum):
    """What the reporter is told happened to their case (`ReporterProgress.event`)."""

    RESPONSE = "response"  # a response toward the perpetrator was recorded
    MEASURES = "measures"  # restrictive measures or contact agreements, until a date
    CLOSED = "closed"


@dataclass(frozen=True)
class ReporterProgress(Notice):
    """To the reporter, on the channel they reported on: a response or measures were
    recorded, or the case was closed. What kind, never the handler's notes or names.
    (Taken in hand is `CaseAcknowledged`.)"""

    kind: ClassVar[str] = "reporter_progress"
    case_id: int
    reference: str
    event: str  # a Progress value
    responses: tuple[str, ...] = ()  # Response values
    until: str | None = None  # the measures' end date, as shown
    damages: bool = False  # the damage is recovered (schade verhalen)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "case_id": self.case_id,
            "reference": self.reference,
            "event": self.event,
            "responses": list(self.responses),
            "until": self.until,
            "damages": self.damages,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReporterProgress:
        return cls(
            int(data["case_id"]),
            _str(data, "reference"),
            _str(data, "event"),
            tuple(str(x) for x in _tuple(data, "responses")),
            _opt(data, "until"),
            bool(data.get("damages")),
        )
