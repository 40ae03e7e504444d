"""adapters/http.py: `weerbaar serve` as systemd runs it, stopped with SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from adapters.http import server_options
from tests.conftest import TEST_KEY, make_settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(port: int, proc: subprocess.Popen[str], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "serve exited before it was ready"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("serve never became ready")


def test_sigterm_stops_serve_in_order_and_exits_0(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "WEERBAAR_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'serve.db'}",
        "WEERBAAR_ENCRYPTION_KEYS": TEST_KEY,
        "WEERBAAR_HOME": str(tmp_path / "home"),
        "WEERBAAR_PORT": str(port),
        "WEERBAAR_SHUTDOWN_SECONDS": "5",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_ready(port, proc)
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopped in" in err and "Traceback" not in err


# -- the server's own limits (server_options): slow clients and broken HTTP -----------------


async def _serving(tmp_path: Path, **settings: object) -> tuple[Any, int]:
    app = web.Application()

    async def ok(_request: web.Request) -> web.Response:
        return web.Response(text="ok")

    app.router.add_get("/healthz", ok)
    options = server_options(make_settings("sqlite+aiosqlite://", tmp_path, **settings))
    runner = web.AppRunner(app, **options)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, int(runner.addresses[0][1])


async def test_a_client_that_never_finishes_its_headers_is_cut_off(tmp_path: Path) -> None:
    runner, port = await _serving(tmp_path, http_idle_seconds=0.5)
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")  # and then nothing
        started = time.monotonic()
        async with asyncio.timeout(5):
            assert await reader.read() == b""  # closed by the server
        assert time.monotonic() - started < 3
        writer.close()
    finally:
        await runner.cleanup()


async def test_broken_http_is_400_and_one_warning_without_a_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    runner, port = await _serving(tmp_path)
    try:
        with caplog.at_level(logging.INFO):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n")
            async with asyncio.timeout(5):
                answer = await reader.read()
            writer.close()
    finally:
        await runner.cleanup()
    assert answer.split(b" ", 2)[1] == b"400"
    assert not any(r.exc_info for r in caplog.records)
    server = [r for r in caplog.records if r.name == "aiohttp.server"]
    assert [(r.levelno, r.getMessage()) for r in server] == [
        (logging.WARNING, "refused a malformed HTTP request (BadHttpMessage)")
    ]
