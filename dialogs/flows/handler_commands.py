"""What a handler can type on a channel without cards: the text form of "Gedaan"/"Later".

    gedaan WB-ABC234 maatregelen
    later WB-ABC234 politie wacht op een terugbelverzoek

A command is data: its verb, the words that say it, and whether it needs a reason. The
parser is pure; bot/cases/deadlines.py applies a parsed command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.deadlines import DeadlineKind
from bot.text import vocabulary
from bot.text.catalogue import say
from dialogs.engine import normalise
from dialogs.messages import Inbound


class Action(StrEnum):
    DONE = "done"
    LATER = "later"


@dataclass(frozen=True)
class CommandSpec:
    action: Action
    words: frozenset[str]
    needs_reason: bool


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec(Action.DONE, vocabulary.DONE_COMMAND_WORDS, needs_reason=False),
    CommandSpec(Action.LATER, vocabulary.LATER_COMMAND_WORDS, needs_reason=True),
)


def kind_word(kind: DeadlineKind | str) -> str:
    return say(f"deadline_word_{DeadlineKind(kind).value}")


def kind_words() -> str:
    return ", ".join(kind_word(k) for k in DeadlineKind)


def kind_from_word(word: str) -> DeadlineKind | None:
    """A deadline kind from the word a handler typed (or a card's value)."""
    w = normalise(word)
    for kind in DeadlineKind:
        if w in (kind.value, kind_word(kind)):
            return kind
    alias = vocabulary.DEADLINE_WORD_ALIASES.get(w)
    return DeadlineKind(alias) if alias is not None else None


@dataclass(frozen=True)
class HandlerCommand:
    action: Action
    reference: str
    word: str  # as typed; kind_from_word() may not know it
    reason: str


_REFERENCE = re.compile(r"^wb-?[0-9a-z]{6}$", re.IGNORECASE)


def normalise_reference(text: str) -> str:
    t = text.strip().upper()
    return t if t.startswith("WB-") else "WB-" + t.removeprefix("WB")


def parse_command(text: str) -> HandlerCommand | None:
    """A handler command, or None when the text is not one (then it is ordinary chat)."""
    parts = text.strip().split(maxsplit=3)
    if len(parts) < 3:
        return None
    verb, reference, word = parts[0], parts[1], parts[2]
    spec = next((c for c in COMMANDS if normalise(verb) in c.words), None)
    if spec is None or not _REFERENCE.match(reference):
        return None
    reason = parts[3].strip() if len(parts) > 3 else ""
    return HandlerCommand(spec.action, normalise_reference(reference), word, reason)


def is_command(inbound: Inbound) -> bool:
    """The message is a handler command (the registry's test, dialogs/flows/__init__.py)."""
    return parse_command(inbound.text) is not None


def needs_reason(action: Action) -> bool:
    return next(c for c in COMMANDS if c.action is action).needs_reason
