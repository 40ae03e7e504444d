"""Office hours: when a reminder or an escalation may reach a handler.

Pure. Per organisation (optional reference data, bot/reference/data/organisations.json
"office_hours"); the default is working days 08:00-18:00 Europe/Amsterdam. Dutch public
holidays (bot/domain/workdays.py) are never office days, whatever the days listed.

A step that falls outside office hours moves to the start of the next office hours,
except a step *before* its deadline when the deadline itself comes sooner than that: a
reminder of the Arbeidsinspectie deadline at 03:00 is not held back until after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.domain.workdays import is_public_holiday
from bot.domain.zone import AMSTERDAM

_WEEKDAYS = (1, 2, 3, 4, 5)  # ISO weekday numbers, Monday = 1
_LOOKAHEAD_DAYS = 31  # a list of days with no office day in it: give up, keep the time


@dataclass(frozen=True)
class OfficeHours:
    start: time = time(8, 0)
    end: time = time(18, 0)
    days: tuple[int, ...] = _WEEKDAYS  # ISO weekday numbers

    def open_on(self, day: date) -> bool:
        return day.isoweekday() in self.days and not is_public_holiday(day)

    def is_open(self, at: datetime) -> bool:
        local = at.astimezone(AMSTERDAM)
        return self.open_on(local.date()) and self.start <= local.time() < self.end

    @classmethod
    def from_data(cls, data: Any) -> OfficeHours | None:
        """From the reference data: {"start": "08:00", "end": "17:00", "days": [1, 2, 3,
        4, 5]}, each part optional. None for nothing given; ValueError for nonsense."""
        if not data:
            return None
        if not isinstance(data, dict):
            raise ValueError("office_hours must be an object with start, end and days")
        default = cls()
        start = time.fromisoformat(data["start"]) if data.get("start") else default.start
        end = time.fromisoformat(data["end"]) if data.get("end") else default.end
        days = tuple(int(d) for d in data.get("days") or default.days)
        if not start < end or not days or not all(1 <= d <= 7 for d in days):
            raise ValueError(f"office_hours do not make sense: {data!r}")
        return cls(start, end, days)

    def to_data(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat("minutes"),
            "end": self.end.isoformat("minutes"),
            "days": list(self.days),
        }


DEFAULT_OFFICE_HOURS = OfficeHours()


def next_open(at: datetime, hours: OfficeHours) -> datetime:
    """`at` itself when it falls in office hours, else the start of the next ones."""
    if hours.is_open(at):
        return at
    local = at.astimezone(AMSTERDAM)
    day = local.date()
    if not (hours.open_on(day) and local.time() < hours.start):
        day += timedelta(days=1)
        for _ in range(_LOOKAHEAD_DAYS):
            if hours.open_on(day):
                break
            day += timedelta(days=1)
        else:
            return at
    return datetime.combine(day, hours.start, tzinfo=AMSTERDAM)


def in_office_hours(at: datetime, hours: OfficeHours, deadline: datetime | None = None) -> datetime:
    """When a step planned at `at` is sent: moved into office hours, unless it comes before
    `deadline` and the deadline itself falls before the next office hours."""
    moved = next_open(at, hours)
    if deadline is not None and at < deadline < moved:
        return at
    return moved
