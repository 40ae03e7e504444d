"""bot/domain/office_hours.py and the reminder plan in office hours: nights, weekends,
holidays, and the deadline that comes sooner than the office opens."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.office_hours import OfficeHours, in_office_hours, next_open
from bot.domain.reminder_plan import PlannedStep, ReminderPolicy, deadline_steps, snoozed_steps

AMS = ZoneInfo("Europe/Amsterdam")
DEFAULT = OfficeHours()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=AMS)


def local(value: datetime) -> str:
    return value.astimezone(AMS).strftime("%a %Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    ("moment", "opens"),
    [
        ("2026-11-25 10:00", "Wed 2026-11-25 10:00"),  # open: stays
        ("2026-11-25 07:59", "Wed 2026-11-25 08:00"),  # early morning: this morning
        ("2026-11-25 18:00", "Thu 2026-11-26 08:00"),  # closing time is closed
        ("2026-11-25 23:55", "Thu 2026-11-26 08:00"),
        ("2026-11-26 03:17", "Thu 2026-11-26 08:00"),
        ("2026-11-27 17:59", "Fri 2026-11-27 17:59"),
        ("2026-11-27 19:00", "Mon 2026-11-30 08:00"),  # Friday evening: Monday
        ("2026-11-28 12:00", "Mon 2026-11-30 08:00"),  # Saturday
        ("2026-12-24 20:00", "Mon 2026-12-28 08:00"),  # Christmas and the weekend
        ("2026-04-24 18:30", "Tue 2026-04-28 08:00"),  # Koningsdag on Monday 27 April
    ],
)
def test_next_open(moment: str, opens: str) -> None:
    assert local(next_open(at(moment), DEFAULT)) == opens


def test_a_reminder_before_a_deadline_that_comes_sooner_keeps_its_time() -> None:
    # The Arbeidsinspectie must be warned by Saturday 03:00: the reminder at Friday 23:00
    # cannot wait for Monday, it would come after the deadline.
    assert local(in_office_hours(at("2026-11-27 23:00"), DEFAULT, at("2026-11-28 03:00"))) == (
        "Fri 2026-11-27 23:00"
    )
    # A deadline after the office opens: the reminder waits for it.
    assert local(in_office_hours(at("2026-11-26 03:00"), DEFAULT, at("2026-11-26 12:00"))) == (
        "Thu 2026-11-26 08:00"
    )
    # After its deadline a step always waits for office hours.
    assert local(in_office_hours(at("2026-11-28 03:00"), DEFAULT, at("2026-11-28 01:00"))) == (
        "Mon 2026-11-30 08:00"
    )


def test_a_plan_over_a_night_and_a_weekend() -> None:
    # Set on Friday 16:00, due Friday 20:00 (4 hours to acknowledge).
    plan = deadline_steps(at("2026-11-27 20:00"), at("2026-11-27 16:00"), ReminderPolicy())
    assert [(s.step, local(s.due)) for s in plan] == [
        ("reminder", "Fri 2026-11-27 19:00"),  # the deadline comes before Monday: kept
        ("overdue", "Mon 2026-11-30 08:00"),
        ("escalation_1", "Mon 2026-11-30 16:00"),  # 8 hours after the overdue notice
        ("escalation_2", "Tue 2026-12-01 16:00"),  # 24 hours after that
    ]


def test_an_organisations_own_hours() -> None:
    hours = OfficeHours.from_data({"start": "09:00", "end": "17:00", "days": [1, 2, 3, 4]})
    assert hours == OfficeHours(time(9), time(17), (1, 2, 3, 4))
    assert local(next_open(at("2026-11-26 17:30"), hours)) == "Mon 2026-11-30 09:00"
    assert OfficeHours.from_data(hours.to_data()) == hours
    assert OfficeHours.from_data(None) is None and OfficeHours.from_data({}) is None
    assert OfficeHours.from_data({"end": "16:00"}) == OfficeHours(end=time(16))
    # A Saturday opening still closes on a public holiday.
    weekend = OfficeHours(days=(1, 2, 3, 4, 5, 6))
    # Christmas Friday, tweede Kerstdag Saturday, Sunday not listed: Monday.
    assert local(next_open(at("2026-12-25 09:00"), weekend)) == "Mon 2026-12-28 08:00"
    assert local(next_open(at("2026-11-27 19:00"), weekend)) == "Sat 2026-11-28 08:00"
    assert local(next_open(at("2026-04-27 09:00"), weekend)) == "Tue 2026-04-28 08:00"


@pytest.mark.parametrize(
    "data",
    [
        {"start": "18:00", "end": "08:00"},
        {"days": [0]},
        {"days": [8]},
        {"start": "half negen"},
        ["08:00", "18:00"],
    ],
)
def test_nonsense_office_hours_are_refused(data: object) -> None:
    with pytest.raises(ValueError):
        OfficeHours.from_data(data)


def test_no_office_day_at_all_leaves_the_time_as_it_is() -> None:
    # Every listed day a holiday can not happen for long; the lookahead gives up safely.
    never = OfficeHours(days=(7,))
    moment = at("2026-11-25 20:00")
    assert next_open(moment, never) == at("2026-11-29 08:00")
    assert next_open(moment, OfficeHours(days=())) == moment


def test_a_snooze_lands_in_office_hours_and_keeps_the_order() -> None:
    pending = [
        PlannedStep("overdue", at("2026-11-26 14:00")),
        PlannedStep("escalation_1", at("2026-11-26 22:00")),
    ]
    moved, until = snoozed_steps(pending, at("2026-11-27 19:00"), ReminderPolicy())
    # now + 24 hours is Saturday 19:00: Monday morning; the escalation, 8 hours after
    # that, at 16:00 (the gap is kept, never collapsed).
    assert [(s.step, local(s.due)) for s in moved] == [
        ("overdue", "Mon 2026-11-30 08:00"),
        ("escalation_1", "Mon 2026-11-30 16:00"),
    ]
    assert until == moved[0].due
    empty, when = snoozed_steps([], at("2026-11-27 19:00"), ReminderPolicy())
    assert empty == [] and local(when) == "Mon 2026-11-30 08:00"
    assert moved[1].due - moved[0].due >= timedelta(hours=8)
