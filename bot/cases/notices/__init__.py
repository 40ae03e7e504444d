"""The notices the core sends besides text: typed, and stored in an outbox row as a dict.

A notice says *what* happened in facts without names or narrative; a channel with cards
(Teams) draws a card from it, the others send the row's text. Each outbox notice is a
frozen dataclass with `to_dict` (the `"notice"` part of an outbox payload) and is read
back with `notice_from_dict`. The dict shapes are the ones stored rows already hold: a
field is added only with a default, never renamed.

`Refusal` and `ReminderAnswer` are not queued: they are what a card press answers with
(bot/cases/actions.py), drawn by the channel in place of the pressed card.

The notices live by audience and concept: `base` (audiences, reading helpers),
`case_cards` (the case card and handler notices about a case), `case_work` (the case read
in full, `CaseDetails` and its line types, and the closing summary), `reporter` (what the
reporter and those around the case hear), `reminders` (deadline reminder cards),
`evidence` (evidence files to a handler) and `evaluation` (the evaluation form). Import
them from here: `from bot.cases.notices import CaseRouted`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from bot.cases.notices.base import HANDLER, TEAM, audience_of
from bot.cases.notices.case_cards import (
    Acknowledged,
    CaseCardRefresh,
    CaseRouted,
    CaseSupplemented,
    DeadlineLine,
    Refusal,
)
from bot.cases.notices.case_work import (
    CaseClosed,
    CaseDetails,
    DetailRow,
    EvidenceLine,
    HistoryLine,
    NoteLine,
    ResponseLine,
    StepLine,
    StepOption,
)
from bot.cases.notices.evaluation import EvaluationForm
from bot.cases.notices.evidence import FILE_NOTICES, EvidenceOffer, EvidenceUpload
from bot.cases.notices.reminders import REMINDER_FIELDS, Reminder, ReminderAnswer, ReminderFacts
from bot.cases.notices.reporter import (
    CaseAcknowledged,
    CaseInformed,
    Checkin,
    CheckinContact,
    Progress,
    ReporterProgress,
)
from dialogs.messages import Notice

__all__ = [
    "FILE_NOTICES",
    "HANDLER",
    "REMINDER_FIELDS",
    "TEAM",
    "Acknowledged",
    "CaseAcknowledged",
    "CaseCardRefresh",
    "CaseClosed",
    "CaseDetails",
    "CaseInformed",
    "CaseRouted",
    "CaseSupplemented",
    "Checkin",
    "CheckinContact",
    "DeadlineLine",
    "DetailRow",
    "EvaluationForm",
    "EvidenceLine",
    "EvidenceOffer",
    "EvidenceUpload",
    "HistoryLine",
    "NoteLine",
    "Progress",
    "Refusal",
    "Reminder",
    "ReminderAnswer",
    "ReminderFacts",
    "ReporterProgress",
    "ResponseLine",
    "StepLine",
    "StepOption",
    "audience_of",
    "notice_from_dict",
]

log = logging.getLogger(__name__)


# The kinds an outbox row may carry, by their stored "kind".
_OUTBOX_NOTICES: dict[str, Callable[[Mapping[str, Any]], Notice]] = {
    CaseRouted.kind: CaseRouted.from_dict,
    CaseCardRefresh.kind: CaseCardRefresh.from_dict,
    CaseAcknowledged.kind: CaseAcknowledged.from_dict,
    CaseInformed.kind: CaseInformed.from_dict,
    Checkin.kind: Checkin.from_dict,
    CheckinContact.kind: CheckinContact.from_dict,
    Reminder.kind: Reminder.from_dict,
    CaseDetails.kind: CaseDetails.from_dict,
    CaseClosed.kind: CaseClosed.from_dict,
    ReporterProgress.kind: ReporterProgress.from_dict,
    CaseSupplemented.kind: CaseSupplemented.from_dict,
    EvidenceOffer.kind: EvidenceOffer.from_dict,
    EvidenceUpload.kind: EvidenceUpload.from_dict,
    EvaluationForm.kind: EvaluationForm.from_dict,
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
