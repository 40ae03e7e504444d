"""Typed outbox notices read the rows stored before they were typed, and write them back
in the same shape."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.cases.notices import (
    CaseCardRefresh,
    CaseRouted,
    Checkin,
    Reminder,
    notice_from_dict,
)

ROUTED: dict[str, Any] = {
    "kind": "case_routed",
    "case_id": 7,
    "reference": "WB-ABC234",
    "role": "wethouder",
    "org": "Gemeente Houten",
    "kinds": ["verbale_agressie", "bedreiging"],
    "when": "gisteren om 14:30",
    "serious": True,
    "criminal": False,
    "handler_function": "gemeentesecretaris",
    "deadlines": [
        {"kind": "acknowledge", "task": "ontvangst bevestigen", "due": "25 nov", "done": False}
    ],
}

# One row of each kind, as the code before typed notices stored them.
STORED: list[dict[str, Any]] = [
    ROUTED,
    {
        "kind": "case_card_refresh",
        "message_id": "1:card-7",
        "audience": "team",
        "case": ROUTED,
        "acknowledged": {
            "by": "Ineke de Boer",
            "at": "2026-11-25T10:00:00+01:00",
            "at_shown": "25 november 2026, 10:00",
        },
    },
    {"kind": "case_acknowledged", "case_id": 7, "reference": "WB-ABC234"},
    {"kind": "case_informed", "case_id": 7, "reference": "WB-ABC234"},
    {
        "kind": "checkin",
        "case_id": 7,
        "reference": "WB-ABC234",
        "number": 2,
        "late": True,
        "choices": [{"value": "goed", "label": "Goed"}, {"value": "contact", "label": "Bel me"}],
    },
    {"kind": "checkin_contact", "case_id": 7, "reference": "WB-ABC234", "org": "Gemeente Houten"},
    {
        "kind": "reminder",
        "case_id": 7,
        "reference": "WB-ABC234",
        "deadline": "measures",
        "task": "maatregelen afspreken",
        "word": "maatregelen",
        "step": "escalation_1",
        "escalation": True,
        "due": "2026-11-28T14:30:00+01:00",
        "planned": "2026-11-28T08:30:00+01:00",
        "late": False,
        "org": None,
        "actions": ["done", "later"],
    },
]


@pytest.mark.parametrize("stored", STORED, ids=[s["kind"] for s in STORED])
def test_a_stored_notice_reads_as_its_type_and_writes_back_unchanged(
    stored: dict[str, Any],
) -> None:
    notice = notice_from_dict(stored)
    assert notice is not None and notice.kind == stored["kind"]
    assert notice.to_dict() == stored


def test_the_types_carry_the_facts() -> None:
    routed = notice_from_dict(STORED[0])
    assert isinstance(routed, CaseRouted)
    assert routed.kinds == ("verbale_agressie", "bedreiging")
    assert routed.deadlines[0].task == "ontvangst bevestigen"
    refresh = notice_from_dict(STORED[1])
    assert isinstance(refresh, CaseCardRefresh) and refresh.case == routed
    assert refresh.acknowledged is not None and refresh.acknowledged.by == "Ineke de Boer"
    checkin = notice_from_dict(STORED[4])
    assert isinstance(checkin, Checkin) and [c.value for c in checkin.choices] == [
        "goed",
        "contact",
    ]
    reminder = notice_from_dict(STORED[6])
    assert isinstance(reminder, Reminder) and reminder.facts.escalation
    assert "org" not in reminder.facts.button_data()  # empty values stay off the buttons


def test_a_routed_case_without_deadlines_reads_as_none_listed() -> None:
    older = {k: v for k, v in ROUTED.items() if k != "deadlines"}
    routed = notice_from_dict(older)
    assert isinstance(routed, CaseRouted) and routed.deadlines == ()


def test_no_notice_an_unknown_kind_or_a_broken_one_is_none(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    assert notice_from_dict(None) is None
    assert notice_from_dict({"kind": "something_new", "secret": "ZQX"}) is None
    assert notice_from_dict({"kind": "case_acknowledged"}) is None  # no case_id
    assert "ZQX" not in caplog.text and "WB-" not in caplog.text
