from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.dates import When, find_when, parse_when
from bot.text.format import describe_when

AMS = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS)


NOW = at(2026, 11, 29, 10, 15)  # a Sunday morning


def assert_when(when: When | None, start: datetime, end: datetime | None) -> None:
    assert when is not None
    # isoformat carries wall-clock time and UTC offset: both must match.
    assert when.start.isoformat() == start.isoformat()
    assert when.start.tzinfo == AMS
    if end is None:
        assert when.end is None
    else:
        assert when.end is not None
        assert when.end.isoformat() == end.isoformat()


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("gisteren om 14:30", at(2026, 11, 28, 14, 30), None),
        ("gisteren 14.30", at(2026, 11, 28, 14, 30), None),
        ("eergisteren", at(2026, 11, 27), at(2026, 11, 28)),
        ("vandaag om 9 uur", at(2026, 11, 29, 9), None),
        ("vanochtend", at(2026, 11, 29, 6), at(2026, 11, 29, 12)),
        ("vanmorgen", at(2026, 11, 29, 6), at(2026, 11, 29, 12)),
        ("vanmiddag", at(2026, 11, 29, 12), at(2026, 11, 29, 18)),
        ("vanavond", at(2026, 11, 29, 18), at(2026, 11, 30)),
        ("vannacht", at(2026, 11, 29, 0), at(2026, 11, 29, 6)),
        ("gisteravond", at(2026, 11, 28, 18), at(2026, 11, 29)),
        ("gistermiddag", at(2026, 11, 28, 12), at(2026, 11, 28, 18)),
        ("gisterochtend", at(2026, 11, 28, 6), at(2026, 11, 28, 12)),
        ("gistermorgen", at(2026, 11, 28, 6), at(2026, 11, 28, 12)),
        ("zaterdagavond", at(2026, 11, 28, 18), at(2026, 11, 29)),
        ("zaterdag avond", at(2026, 11, 28, 18), at(2026, 11, 29)),
        ("zaterdag in de avond", at(2026, 11, 28, 18), at(2026, 11, 29)),
        ("zaterdag 's avonds", at(2026, 11, 28, 18), at(2026, 11, 29)),
        ("zaterdag", at(2026, 11, 28), at(2026, 11, 29)),
        ("zondag", at(2026, 11, 29), at(2026, 11, 30)),  # today's name is today
        ("vorige week dinsdag", at(2026, 11, 17), at(2026, 11, 18)),
        ("dinsdag vorige week", at(2026, 11, 17), at(2026, 11, 18)),
        ("afgelopen dinsdag", at(2026, 11, 24), at(2026, 11, 25)),
        ("dinsdag om 20:00", at(2026, 11, 24, 20), None),
        ("12-11 20:00", at(2026, 11, 12, 20), None),
        ("12/11", at(2026, 11, 12), at(2026, 11, 13)),
        ("12 november", at(2026, 11, 12), at(2026, 11, 13)),
        ("12 november 2026", at(2026, 11, 12), at(2026, 11, 13)),
        ("12 november 2026 20:00", at(2026, 11, 12, 20), None),
        ("12.11.2026", at(2026, 11, 12), at(2026, 11, 13)),
        ("op 12 november om 14.30 uur", at(2026, 11, 12, 14, 30), None),
        ("2 uur geleden", at(2026, 11, 29, 8, 15), None),
        ("een uur geleden", at(2026, 11, 29, 9, 15), None),
        ("een kwartier geleden", at(2026, 11, 29, 10), None),
        ("net", NOW, None),
        ("zojuist", NOW, None),
        ("vorige maand", at(2026, 10, 1), at(2026, 11, 1)),
        ("vorige week", at(2026, 11, 16), at(2026, 11, 23)),
        ("vorig jaar", at(2025, 1, 1), at(2026, 1, 1)),
        ("3 dagen geleden", at(2026, 11, 26), at(2026, 11, 27)),
        ("12 december", at(2025, 12, 12), at(2025, 12, 13)),  # no year: the past one
        # A day-part fixes whether a time is morning or evening.
        ("gisteravond om 9 uur", at(2026, 11, 28, 21), None),
        ("gisteren om half drie 's middags", at(2026, 11, 28, 14, 30), None),
        ("vannacht om 3 uur", at(2026, 11, 29, 3), None),
        # A named day plus "nacht" is the night after that day.
        ("zaterdagnacht", at(2026, 11, 29, 0), at(2026, 11, 29, 6)),
        ("zaterdagnacht om 23:30", at(2026, 11, 28, 23, 30), None),
        # A time alone: the most recent such moment.
        ("9:00", at(2026, 11, 29, 9), None),
        ("14:30", at(2026, 11, 28, 14, 30), None),
        # Case, stray spaces and punctuation.
        ("  GISTEREN,   om 14:30!! ", at(2026, 11, 28, 14, 30), None),
        ("Vanochtend.", at(2026, 11, 29, 6), at(2026, 11, 29, 12)),
        ("’s avonds?", at(2026, 11, 29, 18), at(2026, 11, 30)),
    ],
)
def test_parse_when(text: str, start: datetime, end: datetime | None) -> None:
    assert_when(parse_when(text, NOW), start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("morgen", at(2026, 11, 30), at(2026, 12, 1)),
        ("morgenochtend", at(2026, 11, 30, 6), at(2026, 11, 30, 12)),
        ("volgende week", at(2026, 11, 30), at(2026, 12, 7)),
        ("volgende week dinsdag", at(2026, 12, 1), at(2026, 12, 2)),
        ("1 januari 2027", at(2027, 1, 1), at(2027, 1, 2)),
        ("vanavond", at(2026, 11, 29, 18), at(2026, 11, 30)),
        ("vandaag om 20:00", at(2026, 11, 29, 20), None),
    ],
)
def test_future_phrases_stay_in_the_future(
    text: str, start: datetime, end: datetime | None
) -> None:
    when = parse_when(text, NOW)
    assert_when(when, start, end)
    assert when is not None and when.is_future(NOW)


