"""The report flow's declaration, `REPORT`: its steps in order."""

from __future__ import annotations

import re
from typing import Any

from bot.domain.incident import INJURIES, KINDS
from bot.text import vocabulary
from bot.text.catalogue import say
from dialogs import understanding
from dialogs.conditions import AnswerIn, AnswerIs, Check
from dialogs.engine import normalise
from dialogs.flow import (
    Ask,
    Context,
    Flow,
    Step,
)
from dialogs.flows.report.common import YES_NO, _choices, _role_choices, reporter_roles
from dialogs.flows.report.parsers import (
    _IMPACT_STEPS,
    _STORY_FILLS,
    BEHAVIOUR_CHOICES,
    CRIMINAL_CHOICES,
    IMPACT_CHOICES,
    PERP_CHOICES,
    _yes_no_unknown,
    impact_open,
    parse_behaviour,
    parse_criminal,
    parse_evidence,
    parse_free_text,
    parse_impact,
    parse_injury,
    parse_kinds,
    parse_nothing_or_text,
    parse_perp_known,
    parse_role,
    parse_safe,
    parse_safe_continue,
    parse_what,
    parse_what_ok,
    parse_when_ok,
    parse_when_step,
    parse_where,
    when_to_confirm,
)
from dialogs.flows.report.review import (
    _show_choice,
    _show_list,
    _show_role,
    _show_when,
    _show_yes_no_detail,
)
from dialogs.flows.report.story import _is_story, _story_choices, _story_question
from dialogs.messages import Inbound

# --- the flow ----------------------------------------------------------------------------


def several_roles(ctx: Context) -> bool:
    """The person reports in more than one role."""
    return len(reporter_roles(ctx)) > 1


def _prefill(ctx: Context) -> dict[str, Any]:
    roles = reporter_roles(ctx)
    return {"role": f"{roles[0][0]}@{roles[0][1]}"} if len(roles) == 1 else {}


def _intro(ctx: Context) -> str:
    return say("greeting", name=ctx.person.name.split(" ")[0])


def _opening(inbound: Inbound, _ctx: Context) -> bool:
    """The first message says more than "hallo": a story, a question, a cry for help."""
    text = inbound.text.strip()
    if not text or normalise(text) in vocabulary.GREETING_WORDS:
        return False
    return (
        understanding.signals_danger(text)
        or understanding.is_question(text)
        or (_is_story(text) and not _only_wants_to_report(text))
    )


def _only_wants_to_report(text: str) -> bool:
    """ "Ik wil iets melden", "ik wil graag een melding maken": no story yet."""
    said = normalise(text)
    return said in vocabulary.NEW_REPORT_WORDS or bool(_WANTS_TO_REPORT.fullmatch(said))


_WANTS_TO_REPORT = re.compile(
    r"(?:hallo |hoi |goedemorgen |goedemiddag |goedenavond )?(?:ik )?"
    r"(?:wil|wilde|moet|zou|kom)(?: graag)?(?: even)?(?: iets| wat| een melding)"
    r"(?: melden| maken| doen| graag)*"
)


def recheck_safety(ctx: Context) -> tuple[str, ...]:
    """Back at a draft of someone who was not safe: ask again whether they are now. That
    they were not stays recorded (`was_unsafe`)."""
    return ("safe",) if ctx.answers.get("safe") is False else ()


def _when_shown(ctx: Context) -> dict[str, object]:
    return {"when": ctx.answers["when"]["shown"]}


