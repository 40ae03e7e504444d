"""Adaptive Cards (schema 1.5) for the Teams adapter: the neutral model to cards and back.

Plain dicts in, plain dicts out; no SDK import, so these are easy to test and to move.

- `card_for`: a dialog's message (text, a summary, choices as buttons) as a card.
- `case_card`, `refusal_card`: what a handler sees for a case, from the routing notice's
  facts (bot/cases/submit.py `notify_handlers`, bot/cases/acknowledge.py `card_facts`):
  reference, reporter's role, organisation, kinds, when, seriousness. No name and no
  narrative, so the same facts serve the team channel's card; only the handler's own card
  says *who* took the case in hand.
- `reminder_card`: a reminder from the sweep's notice, with "Gedaan" and "Later" (a reason
  asked for) as Action.Execute.
- `picked_choice`, `card_action`, `card_response`: what comes back from a card, and the
  answer to an Action.Execute; `submitted_verb`: an Action.Submit that names a verb.
- `file_consent_attachment`, `file_info_attachment`, `image_preview`: an evidence file
  the Teams way for a personal chat (FileConsentCard, then FileInfoCard after upload).
"""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import replace
from datetime import datetime
from typing import Any

from adapters.teams.card_parts import VERB_FIELD, submit
from adapters.teams.card_parts import card as _card
from adapters.teams.card_parts import card_text as card_text  # re-exported: tests read cards
from adapters.teams.card_parts import party_label as _party_label
from adapters.teams.card_parts import text_block as _text
from adapters.teams.case_work_cards import case_closed_card, case_details_card
from adapters.teams.reporter_cards import reporter_progress_card
from bot.cases.actions import (
    ACKNOWLEDGE_VERB,
    DEADLINE_DONE_VERB,
    DEADLINE_LATER_VERB,
    EVALUATE_VERB,
    REASON_FIELD,
    VIEW_CASE_VERB,
)
from bot.cases.notices import (
    HANDLER,
    TEAM,
    Acknowledged,
    CaseCardRefresh,
    CaseClosed,
    CaseDetails,
    CaseRouted,
    EvaluationForm,
    EvidenceOffer,
    EvidenceUpload,
    Refusal,
    Reminder,
    ReminderAnswer,
    ReminderFacts,
    ReporterProgress,
)
from bot.domain.evaluation import MAX_TEXT, Level
from bot.text.catalogue import say
from bot.text.format import short_moment
from dialogs.messages import Attachment, Notice, Outbound, Question, Summary, as_text

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
INVOKE_CARD_RESPONSE = "application/vnd.microsoft.card.adaptive"
INVOKE_ERROR_RESPONSE = "application/vnd.microsoft.error"
CHOICE_FIELD = "choice"  # key of the picked value in Action.Submit data / input id
PARTY_FIELD_PREFIX = "party_"  # ids of the acknowledge card's informed-party toggles
FILE_CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO_CARD = "application/vnd.microsoft.teams.card.file.info"
# Teams shows a picture in a message up to 1 MB (PNG, JPEG or GIF; "Send and receive
# messages", learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability).
PREVIEW_MAX_BYTES = 1024 * 1024
PREVIEW_TYPES = frozenset({"image/png", "image/jpeg", "image/gif"})
QUESTION_FIELD = "question"  # key of the question a button answers, in Action.Submit data
MAX_BUTTONS = 5  # more than this and Teams folds buttons into an overflow menu

_SUMMARY_MAX = 120  # characters of a card's summary line


# --- a dialog's message ---------------------------------------------------------------------


def needs_card(message: Outbound) -> bool:
    return bool(message.card or message.choices or message.summary)


