"""One date or time phrase, read as Dutch people type it, in Europe/Amsterdam.

dateparser 1.5 reads explicit dates and most relative phrases, but not Dutch day-parts
("vanochtend", "gisteravond", "zaterdagavond"), "vorige week dinsdag" / "afgelopen dinsdag",
spoken clock times ("kwart over 8", "half 9", "8u"), weekends or holidays, and it reads
"vandaag om 9 uur" as nine hours ago, "8u" as eight hours ago and "32 november" as
November 1932 (design.md §6). So a thin grammar comes first: it takes the time of day,
the day-part and the day words off the text itself, and hands only what is left (an
explicit date, "vorige maand", ...) to dateparser.

Conventions (each has a test in tests/bot/domain/test_dates.py):
- Day-parts are ranges: ochtend 06-12, middag 12-18, avond 18-24, nacht 00-06. "Laat"
  is the last half of a part ("gisteravond laat": 21-24), "vroeg" the first half; "laat"
  alone is the late evening, "vroeg" alone the early morning.
- "Vannacht" is the night that ended this morning (today 00-06). A named day plus "nacht"
  ("zaterdagnacht", "gisternacht") is the night after that day, as Dutch speakers use it.
  "Vanavond" typed between 00:00 and 04:00 is the evening that just ended (yesterday).
- A bare weekday is the most recent such day, today included; "afgelopen dinsdag" is the
  most recent one before today; "vorige week dinsdag" is the Tuesday of last calendar week.
- "Het weekend" / "afgelopen weekend" / "vorig weekend" is Saturday 00:00 to Monday 00:00 of
  the most recent weekend; on a Saturday or Sunday "afgelopen/vorig weekend" is the one
  before, "dit/het weekend" the current one.
- A time without a day is the most recent moment with that time (today, or else yesterday).
- Spoken times are Dutch: "half 9" is 08:30, "kwart voor 9" 08:45, "tien over half 9" 08:40.
  "8u" and "20u" are clock hours, never hours ago.
- An hour 1 to 7 without a day-part and without a leading zero ("2 uur", "half 3", "om 7")
  is read as the afternoon or evening (14:00, 14:30, 19:00), because that is when most
  incidents with office-holders happen; the night reading is taken only when the afternoon
  one would lie in the future and the night one not (or, for a bare time, when it is the more
  recent one). The `When` then says `assumed` (the day-part chosen) so the review names it.
  "02:00", "'s nachts om 2 uur" and "vannacht om 2 uur" are never reinterpreted.
- A date without a year is the most recent one that has begun; if that is more than a year
  back (only "29 februari" can be), `long_ago` is set. Impossible dates ("32 november",
  "30 februari", "31/11") are refused: `impossible_date` names them for the reply.
- "ongeveer", "circa", "ergens" make the reading `approximate`; "rond" and "om" do not
  ("rond 20u" is how a time is said).
- A nonexistent clock time (the spring switch skips 02:00-03:00) moves forward an hour, as
  a wall clock does; an hour that occurs twice in October is its first (summer-time) one.
- Future phrases ("morgen", "1 januari 2027") are kept in the future: the caller refuses them
  with `When.is_future`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from dateparser.date import DateDataParser

from bot.domain.dates.holidays import holiday
from bot.domain.dates.when import DAY_PARTS, FUTURE_SLACK, PART_HOURS, When
from bot.domain.zone import AMSTERDAM

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
DAY_OFFSETS = {
    "eergisteren": -2,
    "eergister": -2,
    "gisteren": -1,
    "gister": -1,
    "vandaag": 0,
    "morgen": 1,
    "overmorgen": 2,
}
_PART_ALIASES = {"morgen": "ochtend"}
NOW_WORDS = {"net", "zojuist", "zonet", "zo net", "daarnet", "nu", "net nu", "zo-even", "zoeven"}
NUMBERS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
}  # fmt: skip
_UNITS = r"(?:minuut|minuten|min|uur|uren|dag|dagen|week|weken|maand|maanden|jaar)"
FILLERS = {"op", "om", "rond", "omstreeks", "tegen", "in", "de", "het", "van", "was", "dat"}
APPROXIMATE = {"ongeveer", "circa", "ca", "ergens", "zo'n", "pakweg"}
_LATE, _EARLY = "laat", "vroeg"

_NUMBER_WORD = re.compile(rf"\b({'|'.join(NUMBERS)})\b(?= {_UNITS}\b)")
_AGO = re.compile(r"(\d+) (minuut|minuten|min|uur|uren) geleden")
_HOUR = rf"(\d{{1,2}}|{'|'.join(NUMBERS)})"
_MINUTE = rf"(kwart|\d{{1,2}}|{'|'.join(NUMBERS)})"
_MONTH_NAMES = "|".join(MONTHS)
# Spoken and written clock times, tried in this order.
_HALF = re.compile(rf"\b(?:{_MINUTE} (over|voor) )?half {_HOUR}\b(?: ?uur\b)?")
_OVER = re.compile(rf"\b{_MINUTE} (over|voor) {_HOUR}\b(?: ?uur\b)?")
_U_TIME = re.compile(r"(?<![\d:./-])(\d{1,2})u(\d{2})?\b")
# "14:30", "14.30 uur" (not part of a date such as 12.11.2026).
_DIGITAL = re.compile(r"(?<![\d:./-])(\d{1,2})[:.](\d{2})(?![\d:]|\.\d)(?: ?uur\b)?")
_O_CLOCK = re.compile(rf"(?<![\d:./-])\b{_HOUR} ?uur\b(?!\s*(?:geleden|lang))")
_AFTER_OM = re.compile(
    rf"\b(?:om|rond|omstreeks|tegen) {_HOUR}\b(?![:./-])(?!\s+(?:{_MONTH_NAMES}|{_UNITS})\b)"
)
_PART_NAMES = "ochtend|morgen|middag|avond|nacht"
_DAY_NAMES = "|".join([*DAY_OFFSETS, "van", *WEEKDAYS])
_COMPOUND_PART = re.compile(rf"\b({_DAY_NAMES}) ?({_PART_NAMES})\b")
_SEPARATE_PART = re.compile(
    rf"(?:'?\bs ?({_PART_NAMES})s\b|\b(?:in|op) de ({_PART_NAMES})\b|\b({_PART_NAMES})s?\b)"
)
_WEEKDAY_PHRASE = re.compile(
    rf"(vorige week|volgende week|afgelopen|vorige|komende|aanstaande|volgende)? ?"
    rf"({'|'.join(WEEKDAYS)})(?: (vorige week|volgende week))?"
)
_WEEKEND = re.compile(r"(afgelopen|vorig|vorige|dit|het)? ?weekend")
_DAY_MONTH = re.compile(rf"\b(\d{{1,3}})(?:e|ste|de)? ({_MONTH_NAMES})\b(?: (\d{{4}}))?")
_NUMERIC_DATE = re.compile(r"(?<![\d.:])(\d{1,2})[-/](\d{1,2})(?:[-/](\d{4}|\d{2}))?(?![\d])")
_DOTTED_DATE = re.compile(r"(?<![\d.:])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])")
_YEAR = re.compile(r"\b\d{4}\b")
# dateparser reads a stray number as a year; nobody reports an incident from before this.
_EARLIEST_YEAR = 1990


@dataclass(frozen=True)
class _Clock:
    hour: int
    minute: int
    ambiguous: bool  # an hour 1-7 said without a day-part: afternoon or night


def normalise(text: str) -> str:
    """Lower case, one space, no stray punctuation; number words before units as digits."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[,;!?()\"]", " ", text)
    text = re.sub(r"\banderhalf uur\b", "90 minuten", text)
    text = re.sub(r"\b(?:een )?half uur\b", "30 minuten", text)
    text = re.sub(r"\b(?:een )?kwartier\b", "15 minuten", text)
    text = _NUMBER_WORD.sub(lambda m: str(NUMBERS[m[1]]), text)
    return " ".join(text.split()).strip(" .:-")


