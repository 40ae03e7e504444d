"""A repeated incident: "sinds vorige maand elke week", "al weken", "steeds weer sinds januari".

A series is read as its start (the phrase after "sinds" / "vanaf", read as one phrase) with
`series=True` and the rhythm kept as the person typed it ("elke week"). Without a start:
"al weken" is an approximate start two weeks back (two days, months or years for "al
dagen", "al maanden", "al jaren"); a rhythm alone ("elke week") is a series whose start is
not known.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from bot.domain.dates.phrases import WEEKDAYS, normalise, read
from bot.domain.dates.when import When
from bot.domain.zone import AMSTERDAM

_EVERY = "|".join(
    ["dag", "week", "maand", "avond", "nacht", "ochtend", "middag", "weekend", "keer", *WEEKDAYS]
)
RHYTHM = re.compile(
    rf"\b(?:(?:elke|iedere) (?:{_EVERY})|om de (?:dag|week|maand|paar dagen|paar weken)"
    r"|dagelijks|wekelijks|maandelijks|steeds weer|steeds|telkens weer|telkens"
    r"|keer op keer|regelmatig|al (dagen|weken|maanden|jaren)(?: lang)?)\b"
)
_SINCE = re.compile(r"\b(?:al )?(?:sinds|vanaf)\b")
_BACK = {
    "dagen": relativedelta(days=2),
    "weken": relativedelta(weeks=2),
    "maanden": relativedelta(months=2),
    "jaren": relativedelta(years=2),
}


def read_series(text: str, now: datetime) -> When | None:
    """A repeated incident as a `When` with `series=True`; None when `text` names no series
    (or its start is not understood)."""
    rest = normalise(text)
    rhythms = list(RHYTHM.finditer(rest))
    since = _SINCE.search(rest)
    if not rhythms and since is None:
        return None
    rhythm = " ".join(m[0] for m in rhythms) or None
    start_text = " ".join(_SINCE.sub(" ", RHYTHM.sub(" ", rest)).split())
    if start_text:
        first = read(start_text, now)
        if first is None:
            return None
        return replace(first, series=True, rhythm=rhythm)
    if since is not None:
        return None  # "sinds" and nothing after it
    lasting = next((m[1] for m in rhythms if m[1]), None)
    if lasting is not None:
        day = (now - _BACK[lasting]).date()
        start = datetime.combine(day, time(0), tzinfo=AMSTERDAM)
        return When(start, start + timedelta(days=1), approximate=True, series=True,
                    rhythm=rhythm)  # fmt: skip
    return replace(When.not_known(now), series=True, rhythm=rhythm)
