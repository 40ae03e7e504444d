from datetime import date, timedelta

import pytest

from bot.domain.workdays import add_working_days, is_working_day, next_working_day


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 11, 28),  # Saturday
        date(2026, 11, 29),  # Sunday
        date(2026, 1, 1),  # Nieuwjaarsdag
        date(2027, 1, 1),
        date(2026, 4, 3),  # Goede Vrijdag
        date(2027, 3, 26),
        date(2026, 4, 6),  # tweede Paasdag
        date(2027, 3, 29),
        date(2026, 4, 27),  # Koningsdag on a Monday
        date(2031, 4, 26),  # 27 April 2031 is a Sunday: Koningsdag is Saturday the 26th
        date(2025, 4, 26),  # idem in 2025
        date(2025, 5, 5),  # 5 mei in a lustrum year
        date(2026, 5, 5),  # 5 mei in a non-lustrum year (the library misses it)
        date(2027, 5, 5),
        date(2026, 5, 14),  # Hemelvaartsdag
        date(2027, 5, 6),
        date(2026, 5, 25),  # tweede Pinksterdag
        date(2027, 5, 17),
        date(2026, 12, 25),  # eerste Kerstdag
        date(2028, 12, 26),  # tweede Kerstdag on a Tuesday
    ],
)
def test_non_working_days(day: date) -> None:
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 11, 30),  # an ordinary Monday
        date(2026, 4, 2),  # Witte Donderdag
        date(2026, 4, 28),  # the day after Koningsdag
        date(2031, 4, 28),  # Koningsdag is not moved to the Monday
        date(2026, 5, 4),  # Dodenherdenking is a working day
        date(2026, 5, 6),
        date(2026, 12, 24),  # Kerstavond
        date(2026, 12, 31),  # Oudejaarsdag
    ],
)
def test_working_days(day: date) -> None:
    assert is_working_day(day)


def test_2026_has_253_working_days() -> None:
    # 261 weekdays minus the eight holidays that fall on a weekday in 2026 (tweede Kerstdag is
    # a Saturday). Catches any holiday the library adds that the law does not know.
    days = [date(2026, 1, 1) + timedelta(days=i) for i in range(365)]
    assert sum(is_working_day(d) for d in days) == 253


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 26), date(2026, 11, 27)),  # Thursday -> Friday
        (date(2026, 11, 27), date(2026, 11, 30)),  # Friday -> Monday
        (date(2026, 11, 28), date(2026, 11, 30)),  # Saturday -> Monday
        (date(2026, 4, 2), date(2026, 4, 7)),  # over Easter
        (date(2026, 5, 4), date(2026, 5, 6)),  # over 5 mei
        (date(2026, 12, 24), date(2026, 12, 28)),  # over Christmas
        (date(2026, 12, 31), date(2027, 1, 4)),  # over New Year and a weekend
    ],
)
def test_next_working_day(day: date, expected: date) -> None:
    assert next_working_day(day) == expected


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        (date(2026, 11, 30), 0, date(2026, 11, 30)),
        (date(2026, 11, 30), 1, date(2026, 12, 1)),
        (date(2026, 11, 30), 2, date(2026, 12, 2)),
        (date(2026, 11, 27), 2, date(2026, 12, 1)),
        (date(2026, 5, 13), 2, date(2026, 5, 18)),  # over Hemelvaartsdag
        (date(2026, 5, 22), 2, date(2026, 5, 27)),  # over Pinksteren
        (date(2026, 12, 23), 5, date(2026, 12, 31)),
        (date(2026, 12, 23), 6, date(2027, 1, 4)),  # over Nieuwjaarsdag and a weekend
    ],
)
def test_add_working_days(day: date, n: int, expected: date) -> None:
    assert add_working_days(day, n) == expected


def test_add_working_days_refuses_negative() -> None:
    with pytest.raises(ValueError, match="n >= 0"):
        add_working_days(date(2026, 11, 30), -1)
