"""The turn handler: one inbound message in, replies out, everything stored in between.

Per message, in one transaction: resolve who is writing, load the dialog, run the engine,
store each answer, file and the new position, record the delivery id (a redelivery rolls
the whole transaction back), and on "verstuur" route the case and queue the notices in
the outbox. The replies are outbox rows of the same transaction, leased to the adapter
that received the message: it sends them right after the commit and marks them sent, and
what it could not send (or a crash interrupted) the outbox worker delivers. A card press
(`Inbound.action`) takes the same lock, dedupe, transaction and apology, and goes to the
use case for its verb instead of the dialog.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import phonenumbers

from bot import logsafe
from bot.cases.actions import ActionContext, run_action
from bot.cases.aftercare import checkin_turn
from bot.cases.casework_commands import case_command_turn, response_exchange_turn
from bot.cases.deadlines import handler_command_turn
from bot.cases.evidence import evidence_command_turn
from bot.cases.helplines import help_text
from bot.cases.reporter import AMEND_PENDING, amend_more_turn, amend_turn, status_turn
from bot.cases.submit import submit_report
from bot.console.links import CONSOLE, issue_link, link_url
from bot.domain.evidence import Refusal, RefusalKind, check_files
from bot.domain.permissions import is_reporter, is_staff
from bot.domain.records import DialogState, PendingCommand, Person
from bot.domain.reminder_plan import ReminderPolicy
from bot.errors import UserError
from bot.ports import Duplicate, Replies, Store, Tx
from bot.reference.loader import Helpline
from bot.text.catalogue import say
from bot.text.format import human_size
from dialogs.engine import Engine
from dialogs.flow import Context
from dialogs.flows import FLOWS, Sender
from dialogs.flows.handler_commands import kind_words
from dialogs.flows.reporter_commands import is_status, parse_amend
from dialogs.messages import CardAction, ConversationKey, Inbound, Outbound, as_text

log = logging.getLogger(__name__)

# A draft left this long is treated as paused: the next message gets "verder of opnieuw?".
RESUME_AFTER = timedelta(hours=1)

# How long a turn's replies are the receiving adapter's to send before the outbox worker
# takes them over: longer than a send takes, short enough that a crash is not a long
# silence.
REPLY_LEASE = timedelta(seconds=60)

# The identity kind that `ConversationKey.user` is, per channel.
USER_KIND = {"local": "handle", "signal": "uuid", "teams": "aad"}


def normalise_phone(number: str, region: str = "NL") -> str | None:
    """E.164 form of a phone number, or None when it is not a valid number."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def refusal_text(refusal: Refusal) -> str:
    """The Dutch reply for a file that was not kept (bot/domain/evidence.py)."""
    if refusal.kind is RefusalKind.TOO_LARGE:
        return say(
            "file_too_large",
            size=human_size(refusal.size, round_up=True),
            limit=human_size(refusal.limit),
        )
    return say("file_not_accepted", kind=refusal.content_type or say("file_kind_unknown"))


class KeyedLocks:
    """One lock per conversation: a person's messages are handled strictly in order."""

    def __init__(self) -> None:
        self._locks: dict[ConversationKey, tuple[asyncio.Lock, int]] = {}

    def hold(self, key: ConversationKey) -> _Held:
        return _Held(self, key)


class _Held:
    def __init__(self, locks: KeyedLocks, key: ConversationKey) -> None:
        self.locks, self.key = locks, key

    async def __aenter__(self) -> None:
        lock, users = self.locks._locks.get(self.key, (asyncio.Lock(), 0))
        self.locks._locks[self.key] = (lock, users + 1)
        await lock.acquire()

    async def __aexit__(self, *exc: object) -> None:
        lock, users = self.locks._locks[self.key]
        lock.release()
        if users <= 1:
            del self.locks._locks[self.key]
        else:
            self.locks._locks[self.key] = (lock, users - 1)