def impossible_date(text: str) -> str | None:
    """A day that does not exist in what was typed ("32 november", "30 februari", "31/11"),
    as typed, so that the reply can name it; None when every date in it exists."""
    rest = normalise(text)
    for match in _DAY_MONTH.finditer(rest):
        if not _exists(int(match[1]), MONTHS[match[2]], match[3]):
            return match[0]
    for pattern in (_NUMERIC_DATE, _DOTTED_DATE):
        for match in pattern.finditer(rest):
            day, month = int(match[1]), int(match[2])
            if not _exists(day, month, match[3]):
                return match[0]
    return None


def _exists(day: int, month: int, year: str | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None or len(year) != 4:
        return day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    return day <= calendar.monthrange(int(year), month)[1]


def read(text: str, now: datetime) -> When | None:
    """One phrase ("gisteren rond 20u", "kerstavond") as a `When`; None when not understood.
    `now` must be aware and in Amsterdam time."""
    rest = normalise(text)
    if rest in NOW_WORDS:
        return When(now)
    if ago := _AGO.fullmatch(rest):
        minutes = int(ago[1]) * (1 if ago[2].startswith("min") else 60)
        return When((now.astimezone(UTC) - timedelta(minutes=minutes)).astimezone(AMSTERDAM))
    if impossible_date(rest) is not None:
        return None
    evening_passed = now.hour < 4 and re.search(r"\bvanavond\b", rest) is not None

    clock, rest = _take_time(rest)
    part, rest = _take_part(rest)
    words = rest.split()
    approximate = any(word in APPROXIMATE for word in words)
    late, early = _LATE in words, _EARLY in words
    rest = " ".join(w for w in words if w not in FILLERS | APPROXIMATE | {_LATE, _EARLY})
    if part is None and (late or early):
        part = "avond" if late else "ochtend"

    found = _day(rest, clock, part, now)
    if found is None or isinstance(found, When):
        if isinstance(found, When) and approximate:
            return When(found.start, found.end, approximate=True)
        return found
    day, long_ago = found
    if evening_passed and day == now.date():
        day -= timedelta(days=1)
    if part == "nacht" and rest not in ("", "vandaag"):
        # The night after a named day, unless the clock says it's that day's late evening.
        if clock is None or clock.hour < 10 or clock.hour == 12:
            day += timedelta(days=1)
    if clock is not None:
        start, assumed = _at(day, clock, part, bare=not rest, now=now)
        return When(start, assumed=assumed, approximate=approximate, long_ago=long_ago)
    if part is not None:
        begin = DAY_PARTS[part] + (PART_HOURS // 2 if late else 0)
        hours = PART_HOURS // 2 if late or early else PART_HOURS
        start = _wall(day, time(begin))
        return When(
            start,
            _wall(day, time(begin)) + timedelta(hours=hours),
            approximate=approximate,
            long_ago=long_ago,
        )
    return When(
        _wall(day, time(0)),
        _wall(day + timedelta(days=1), time(0)),
        approximate=approximate,
        long_ago=long_ago,
    )


def _day(
    rest: str, clock: _Clock | None, part: str | None, now: datetime
) -> tuple[date, bool] | When | None:
    """The day `rest` names (and whether it is a yearless date over a year back), or a
    finished `When` for periods, or None when not understood."""
    if not rest:
        return None if clock is None and part is None else (now.date(), False)
    if (own := _own_day(rest, now.date())) is not None:
        return own, False
    if (weekend := _weekend(rest, now.date())) is not None:
        return weekend
    if (feast := holiday(rest, now)) is not None:
        if clock is None and part is None:
            return When(*feast)
        return feast[0].date(), False
    parsed = _dateparser(rest, now)
    if parsed is None:
        return None
    found, period = parsed
    if found.year < _EARLIEST_YEAR:
        return None
    if period in ("week", "month", "year"):
        return _period(found.date(), period)
    if period == "time" and clock is None and part is None:
        return When(found)
    long_ago = _YEAR.search(rest) is None and found < now - timedelta(days=366)
    return found.date(), long_ago


def _wall(day: date, at: time) -> datetime:
    """A wall-clock time on `day`; a time the spring switch skips moves on an hour."""
    naive = datetime.combine(day, at, tzinfo=AMSTERDAM)
    return naive.astimezone(UTC).astimezone(AMSTERDAM)


def _at(
    day: date, clock: _Clock, part: str | None, *, bare: bool, now: datetime
) -> tuple[datetime, str | None]:
    """The moment of `clock` on `day`, the day-part fixing morning or evening; for an
    ambiguous hour without one, the most plausible reading and the part it assumed."""
    hour = clock.hour
    if part in ("middag", "avond") and hour < 12:
        hour += 12
    elif part == "nacht" and hour == 12:
        hour = 0
    elif part == "nacht" and hour in (10, 11):
        hour += 12  # "11 uur 's nachts" is late in the evening
    if part is not None or not clock.ambiguous:
        start = _wall(day, time(hour, clock.minute))
        if bare and start > now + FUTURE_SLACK:
            start = _wall(day - timedelta(days=1), time(hour, clock.minute))
        return start, None
    readings = [_wall(day, time(hour + 12, clock.minute)), _wall(day, time(hour, clock.minute))]
    if bare:
        yesterday = day - timedelta(days=1)
        readings += [_wall(yesterday, time(h, clock.minute)) for h in (hour + 12, hour)]
        past = [r for r in readings if r <= now + FUTURE_SLACK]
        start = max(past)
    else:
        start = next((r for r in readings if r <= now + FUTURE_SLACK), readings[0])
    return start, _part_of(start.hour)


def _part_of(hour: int) -> str:
    return max((h, name) for name, h in DAY_PARTS.items() if h <= hour)[1]


def _take_time(text: str) -> tuple[_Clock | None, str]:
    for pattern in (_HALF, _OVER, _U_TIME, _DIGITAL, _O_CLOCK, _AFTER_OM):
        for match in pattern.finditer(text):
            clock = _clock(pattern, match)
            if clock is not None:
                kept = " om" if pattern is _AFTER_OM else " "
                return clock, text[: match.start()] + kept + text[match.end() :]
    return None, text


def _number(word: str) -> int:
    return 15 if word == "kwart" else NUMBERS.get(word) or int(word)


def _clock(pattern: re.Pattern[str], match: re.Match[str]) -> _Clock | None:
    """The clock time a match says; None when it is no time of day ("25 uur")."""
    if pattern in (_HALF, _OVER):
        named = _number(match[3])
        delta = 0 if match[1] is None else _number(match[1]) * (1 if match[2] == "over" else -1)
        if not 1 <= named <= 12 or abs(delta) > 29:
            return None
        total = named * 60 + delta - (30 if pattern is _HALF else 0)
        return _Clock(total // 60 % 24, total % 60, 1 <= named <= 7)
    spoken = match[1]
    hour = _number(spoken)
    minute = int(match[2]) if pattern in (_U_TIME, _DIGITAL) and match[2] else 0
    if hour > 23 or minute > 59:
        return None
    return _Clock(hour, minute, 1 <= hour <= 7 and not spoken.startswith("0"))


def _take_part(text: str) -> tuple[str | None, str]:
    if compound := _COMPOUND_PART.search(text):
        part = compound[2]
        day = "vandaag" if compound[1] == "van" else compound[1]
        text = text[: compound.start()] + day + text[compound.end() :]
    elif separate := _SEPARATE_PART.search(text):
        part = separate[1] or separate[2] or separate[3]
        if part == "morgen" and separate[3]:
            return None, text  # "morgen" alone is tomorrow, not the morning
        text = text[: separate.start()] + text[separate.end() :]
    else:
        return None, text
    return _PART_ALIASES.get(part, part), " ".join(text.split())


def _own_day(text: str, today: date) -> date | None:
    """The day words dateparser gets wrong or misses; None when `text` is something else."""
    if text in DAY_OFFSETS:
        return today + timedelta(days=DAY_OFFSETS[text])
    phrase = _WEEKDAY_PHRASE.fullmatch(text)
    if phrase is None:
        return None
    before, weekday, after = phrase[1], WEEKDAYS.index(phrase[2]), phrase[3]
    if before and after:
        return None
    this_monday = today - timedelta(days=today.weekday())
    back = (today.weekday() - weekday) % 7
    ahead = (weekday - today.weekday()) % 7
    match before or after:
        case None:
            return today - timedelta(days=back)
        case "afgelopen" | "vorige":
            return today - timedelta(days=back or 7)
        case "vorige week":
            return this_monday - timedelta(days=7 - weekday)
        case "volgende week":
            return this_monday + timedelta(days=7 + weekday)
        case _:  # komende, aanstaande, volgende
            return today + timedelta(days=ahead or 7)


def _weekend(text: str, today: date) -> When | None:
    """Saturday 00:00 to Monday 00:00 of the weekend `text` names."""
    phrase = _WEEKEND.fullmatch(text)
    if phrase is None:
        return None
    in_weekend = today.weekday() >= 5
    saturday = today - timedelta(days=(today.weekday() - 5) % 7)
    if in_weekend and phrase[1] in ("afgelopen", "vorig", "vorige"):
        saturday -= timedelta(days=7)
    return When(_wall(saturday, time(0)), _wall(saturday + timedelta(days=2), time(0)))


def _dateparser(text: str, now: datetime) -> tuple[datetime, str] | None:
    parser = DateDataParser(
        languages=["nl"],
        settings={
            "PREFER_DATES_FROM": "past",
            "DATE_ORDER": "DMY",
            "RELATIVE_BASE": now.replace(tzinfo=None),
            "TIMEZONE": AMSTERDAM.key,
            "RETURN_AS_TIMEZONE_AWARE": True,
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.astimezone(AMSTERDAM), data.period or "day"


def _period(day: date, period: str) -> When:
    if period == "week":
        first = day - timedelta(days=day.weekday())
        last = first + timedelta(days=7)
    elif period == "month":
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1)
    else:
        first = date(day.year, 1, 1)
        last = date(day.year + 1, 1, 1)
    return When(_wall(first, time(0)), _wall(last, time(0)))
