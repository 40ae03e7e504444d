"""Conditions: what each asks of the answers, what it says of itself, what it reads."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bot.domain.records import Person
from dialogs.conditions import AnswerIn, AnswerIs, Check
from dialogs.flow import Context, FlowError


def ctx(**answers: Any) -> Context:
    return Context(
        person=Person(id=1, name="Rita", roles=()),
        now=datetime(2026, 11, 20, tzinfo=UTC),
        answers=answers,
    )


def test_answer_is() -> None:
    unsafe = AnswerIs("safe", False)
    assert unsafe(ctx(safe=False))
    assert not unsafe(ctx(safe=True)) and not unsafe(ctx())
    # The same type, as `is False` had it: a missing answer or a 0 is not "no".
    assert not unsafe(ctx(safe=0)) and not unsafe(ctx(safe=None))
    assert unsafe.description == "safe is False"
    assert unsafe.reads == ("safe",)


def test_answer_in() -> None:
    someone = AnswerIn("perp_known", ("bekend", "beschrijving"))
    assert someone(ctx(perp_known="bekend")) and someone(ctx(perp_known="beschrijving"))
    assert not someone(ctx(perp_known="onbekend")) and not someone(ctx())
    assert someone.description == "perp_known is 'bekend' or 'beschrijving'"
    assert someone.reads == ("perp_known",)


def answered_twice(c: Context) -> bool:
    """At least two questions are answered."""
    return len(c.answers) >= 2


def test_check_wraps_a_named_function_and_says_what_its_docstring_says() -> None:
    check = Check(answered_twice, reads=("a", "b"))
    assert check(ctx(a=1, b=2)) and not check(ctx(a=1))
    assert check.description == "At least two questions are answered"
    assert check.reads == ("a", "b")


def undocumented(_c: Context) -> bool:
    return True


@pytest.mark.parametrize("test", [lambda _c: True, undocumented])
def test_check_refuses_a_lambda_or_a_function_without_a_docstring(test: Any) -> None:
    with pytest.raises(FlowError, match="needs a named function with a docstring"):
        Check(test)
