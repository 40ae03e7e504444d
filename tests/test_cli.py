"""The operator's commands, run as a newcomer would run them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.text.catalogue import say
from tests.chat import report_lines
from tests.conftest import TEST_KEY


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    values = {
        "WEERBAAR_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}",
        "WEERBAAR_ENCRYPTION_KEYS": TEST_KEY,
        "WEERBAAR_HOME": str(tmp_path / "home"),
    }
    for k, v in values.items():
        monkeypatch.setenv(k, v)
    monkeypatch.chdir(tmp_path)
    return values


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_people_add_list_remove(env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "people",
        "add",
        "--name",
        "Gerda Smit",
        "--role",
        "griffier",
        "--org",
        "Gemeente Zeist",
        "--teams",
        "aad-123",
        "--local",
        "gerda",
    )
    assert code == 0 and "griffier at Gemeente Zeist" in out
    code, out, _ = run(
        capsys,
        "people",
        "add",
        "--name",
        "Piet",
        "--role",
        "raadslid",
        "--org",
        "zeist",
        "--signal",
        "06 12345678",
    )
    assert code == 0
    code, out, _ = run(capsys, "people", "list")
    assert "Gerda Smit" in out and "not yet reachable in Teams" in out
    assert "signal:+31612345678" in out
    code, out, _ = run(capsys, "people", "remove", "gerda")
    assert code == 0
    code, out, _ = run(capsys, "people", "list")
    assert "Gerda" not in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--role", "baas", "--org", "zeist"], "Unknown role 'baas'. Valid roles: commissaris"),
        (["--role", "griffier", "--org", "Zeistt"], "Unknown organisation 'Zeistt'. Valid: "),
        (["--role", "dijkgraaf", "--org", "zeist"], "does not belong to a gemeente"),
        (["--role", "griffier", "--org", "zeist", "--signal", "12"], "not a valid phone number"),
    ],
)
def test_mistakes_get_one_clear_line(
    env: dict[str, str], capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    extra = [] if "--signal" in args else ["--local", "x"]
    code, _out, err = run(capsys, "people", "add", "--name", "X", *args, *extra)
    assert code == 2
    assert says in err and err.count("\n") == 1 and "Traceback" not in err


def test_orgs_list(env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "orgs", "list")
    assert code == 0 and len(out.splitlines()) == 31 and "Waterschap Rivierenland" in out


def test_chat_from_a_pipe_then_cases_list_and_show(
    env: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "demo")[0] == 0
    lines = "\n".join([*report_lines(what="Schelden bij de ingang."), "verstuur"]) + "\n"
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--as", "bram"],
        input=lines,
        text=True,
        capture_output=True,
        env={**os.environ, **env},
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Je kenmerk is WB-" in done.stdout
    reference = done.stdout.split("Je kenmerk is ")[1][:9]

    code, out, _ = run(capsys, "cases", "list")
    assert reference in out and "griffier" in out
    code, out, _ = run(capsys, "cases", "show", reference, "--by", "griffier-zeist")
    assert "Schelden bij de ingang." in out and "griffier at Gemeente Zeist" in out
    assert "Seen by: " in out
    code, _, err = run(capsys, "cases", "show", "WB-NOPE99", "--by", "griffier-zeist")
    assert code == 2 and "No case" in err
    # Someone who may not read it: one line, exit 2, and the attempt is in the audit trail.
    code, out, err = run(capsys, "cases", "show", reference, "--by", "anna")
    assert code == 2 and "not a handler" in err and "Schelden" not in out
    code, _, err = run(capsys, "cases", "show", reference, "--by", "nobody")
    assert code == 2 and "No person 'nobody'" in err
    code, out, _ = run(capsys, "cases", "audit", reference)
    view, refusal = out.strip().splitlines()
    assert "view" in view and "cli" in view and "operator for" in view
    assert "refused" in refusal and "attempt=view" in refusal and "Anna" in refusal

    # the griffier of Zeist sees the new case when opening the chat
    seen = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--as", "griffier-zeist"],
        input="",
        text=True,
        capture_output=True,
        env={**os.environ, **env},
        cwd=tmp_path,
        timeout=60,
    )
    assert f"Nieuwe melding {reference}" in seen.stdout


@pytest.mark.parametrize(
    "locale",
    [
        {"LC_ALL": "C"},
        {"LC_ALL": "C.UTF-8"},
        {"PYTHONIOENCODING": "utf-8:strict"},  # as strict as an nl_NL.UTF-8 terminal
    ],
    ids=["C", "C.UTF-8", "strict-UTF-8"],
)
def test_chat_reads_bytes_that_are_not_utf8_and_says_so_once(
    env: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    locale: dict[str, str],
) -> None:
    assert run(capsys, "demo")[0] == 0
    lines = report_lines(what="Hij riep \xe9\xe9n keer iets.")
    lines[0] = "hall\xf6"  # Latin-1 bytes from an old terminal, not UTF-8
    piped = b"".join(
        line.encode("latin-1") if "\xe9" in line or "\xf6" in line else line.encode()
        for line in (f"{line}\n" for line in [*lines, "verstuur"])
    )
    plain = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO"))}
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--as", "bram"],
        input=piped,
        capture_output=True,
        env={**plain, **env, **locale, "PYTHONUTF8": "0"},
        cwd=tmp_path,
        timeout=60,
    )
    out = done.stdout.decode("utf-8")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in done.stderr.decode("utf-8", "replace")
    assert out.count(say("local_unreadable")) == 1
    assert say("sorry_not_saved") not in out and say("sorry_error") not in out
    assert "Je kenmerk is WB-" in out  # every line after the bad bytes was read
    reference = out.split("Je kenmerk is ")[1][:9]
    code, shown, _ = run(capsys, "cases", "show", reference, "--by", "griffier-zeist")
    assert code == 0 and "Hij riep \ufffd\ufffdn keer iets." in shown


def test_chat_as_an_unknown_handle(env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "chat", "--as", "nobody")
    assert code == 2 and "No one is enrolled with local handle 'nobody'" in err


def test_production_without_a_key_refuses_to_start(
    env: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WEERBAAR_ENCRYPTION_KEYS")
    monkeypatch.setenv("WEERBAAR_MODE", "production")
    code, _, err = run(capsys, "orgs", "list")
    assert code == 2 and "WEERBAAR_ENCRYPTION_KEYS is missing" in err


def test_keys_new_then_rotate(
    env: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "demo")[0] == 0  # names are encrypted under the test key
    code, out, _ = run(capsys, "keys", "new")
    new_key = out.strip()
    assert code == 0 and new_key.startswith("k1:")
    monkeypatch.setenv("WEERBAAR_ENCRYPTION_KEYS", f"{new_key},{env['WEERBAAR_ENCRYPTION_KEYS']}")
    code, out, _ = run(capsys, "keys", "rotate")
    assert code == 0 and "people.name_enc" in out and "under key 'k1'" in out
    monkeypatch.setenv("WEERBAAR_ENCRYPTION_KEYS", new_key)  # the old key is gone
    code, out, _ = run(capsys, "people", "list")
    assert code == 0 and "Anna de Vries" in out


def test_cases_close_follows_the_basisafspraak(
    env: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "demo")[0] == 0
    lines = "\n".join([*report_lines(), "verstuur"]) + "\n"
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--as", "bram"],
        input=lines,
        text=True,
        capture_output=True,
        env={**os.environ, **env},
        cwd=tmp_path,
        timeout=60,
    )
    reference = done.stdout.split("Je kenmerk is ")[1][:9]
    code, _, err = run(capsys, "cases", "close", reference, "--by", "griffier-zeist")
    assert code == 2 and "no recorded response" in err and "taken it in hand" in err
    code, _, err = run(capsys, "cases", "close", reference, "--by", "anna")
    assert code == 2 and "not a handler" in err
    code, out, _ = run(
        capsys, "cases", "record", reference, "done", "acknowledge", "--by", "griffier-zeist"
    )
    assert code == 0
    code, _, err = run(capsys, "cases", "close", reference, "--by", "griffier-zeist")
    assert code == 2 and "no recorded response" in err and "taken it in hand" not in err
    code, out, _ = run(
        capsys,
        "cases",
        "record",
        reference,
        "response",
        "incidentgesprek",
        "--by",
        "griffier-zeist",
    )
    assert code == 0 and "recorded" in out
    code, out, _ = run(capsys, "cases", "close", reference, "--by", "griffier-zeist")
    assert code == 0 and "closed" in out and "Incidentgesprek" in out
    code, out, _ = run(capsys, "cases", "show", reference, "--by", "griffier-zeist")
    assert "(closed)" in out and "response" in out


def test_teams_package_and_a_half_configured_teams(
    env: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app_id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
    out = tmp_path / "app.zip"
    code, printed, _ = run(
        capsys,
        "teams",
        "package",
        "--host",
        "weerbaar.example.nl",
        "--out",
        str(out),
        "--app-id",
        app_id,
    )
    assert code == 0 and out.is_file() and str(out) in printed
    monkeypatch.setenv("WEERBAAR_TEAMS_APP_ID", app_id)
    code, _, err = run(capsys, "orgs", "list")
    assert code == 2
    assert err.strip() == (
        "weerbaar: Teams is partly configured: WEERBAAR_TEAMS_APP_PASSWORD, "
        "WEERBAAR_TEAMS_TENANT_ID are missing."
    )
