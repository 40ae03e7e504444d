"""The operator's commands behind `weerbaar` (see bot/cli/main.py for their arguments)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from pydantic import ValidationError

from bot.cases.audit import record_by, refused, viewed_by
from bot.cases.closing import CloseInput, CloseRefused, close_case, queue_summary, summary_text
from bot.cases.responses import CaseWorkRefused, ResponseInput, add_note, record_response
from bot.cases.steps import tick_step
from bot.cases.view import case_details
from bot.cases.view_text import case_work_text
from bot.cli.demo import seed_demo
from bot.domain.audit import CLI, SYSTEM, AuditAction
from bot.domain.closing import Response
from bot.domain.deadlines import DeadlineKind
from bot.domain.permissions import is_handler, is_staff, may_act, may_read
from bot.domain.routing import ALL_ROLES, role_fits
from bot.errors import OperatorError
from bot.reference.loader import find_organisation
from bot.settings import Settings, SettingsError
from bot.text.catalogue import say
from bot.text.format import short_moment, stamp
from bot.turns import normalise_phone

if TYPE_CHECKING:
    from bot.app import Weerbaar
    from bot.domain.records import CaseRecord, Person
    from bot.ports import Tx


def load_settings() -> Settings:
    """The settings, or one clear line saying which one is wrong."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        message = str(first.get("msg", "")).removeprefix("Value error, ")
        raise OperatorError(f"{where}: {message}" if where else message) from exc
    except SettingsError as exc:
        raise OperatorError(str(exc)) from exc


def _role(text: str) -> str:
    wanted = text.strip().lower().replace(" ", "_").replace("-", "_")
    aliases = {
        "raadslid": "gemeenteraadslid",
        "cdk": "commissaris_van_de_koning",
        "coordinator": "coordinator_vpt",
        "coördinator_vpt": "coordinator_vpt",
    }
    wanted = aliases.get(wanted, wanted)
    if wanted not in ALL_ROLES:
        raise OperatorError(f"Unknown role '{text}'. Valid roles: {', '.join(ALL_ROLES)}.")
    return wanted


async def chat(app: Weerbaar, args: argparse.Namespace, beside_web: bool = False) -> int:
    from adapters.local import LocalChat, threaded_readline, utf8_terminal

    utf8_terminal(sys.stdin, sys.stdout)
    session = LocalChat(app, args.handle)
    if not await session.enrolled():
        raise OperatorError(
            f"No one is enrolled with local handle '{args.handle}'. "
            "See 'weerbaar people list', or enrol with 'weerbaar people add ... --local "
            f"{args.handle}'."
        )
    read = threaded_readline if beside_web else None
    await session.run(sys.stdin, interactive=sys.stdin.isatty(), read=read)
    return 0


async def demo(app: Weerbaar, args: argparse.Namespace) -> int:
    async with app.store.transaction() as tx:
        added = await seed_demo(tx, app.clock())
    print(
        f"Demo people loaded ({len(added)} new). Database: {app.settings.resolved_database_url()}",
        file=sys.stderr,
    )
    if args.chat:
        print(
            f"Chatting as '{args.chat}'. Other demo handles: anna (burgemeester), bram "
            "(raadslid), sanne (two roles), dirk (dijkgraaf), griffier-zeist, "
            "secretaris-utrecht.",
            file=sys.stderr,
        )
        args.handle = args.chat
        from adapters.http import browser_chat

        runner = await browser_chat(app)
        if runner is not None:
            print(
                f"Or chat in your browser: {app.settings.console_base_url}/console/chat"
                f"?als={args.chat}",
                file=sys.stderr,
            )
        try:
            return await chat(app, args, beside_web=runner is not None)
        finally:
            if runner is not None:
                await runner.cleanup()
    return 0


async def console_link(app: Weerbaar, args: argparse.Namespace) -> int:
    """A single-use link that signs the person in to the web console (who works cases)."""
    from bot.console.links import issue_link, link_url

    async with app.store.transaction() as tx:
        person = await _person(tx, args.handle)
        if not is_staff(person):
            raise OperatorError(
                f"'{args.handle}' works no cases (not a handler, deputy or coordinator): "
                "the console is for them."
            )
        valid = timedelta(minutes=app.settings.console_link_minutes)
        token = await issue_link(tx, person.id, app.clock(), valid)
    print(link_url(app.settings.console_base_url, token))
    print(
        f"Valid once, for {app.settings.console_link_minutes:g} minutes, for {person.name}.",
        file=sys.stderr,
    )
    return 0


async def migrate(app: Weerbaar, _args: argparse.Namespace) -> int:
    print("Database is at the newest schema.", file=sys.stderr)
    return 0


