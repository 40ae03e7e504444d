"""A whole answer to "wanneer gebeurde het?": not known, a series, or one phrase.

Hedges make a reading approximate: "ik denk vorige week", "volgens mij dinsdag", and a part
of a month: "begin november" (1-10), "midden november" (11-20), "eind november" (21 to
the end).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, time

from bot.domain.dates.phrases import normalise, read
from bot.domain.dates.series import read_series
from bot.domain.dates.when import When
from bot.domain.zone import AMSTERDAM

_HEDGE = re.compile(r"^(?:ik denk|denk ik|volgens mij|misschien|ik geloof)\b(?: dat)?\s*")
_MONTH_PART = re.compile(r"^(begin|eind|einde|midden|medio|half) (?:van )?(.+)$")
# First and last-but-one day of each third of a month; None: to the month's end.
_THIRDS = {"begin": (1, 11), "midden": (11, 21), "medio": (11, 21), "half": (11, 21)}

# "weet ik niet": the person does not know when. A true answer, kept as `When.unknown`.
_UNKNOWN = re.compile(
    r"(?:(?:ik )?(?:weet|wist) (?:ik |het )*niet(?: meer)?(?: precies| zeker)?"
    r"|ik weet niet(?: meer)?(?: precies| zeker)?"
    r"|geen (?:flauw )?idee|onbekend|vergeten|ik ben het vergeten)"
)


def parse_when(text: str, now: datetime) -> When | None:
    """When an incident happened, from what a person typed; None when not understood.

    "weet ik niet" gives `When.not_known(now)`; "ongeveer vorige maand" an approximate
    `When`; "sinds vorige maand elke week" a series (see `When`)."""
    if now.tzinfo is None:
        raise ValueError(f"parse_when needs a timezone-aware now, got {now!r}.")
    now = now.astimezone(AMSTERDAM)
    rest = normalise(text)
    if _UNKNOWN.fullmatch(rest):
        return When.not_known(now)
    hedged = _HEDGE.sub("", rest)
    when = read_series(hedged, now) or _month_part(hedged, now) or read(hedged, now)
    if when is not None and hedged != rest:
        return replace(when, approximate=True)
    return when


def _month_part(text: str, now: datetime) -> When | None:
    """ "begin november": the first third of that month, approximate."""
    found = _MONTH_PART.fullmatch(text)
    if found is None:
        return None
    month = read(found[2], now)
    if month is None or month.end is None or month.start.day != 1 or month.end.day != 1:
        return None
    first_day = month.start.date()
    if not 28 <= (month.end.date() - first_day).days <= 31:
        return None  # a whole month only, not a year or a week
    if found[1] in ("eind", "einde"):
        start, end = first_day.replace(day=21), month.end.date()
    else:
        begin, until = _THIRDS[found[1]]
        start, end = first_day.replace(day=begin), first_day.replace(day=until)
    return When(
        datetime.combine(start, time(0), tzinfo=AMSTERDAM),
        datetime.combine(end, time(0), tzinfo=AMSTERDAM),
        approximate=True,
    )
