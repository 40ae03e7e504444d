"""bot/text/format.py: every moment and size a person reads, in Amsterdam time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.dates import When
from bot.domain.zone import AMSTERDAM
from bot.text.format import (
    describe_when,
    human_size,
    long_day,
    moment,
    short_moment,
    stamp,
)

# Wednesday 25 November 2026, 14:30 in Amsterdam (CET, UTC+1).
AT = datetime(2026, 11, 25, 13, 30, tzinfo=UTC)


def test_moment_reads_as_a_dutch_sentence_part() -> None:
    assert moment(AT) == "25 november 2026, 14:30"
    assert moment(datetime(2026, 3, 1, 9, 5, tzinfo=AMSTERDAM)) == "1 maart 2026, 09:05"


@pytest.mark.parametrize(
    ("day", "weekday"),
    [(23, "ma"), (24, "di"), (25, "wo"), (26, "do"), (27, "vr"), (28, "za"), (29, "zo")],
)
def test_short_moment_has_the_two_letter_weekday(day: int, weekday: str) -> None:
    at = datetime(2026, 11, day, 14, 0, tzinfo=AMSTERDAM)
    assert short_moment(at) == f"{weekday} {day}-11 14:00"


def test_stamp_is_amsterdam_time_unless_told_otherwise() -> None:
    assert stamp(AT) == "2026-11-25 14:30"
    assert stamp(AT, zone=UTC) == "2026-11-25 13:30"
    assert stamp(None) == "-"


def test_summer_time_is_shown_as_the_clock_on_the_wall() -> None:
    summer = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    assert moment(summer) == "1 juli 2026, 14:00"
    assert short_moment(summer) == "wo 01-07 14:00"


def test_long_day() -> None:
    assert long_day(date(2026, 10, 25)) == "zondag 25 oktober 2026"


def test_describe_when_names_a_day_part_from_its_words_in_the_catalogue() -> None:
    start = datetime(2026, 11, 24, 6, 0, tzinfo=AMSTERDAM)
    morning = When(start, start + timedelta(hours=6))
    assert describe_when(morning) == "dinsdag 24 november 2026, 's ochtends (tussen 06:00 en 12:00)"
    assert describe_when(When(start)) == "dinsdag 24 november 2026 om 06:00"


def test_human_size() -> None:
    assert human_size(0) == "0 bytes"
    assert human_size(1024) == "1 kB"
    assert human_size(1536) == "1,5 kB"
    assert human_size(3 * 1024**3) == "3 GB"
    assert human_size(1024 * 1024 + 1, round_up=True) == "1,1 MB"


def test_no_other_module_formats_moments() -> None:
    """One formatter: no strftime, %H:%M or babel outside bot/text/format.py."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    marks = ("strftime", "%H:%M", "babel")
    found = sorted(
        str(path.relative_to(root))
        for pkg in ("bot", "adapters", "dialogs")
        for path in (root / pkg).rglob("*.py")
        if path != root / "bot" / "text" / "format.py"
        and any(mark in path.read_text(encoding="utf-8") for mark in marks)
    )
    assert found == []
