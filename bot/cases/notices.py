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
from enum import StrEnum
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


# --- the handler's case work (issue 11): the case read in full, the nine steps, the
# response, closing, and what the reporter hears. Built by bot/cases/view.py and the use
# cases beside it; drawn by the channels (Teams: Adaptive Cards; Signal and local: text).


def _tuple(data: Mapping[str, Any], name: str) -> tuple[Any, ...]:
    value = data.get(name)
    return tuple(value) if isinstance(value, list | tuple) else ()


def _maps(data: Mapping[str, Any], name: str) -> tuple[Mapping[str, Any], ...]:
    return tuple(v for v in _tuple(data, name) if isinstance(v, Mapping))


@dataclass(frozen=True)
class DetailRow:
    """One fact of the report as the handler reads it. `field` is the report step's id
    ("what", "kinds", "where", "when", "perp_known", "perp_who", "perp_details",
    "witnesses", "injury", "damage", "time_off", "criminal", ...): a card may place or
    style a row by it; `label` and `value` are what a person reads."""

    field: str
    label: str
    value: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "label": self.label, "value": self.value}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DetailRow:
        return cls(_str(data, "field"), _str(data, "label"), _str(data, "value"))


@dataclass(frozen=True)
class EvidenceLine:
    """One evidence file of a case: `id` is what a delivery asks for (the Teams
    file-consent flow, Signal attachment, local path); no content."""

    id: int
    filename: str
    content_type: str
    size: str  # as shown: "1,2 MB"
    added: str  # as shown: when it was added

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "filename": self.filename,
            "content_type": self.content_type,
            "size": self.size,
            "added": self.added,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EvidenceLine:
        return cls(
            int(data["id"]),
            _str(data, "filename"),
            _str(data, "content_type"),
            _str(data, "size"),
            _str(data, "added"),
        )


@dataclass(frozen=True)
class StepOption:
    """A value a step records (step 4: "melding" or "aangifte"), as a button offers it."""

    value: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "label": self.label}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StepOption:
        return cls(_str(data, "value"), _str(data, "label"))


