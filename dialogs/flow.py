"""How a flow is declared: its steps, what a parser can say, and the checks a flow runs on
itself when it is built.

A flow is data: an ordered tuple of `Step`s, each with its question (`Ask`), its parser and
the condition under which it is asked. `dialogs/engine.py` runs it. Everything a flow names
(step ids, catalogue keys, the steps a condition reads or a parser may send back to) is
checked in `Flow.__post_init__`, so a mistake fails at import with a message that says
which flow, which step and which value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from bot.domain.records import Person
from bot.text.catalogue import TEXTS, say
from dialogs.messages import Attachment, Choice, Inbound, Outbound

# The id of the review that follows the last question; no step may use it.
REVIEW = "review"
# The id of "verder of opnieuw?", asked while a draft is paused; no step may use it either.
RESUME = "resume"
# The engine's own field: the step whose answer the next message continues (a message cut
# at the length limit). No step or field may use it.
CONTINUES = "continues"


class FlowError(ValueError):
    """A flow that is declared wrongly, or a parser that breaks its step's declaration."""


@dataclass(frozen=True)
class Context:
    """What a step sees: who is writing, when, and the answers so far."""

    person: Person
    now: datetime
    answers: Mapping[str, Any]
    max_text: int = 4000
    # What "help" / "hulplijn" answers for this person: their own route and the contacts
    # for their role (bot/cases/helplines.py); None: the general text.
    help_text: str | None = None


# --- what a parser can say --------------------------------------------------------------


@dataclass(frozen=True)
class Accept:
    """The answer is understood: store `value`, say `reply` first if given, go on.

    `more` holds what the same message also answered (a story that says when it was, the
    detail after a "ja, ..."): other steps' answers or the flow's `fields`, each declared
    in the step's `fills`."""

    value: Any
    reply: str | None = None
    more: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Keep:
    """Store `more` (declared in the step's `fills`) and ask the same question again: a
    story that goes on, text that came before the answer asked for."""

    more: Mapping[str, Any]
    reply: str | None = None


@dataclass(frozen=True)
class Reask:
    """Not understood: say `reason` and ask the same question again."""

    reason: str


@dataclass(frozen=True)
class Collect:
    """Keep the files and store `value` under `into`, stay on this step (evidence)."""

    into: str
    value: Any
    files: tuple[Attachment, ...]
    reply: str
    removed: tuple[int, ...] = ()  # files kept before that are taken back, by index
    # The reply also asks the question that comes next: a message that plainly answers it
    # ends this step (the parser says so with `Handover`).
    go_on: bool = False


@dataclass(frozen=True)
class Handover:
    """This step is done with `value` when the same message plainly answers the question
    that comes next (that step's parser accepts it): both are stored. Otherwise
    `otherwise` applies, as if the parser had said it (a note to the files kept)."""

    value: Any
    otherwise: Accept


@dataclass(frozen=True)
class Redo:
    """Clear `step`'s answer and ask it again (a "no" to "did I get that right?").

    `step` must be one of the asking step's declared `redo` targets."""

    step: str
    reply: str | None = None


@dataclass(frozen=True)
class Pause:
    """The person wants to stop for now; the draft is kept. `reply`: instead of the
    usual "we stoppen even"."""

    reply: str | None = None


Parsed = Accept | Keep | Reask | Collect | Redo | Pause | Handover


# --- questions and conditions -------------------------------------------------------------


@dataclass(frozen=True)
class Ask:
    """A question: the catalogue text `key` and the choices offered with it.

    `choices` may depend on the person (their roles); `values` fills the text's
    placeholders from the context ("Was het {when}?")."""

    key: str
    choices: tuple[Choice, ...] | Callable[[Context], tuple[Choice, ...]] = ()
    multi: bool = False
    values: Callable[[Context], Mapping[str, object]] | None = None

    def __call__(self, ctx: Context) -> Outbound:
        choices = self.choices(ctx) if callable(self.choices) else self.choices
        values = self.values(ctx) if self.values is not None else {}
        return Outbound(say(self.key, **values), choices=choices, multi=self.multi)


