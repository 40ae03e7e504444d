"""Understanding short replies: yes/no with detail, danger, questions, "weet ik niet".

A small stand-in with the API the `story` helper builds in full (their version replaces
this file): pure functions over the typed text, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from difflib import SequenceMatcher

T = TypeVar("T")

_YES = {"ja", "j", "jawel", "jep", "jup", "jazeker", "ja hoor", "klopt", "ok", "oke", "oké",
        "okay", "goed", "yes", "zeker", "correct", "dat klopt", "ja klopt", "prima", "👍"}  # fmt: skip
_NO = {"nee", "n", "neen", "neej", "nope", "no", "nee joh", "klopt niet", "niet", "nee hoor",
       "dat klopt niet", "nah", "👎"}  # fmt: skip
_DANGER = re.compile(
    r"\b(112|help|hulp|bang|gevaar|nog (steeds )?(voor|bij|aan|hier)|staat (er )?(iemand|hij|"
    r"ze)|slaat|schopt|achtervolgt|bedreigt me nu|niet veilig|onveilig|nu (nog )?bezig)\b"
)
_QUESTION_START = re.compile(
    r"^(wat|wie|waarom|hoe|wanneer|waar|welke|moet ik|is dit|is het|kan ik|mag ik|krijg|"
    r"krijgt|wordt|heb ik|zie|ziet|leest)\b"
)
_BEHAVIOUR = {
    "fysiek": re.compile(r"\b(sla\w*|sloeg|geslagen|schop\w*|spu\w*|spoog|duw\w*|verniel\w*|"
                         r"gooi\w*|slaat|fysiek|geweld)\b"),  # fmt: skip
    "verbaal": re.compile(r"\b(scheld\w*|schold|uitgescholden|dreig\w*|bedreig\w*|beledig\w*|"
                          r"discrimin\w*|verbaal)\b"),  # fmt: skip
    "emotioneel": re.compile(r"\b(boos|emotioneel|huil\w*|schreeuw\w*|overstuur|zeur\w*)\b"),
}
_DONT_KNOW = {"weet ik niet", "weet niet", "geen idee", "geen flauw idee", "onbekend",
              "ik weet het niet", "weetniet", "idk", "?"}  # fmt: skip
_NOTHING = {"nee", "geen", "nvt", "n.v.t", "niets", "niks", "geen bewijs", "heb ik niet",
            "nee niets", "nee geen", "nee hoor"}  # fmt: skip


@dataclass(frozen=True)
class YesNo:
    answer: bool
    detail: str = ""


def clean(text: str) -> str:
    """Lower case, no emoji or punctuation at the ends, single spaces."""
    kept = "".join(
        ch
        for ch in text
        if ch in "👍👎" or not unicodedata.category(ch).startswith(("S", "C"))
    )
    return " ".join(kept.lower().split()).strip(" .,!?;:")


def yes_no(text: str) -> YesNo | None:
    said = clean(text)
    if said in _YES:
        return YesNo(True)
    if said in _NO:
        return YesNo(False)
    head, _, rest = re.sub(r"^(\S+?)[,.!:;]+", r"\1 ", said).partition(" ")
    for words, answer in ((_YES, True), (_NO, False)):
        if head in words and head not in ("ok", "goed", "niet"):
            detail = text.strip()
            cut = re.match(r"^\W*\S+?[\s,.!:;]+", detail)
            return YesNo(answer, detail[cut.end() :].strip() if cut else rest)
    return None


def signals_danger(text: str) -> bool:
    said = clean(text)
    return bool(_DANGER.search(said))


def behaviour(text: str) -> tuple[str, ...]:
    said = clean(text)
    return tuple(kind for kind, pattern in _BEHAVIOUR.items() if pattern.search(said))


def is_question(text: str) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > 200:
        return False
    return stripped.endswith("?") and len(stripped) > 2 or bool(
        _QUESTION_START.match(clean(stripped)) and len(clean(stripped).split()) > 1
    )


_FAQ = (
    ("faq_anonymous", re.compile(r"anoniem|naam|privacy")),
    ("faq_who_reads", re.compile(r"wie (leest|ziet|krijgt)|wie kan")),
    ("faq_aangifte", re.compile(r"aangifte|politie")),
    ("faq_evidence", re.compile(r"bewijs|screenshot")),
    ("faq_later", re.compile(r"later|aanvullen|toevoegen")),
    ("faq_next", re.compile(r"wat gebeurt|wat nu|daarna|hierna")),
)


def faq(text: str) -> str | None:
    said = clean(text)
    for key, pattern in _FAQ:
        if pattern.search(said):
            return key
    return None


def dont_know(text: str) -> bool:
    return clean(text) in _DONT_KNOW or clean(text).startswith(("weet ik niet", "geen idee"))


def nothing(text: str) -> bool:
    said = clean(text)
    if said in _NOTHING:
        return True
    answer = yes_no(text)
    return answer is not None and not answer.answer and not re.search(r"\bwel\b", said)


def match_choice(text: str, choices: Sequence[tuple[T, str]]) -> T | None:
    said = clean(text)
    if not said:
        return None
    best, score = None, 0.0
    for value, label in choices:
        label_said = clean(label)
        if said == label_said or said == clean(str(value)).replace("_", " "):
            return value
        s = 100 * SequenceMatcher(None, said, label_said).ratio()
        if s > score:
            best, score = value, s
    return best if score >= 86 else None
