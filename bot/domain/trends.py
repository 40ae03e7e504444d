"""Trends over cases: the counts the coordinator VPT and an organisation look at.

Pure. Storage hands in one `CaseFacts` per submitted case, holding only plain facts that
name nobody (month, organisation, kinds, role, flags, times; storage/repos/insight.py);
`trend_tables` counts them per month of the period into `Table`s. Counts from 1 up to
the threshold (a setting, default 5) could point at a person in a small organisation:
`cell` shows them as "< 5" and keeps the number out (`value` None), so the chart, the
table and the CSV (adapters/console/) never carry it.

Not done: complementary suppression. A held-back cell can sometimes be worked out from the
numbers shown beside it (a row's total less its other months, or a month's total in the
"year" table less the other rows of another table). A threshold of 5 keeps single counts
from standing out; for stronger protection widen the period or raise the threshold.

Rows and columns are keys (a kind, a role, "2026-03"); the use case
(bot/cases/trends.py) puts the Dutch labels on them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from statistics import median

from bot.domain.zone import AMSTERDAM

ONLINE_KIND = "online"  # bot/domain/incident.py KINDS: the report's "online" kind


@dataclass(frozen=True)
class DeadlineFact:
    kind: str
    due_at: datetime
    done_at: datetime | None


@dataclass(frozen=True)
class CaseFacts:
    """What a trend may know of one case: nothing anyone typed, no name, no reference."""

    org: str  # the organisation's slug
    org_kind: str  # province, municipality, water_board
    role: str | None
    kinds: tuple[str, ...]
    serious: bool
    aangifte: bool  # step 4 of the annex recorded an aangifte
    incident_at: datetime | None
    submitted_at: datetime
    acknowledged_at: datetime | None
    closed_at: datetime | None
    deadlines: tuple[DeadlineFact, ...] = ()

    @property
    def at(self) -> datetime:
        """When it counts: the incident, or the submission when the time is not known."""
        return self.incident_at or self.submitted_at

    @property
    def online(self) -> bool:
        return ONLINE_KIND in self.kinds


def month_of(moment: datetime) -> date:
    local = moment.astimezone(AMSTERDAM)
    return date(local.year, local.month, 1)


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """Whole months: `months` of them, the first being `start` (a first of the month)."""

    start: date
    months: int = 12

    def __post_init__(self) -> None:
        if self.start.day != 1 or not 1 <= self.months <= 60:
            raise ValueError("a period is 1 to 60 whole months")

    @classmethod
    def ending(cls, now: datetime, months: int = 12) -> Period:
        """The `months` months up to and including the month of `now`."""
        return cls(add_months(month_of(now), -(months - 1)), months)

    @property
    def month_list(self) -> list[date]:
        return [add_months(self.start, i) for i in range(self.months)]

    @property
    def end(self) -> date:
        """The first day after the period."""
        return add_months(self.start, self.months)

    def holds(self, moment: datetime) -> bool:
        return self.start <= month_of(moment) < self.end

    def a_year_earlier(self) -> Period:
        return Period(add_months(self.start, -12), self.months)


@dataclass(frozen=True)
class Cell:
    value: float | None  # None: nothing to show, or held back (a small count)
    shown: str
    suppressed: bool = False


def cell(count: int, threshold: int) -> Cell:
    """A count as shown: "< 5" from 1 up to below `threshold`, with the number held back."""
    if 0 < count < threshold:
        return Cell(None, f"< {threshold}", True)
    return Cell(count, str(count))


@dataclass(frozen=True)
class Row:
    key: str
    cells: tuple[Cell, ...]
    total: Cell


@dataclass(frozen=True)
class Table:
    key: str  # what it counts: "org_kind", "kind", ...
    columns: tuple[str, ...]  # "2026-03", ...
    rows: tuple[Row, ...]
    unit: str = "count"  # count, hours
    notes: tuple[str, ...] = field(default=())


def column(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def _count_table(
    key: str,
    facts: Sequence[CaseFacts],
    period: Period,
    groups: Callable[[CaseFacts], Iterable[str]],
    threshold: int,
    order: Sequence[str] = (),
) -> Table:
    months = period.month_list
    counts: dict[str, dict[date, int]] = {k: {} for k in order}
    for f in facts:
        if not period.holds(f.at):
            continue
        m = month_of(f.at)
        for g in groups(f):
            per = counts.setdefault(g, {})
            per[m] = per.get(m, 0) + 1
    rows = tuple(
        Row(
            g,
            tuple(cell(per.get(m, 0), threshold) for m in months),
            cell(sum(per.values()), threshold),
        )
        for g, per in counts.items()
    )
    return Table(key, tuple(column(m) for m in months), rows)


def _hours(start: datetime, end: datetime | None) -> float | None:
    return None if end is None else max(0.0, (end - start).total_seconds() / 3600)


def _median_row(
    key: str,
    facts: Sequence[CaseFacts],
    period: Period,
    end: Callable[[CaseFacts], datetime | None],
    threshold: int,
) -> tuple[Row, Row]:
    """The median hours from submission to `end` per month of submission, and how many
    cases it is over; a median over fewer than `threshold` cases is held back."""
    months = period.month_list
    per: dict[date, list[float]] = {m: [] for m in months}
    for f in facts:
        if period.holds(f.submitted_at):
            hours = _hours(f.submitted_at, end(f))
            if hours is not None:
                per[month_of(f.submitted_at)].append(hours)

    def med(values: list[float]) -> Cell:
        if not values:
            return Cell(None, "-")
        if len(values) < threshold:
            return Cell(None, "-", True)
        m = round(median(values), 1)
        return Cell(m, f"{m:g}")

    every = [h for m in months for h in per[m]]
    return (
        Row(key, tuple(med(per[m]) for m in months), med(every)),
        Row(
            f"{key}_n",
            tuple(cell(len(per[m]), threshold) for m in months),
            cell(len(every), threshold),
        ),
    )


def _deadline_table(
    facts: Sequence[CaseFacts], period: Period, now: datetime, threshold: int
) -> Table:
    """Deadlines falling due in each month: met (done by the due time), late (done after
    it), missed (past due and still open). One still open and not yet due is not counted."""
    months = period.month_list
    counts = {k: {m: 0 for m in months} for k in ("met", "late", "missed")}
    for f in facts:
        for d in f.deadlines:
            if not period.holds(d.due_at):
                continue
            m = month_of(d.due_at)
            if d.done_at is not None:
                counts["met" if d.done_at <= d.due_at else "late"][m] += 1
            elif d.due_at < now:
                counts["missed"][m] += 1
    rows = tuple(
        Row(k, tuple(cell(per[m], threshold) for m in months), cell(sum(per.values()), threshold))
        for k, per in counts.items()
    )
    return Table("deadlines", tuple(column(m) for m in months), rows)


def _year_table(facts: Sequence[CaseFacts], period: Period, threshold: int) -> Table:
    """This period and the same months a year earlier, and the change in percent."""
    earlier = period.a_year_earlier()
    now_counts = {m: 0 for m in period.month_list}
    then_counts = {m: 0 for m in earlier.month_list}
    for f in facts:
        m = month_of(f.at)
        if m in now_counts:
            now_counts[m] += 1
        elif m in then_counts:
            then_counts[m] += 1
    total_now, total_then = sum(now_counts.values()), sum(then_counts.values())

    def change(a: int, b: int) -> Cell:
        if b == 0 or a < threshold or b < threshold:
            return Cell(None, "-")
        pct = round(100 * (a - b) / b)
        return Cell(pct, f"{pct:+d}%")

    months = period.month_list
    then_months = earlier.month_list
    return Table(
        "year",
        tuple(column(m) for m in months),
        (
            Row(
                "this_period",
                tuple(cell(now_counts[m], threshold) for m in months),
                cell(total_now, threshold),
            ),
            Row(
                "year_earlier",
                tuple(cell(then_counts[m], threshold) for m in then_months),
                cell(total_then, threshold),
            ),
            Row(
                "change",
                tuple(
                    change(now_counts[a], then_counts[b])
                    for a, b in zip(months, then_months, strict=True)
                ),
                change(total_now, total_then),
            ),
        ),
    )


def trend_tables(
    facts: Sequence[CaseFacts],
    period: Period,
    now: datetime,
    threshold: int = 5,
    kinds: Sequence[str] = (),
    org_kinds: Sequence[str] = (),
) -> list[Table]:
    """Every trend table of the guideline's registration, over `period`."""
    hours_ack = _median_row("ack_hours", facts, period, lambda f: f.acknowledged_at, threshold)
    hours_close = _median_row("close_hours", facts, period, lambda f: f.closed_at, threshold)
    months = tuple(column(m) for m in period.month_list)
    return [
        _year_table(facts, period, threshold),
        _count_table("org_kind", facts, period, lambda f: [f.org_kind], threshold, org_kinds),
        _count_table("org", facts, period, lambda f: [f.org], threshold),
        _count_table("kind", facts, period, lambda f: f.kinds, threshold, kinds),
        _count_table("role", facts, period, lambda f: [f.role or "unknown"], threshold),
        _count_table(
            "online",
            facts,
            period,
            lambda f: ["online" if f.online else "offline"],
            threshold,
            ("online", "offline"),
        ),
        _count_table(
            "aangifte",
            facts,
            period,
            lambda f: ["with" if f.aangifte else "without"],
            threshold,
            ("with", "without"),
        ),
        _count_table(
            "serious",
            facts,
            period,
            lambda f: ["serious" if f.serious else "not_serious"],
            threshold,
            ("serious", "not_serious"),
        ),
        Table("times", months, (*hours_ack, *hours_close), unit="hours"),
        _deadline_table(facts, period, now, threshold),
    ]