class Condition(Protocol):
    """When a step is asked (dialogs/conditions.py has the kinds there are)."""

    @property
    def description(self) -> str:
        """What it checks, in a few words (the diagram shows it)."""
        ...

    @property
    def reads(self) -> tuple[str, ...]:
        """The steps whose answers it looks at."""
        ...

    def __call__(self, ctx: Context) -> bool: ...


@dataclass(frozen=True)
class Step:
    id: str
    prompt: Ask
    parse: Callable[[Inbound, Context], Parsed]
    ask_if: Condition | None = None  # None: always asked
    skippable: bool = False
    why: str | None = None  # catalogue key for "waarom?"
    label: str | None = None  # catalogue key of the review label; None: not reviewed
    show: Callable[[Any, Context], str] | None = None
    clears: tuple[str, ...] = ()  # answers that no longer hold when this one changes
    redo: tuple[str, ...] = ()  # the steps its parser may send the person back to
    fills: tuple[str, ...] = ()  # other steps and fields its parser may answer too (`more`)

    def applies(self, ctx: Context) -> bool:
        return self.ask_if is None or self.ask_if(ctx)


def _nothing_prefilled(_ctx: Context) -> dict[str, Any]:
    return {}


def _nothing_rechecked(_ctx: Context) -> tuple[str, ...]:
    return ()


def _no_opening(_inbound: Inbound, _ctx: Context) -> bool:
    return False


@dataclass(frozen=True)
class Flow:
    name: str
    steps: tuple[Step, ...]
    intro: Callable[[Context], str]
    prefill: Callable[[Context], dict[str, Any]] = _nothing_prefilled
    # The step that collects files: a file sent at another question is kept there too.
    files_step: str | None = None
    # Answers kept beside the steps' own (evidence items, facts read from a story).
    fields: tuple[str, ...] = ()
    # The answers to ask again when a paused draft is taken up (a safety check).
    on_resume: Callable[[Context], tuple[str, ...]] = _nothing_rechecked
    # Whether the message that starts the flow is already an answer to its first step
    # (a story, a cry for help), rather than a "hallo" that only opens it.
    opening: Callable[[Inbound, Context], bool] = _no_opening

    def __post_init__(self) -> None:
        problems = list(_problems(self))
        if problems:
            raise FlowError("\n".join(problems))

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)


def _problems(flow: Flow) -> Iterator[str]:
    """Every mistake in `flow`'s declaration, one sentence each."""
    ids = [s.id for s in flow.steps]
    known = set(ids)
    if flow.files_step is not None and flow.files_step not in known:
        yield f"Flow {flow.name!r}: files_step {flow.files_step!r} is not a step of this flow."
    for name in flow.fields:
        if name in known or name in (REVIEW, RESUME, CONTINUES):
            yield f"Flow {flow.name!r}: field {name!r} is also a step or an engine id."
    seen: set[str] = set()
    for step in flow.steps:
        at = f"Flow {flow.name!r}, step {step.id!r}"
        if step.id in seen:
            yield f"{at}: the id {step.id!r} is used by more than one step."
        seen.add(step.id)
        if step.id == REVIEW:
            yield f"{at}: the id {REVIEW!r} is the engine's review; choose another."
        if step.id == RESUME:
            yield f"{at}: the id {RESUME!r} is the engine's resume question; choose another."
        if step.id == CONTINUES:
            yield f"{at}: the id {CONTINUES!r} is the engine's own field; choose another."
        for target in step.fills:
            if target not in known and target not in flow.fields:
                yield f"{at}: fills {target!r}, which is neither a step nor a field of this flow."
        for kind, targets in (("clears", step.clears), ("redo", step.redo)):
            for target in targets:
                if target not in known and not (kind == "clears" and target in flow.fields):
                    yield f"{at}: {kind} {target!r}, which is not a step of this flow."
        if step.ask_if is not None:
            for target in step.ask_if.reads:
                if target not in known:
                    yield f"{at}: ask_if reads {target!r}, which is not a step of this flow."
        for kind, key in (("prompt", step.prompt.key), ("why", step.why), ("label", step.label)):
            if key is not None and key not in TEXTS:
                yield f"{at}: {kind} text {key!r} is not in bot/text/catalogue.py."
