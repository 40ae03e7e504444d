"""A `CaseDetails` as plain text, for the channels without cards (Signal, the terminal):
short labelled lines, the same content as the Teams card."""

from __future__ import annotations

from bot.cases.notices import CaseDetails, ResponseLine, StepLine
from bot.domain.routing import InformedParty
from bot.text.catalogue import say


def party_name(party: str) -> str:
    """The catalogue suffix of an informed party ("informed_<name>"); unknown: as stored."""
    try:
        return InformedParty(party).name.lower()
    except ValueError:
        return party


def step_text(s: StepLine) -> str:
    mark = "[x]" if s.done else "[ ]"
    number = f"{s.number}. " if s.number is not None else ""
    line = f"{mark} {number}{s.title}"
    if s.value_label:
        line += f": {s.value_label}"
    if s.done and s.by:
        line += " " + say("details_done_by", name=s.by, time=s.at or "-")
    elif not s.done and s.options:
        line += " (" + " / ".join(o.value for o in s.options) + ")"
    return line


def checklist_text(reference: str, steps: tuple[StepLine, ...]) -> str:
    return "\n".join(
        [
            say("details_steps"),
            *(step_text(s) for s in steps),
            say("details_tick_help", reference=reference),
        ]
    )


def response_text(r: ResponseLine) -> str:
    parts = [r.kind_label]
    if r.measure_label:
        parts.append(say("details_measure_until", measure=r.measure_label, until=r.until or "-"))
    if r.damages_recovered:
        parts.append(say("details_damages"))
    line = "- " + ", ".join(parts) + f" ({r.by or '-'}, {r.at})"
    return line + (f"\n  {r.note}" if r.note else "")


def case_work_text(d: CaseDetails) -> str:
    """The handler's work on the case: the nine steps, the responses, the notes and the
    informed parties (`weerbaar cases show` prints this after the report)."""
    blocks = [checklist_text(d.reference, d.steps)]
    if d.responses:
        blocks.append(
            "\n".join([say("details_responses"), *(response_text(r) for r in d.responses)])
        )
    if d.notes:
        blocks.append(
            "\n".join(
                [say("details_notes")]
                + [
                    say(f"details_note_{n.kind}", by=n.by or "-", time=n.at, text=n.text)
                    for n in d.notes
                ]
            )
        )
    if d.informed:
        names = ", ".join(say(f"informed_{party_name(p)}") for p in d.informed)
        blocks.append(
            say(
                "details_informed" if d.informed_confirmed else "details_informed_suggested",
                names=names,
            )
        )
    return "\n\n".join(blocks)


def details_text(d: CaseDetails) -> str:
    """The whole case, in blocks separated by empty lines (Signal splits between them)."""
    head = [say("details_title", reference=d.reference, org=d.org)]
    head.append(
        say("details_reporter", name=d.reporter, role=say(f"role_{d.role}") if d.role else "-")
    )
    if d.submitted:
        head.append(say("details_submitted", time=d.submitted))
    if d.acknowledged and d.acknowledged.by:
        head.append(
            say("details_acknowledged", name=d.acknowledged.by, time=d.acknowledged.at_shown or "-")
        )
    if d.unsafe_at_report:
        head.append(say("details_unsafe"))
    if d.serious:
        head.append(say("details_serious"))
    if d.criminal:
        head.append(say("details_criminal"))
    if d.closed:
        head.append(say("details_closed"))
    blocks = ["\n".join(head)]
    if d.status_line:
        blocks.insert(0, d.status_line)
    blocks.append("\n".join(f"{r.label}: {r.value}" for r in d.rows))
    files = [say("details_file", id=e.id, name=e.filename, size=e.size) for e in d.evidence]
    files += [say("details_link", link=link) for link in d.links]
    files += [say("details_evidence_note", note=n) for n in d.evidence_notes]
    if files:
        blocks.append("\n".join([say("details_evidence"), *files]))
    if d.deadlines:
        blocks.append(
            "\n".join(
                [say("details_deadlines")]
                + [("[x] " if x.done else "[ ] ") + f"{x.task}: {x.due}" for x in d.deadlines]
            )
        )
    blocks.append(case_work_text(d))
    if d.history:
        blocks.append(
            "\n".join([say("details_history"), *(f"{h.at}  {h.text}" for h in d.history)])
        )
    if d.viewed_by:
        blocks.append(say("details_viewed_by", names=", ".join(d.viewed_by)))
    return "\n\n".join(blocks)
