"""Dutch holidays by name, as people name the day an incident happened.

The days come from the `holidays` library's NL calendar in Dutch (not a hand list of
dates). What people say beyond the calendar's own names is derived from those days:
- "kerstavond" and "oudejaarsavond" are the evening (18:00-24:00) before eerste kerstdag
  and nieuwjaarsdag, "oudejaarsdag" / "oudjaar" that whole day before nieuwjaarsdag;
  "nieuwjaarsnacht" is the night (00:00-06:00) of nieuwjaarsdag;
- "kerst", "pasen" and "pinksteren" are both days of the feast (eerste and tweede ...dag);
- a few short names people use: "hemelvaart", "nieuwjaar".
The library lists Bevrijdingsdag only in lustrum years (bot/domain/workdays.py): a holiday
the calendar shows on the same date in every year it lists is taken on that date in any year.

A name means its most recent occurrence that has begun by `now` (an incident lies in the
past), so "kerstavond" typed on 10 December is last year's.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from functools import cache

import holidays as calendar

from bot.domain.dates.when import DAY_PARTS
from bot.domain.zone import AMSTERDAM

# How far back a name is looked for: a year and a bit covers "the most recent one".
_YEARS_BACK = 2
# "1e kerstdag", "2de pinksterdag": ordinals as people type them.
ORDINALS = {"1e": "eerste", "1ste": "eerste", "2e": "tweede", "2de": "tweede"}
# Derived names: (calendar name, days before it, day-part or None for the whole day).
_EVE = {
    "kerstavond": ("eerste kerstdag", 1, "avond"),
    "oudejaarsavond": ("nieuwjaarsdag", 1, "avond"),
    "oudjaarsavond": ("nieuwjaarsdag", 1, "avond"),
    "oudejaarsdag": ("nieuwjaarsdag", 1, None),
    "oudjaar": ("nieuwjaarsdag", 1, None),
    "nieuwjaarsnacht": ("nieuwjaarsdag", 0, "nacht"),
}
# A feast of two days, by the stem of its calendar names ("eerste kerstdag").
_FEASTS = {"kerst": "kerstdag", "kerstmis": "kerstdag", "pasen": "paasdag",
           "pinksteren": "pinksterdag"}  # fmt: skip
_SHORT = {"hemelvaart": "hemelvaartsdag", "nieuwjaar": "nieuwjaarsdag"}


@cache
def _seen(year: int) -> dict[str, list[date]]:
    """Calendar names (lower case) to their days in the ten years around `year`."""
    found: dict[str, list[date]] = defaultdict(list)
    years = range(year - 5, year + 6)
    for day, name in calendar.country_holidays("NL", years=years, language="nl").items():
        found[name.lower()].append(day)
    return found


@cache
def _calendar(year: int) -> dict[str, tuple[date, ...]]:
    """Calendar names (lower case) to their days in `year`, fixed-date ones filled in."""
    found = _seen(year)
    days: dict[str, tuple[date, ...]] = {}
    for name, seen in found.items():
        in_year = tuple(d for d in seen if d.year == year)
        if not in_year and len({(d.month, d.day) for d in seen}) == 1:
            in_year = (date(year, seen[0].month, seen[0].day),)
        if in_year:
            days[name] = in_year
    return days


def holiday_names() -> frozenset[str]:
    """Every name `holiday` understands (lower case), for the story scan."""
    return frozenset(set(_seen(2020)) | set(_EVE) | set(_FEASTS) | set(_SHORT))


def _occurrence(name: str, year: int) -> tuple[datetime, datetime] | None:
    """Start and (exclusive) end of the holiday `name` in `year`, or None."""
    days = _calendar(year)
    if name in _EVE:
        base, back, part = _EVE[name]
        if base not in days:
            return None
        day = days[base][0] - timedelta(days=back)
        if part is None:
            return _span(day, time(0), timedelta(days=1))
        return _span(day, time(DAY_PARTS[part]), timedelta(hours=6))
    if name in _FEASTS:
        stem = _FEASTS[name]
        first, second = days.get(f"eerste {stem}"), days.get(f"tweede {stem}")
        if not first or not second:
            return None
        return _span(first[0], time(0), timedelta(days=(second[0] - first[0]).days + 1))
    name = _SHORT.get(name, name)
    if name in days:
        return _span(days[name][0], time(0), timedelta(days=1))
    return None


def _span(day: date, start: time, length: timedelta) -> tuple[datetime, datetime]:
    begin = datetime.combine(day, start, tzinfo=AMSTERDAM)
    # Lengths are wall-clock: a day-part or whole day ends at its local hour, DST or not.
    end_day = datetime.combine(day, start) + length
    return begin, end_day.replace(tzinfo=AMSTERDAM)


def holiday(text: str, now: datetime) -> tuple[datetime, datetime] | None:
    """The most recent occurrence of the holiday `text` names that has begun by `now`."""
    name = " ".join(ORDINALS.get(word, word) for word in text.split())
    for year in range(now.year, now.year - _YEARS_BACK - 1, -1):
        found = _occurrence(name, year)
        if found is not None and found[0] <= now:
            return found
    return None
