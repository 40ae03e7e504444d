"""What a handler types on a channel without cards to work a case (issue 11):

    toon WB-ABC234                  (also "details WB-ABC234", or only "WB-ABC234")
    stap WB-ABC234 4 aangifte       (a step of the annex, with its value where it has one)
    notitie WB-ABC234 belde met de wijkagent
    reactie WB-ABC234 gesprek maatregelen tot 18-12-2026 schade: brief verstuurd
    reactie WB-ABC234               (alone: the response asked step by step, see below)
    sluit WB-ABC234                 ("sluit WB-ABC234 onbekend reden: ...", "... toch: ...")

The parser is pure: a command is data; bot/cases/casework_commands.py applies it through
the same use cases as the card presses (bot/cases/actions.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from bot.domain.closing import OFFERED, Measure
from bot.text import vocabulary
from bot.text.catalogue import say
from bot.text.format import long_day
from dialogs import understanding
from dialogs.engine import normalise
from dialogs.flows.handler_commands import normalise_reference
from dialogs.messages import Inbound


class CaseVerb(StrEnum):
    SHOW = "show"
    TICK = "tick"
    NOTE = "note"
    RESPONSE = "response"
    CLOSE = "close"


_REF = r"wb-?[0-9a-z]{6}"
_BARE = re.compile(rf"^{_REF}$", re.IGNORECASE)
_WORDS: tuple[tuple[CaseVerb, frozenset[str]], ...] = (
    (CaseVerb.SHOW, vocabulary.SHOW_CASE_WORDS),
    (CaseVerb.TICK, vocabulary.TICK_STEP_WORDS),
    (CaseVerb.NOTE, vocabulary.NOTE_WORDS),
    (CaseVerb.RESPONSE, vocabulary.RESPONSE_WORDS),
    (CaseVerb.CLOSE, vocabulary.CLOSE_WORDS),
)
_COMMAND = re.compile(rf"^(?P<verb>[a-z ]+?)\s+(?P<ref>{_REF})(?:\s+(?P<rest>.*))?$", re.I | re.S)


@dataclass(frozen=True)
class CaseCommand:
    verb: CaseVerb
    reference: str
    rest: str  # what follows the reference, as typed


def parse_case_command(text: str) -> CaseCommand | None:
    """A case command, or None when the text is not one."""
    stripped = text.strip()
    if _BARE.match(stripped):
        return CaseCommand(CaseVerb.SHOW, normalise_reference(stripped), "")
    match = _COMMAND.match(stripped)
    if match is None:
        return None
    verb_text = normalise(match["verb"])
    verb = next((v for v, words in _WORDS if verb_text in words), None)
    if verb is None:
        return None
    return CaseCommand(verb, normalise_reference(match["ref"]), (match["rest"] or "").strip())


def is_case_command(inbound: Inbound) -> bool:
    """The message is a case command (the registry's test, dialogs/flows/__init__.py)."""
    return parse_case_command(inbound.text) is not None


@dataclass(frozen=True)
class TypedTick:
    step: str
    value: str | None


def parse_tick(rest: str) -> TypedTick | None:
    """ "4 aangifte", "3", "hulpofficier gevraagd"; None when no step is named."""
    text = normalise(rest)
    if not text:
        return None
    for word in sorted(vocabulary.SECOND_OPINION_WORDS, key=len, reverse=True):
        if text == word or text.startswith(word + " "):
            value = text[len(word) :].strip()
            return TypedTick("hulpofficier", _step_value(value))
    step, _, value = text.partition(" ")
    return TypedTick(step, _step_value(value.strip()))


def _step_value(text: str) -> str | None:
    if not text:
        return None
    return vocabulary.STEP_VALUE_WORDS.get(text, text.replace(" ", "_"))


@dataclass(frozen=True)
class TypedResponse:
    kind: str | None  # a Response value, None when not understood
    measure: str | None
    until: date | None
    until_text: str  # as typed, when it is not a date
    damages: bool
    note: str


def _date(text: str) -> date | None:
    for fmt in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_response(rest: str) -> TypedResponse:
    """ "gesprek maatregelen tot 18-12-2026 schade: de notitie"."""
    head, _, note = rest.partition(":")
    words = normalise(head).split()
    kind = vocabulary.RESPONSE_KIND_WORDS.get(words[0]) if words else None
    measure, until, until_text, damages = None, None, "", False
    if kind is None and words and words[0] in vocabulary.MEASURE_WORDS:
        # "reactie REF afspraken tot ...": measures alone are the response
        kind, measure = (
            vocabulary.RESPONSE_KIND_WORDS["maatregelen"],
            vocabulary.MEASURE_WORDS[words[0]],
        )
    i = 1
    while i < len(words):
        word = words[i]
        if word in vocabulary.MEASURE_WORDS:
            measure = vocabulary.MEASURE_WORDS[word]
        elif word in vocabulary.UNTIL_WORDS and i + 1 < len(words):
            i += 1
            until_text = words[i]
            until = _date(until_text)
        elif word in vocabulary.DAMAGES_WORDS:
            damages = True
        i += 1
    if kind == "maatregelen" and measure is None:
        measure = vocabulary.MEASURE_WORDS["maatregelen"]
    return TypedResponse(kind, measure, until, until_text, damages, note.strip())


@dataclass(frozen=True)
class TypedClose:
    unknown: bool  # "pleger onbekend"
    reason: str
    override: str


def parse_close(rest: str) -> TypedClose:
    """ "onbekend reden: ... toch: ..." (each part optional)."""
    lowered = rest.lower()
    cuts = sorted(
        (lowered.find(w), w)
        for w in (*vocabulary.CLOSE_REASON_WORDS, *vocabulary.CLOSE_OVERRIDE_WORDS)
        if w in lowered
    )
    head = rest[: cuts[0][0]] if cuts else rest
    reason = override = ""
    for n, (at, word) in enumerate(cuts):
        end = cuts[n + 1][0] if n + 1 < len(cuts) else len(rest)
        part = rest[at + len(word) : end].strip()
        if word in vocabulary.CLOSE_REASON_WORDS:
            reason = part
        else:
            override = part
    unknown = normalise(head) in vocabulary.UNKNOWN_PERPETRATOR_WORDS
    return TypedClose(unknown, reason, override)


# --- "reactie REF" alone: the response asked step by step (issue 11, casework2) ----------
#
# A small state machine, not a Flow of the dialog engine: the engine keeps its answers on
# the conversation's own draft (one case, the report's fields), while this exchange is
# about a case the handler works, and runs beside any draft of their own. Each answer is
# kept as it comes (bot/cases/casework_commands.py stores the state after every message,
# encrypted, so it survives a restart); the confirmation presses the same `record_response`
# use case as the card's form.


class ResponseStep(StrEnum):
    KIND = "kind"
    MEASURE = "measure"
    UNTIL = "until"
    DAMAGES = "damages"
    NOTE = "note"
    CONFIRM = "confirm"


# The measures offered after the kind, in this order; "0" (none) first.
MEASURES_OFFERED: tuple[Measure, ...] = (Measure.RESTRICTIVE, Measure.CONTACT_AGREEMENTS)
NOTE_MAX = 1000


@dataclass(frozen=True)
class ResponseTurn:
    """Where one answer leaves the exchange: the next `step` and what it asks (`reply`);
    `confirmed`: the handler said yes to the summary (`data` is complete); `stopped`:
    they ended it, nothing recorded."""

    step: ResponseStep
    data: dict[str, Any]
    reply: str
    confirmed: bool = False
    stopped: bool = False


def _numbered(options: list[str]) -> str:
    return "\n".join(f"{n}. {label}" for n, label in enumerate(options, 1))


def ask_response(step: ResponseStep, reference: str, data: dict[str, Any]) -> str:
    """The question of `step`, in Dutch."""
    if step is ResponseStep.KIND:
        kinds = _numbered([say(f"response_{r.value}") for r in OFFERED])
        return say("response_ask_kind", reference=reference, options=kinds)
    if step is ResponseStep.MEASURE:
        options = [say("response_ask_measure_none")] if data.get("kind") != "maatregelen" else []
        options += [say(f"measure_{m.value}") for m in MEASURES_OFFERED]
        return say("response_ask_measure", options=_numbered(options))
    if step is ResponseStep.UNTIL:
        return say("response_ask_until")
    if step is ResponseStep.DAMAGES:
        return say("response_ask_damages")
    if step is ResponseStep.NOTE:
        return say("response_ask_note", limit=NOTE_MAX)
    return say("response_ask_confirm", summary=response_summary(data))


def response_summary(data: dict[str, Any]) -> str:
    lines = [say("response_summary_kind", kind=say(f"response_{data.get('kind')}"))]
    if data.get("measure"):
        until = data.get("until")
        shown = long_day(date.fromisoformat(until)) if until else "-"
        lines.append(
            say("response_summary_measure", measure=say(f"measure_{data['measure']}"), until=shown)
        )
    lines.append(
        say(
            "response_summary_damages_yes" if data.get("damages") else "response_summary_damages_no"
        )
    )
    if data.get("note"):
        lines.append(say("response_summary_note", note=data["note"]))
    return "\n".join(lines)


def _pick(text: str, count: int) -> int | None:
    """A number 1..count as typed ("2", "2."), else None."""
    cleaned = text.strip().rstrip(".)")
    if cleaned.isdigit() and 1 <= int(cleaned) <= count:
        return int(cleaned)
    return None


def response_answer(
    step: ResponseStep, data: dict[str, Any], text: str, reference: str, today: date
) -> ResponseTurn:
    """The handler's answer `text` to `step`: the exchange's next position. Pure."""
    said = normalise(text)
    if said in vocabulary.PENDING_END_WORDS:
        return ResponseTurn(
            step, data, say("response_guided_stopped", reference=reference), stopped=True
        )

    def again(problem: str) -> ResponseTurn:
        return ResponseTurn(step, data, f"{problem}\n{ask_response(step, reference, data)}")

    def go(next_step: ResponseStep, new: dict[str, Any]) -> ResponseTurn:
        return ResponseTurn(next_step, new, ask_response(next_step, reference, new))

    if step is ResponseStep.KIND:
        picked = _pick(said, len(OFFERED))
        kind = OFFERED[picked - 1].value if picked else vocabulary.RESPONSE_KIND_WORDS.get(said)
        if kind is None:
            return again(say("response_pick_number"))
        return go(ResponseStep.MEASURE, {**data, "kind": kind})
    if step is ResponseStep.MEASURE:
        offered: list[str | None] = [] if data.get("kind") == "maatregelen" else [None]
        offered += [m.value for m in MEASURES_OFFERED]
        picked = _pick(said, len(offered))
        if picked is None and offered[0] is None and understanding.nothing(text):
            picked = 1  # "nee", "geen": no measures
        if picked is None:
            word = vocabulary.MEASURE_WORDS.get(said)
            picked = offered.index(word) + 1 if word in offered else None
        if picked is None:
            return again(say("response_pick_number"))
        measure = offered[picked - 1]
        if measure is None:
            return go(ResponseStep.DAMAGES, {**data, "measure": None, "until": None})
        return go(ResponseStep.UNTIL, {**data, "measure": measure})
    if step is ResponseStep.UNTIL:
        until = _date(text.strip())
        if until is None:
            return again(say("response_until_unreadable", text=text.strip()))
        if until <= today:
            return again(say("response_until_past", day=long_day(until)))
        return go(ResponseStep.DAMAGES, {**data, "until": until.isoformat()})
    if step is ResponseStep.DAMAGES:
        if said in vocabulary.YES_WORDS:
            return go(ResponseStep.NOTE, {**data, "damages": True})
        if said in vocabulary.NO_WORDS:
            return go(ResponseStep.NOTE, {**data, "damages": False})
        return again(say("response_yes_or_no"))
    if step is ResponseStep.NOTE:
        note = (
            "" if said in vocabulary.NO_WORDS or said in vocabulary.NO_NOTE_WORDS else text.strip()
        )
        if len(note) > NOTE_MAX:
            return again(say("note_too_long", limit=NOTE_MAX))
        return go(ResponseStep.CONFIRM, {**data, "note": note})
    if said in vocabulary.YES_WORDS:
        return ResponseTurn(step, data, "", confirmed=True)
    if said in vocabulary.NO_WORDS:
        # Not right: start again from the kind, nothing recorded.
        return go(ResponseStep.KIND, {})
    return again(say("response_yes_or_no"))
