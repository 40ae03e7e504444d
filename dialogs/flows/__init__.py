"""Every conversation the bot holds, in the order the dispatcher (bot/turns.py) tries them.

An entry says who it is for (`Audience`), how it recognises its message (`recognises`, a
pure look at the message) and, when it is a guided flow the engine runs, its `Flow`.
Entries without a flow are one message long: parsed here (checkin.py, handler_commands.py)
and applied by bot/cases/, which may still decline a message (there is no open check-in);
then the next entry is tried. Adding a conversation is adding an entry here and its runner
in bot/turns.py, which refuses to start without one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields

from dialogs.engine import is_help, normalise
from dialogs.flow import Flow, FlowError
from dialogs.flows.case_commands import is_case_command
from dialogs.flows.console_command import is_console_command
from dialogs.flows.evidence_command import is_evidence_command
from dialogs.flows.handler_commands import is_command
from dialogs.flows.report import REPORT
from dialogs.flows.reporter_commands import is_reporter_command
from dialogs.messages import Inbound


@dataclass(frozen=True)
class Sender:
    """What the dispatcher knows of who is writing, before any flow runs."""

    staff: bool  # works cases: a handler, a deputy or a coordinator
    reporter: bool  # holds a role that reports (bot/domain/routing.py)
    draft_open: bool  # a guided flow is under way in this conversation
    pending: bool = False  # a typed command's exchange is under way ("aanvullen REF" alone)


@dataclass(frozen=True)
class Audience:
    """Who an entry is for: every field that is set must match the sender's."""

    staff: bool | None = None
    reporter: bool | None = None
    draft_open: bool | None = None
    pending: bool | None = None

    def includes(self, sender: Sender) -> bool:
        # Spelled out: asked several times a turn, and dataclasses.fields() is slow.
        return (
            (self.staff is None or self.staff == sender.staff)
            and (self.reporter is None or self.reporter == sender.reporter)
            and (self.draft_open is None or self.draft_open == sender.draft_open)
            and (self.pending is None or self.pending == sender.pending)
        )

    @property
    def description(self) -> str:
        said = [
            ("" if getattr(self, f.name) else "not ") + f.name.replace("_", " ")
            for f in fields(self)
            if getattr(self, f.name) is not None
        ]
        return ", ".join(said) or "anyone"


def any_message(_inbound: Inbound) -> bool:
    """Every message: what follows (bot/cases/, the engine) decides."""
    return True


def continues_pending(inbound: Inbound) -> bool:
    """Not another command: those run as ever, and the exchange waits (the state itself
    is looked at by the runner, bot/turns.py)."""
    return not (
        is_command(inbound)
        or is_evidence_command(inbound)
        or is_case_command(inbound)
        or is_reporter_command(inbound)
        or asks_for_help(inbound)
    )


def asks_for_help(inbound: Inbound) -> bool:
    """ "help", "hulplijn", "wie kan ik bellen?" typed on its own (no file, no button)."""
    return not inbound.attachments and inbound.choice is None and is_help(normalise(inbound.text))


@dataclass(frozen=True)
class Entry:
    name: str
    audience: Audience
    recognises: Callable[[Inbound], bool]
    flow: Flow | None = None  # a guided flow the engine runs; None: a single message


@dataclass(frozen=True)
class Registry:
    entries: tuple[Entry, ...]

    def __post_init__(self) -> None:
        names = [e.name for e in self.entries]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise FlowError(f"Registry: the name {twice[0]!r} is used by more than one entry.")
        for e in self.entries:
            if e.flow is not None and e.flow.name != e.name:
                raise FlowError(
                    f"Registry, entry {e.name!r}: it runs flow {e.flow.name!r}, "
                    "and an entry has its flow's name."
                )

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def serving(self, sender: Sender) -> tuple[Entry, ...]:
        """The entries for `sender`, in the order they are tried."""
        return tuple(e for e in self.entries if e.audience.includes(sender))

    def entry(self, name: str) -> Entry:
        for e in self.entries:
            if e.name == name:
                return e
        raise KeyError(name)

    def flow(self, name: str) -> Flow:
        """The guided flow registered as `name`."""
        flow = self.entry(name).flow
        if flow is None:
            raise KeyError(f"{name!r} is one message long and has no guided flow")
        return flow


FLOWS = Registry(
    (
        # "console": a single-use sign-in link to the web console (issue 12)
        Entry("console", Audience(staff=True), recognises=is_console_command),
        # The next message of an exchange a typed command started (casework2): what the
        # reporter adds after "aanvullen REF" alone, the handler's answers after "reactie
        # REF" alone (dialogs/flows/case_commands.py). Another command passes it by.
        Entry("pending_command", Audience(pending=True), recognises=continues_pending),
        # "gedaan WB-ABC234 maatregelen", "later WB-ABC234 politie reden"
        Entry("handler_commands", Audience(staff=True), recognises=is_command),
        # "bewijs WB-ABC234 2": an evidence file to the handler (bot/cases/evidence.py)
        Entry("evidence_command", Audience(staff=True), recognises=is_evidence_command),
        # "toon WB-ABC234", "stap WB-ABC234 4 aangifte", "notitie ...", "reactie ...",
        # "sluit ...": the handler's case work without cards (issue 11)
        Entry("case_commands", Audience(staff=True), recognises=is_case_command),
        # "status", "aanvullen WB-ABC234 ...": a reporter about their sent cases, while no
        # report is being written
        Entry(
            "reporter_commands",
            Audience(reporter=True, draft_open=False),
            recognises=is_reporter_command,
        ),
        # "help" / "hulplijn" while no report is being written: the person's own route and
        # contacts (in a report, the engine answers it and asks the open question again).
        Entry(
            "help",
            Audience(reporter=True, draft_open=False),
            recognises=asks_for_help,
        ),
        # A reply to an aftercare check-in, while no report is being written. Not for staff
        # who also report: their replies have always gone to the report flow.
        Entry(
            "checkin",
            Audience(reporter=True, staff=False, draft_open=False),
            recognises=any_message,
        ),
        Entry("report", Audience(reporter=True), recognises=any_message, flow=REPORT),
    )
)
