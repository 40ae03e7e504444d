"""The documents name files that exist: a path in README.md, CONTRIBUTING.md or
docs/architecture.md that no longer matches the tree fails here, not in a reader's hands.

What counts as a path, so that content types ("text/x-signal-plain"), invoke names
("adaptiveCard/action") and URLs are left alone:
- a backticked span without spaces that contains "/" and ends in "/" (a folder), has a
  file extension, or starts with a top-level folder of the repository;
- inside a fenced block (shell commands, the ASCII drawing, Mermaid), a word that starts
  with a top-level folder of the repository;
- the target of a relative Markdown link.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ("README.md", "CONTRIBUTING.md", "docs/architecture.md")
# The top level of the repository (design.md section 2), plus CI.
TOP = ("bot", "dialogs", "adapters", "storage", "infra", "tests", "bench", "docs", ".ci")
# Made by the service at run time, not part of the repository.
RUNTIME = (".weerbaar/",)

_FENCE = re.compile(r"^(```|~~~)[^\n]*\n(.*?)^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_SPAN = re.compile(r"`([^`\n]+)`")
_TOP_WORD = re.compile(r"(?<![\w./:-])((?:" + "|".join(re.escape(t) for t in TOP) + r")/[\w./*-]*)")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]+$")


def _looks_like_path(span: str) -> bool:
    if " " in span or "/" not in span or "://" in span or span.startswith(("/", "~")):
        return False
    if span.startswith(RUNTIME):
        return False
    last = span.rstrip("/").rsplit("/", 1)[-1]
    return span.endswith("/") or bool(_EXTENSION.search(last)) or span.split("/")[0] in TOP


def paths_in(text: str) -> set[str]:
    """Every path `text` names, as written (trailing punctuation removed)."""
    found: set[str] = set()
    for fence in _FENCE.finditer(text):
        found.update(m.group(1) for m in _TOP_WORD.finditer(fence.group(2)))
    prose = _FENCE.sub("", text)
    found.update(s for s in _SPAN.findall(prose) if _looks_like_path(s))
    for target in _LINK.findall(prose):
        target = target.split("#", 1)[0]
        if target and "://" not in target and not target.startswith("mailto:"):
            found.add(target)
    return {p.rstrip(".,:;)") for p in found}


def _exists(path: str, relative_to: Path) -> bool:
    if "*" in path:
        return any(ROOT.glob(path.rstrip("/")))
    return (ROOT / path).exists() or (relative_to / path).exists()


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_path_a_document_names_exists(document: str) -> None:
    source = ROOT / document
    paths = paths_in(source.read_text(encoding="utf-8"))
    assert paths, f"{document} names no paths at all: the scan is broken"
    missing = sorted(p for p in paths if not _exists(p, source.parent))
    assert missing == [], f"{document} names paths that do not exist: {missing}"


def test_the_scan_sees_paths_and_leaves_other_slashes_alone() -> None:
    text = (
        "See `bot/turns.py`, `dialogs/flows/`, `.ci/run` and [the map](docs/architecture.md)."
        " Not `text/x-signal-plain`, `adaptiveCard/action`, `/api/messages`,"
        " `.weerbaar/encryption.key`, `POST /v2/send` or [a site](https://example.org/a.md).\n"
        "```sh\n.venv/bin/python bench/report_bench.py --reports 200\n```\n"
        '```mermaid\nflowchart LR\n    a["bot/jobs/outbox.py<br/>OutboxWorker"] --> b\n```\n'
    )
    assert paths_in(text) == {
        "bot/turns.py",
        "dialogs/flows/",
        ".ci/run",
        "docs/architecture.md",
        "bench/report_bench.py",
        "bot/jobs/outbox.py",
    }


def test_a_path_that_is_gone_is_reported(tmp_path: Path) -> None:
    paths = paths_in("The old `bot/service.py` and `storage/outbox.py`.")
    assert sorted(p for p in paths if not _exists(p, tmp_path)) == [
        "bot/service.py",
        "storage/outbox.py",
    ]
