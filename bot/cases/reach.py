"""Who a case reaches: its handlers, else their deputies, else the coordinator VPT.

The escalation chain of a case (bot/domain/permissions.py `in_chain`) as the people
enrolled in it, link by link, keeping only those the bot can reach: someone with a way to
receive a proactive message (a local handle, a Signal uuid bound at their first message,
a Teams chat they opened). A link nobody in it can be reached is empty, and the next one
steps in: so a case never falls through (submission, bot/cases/submit.py; reminders,
bot/jobs/sweep.py), and what each person is told is true to the link they are in.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.domain.records import Person
from bot.domain.routing import SupportRole, deputy_of
from bot.ports import Tx
from bot.text.catalogue import say


class Link(StrEnum):
    HANDLER = "handler"
    DEPUTY = "deputy"
    COORDINATOR = "coordinator"


def reachable(person: Person) -> bool:
    """Whether a proactive message can reach `person` on some channel (bot/cases/notify.py
    `queue_to` never sends to a bare phone number)."""
    return any(i.kind != "phone" and i.reachable for i in person.identities)


@dataclass(frozen=True)
class Chain:
    """The reachable people of each link of one case's chain, in order."""

    links: tuple[tuple[Link, tuple[Person, ...]], ...]

    def of(self, link: Link) -> tuple[Person, ...]:
        return next((people for at, people in self.links if at is link), ())

    @property
    def handler_reached(self) -> bool:
        return bool(self.of(Link.HANDLER))

    def first(self) -> tuple[Link, tuple[Person, ...]] | None:
        """The first link someone in it can be reached; None when nobody can."""
        return next(((link, people) for link, people in self.links if people), None)

    def up_to(self, level: int) -> list[tuple[Link, Person]]:
        """Who a step of escalation `level` goes to: the first reachable link at level 0,
        one more reachable link for each level (the last one stays), each person once."""
        filled = [(link, people) for link, people in self.links if people]
        out: list[tuple[Link, Person]] = []
        seen: set[int] = set()
        for link, people in filled[: min(level, max(len(filled) - 1, 0)) + 1]:
            for person in people:
                if person.id not in seen:
                    seen.add(person.id)
                    out.append((link, person))
        return out


class ChainLookup:
    """Looks up chains in one transaction, each role once (a sweep round asks often)."""

    def __init__(self, tx: Tx) -> None:
        self.tx = tx
        self._by_role: dict[tuple[int, str], tuple[Person, ...]] = {}
        self._coordinators: tuple[Person, ...] | None = None

    async def _with_role(self, org_id: int, role: str) -> tuple[Person, ...]:
        if (org_id, role) not in self._by_role:
            found = await self.tx.people.people_with_role(org_id, role)
            self._by_role[(org_id, role)] = tuple(p for p in found if reachable(p))
        return self._by_role[(org_id, role)]

    async def _coordinator_people(self) -> tuple[Person, ...]:
        if self._coordinators is None:
            found = await self.tx.people.people_with_role_anywhere(SupportRole.COORDINATOR_VPT)
            self._coordinators = tuple(p for p in found if reachable(p))
        return self._coordinators

    async def chain(self, org_id: int, function: str) -> Chain:
        return Chain(
            (
                (Link.HANDLER, await self._with_role(org_id, function)),
                (Link.DEPUTY, await self._with_role(org_id, deputy_of(function))),
                (Link.COORDINATOR, await self._coordinator_people()),
            )
        )


def mid_sentence(title: str) -> str:
    """ "De griffier" as it reads inside a sentence: "de griffier"."""
    return title[:1].lower() + title[1:]


def bare_title(function: str) -> str:
    """The handler function without its article, as after "geen": "griffier"."""
    return mid_sentence(function_title(function).removeprefix("De "))


def function_title(function: str) -> str:
    """The handler function as a sentence starts with it: "De griffier"."""
    return say(f"role_{function}")
