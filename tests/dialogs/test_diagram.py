"""The report flow's diagram is drawn from the flow, and the committed one is up to date."""

from __future__ import annotations

from pathlib import Path

from bot.text.catalogue import say
from dialogs.conditions import AnswerIs
from dialogs.diagram import COMMAND, REPORT_DIAGRAM, main, mermaid, report_diagram
from dialogs.flow import Accept, Ask, Context, Flow, Parsed, Step
from dialogs.messages import Inbound


def _take(inbound: Inbound, _ctx: Context) -> Parsed:
    return Accept(inbound.text)


def _intro(_ctx: Context) -> str:
    return say("intro", name="Test")


def test_the_committed_diagram_is_what_the_flow_draws() -> None:
    committed = REPORT_DIAGRAM.read_text(encoding="utf-8") if REPORT_DIAGRAM.exists() else ""
    assert committed == report_diagram(), (
        f"{REPORT_DIAGRAM.relative_to(REPORT_DIAGRAM.parents[1])} is stale: run `{COMMAND}` "
        "and commit the file."
    )


def test_a_conditional_step_gets_a_diamond_and_a_way_around_it() -> None:
    flow = Flow(
        name="trial",
        intro=_intro,
        files_step="b",
        steps=(
            Step("a", Ask("ask_safe"), _take, label="label_what", clears=("b",)),
            Step("b", Ask("ask_what"), _take, ask_if=AnswerIs("a", "ja"), skippable=True),
            Step("c", Ask("ask_where"), _take, label="label_where", redo=("a",)),
        ),
    )
    drawn = mermaid(flow, "reporter").splitlines()
    assert drawn[:4] == [
        "%% Generated from the 'trial' flow by `python -m dialogs.diagram`; do not edit by hand.",
        "%% For: reporter.",
        "flowchart TD",
        '    start(["trial: intro"])',
    ]
    for line in (
        '    s_b["<b>b</b><br/>ask_what, may be skipped, keeps every file sent, '
        'not in the review"]',
        """    c_b{"a is 'ja'?"}""",
        "    start --> s_a",
        "    s_a --> c_b",
        "    c_b -- yes --> s_b",
        "    c_b -- no --> s_c",
        "    s_b --> s_c",
        "    s_c --> review",
        "    s_a -. clears .-> s_b",
        "    s_c -. redo .-> s_a",
    ):
        assert line in drawn


def test_the_command_writes_the_diagram(tmp_path: Path) -> None:
    target = tmp_path / "docs" / "report-flow.mmd"
    assert main([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == report_diagram()