async def serve(app: Weerbaar, _args: argparse.Namespace) -> int:
    from adapters.http import serve_forever

    await serve_forever(app)
    return 0


async def orgs_list(app: Weerbaar, _args: argparse.Namespace) -> int:
    async with app.store.transaction() as tx:
        for _id, org in await tx.people.organisations():
            print(f"{org.slug:45} {org.kind.value:11} {org.name}")
    return 0


async def people_add(app: Weerbaar, args: argparse.Namespace) -> int:
    roles = [_role(r) for r in args.role]
    async with app.store.transaction() as tx:
        orgs = [org for _id, org in await tx.people.organisations()]
        org = find_organisation(orgs, args.org)
        if org is None:
            raise OperatorError(
                f"Unknown organisation '{args.org}'. Valid: "
                + ", ".join(o.slug for o in orgs)
                + "."
            )
        for role in roles:
            if not role_fits(role, org.kind):
                raise OperatorError(f"A {role} does not belong to a {org.kind.value} ({org.name}).")
        if not (args.local or args.signal or args.teams):
            raise OperatorError(
                "Give at least one way to reach this person: --local, --signal or --teams."
            )
        phone = None
        if args.signal:
            phone = normalise_phone(args.signal)
            if phone is None:
                raise OperatorError(f"'{args.signal}' is not a valid phone number.")
        org_id = await tx.people.organisation_id(org.slug)
        assert org_id is not None
        pid = await tx.people.add_person(args.name.strip(), app.clock())
        for role in roles:
            await tx.people.add_role(pid, role, org_id)
        for channel, kind, address in (
            ("local", "handle", args.local),
            ("signal", "phone", phone),
            ("teams", "aad", args.teams),
        ):
            if address and not await tx.people.add_identity(pid, channel, kind, address):
                raise OperatorError(f"The {channel} address '{address}' belongs to someone else.")
    print(f"Enrolled person {pid}: {', '.join(roles)} at {org.name}.")
    return 0


async def people_list(app: Weerbaar, _args: argparse.Namespace) -> int:
    async with app.store.transaction() as tx:
        for p in await tx.people.everyone():
            roles = "; ".join(f"{r.role} @ {r.org.slug}" for r in p.roles) or "(no roles)"
            ways = []
            for i in p.identities:
                label = f"{i.channel}:{i.address}"
                if i.channel == "teams" and not i.reachable:
                    label += " (not yet reachable in Teams: never talked to the bot)"
                ways.append(label)
            kind = "handler" if is_handler(p) else "reporter"
            print(f"{p.id:4}  {p.name:28} {kind:9} {roles}  [{', '.join(ways)}]")
    return 0


async def people_remove(app: Weerbaar, args: argparse.Namespace) -> int:
    async with app.store.transaction() as tx:
        pid = (
            int(args.who)
            if args.who.isdigit()
            else await tx.people.find_person_id("local", "handle", args.who)
        )
        if pid is None or not await tx.people.remove_person(pid):
            raise OperatorError(f"No person '{args.who}'.")
    print(f"Removed person {pid}. Their reports stay registered.")
    return 0


async def cases_list(app: Weerbaar, args: argparse.Namespace) -> int:
    async with app.store.transaction() as tx:
        org_id = None
        if args.org:
            org = find_organisation([o for _i, o in await tx.people.organisations()], args.org)
            if org is None:
                raise OperatorError(f"Unknown organisation '{args.org}'.")
            org_id = await tx.people.organisation_id(org.slug)
        found = await tx.cases.list_cases(org_id, include_drafts=args.drafts)
    if not found:
        print("No cases yet.")
    for case in found:
        when = stamp(case.submitted_at, zone=UTC)
        org_name = case.org.name if case.org else "-"
        print(
            f"{case.reference}  {case.status:12} {when}  {case.role or '-':22} "
            f"{org_name:28} -> {case.handler_function or '-'}"
            f"{'  ' + say('cases_list_serious') if case.serious else ''}"
        )
    return 0


