"""design.md §2: the layers, as tests that see every import.

Imports are read with `ast` over every node of every module, so an import inside a
function or under `if TYPE_CHECKING:` counts like a top-level one, and a relative import
is resolved to the module it names. One test also imports the core in a fresh interpreter
and looks at `sys.modules`, which catches what the source scan cannot (an import made by
a dependency, or by `importlib`).

Each rule below says what it forbids; a violation is reported as `file:line: imports X
(rule: ...)`. An exception is an entry in an allow-list with its reason.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "dialogs", "adapters", "storage")

TEAMS_SDK = ("botbuilder", "botframework", "msrest")
SIGNAL_SDK = ("signalbot",)
SDK_HTTP_SQL = (*TEAMS_SDK, *SIGNAL_SDK, "aiohttp", "sqlalchemy")

# Third-party packages the pure domain may use: calendars, date words, Dutch names.
DOMAIN_MAY_USE = ("dateparser", "holidays", "babel", "dateutil", "phonenumbers")

# The two places in bot/ that may reach storage/ and adapters/: they build the concrete
# things the rest of bot/ only sees through bot/ports.py.
BOT_MAY_REACH_OUT = {
    "bot/app.py": "the composition root: builds the database, the store and the cipher",
    "bot/cli/": "the operator CLI: opens the local chat, serves HTTP, rotates keys, "
    "packages the Teams app",
}

# Temporary: imports in files another engineer is reworking right now (adapters/teams/
# actions.py and runtime.py). Each entry is (file, imported module): reason, and goes when
# that work lands. An entry is also left out of the cycle graph. The test fails when an
# entry is no longer needed, so the list cannot outlive its reason.
TEMPORARY: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Import:
    file: str  # path relative to the repository, with forward slashes
    line: int
    target: str  # the dotted module name, resolved when relative

    @property
    def top(self) -> str:
        return self.target.split(".")[0]

    def under(self, *names: str) -> bool:
        """Whether the target is one of `names` or inside one of them."""
        return any(self.target == n or self.target.startswith(n + ".") for n in names)


def _module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def _sources() -> dict[str, Path]:
    """Every project module by its dotted name."""
    return {_module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def _imports_of(path: Path, root: Path = ROOT) -> list[Import]:
    """Every import in this file, at any depth. `from a import b` names `a.b` when that
    is a project module (so `from bot import ports` is an import of bot.ports)."""
    rel = path.relative_to(root).as_posix()
    module = _module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=rel)):
        if isinstance(node, ast.Import):
            found.extend(Import(rel, node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                assert base, f"{rel}:{node.lineno}: relative import above the top package"
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                assert node.module is not None
                source = node.module
            targets = [
                f"{source}.{a.name}" for a in node.names if f"{source}.{a.name}" in _sources()
            ]
            found.extend(Import(rel, node.lineno, t) for t in targets or [source])
    return found


@cache
def _all_imports() -> tuple[Import, ...]:
    return tuple(i for path in _sources().values() for i in _imports_of(path))


def _in(file: str, *folders: str) -> bool:
    return any(file == f or file.startswith(f.rstrip("/") + "/") for f in folders)


def _report(found: list[tuple[Import, str]]) -> str:
    return "\n".join(f"{i.file}:{i.line}: imports {i.target} (rule: {rule})" for i, rule in found)


def _allowed(i: Import) -> bool:
    return (i.file, i.target) in TEMPORARY


def _check(rule: str, forbidden: Iterator[Import]) -> None:
    """Fail with every forbidden import of this rule that no allow-list entry covers."""
    violations = [(i, rule) for i in forbidden if not _allowed(i)]
    if violations:
        pytest.fail(_report(violations), pytrace=False)


# --- the rules ----------------------------------------------------------------------------


CORE = ("bot.turns", "bot.cases.submit", "bot.jobs.outbox", "dialogs.engine")


@pytest.mark.parametrize("module", CORE)
def test_the_core_loads_no_sdk_http_or_sql(module: str) -> None:
    """Rule: importing the core loads none of the SDKs, aiohttp or SQLAlchemy."""
    probe = (
        f"import json, sys; import {module}; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(run.stdout)) & set(SDK_HTTP_SQL)
    if loaded:
        pytest.fail(
            f"import {module} loads {', '.join(sorted(loaded))} (rule: the core, imported "
            "alone, loads no channel SDK, aiohttp or sqlalchemy)",
            pytrace=False,
        )


def test_domain_imports_only_stdlib_and_date_libraries() -> None:
    allowed = set(sys.stdlib_module_names) | set(DOMAIN_MAY_USE)
    _check(
        "bot/domain/** imports only the stdlib, " + ", ".join(DOMAIN_MAY_USE) + " and bot.domain",
        (
            i
            for i in _all_imports()
            if _in(i.file, "bot/domain") and not (i.top in allowed or i.under("bot.domain"))
        ),
    )


def test_importing_the_domain_loads_nothing_else_of_the_project() -> None:
    """The domain rule seen from the running interpreter: import every domain module in a
    fresh process and look at what got loaded."""
    modules = sorted(m for m in _sources() if m.startswith("bot.domain."))
    probe = "import json, sys; " + "".join(f"import {m}; " for m in modules)
    probe += "print(json.dumps(sorted(sys.modules)))"
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    ours = (*PACKAGES, "pydantic", "pydantic_settings")
    leaked = [
        m
        for m in json.loads(run.stdout)
        if m.split(".")[0] in ours
        and m not in ("bot", "bot.domain")
        and not m.startswith("bot.domain.")
    ]
    if leaked:
        pytest.fail(
            f"importing bot.domain loads {', '.join(leaked)} "
            "(rule: bot/domain/** imports only the stdlib, its date libraries and itself)",
            pytrace=False,
        )


def test_domain_reads_no_clock() -> None:
    """Rule: the domain is handed `now`; it never reads the clock itself."""
    for path in sorted((ROOT / "bot" / "domain").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for needle in (".now(", "today(", "time.time", "utcnow("):
            assert needle not in source, (
                f"{path.relative_to(ROOT).as_posix()}: reads the clock ({needle}) "
                "(rule: bot/domain/** is passed `now`)"
            )


def test_bot_and_dialogs_import_no_sdk_http_or_sql() -> None:
    _check(
        "bot/** and dialogs/** never import a channel SDK, aiohttp or sqlalchemy",
        (i for i in _all_imports() if _in(i.file, "bot", "dialogs") and i.top in SDK_HTTP_SQL),
    )


def test_bot_reaches_storage_and_adapters_only_from_the_composition_root() -> None:
    _check(
        "bot/** never imports storage or adapters, except " + ", ".join(BOT_MAY_REACH_OUT),
        (
            i
            for i in _all_imports()
            if _in(i.file, "bot")
            and i.top in ("storage", "adapters")
            and not _in(i.file, *BOT_MAY_REACH_OUT)
        ),
    )


def test_storage_does_not_import_the_application() -> None:
    upward = ("bot.cases", "bot.turns", "bot.jobs", "bot.cli", "bot.app", "adapters")
    _check(
        "storage/** never imports " + ", ".join(upward),
        (i for i in _all_imports() if _in(i.file, "storage") and i.under(*upward)),
    )


def test_adapters_do_not_import_storage() -> None:
    _check(
        "adapters/** never imports storage or sqlalchemy (they reach the database only "
        "through the ports the app hands them)",
        (
            i
            for i in _all_imports()
            if _in(i.file, "adapters") and i.top in ("storage", "sqlalchemy")
        ),
    )


def _calls(path: Path) -> set[str]:
    """The name of every function or method called in a module (`x.y.transaction()` is
    "transaction")."""
    called: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute):
                called.add(node.func.attr)
            elif isinstance(node.func, ast.Name):
                called.add(node.func.id)
    return called


def test_the_teams_adapter_opens_no_transaction() -> None:
    """Rule: card presses, references and queued replies go through the core
    (bot/cases/actions.py, bot/jobs/outbox.py): nothing in adapters/teams/ opens a
    transaction or touches a repository."""
    for path in sorted((ROOT / "adapters" / "teams").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        assert "transaction" not in _calls(path), (
            f"{rel}: opens a transaction (rule: adapters/teams/** goes through the core)"
        )
        source = path.read_text(encoding="utf-8")
        for repository in ("tx.", ".store"):
            assert repository not in source, (
                f"{rel}: uses {repository!r} (rule: adapters/teams/** touches no repository)"
            )


def test_channel_sdks_stay_in_their_adapters() -> None:
    _check(
        "botbuilder, botframework and msrest only in adapters/teams/**",
        (i for i in _all_imports() if i.top in TEAMS_SDK and not _in(i.file, "adapters/teams")),
    )
    _check(
        "signalbot only in adapters/signal/**",
        (i for i in _all_imports() if i.top in SIGNAL_SDK and not _in(i.file, "adapters/signal")),
    )


def _project_module(target: str) -> str | None:
    """The project module an import loads: the longest prefix of it that is one."""
    parts = target.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in _sources():
            return ".".join(parts[:n])
    return None


def _cycles(edges: dict[str, dict[str, Import]]) -> list[list[str]]:
    """One cycle for every strongly connected group of modules (Tarjan), as the modules
    along it, the first repeated at the end."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group: set[str] = set()
            while True:
                w = stack.pop()
                group.add(w)
                if w == v:
                    break
            if len(group) > 1 or v in edges.get(v, {}):
                groups.append(group)

    for v in sorted(edges):
        if v not in index:
            visit(v)

    cycles = []
    for group in groups:
        # Walk inside the group from its first module until a module repeats.
        path = [min(group)]
        while True:
            step = min(w for w in edges[path[-1]] if w in group)
            if step in path:
                cycles.append([*path[path.index(step) :], step])
                break
            path.append(step)
    return sorted(cycles)


