from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.dates import When, find_when, impossible_date, parse_when
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


@pytest.mark.parametrize("text", ["blabla", "", "   ", "van", "sinds", "32 november"])
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


# --- issue 9, item 7: dates people use --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # "u" is a clock hour, never hours ago.
        ("8u", at(2026, 11, 29, 8), None),
        ("om 8u", at(2026, 11, 29, 8), None),
        ("20u", at(2026, 11, 28, 20), None),  # tonight's 20:00 is still to come
        ("8u30", at(2026, 11, 29, 8, 30), None),
        ("maandag rond 20u", at(2026, 11, 23, 20), None),  # not 20 December
        ("om 8", at(2026, 11, 29, 8), None),
        # Spoken Dutch clock times.
        ("kwart over 8", at(2026, 11, 29, 8, 15), None),
        ("kwart voor 9", at(2026, 11, 29, 8, 45), None),
        ("half 9", at(2026, 11, 29, 8, 30), None),
        ("tien over half 9", at(2026, 11, 29, 8, 40), None),
        ("vijf voor half 10", at(2026, 11, 29, 9, 25), None),
        ("gisteren om kwart over acht", at(2026, 11, 28, 8, 15), None),
        ("half 10 's avonds", at(2026, 11, 28, 21, 30), None),
        ("gisteren om kwart voor 11 's avonds", at(2026, 11, 28, 22, 45), None),
        ("vrijdagavond om half 8", at(2026, 11, 27, 19, 30), None),
        # Day-parts and their late/early halves.
        ("eergisteravond", at(2026, 11, 27, 18), at(2026, 11, 28)),
        ("gisteravond laat", at(2026, 11, 28, 21), at(2026, 11, 29)),
        ("gisteren 's avonds laat", at(2026, 11, 28, 21), at(2026, 11, 29)),
        ("gisterochtend vroeg", at(2026, 11, 28, 6), at(2026, 11, 28, 9)),
        # Weekends: Saturday 00:00 to Monday 00:00. NOW is a Sunday.
        ("afgelopen weekend", at(2026, 11, 21), at(2026, 11, 23)),
        ("vorig weekend", at(2026, 11, 21), at(2026, 11, 23)),
        ("dit weekend", at(2026, 11, 28), at(2026, 11, 30)),
        # Holidays by name: the most recent one that has begun.
        ("kerstavond", at(2025, 12, 24, 18), at(2025, 12, 25)),
        ("eerste kerstdag", at(2025, 12, 25), at(2025, 12, 26)),
        ("1e kerstdag", at(2025, 12, 25), at(2025, 12, 26)),
        ("tweede kerstdag", at(2025, 12, 26), at(2025, 12, 27)),
        ("kerst", at(2025, 12, 25), at(2025, 12, 27)),
        ("koningsdag", at(2026, 4, 27), at(2026, 4, 28)),
        ("oudejaarsavond", at(2025, 12, 31, 18), at(2026, 1, 1)),
        ("nieuwjaarsdag", at(2026, 1, 1), at(2026, 1, 2)),
        ("pasen", at(2026, 4, 5), at(2026, 4, 7)),
        ("tweede pinksterdag", at(2026, 5, 25), at(2026, 5, 26)),
        ("hemelvaartsdag", at(2026, 5, 14), at(2026, 5, 15)),
        ("goede vrijdag", at(2026, 4, 3), at(2026, 4, 4)),
        # The calendar lists Bevrijdingsdag only in lustrum years: a fixed date all the same.
        ("bevrijdingsdag", at(2026, 5, 5), at(2026, 5, 6)),
        ("op koningsdag om 15:00", at(2026, 4, 27, 15), None),
        ("kerstavond om 22:00", at(2025, 12, 24, 22), None),
        # A date without a year: the most recent one.
        ("3 maart", at(2026, 3, 3), at(2026, 3, 4)),
        ("30 november", at(2025, 11, 30), at(2025, 12, 1)),
    ],
)
def test_dates_people_use(text: str, start: datetime, end: datetime | None) -> None:
    when = parse_when(text, NOW)
    assert_when(when, start, end)
    assert when is not None and not when.is_future(NOW)
    assert when.assumed is None and not when.approximate and not when.long_ago


