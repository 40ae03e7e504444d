"""A guided flow as a Mermaid diagram, drawn from the flow's own data.

    python -m dialogs.diagram          # writes docs/report-flow.mmd

The engine asks the first step, in order, that applies and has no answer yet, so the
diagram is the steps in order with a diamond before each conditional one; a dotted arrow
is a parser's way back (`redo`), an answer that clears another (`clears`), or a message
that answers a later question too (`fills`: a story read back). A test fails
when the committed file is not what this draws.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dialogs.flow import Flow, Step
from dialogs.flows import FLOWS

ROOT = Path(__file__).resolve().parents[1]
REPORT_DIAGRAM = ROOT / "docs" / "report-flow.mmd"
COMMAND = "python -m dialogs.diagram"


def _text(value: str) -> str:
    return value.replace('"', "#quot;")


def _node(step: Step, files_step: str | None) -> str:
    notes = [step.prompt.key]
    if step.skippable:
        notes.append("may be skipped")
    if step.id == files_step:
        notes.append("keeps every file sent")
    if step.label is None:
        notes.append("not in the review")
    return f'    s_{step.id}["<b>{step.id}</b><br/>{_text(", ".join(notes))}"]'


def mermaid(flow: Flow, audience: str = "anyone") -> str:
    """The diagram of `flow` as Mermaid flowchart text."""
    steps = flow.steps
    entry = [f"c_{s.id}" if s.ask_if is not None else f"s_{s.id}" for s in steps]
    entry.append("review")
    lines = [
        f"%% Generated from the {flow.name!r} flow by `{COMMAND}`; do not edit by hand.",
        f"%% For: {audience}.",
        "flowchart TD",
        f'    start(["{flow.name}: intro"])',
    ]
    for step in steps:
        lines.append(_node(step, flow.files_step))
        if step.ask_if is not None:
            lines.append(f'    c_{step.id}{{"{_text(step.ask_if.description)}?"}}')
    lines += ['    review[["review: verstuur, or wijzig N"]]', '    submit(["submitted"])']
    lines.append(f"    start --> {entry[0]}")
    for n, step in enumerate(steps):
        if step.ask_if is not None:
            lines.append(f"    c_{step.id} -- yes --> s_{step.id}")
            lines.append(f"    c_{step.id} -- no --> {entry[n + 1]}")
        lines.append(f"    s_{step.id} --> {entry[n + 1]}")
    lines.append('    review -- "verstuur" --> submit')
    ids = {s.id for s in steps}
    for step in steps:
        lines += [f"    s_{step.id} -. redo .-> s_{target}" for target in step.redo]
        lines += [f"    s_{step.id} -. clears .-> s_{t}" for t in step.clears if t in ids]
        lines += [f"    s_{step.id} -. fills .-> s_{t}" for t in step.fills if t in ids]
    return "\n".join(lines) + "\n"


def report_diagram() -> str:
    return mermaid(FLOWS.flow("report"), FLOWS.entry("report").audience.description)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else REPORT_DIAGRAM
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(report_diagram(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
