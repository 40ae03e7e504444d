"""Trends over generated reports, on SQLite and PostgreSQL: the numbers equal what the
test counts itself over the same period, small counts are held back, and no story, name
or identifier reaches a table."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.app import Weerbaar
from bot.cases.trends import trends_for
from bot.domain.trends import Period, column, month_of
from bot.errors import UserError
from tests.conftest import AppFactory
from tests.insight.generate import MARKER_NAME, MARKER_PHONE, MARKER_STORY, Made, generate


async def _person(app: Weerbaar, handle: str):  # type: ignore[no-untyped-def]
    async with app.store.transaction() as tx:
        found = await tx.people.person_for("local", "handle", handle)
    assert found is not None
    return found


@pytest.fixture
async def generated(make_app: AppFactory, database_url: str) -> tuple[Weerbaar, list[Made]]:
    app = await make_app(database_url)
    return app, await generate(app, 240)


def expected(made: list[Made], period: Period, group: str) -> dict[str, dict[str, int]]:
    """Counts per row key and month column, computed here from what was generated."""
    counts: dict[str, Counter[str]] = {}
    for m in made:
        if not period.holds(m.incident):
            continue
        col = column(month_of(m.incident))
        keys = {
            "kind": list(m.kinds),
            "org": [m.org],
            "org_kind": [m.org_kind],
            "role": [m.role],
            "online": ["online" if "online" in m.kinds else "offline"],
            "aangifte": ["with" if m.aangifte else "without"],
            "serious": ["serious" if m.serious else "not_serious"],
        }[group]
        for key in keys:
            counts.setdefault(key, Counter())[col] += 1
    return {k: dict(v) for k, v in counts.items()}


def shown(count: int, threshold: int = 5) -> str:
    return f"< {threshold}" if 0 < count < threshold else str(count)


async def test_the_numbers_equal_a_count_of_the_same_period(
    generated: tuple[Weerbaar, list[Made]],
) -> None:
    app, made = generated
    lotte = await _person(app, "coordinator")
    period = Period.ending(app.clock(), 12)
    async with app.store.transaction() as tx:
        found = await trends_for(tx, lotte, period, app.clock(), 5)
    held_back = 0
    for group in ("kind", "org", "org_kind", "role", "online", "aangifte", "serious"):
        table = found.table(group)
        assert table is not None
        want = expected(made, period, group)
        for row in table.rows:
            per = want.get(row.key, {})
            assert [c.shown for c in row.cells] == [
                shown(per.get(col, 0)) for col in table.columns
            ], (group, row.key)
            assert row.total.shown == shown(sum(per.values()))
            held_back += sum(1 for c in row.cells if c.suppressed)
            # A held-back count keeps no number (the chart and the CSV take `value`).
            assert all(c.value is None for c in row.cells if c.suppressed)
        assert set(want) <= {r.key for r in table.rows}
    assert held_back > 0  # the data has small counts, and they were held back
    year = found.table("year")
    assert year is not None
    rows = {r.key: r for r in year.rows}
    in_period = sum(1 for m in made if period.holds(m.incident))
    a_year_earlier = sum(1 for m in made if period.a_year_earlier().holds(m.incident))
    assert rows["this_period"].total.shown == shown(in_period)
    assert rows["year_earlier"].total.shown == shown(a_year_earlier)
    text = repr(found)
    for marker in (MARKER_STORY, MARKER_NAME, MARKER_PHONE):
        assert marker not in text


async def test_a_handler_sees_their_own_organisation_and_others_none(
    generated: tuple[Weerbaar, list[Made]],
) -> None:
    app, made = generated
    period = Period.ending(app.clock(), 24)
    gerda = await _person(app, "griffier-zeist")
    bram = await _person(app, "bram")
    async with app.store.transaction() as tx:
        found = await trends_for(tx, gerda, period, app.clock(), 1)
        with pytest.raises(UserError):
            await trends_for(tx, bram, period, app.clock(), 5)
    org = found.table("org")
    assert org is not None and [r.key for r in org.rows] == ["zeist"]
    assert org.rows[0].total.shown == str(
        sum(1 for m in made if m.org == "zeist" and period.holds(m.incident))
    )
