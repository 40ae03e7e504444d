"""A whole answer to "wanneer gebeurde het?": not known, a series, or one phrase."""

from __future__ import annotations

import re
from datetime import datetime

from bot.domain.dates.phrases import normalise, read
from bot.domain.dates.series import read_series
from bot.domain.dates.when import When
from bot.domain.zone import AMSTERDAM

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
    return read_series(rest, now) or read(rest, now)