@pytest.mark.parametrize(
    ("text", "start", "assumed"),
    [
        # An hour 1-7 without a day-part: the afternoon or evening, said so.
        ("gisteren rond 2 uur", at(2026, 11, 28, 14), "middag"),
        ("gisteren om half 3", at(2026, 11, 28, 14, 30), "middag"),
        ("gisteren om 7 uur", at(2026, 11, 28, 19), "avond"),
        ("maandag om 3u", at(2026, 11, 23, 15), "middag"),
        # ... unless that lies in the future and the night reading does not.
        ("vandaag om 3 uur", at(2026, 11, 29, 3), "nacht"),
        # A bare time: the more recent reading.
        ("om 3 uur", at(2026, 11, 29, 3), "nacht"),
    ],
)
def test_an_hour_without_day_part_is_read_as_the_afternoon(
    text: str, start: datetime, assumed: str
) -> None:
    when = parse_when(text, NOW)
    assert_when(when, start, None)
    assert when is not None and when.assumed == assumed


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("gisteren om 02:00", at(2026, 11, 28, 2)),
        ("vannacht om 2 uur", at(2026, 11, 29, 2)),
        ("zaterdag 's nachts om 2 uur", at(2026, 11, 29, 2)),
        ("gisteren om 14:00", at(2026, 11, 28, 14)),
        ("gisteren om 9 uur", at(2026, 11, 28, 9)),
    ],
)
def test_an_hour_with_day_part_or_leading_zero_is_taken_as_said(text: str, start: datetime) -> None:
    when = parse_when(text, NOW)
    assert_when(when, start, None)
    assert when is not None and when.assumed is None


def test_the_assumed_day_part_is_said_in_the_review() -> None:
    when = parse_when("gisteren rond 2 uur", NOW)
    assert when is not None
    assert describe_when(when) == "zaterdag 28 november 2026 om 14:00 (ik ga uit van 's middags)"


JUST_AFTER_MIDNIGHT = at(2026, 11, 29, 0, 40)


def test_vanavond_just_after_midnight_is_the_evening_that_just_ended() -> None:
    when = parse_when("vanavond", JUST_AFTER_MIDNIGHT)
    assert_when(when, at(2026, 11, 28, 18), at(2026, 11, 29))
    assert when is not None and not when.is_future(JUST_AFTER_MIDNIGHT)
    assert_when(parse_when("vanavond om 23:00", JUST_AFTER_MIDNIGHT), at(2026, 11, 28, 23), None)
    # Later in the night it is tonight again (and so not yet begun).
    later = parse_when("vanavond", at(2026, 11, 29, 5))
    assert later is not None and later.is_future(at(2026, 11, 29, 5))
    # "Vannacht" then is the night that is going on.
    assert_when(parse_when("vannacht", JUST_AFTER_MIDNIGHT), at(2026, 11, 29), at(2026, 11, 29, 6))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("32 november", "32 november"),
        ("30 februari", "30 februari"),
        ("op 31 april om 20:00", "31 april"),
        ("31/11", "31/11"),
        ("29-02-2026", "29-02-2026"),
        ("0 mei", "0 mei"),
    ],
)
def test_impossible_dates_are_refused_and_named(text: str, phrase: str) -> None:
    assert parse_when(text, NOW) is None
    assert impossible_date(text) == phrase


@pytest.mark.parametrize("text", ["12 november", "29 februari", "29-02-2024", "14.30", "12/11"])
def test_possible_dates_are_not_named_impossible(text: str) -> None:
    assert impossible_date(text) is None


