"""Understanding short answers: numbered choices, yes/no with detail, several picks, links.

The words themselves are understood in dialogs/understanding.py; this module adds what a
message carries besides its text (a pressed button, a number from a numbered list).
"""

from __future__ import annotations

import re

from dialogs import understanding
from dialogs.engine import normalise
from dialogs.messages import Choice, Inbound
from dialogs.understanding import YesNo

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)


def yes_no(inbound: Inbound) -> YesNo | None:
    """Yes or no, with what was typed after it ("ja, mijn bril is kapot") as detail."""
    if inbound.choice is not None:
        pick = normalise(inbound.choice)
        if pick in ("ja", "true", "1"):
            return YesNo(True, "")
        if pick in ("nee", "false", "2"):
            return YesNo(False, "")
    pick = normalise(inbound.text)
    if pick == "1":
        return YesNo(True, "")
    if pick == "2":
        return YesNo(False, "")
    return understanding.yes_no(inbound.text)


def _match_one(word: str, choices: tuple[Choice, ...]) -> str | None:
    word = normalise(word)
    if not word:
        return None
    if word.isdigit():
        n = int(word)
        return choices[n - 1].value if 1 <= n <= len(choices) else None
    for c in choices:
        if word in (c.value, normalise(c.label), c.value.replace("_", " ")):
            return c.value
    starts = [c.value for c in choices if normalise(c.label).startswith(word)]
    if len(starts) == 1:
        return starts[0]
    # A word of one label only ("waterschap" for "algemeen bestuurslid, Waterschap ...").
    within = [c.value for c in choices if re.search(rf"\b{re.escape(word)}\b", normalise(c.label))]
    if len(within) == 1 and len(word) >= 4:
        return within[0]
    return understanding.match_choice(word, [(c.value, c.label) for c in choices])


def one_of(inbound: Inbound, choices: tuple[Choice, ...]) -> str | None:
    """The value picked: a button's value, a number, or (near) a label."""
    if inbound.choice is not None:
        return inbound.choice if any(c.value == inbound.choice for c in choices) else None
    return _match_one(inbound.text, choices)


def several_of(inbound: Inbound, choices: tuple[Choice, ...]) -> list[str] | None:
    """Several values: "1, 3", "1 en 3", "bedreiging, online", or a multi-select's values."""
    raw = inbound.choice if inbound.choice is not None else inbound.text
    whole = _match_one(raw, choices)
    if whole is not None:
        return [whole]
    parts = [p for p in re.split(r"\s*(?:,|;|/|\ben\b|\+|&)\s*|\s+(?=\d)", raw) if p.strip()]
    picked: list[str] = []
    for part in parts:
        value = _match_one(part, choices)
        if value is None:
            return None
        if value not in picked:
            picked.append(value)
    return picked or None


def some_of(inbound: Inbound, choices: tuple[Choice, ...]) -> tuple[list[str], str]:
    """The values named in a list ("psychisch, slaap slecht"), and the rest of it as typed."""
    picked: list[str] = []
    rest: list[str] = []
    for part in re.split(r"\s*(?:,|;|/|\ben\b|\+|&)\s*", inbound.text):
        if not part.strip():
            continue
        value = _match_one(part, choices)
        if value is None:
            rest.append(part.strip())
        elif value not in picked:
            picked.append(value)
    return picked, ", ".join(rest)


def links_in(text: str) -> list[str]:
    return _URL.findall(text)
