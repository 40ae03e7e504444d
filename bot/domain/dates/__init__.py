"""When an incident happened, as Dutch people type it, resolved in Europe/Amsterdam.

- `parse_when(text, now)`: the answer to "wanneer gebeurde het?" as a `When`, or None.
- `find_when(text, now)`: the first date or time phrase in a longer story, and the phrase.
- `impossible_date(text)`: a day that does not exist ("32 november"), for the reply.

The package, one concept a module: `when` (the value), `answer` (a whole answer:
unknown, series or one phrase), `phrases` (one phrase: the grammar
and its conventions, read its docstring), `holidays` (Dutch holidays by name), `series`
(repeated incidents), `scan` (finding a phrase in a story). How a `When` reads back to the
person is bot/text/format.py `describe_when`.
"""

from __future__ import annotations

from bot.domain.dates.answer import parse_when
from bot.domain.dates.phrases import impossible_date
from bot.domain.dates.scan import find_when
from bot.domain.dates.when import DAY_PARTS, FUTURE_SLACK, PART_HOURS, When

__all__ = [
    "DAY_PARTS",
    "FUTURE_SLACK",
    "PART_HOURS",
    "When",
    "find_when",
    "impossible_date",
    "parse_when",
]