async def cases_show(app: Weerbaar, args: argparse.Namespace) -> int:
    """The whole case, for the person `--by` names (who must be allowed to read it); the
    view is audited."""
    from bot.cli.case_view import render_case

    now = app.clock()
    async with _refusals_audited(app):
        async with app.store.transaction() as tx:
            case = await tx.cases.case_by_reference(args.reference)
            if case is None:
                raise OperatorError(f"No case with reference '{args.reference}'.")
            actor = await _person(tx, args.by)
            if not may_read(actor, case):
                raise _Refused(case, actor, AuditAction.VIEW)
            await record_by(tx, case, actor.id, CLI, AuditAction.VIEW, now)
            answers = await tx.dialogs.answers(case.id)
            files = await tx.cases.evidence(case.id)
            events = await tx.cases.events(case.id)
            deadlines = await tx.deadlines.deadlines(case.id)
            seen = await viewed_by(tx, case.id)
            work = await case_details(tx, case, now)
    print(render_case(case, answers, files, events, now, deadlines))
    print()
    print(case_work_text(work))
    print("Seen by: " + ", ".join(f"{name} ({stamp(at)})" for name, at in seen))
    return 0


async def cases_audit(app: Weerbaar, args: argparse.Namespace) -> int:
    """The case's audit trail in order, in Amsterdam time: who saw or did what, where."""
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(args.reference)
        if case is None:
            raise OperatorError(f"No case with reference '{args.reference}'.")
        entries = await tx.audit.for_case(case.id)
    if not entries:
        print(f"{case.reference}: nothing in the audit trail yet.")
    for e in entries:
        if e.actor_id is None and e.on_behalf_of is not None:
            who = f"operator for {e.on_behalf_name or '?'} (#{e.on_behalf_of})"
        elif e.actor_id is not None:
            who = f"{e.actor_name or '?'} (#{e.actor_id})"
        else:
            who = "(not enrolled)" if e.channel != SYSTEM else "(the bot)"
        detail = " ".join(f"{k}={v}" for k, v in (e.detail or {}).items())
        print(f"{stamp(e.at)}  {e.action:15} {e.channel:7} {who}{'  ' + detail if detail else ''}")
    return 0


class _Refused(OperatorError):
    """`--by` names someone who may not do this with the case: one clear line, and the
    attempt is audited (in a transaction of its own, since the command's is rolled back)."""

    def __init__(self, case: CaseRecord, person: Person, attempt: AuditAction) -> None:
        super().__init__(
            f"{person.name} is not a handler, deputy or coordinator VPT for "
            f"{case.reference} ({case.handler_function} at "
            f"{case.org.name if case.org else '-'})."
        )
        self.case_id, self.person_id, self.attempt = case.id, person.id, attempt


@asynccontextmanager
async def _refusals_audited(app: Weerbaar) -> AsyncIterator[None]:
    try:
        yield
    except _Refused as exc:
        async with app.store.transaction() as tx:
            await refused(tx, exc.case_id, exc.person_id, CLI, exc.attempt, app.clock())
        raise


async def _person(tx: Tx, by: str) -> Person:
    """The person `--by` names: a person id or a local handle."""
    actor_id = int(by) if by.isdigit() else await tx.people.find_person_id("local", "handle", by)
    actor = await tx.people.person(actor_id) if actor_id is not None else None
    if actor is None:
        raise OperatorError(f"No person '{by}' (give a person id or a local handle).")
    return actor


def _date(text: str) -> date:
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise OperatorError(f"'{text}' is not a date: use YYYY-MM-DD, for example 2026-12-18.")


async def _case_and_actor(
    tx: Tx, reference: str, by: str, attempt: AuditAction
) -> tuple[CaseRecord, Person]:
    """The submitted case `reference` and the person `by` (an id or a local handle), who
    must be its handler, a deputy or the coordinator VPT (else `_Refused`)."""
    case = await tx.cases.case_by_reference(reference)
    if case is None or case.status in ("draft", "discarded"):
        raise OperatorError(f"No submitted case with reference '{reference}'.")
    actor = await _person(tx, by)
    if not may_act(actor, case):
        raise _Refused(case, actor, attempt)
    return case, actor


_RECORD_ATTEMPT = {
    "incident-talk": AuditAction.INCIDENT_TALK,
    "measures-end": AuditAction.MEASURES_END,
    "response": AuditAction.RESPONSE,
    "step": AuditAction.STEP,
    "note": AuditAction.NOTE,
    "done": AuditAction.DEADLINE_DONE,
    "later": AuditAction.DEADLINE_LATER,
}


