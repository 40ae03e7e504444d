"""The handler's case work (issue 11): the case read in full (`CaseDetails` and its line
types: report rows, evidence, the nine steps, responses, notes, history) and the closing
summary. Built by bot/cases/view.py and the use cases beside it; drawn by the channels
(Teams: Adaptive Cards; Signal and local: text)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from bot.cases.notices.base import _maps, _opt, _str, _tuple
from bot.cases.notices.case_cards import Acknowledged, DeadlineLine
from dialogs.messages import Notice


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