@dataclass(frozen=True)
class _Turn:
    """One message on its way to the registered flow that takes it (dialogs/flows)."""

    tx: Tx
    person: Person
    state: DialogState
    inbound: Inbound
    now: datetime
    claimed: bool  # the delivery is recorded already
    pending: PendingCommand | None = None  # a typed command's exchange under way


@dataclass
class _Progress:
    """How far a turn got: `committing` once its work is done and only the commit is left."""

    committing: bool = False


# How a registered flow is run; None: the message is not for it after all.
_Runner = Callable[[_Turn], Awaitable[list[Outbound] | None]]


class ReportService:
    """Implements bot.ports.TurnHandler for every channel."""

    def __init__(
        self,
        store: Store,
        helplines: list[Helpline],
        clock: Callable[[], datetime],
        max_message_chars: int = 4000,
        max_file_bytes: int = 20 * 1024 * 1024,
        unknown_reply_interval: float = 3600.0,
        policy: ReminderPolicy | None = None,
        console_url: str = "http://127.0.0.1:3978",
        console_link_valid: timedelta = timedelta(minutes=10),
    ) -> None:
        self.store = store
        self.console_url = console_url
        self.console_link_valid = console_link_valid
        self.policy = policy or ReminderPolicy()
        self.helplines = helplines
        self.clock = clock
        self.engine = Engine(FLOWS.flow("report"))
        # The I/O part of each entry in the registry of flows (dialogs/flows/__init__.py).
        self._runners: dict[str, _Runner] = {
            "console": self._console,
            "pending_command": self._pending_command,
            "handler_commands": self._handler_command,
            "evidence_command": self._evidence_command,
            "case_commands": self._case_command,
            "reporter_commands": self._reporter_command,
            "help": self._help,
            "checkin": self._checkin,
            "report": self._report,
        }
        missing = [e.name for e in FLOWS if e.name not in self._runners]
        if missing:
            raise RuntimeError(
                f"bot/turns.py has no runner for the registered flow {missing[0]!r}."
            )
        self.max_message_chars = max_message_chars
        self.max_file_bytes = max_file_bytes
        self._locks = KeyedLocks()
        # Unknown senders: only when we last answered them, in memory, nothing else.
        self._unknown_seen: dict[ConversationKey, float] = {}
        self._unknown_interval = unknown_reply_interval

    async def handle(self, inbound: Inbound) -> list[Outbound]:
        async with self._locks.hold(inbound.key):
            turn = _Progress()
            try:
                return await self._handle(inbound, turn)
            except UserError as refused:
                return [Outbound(refused.reply)]
            except Exception:
                # Never the message itself, nor an id of the person: a tag of the delivery.
                log.exception(
                    "turn failed channel=%s message=%s",
                    inbound.key.channel,
                    logsafe.tag(inbound.message_id),
                )
                # Say what is true: a failure before the commit rolled this message back;
                # one in the commit itself leaves it unknown, so claim nothing.
                return [Outbound(say("sorry_error" if turn.committing else "sorry_not_saved"))]

    async def _handle(self, inbound: Inbound, turn: _Progress) -> list[Outbound]:
        now = self.clock()
        try:
            async with self.store.transaction() as tx:
                replies = await self._in_transaction(tx, inbound, now)
                if inbound.queue_replies and not isinstance(replies, Replies):
                    replies = await self._queue(tx, inbound.key, replies, now)
                turn.committing = True
                return replies
        except Duplicate:
            log.info(
                "duplicate delivery ignored channel=%s message=%s",
                inbound.key.channel,
                logsafe.tag(inbound.message_id),  # a Signal id is "<uuid>:<timestamp>"
            )
            return []

    async def _queue(
        self, tx: Tx, key: ConversationKey, replies: list[Outbound], now: datetime
    ) -> Replies:
        """The turn's replies as outbox rows of its own transaction, as text (what a
        later delivery by the worker sends; the adapter sends the messages themselves).
        Earlier text to this person that was only waiting out a backoff is taken over and
        goes first, so the order written holds and the new message is not left waiting."""
        rows, earlier, send_now = await tx.outbox.enqueue_replies(
            key.channel,
            key.account,
            key.user,
            [{"text": as_text(reply)} for reply in replies],
            now,
            lease_until=now + REPLY_LEASE,
        )
        before = [Outbound(str(item.payload.get("text", ""))) for item in earlier]
        return Replies(before + replies, [i.id for i in earlier] + rows, send_now)

    async def _in_transaction(self, tx: Tx, inbound: Inbound, now: datetime) -> list[Outbound]:
        if inbound.action is not None:
            return await self._action(tx, inbound, inbound.action, now)
        person = await self.resolve(tx, inbound)
        if person is None:
            return self._unknown(inbound.key)
        key = inbound.key
        state = await tx.dialogs.load_state(key) or DialogState()
        pending = await tx.dialogs.load_pending(key)
        sender = Sender(
            staff=is_staff(person),
            reporter=is_reporter(person),
            draft_open=state.flow is not None,
            pending=pending is not None,
        )
        claimed = False
        for entry in FLOWS.serving(sender):
            if entry.flow is None and not claimed:
                # A single-message flow: the delivery is recorded first. A guided flow
                # records it last, with what it answered, unless it is recorded already.
                await tx.dialogs.record_inbound(key.channel, inbound.message_id, now, None, None)
                claimed = True
            if entry.recognises(inbound):
                turn = _Turn(tx, person, state, inbound, now, claimed, pending)
                replies = await self._runners[entry.name](turn)
                if replies is not None:
                    return replies
        if not claimed:
            await tx.dialogs.record_inbound(key.channel, inbound.message_id, now, None, None)
        return self._no_flow(person, sender)

    async def _console(self, t: _Turn) -> list[Outbound] | None:
        """ "console": a single-use link that signs this person in to the web console."""
        token = await issue_link(t.tx, t.person.id, t.now, self.console_link_valid)
        minutes = max(1, round(self.console_link_valid.total_seconds() / 60))
        return [
            Outbound(say("console_link", url=link_url(self.console_url, token), minutes=minutes))
        ]

    async def _pending_command(self, t: _Turn) -> list[Outbound] | None:
        """The next message of "aanvullen REF" or "reactie REF" typed alone."""
        if t.pending is None:
            return None
        if t.pending.kind == AMEND_PENDING:
            files, refusals = check_files(t.inbound.attachments, self.max_file_bytes)
            return [Outbound(refusal_text(r)) for r in refusals] + await amend_more_turn(
                t.tx, t.person, t.inbound, t.pending, files, t.now
            )
        return await response_exchange_turn(
            t.tx, t.person, t.inbound, t.pending, self.policy, t.now
        )

    async def _handler_command(self, t: _Turn) -> list[Outbound] | None:
        return await handler_command_turn(
            t.tx, t.person, t.inbound.text, self.policy, t.now, t.inbound.key.channel
        )

    async def _evidence_command(self, t: _Turn) -> list[Outbound] | None:
        return await evidence_command_turn(t.tx, t.person, t.inbound, t.now)

    async def _case_command(self, t: _Turn) -> list[Outbound] | None:
        return await case_command_turn(t.tx, t.person, t.inbound, self.policy, t.now)

    async def _reporter_command(self, t: _Turn) -> list[Outbound] | None:
        if is_status(t.inbound):
            return await status_turn(t.tx, t.person, t.inbound.key.channel, t.now)
        amend = parse_amend(t.inbound.text)
        if amend is None:
            return None
        files, refusals = check_files(t.inbound.attachments, self.max_file_bytes)
        replies = [Outbound(refusal_text(r)) for r in refusals]
        return replies + await amend_turn(t.tx, t.person, amend, files, t.inbound.key, t.now)

    async def _help(self, t: _Turn) -> list[Outbound] | None:
        return [Outbound(f"{help_text(t.person, self.helplines)}\n{say('help_start')}")]

    async def _checkin(self, t: _Turn) -> list[Outbound] | None:
        return await checkin_turn(t.tx, t.person, t.inbound, self.policy, t.now, t.state)

    async def _report(self, t: _Turn) -> list[Outbound] | None:
        return await self._turn(t.tx, t.person, t.state, t.inbound, t.now, t.claimed)

    def _no_flow(self, person: Person, sender: Sender) -> list[Outbound]:
        """No registered flow is for this person: say what they are enrolled as."""
        roles = (
            ", ".join(
                f"{say('role_' + r.role).removeprefix('De ').lower()} ({r.org.name})"
                for r in person.roles
            )
            or "-"
        )
        replies = [Outbound(say("not_a_reporter", roles=roles))]
        if sender.staff:
            replies.append(Outbound(say("handler_commands_help", words=kind_words())))
            replies.append(Outbound(say("case_commands_help")))
        return replies

    # --- card presses and channel commands ------------------------------------------------

    async def _action(
        self, tx: Tx, inbound: Inbound, action: CardAction, now: datetime
    ) -> list[Outbound]:
        """A press on a card (or a channel command): the delivery is recorded first, so a
        redelivery rolls back before anything is done, then the verb's use case runs
        (bot/cases/actions.py). Someone not enrolled is answered by the use case too: a
        press always gets a card back."""
        person = await self.resolve(tx, inbound)
        await tx.dialogs.record_inbound(inbound.key.channel, inbound.message_id, now, None, None)
        context = ActionContext(person, inbound.key, action, self.policy, now)
        answer = await run_action(tx, context)
        # An empty answer: the use case queued what answers the press (an evidence file).
        return [answer] if answer.text or answer.notice or answer.card else []

    # --- who is writing --------------------------------------------------------------------

    async def resolve(self, tx: Tx, inbound: Inbound) -> Person | None:
        """The enrolled person writing; binds a Signal uuid to an enrolled number once."""
        key = inbound.key
        if key.channel == CONSOLE:
            # The console's conversation is keyed by the person id its signed-in session
            # holds (bot/console/service.py `console_key`); nothing else builds one.
            return await tx.people.person(int(key.user)) if key.user.isdigit() else None
        kind = USER_KIND.get(key.channel)
        if kind is None:
            return None
        person = await tx.people.person_for(key.channel, kind, key.user)
        if person is None and key.channel == "signal" and inbound.address:
            phone = normalise_phone(inbound.address)
            pid = await tx.people.find_person_id("signal", "phone", phone) if phone else None
            if pid is not None:
                await tx.people.add_identity(
                    pid, "signal", "uuid", key.user, reference={"account": key.account}
                )
                log.info("bound signal uuid to person id=%s", pid)
                person = await tx.people.person_for(key.channel, kind, key.user)
        return person

    def _unknown(self, key: ConversationKey) -> Replies:
        """Someone not enrolled: nothing of them is stored, not even an outbox row (the
        `Replies` says so: no rows)."""
        last = self._unknown_seen.get(key)
        now = time.monotonic()
        if last is not None and now - last < self._unknown_interval:
            return Replies()
        self._unknown_seen[key] = now
        if len(self._unknown_seen) > 10_000:
            self._unknown_seen.clear()
        log.info("message from an unknown sender channel=%s", key.channel)
        return Replies([Outbound(say("unknown_sender"))])

    async def _turn(
        self,
        tx: Tx,
        person: Person,
        state: DialogState,
        inbound: Inbound,
        now: datetime,
        claimed: bool,
    ) -> list[Outbound]:
        """One report turn. Unless already `claimed`, the delivery is recorded last, with
        what it answered, and a redelivery rolls the whole turn back."""
        ctx = Context(
            person=person,
            now=now,
            answers=state.answers,
            max_text=self.max_message_chars,
            help_text=help_text(person, self.helplines),
        )
        files, refusals = check_files(inbound.attachments, self.max_file_bytes)
        if refusals:
            inbound = replace(inbound, attachments=files)
            if not files and not inbound.text.strip():
                if not claimed:
                    await tx.dialogs.record_inbound(
                        inbound.key.channel, inbound.message_id, now, None, None
                    )
                return [Outbound(refusal_text(r)) for r in refusals]

        if inbound.replaces is not None:
            edited = await self._edit(tx, person, state, inbound, ctx, now)
            if edited is not None:
                if not claimed:
                    await tx.dialogs.record_inbound(
                        inbound.key.channel, inbound.message_id, now, None, None
                    )
                return edited

        # Back after a long while: a "hallo" gets "je was bezig met...", an answer is read
        # as the late answer to the open question (dialogs/engine.py `_resume`).
        returning = (
            state.flow is not None
            and state.updated_at is not None
            and now - state.updated_at > RESUME_AFTER
        )
        old_case = state.case_id
        result = self.engine.turn(state, inbound, ctx, returning=returning)
        if result.discard and old_case is not None:
            await tx.cases.discard_draft(old_case, now, person.id)
        if state.flow is not None and state.case_id is None:
            state.case_id = await tx.cases.create_draft(person.id, inbound.key.channel, now)
        case_id = state.case_id
        if case_id is not None:
            await tx.cases.clear_answers(case_id, result.cleared)
            for field, value in result.set_answers.items():
                await tx.dialogs.set_answer(case_id, field, value, now)
            if result.removed_files:
                kept = await tx.cases.evidence(case_id)
                for index in result.removed_files:
                    if 0 <= index < len(kept):
                        await tx.cases.remove_evidence(case_id, kept[index].id)
            for file in result.files:
                await tx.cases.add_evidence(case_id, file, now)
            if result.answered and claimed:
                await tx.dialogs.note_inbound_answer(
                    inbound.key.channel, inbound.message_id, case_id, result.answered
                )
        if not claimed:
            await tx.dialogs.record_inbound(
                inbound.key.channel,
                inbound.message_id,
                now,
                case_id if result.answered else None,
                result.answered,
            )
        replies = [Outbound(refusal_text(r)) for r in refusals] + result.replies
        if result.submit and case_id is not None:
            replies += await submit_report(
                tx, person, case_id, state.answers, self.helplines, now, self.policy
            )
            # The revision goes on: a card of the sent report answers nothing in the next.
            state = DialogState(revision=state.revision)
        await tx.dialogs.save_state(inbound.key, person.id, state, now)
        return replies

    async def open_draft(self, key: ConversationKey) -> Outbound | None:
        """What to tell someone who opens a chat with a report under way: "je was bezig
        met een melding", with the open question (the local chat after a restart)."""
        async with self.store.transaction() as tx:
            state = await tx.dialogs.load_state(key)
            kind = USER_KIND.get(key.channel)
            if state is None or state.flow is None or kind is None:
                return None
            person = await tx.people.person_for(key.channel, kind, key.user)
        if person is None:
            return None
        ctx = Context(person=person, now=self.clock(), answers=state.answers)
        return self.engine.draft_open(state, ctx)

    async def _edit(
        self,
        tx: Tx,
        person: Person,
        state: DialogState,
        inbound: Inbound,
        ctx: Context,
        now: datetime,
    ) -> list[Outbound] | None:
        """An edited message replaces the answer it gave, while that report is open."""
        assert inbound.replaces is not None
        found = await tx.dialogs.inbound_answer(inbound.key.channel, inbound.replaces)
        if found is None or state.case_id != found[0]:
            return None
        case_id, field = found
        result = self.engine.replace_answer(field, inbound, state, ctx)
        await tx.cases.clear_answers(case_id, result.cleared)
        for name, value in result.set_answers.items():
            await tx.dialogs.set_answer(case_id, name, value, now)
        await tx.dialogs.save_state(inbound.key, person.id, state, now)
        return result.replies
