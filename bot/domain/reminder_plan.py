"""When reminders, escalations and aftercare check-ins fall: pure functions, `now` passed in.

A deadline gets a plan of steps: a reminder before it (at a fraction of the time left when
the deadline was set), an overdue notice at it, then escalation steps, each a configurable
delay after the one before. Every step is a row in the database (storage/repos/reminders.py);
the sweep (bot/jobs/sweep.py) sends the due ones. Marking the deadline done cancels what is left.

Every step falls in office hours (bot/domain/office_hours.py: the organisation's, by default
working days 08:00-18:00 Amsterdam time), except a reminder before a deadline that itself
comes sooner than the next office hours. An escalation counts its delay from the step
before it as that step is sent, so moving one into office hours keeps the gaps after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import Any

from bot.domain.office_hours import DEFAULT_OFFICE_HOURS, OfficeHours, in_office_hours
from bot.domain.workdays import is_working_day
from bot.domain.zone import AMSTERDAM

CHECKIN = "checkin"  # the `kind` of a check-in row; deadline rows use DeadlineKind values
REMINDER = "reminder"
OVERDUE = "overdue"
ESCALATION = "escalation"


def escalation_step(n: int) -> str:
    return f"{ESCALATION}_{n}"


def checkin_step(n: int) -> str:
    return f"{CHECKIN}_{n}"


def step_number(step: str) -> int:
    """1 for "escalation_1" or "checkin_1"; 0 for "reminder" and "overdue"."""
    _, _, n = step.rpartition("_")
    return int(n) if n.isdigit() else 0


@dataclass(frozen=True)
class ReminderPolicy:
    """The reminder and check-in settings, as plain values (bot/app.py `reminder_policy`
    makes one from the typed settings)."""

    reminder_fraction: float = 0.75
    escalation_delays: tuple[timedelta, ...] = (timedelta(hours=8), timedelta(hours=24))
    snooze: timedelta = timedelta(hours=24)
    checkin_days: tuple[int, ...] = (1, 7, 30)
    checkin_time: time = time(10, 0)
    checkin_open: timedelta = timedelta(hours=72)
    late_after: timedelta = timedelta(minutes=10)


@dataclass(frozen=True)
class PlannedStep:
    step: str
    due: datetime


def _utc(value: datetime) -> datetime:
    # Arithmetic on two datetimes with the same ZoneInfo is wall-clock arithmetic in
    # Python: across a DST switch that is an hour off. In UTC it is real elapsed time.
    return value.astimezone(UTC)


def deadline_steps(
    due: datetime,
    now: datetime,
    policy: ReminderPolicy,
    hours: OfficeHours | None = None,
) -> list[PlannedStep]:
    """The reminder, overdue and escalation steps of a deadline set at `now` (in UTC), in
    the office hours `hours` (None: the default ones).

    A deadline that is already past when it is set (an incident talk recorded four days
    after the incident) gets its overdue notice now and its escalations from now on: the
    person who just recorded it is not escalated about on the spot.
    """
    hours = hours or DEFAULT_OFFICE_HOURS
    due, now = _utc(due), _utc(now)
    steps: list[PlannedStep] = []
    if due > now:
        if 0 < policy.reminder_fraction < 1:
            at = now + (due - now) * policy.reminder_fraction
            steps.append(PlannedStep(REMINDER, _utc(in_office_hours(at, hours, due))))
        start = due
    else:
        start = now
    at = _utc(in_office_hours(start, hours))
    steps.append(PlannedStep(OVERDUE, at))
    for n, delay in enumerate(policy.escalation_delays, start=1):
        at = _utc(in_office_hours(at + delay, hours))
        steps.append(PlannedStep(escalation_step(n), at))
    return steps


def snoozed_steps(
    pending: list[PlannedStep],
    now: datetime,
    policy: ReminderPolicy,
    hours: OfficeHours | None = None,
) -> tuple[list[PlannedStep], datetime]:
    """Shift a deadline's pending steps so the next comes no sooner than now + snooze,
    each in office hours.

    The gaps between the steps stay as they were (or grow where office hours make them),
    so a snooze postpones the escalation chain, it does not collapse it. Returns the new
    steps and the time of the next one.
    """
    hours = hours or DEFAULT_OFFICE_HOURS
    until = _utc(now) + policy.snooze
    if not pending:
        return [], _utc(in_office_hours(until, hours))
    ordered = sorted(pending, key=lambda s: _utc(s.due))
    first = _utc(ordered[0].due)
    at = _utc(in_office_hours(max(first, until), hours))
    moved_by_step = {ordered[0].step: at}
    for before, step in pairwise(ordered):
        # Each step its old gap after the one before it as moved, then into office hours.
        at = _utc(in_office_hours(at + (_utc(step.due) - _utc(before.due)), hours))
        moved_by_step[step.step] = at
    return [PlannedStep(s.step, moved_by_step[s.step]) for s in pending], moved_by_step[
        ordered[0].step
    ]


def checkin_day(start: date, days: int) -> date:
    """`days` calendar days after `start`, moved on to a working day.

    With `days == 1` that is the next working day: a check-in on Friday's report comes on
    Monday, when the handler and the coordinator can answer a request for contact.
    """
    d = start + timedelta(days=days)
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def checkin_steps(submitted_at: datetime, policy: ReminderPolicy) -> list[PlannedStep]:
    """The planned aftercare check-ins for a report submitted at `submitted_at`."""
    start = submitted_at.astimezone(AMSTERDAM).date()
    steps = []
    for n, days in enumerate(policy.checkin_days, start=1):
        day = checkin_day(start, days)
        steps.append(
            PlannedStep(
                checkin_step(n), datetime.combine(day, policy.checkin_time, tzinfo=AMSTERDAM)
            )
        )
    return steps


def is_late(due: datetime, now: datetime, policy: ReminderPolicy) -> bool:
    """A row sent this long after it fell due was missed (the service was down)."""
    return _utc(now) - _utc(due) > policy.late_after


def superseded(rows: list[Any]) -> set[int]:
    """Ids of due rows not worth sending because a later step of the same clock is due too.

    Rows have `id`, `case_id`, `kind`, `step`, `due_at`. After downtime a check-in that is
    due together with a later one is dropped (one "how are you" is enough), and a reminder
    before the deadline is dropped when the overdue notice is due as well. Escalations all
    go: each reaches other people.
    """
    groups: dict[tuple[int, str], list[Any]] = {}
    for r in rows:
        groups.setdefault((r.case_id, r.kind), []).append(r)
    dropped: set[int] = set()
    for (_case, kind), group in groups.items():
        if len(group) < 2:
            continue
        group.sort(key=lambda r: (r.due_at, step_number(r.step)))
        if kind == CHECKIN:
            dropped |= {r.id for r in group[:-1]}
        else:
            dropped |= {r.id for r in group if r.step == REMINDER}
    return dropped


def escalation_level(step: str) -> int:
    """0 for the handlers' own reminder and overdue notice; n for escalation n."""
    return step_number(step) if step.startswith(ESCALATION) else 0
