"""The annex's nine steps as data: what a tick may record, and when the second opinion
of the hulpofficier van justitie is on the list."""

from __future__ import annotations

import pytest

from bot.domain.annex import (
    BY_KEY,
    STEPS,
    TickError,
    applies,
    check_tick,
    follow_ups,
)


def test_nine_numbered_steps_and_the_second_opinion() -> None:
    assert [s.number for s in STEPS if s.number is not None] == list(range(1, 10))
    assert BY_KEY["4"].values == ("melding", "aangifte")
    assert not applies(BY_KEY["hulpofficier"], {})
    assert applies(BY_KEY["hulpofficier"], {"8": "niet_strafbaar"})
    assert not applies(BY_KEY["hulpofficier"], {"8": "openbaar_ministerie"})


def test_the_follow_up_depends_on_what_was_filed() -> None:
    assert follow_ups({"4": "melding"}) == ("politiedossier",)
    assert follow_ups({"4": "aangifte"}) == ("openbaar_ministerie", "niet_strafbaar")
    assert len(follow_ups({})) == 3


@pytest.mark.parametrize(
    ("key", "value", "ticked", "code"),
    [
        ("11", None, {}, "unknown_step"),
        ("4", None, {}, "value_needed"),
        ("4", "proces-verbaal", {}, "value_needed"),
        ("3", "aangifte", {}, "no_value"),
        ("8", "openbaar_ministerie", {"4": "melding"}, "value_needed"),
        ("hulpofficier", "gevraagd", {"8": "openbaar_ministerie"}, "not_applicable"),
    ],
)
def test_a_tick_that_cannot_be_recorded_says_why(
    key: str, value: str | None, ticked: dict[str, str | None], code: str
) -> None:
    with pytest.raises(TickError) as refused:
        check_tick(key, value, ticked)
    assert refused.value.code == code


def test_good_ticks() -> None:
    assert check_tick(" 3 ", None, {}).key == "3"
    assert check_tick("4", "melding", {}).key == "4"
    assert check_tick("8", "politiedossier", {"4": "melding"}).key == "8"
    assert check_tick("HULPOFFICIER", "gevraagd", {"8": "niet_strafbaar"}).number is None
