"""A case as text, for `weerbaar cases show` (an operator's or handler's view)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.domain.records import (
    CaseEvent,
    CaseRecord,
    DeadlineRecord,
    EvidenceRecord,
    Person,
    PersonRole,
)
from bot.text.catalogue import say
from bot.text.format import human_size, stamp
from dialogs.engine import Engine
from dialogs.flow import Context
from dialogs.flows.report import REPORT


def render_case(
    case: CaseRecord,
    answers: dict[str, Any],
    files: list[EvidenceRecord],
    events: list[CaseEvent],
    now: datetime,
    deadlines: list[DeadlineRecord] | None = None,
) -> str:
    org = case.org.name if case.org else "-"
    lines = [
        f"{case.reference}  ({case.status})",
        f"Reporter:  {case.reporter_name}, {case.role or '-'} at {org}",
        f"Handler:   {case.handler_function or '-'} at {org}",
        f"Informed:  {', '.join(case.informed) or '-'}",
        f"Serious:   {'yes' if case.serious else 'no'}    "
        f"Criminal offence suspected: {'yes' if case.criminal_suspected else 'no'}",
        f"Submitted: {stamp(case.submitted_at)}    Acknowledged: {stamp(case.acknowledged_at)}"
        + (f" by {case.acknowledged_by}" if case.acknowledged_by else ""),
        "",
        "Report:",
    ]
    engine = Engine(REPORT)
    ctx = Context(person=_reporter_stub(case), now=now, answers=answers)
    for step in engine.reviewed_steps(ctx):
        value = answers[step.id]
        shown = (
            say("skipped")
            if value is None
            else (step.show(value, ctx) if step.show else str(value))
        )
        lines.append(f"  {say(step.label or '')}: {shown}")
    links = (answers.get("evidence_items") or {}).get("links") or []
    notes = (answers.get("evidence_items") or {}).get("notes") or []
    if files or links or notes:
        lines.append("")
        lines.append("Evidence:")
        lines += [
            f"  file {f.id}: {f.filename} ({f.content_type}, {human_size(f.size)})" for f in files
        ]
        lines += [f"  link: {link}" for link in links]
        lines += [f"  note: {note}" for note in notes]
    if deadlines:
        lines.append("")
        lines.append("Deadlines:")
        lines += [_deadline_line(d, now) for d in deadlines]
    if events:
        lines.append("")
        lines.append("History:")
        lines += [
            f"  {stamp(e.at)}  {e.kind}" + (f" by {e.actor}" if e.actor else "") + _event_detail(e)
            for e in events
        ]
    return "\n".join(lines)


def _deadline_line(d: DeadlineRecord, now: datetime) -> str:
    if d.state == "done":
        state = f"done {stamp(d.done_at)}" + (f" by {d.done_by}" if d.done_by else "")
    elif d.due_at < now:
        state = "OVERDUE"
    else:
        state = "open"
    if d.state != "done" and d.snoozed_until is not None and d.snoozed_until > now:
        state += f", snoozed until {stamp(d.snoozed_until)}"
    return (
        f"  {d.kind:17} due {stamp(d.due_at)}  {state}  "
        f"(reminders sent {d.sent_reminders}, pending {d.pending_reminders})"
    )


# Which detail of an event is worth a line in the history (never a reporter's words).
_DETAIL_KEYS = ("deadline", "step", "due", "until", "reason", "late", "people")


def _event_detail(e: CaseEvent) -> str:
    shown = []
    for key in _DETAIL_KEYS:
        if key not in e.detail:
            continue
        value = e.detail[key]
        if key in ("due", "until") and isinstance(value, str):
            value = stamp(datetime.fromisoformat(value))
        if key == "late":
            if value:
                shown.append("LATE")
            continue
        shown.append(f"{key}={value}")
    return f"  [{', '.join(shown)}]" if shown else ""


def _reporter_stub(case: CaseRecord) -> Person:
    roles: tuple[PersonRole, ...] = ()
    if case.org is not None and case.role is not None and case.org_id is not None:
        roles = (PersonRole(case.role, case.org, case.org_id),)
    return Person(id=case.reporter_id, name=case.reporter_name, roles=roles)
