"""The handler's case work as Adaptive Cards (schema 1.5): the whole case, its nine steps,
the response, notes and closing, and the closing summary.

Drawn from the typed notices of bot/cases/notices/case_work.py (`CaseDetails`,
`CaseClosed`); only ever sent into a handler's personal chat (the use cases refuse a shared
conversation).
Buttons that change the case are Action.Execute: the answer (the case as it is now, its
`status_line` saying what the press did) replaces the pressed card. Each sends the case's
`reference`; the forms open under their button (Action.ShowCard), and Teams adds the
form's inputs to the press's data under their ids, which are the data fields the verbs
read (bot/cases/actions.py). A file's button is an Action.Submit (`send_evidence`): the
file comes as a new message (bot/cases/evidence.py).
"""

from __future__ import annotations

from adapters.teams.card_parts import card as _card
from adapters.teams.card_parts import party_label as _party_label
from adapters.teams.card_parts import submit
from adapters.teams.card_parts import text_block as _text
from bot.cases.actions import (
    ADD_NOTE_VERB,
    CLOSE_CASE_VERB,
    EVALUATE_VERB,
    RECORD_RESPONSE_VERB,
    TICK_STEP_VERB,
)
from bot.cases.evidence import SEND_EVIDENCE_VERB
from bot.cases.notices import CaseClosed, CaseDetails, DeadlineLine, StepLine
from bot.domain.closing import OFFERED, Measure, NoResponse
from bot.domain.deadlines import DeadlineKind
from bot.text.catalogue import say

# Input ids are unique across a card and its forms; where two forms send the same data
# field, one input has another id and adapters/teams/actions.py gives it its field name.
RESPONSE_NOTE_FIELD = "response_note"

# Deadlines that closing needs done, or a reason to close with them open.
_REQUIRED_FOR_CLOSING = frozenset({DeadlineKind.ARBEIDSINSPECTIE, DeadlineKind.POLICE})


def _execute(title: str, verb: str, reference: str, **data: object) -> dict[str, object]:
    return {
        "type": "Action.Execute",
        "title": title,
        "verb": verb,
        "data": {"reference": reference, **data},
    }


def _form(body: list[dict[str, object]], action: dict[str, object]) -> dict[str, object]:
    """The card of an Action.ShowCard: part of the outer card (no schema, no fallback)."""
    card = _card(body, [action])
    del card["$schema"]
    del card["fallbackText"]
    return card


def _facts(pairs: list[tuple[str, str]]) -> dict[str, object]:
    return {"type": "FactSet", "facts": [{"title": t, "value": v} for t, v in pairs]}


def _heading(text: str) -> dict[str, object]:
    return _text(text, weight="Bolder", spacing="Medium", separator=True)


def _yes_no(value: bool) -> str:
    return say("card_yes") if value else say("card_no")


# --- the nine steps ---------------------------------------------------------------------


def step_blocks(details: CaseDetails) -> list[dict[str, object]]:
    """The checklist: each step with who ticked it when (and what it recorded), or its
    buttons: a plain "Afvinken", or one per value the step records (step 4: melding or
    aangifte; step 8: the follow-up; the hulpofficier's second opinion)."""
    blocks: list[dict[str, object]] = [_heading(say("card_steps"))]
    for line in details.steps:
        blocks.extend(_step(details.reference, line, details.closed))
    return blocks


def _step(reference: str, line: StepLine, closed: bool) -> list[dict[str, object]]:
    title = f"{line.number}. {line.title}" if line.number is not None else line.title
    if line.done:
        done = say("card_step_done", by=line.by or "-", at=line.at or "-")
        if line.value_label:
            done = f"{line.value_label}. {done}"
        return [
            _text(f"✓ {title}", color="Good", spacing="Small"),
            _text(done, isSubtle=True, size="Small", spacing="None"),
        ]
    blocks: list[dict[str, object]] = [_text(f"○ {title}", spacing="Small")]
    if closed:
        return blocks
    options = line.options or ()
    actions = (
        [
            _execute(o.label, TICK_STEP_VERB, reference, step=line.step, value=o.value)
            for o in options
        ]
        if options
        else [_execute(say("card_step_tick"), TICK_STEP_VERB, reference, step=line.step, value="")]
    )
    blocks.append({"type": "ActionSet", "spacing": "None", "actions": actions})
    return blocks


# --- the forms: response, note, close -------------------------------------------------------


