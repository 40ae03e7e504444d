"""`ConsoleService`: what the web console asks of the core, one transaction per call.

The HTTP side (adapters/console/) knows who is signed in (a person id from its session
cookie) and asks here for everything else. Reading a case is `view_case` of
bot/cases/view.py (audited, refused and audited for who may not read it); an evidence
download is audited; case work from a form is a press on the "console" channel that the
dispatcher runs (`ReportService.handle`: lock, dedupe on the form's id, one transaction,
the same use cases as the Teams cards in bot/cases/actions.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.cases.audit import record_by
from bot.cases.notices import CaseDetails
from bot.cases.view import readable_case, view_case
from bot.console.links import CONSOLE, issue_link, redeem_link
from bot.console.overview import (
    CaseFilter,
    CaseRow,
    DeadlineItem,
    case_rows,
    known_kinds,
    my_deadlines,
    readable_cases,
)
from bot.domain.audit import AuditAction
from bot.domain.records import UNSENT, Person
from bot.ports import Store, TurnHandler
from dialogs.messages import CardAction, ConversationKey, Inbound, Outbound

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaseView:
    """A case page: the details when the person may read it; else why not (`status`
    403 for a case that is not theirs, 404 for one that does not exist)."""

    status: int
    details: CaseDetails | None = None
    text: str = ""


@dataclass(frozen=True)
class EvidenceFile:
    filename: str
    content_type: str
    data: bytes


def console_key(person_id: int) -> ConversationKey:
    """The conversation of a signed-in person on the console: keyed by their person id,
    which only the console's authenticated session hands in (bot/turns.py `resolve`)."""
    return ConversationKey(CONSOLE, CONSOLE, str(person_id))


class ConsoleService:
    def __init__(
        self,
        store: Store,
        turns: TurnHandler,
        clock: Callable[[], datetime],
        link_valid: timedelta,
    ) -> None:
        self.store = store
        self.turns = turns
        self.clock = clock
        self.link_valid = link_valid

    async def person(self, person_id: int) -> Person | None:
        async with self.store.transaction() as tx:
            return await tx.people.person(person_id)

    async def person_for_aad(self, object_id: str) -> Person | None:
        """The person enrolled with this Entra object id (their Teams identity)."""
        async with self.store.transaction() as tx:
            return await tx.people.person_for("teams", "aad", object_id)

    async def person_for_handle(self, handle: str) -> Person | None:
        async with self.store.transaction() as tx:
            return await tx.people.person_for("local", "handle", handle)

    async def issue_link(self, person_id: int) -> str:
        async with self.store.transaction() as tx:
            return await issue_link(tx, person_id, self.clock(), self.link_valid)

    async def redeem_link(self, token: str) -> int | None:
        async with self.store.transaction() as tx:
            return await redeem_link(tx, token, self.clock())

    async def cases(
        self, person: Person, wanted: CaseFilter
    ) -> tuple[list[CaseRow], list[tuple[str, str]]]:
        """The rows of the case list, and the kinds to filter on."""
        async with self.store.transaction() as tx:
            rows = await case_rows(tx, person, wanted, self.clock())
            kinds = known_kinds(await readable_cases(tx, person))
        return rows, kinds

    async def deadlines(self, person: Person) -> list[DeadlineItem]:
        async with self.store.transaction() as tx:
            return await my_deadlines(tx, person, self.clock())

    async def read_case(self, person: Person, reference: str) -> CaseView:
        """The case page's content, audited as a view on the console (or refused and
        audited as such)."""
        async with self.store.transaction() as tx:
            case = await tx.cases.case_by_reference(reference)
            if case is None or case.status in UNSENT:
                return CaseView(404)
            answer = await view_case(tx, person, reference, CONSOLE, self.clock())
        if isinstance(answer.notice, CaseDetails):
            return CaseView(200, answer.notice)
        return CaseView(403, text=answer.text)

    async def evidence(
        self, person: Person, reference: str, evidence_id: int
    ) -> EvidenceFile | CaseView:
        """One evidence file, decrypted, with its download audited; or why not."""
        now = self.clock()
        async with self.store.transaction() as tx:
            case = await tx.cases.case_by_reference(reference)
            if case is None or case.status in UNSENT:
                return CaseView(404)
            found = await readable_case(tx, person, reference, CONSOLE, AuditAction.EVIDENCE, now)
            if isinstance(found, Outbound):
                return CaseView(403, text=found.text)
            files = {f.id: f for f in await tx.cases.evidence(found.id)}
            file = files.get(evidence_id)
            if file is None:
                return CaseView(404)
            data = await tx.cases.evidence_data(file.id)
            await record_by(
                tx, found, person.id, CONSOLE, AuditAction.EVIDENCE, now, {"evidence_id": file.id}
            )
        return EvidenceFile(file.filename, file.content_type, data)

    async def act(
        self, person: Person, verb: str, data: dict[str, object], form_id: str
    ) -> Outbound | None:
        """A form posted on a case page, run as a press of `verb` with `data`. `form_id`
        is the rendered form's own id: a form sent twice is done once (None the second
        time, the dispatcher's dedupe)."""
        inbound = Inbound(
            key=console_key(person.id),
            message_id=f"form:{form_id}",
            action=CardAction(verb, data),
            queue_replies=False,
        )
        replies = await self.turns.handle(inbound)
        return replies[0] if replies else None
