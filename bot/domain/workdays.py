"""Dutch working days, as the Algemene termijnenwet counts them.

Not a working day: Saturday, Sunday, Nieuwjaarsdag, Goede Vrijdag (art. 3 lid 2), eerste en
tweede Paasdag, Hemelvaartsdag, eerste en tweede Pinksterdag, Koningsdag, 5 mei and eerste en
tweede Kerstdag.

The `holidays` library (country NL, public category) supplies all of these but one: it lists
5 mei only in lustrum years (2025, 2030, ...), while the law counts it every year. Goede
Vrijdag is derived from Easter as well, because older `holidays` releases left it out for NL.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays
from dateutil.easter import easter  # python-dateutil is a dependency of holidays

_SATURDAY = 5


@cache
def _non_working_days(year: int) -> frozenset[date]:
    """The public holidays of one year that are not working days (weekends excluded)."""
    days = set(holidays.country_holidays("NL", years=year))
    days.add(date(year, 5, 5))  # Bevrijdingsdag: every year under the Algemene termijnenwet
    days.add(easter(year) - timedelta(days=2))  # Goede Vrijdag
    return frozenset(days)


def load_calendar(year: int) -> None:
    """Load `year`'s holidays now: the first lookup imports the `holidays` country data
    (about 0.2 s), which should not fall on the first report submitted after a start."""
    _non_working_days(year)


def is_public_holiday(d: date) -> bool:
    """True when `d` is a holiday of the Algemene termijnenwet (whatever its weekday)."""
    return d in _non_working_days(d.year)


def is_working_day(d: date) -> bool:
    """True when `d` is neither a weekend day nor a holiday of the Algemene termijnenwet."""
    return d.weekday() < _SATURDAY and d not in _non_working_days(d.year)


def next_working_day(d: date) -> date:
    """The first working day strictly after `d`."""
    d += timedelta(days=1)
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def add_working_days(d: date, n: int) -> date:
    """The `n`-th working day strictly after `d`; `n == 0` gives `d` itself."""
    if n < 0:
        raise ValueError(f"add_working_days needs n >= 0, got {n}.")
    for _ in range(n):
        d = next_working_day(d)
    return d
