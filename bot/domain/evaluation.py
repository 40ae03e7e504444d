"""A case's evaluation (the guideline's section "Evalueren"): why it went wrong, not who.

Pure records. The handler answers four questions after closing: how serious it is and how
likely to recur (the risk, as two levels), why it happened (the cause), whether similar
incidents happen more often (the dossier and trends help), and what to improve
(recommendations); and whether the lessons are shared with the coordinator VPT. The free
text is stored encrypted (storage/repos/evaluations.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Level(StrEnum):
    LOW = "laag"
    MEDIUM = "middel"
    HIGH = "hoog"


# The longest free-text answer kept (a form field, a card input): an evaluation is notes,
# not a report.
MAX_TEXT = 4000


@dataclass(frozen=True)
class EvaluationInput:
    severity: Level
    recurrence: Level
    cause: str
    similar: str
    recommendations: str
    shared_with_coordinator: bool


@dataclass(frozen=True)
class EvaluationRecord:
    """An evaluation as stored; `evaluated_at` None: asked for, not yet filled in."""

    case_id: int
    reference: str
    org: str
    requested_at: datetime
    severity: str | None = None
    recurrence: str | None = None
    cause: str = ""
    similar: str = ""
    recommendations: str = ""
    shared_with_coordinator: bool = False
    evaluated_by: str | None = None
    evaluated_at: datetime | None = None

    @property
    def open(self) -> bool:
        return self.evaluated_at is None


def parse_level(value: object) -> Level | None:
    text = str(value or "").strip().lower()
    return next((lv for lv in Level if text == lv.value), None)
