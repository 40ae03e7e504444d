"""adapters/http.py: `weerbaar serve` as systemd runs it, stopped with SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import TEST_KEY


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