def test_no_import_cycles() -> None:
    """Rule: the project's modules form no import cycle, counting imports inside functions
    and under TYPE_CHECKING (a cycle they hide still ties the two modules together)."""
    edges: dict[str, dict[str, Import]] = {}
    for i in _all_imports():
        source = _module_name(ROOT / i.file)
        target = _project_module(i.target)
        if target is not None and target != source and not _allowed(i):
            edges.setdefault(source, {}).setdefault(target, i)
    cycles = _cycles(edges)
    if cycles:
        pytest.fail(
            "\n".join(
                " -> ".join(cycle)
                + " (rule: no import cycle; at "
                + ", ".join(f"{edges[a][b].file}:{edges[a][b].line}" for a, b in pairwise(cycle))
                + ")"
                for cycle in cycles
            ),
            pytrace=False,
        )


# --- the checker itself -------------------------------------------------------------------


def test_the_scan_sees_function_level_type_checking_and_relative_imports(
    tmp_path: Path,
) -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from bot.app import Weerbaar\n"
        "def f():\n"
        "    import sqlalchemy.orm\n"
        "    from . import outbox\n"
        "    from ..ports import Channel\n"
    )
    path = tmp_path / "bot" / "jobs" / "probe.py"
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    seen = [(i.line, i.target) for i in _imports_of(path, tmp_path)]
    assert sorted(seen) == [
        (1, "typing"),
        (3, "bot.app"),
        (5, "sqlalchemy.orm"),
        (6, "bot.jobs.outbox"),
        (7, "bot.ports"),
    ]


def test_a_cycle_is_reported_as_its_modules() -> None:
    edge = Import("x.py", 1, "x")
    graph = {"a": {"b": edge}, "b": {"c": edge}, "c": {"a": edge}, "d": {"a": edge}}
    assert _cycles(graph) == [["a", "b", "c", "a"]]


def test_every_temporary_entry_is_still_needed() -> None:
    imports = {(i.file, i.target) for i in _all_imports()}
    stale = [entry for entry in TEMPORARY if entry not in imports]
    assert not stale, f"allow-list entries no longer needed, remove them: {stale}"
