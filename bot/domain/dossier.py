"""The perpetrator dossier: cases linked as one perpetrator, and who sees what of them.

Pure. Two cases are *suggested* as one perpetrator when their reports share an identifier
(its keyed hash: storage/repos/dossier.py) or when a report follows an earlier one (a
check-in's "er is weer iets gebeurd"). A handler of either case or the coordinator VPT
confirms or rejects the link. A *dossier* is the cases joined by confirmed links; its
timeline shows each case in full to whoever may read it (bot/domain/permissions.py) and
only its date, kind, organisation and status to everyone else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

FOLLOWS = "follows"  # the reason of a link from a report that follows an earlier case


class LinkState(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


@dataclass(frozen=True)
class DossierLink:
    id: int
    case_a: int
    case_b: int
    reason: str  # an IdentifierKind value, or FOLLOWS
    state: str  # LinkState
    suggested_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None

    def other(self, case_id: int) -> int:
        return self.case_b if case_id == self.case_a else self.case_a


def pair(a: int, b: int) -> tuple[int, int]:
    """A link's cases in their stored order (the lower id first)."""
    return (a, b) if a < b else (b, a)


def dossier_of(case_id: int, links: Iterable[DossierLink]) -> set[int]:
    """The cases joined to `case_id` by confirmed links (itself included)."""
    edges: dict[int, set[int]] = {}
    for link in links:
        if link.state == LinkState.CONFIRMED:
            edges.setdefault(link.case_a, set()).add(link.case_b)
            edges.setdefault(link.case_b, set()).add(link.case_a)
    seen = {case_id}
    todo = [case_id]
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen
