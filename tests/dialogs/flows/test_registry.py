"""The registry of flows: who each is for, in which order, and what it recognises."""

from __future__ import annotations

import pytest

from dialogs.flow import FlowError
from dialogs.flows import FLOWS, Audience, Entry, Registry, Sender, any_message
from dialogs.flows.report import REPORT
from dialogs.messages import ConversationKey, Inbound


def names(sender: Sender) -> list[str]:
    return [e.name for e in FLOWS.serving(sender)]


@pytest.mark.parametrize(
    ("sender", "tried"),
    [
        # a griffier: commands only; anything else gets "you are enrolled as ..."
        (
            Sender(staff=True, reporter=False, draft_open=False),
            ["console", "handler_commands", "evidence_command", "case_commands"],
        ),
        # a reporter: "status"/"aanvullen", "help"/"hulplijn", then a check-in reply,
        # unless a report is being written (the engine answers "help" there)
        (
            Sender(staff=False, reporter=True, draft_open=False),
            ["reporter_commands", "help", "checkin", "report"],
        ),
        (Sender(staff=False, reporter=True, draft_open=True), ["report"]),
        # someone who works cases and reports too
        (
            Sender(staff=True, reporter=True, draft_open=False),
            [
                "console",
                "handler_commands",
                "evidence_command",
                "case_commands",
                "reporter_commands",
                "help",
                "report",
            ],
        ),
        # enrolled, but neither
        (Sender(staff=False, reporter=False, draft_open=False), []),
    ],
)
def test_who_each_flow_is_for_and_in_which_order(sender: Sender, tried: list[str]) -> None:
    assert names(sender) == tried


def test_an_audience_says_whom_it_is_for() -> None:
    assert Audience(staff=True).description == "staff"
    checkin = Audience(reporter=True, staff=False, draft_open=False)
    assert checkin.description == "not staff, reporter, not draft open"
    assert Audience().description == "anyone"


def inbound(text: str) -> Inbound:
    return Inbound(ConversationKey("local", "local", "gerda"), "m1", text=text)


def test_handler_commands_recognise_a_command_and_nothing_else() -> None:
    entry = next(e for e in FLOWS if e.name == "handler_commands")
    assert entry.recognises(inbound("gedaan WB-ABC234 maatregelen"))
    assert not entry.recognises(inbound("gedaan"))
    assert not entry.recognises(inbound("hoe gaat het met WB-ABC234?"))


def test_the_report_is_the_registered_guided_flow() -> None:
    assert FLOWS.flow("report") is REPORT
    with pytest.raises(KeyError):
        FLOWS.flow("checkin")  # one message long: no steps for the engine


def test_a_name_registered_twice_is_refused() -> None:
    with pytest.raises(FlowError, match="the name 'x' is used by more than one entry"):
        Registry((Entry("x", Audience(), any_message), Entry("x", Audience(), any_message)))


def test_an_entry_carries_its_flows_name() -> None:
    with pytest.raises(FlowError, match="entry 'verslag': it runs flow 'report'"):
        Registry((Entry("verslag", Audience(), any_message, flow=REPORT),))


def test_audience_includes_matches_every_field_it_has() -> None:
    # `includes` is spelled out for speed; this keeps it in step with the fields.
    import itertools
    from dataclasses import fields

    from dialogs.flows import Audience, Sender

    assert [f.name for f in fields(Audience)] == [f.name for f in fields(Sender)]
    for wanted in itertools.product((None, True, False), repeat=len(fields(Audience))):
        audience = Audience(*wanted)
        for has in itertools.product((True, False), repeat=len(fields(Sender))):
            sender = Sender(*has)
            generic = all(w in (None, h) for w, h in zip(wanted, has, strict=True))
            assert audience.includes(sender) is generic, (audience, sender)
