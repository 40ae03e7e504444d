"""`weerbaar console --as HANDLE`, the browser chat, and `./dev start`'s link to it."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import aiohttp
import pytest

from bot.cli.main import main
from tests.conftest import TEST_KEY, AppFactory
from tests.console.conftest import Served, serve
from tests.console.test_signin import _csrf


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEERBAAR_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("WEERBAAR_ENCRYPTION_KEYS", TEST_KEY)
    monkeypatch.setenv("WEERBAAR_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)


def test_the_cli_prints_a_link_for_staff_only(
    env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    capsys.readouterr()
    assert main(["console", "--as", "griffier-zeist"]) == 0
    out, err = capsys.readouterr()
    assert re.fullmatch(r"http://127\.0\.0\.1:3978/console/inloggen/[\w-]{40,}\n", out)
    assert "Gerda Smit" in err and "10 minutes" in err
    assert main(["console", "--as", "bram"]) != 0  # a reporter works no cases
    assert main(["console", "--as", "nobody"]) != 0
    out, err = capsys.readouterr()
    assert "/console/inloggen/" not in out and "works no cases" in err


async def test_the_browser_chat_runs_the_same_flows(
    served: Served, http: aiohttp.ClientSession
) -> None:
    url = served.url + "/console/chat?als=sanne"
    async with http.get(url) as answer:
        html = await answer.text()
        assert answer.status == 200
    async with http.post(url, data={"csrf": _csrf(html), "bericht": "hallo"}) as answer:
        html = await answer.text()
    assert answer.status == 200 and answer.url.path == "/console/chat"
    assert "hallo" in html and "veilig" in html.lower()
    async with http.post(url, data={"bericht": "zonder token"}) as answer:
        assert answer.status == 403
    for bad, status in (("als=niemand", 404), ("als=<script>", 400)):
        async with http.get(served.url + "/console/chat?" + bad) as answer:
            assert answer.status == status


async def test_no_browser_chat_outside_development(
    make_app: AppFactory, sqlite_url: str, http: aiohttp.ClientSession
) -> None:
    app = await make_app(sqlite_url, console_chat=False)
    runner, url = await serve(app)
    try:
        async with http.get(url + "/console/chat") as answer:
            assert answer.status == 404
    finally:
        await runner.cleanup()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_dev_start_prints_the_browser_chat_beside_the_terminal(tmp_path: Path) -> None:
    """`weerbaar demo --chat anna` (what ./dev start runs) serves /console/chat on
    loopback while the terminal chat reads its lines, and says where."""
    port = _free_port()
    env = {
        **os.environ,
        "WEERBAAR_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'dev.db'}",
        "WEERBAAR_ENCRYPTION_KEYS": TEST_KEY,
        "WEERBAAR_HOME": str(tmp_path / "home"),
        "WEERBAAR_PORT": str(port),
    }
    with subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "demo", "--chat", "anna"],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdin is not None and proc.stderr is not None
        try:
            said = ""
            while "browser" not in said:
                line = proc.stderr.readline()
                assert line, "demo ended before it printed the browser link"
                said += line
            link = re.search(r"http://\S+/console/chat\?als=anna", said)
            assert link, said
            with urllib.request.urlopen(link.group(0), timeout=10) as answer:
                assert answer.status == 200
                assert "Probeer Weerbaar" in answer.read().decode()
            proc.communicate("/exit\n", timeout=30)
            assert proc.returncode == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
