"""Insight (issue 12): the evaluation form of a case."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from bot.cases.notices.base import _opt, _str
from dialogs.messages import Notice


@dataclass(frozen=True)
class EvaluationForm(Notice):
    """The evaluation form of a case (guideline "Evalueren"), to its handler: asked for at
    closing, and the answer to an `evaluate` press without answers. Carries what was
    filled in before, so the form opens with it; `saved` after it was stored."""

    kind: ClassVar[str] = "evaluation_form"
    case_id: int
    reference: str
    severity: str | None = None
    recurrence: str | None = None
    cause: str = ""
    similar: str = ""
    recommendations: str = ""
    shared: bool = False
    saved: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "case_id": self.case_id,
            "reference": self.reference,
            "severity": self.severity,
            "recurrence": self.recurrence,
            "cause": self.cause,
            "similar": self.similar,
            "recommendations": self.recommendations,
            "shared": self.shared,
            "saved": self.saved,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EvaluationForm:
        return cls(
            int(data["case_id"]),
            _str(data, "reference"),
            _opt(data, "severity"),
            _opt(data, "recurrence"),
            str(data.get("cause") or ""),
            str(data.get("similar") or ""),
            str(data.get("recommendations") or ""),
            bool(data.get("shared")),
            bool(data.get("saved")),
        )
