"""The authorisation matrix (issue 11): every (role, action, channel) cell on a fresh case.

Only the case's chain may read or work it: its handler function at its organisation, that
function's deputy there, and the coordinator VPT. For every other role the database is
the same after the attempt as before it, the reply claims no success and shows no
content, and the refused attempt is in the audit trail. For the chain the action really
happens, and the reply says so. A reply claims success exactly when the case changed.

The channels: a Teams card press (an `Inbound` with a `CardAction`, as the Teams adapter
hands it to the dispatcher), a typed command on the local channel, and the operator's
command line with `--by`.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from itertools import count
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.app import Weerbaar
from bot.cases.acknowledge import acknowledge_case
from bot.cases.responses import ResponseInput, record_response
from bot.cli.main import _parser
from bot.domain.audit import AuditAction, AuditEntry
from bot.errors import OperatorError
from dialogs.messages import CardAction, ConversationKey, Inbound
from storage.store import Store
from storage.tables import (
    answers,
    case_deadlines,
    case_events,
    case_notes,
    case_responses,
    case_steps,
    cases,
    outbox,
    reminders,
)
from tests.chat import Chatter, report_lines
from tests.conftest import AppFactory
from tests.people import enrol

STORY = "Hij schold me uit bij de ingang."  # the case's content: never shown to the refused

# role -> (role held, organisation); the reporter is a raadslid of Zeist, so the case goes
# to the griffier of Zeist.
ROLES: dict[str, tuple[str, str] | None] = {
    "handler": ("griffier", "zeist"),
    "other_function_same_org": ("gemeentesecretaris", "zeist"),
    "same_function_other_org": ("griffier", "houten"),
    "deputy": ("plaatsvervanger_griffier", "zeist"),
    "deputy_other_org": ("plaatsvervanger_griffier", "houten"),
    "coordinator": ("coordinator_vpt", "provincie-utrecht"),
    "reporter": ("gemeenteraadslid", "zeist"),  # who reported this case
    "other_reporter": ("gemeenteraadslid", "zeist"),
    "unenrolled": None,
}
ALLOWED = {"handler", "deputy", "coordinator"}
ACTIONS = (
    "view",
    "acknowledge",
    "deadline_done_acknowledge",  # a reminder card's "Gedaan" on the acknowledgement
    "deadline_done",
    "deadline_later",
    "tick_step",
    "response",
    "note",
    "close",
)
CHANNELS = ("teams", "typed", "cli")

# What a reply says only when something was done (the Dutch texts of the use cases).
SUCCESS = (
    "Genoteerd",  # a deadline done or postponed
    "Uitgesteld tot",  # a reminder card's "Later"
    "in behandeling genomen",  # taken in hand
    "is dit gedaan",
    "Vastgelegd:",  # a step or a response recorded
    "Notitie bij",  # a note kept
    "is afgesloten",  # closed
    "Gedaan door",  # a reminder card's done line
)

_ids = count(1)


@dataclass
class Cell:
    app: Weerbaar
    reference: str
    case_id: int
    people: dict[str, int]  # role -> person id


async def _setup(app: Weerbaar, action: str) -> Cell:
    people = {}
    for role, held in ROLES.items():
        if held is None:
            continue
        people[role] = await enrol(
            app, f"Persoon {role}", held, local=f"h-{role}", aad=f"aad-{role}"
        )
    reporter = Chatter(app, "h-reporter")
    await reporter.say(*report_lines(what=STORY))
    done = await reporter.say("verstuur")
    reference = "WB-" + done.split("Je kenmerk is WB-", 1)[1][:6]
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        if action == "close":  # what closing needs: taken in hand, and a response
            await acknowledge_case(tx, people["handler"], reference, app.clock())
            handler = await tx.people.person(people["handler"])
            assert handler is not None
            await record_response(
                tx,
                case,
                handler,
                ResponseInput(kind="incidentgesprek"),
                "local",
                app.policy,
                app.clock(),
            )
    return Cell(app, reference, case.id, people)


async def _state(cell: Cell) -> dict[str, Any]:
    """Everything about the case outside its audit trail, and the notices queued."""
    state: dict[str, Any] = {}
    async with Store(cell.app.db).transaction() as tx:
        conn = tx.conn
        state["case"] = tuple(
            (await conn.execute(select(cases).where(cases.c.id == cell.case_id))).one()
        )
        for table in (
            answers,
            case_deadlines,
            reminders,
            case_events,
            case_steps,
            case_responses,
            case_notes,
        ):
            rows = await conn.execute(
                select(table).where(table.c.case_id == cell.case_id).order_by(table.c.id)
            )
            state[table.name] = [tuple(r) for r in rows]
        # Notices (to the reporter, informed parties, card refreshes) carry a dedupe key;
        # a turn's own reply does not.
        state["notices"] = (
            await conn.execute(select(func.count()).where(outbox.c.dedupe_key.is_not(None)))
        ).scalar_one()
    return state


async def _audit(cell: Cell) -> list[AuditEntry]:
    async with cell.app.store.transaction() as tx:
        return await tx.audit.for_case(cell.case_id)


def _press(cell: Cell, action: str) -> tuple[str, dict[str, object]]:
    ref = cell.reference
    presses: dict[str, tuple[str, dict[str, object]]] = {
        "view": ("view_case", {"reference": ref}),
        "acknowledge": ("acknowledge", {"reference": ref}),
        "deadline_done_acknowledge": (
            "deadline_done",
            {"reference": ref, "deadline": "acknowledge", "step": "escalation_1"},
        ),
        "deadline_done": ("deadline_done", {"reference": ref, "deadline": "measures"}),
        "deadline_later": (
            "deadline_later",
            {"reference": ref, "deadline": "measures", "reason": "wacht op de politie"},
        ),
        "tick_step": ("tick_step", {"reference": ref, "step": "1", "value": ""}),
        "response": (
            "record_response",
            {"reference": ref, "response": "incidentgesprek", "until": "", "note": ""},
        ),
        "note": ("add_note", {"reference": ref, "note": "belde met de wijkagent"}),
        "close": (
            "close_case",
            {"reference": ref, "no_response": "", "reason": "", "override": ""},
        ),
    }
    return presses[action]


def _typed(cell: Cell, action: str) -> str:
    ref = cell.reference
    return {
        "view": f"toon {ref}",
        "acknowledge": f"gedaan {ref} ontvangst",
        "deadline_done_acknowledge": f"klaar {ref} ontvangst",
        "deadline_done": f"gedaan {ref} maatregelen",
        "deadline_later": f"later {ref} maatregelen wacht op de politie",
        "tick_step": f"stap {ref} 1",
        "response": f"reactie {ref} incidentgesprek",
        "note": f"notitie {ref} belde met de wijkagent",
        "close": f"sluit {ref}",
    }[action]


def _cli(cell: Cell, action: str, by: str) -> list[str]:
    ref = cell.reference
    record = ["cases", "record", ref]
    return {
        "view": ["cases", "show", ref],
        "acknowledge": [*record, "done", "acknowledge"],
        "deadline_done_acknowledge": [*record, "done", "ontvangst"],
        "deadline_done": [*record, "done", "measures"],
        "deadline_later": [*record, "later", "measures", "wacht", "op", "de", "politie"],
        "tick_step": [*record, "step", "1"],
        "response": [*record, "response", "incidentgesprek"],
        "note": [*record, "note", "belde", "met", "de", "wijkagent"],
        "close": ["cases", "close", ref],
    }[action] + ["--by", by]


async def _act(cell: Cell, role: str, action: str, channel: str) -> tuple[str, int]:
    """Do the action as `role` on `channel`; returns the reply and an exit code (the
    command line's; 0 for a chat)."""
    if channel == "teams":
        verb, data = _press(cell, action)
        inbound = Inbound(
            key=ConversationKey("teams", "tenant", f"aad-{role}"),
            message_id=f"press-{next(_ids)}",
            action=CardAction(verb, data, card_message_id=None),
            queue_replies=False,
        )
        return "\n".join(m.text for m in await cell.app.handle(inbound)), 0
    if channel == "typed":
        inbound = Inbound(
            key=ConversationKey("local", "local", f"h-{role}"),
            message_id=f"typed-{next(_ids)}",
            text=_typed(cell, action),
        )
        return "\n".join(m.text for m in await cell.app.handle(inbound)), 0
    args = _parser().parse_args(_cli(cell, action, f"h-{role}"))
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            code = await args.run(cell.app, args)
    except OperatorError as error:
        return f"{out.getvalue()}\nerror: {error}", 2
    return out.getvalue(), code


CELLS = [
    pytest.param(role, action, channel, id=f"{channel}-{action}-{role}")
    for channel in CHANNELS
    for action in ACTIONS
    for role in ROLES
]


@pytest.mark.parametrize(("role", "action", "channel"), CELLS)
async def test_authorisation_cell(
    make_app: AppFactory, sqlite_url: str, role: str, action: str, channel: str
) -> None:
    app = await make_app(sqlite_url, demo=False)
    cell = await _setup(app, action)
    before, audit_before = await _state(cell), await _audit(cell)
    reply, code = await _act(cell, role, action, channel)
    after, audit_after = await _state(cell), await _audit(cell)
    new_audit = audit_after[len(audit_before) :]
    changed = before != after
    claims = [marker for marker in SUCCESS if marker in reply]
    shown = STORY in reply

    if role not in ALLOWED:
        assert not changed, f"{role} changed the case: {reply}"
        assert not claims, f"{role} was told {claims}: {reply}"
        assert not shown, f"{role} saw the case: {reply}"
        if channel == "cli":
            assert code == 2 and reply.count("error:") == 1
        person = cell.people.get(role)
        if channel != "typed" or role in (
            "other_function_same_org",
            "same_function_other_org",
            "deputy_other_org",
        ):
            # The refused attempt is audited (a typed command by someone who is no staff
            # at all is only text in their chat: no command was tried).
            if channel == "cli" and person is None:
                assert new_audit == []  # no such person: nobody to put down
            else:
                refusals = [e for e in new_audit if e.action == AuditAction.REFUSED]
                assert [e.person_id for e in refusals] == [person], new_audit
        assert all(e.action == AuditAction.REFUSED for e in new_audit), new_audit
        return

    assert code == 0, reply
    if action == "view":
        assert shown and not changed, reply
        assert [e.action for e in new_audit] == [AuditAction.VIEW]
        assert new_audit[0].person_id == cell.people[role]
        return
    assert changed, f"{role} {action} over {channel} changed nothing: {reply}"
    if channel != "cli":  # the command line speaks English to the operator
        assert claims, f"{role} {action} changed the case but the reply does not say so: {reply}"
    assert new_audit and all(e.person_id == cell.people[role] for e in new_audit), new_audit
    assert all(e.action != AuditAction.REFUSED for e in new_audit), new_audit
    if channel == "cli":
        assert all(e.actor_id is None and e.on_behalf_of == cell.people[role] for e in new_audit)
