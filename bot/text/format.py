"""How moments and sizes read for people: the one formatter of the bot and its channels.

Every time a person reads is Amsterdam time (bot/domain/zone.py). Three ways to write a
moment, each for its readers:

- `moment`: "25 november 2026, 14:30", in sentences to reporters and handlers;
- `short_moment`: "wo 25-11 14:00", in reminders, where handlers scan for a due time;
- `stamp`: "2026-11-25 14:30", in the operator's command-line views, which sort and align.

Names of days and months come from babel's Dutch locale; the words around them ("om",
"hele dag") from the catalogue.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta, tzinfo

from babel.dates import format_date

from bot.domain.dates import DAY_PARTS, PART_HOURS, When
from bot.domain.zone import AMSTERDAM
from bot.text.catalogue import say

LOCALE = "nl"
_MIDNIGHT = time(0)


def moment(at: datetime) -> str:
    """A moment as a Dutch reader writes it: "25 november 2026, 14:30"."""
    local = at.astimezone(AMSTERDAM)
    return f"{format_date(local.date(), 'd MMMM y', locale=LOCALE)}, {clock_time(local)}"


def short_moment(at: datetime) -> str:
    """A moment as handlers scan for it in a reminder: "wo 25-11 14:00"."""
    local = at.astimezone(AMSTERDAM)
    return f"{format_date(local.date(), 'EEE', locale=LOCALE)} {local:%d-%m} {clock_time(local)}"


def stamp(at: datetime | None, zone: tzinfo = AMSTERDAM) -> str:
    """A moment for the operator's views: "2026-11-25 14:30"; "-" when there is none."""
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if at else "-"


def clock_time(at: datetime) -> str:
    """The time of day of `at` as it stands (convert first): "14:30"."""
    return f"{at:%H:%M}"


def long_day(day: date) -> str:
    """A calendar day in full: "zondag 25 oktober 2026"."""
    return format_date(day, "EEEE d MMMM y", locale=LOCALE)


def month_name(month: date) -> str:
    """A month of a trend period (issue 12, adapters/console/insight.py): "november 2026"."""
    return format_date(month, "LLLL y", locale=LOCALE)


def day_of(at: datetime) -> str:
    """The Amsterdam day of a moment, short (a dossier's timeline): "25 november 2026"."""
    return format_date(at.astimezone(AMSTERDAM).date(), "d MMMM y", locale=LOCALE)


def describe_when(when: When) -> str:
    """A Dutch echo-back of when an incident happened, so the person can check it: with
    "onbekend", "ongeveer ...", a series ("elke week sinds 3 november 2026") and the
    day-part the reading assumed, so that nothing guessed passes unsaid."""
    if when.series:
        return _describe_series(when)
    if when.unknown:
        return say("when_not_known")
    text = _describe_period(when)
    if when.assumed is not None:
        text = say("when_assumed", when=text, part=say(f"day_part_{when.assumed}"))
    if when.long_ago:
        text = say("when_long_ago", when=text)
    return say("when_approximate", when=text) if when.approximate else text


def _describe_series(when: When) -> str:
    if when.unknown:
        return say("when_series_not_known", rhythm=when.rhythm or "")
    start = when.start.astimezone(AMSTERDAM)
    end = when.end.astimezone(AMSTERDAM) if when.end else None
    if end is None or start.time() != _MIDNIGHT or end.time() != _MIDNIGHT:
        since = moment(start)
    elif start.day == 1 and end == _wall_month_after(start.date()):
        since = format_date(start.date(), "LLLL y", locale=LOCALE)
    elif (start.month, start.day) == (1, 1) and end.date() == date(start.year + 1, 1, 1):
        since = str(start.year)
    else:
        since = format_date(start.date(), "d MMMM y", locale=LOCALE)
    if when.approximate:
        since = say("when_since_approximate", since=since)
    if when.rhythm is None:
        return say("when_series_plain", since=since)
    return say("when_series", rhythm=when.rhythm, since=since)


def _wall_month_after(first: date) -> datetime:
    return datetime.combine((first + timedelta(days=32)).replace(day=1), _MIDNIGHT, AMSTERDAM)


def _describe_period(when: When) -> str:
    start = when.start.astimezone(AMSTERDAM)
    if when.end is None:
        return say("when_at", day=long_day(start.date()), time=clock_time(start))
    end = when.end.astimezone(AMSTERDAM)
    if start.time() == _MIDNIGHT and end.time() == _MIDNIGHT:
        first, last = start.date(), end.date()
        if last == first + timedelta(days=1):
            return say("when_whole_day", day=long_day(first))
        if first.weekday() == 0 and last == first + timedelta(days=7):
            sunday = last - timedelta(days=1)
            return say("when_whole_week", first=long_day(first), last=long_day(sunday))
        if first.day == 1 and last == (first + timedelta(days=32)).replace(day=1):
            return say("when_whole_month", month=format_date(first, "LLLL y", locale=LOCALE))
        if (first.month, first.day) == (1, 1) and last == date(first.year + 1, 1, 1):
            return say("when_whole_year", year=first.year)
        # A weekend, a feast of two days: whole days, first to last.
        return say("when_days", first=long_day(first), last=long_day(last - timedelta(days=1)))
    for name, hour in DAY_PARTS.items():
        part_end = datetime.combine(start.date(), time(hour), tzinfo=AMSTERDAM) + timedelta(
            hours=PART_HOURS
        )
        if start.time() == time(hour) and end == part_end:
            # The evening ends at midnight, which a reader knows as 24:00, not 00:00.
            until = "24:00" if name == "avond" else clock_time(end)
            return say(
                "when_day_part",
                day=long_day(start.date()),
                part=say(f"day_part_{name}"),
                start=clock_time(start),
                end=until,
            )
    if start.date() == end.date() or (
        end.time() == _MIDNIGHT and end.date() == start.date() + timedelta(days=1)
    ):
        # Within one day ("gisteravond laat"): midnight at the end reads as 24:00.
        until = "24:00" if end.time() == _MIDNIGHT else clock_time(end)
        return say("when_same_day", day=long_day(start.date()), start=clock_time(start), end=until)
    return say(
        "when_between",
        first_day=long_day(start.date()),
        first=clock_time(start),
        last_day=long_day(end.date()),
        last=clock_time(end),
    )


def human_size(size: int, *, round_up: bool = False) -> str:
    """A size as a person reads it, in Dutch notation: "850 kB", "12 MB", "2,5 MB".

    `round_up` rounds to the next tenth, so that a file just over a limit never reads
    as equal to that limit.
    """
    units = (("GB", 1024**3), ("MB", 1024**2), ("kB", 1024))
    for unit, factor in units:
        if size >= factor:
            value = size / factor
            tenths = math.ceil(value * 10) if round_up else round(value * 10)
            if tenths % 10 == 0 or tenths >= 1000:
                return f"{math.ceil(tenths / 10) if round_up else round(tenths / 10)} {unit}"
            return f"{tenths // 10},{tenths % 10} {unit}"
    return f"{size} bytes"