@pytest.mark.parametrize("text", ["net", "vanochtend", "gisteren", "vandaag", "2 uur geleden"])
def test_past_phrases_are_not_future(text: str) -> None:
    when = parse_when(text, NOW)
    assert when is not None and not when.is_future(NOW)


def test_is_future_allows_a_minute_of_slack() -> None:
    assert not When(NOW + timedelta(seconds=50)).is_future(NOW)
    assert When(NOW + timedelta(minutes=2)).is_future(NOW)


@pytest.mark.parametrize("text", ["blabla", "", "   ", "ik weet het niet", "geen idee", "van"])
def test_nonsense_is_not_understood(text: str) -> None:
    assert parse_when(text, NOW) is None


TUESDAY_MORNING = at(2026, 11, 24, 8)
MIDNIGHT_PAST = at(2026, 11, 29, 2, 30)
NEW_YEAR = at(2027, 1, 1, 10)


@pytest.mark.parametrize(
    ("text", "now", "start", "end"),
    [
        ("dinsdag", TUESDAY_MORNING, at(2026, 11, 24), at(2026, 11, 25)),
        ("afgelopen dinsdag", TUESDAY_MORNING, at(2026, 11, 17), at(2026, 11, 18)),
        ("vorige week dinsdag", TUESDAY_MORNING, at(2026, 11, 17), at(2026, 11, 18)),
        ("zaterdag", TUESDAY_MORNING, at(2026, 11, 21), at(2026, 11, 22)),
        ("vannacht", TUESDAY_MORNING, at(2026, 11, 24), at(2026, 11, 24, 6)),
        ("vannacht", MIDNIGHT_PAST, at(2026, 11, 29), at(2026, 11, 29, 6)),
        ("14:30", MIDNIGHT_PAST, at(2026, 11, 28, 14, 30), None),
        ("gisteren", NEW_YEAR, at(2026, 12, 31), at(2027, 1, 1)),
        ("vorige maand", NEW_YEAR, at(2026, 12, 1), at(2027, 1, 1)),
        ("12 december", NEW_YEAR, at(2026, 12, 12), at(2026, 12, 13)),
        ("vorig jaar", NEW_YEAR, at(2026, 1, 1), at(2027, 1, 1)),
    ],
)
def test_parse_when_other_nows(
    text: str, now: datetime, start: datetime, end: datetime | None
) -> None:
    assert_when(parse_when(text, now), start, end)


def test_hours_ago_is_real_time_across_the_march_switch() -> None:
    now = at(2026, 3, 29, 4, 30)  # CEST; the clock jumped from 02:00 to 03:00 at 01:00 UTC
    when = parse_when("2 uur geleden", now)
    assert when is not None
    assert when.start == datetime(2026, 3, 29, 0, 30, tzinfo=UTC)
    assert when.start.isoformat() == "2026-03-29T01:30:00+01:00"


