"""Finding when it happened in a longer story: "Gisteravond rond 22:15 stond hij voor mijn
deur" names "Gisteravond rond 22:15".

Runs of words that can belong to a date phrase are cut out and read with `parse_when`,
longest first. A run needs one "strong" word (a day, month, clock time, holiday ...) or a
clock hour after "om"/"rond", so that "2 kinderen", "2 uur lang" or "op de stoep" is never
read as a date; a run never crosses a sentence
end. A reading that does not know the date (a rhythm alone, "steeds") is no find.
"""

from __future__ import annotations

import re
from datetime import datetime
from itertools import pairwise

from bot.domain.dates.answer import parse_when
from bot.domain.dates.holidays import ORDINALS, holiday_names
from bot.domain.dates.phrases import DAY_OFFSETS, MONTHS, NUMBERS, WEEKDAYS
from bot.domain.dates.when import When

_PARTS = "ochtend|morgen|middag|avond|nacht"
_DAYS = "|".join([*DAY_OFFSETS, "van", *WEEKDAYS])
_HOLIDAY_WORDS = sorted({w for name in holiday_names() for w in name.split()} - {"eerste",
                         "tweede", "goede"})  # fmt: skip
_STRONG = re.compile(
    rf"^(?:{'|'.join(WEEKDAYS)}|{'|'.join(MONTHS)}|{'|'.join(DAY_OFFSETS)}"
    rf"|{'|'.join(_HOLIDAY_WORDS)}|(?:{_DAYS})(?:{_PARTS})|s?(?:{_PARTS})s?"
    r"|net|zojuist|zonet|daarnet|geleden|weekend|half|kwart|vorige|vorig|afgelopen"
    r"|sinds|vanaf|elke|iedere|dagelijks|wekelijks"
    r"|\d{1,2}[:.]\d{2}|\d{1,2}u(?:\d{2})?|\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?"
    r"|\d{1,2}\.\d{1,2}\.\d{4})$"
)
_WEAK = re.compile(
    rf"^(?:om|rond|omstreeks|uur|ongeveer|circa|ca|ergens|tegen|op|in|de|het|'s|s|week|maand"
    rf"|jaar|weken|maanden|dagen|jaren|minuten|minuut|kwartier|over|voor|laat|vroeg|een"
    rf"|van|al|steeds|weer|telkens|{'|'.join(ORDINALS)}|eerste|tweede|goede"
    rf"|{'|'.join(NUMBERS)}|\d{{1,4}}(?:e|ste|de)?)$"
)
_WORD = re.compile(r"[\w'’:./-]+")
_SENTENCE_END = re.compile(r"[.!?;\n]")
_MAX_WORDS = 8
_AT = {"om", "rond", "omstreeks", "tegen"}
_LASTING = {"dagen", "weken", "maanden", "jaren"}

_Word = tuple[int, int, str]


def find_when(text: str, now: datetime) -> tuple[When, str] | None:
    """The first date or time phrase in `text`, read as `parse_when` reads it, and the
    phrase as it stands in the text; None when the text names no moment."""
    for run in _runs(text):
        for first in range(len(run)):
            for last in range(min(len(run), first + _MAX_WORDS), first, -1):
                part = run[first:last]
                if not _has_strong(part):
                    continue
                phrase = text[part[0][0] : part[-1][1]].strip(" .,:")
                when = parse_when(phrase, now)
                if when is not None and not when.unknown:
                    return when, phrase
    return None


def _has_strong(words: list[_Word]) -> bool:
    """A strong word, a clock hour said as one ("om 8", "rond 3 uur") or "al weken"."""
    if any(_STRONG.match(w[2]) for w in words):
        return True
    return any(
        (a[2] in _AT and (b[2].isdigit() or b[2] in NUMBERS)) or (a[2] == "al" and b[2] in _LASTING)
        for a, b in pairwise(words)
    )


def _runs(text: str) -> list[list[_Word]]:
    words = [(m.start(), m.end(), m[0].lower().strip(".:/-")) for m in _WORD.finditer(text)]
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    for word in words:
        if current and _SENTENCE_END.search(text[current[-1][1] : word[0]]):
            runs.append(current)
            current = []
        if _STRONG.match(word[2]) or _WEAK.match(word[2]):
            current.append(word)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs
