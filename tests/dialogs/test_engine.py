"""The engine runs what the flow declares and refuses what it does not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.records import DialogState, Person
from bot.text.catalogue import say
from dialogs.engine import Engine
from dialogs.flow import Accept, Ask, Context, Flow, FlowError, Parsed, Redo, Step
from dialogs.messages import ConversationKey, Inbound

KEY = ConversationKey("local", "local", "rita")
PERSON = Person(id=1, name="Rita Reporter", roles=())
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _take(inbound: Inbound, _ctx: Context) -> Parsed:
    return Accept(inbound.text)


def _back_to_what(_inbound: Inbound, _ctx: Context) -> Parsed:
    return Redo("what", reply=say("when_again"))


def _intro(_ctx: Context) -> str:
    return say("intro", name="Rita")


def run(flow: Flow, *texts: str) -> DialogState:
    engine, state = Engine(flow), DialogState()
    for n, text in enumerate(texts):
        ctx = Context(person=PERSON, now=NOW, answers=state.answers)
        engine.turn(state, Inbound(KEY, str(n), text=text), ctx)
    return state


def flow(redo: tuple[str, ...]) -> Flow:
    return Flow(
        name="trial",
        intro=_intro,
        steps=(
            Step("what", Ask("ask_what"), _take),
            Step("where", Ask("ask_where"), _back_to_what, redo=redo),
        ),
    )


def test_a_declared_redo_clears_the_answer_and_asks_it_again() -> None:
    state = run(flow(redo=("what",)), "hallo", "iets", "ergens")
    assert state.step == "what" and "what" not in state.answers


def test_a_redo_the_step_does_not_declare_is_refused() -> None:
    trial = Flow(
        name="trial",
        intro=_intro,
        steps=(
            Step("what", Ask("ask_what"), _take),
            Step("when", Ask("ask_when"), _take),
            Step("where", Ask("ask_where"), _back_to_what, redo=("when",)),
        ),
    )
    with pytest.raises(FlowError) as raised:
        run(trial, "hallo", "iets", "gisteren", "ergens")
    assert str(raised.value) == (
        "Flow 'trial', step 'where': its parser asked to redo 'what', which the step "
        "does not declare in redo."
    )
