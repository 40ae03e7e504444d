"""Trends for the people who need the picture: the coordinator VPT for the whole province,
a handler for their own organisation (bot/domain/trends.py counts; here who sees what,
and the Dutch labels)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from bot.cases.evaluation import is_coordinator
from bot.domain.incident import KINDS
from bot.domain.permissions import is_handler
from bot.domain.records import Person
from bot.domain.routing import OrgKind
from bot.domain.trends import Period, Table, trend_tables
from bot.domain.zone import AMSTERDAM
from bot.errors import UserError
from bot.ports import Tx
from bot.text.catalogue import TEXTS, say


@dataclass(frozen=True)
class Scope:
    """Whose cases a person's trends count: every organisation (`org_id` None) or one."""

    org_id: int | None
    name: str


def scope_of(person: Person) -> Scope | None:
    if is_coordinator(person):
        return Scope(None, say("trend_scope_province"))
    for r in person.roles:
        if is_handler(person, r.org_id):
            return Scope(r.org_id, r.org.name)
    return None


def row_label(table: str, key: str, orgs: dict[str, str]) -> str:
    """How a row of `table` reads in Dutch."""
    for candidate in (
        f"trend_row_{key}",
        f"kind_{key}" if table == "kind" else "",
        f"role_{key}" if table == "role" else "",
        f"trend_orgkind_{key}" if table == "org_kind" else "",
    ):
        if candidate and candidate in TEXTS:
            return say(candidate)
    return orgs.get(key, key)


@dataclass(frozen=True)
class Trends:
    scope: Scope
    period: Period
    threshold: int
    tables: list[Table]
    labels: dict[str, dict[str, str]]  # table key -> row key -> Dutch label

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables if t.key == key), None)


async def trends_for(
    tx: Tx, person: Person, period: Period, now: datetime, threshold: int
) -> Trends:
    """The trend tables `person` may see over `period`; a `UserError` for anyone who
    oversees no cases."""
    scope = scope_of(person)
    if scope is None:
        raise UserError(say("trend_refused"))
    earlier = period.a_year_earlier().start
    since = datetime.combine(earlier, time(), AMSTERDAM)
    facts = await tx.trends.case_facts(since, scope.org_id)
    tables = trend_tables(
        facts, period, now, threshold, kinds=KINDS, org_kinds=tuple(k.value for k in OrgKind)
    )
    orgs = {o.slug: o.name for _, o in await tx.people.organisations()}
    labels = {t.key: {r.key: row_label(t.key, r.key, orgs) for r in t.rows} for t in tables}
    return Trends(scope, period, threshold, tables, labels)