def test_day_parts_keep_wall_clock_on_dst_days() -> None:
    march = parse_when("vannacht", at(2026, 3, 29, 9))
    assert march is not None and march.end is not None
    assert march.end.isoformat() == "2026-03-29T06:00:00+02:00"
    october = parse_when("gisteravond", at(2026, 10, 26, 9))
    assert october is not None and october.end is not None
    assert october.start.isoformat() == "2026-10-25T18:00:00+01:00"
    assert describe_when(october) == "zondag 25 oktober 2026, 's avonds (tussen 18:00 en 24:00)"


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_when("gisteren", datetime(2026, 11, 29, 10, 15))


def test_now_in_utc_is_read_in_amsterdam() -> None:
    now = datetime(2026, 11, 28, 23, 30, tzinfo=UTC)  # already Sunday in Amsterdam
    assert_when(parse_when("vandaag", now), at(2026, 11, 29), at(2026, 11, 30))


@pytest.mark.parametrize(
    ("when", "text"),
    [
        (When(at(2026, 11, 24, 14, 30)), "dinsdag 24 november 2026 om 14:30"),
        (
            When(at(2026, 11, 28, 18), at(2026, 11, 29)),
            "zaterdag 28 november 2026, 's avonds (tussen 18:00 en 24:00)",
        ),
        (
            When(at(2026, 11, 29), at(2026, 11, 29, 6)),
            "zondag 29 november 2026, 's nachts (tussen 00:00 en 06:00)",
        ),
        (
            When(at(2026, 11, 29, 6), at(2026, 11, 29, 12)),
            "zondag 29 november 2026, 's ochtends (tussen 06:00 en 12:00)",
        ),
        (
            When(at(2026, 11, 29, 12), at(2026, 11, 29, 18)),
            "zondag 29 november 2026, 's middags (tussen 12:00 en 18:00)",
        ),
        (
            When(at(2026, 11, 12), at(2026, 11, 13)),
            "donderdag 12 november 2026 (hele dag, geen tijd)",
        ),
        (
            When(at(2026, 11, 16), at(2026, 11, 23)),
            "de week van maandag 16 november 2026 tot en met zondag 22 november 2026"
            " (hele week, geen dag)",
        ),
        (When(at(2026, 10, 1), at(2026, 11, 1)), "oktober 2026 (hele maand, geen dag)"),
        (When(at(2025, 1, 1), at(2026, 1, 1)), "2025 (heel jaar, geen dag)"),
        (
            When(at(2026, 11, 28, 22), at(2026, 11, 29, 2)),
            "tussen zaterdag 28 november 2026 22:00 en zondag 29 november 2026 02:00",
        ),
        # Shown in Amsterdam time, whatever zone it was given in.
        (When(datetime(2026, 11, 24, 13, 30, tzinfo=UTC)), "dinsdag 24 november 2026 om 14:30"),
    ],
)
def test_describe_when(when: When, text: str) -> None:
    assert describe_when(when) == text


def test_describe_what_was_parsed() -> None:
    when = parse_when("zaterdagavond", NOW)
    assert when is not None
    assert describe_when(when) == "zaterdag 28 november 2026, 's avonds (tussen 18:00 en 24:00)"


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"),
    [
        (
            "Gisteravond rond 22:15 stond hij voor mijn deur",
            "Gisteravond rond 22:15",
            at(2026, 11, 28, 22, 15),
            None,
        ),
        (
            "Ik kreeg op 12 november om 14.30 uur een mail",
            "op 12 november om 14.30 uur",
            at(2026, 11, 12, 14, 30),
            None,
        ),
        ("Hij schold me uit. Zaterdag was dat.", "Zaterdag", at(2026, 11, 28), at(2026, 11, 29)),
    ],
)
def test_find_when_in_a_story(
    text: str, phrase: str, start: datetime, end: datetime | None
) -> None:
    found = find_when(text, NOW)
    assert found is not None
    assert found[1] == phrase
    assert_when(found[0], start, end)


@pytest.mark.parametrize(
    "text", ["Ik heb 2 kinderen en hij stond op de stoep", "hij stond voor de deur", ""]
)
def test_find_when_finds_nothing_in_a_story_without_a_moment(text: str) -> None:
    assert find_when(text, NOW) is None
