"""A flow checks itself when it is built: each kind of mistake, in a small flow built here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.domain.records import Person
from bot.text.catalogue import say
from dialogs.conditions import AnswerIs
from dialogs.flow import Accept, Ask, Condition, Context, Flow, FlowError, Parsed, Step
from dialogs.flows.report import REPORT
from dialogs.messages import Choice, Inbound

PERSON = Person(id=1, name="Rita", roles=())
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _take(inbound: Inbound, _ctx: Context) -> Parsed:
    return Accept(inbound.text)


def _intro(_ctx: Context) -> str:
    return say("intro", name="Test")


# Real catalogue keys by default: in each test only the value under test is wrong.
WHAT = Ask("ask_what")


def step(
    step_id: str,
    prompt: Ask = WHAT,
    why: str | None = None,
    label: str | None = None,
    clears: tuple[str, ...] = (),
    redo: tuple[str, ...] = (),
    ask_if: Condition | None = None,
) -> Step:
    return Step(
        step_id, prompt, _take, ask_if=ask_if, why=why, label=label, clears=clears, redo=redo
    )


def flow(*steps: Step, files_step: str | None = None) -> Flow:
    return Flow(name="trial", steps=steps, intro=_intro, files_step=files_step)


def fails(build: Callable[[], Flow]) -> str:
    with pytest.raises(FlowError) as raised:
        build()
    return str(raised.value)


def test_a_good_flow_builds() -> None:
    built = flow(step("a", why="why_what", label="label_what"), step("b", clears=("a",)))
    assert [s.id for s in built.steps] == ["a", "b"]


def test_the_report_flow_builds() -> None:
    assert REPORT.name == "report" and len(REPORT.steps) > 10


def test_a_duplicate_step_id() -> None:
    message = fails(lambda: flow(step("a"), step("b"), step("a")))
    assert message == "Flow 'trial', step 'a': the id 'a' is used by more than one step."


def test_a_step_may_not_take_the_reviews_id() -> None:
    message = fails(lambda: flow(step("review")))
    assert (
        message
        == "Flow 'trial', step 'review': the id 'review' is the engine's review; choose another."
    )


def test_an_unknown_clears_target() -> None:
    message = fails(lambda: flow(step("a", clears=("bb",)), step("b")))
    assert message == "Flow 'trial', step 'a': clears 'bb', which is not a step of this flow."


def test_an_unknown_redo_target() -> None:
    message = fails(lambda: flow(step("a"), step("b", redo=("aa",))))
    assert message == "Flow 'trial', step 'b': redo 'aa', which is not a step of this flow."


def test_an_unknown_files_step() -> None:
    message = fails(lambda: flow(step("a"), files_step="evidence"))
    assert message == "Flow 'trial': files_step 'evidence' is not a step of this flow."


def test_a_condition_on_an_unknown_step() -> None:
    message = fails(lambda: flow(step("a"), step("b", ask_if=AnswerIs("c", True))))
    assert message == "Flow 'trial', step 'b': ask_if reads 'c', which is not a step of this flow."


def test_a_prompt_text_that_is_not_in_the_catalogue() -> None:
    message = fails(lambda: flow(step("a", prompt=Ask("ask_nothing_like_this"))))
    assert message == (
        "Flow 'trial', step 'a': prompt text 'ask_nothing_like_this' is not in "
        "bot/text/catalogue.py."
    )


def test_a_why_text_that_is_not_in_the_catalogue() -> None:
    message = fails(lambda: flow(step("a", why="why_nothing_like_this")))
    assert message == (
        "Flow 'trial', step 'a': why text 'why_nothing_like_this' is not in bot/text/catalogue.py."
    )


def test_a_review_label_that_is_not_in_the_catalogue() -> None:
    message = fails(lambda: flow(step("a", label="label_nothing_like_this")))
    assert message == (
        "Flow 'trial', step 'a': label text 'label_nothing_like_this' is not in "
        "bot/text/catalogue.py."
    )


def test_every_mistake_is_told_at_once() -> None:
    message = fails(lambda: flow(step("a", clears=("x",), why="why_x"), step("a")))
    assert message.splitlines() == [
        "Flow 'trial', step 'a': clears 'x', which is not a step of this flow.",
        "Flow 'trial', step 'a': why text 'why_x' is not in bot/text/catalogue.py.",
        "Flow 'trial', step 'a': the id 'a' is used by more than one step.",
    ]


def test_a_question_says_its_catalogue_text_with_its_choices() -> None:
    yes_no = (Choice("ja", "Ja"), Choice("nee", "Nee"))
    ask = Ask("ask_when_ok", yes_no, values=lambda ctx: {"when": ctx.answers["when"]})
    out = ask(Context(person=PERSON, now=NOW, answers={"when": "gisteren"}))
    assert out.text == say("ask_when_ok", when="gisteren")
    assert out.choices == yes_no and not out.multi


def test_a_questions_choices_may_depend_on_the_person() -> None:
    def mine(ctx: Context) -> tuple[Choice, ...]:
        return (Choice("x", ctx.person.name),)

    out = Ask("ask_role", mine, multi=True)(Context(person=PERSON, now=NOW, answers={}))
    assert out.text == say("ask_role") and out.choices == (Choice("x", "Rita"),) and out.multi
