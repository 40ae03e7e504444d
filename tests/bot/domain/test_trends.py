"""Trend counting: months, small counts held back, the year before, times and deadlines."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.trends import CaseFacts, DeadlineFact, Period, cell, trend_tables

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def facts(at: datetime, **extra: object) -> CaseFacts:
    values: dict[str, object] = {
        "org": "zeist",
        "org_kind": "gemeente",
        "role": "gemeenteraadslid",
        "kinds": ("verbale_agressie",),
        "serious": False,
        "aangifte": False,
        "incident_at": at,
        "submitted_at": at + timedelta(hours=1),
        "acknowledged_at": None,
        "closed_at": None,
        **extra,
    }
    return CaseFacts(**values)  # type: ignore[arg-type]


def test_a_small_count_is_held_back() -> None:
    assert cell(0, 5).shown == "0" and cell(0, 5).value == 0
    assert cell(4, 5).shown == "< 5" and cell(4, 5).value is None and cell(4, 5).suppressed
    assert cell(5, 5).shown == "5" and cell(5, 5).value == 5
    assert cell(2, 3).shown == "< 3"


def test_the_period_is_whole_months_up_to_now() -> None:
    period = Period.ending(NOW, 3)
    assert period.month_list == [date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)]
    assert period.a_year_earlier().start == date(2025, 9, 1)
    with pytest.raises(ValueError):
        Period(date(2026, 1, 2))


def test_counts_per_month_by_kind_and_online() -> None:
    rows = [facts(datetime(2026, 10, 3, tzinfo=UTC)) for _ in range(6)] + [
        facts(datetime(2026, 11, 3, tzinfo=UTC), kinds=("online", "bedreiging"))
    ]
    tables = {t.key: t for t in trend_tables(rows, Period.ending(NOW, 2), NOW)}
    kind = {r.key: [c.shown for c in r.cells] for r in tables["kind"].rows}
    assert kind["verbale_agressie"] == ["6", "0"]
    assert kind["online"] == ["0", "< 5"]
    online = {r.key: r.total.shown for r in tables["online"].rows}
    assert online == {"online": "< 5", "offline": "6"}


def test_a_rise_against_the_same_months_a_year_earlier() -> None:
    rows = [facts(datetime(2025, 11, 2, tzinfo=UTC)) for _ in range(5)] + [
        facts(datetime(2026, 11, 2, tzinfo=UTC)) for _ in range(10)
    ]
    year = trend_tables(rows, Period.ending(NOW, 1), NOW)[0]
    shown = {r.key: r.total.shown for r in year.rows}
    assert shown == {"this_period": "10", "year_earlier": "5", "change": "+100%"}


def test_times_and_deadlines() -> None:
    at = datetime(2026, 11, 2, 9, tzinfo=UTC)
    due = at + timedelta(days=1)
    rows = [
        facts(
            at,
            acknowledged_at=at + timedelta(hours=1 + h),
            deadlines=(DeadlineFact("measures", due, due - timedelta(hours=1)),),
        )
        for h in range(5)
    ] + [facts(at, deadlines=(DeadlineFact("measures", due, None),))]
    tables = {t.key: t for t in trend_tables(rows, Period.ending(NOW, 1), NOW)}
    times = {r.key: r.total.shown for r in tables["times"].rows}
    assert times["ack_hours"] == "2"  # the median of 0..4 hours after submission
    assert times["ack_hours_n"] == "5"
    assert times["close_hours"] == "-"
    deadlines = {r.key: r.total.shown for r in tables["deadlines"].rows}
    assert deadlines == {"met": "5", "late": "0", "missed": "< 5"}
