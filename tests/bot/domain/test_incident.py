"""bot/domain/incident.py: serious harm and suspected offences, from a report's answers."""

from __future__ import annotations

import pytest

from bot.domain.incident import INJURIES, KINDS, criminal_suspected, is_serious


@pytest.mark.parametrize(
    ("injury", "serious"),
    [
        ((), False),
        (("geen",), False),
        (("psychisch_letsel",), True),
        (("ziekenhuis", "blijvend"), True),
        (("geen", "lichamelijk_letsel"), True),
    ],
)
def test_serious_harm_is_any_injury_but_none(injury: tuple[str, ...], serious: bool) -> None:
    assert is_serious({"injury": list(injury)}) is serious


@pytest.mark.parametrize(
    ("answer", "suspected"), [("ja", True), ("weet_niet", True), ("nee", False), (None, False)]
)
def test_a_doubt_counts_as_a_suspected_offence(answer: str | None, suspected: bool) -> None:
    assert criminal_suspected({"criminal": answer}) is suspected


def test_the_guideline_lists_nine_kinds_and_geen_is_an_injury_choice() -> None:
    assert len(KINDS) == len(set(KINDS)) == 9 and "geen" in INJURIES