@dataclass(frozen=True)
class StepLine:
    """One of the annex's nine steps (bot/domain/annex.py) on a case's checklist.

    `step` is what a `tick_step` press sends back ("1".."9", or "hulpofficier" for the
    second opinion, offered only when the police deem it not punishable); `options` are
    the values the step records (empty: a plain tick); `value`/`value_label` what was
    recorded; `by`/`at` who ticked it when (`at` as shown)."""

    step: str
    number: int | None
    title: str
    done: bool
    by: str | None = None
    at: str | None = None
    value: str | None = None
    value_label: str | None = None
    options: tuple[StepOption, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "number": self.number,
            "title": self.title,
            "done": self.done,
            "by": self.by,
            "at": self.at,
            "value": self.value,
            "value_label": self.value_label,
            "options": [o.to_dict() for o in self.options],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StepLine:
        number = data.get("number")
        return cls(
            step=_str(data, "step"),
            number=int(number) if isinstance(number, int) else None,
            title=_str(data, "title"),
            done=bool(data.get("done")),
            by=_opt(data, "by"),
            at=_opt(data, "at"),
            value=_opt(data, "value"),
            value_label=_opt(data, "value_label"),
            options=tuple(StepOption.from_dict(o) for o in _maps(data, "options")),
        )


@dataclass(frozen=True)
class ResponseLine:
    """A response toward the perpetrator as recorded (bot/domain/closing.py). `kind` is a
    `Response` value, `kind_label` how it reads; `measure` a `Measure` value with its
    `until` date (as shown) when restrictive measures or contact agreements were set;
    `note` the handler's short note: only on the handler's own card, never the reporter's."""

    kind: str
    kind_label: str
    by: str | None
    at: str
    measure: str | None = None
    measure_label: str | None = None
    until: str | None = None
    damages_recovered: bool = False
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "kind_label": self.kind_label,
            "by": self.by,
            "at": self.at,
            "measure": self.measure,
            "measure_label": self.measure_label,
            "until": self.until,
            "damages_recovered": self.damages_recovered,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ResponseLine:
        return cls(
            kind=_str(data, "kind"),
            kind_label=_str(data, "kind_label"),
            by=_opt(data, "by"),
            at=_str(data, "at"),
            measure=_opt(data, "measure"),
            measure_label=_opt(data, "measure_label"),
            until=_opt(data, "until"),
            damages_recovered=bool(data.get("damages_recovered")),
            note=_opt(data, "note"),
        )


@dataclass(frozen=True)
class NoteLine:
    """An internal note of the handlers (`kind` "note"), or what the reporter added to
    the case afterwards (`kind` "addition", "aanvullen REF")."""

    kind: str
    by: str | None
    at: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "by": self.by, "at": self.at, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NoteLine:
        return cls(_str(data, "kind"), _opt(data, "by"), _str(data, "at"), _str(data, "text"))


@dataclass(frozen=True)
class HistoryLine:
    """One line of the case's history: when (as shown) and what, in Dutch."""

    at: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"at": self.at, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HistoryLine:
        return cls(_str(data, "at"), _str(data, "text"))


@dataclass(frozen=True)
class CaseDetails(Notice):
    """The whole case for one who may read it (bot/domain/permissions.py `may_read`): the
    answer to "Bekijk melding" (verb `view_case`) and to "toon REF", and the card after a
    tick, a response or a note (`status_line` then says what that press did), or after a
    press on it that was refused (`status_refused`: the line says why and what to do).

    Only ever for a personal chat: it carries the story, names and the evidence list.
    `rows` are the report's answers in the flow's order; `informed` the parties the
    handler kept (or the suggested ones before acknowledging: `informed_confirmed`
    False); `viewed_by` the "bekeken door" lines of the audit trail.
    """

    kind: ClassVar[str] = "case_details"
    case_id: int
    reference: str
    status: str  # the case's state: submitted, acknowledged, closed
    org: str
    role: str | None
    handler_function: str | None
    reporter: str
    submitted: str | None  # as shown
    acknowledged: Acknowledged | None
    serious: bool
    criminal: bool
    unsafe_at_report: bool
    perpetrator_known: bool
    rows: tuple[DetailRow, ...]
    evidence: tuple[EvidenceLine, ...] = ()
    links: tuple[str, ...] = ()
    evidence_notes: tuple[str, ...] = ()
    deadlines: tuple[DeadlineLine, ...] = ()
    steps: tuple[StepLine, ...] = ()
    responses: tuple[ResponseLine, ...] = ()
    notes: tuple[NoteLine, ...] = ()
    informed: tuple[str, ...] = ()  # InformedParty values
    informed_confirmed: bool = False
    history: tuple[HistoryLine, ...] = ()
    viewed_by: tuple[str, ...] = ()
    closed: bool = False
    status_line: str | None = None  # what the press just did, or why it changed nothing
    status_refused: bool = False  # the status line is a refusal: the press changed nothing

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "case_id": self.case_id,
            "reference": self.reference,
            "status": self.status,
            "org": self.org,
            "role": self.role,
            "handler_function": self.handler_function,
            "reporter": self.reporter,
            "submitted": self.submitted,
            "acknowledged": self.acknowledged.to_dict() if self.acknowledged else None,
            "serious": self.serious,
            "criminal": self.criminal,
            "unsafe_at_report": self.unsafe_at_report,
            "perpetrator_known": self.perpetrator_known,
            "rows": [r.to_dict() for r in self.rows],
            "evidence": [e.to_dict() for e in self.evidence],
            "links": list(self.links),
            "evidence_notes": list(self.evidence_notes),
            "deadlines": [d.to_dict() for d in self.deadlines],
            "steps": [s.to_dict() for s in self.steps],
            "responses": [r.to_dict() for r in self.responses],
            "notes": [n.to_dict() for n in self.notes],
            "informed": list(self.informed),
            "informed_confirmed": self.informed_confirmed,
            "history": [h.to_dict() for h in self.history],
            "viewed_by": list(self.viewed_by),
            "closed": self.closed,
            "status_line": self.status_line,
            "status_refused": self.status_refused,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseDetails:
        return cls(
            case_id=int(data["case_id"]),
            reference=_str(data, "reference", "-"),
            status=_str(data, "status"),
            org=_str(data, "org", "-"),
            role=_opt(data, "role"),
            handler_function=_opt(data, "handler_function"),
            reporter=_str(data, "reporter", "-"),
            submitted=_opt(data, "submitted"),
            acknowledged=Acknowledged.from_dict(data.get("acknowledged")),
            serious=bool(data.get("serious")),
            criminal=bool(data.get("criminal")),
            unsafe_at_report=bool(data.get("unsafe_at_report")),
            perpetrator_known=bool(data.get("perpetrator_known")),
            rows=tuple(DetailRow.from_dict(r) for r in _maps(data, "rows")),
            evidence=tuple(EvidenceLine.from_dict(e) for e in _maps(data, "evidence")),
            links=tuple(str(x) for x in _tuple(data, "links")),
            evidence_notes=tuple(str(x) for x in _tuple(data, "evidence_notes")),
            deadlines=tuple(DeadlineLine.from_dict(d) for d in _maps(data, "deadlines")),
            steps=tuple(StepLine.from_dict(s) for s in _maps(data, "steps")),
            responses=tuple(ResponseLine.from_dict(r) for r in _maps(data, "responses")),
            notes=tuple(NoteLine.from_dict(n) for n in _maps(data, "notes")),
            informed=tuple(str(x) for x in _tuple(data, "informed")),
            informed_confirmed=bool(data.get("informed_confirmed")),
            history=tuple(HistoryLine.from_dict(h) for h in _maps(data, "history")),
            viewed_by=tuple(str(x) for x in _tuple(data, "viewed_by")),
            closed=bool(data.get("closed")),
            status_line=_opt(data, "status_line"),
            status_refused=bool(data.get("status_refused")),
        )


@dataclass(frozen=True)
class CaseClosed(Notice):
    """The closing summary, to the handler who closed the case (and the answer to a
    `close_case` press): how it ended under the basisafspraak. `no_response` is a
    `NoResponse` value when closed without one; `reasons` the recorded why's (pleger
    onbekend although named, an open Arbeidsinspectie or police step); no story."""

    kind: ClassVar[str] = "case_closed"
    case_id: int
    reference: str
    org: str
    closed_by: str | None
    closed_at: str  # as shown
    responses: tuple[ResponseLine, ...] = ()
    no_response: str | None = None
    reasons: tuple[str, ...] = ()
    steps_done: int = 0
    steps_total: int = 9
    open_deadlines: tuple[DeadlineLine, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "case_id": self.case_id,
            "reference": self.reference,
            "org": self.org,
            "closed_by": self.closed_by,
            "closed_at": self.closed_at,
            "responses": [r.to_dict() for r in self.responses],
            "no_response": self.no_response,
            "reasons": list(self.reasons),
            "steps_done": self.steps_done,
            "steps_total": self.steps_total,
            "open_deadlines": [d.to_dict() for d in self.open_deadlines],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseClosed:
        return cls(
            case_id=int(data["case_id"]),
            reference=_str(data, "reference", "-"),
            org=_str(data, "org", "-"),
            closed_by=_opt(data, "closed_by"),
            closed_at=_str(data, "closed_at"),
            responses=tuple(ResponseLine.from_dict(r) for r in _maps(data, "responses")),
            no_response=_opt(data, "no_response"),
            reasons=tuple(str(x) for x in _tuple(data, "reasons")),
            steps_done=int(data.get("steps_done") or 0),
            steps_total=int(data.get("steps_total") or 9),
            open_deadlines=tuple(DeadlineLine.from_dict(d) for d in _maps(data, "open_deadlines")),
        )


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


# --- evidence to a handler (teamscase, bot/cases/evidence.py) -------------------------------


@dataclass(frozen=True)
class EvidenceOffer(Notice):
    """One evidence file of a case for the handler who asked for it.

    Each channel delivers it its own way: Signal sends the file as an attachment, the
    local chat writes it to `path` (the handler named it), Teams first asks consent with
    a FileConsentCard (the file goes once accepted, `EvidenceUpload`). The file's bytes
    are not in the row: the outbox worker decrypts them just before sending. `filename`
    is the reporter's file name; the outbox payload is encrypted like every free text.
    """

    kind: ClassVar[str] = "evidence_offer"
    case_id: int
    reference: str
    evidence_id: int
    number: int  # 1-based, as the case's card lists the files
    filename: str
    content_type: str
    size: int
    person_id: int  # who asked: the audit entry names them
    path: str | None = None  # local channel only: where to write the file

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "case_id": self.case_id,
            "reference": self.reference,
            "evidence_id": self.evidence_id,
            "number": self.number,
            "filename": self.filename,
            "content_type": self.content_type,
            "size": self.size,
            "person_id": self.person_id,
            "path": self.path,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EvidenceOffer:
        return cls(
            case_id=int(data["case_id"]),
            reference=_str(data, "reference"),
            evidence_id=int(data["evidence_id"]),
            number=int(data.get("number") or 0),
            filename=_str(data, "filename", "bestand"),
            content_type=_str(data, "content_type", "application/octet-stream"),
            size=int(data.get("size") or 0),
            person_id=int(data["person_id"]),
            path=_opt(data, "path"),
        )


@dataclass(frozen=True)
class EvidenceUpload(Notice):
    """A file the handler accepted in Teams: upload it to `upload_url` (the consent's
    `uploadInfo`), then show it with a FileInfoCard. Queued by the accept; the bytes are
    filled in by the outbox worker like an offer's."""

    kind: ClassVar[str] = "evidence_upload"
    offer: EvidenceOffer
    upload_url: str
    content_url: str
    name: str
    unique_id: str
    file_type: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "offer": self.offer.to_dict(),
            "upload_url": self.upload_url,
            "content_url": self.content_url,
            "name": self.name,
            "unique_id": self.unique_id,
            "file_type": self.file_type,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EvidenceUpload:
        return cls(
            offer=EvidenceOffer.from_dict(data["offer"]),
            upload_url=_str(data, "upload_url"),
            content_url=_str(data, "content_url"),
            name=_str(data, "name", "bestand"),
            unique_id=_str(data, "unique_id"),
            file_type=_str(data, "file_type"),
        )


FILE_NOTICES = (EvidenceOffer, EvidenceUpload)  # notices whose delivery carries a file


# --- insight (issue 12) ------------------------------------------------------------------


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