def response_form(reference: str) -> dict[str, object]:
    """The response toward the perpetrator: which kind, measures until a date (which
    plans the herstelgesprek), schade verhaald, a short note."""
    body: list[dict[str, object]] = [
        {
            "type": "Input.ChoiceSet",
            "id": "response",
            "label": say("card_response_kind"),
            "isRequired": True,
            "errorMessage": say("card_response_kind_needed"),
            "style": "expanded",
            "choices": [{"title": say(f"response_{r.value}"), "value": r.value} for r in OFFERED],
        },
        {
            "type": "Input.ChoiceSet",
            "id": "measure",
            "label": say("card_response_measure"),
            "style": "compact",
            "placeholder": say("card_response_measure_none"),
            "choices": [{"title": say(f"measure_{m.value}"), "value": m.value} for m in Measure],
        },
        {"type": "Input.Date", "id": "until", "label": say("card_response_until")},
        {
            "type": "Input.Toggle",
            "id": "damages",
            "title": say("card_response_damages"),
            "value": "false",
            "valueOn": "true",
            "valueOff": "false",
        },
        {
            "type": "Input.Text",
            "id": RESPONSE_NOTE_FIELD,  # not "note": ids are unique on a card
            "label": say("card_response_note"),
            "isMultiline": True,
            "maxLength": 1000,
        },
    ]
    return _form(body, _execute(say("card_response_submit"), RECORD_RESPONSE_VERB, reference))


def note_form(reference: str) -> dict[str, object]:
    body: list[dict[str, object]] = [
        {
            "type": "Input.Text",
            "id": "note",
            "label": say("card_note_label"),
            "isMultiline": True,
            "isRequired": True,
            "errorMessage": say("card_note_needed"),
            "maxLength": 2000,
        }
    ]
    return _form(body, _execute(say("card_note_submit"), ADD_NOTE_VERB, reference))


def _open_required(deadlines: tuple[DeadlineLine, ...]) -> list[DeadlineLine]:
    return [d for d in deadlines if d.kind in _REQUIRED_FOR_CLOSING and not d.done]


def close_form(details: CaseDetails) -> dict[str, object]:
    """Closing under the basisafspraak: without a recorded response, "pleger onbekend"
    (offered when the reporter named nobody) or a reason why none is possible; a reason
    too when the Arbeidsinspectie or police step is still open."""
    body: list[dict[str, object]] = []
    if not details.responses:
        body.append(_text(say("card_close_no_response"), wrap=True))
        if not details.perpetrator_known:
            body.append(
                {
                    "type": "Input.Toggle",
                    "id": "no_response",
                    "title": say("card_close_unknown"),
                    "value": "",
                    "valueOn": NoResponse.PERPETRATOR_UNKNOWN.value,
                    "valueOff": "",
                }
            )
        else:
            body.append(
                {
                    "type": "Input.Text",
                    "id": "reason",
                    "label": say("card_close_reason"),
                    "isMultiline": True,
                    "maxLength": 1000,
                }
            )
    open_steps = _open_required(details.deadlines)
    if open_steps:
        tasks = ", ".join(d.task for d in open_steps)
        body.append(
            {
                "type": "Input.Text",
                "id": "override",
                "label": say("card_close_override", tasks=tasks),
                "isMultiline": True,
                "maxLength": 1000,
            }
        )
    if not body:
        body.append(_text(say("card_close_ready")))
    return _form(body, _execute(say("card_close_submit"), CLOSE_CASE_VERB, details.reference))


# --- the whole case -------------------------------------------------------------------------


