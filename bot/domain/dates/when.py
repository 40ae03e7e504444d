"""What the date reading gives back: a `When`, the moment or period of an incident.

How a `When` reads back to the person is bot/text/format.py `describe_when`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

FUTURE_SLACK = timedelta(minutes=1)
# Day-part: its first hour; each lasts PART_HOURS. bot/text/format.py names them back.
DAY_PARTS = {"ochtend": 6, "middag": 12, "avond": 18, "nacht": 0}
PART_HOURS = 6


@dataclass(frozen=True)
class When:
    """When an incident happened.

    `start` is timezone-aware (Europe/Amsterdam). `end` is set when the person gave a range
    (a day-part, a whole day, a weekend, week, month or year); it is exclusive: a whole day
    ends at 00:00 the next day.

    The flags say how sure the reading is, so that the review can say it:
    - `unknown`: the person does not know ("weet ik niet"). `start` is then the moment of
      reporting, only so that the guideline's clocks still run; it is never shown.
    - `approximate`: "ongeveer vorige maand", "ergens in oktober".
    - `series`: a repeated incident ("sinds vorige maand elke week"); `start`/`end` are the
      first occurrence's period, `rhythm` the words the person used ("elke week").
    - `assumed`: a day-part the reading chose for an hour without one ("gisteren rond
      2 uur" is read as 's middags, `assumed="middag"`).
    - `long_ago`: a date typed without a year lies more than a year back ("29 februari").
    """

    start: datetime
    end: datetime | None = None
    approximate: bool = False
    unknown: bool = False
    series: bool = False
    rhythm: str | None = None
    assumed: str | None = None
    long_ago: bool = False

    def is_future(self, now: datetime) -> bool:
        """True when the start lies after `now` (one minute of slack for clock skew)."""
        return self.start > now + FUTURE_SLACK

    @classmethod
    def not_known(cls, now: datetime) -> When:
        """The person does not know when: the clocks run from `now`."""
        return cls(now, unknown=True)