def card_for(message: Outbound, submit_label: str) -> dict[str, object]:
    """The Adaptive Card that shows `message`: its own card, or text + summary + choices.

    Single choices are Action.Submit buttons whose data is `{"choice": value}`; many
    choices, or `multi`, become an Input.ChoiceSet named "choice" with one submit button.
    With `message.question` the data also holds `{"question": {"step", "revision"}}`.
    A typed answer still works: Teams sends typed text as an ordinary message.
    """
    if message.card is not None:
        return message.card
    body: list[dict[str, object]] = []
    if message.text:
        body.append({"type": "TextBlock", "text": message.text, "wrap": True})
    if message.summary is not None:
        body.extend(_summary_blocks(message.summary))
    # Each button says which question it answers: an old card stays pressable for ever.
    asked: dict[str, object] = (
        {QUESTION_FIELD: {"step": message.question.step, "revision": message.question.revision}}
        if message.question is not None
        else {}
    )
    actions: list[dict[str, object]] = []
    if message.choices and not message.multi and len(message.choices) <= MAX_BUTTONS:
        actions = [
            {"type": "Action.Submit", "title": c.label, "data": {CHOICE_FIELD: c.value, **asked}}
            for c in message.choices
        ]
    elif message.choices:
        body.append(
            {
                "type": "Input.ChoiceSet",
                "id": CHOICE_FIELD,
                "style": "expanded",
                "isMultiSelect": message.multi,
                "isRequired": True,
                "choices": [{"title": c.label, "value": c.value} for c in message.choices],
            }
        )
        submit: dict[str, object] = {"type": "Action.Submit", "title": submit_label}
        if asked:
            submit["data"] = asked  # Teams adds the picked value beside it
        actions = [submit]
    card = _card(body, actions)
    card["fallbackText"] = as_text(message) or card["fallbackText"]  # with the choices
    return card


def card_summary(card: dict[str, object]) -> str:
    """The activity's `summary` for a card: one line for notifications and the chat list,
    the card's first line of text (a team card has no names, so neither has this)."""
    fallback = card.get("fallbackText")
    text = fallback if isinstance(fallback, str) and fallback else card_text(card)
    first = next((line.strip() for line in text.splitlines() if line.strip()), "-")
    return first if len(first) <= _SUMMARY_MAX else first[: _SUMMARY_MAX - 1] + "…"


def _summary_blocks(summary: Summary) -> list[dict[str, object]]:
    facts = [
        {
            "title": f"{row.number}. {row.label}" if row.number is not None else row.label,
            "value": row.value,
        }
        for row in summary.rows
    ]
    return [
        {"type": "TextBlock", "text": summary.title, "weight": "Bolder", "wrap": True},
        {"type": "FactSet", "facts": facts},
    ]


# --- what comes back from a card -----------------------------------------------------------


def picked_choice(value: Any) -> str | None:
    """The value picked on one of our cards, from a message activity's `value`.

    A multi-select ChoiceSet answers "a,b"; that string is passed on as it is.
    """
    if isinstance(value, dict):
        picked = value.get(CHOICE_FIELD)
        if isinstance(picked, str) and picked:
            return picked
    return None


def picked_question(value: Any) -> Question | None:
    """The question the pressed card asked, from a message activity's `value`; None when
    the card said none or the value is not one we wrote."""
    if not isinstance(value, dict):
        return None
    asked = value.get(QUESTION_FIELD)
    if not isinstance(asked, dict):
        return None
    step, revision = asked.get("step"), asked.get("revision")
    if not isinstance(step, str) or not 0 < len(step) <= 40:
        return None
    if type(revision) is not int or not 0 <= revision < 2**31:
        return None
    return Question(step, revision)


def card_action(value: Any) -> tuple[str, dict[str, object]] | None:
    """(verb, data) of an `adaptiveCard/action` invoke, or None if it is not well formed."""
    if not isinstance(value, dict):
        return None
    action = value.get("action")
    if not isinstance(action, dict) or action.get("type") != "Action.Execute":
        return None
    verb = action.get("verb")
    data = action.get("data", {})
    if not isinstance(verb, str) or not isinstance(data, dict):
        return None
    return verb, data


def submitted_verb(value: Any) -> tuple[str, dict[str, object]] | None:
    """(verb, data) of an Action.Submit of ours that names a use case: Teams sends its
    `data` (with the card's inputs beside it) as a message activity's `value`."""
    if not isinstance(value, dict):
        return None
    verb = value.get(VERB_FIELD)
    if not isinstance(verb, str) or not 0 < len(verb) <= 40:
        return None
    return verb, {k: v for k, v in value.items() if k != VERB_FIELD}


def card_response(card: dict[str, object]) -> dict[str, object]:
    """The invoke response body that replaces the card with `card`."""
    return {"statusCode": 200, "type": INVOKE_CARD_RESPONSE, "value": card}