def case_details_card(details: CaseDetails) -> dict[str, object]:
    """The whole case for the handler's own chat: the report, evidence (a button per file),
    deadlines, the nine steps, responses, notes, informed parties, history and who saw it;
    with the forms for a response, a note and closing while the case is open."""
    reference = details.reference
    body: list[dict[str, object]] = [
        _text(say("card_details_title", reference=reference), weight="Bolder", size="Medium")
    ]
    if details.status_line:
        tone = "Attention" if details.status_refused else "Good"
        body.append(_text(details.status_line, weight="Bolder", color=tone))
    if details.unsafe_at_report:
        body.append(_text(say("card_details_unsafe"), color="Attention", weight="Bolder"))
    ack = details.acknowledged
    body.append(
        _facts(
            [
                (say("card_reference"), reference),
                (say("card_org"), details.org or "-"),
                (say("card_role"), say(f"role_{details.role}") if details.role else "-"),
                (say("card_details_reporter"), details.reporter or "-"),
                (say("card_details_submitted"), details.submitted or "-"),
                (
                    say("card_details_in_hand"),
                    say("card_acknowledged", name=ack.by or "-", time=ack.at_shown or "-")
                    if ack is not None and ack.at_shown
                    else say("card_open"),
                ),
                (say("card_serious"), _yes_no(details.serious)),
                (say("card_details_criminal"), _yes_no(details.criminal)),
            ]
        )
    )
    body.append(_heading(say("card_details_report")))
    for row in details.rows:
        body.append(_text(row.label, weight="Bolder", spacing="Small"))
        body.append(_text(row.value or "-", spacing="None"))
    body += _evidence_blocks(details)
    body.append(_heading(say("card_deadlines")))
    if details.deadlines:
        body.append(
            _facts(
                [
                    (d.due, say("card_deadline_done", task=d.task) if d.done else d.task)
                    for d in details.deadlines
                ]
            )
        )
    else:
        body.append(_text(say("card_deadlines_none"), isSubtle=True))
    if details.steps:
        body += step_blocks(details)
    if details.responses:
        body.append(_heading(say("card_responses")))
        for r in details.responses:
            line = say("card_response_line", kind=r.kind_label, by=r.by or "-", at=r.at)
            if r.measure_label:
                line += " " + say(
                    "card_response_until_line", measure=r.measure_label, until=r.until or "-"
                )
            if r.damages_recovered:
                line += " " + say("card_response_damages_line")
            body.append(_text(line, spacing="Small"))
            if r.note:
                body.append(_text(r.note, isSubtle=True, spacing="None"))
    if details.notes:
        body.append(_heading(say("card_notes")))
        for n in details.notes:
            who = say("card_note_by", by=n.by or "-", at=n.at)
            body.append(_text(who, isSubtle=True, size="Small", spacing="Small"))
            body.append(_text(n.text, spacing="None"))
    if details.informed:
        key = "card_informed_confirmed" if details.informed_confirmed else "card_informed_suggested"
        body.append(_heading(say(key)))
        body.append(_text(", ".join(_party_label(p) for p in details.informed)))
    if details.history:
        body.append(_heading(say("card_history")))
        body.append(_facts([(h.at, h.text) for h in details.history]))
    if details.viewed_by:
        body.append(
            _text(
                say("card_viewed_by", who="; ".join(details.viewed_by)),
                isSubtle=True,
                size="Small",
                spacing="Medium",
            )
        )
    actions: list[dict[str, object]] = []
    if not details.closed:
        actions = [
            {
                "type": "Action.ShowCard",
                "title": say("card_response"),
                "card": response_form(reference),
            },
            {"type": "Action.ShowCard", "title": say("card_note"), "card": note_form(reference)},
            {"type": "Action.ShowCard", "title": say("card_close"), "card": close_form(details)},
        ]
    else:
        # insight (issue 12): a closed case is evaluated; the form comes as a new message.
        actions = [submit(say("card_evaluate"), EVALUATE_VERB, reference=reference)]
    return _card(body, actions)


def _evidence_blocks(details: CaseDetails) -> list[dict[str, object]]:
    if not (details.evidence or details.links or details.evidence_notes):
        return []
    blocks: list[dict[str, object]] = [_heading(say("card_files"))]
    for number, file in enumerate(details.evidence, 1):
        blocks.append(
            _text(
                say("evidence_file_line", number=number, name=file.filename, size=file.size),
                spacing="Small",
            )
        )
        blocks.append(
            {
                "type": "ActionSet",
                "spacing": "None",
                "actions": [
                    submit(
                        say("card_file_button", name=file.filename),
                        SEND_EVIDENCE_VERB,
                        reference=details.reference,
                        evidence=file.id,
                    )
                ],
            }
        )
    for link in details.links:
        blocks.append(_text(link, spacing="Small"))
    for note in details.evidence_notes:
        blocks.append(_text(note, spacing="Small", isSubtle=True))
    return blocks


# --- closing --------------------------------------------------------------------------------


def case_closed_card(closed: CaseClosed) -> dict[str, object]:
    """The closing summary for the handler: how it ended, no story."""
    body: list[dict[str, object]] = [
        _text(
            say("card_closed_title", reference=closed.reference),
            weight="Bolder",
            size="Medium",
            color="Good",
        ),
        _facts(
            [
                (say("card_org"), closed.org or "-"),
                (say("card_closed_by"), closed.closed_by or "-"),
                (say("card_closed_at"), closed.closed_at or "-"),
                (
                    say("card_steps"),
                    say("card_closed_steps", done=closed.steps_done, total=closed.steps_total),
                ),
            ]
        ),
    ]
    if closed.responses:
        body.append(_heading(say("card_responses")))
        for r in closed.responses:
            line = r.kind_label
            if r.measure_label:
                line += " " + say(
                    "card_response_until_line", measure=r.measure_label, until=r.until or "-"
                )
            body.append(_text(line, spacing="Small"))
    elif closed.no_response:
        body.append(_text(say("card_closed_unknown")))
    for reason in closed.reasons:
        body.append(_text(reason, isSubtle=True))
    if closed.open_deadlines:
        body.append(_heading(say("card_closed_open")))
        body.append(_facts([(d.due, d.task) for d in closed.open_deadlines]))
    # insight (issue 12): the evaluation the closing asks for, one press away.
    return _card(body, [submit(say("card_evaluate"), EVALUATE_VERB, reference=closed.reference)])
