"""design.md §2: dialogs/ and bot/ see no channel SDK, no HTTP library and no SQL."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("botbuilder", "botframework", "signalbot", "aiohttp", "sqlalchemy", "msrest")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_bot_and_dialogs_import_no_sdk_http_or_sql() -> None:
    offenders = {
        str(p.relative_to(ROOT)): sorted(_imports(p) & set(FORBIDDEN))
        for pkg in ("bot", "dialogs")
        for p in (ROOT / pkg).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_channel_sdks_stay_in_their_adapters() -> None:
    for p in ROOT.rglob("*.py"):
        rel = p.relative_to(ROOT)
        if rel.parts[0] in ("tests", "bench", ".venv") or rel.parts[0].startswith("."):
            continue
        used = _imports(p)
        if used & {"botbuilder", "botframework", "msrest"}:
            assert rel.parts[:2] == ("adapters", "teams"), rel
        if "signalbot" in used:
            assert rel.parts[:2] == ("adapters", "signal"), rel


def test_domain_reads_no_clock() -> None:
    for name in ("routing.py", "deadlines.py", "workdays.py", "dates.py"):
        source = (ROOT / "bot" / "domain" / name).read_text(encoding="utf-8")
        assert ".now(" not in source and "today(" not in source and "time.time" not in source


# The domain is pure: the guideline's rules, with the few libraries that know Dutch dates.
DOMAIN_MAY_IMPORT = frozenset({"dateparser", "holidays", "babel", "dateutil"})


def _all_imports(path: Path) -> set[str]:
    """Every module a file names in an import: at the top, inside functions and under
    TYPE_CHECKING alike. A relative import is resolved against the file's package."""
    package = ".".join(path.relative_to(ROOT).parent.parts)
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                names.add(f"{base}.{node.module}" if node.module else base)
            else:
                names.add(node.module or "")
    return names


def test_the_domain_imports_only_the_stdlib_its_date_libraries_and_itself() -> None:
    offenders = {}
    for path in sorted((ROOT / "bot" / "domain").rglob("*.py")):
        bad = sorted(
            name
            for name in _all_imports(path)
            if not (
                name.split(".")[0] in sys.stdlib_module_names
                or name.split(".")[0] in DOMAIN_MAY_IMPORT
                or name == "bot.domain"
                or name.startswith("bot.domain.")
            )
        )
        if bad:
            offenders[str(path.relative_to(ROOT))] = bad
    assert offenders == {}


def test_importing_the_domain_loads_nothing_else_of_the_bot() -> None:
    """The same rule seen from the running interpreter: import every domain module in a
    fresh process and look at what got loaded."""
    modules = sorted(
        "bot.domain." + p.stem
        for p in (ROOT / "bot" / "domain").glob("*.py")
        if p.stem != "__init__"
    )
    script = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = done.stdout.split()
    ours = ("bot", "dialogs", "storage", "adapters", "pydantic", "pydantic_settings")
    leaked = [
        m
        for m in loaded
        if m.split(".")[0] in ours
        and m not in ("bot", "bot.domain")
        and not m.startswith("bot.domain.")
    ]
    assert leaked == []