REPORT = Flow(
    name="report",
    intro=_intro,
    prefill=_prefill,
    files_step="evidence",
    fields=(
        "was_unsafe",
        "evidence_items",
        "story_facts",
        "series",
        "safe_detail",
        "injury_detail",
        "damage_detail",
        "time_off_detail",
        "kinds_detail",
        "impact_detail",
    ),
    on_resume=recheck_safety,
    opening=_opening,
    steps=(
        Step(
            "safe",
            Ask("ask_safe", YES_NO),
            parse_safe,
            why="why_safe",
            clears=("safe_continue", "behaviour"),
            fills=("behaviour", "what", "story_facts", "safe_detail", "was_unsafe"),
        ),
        Step(
            "behaviour",
            Ask("ask_behaviour", BEHAVIOUR_CHOICES),
            parse_behaviour,
            ask_if=AnswerIs("safe", False),
            why="why_behaviour",
            fills=("what", "story_facts"),
        ),
        Step(
            "safe_continue",
            Ask("ask_safe_continue", YES_NO),
            parse_safe_continue,
            ask_if=AnswerIs("safe", False),
            why="why_safe",
            fills=("what", "story_facts"),
        ),
        Step(
            "role",
            Ask("ask_role", _role_choices),
            parse_role,
            ask_if=Check(several_roles),
            why="why_role",
            label="label_role",
            show=_show_role,
        ),
        Step(
            "what",
            Ask("ask_what"),
            parse_what,
            why="why_what",
            label="label_what",
            fills=("story_facts",),
        ),
        Step(
            "what_ok",
            Ask("ask_what_ok", _story_choices, values=_story_question),
            parse_what_ok,
            why="why_what_ok",
            fills=_STORY_FILLS,
        ),
        Step(
            "kinds",
            Ask("ask_kinds", _choices("kind", KINDS), multi=True),
            parse_kinds,
            why="why_kinds",
            label="label_kinds",
            show=_show_list("kind", detail="kinds_detail"),
            clears=("criminal",),
            fills=("criminal", "kinds_detail"),
        ),
        Step(
            "where",
            Ask("ask_where"),
            parse_where,
            why="why_where",
            label="label_where",
            fills=("witnesses",),
        ),
        Step(
            "when",
            Ask("ask_when"),
            parse_when_step,
            why="why_when",
            label="label_when",
            show=_show_when,
            clears=("when_ok",),
            fills=("series", "witnesses"),
        ),
        Step(
            "when_ok",
            Ask("ask_when_ok", YES_NO, values=_when_shown),
            parse_when_ok,
            ask_if=Check(when_to_confirm, reads=("when",)),
            why="why_when",
            redo=("when",),
        ),
        Step(
            "perp_known",
            Ask("ask_perp_known", PERP_CHOICES),
            parse_perp_known,
            why="why_perp",
            label="label_perp_known",
            show=_show_choice("perp"),
            clears=("perp_who", "perp_details"),
            fills=("perp_who", "perp_details", "witnesses"),
        ),
        Step(
            "perp_who",
            Ask("ask_perp_who"),
            parse_free_text("reask_text"),
            ask_if=AnswerIs("perp_known", "bekend"),
            why="why_perp",
            label="label_perp_who",
        ),
        Step(
            "perp_details",
            Ask("ask_perp_details"),
            parse_free_text("reask_text"),
            ask_if=AnswerIn("perp_known", ("bekend", "beschrijving")),
            skippable=True,
            why="why_perp_details",
            label="label_perp_details",
        ),
        Step(
            "witnesses",
            Ask("ask_witnesses"),
            parse_nothing_or_text,
            skippable=True,
            why="why_witnesses",
            label="label_witnesses",
        ),
        Step(
            "evidence",
            Ask("ask_evidence"),
            parse_evidence,
            skippable=True,
            why="why_evidence",
            label="label_evidence",
            fills=("evidence_items", "witnesses"),
        ),
        Step(
            "impact",
            Ask("ask_impact", IMPACT_CHOICES, multi=True),
            parse_impact,
            ask_if=Check(impact_open, reads=_IMPACT_STEPS),
            why="why_impact",
            fills=(
                *_IMPACT_STEPS,
                "injury_detail",
                "damage_detail",
                "time_off_detail",
                "impact_detail",
            ),
        ),
        Step(
            "injury",
            Ask("ask_injury", _choices("injury", INJURIES), multi=True),
            parse_injury,
            why="why_injury",
            label="label_injury",
            show=_show_list("injury"),
            fills=("injury_detail",),
        ),
        Step(
            "damage",
            Ask("ask_damage", YES_NO),
            _yes_no_unknown("damage"),
            why="why_damage",
            label="label_damage",
            show=_show_yes_no_detail("damage"),
            fills=("damage_detail",),
        ),
        Step(
            "time_off",
            Ask("ask_time_off", YES_NO),
            _yes_no_unknown("time_off"),
            why="why_time_off",
            label="label_time_off",
            show=_show_yes_no_detail("time_off"),
            fills=("time_off_detail",),
        ),
        Step(
            "criminal",
            Ask("ask_criminal", CRIMINAL_CHOICES),
            parse_criminal,
            why="why_criminal",
            label="label_criminal",
            show=_show_choice("criminal"),
        ),
    ),
)