def test_a_yearless_date_more_than_a_year_back_says_so() -> None:
    when = parse_when("29 februari", NOW)
    assert_when(when, at(2024, 2, 29), at(2024, 3, 1))
    assert when is not None and when.long_ago
    assert describe_when(when) == (
        "donderdag 29 februari 2024 (hele dag, geen tijd) (meer dan een jaar geleden)"
    )
    typed_year = parse_when("12 november 2024", NOW)
    assert typed_year is not None and not typed_year.long_ago


@pytest.mark.parametrize(
    "text",
    ["weet ik niet", "Weet ik niet meer", "geen idee", "ik weet het niet", "Geen flauw idee!"],
)
def test_an_unknown_date_is_an_answer(text: str) -> None:
    when = parse_when(text, NOW)
    assert when is not None and when.unknown
    assert when.start == NOW  # the clocks run from the report
    assert not when.is_future(NOW)
    assert describe_when(when) == "onbekend"


def test_an_approximate_date_says_ongeveer() -> None:
    when = parse_when("ongeveer vorige maand", NOW)
    assert_when(when, at(2026, 10, 1), at(2026, 11, 1))
    assert when is not None and when.approximate
    assert describe_when(when) == "ongeveer oktober 2026 (hele maand, geen dag)"
    rough = parse_when("ergens vorige week", NOW)
    assert rough is not None and rough.approximate


@pytest.mark.parametrize(
    ("text", "start", "rhythm", "shown"),
    [
        (
            "sinds vorige maand elke week",
            at(2026, 10, 1),
            "elke week",
            "elke week sinds oktober 2026",
        ),
        (
            "elke week sinds 3 november",
            at(2026, 11, 3),
            "elke week",
            "elke week sinds 3 november 2026",
        ),
        (
            "steeds weer sinds januari",
            at(2026, 1, 1),
            "steeds weer",
            "steeds weer sinds januari 2026",
        ),
        ("sinds vorig jaar", at(2025, 1, 1), None, "meer keren, sinds 2025"),
        (
            "al weken",
            at(2026, 11, 15),
            "al weken",
            "al weken sinds ongeveer 15 november 2026",
        ),
        (
            "sinds gisteravond 20:00 telkens",
            at(2026, 11, 28, 20),
            "telkens",
            "telkens sinds 28 november 2026, 20:00",
        ),
    ],
)
def test_a_repeated_incident_is_a_series(
    text: str, start: datetime, rhythm: str | None, shown: str
) -> None:
    when = parse_when(text, NOW)
    assert when is not None and when.series
    assert when.start.isoformat() == start.isoformat()
    assert when.rhythm == rhythm
    assert describe_when(when) == shown


def test_a_rhythm_without_a_start_is_a_series_with_an_unknown_start() -> None:
    when = parse_when("elke week", NOW)
    assert when is not None and when.series and when.unknown
    assert describe_when(when) == "elke week, sinds wanneer is onbekend"


# --- both DST switches (last Sunday of March and of October) ----------------------------


def test_march_switch_a_skipped_time_moves_on_an_hour() -> None:
    # 29 March 2026: 02:00 CET jumps to 03:00 CEST; "zaterdagnacht om half 3" does not exist.
    when = parse_when("zaterdagnacht om half 3", at(2026, 3, 29, 12))
    assert when is not None
    assert when.start.isoformat() == "2026-03-29T03:30:00+02:00"


def test_march_switch_weekend_keeps_wall_clock_midnights() -> None:
    when = parse_when("afgelopen weekend", at(2026, 3, 30, 12))  # a Monday
    assert_when(when, at(2026, 3, 28), at(2026, 3, 30))
    assert when is not None and when.end is not None
    assert when.start.isoformat() == "2026-03-28T00:00:00+01:00"
    assert when.end.isoformat() == "2026-03-30T00:00:00+02:00"
    assert describe_when(when) == "van zaterdag 28 maart 2026 tot en met zondag 29 maart 2026"