def error_response(status: int, code: str, message: str) -> dict[str, object]:
    return {
        "statusCode": status,
        "type": INVOKE_ERROR_RESPONSE,
        "value": {"code": code, "message": message},
    }


# --- a case: the handler's and the team channel's card ------------------------------------


def _fact_blocks(facts: CaseRouted) -> list[dict[str, object]]:
    reference = facts.reference
    blocks: list[dict[str, object]] = [
        _text(say("card_title", reference=reference), weight="Bolder", size="Medium"),
        {
            "type": "FactSet",
            "facts": [
                {"title": say("card_reference"), "value": reference},
                {
                    "title": say("card_role"),
                    "value": say(f"role_{facts.role}") if facts.role else "-",
                },
                {"title": say("card_org"), "value": facts.org or "-"},
                {
                    "title": say("card_kinds"),
                    "value": ", ".join(say(f"kind_{k}") for k in facts.kinds) or "-",
                },
                {"title": say("card_when"), "value": facts.when or "-"},
                {
                    "title": say("card_serious"),
                    "value": say("card_serious_yes") if facts.serious else say("card_serious_no"),
                },
            ],
        },
    ]
    if facts.unsafe:
        blocks.append(_text(say("card_unsafe"), weight="Bolder", color="Attention"))
    if facts.criminal:
        blocks.append(_text(say("card_criminal")))
    blocks.append(_text(say("card_deadlines"), weight="Bolder", spacing="Medium"))
    if facts.deadlines:
        blocks.append(
            {
                "type": "FactSet",
                "facts": [
                    {
                        "title": d.due,
                        "value": say("card_deadline_done", task=d.task) if d.done else d.task,
                    }
                    for d in facts.deadlines
                ],
            }
        )
    else:
        blocks.append(_text(say("card_deadlines_none"), isSubtle=True))
    return blocks


def case_card(
    facts: CaseRouted, audience: str = HANDLER, acknowledged: Acknowledged | None = None
) -> dict[str, object]:
    """The case's card: open with an "In behandeling nemen" button, or who has it since when
    (on a team card without the name)."""
    body = _fact_blocks(facts)
    actions: list[dict[str, object]] = []
    if acknowledged is not None and acknowledged.at_shown:
        if audience == TEAM:
            status = say("card_acknowledged_team", time=acknowledged.at_shown)
        else:
            status = say(
                "card_acknowledged", name=acknowledged.by or "-", time=acknowledged.at_shown
            )
        body.append(_text(status, weight="Bolder", color="Good", spacing="Medium"))
    else:
        body.append(_text(say("card_open"), color="Attention", spacing="Medium"))
        if audience != TEAM and facts.informed:
            body += party_toggles(facts.informed)
        actions.append(
            {
                "type": "Action.Execute",
                "title": say("card_acknowledge"),
                "verb": ACKNOWLEDGE_VERB,
                "data": {"reference": facts.reference},
                "style": "positive",
            }
        )
    if audience == TEAM:
        body.append(_text(say("card_team_note"), isSubtle=True, size="Small"))
    else:
        # The whole case comes as a new message in this personal chat; a team channel's
        # card has no such button (and the use case refuses a shared conversation).
        actions.append(submit(say("card_view_case"), VIEW_CASE_VERB, reference=facts.reference))
    return _card(body, actions)


# --- the evaluation form (issue 12) ---------------------------------------------------------


def _levels(name: str, label: str, value: str | None) -> dict[str, object]:
    choice: dict[str, object] = {
        "type": "Input.ChoiceSet",
        "id": name,
        "label": label,
        "style": "expanded",
        "isRequired": True,
        "errorMessage": say("evaluation_needs_risk"),
        "choices": [{"title": say(f"level_{lv.value}"), "value": lv.value} for lv in Level],
    }
    if value:
        choice["value"] = value
    return choice


def _long_text(name: str, label: str, value: str) -> dict[str, object]:
    return {
        "type": "Input.Text",
        "id": name,
        "label": label,
        "isMultiline": True,
        "maxLength": MAX_TEXT,
        "value": value,
    }


