"""`InsightService`: what the console's trend, evaluation and dossier pages ask of the core,
one transaction per call (bot/cases/trends.py, evaluation.py, dossier.py do the work)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from bot.cases.dossier import Dossier, TimelineItem, decide_link, dossier_for, open_suggestions
from bot.cases.evaluation import (
    evaluable_case,
    open_evaluations,
    parse_evaluation,
    save_evaluation,
)
from bot.cases.trends import Trends, trends_for
from bot.console.links import CONSOLE
from bot.domain.dossier import DossierLink
from bot.domain.evaluation import EvaluationRecord
from bot.domain.records import Person
from bot.domain.trends import Period
from bot.ports import Store


class InsightService:
    def __init__(self, store: Store, clock: Callable[[], datetime], threshold: int) -> None:
        self.store = store
        self.clock = clock
        self.threshold = threshold

    async def trends(self, person: Person, months: int = 12) -> Trends:
        now = self.clock()
        async with self.store.transaction() as tx:
            return await trends_for(tx, person, Period.ending(now, months), now, self.threshold)

    async def evaluation(self, person: Person, reference: str) -> EvaluationRecord | None:
        """The case's evaluation so far (a `UserError` when `person` may not evaluate it)."""
        async with self.store.transaction() as tx:
            case = await evaluable_case(tx, person, reference, CONSOLE, self.clock())
            return await tx.evaluations.evaluation(case.id)

    async def save_evaluation(
        self, person: Person, reference: str, form: Mapping[str, object]
    ) -> EvaluationRecord:
        given = parse_evaluation(form)
        async with self.store.transaction() as tx:
            return await save_evaluation(tx, person, reference, given, CONSOLE, self.clock())

    async def open_evaluations(self, person: Person) -> list[EvaluationRecord]:
        async with self.store.transaction() as tx:
            return await open_evaluations(tx, person)

    async def dossier(self, person: Person, reference: str) -> Dossier:
        async with self.store.transaction() as tx:
            return await dossier_for(tx, person, reference, CONSOLE, self.clock())

    async def suggestions(
        self, person: Person
    ) -> list[tuple[DossierLink, TimelineItem, TimelineItem]]:
        async with self.store.transaction() as tx:
            return await open_suggestions(tx, person)

    async def decide(self, person: Person, link_id: int, confirm: bool) -> DossierLink:
        async with self.store.transaction() as tx:
            return await decide_link(tx, person, link_id, confirm, CONSOLE, self.clock())
