"""When an incident happened, as Dutch people type it, resolved in Europe/Amsterdam.

How a `When` reads back to the person is bot/text/format.py `describe_when`.

dateparser 1.5 reads explicit dates and most relative phrases, but not Dutch day-parts
("vanochtend", "gisteravond", "zaterdagavond"), "vorige week dinsdag" / "afgelopen dinsdag",
and it reads "vandaag om 9 uur" as nine hours ago (design.md §6). So a thin normalisation
comes first: it takes the time of day, the day-part and simple day words off the text
itself, and hands only what is left (an explicit date, "vorige maand", ...) to dateparser.

Conventions:
- Day-parts are ranges: ochtend 06-12, middag 12-18, avond 18-24, nacht 00-06.
- "Vannacht" is the night that ended this morning (today 00-06). A named day plus "nacht"
  ("zaterdagnacht", "gisternacht") is the night after that day, as Dutch speakers use it.
- A bare weekday is the most recent such day, today included; "afgelopen dinsdag" is the
  most recent one before today; "vorige week dinsdag" is the Tuesday of last calendar week.
- A time without a day is the most recent moment with that time (today, or else yesterday).
- Future phrases ("morgen", "1 januari 2027") are kept in the future: the caller refuses them
  with `When.is_future`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from dateparser.date import DateDataParser

from bot.domain.zone import AMSTERDAM

FUTURE_SLACK = timedelta(minutes=1)


@dataclass(frozen=True)
class When:
    start: datetime  # timezone-aware, Europe/Amsterdam
    # Set when the person gave a range: a day-part, a whole day, week, month or year.
    # Exclusive: a whole day ends at 00:00 the next day.
    end: datetime | None = None

    def is_future(self, now: datetime) -> bool:
        """True when the start lies after `now` (one minute of slack for clock skew)."""
        return self.start > now + FUTURE_SLACK


_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_DAY_OFFSETS = {
    "eergisteren": -2,
    "gisteren": -1,
    "gister": -1,
    "vandaag": 0,
    "morgen": 1,
    "overmorgen": 2,
}
# Day-part: its first hour; each lasts PART_HOURS. bot/text/format.py names them back.
DAY_PARTS = {"ochtend": 6, "middag": 12, "avond": 18, "nacht": 0}
_PART_ALIASES = {"morgen": "ochtend"}
PART_HOURS = 6
_NOW_WORDS = {"net", "zojuist", "zonet", "zo net", "daarnet", "nu", "net nu", "zo-even", "zoeven"}
_NUMBERS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
}  # fmt: skip
_UNITS = r"(?:minuut|minuten|min|uur|uren|dag|dagen|week|weken|maand|maanden|jaar)"
_FILLERS = {"op", "om", "rond", "omstreeks", "ongeveer", "circa", "ca", "ergens", "tegen"}

_NUMBER_WORD = re.compile(rf"\b({'|'.join(_NUMBERS)})\b(?= {_UNITS}\b)")
_HALF_HOUR = re.compile(rf"\bhalf ({'|'.join(_NUMBERS)}|1[0-2]|[1-9])\b")
_AGO = re.compile(r"(\d+) (minuut|minuten|min|uur|uren) geleden")
# "14:30", "14.30 uur" (not part of a date such as 12.11.2026), "9 uur" (not "2 uur geleden").
_TIME = re.compile(
    r"(?<![\d:./-])(\d{1,2})(?:[:.](\d{2})(?![\d:]|\.\d)(?: ?uur\b)?|\s*uur\b(?!\s*geleden))"
)
_PART_NAMES = "ochtend|morgen|middag|avond|nacht"
_DAY_NAMES = "|".join(["eergisteren", "gisteren", "gister", "overmorgen", "morgen",
                       "vandaag", "van", *_WEEKDAYS])  # fmt: skip
_COMPOUND_PART = re.compile(rf"\b({_DAY_NAMES}) ?({_PART_NAMES})\b")
_SEPARATE_PART = re.compile(rf"(?:'?\bs ?({_PART_NAMES})s\b|\bin de ({_PART_NAMES})\b)")
_WEEKDAY_PHRASE = re.compile(
    rf"(vorige week|volgende week|afgelopen|vorige|komende|aanstaande|volgende)? ?"
    rf"({'|'.join(_WEEKDAYS)})(?: (vorige week|volgende week))?"
)


def parse_when(text: str, now: datetime) -> When | None:
    """When an incident happened, from what a person typed; None when not understood."""
    if now.tzinfo is None:
        raise ValueError(f"parse_when needs a timezone-aware now, got {now!r}.")
    now = now.astimezone(AMSTERDAM)
    rest = _normalise(text)
    if rest in _NOW_WORDS:
        return When(now)
    if ago := _AGO.fullmatch(rest):
        minutes = int(ago[1]) * (1 if ago[2].startswith("min") else 60)
        return When((now.astimezone(UTC) - timedelta(minutes=minutes)).astimezone(AMSTERDAM))

    clock, rest = _take_time(rest)
    part, rest = _take_part(rest)
    rest = " ".join(word for word in rest.split() if word not in _FILLERS)

    if not rest:
        if clock is None and part is None:
            return None
        day = now.date()
    elif (own := _own_day(rest, now.date())) is not None:
        day = own
    else:
        parsed = _dateparser(rest, now)
        if parsed is None:
            return None
        found, period = parsed
        if period in ("week", "month", "year"):
            return _period(found.date(), period)
        if period == "time" and clock is None and part is None:
            return When(found)
        day = found.date()

    if part == "nacht" and rest not in ("", "vandaag"):
        # The night after a named day, unless the clock says it's that day's late evening.
        if clock is None or clock.hour < 12:
            day += timedelta(days=1)
    if clock is not None:
        if part in ("middag", "avond") and clock.hour < 12:
            clock = clock.replace(hour=clock.hour + 12)
        start = datetime.combine(day, clock, tzinfo=AMSTERDAM)
        if not rest and start > now + FUTURE_SLACK:
            start -= timedelta(days=1)  # a bare time: the most recent one
        return When(start)
    if part is not None:
        start = datetime.combine(day, time(DAY_PARTS[part]), tzinfo=AMSTERDAM)
        return When(start, start + timedelta(hours=PART_HOURS))
    start = datetime.combine(day, time(0), tzinfo=AMSTERDAM)
    return When(start, start + timedelta(days=1))


def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[,;!?()\"]", " ", text)
    text = re.sub(r"\banderhalf uur\b", "90 minuten", text)
    text = re.sub(r"\b(?:een )?half uur\b", "30 minuten", text)
    text = re.sub(r"\b(?:een )?kwartier\b", "15 minuten", text)
    text = _NUMBER_WORD.sub(lambda m: str(_NUMBERS[m[1]]), text)
    # "half drie" is 2:30; whether that is night or afternoon comes from a day-part.
    text = _HALF_HOUR.sub(lambda m: f"{int(_NUMBERS.get(m[1], m[1])) - 1}:30", text)
    return " ".join(text.split()).strip(" .:-")


def _take_time(text: str) -> tuple[time | None, str]:
    for match in _TIME.finditer(text):
        hour, minute = int(match[1]), int(match[2] or 0)
        if hour <= 23 and minute <= 59:
            return time(hour, minute), text[: match.start()] + " " + text[match.end() :]
    return None, text


def _take_part(text: str) -> tuple[str | None, str]:
    if compound := _COMPOUND_PART.search(text):
        part = compound[2]
        day = "vandaag" if compound[1] == "van" else compound[1]
        text = text[: compound.start()] + day + text[compound.end() :]
    elif separate := _SEPARATE_PART.search(text):
        part = separate[1] or separate[2]
        text = text[: separate.start()] + text[separate.end() :]
    else:
        return None, text
    return _PART_ALIASES.get(part, part), " ".join(text.split())


def _own_day(text: str, today: date) -> date | None:
    """The day words dateparser gets wrong or misses; None when `text` is something else."""
    if text in _DAY_OFFSETS:
        return today + timedelta(days=_DAY_OFFSETS[text])
    phrase = _WEEKDAY_PHRASE.fullmatch(text)
    if phrase is None:
        return None
    before, weekday, after = phrase[1], _WEEKDAYS.index(phrase[2]), phrase[3]
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
    return When(
        datetime.combine(first, time(0), tzinfo=AMSTERDAM),
        datetime.combine(last, time(0), tzinfo=AMSTERDAM),
    )


# Words that may belong to a date phrase inside a longer story (find_when). A run of them
# is cut out and handed to parse_when; a run needs one "strong" word, so that "2 kinderen"
# or "op de stoep" is never read as a date.
_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december",
    "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
)  # fmt: skip
_STRONG = re.compile(
    rf"^(?:{'|'.join(_WEEKDAYS)}|{'|'.join(_MONTHS)}|{'|'.join(_DAY_OFFSETS)}|gister"
    rf"|(?:{_DAY_NAMES})(?:{_PART_NAMES})|s?(?:{_PART_NAMES})s?|net|zojuist|zonet|daarnet"
    r"|geleden|uur|weekend|\d{1,2}[:.]\d{2}|\d{1,2}u|\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?"
    r"|\d{1,2}\.\d{1,2}\.\d{4})$"
)
_WEAK = re.compile(
    rf"^(?:om|rond|omstreeks|ongeveer|circa|ca|tegen|op|in|de|'s|vorige|vorig|afgelopen"
    rf"|week|maand|jaar|minuten|minuut|kwartier|half|kwart|over|voor|laat|vroeg|een|van"
    rf"|{'|'.join(_NUMBERS)}|\d{{1,4}})$"
)
_WORD = re.compile(r"[\w'’:./-]+")


def find_when(text: str, now: datetime) -> tuple[When, str] | None:
    """The first date or time phrase in a longer text, read with parse_when, and the phrase
    as it stands in the text; None when the text names no moment.

    "Gisteravond rond 22:15 stond hij voor mijn deur" gives ("Gisteravond rond 22:15")."""
    words = [(m.start(), m.end(), m[0].lower().strip(".:/-")) for m in _WORD.finditer(text)]
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for word in words:
        if current and re.search(r"[.!?;\n]", text[current[-1][1] : word[0]]):
            runs.append(current)  # a phrase does not run across sentences
            current = []
        if _STRONG.match(word[2]) or _WEAK.match(word[2]):
            current.append(word)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    for run in runs:
        for first in range(len(run)):
            for last in range(len(run), first, -1):
                part = run[first:last]
                if not any(_STRONG.match(w[2]) for w in part):
                    continue
                phrase = text[part[0][0] : part[-1][1]].strip(" .,")
                when = parse_when(phrase, now)
                if when is not None:
                    return when, phrase
    return None