def evaluation_card(form: EvaluationForm) -> dict[str, object]:
    """The evaluation form of a case: the risk as two choices, cause, similar incidents and
    recommendations as text, and whether the lessons go to the coordinator VPT."""
    body: list[dict[str, object]] = [
        _text(
            say("evaluation_card_title", reference=form.reference), weight="Bolder", size="Medium"
        ),
        _text(say("insight_evaluation_intro"), isSubtle=True),
    ]
    if form.saved:
        body.append(_text(say("evaluation_card_saved"), color="Good", weight="Bolder"))
    body += [
        _levels("severity", say("insight_severity"), form.severity),
        _levels("recurrence", say("insight_recurrence"), form.recurrence),
        _long_text("cause", say("insight_cause"), form.cause),
        _long_text("similar", say("insight_similar"), form.similar),
        _long_text("recommendations", say("insight_recommendations"), form.recommendations),
        {
            "type": "Input.Toggle",
            "id": "shared",
            "title": say("insight_shared"),
            "valueOn": "true",
            "valueOff": "false",
            "value": "true" if form.shared else "false",
        },
    ]
    actions: list[dict[str, object]] = [
        {
            "type": "Action.Execute",
            "title": say("insight_save"),
            "verb": EVALUATE_VERB,
            "data": {"reference": form.reference},
            "style": "positive",
        }
    ]
    return _card(body, actions)


def party_toggles(parties: tuple[str, ...]) -> list[dict[str, object]]:
    """The suggested informed parties as toggles, on by default: "In behandeling nemen"
    sends back the kept ones (each a `party_N` input whose value is the party, or empty
    when switched off; adapters/teams/actions.py gathers them into `parties`)."""
    blocks: list[dict[str, object]] = [_text(say("card_parties"), spacing="Medium")]
    for n, party in enumerate(parties):
        blocks.append(
            {
                "type": "Input.Toggle",
                "id": f"{PARTY_FIELD_PREFIX}{n}",
                "title": _party_label(party),
                "value": party,
                "valueOn": party,
                "valueOff": "",
            }
        )
    return blocks


def refusal_card(text: str, facts: CaseRouted | None = None) -> dict[str, object]:
    """What someone sees who may not do what they pressed: why, and the case's team facts
    (no names) so the card stays readable. No button: nothing changed."""
    body: list[dict[str, object]] = [
        _text(say("card_refused_title"), weight="Bolder", color="Attention"),
        _text(text),
    ]
    if facts is not None:
        body += _fact_blocks(facts)
    return _card(body)


# --- reminders: "Gedaan" and "Later" --------------------------------------------------------


def _title_key(facts: ReminderFacts) -> str:
    if facts.step == "reminder":
        return "reminder_card_title"
    if facts.step == "overdue" or not facts.escalation:
        return "reminder_card_title_overdue"  # the handler's own copy of an escalation step
    return "reminder_card_title_escalation"


def _shown(value: str) -> str:
    """A reminder's ISO time as handlers read it; a time that came back from a card's
    buttons was shown already and stays as it is."""
    try:
        return short_moment(datetime.fromisoformat(value)) if value else value
    except ValueError:
        return value


def reminder_card(
    facts: ReminderFacts,
    status: str | None = None,
    tone: str = "Good",
    actions: bool = True,
) -> dict[str, object]:
    """A reminder, overdue notice or escalation step as a card with "Gedaan" and "Later".

    The reason for "Later" is asked in a form that opens under the button. `status` is
    what a press did, shown in `tone` (an Adaptive Card colour); `actions` False leaves
    the buttons out (the step is done). The buttons send the facts back as shown.
    """
    facts = replace(facts, due=_shown(facts.due), planned=_shown(facts.planned))
    reference = facts.reference or "-"
    body: list[dict[str, object]] = [
        _text(
            say(_title_key(facts), reference=reference),
            weight="Bolder",
            size="Medium",
            color="Default" if facts.step == "reminder" else "Attention",
        ),
    ]
    if facts.late:
        body.append(_text(say("reminder_late", planned=facts.planned or "-"), color="Warning"))
    body.append(
        {
            "type": "FactSet",
            "facts": [
                {"title": say("card_reference"), "value": reference},
                {"title": say("card_org"), "value": facts.org or "-"},
                {"title": say("reminder_card_task"), "value": facts.task or "-"},
                {"title": say("reminder_card_due"), "value": facts.due or "-"},
            ],
        }
    )
    if facts.escalation:
        key = "reminder_card_escalation" if facts.handler_reached else "reminder_card_stand_in"
        body.append(_text(say(key)))
    if status:
        body.append(_text(status, weight="Bolder", color=tone, spacing="Medium"))
    if not actions:
        return _card(body)
    data = facts.button_data()
    later_form = _card(
        [
            {
                "type": "Input.Text",
                "id": REASON_FIELD,
                "label": say("reminder_card_reason"),
                "isRequired": True,
                "errorMessage": say("reminder_card_reason_needed"),
                "maxLength": 500,
                "isMultiline": True,
            }
        ],
        [
            {
                "type": "Action.Execute",
                "title": say("reminder_card_later_submit"),
                "verb": DEADLINE_LATER_VERB,
                "data": data,
            }
        ],
    )
    del later_form["$schema"]  # a ShowCard's card is part of the outer one
    del later_form["fallbackText"]
    return _card(
        body,
        [
            {
                "type": "Action.Execute",
                "title": say("reminder_card_done"),
                "verb": DEADLINE_DONE_VERB,
                "data": data,
                "style": "positive",
            },
            {"type": "Action.ShowCard", "title": say("reminder_card_later"), "card": later_form},
        ],
    )


