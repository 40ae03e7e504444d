"""What a handler types on a channel without cards to work a case (issue 11):

    toon WB-ABC234                  (also "details WB-ABC234", or only "WB-ABC234")
    stap WB-ABC234 4 aangifte       (a step of the annex, with its value where it has one)
    notitie WB-ABC234 belde met de wijkagent
    reactie WB-ABC234 gesprek maatregelen tot 18-12-2026 schade: brief verstuurd
    sluit WB-ABC234                 ("sluit WB-ABC234 onbekend reden: ...", "... toch: ...")

The parser is pure: a command is data; bot/cases/casework_commands.py applies it through
the same use cases as the card presses (bot/cases/actions.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from bot.text import vocabulary
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