async def cases_record(app: Weerbaar, args: argparse.Namespace) -> int:
    """A handler records what happened on a case: a planned incident talk, the end date
    of restrictive measures, or a deadline done / postponed."""
    from bot.cases import deadlines as r

    now = app.clock()
    async with _refusals_audited(app), app.store.transaction() as tx:
        case, actor = await _case_and_actor(tx, args.reference, args.by, _RECORD_ATTEMPT[args.what])
        rest = list(args.rest)
        try:
            if args.what == "incident-talk":
                due = await r.record_incident_talk(tx, case, actor.id, app.policy, now)
                await record_by(
                    tx,
                    case,
                    actor.id,
                    CLI,
                    AuditAction.INCIDENT_TALK,
                    now,
                    {"due": due.isoformat()},
                )
                print(f"{case.reference}: incident talk planned; due {short_moment(due)}.")
            elif args.what == "response":
                if len(rest) != 1:
                    raise OperatorError(
                        "Say which response: response KIND, one of: "
                        + ", ".join(x.value for x in Response)
                        + "."
                    )
                given = ResponseInput(
                    rest[0],
                    args.measure,
                    _date(args.until) if args.until else None,
                    args.damages,
                    args.note,
                )
                await record_response(tx, case, actor, given, CLI, app.policy, now)
                print(f"{case.reference}: response toward the perpetrator recorded ({rest[0]}).")
            elif args.what == "step":
                if not rest or len(rest) > 2:
                    raise OperatorError(
                        "Say which step: step N [VALUE], N one of 1-9, hulpofficier."
                    )
                ticked = await tick_step(
                    tx, case, actor, rest[0], rest[1] if len(rest) > 1 else None, CLI, now
                )
                if not ticked.changed:
                    raise OperatorError(ticked.text)
                print(f"{case.reference}: step {rest[0]} recorded.")
            elif args.what == "note":
                await add_note(tx, case, actor, " ".join(rest), CLI, now)
                print(f"{case.reference}: note added.")
            elif args.what == "measures-end":
                if len(rest) != 1:
                    raise OperatorError(
                        "Give the end date of the measures: measures-end YYYY-MM-DD."
                    )
                due = await r.record_measures_end(
                    tx, case, _date(rest[0]), actor.id, app.policy, now
                )
                await record_by(
                    tx, case, actor.id, CLI, AuditAction.MEASURES_END, now, {"due": due.isoformat()}
                )
                print(f"{case.reference}: recovery talk due {short_moment(due)}.")
            else:
                if not rest:
                    raise OperatorError(
                        f"Say which deadline: {args.what} KIND, one of: "
                        + ", ".join(k.value for k in DeadlineKind)
                        + "."
                    )
                outcome = await r.apply_deadline_action(
                    tx,
                    actor.id,
                    case.reference,
                    rest[0],
                    args.what,
                    " ".join(rest[1:]),
                    app.policy,
                    now,
                    CLI,
                )
                if not outcome.ok:
                    raise OperatorError(outcome.text)
                print(outcome.text)
        except (r.ActionError, CaseWorkRefused) as exc:
            raise OperatorError(exc.reply) from exc
    return 0


async def cases_close(app: Weerbaar, args: argparse.Namespace) -> int:
    """Close a case under the basisafspraak (bot/cases/closing.py), as the handler `--by`
    names; the handler gets the closing summary in their chat too."""
    refusal: CloseRefused | None = None
    async with _refusals_audited(app), app.store.transaction() as tx:
        case, actor = await _case_and_actor(tx, args.reference, args.by, AuditAction.CLOSE)
        given = CloseInput(args.no_response, args.reason, args.override)
        try:
            summary = await close_case(tx, case, actor, given, CLI, app.clock())
            await queue_summary(tx, actor, summary, app.clock())
        except CloseRefused as exc:
            refusal = exc  # its audit entry commits with this transaction
    if refusal is not None:
        raise OperatorError(str(refusal))
    print(f"{case.reference} closed.")
    print(summary_text(summary))
    return 0


async def teams_package(_app: Weerbaar | None, args: argparse.Namespace) -> int:
    from adapters.teams.package import build_package

    app_id = args.app_id or load_settings().teams_app_id
    if not app_id:
        raise OperatorError(
            "Setting WEERBAAR_TEAMS_APP_ID is missing: the package needs the bot's app id."
        )
    try:
        out = build_package(app_id, args.host, args.out, version=args.version)
    except ValueError as exc:
        raise OperatorError(str(exc)) from exc
    print(f"Wrote {out}. Upload it in Teams: Apps > Manage your apps > Upload an app.")
    return 0


async def keys_new(_app: Weerbaar | None, _args: argparse.Namespace) -> int:
    from storage.crypto import new_key

    print(f"k1:{new_key()}")
    return 0


async def keys_rotate(app: Weerbaar, _args: argparse.Namespace) -> int:
    from storage.rekey import rotate

    counts = await rotate(app.db)
    for column, n in counts.items():
        print(f"{column:24} {n} re-encrypted")
    print(
        f"Everything is now under key '{app.db.cipher.primary_key_id}'. Keys after it in "
        "WEERBAAR_ENCRYPTION_KEYS can be removed."
    )
    return 0