# --- evidence files: FileConsentCard, FileInfoCard, a preview ------------------------------


def consent_context(offer: EvidenceOffer) -> dict[str, object]:
    """What Teams sends back with the consent's answer: which file of which case, no name."""
    return {"reference": offer.reference, "evidence": offer.evidence_id}


def file_consent_attachment(offer: EvidenceOffer) -> dict[str, object]:
    """The FileConsentCard that asks to put the file in the handler's OneDrive."""
    context = consent_context(offer)
    return {
        "contentType": FILE_CONSENT_CARD,
        "name": offer.filename,
        "content": {
            "description": say(
                "evidence_consent_description", number=offer.number, reference=offer.reference
            ),
            "sizeInBytes": offer.size,
            "acceptContext": context,
            "declineContext": context,
        },
    }


def file_info_attachment(upload: EvidenceUpload) -> dict[str, object]:
    """The FileInfoCard that shows the uploaded file (open, preview, download)."""
    file_type = upload.file_type or (
        (mimetypes.guess_extension(upload.offer.content_type) or "").lstrip(".")
    )
    return {
        "contentType": FILE_INFO_CARD,
        "contentUrl": upload.content_url,
        "name": upload.name,
        "content": {"uniqueId": upload.unique_id, "fileType": file_type},
    }


def image_preview(file: Attachment) -> dict[str, object] | None:
    """An inline picture of an image file, when Teams can show it (kind and size)."""
    if file.content_type not in PREVIEW_TYPES or file.size > PREVIEW_MAX_BYTES:
        return None
    data = base64.b64encode(file.data).decode("ascii")
    return {
        "contentType": file.content_type,
        "contentUrl": f"data:{file.content_type};base64,{data}",
        "name": file.filename,
    }


# --- a notice as a card ---------------------------------------------------------------------


def notice_card(notice: Notice | None, audience: str = HANDLER) -> dict[str, object] | None:
    """The card that shows a notice (bot/cases/notices/) to `audience`, or None for the
    notices Teams sends as text (with any choices as buttons)."""
    if isinstance(notice, CaseRouted):
        return case_card(notice, audience, notice.acknowledged)
    if isinstance(notice, CaseCardRefresh):
        return case_card(notice.case, notice.audience, notice.acknowledged)
    if isinstance(notice, Reminder):
        return reminder_card(notice.facts)
    if isinstance(notice, ReminderAnswer):
        tone = "Good" if notice.good else "Attention"
        return reminder_card(notice.facts, notice.status, tone, actions=notice.buttons)
    if isinstance(notice, Refusal):
        return refusal_card(notice.text, notice.case)
    if isinstance(notice, EvaluationForm):
        return evaluation_card(notice)
    if isinstance(notice, CaseDetails) and audience != TEAM:
        return case_details_card(notice)
    if isinstance(notice, CaseClosed) and audience != TEAM:
        return case_closed_card(notice)
    if isinstance(notice, ReporterProgress) and audience != TEAM:
        return reporter_progress_card(notice)
    return None