def test_october_switch_late_evening_and_the_repeated_hour() -> None:
    # 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice.
    now = at(2026, 10, 26, 9)  # Monday
    late = parse_when("eergisteravond laat", now)
    assert late is not None and late.end is not None
    assert late.start.isoformat() == "2026-10-24T21:00:00+02:00"
    assert late.end.isoformat() == "2026-10-25T00:00:00+02:00"
    assert describe_when(late) == "zaterdag 24 oktober 2026, tussen 21:00 en 24:00"
    twice = parse_when("zaterdagnacht om 2:30", now)
    assert twice is not None
    assert twice.start.isoformat() == "2026-10-25T02:30:00+02:00"  # the first, summer-time one
    weekend = parse_when("vorig weekend", now)
    assert weekend is not None and weekend.end is not None
    assert weekend.end.isoformat() == "2026-10-26T00:00:00+01:00"


def test_a_holiday_in_summer_time_keeps_its_wall_clock() -> None:
    when = parse_when("koningsdag om 15:00", at(2026, 5, 1, 12))
    assert when is not None
    assert when.start.isoformat() == "2026-04-27T15:00:00+02:00"


def test_kerstavond_typed_on_christmas_eve_is_this_year_once_evening_began() -> None:
    assert_when(
        parse_when("kerstavond", at(2026, 12, 24, 20)), at(2026, 12, 24, 18), at(2026, 12, 25)
    )
    assert_when(
        parse_when("kerstavond", at(2026, 12, 24, 10)), at(2025, 12, 24, 18), at(2025, 12, 25)
    )


@pytest.mark.parametrize(
    ("text", "phrase", "series"),
    [
        ("Op kerstavond stond hij bij mijn huis", "Op kerstavond", False),
        ("Vorig weekend werd ik uitgescholden op straat", "Vorig weekend", False),
        ("Ik werd om half 10 's avonds gebeld", "om half 10 's avonds", False),
        ("Hij staat er al weken. Ik ben bang", "al weken", True),
        ("Sinds vorige maand belt hij me elke week op", "Sinds vorige maand", True),
        ("Maandag rond 20u kreeg ik een mail", "Maandag rond 20u", False),
    ],
)
def test_find_when_finds_the_new_phrases_in_a_story(text: str, phrase: str, series: bool) -> None:
    found = find_when(text, NOW)
    assert found is not None
    assert found[1] == phrase
    assert found[0].series is series


@pytest.mark.parametrize(
    "text",
    ["Hij heeft 2 uur lang staan schreeuwen", "Hij belt steeds", "Ik weet niet meer wanneer"],
)
def test_find_when_skips_what_names_no_moment(text: str) -> None:
    assert find_when(text, NOW) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("begin november", at(2026, 11, 1), at(2026, 11, 11)),
        ("midden oktober", at(2026, 10, 11), at(2026, 10, 21)),
        ("eind oktober", at(2026, 10, 21), at(2026, 11, 1)),
        ("begin vorige maand", at(2026, 10, 1), at(2026, 10, 11)),
        ("ik denk vorige week", at(2026, 11, 16), at(2026, 11, 23)),
        ("volgens mij zaterdag", at(2026, 11, 28), at(2026, 11, 29)),
    ],
)
def test_hedges_and_parts_of_a_month_are_approximate(
    text: str, start: datetime, end: datetime
) -> None:
    when = parse_when(text, NOW)
    assert_when(when, start, end)
    assert when is not None and when.approximate


def test_a_part_of_something_not_a_month_is_not_understood() -> None:
    assert parse_when("eind vorig jaar", NOW) is None
    assert parse_when("begin gisteren", NOW) is None


def test_a_part_of_a_month_reads_back_as_ongeveer() -> None:
    when = parse_when("eind oktober", NOW)
    assert when is not None
    assert describe_when(when) == (
        "ongeveer van woensdag 21 oktober 2026 tot en met zaterdag 31 oktober 2026"
    )
