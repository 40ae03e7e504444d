"""Kill -9 trials: `weerbaar` killed at random points, restarted, and checked.

Each trial takes a fresh database (a copy of a demo template on SQLite, a scratch database
with --postgres), starts a `weerbaar` command, kills it with SIGKILL at a random moment and
restarts. Kinds of trial:

- first-start: `weerbaar demo` or `weerbaar migrate` on an empty database;
- chat: `weerbaar chat --as bram` fed a whole report plus "verstuur" in one burst;
- verstuur: the same chat, killed while it handles "verstuur";
- serve: `weerbaar serve` with Teams turns of two conversations in flight (the token
  issuer and Bot Connector fakes of tests/fakes/teams.py run in a process of their own).

After the kill: `weerbaar migrate` must succeed (the database starts); every turn the bot
answered (its whole reply printed, or an HTTP 200) is committed, and no turn that was never
sent; the dialog stands where the committed turns put it; at most one case, submitted only
if "verstuur" committed. Then the service starts again on a clock 2 minutes on (past the
reply lease): every reply of a committed turn that was not shown before the kill must be
delivered now (`weerbaar chat` shows it; `weerbaar serve`'s outbox worker sends it to the
connector), and no reply row is left pending.

A "process" is the real CLI `main(argv)`, run in a child forked from this interpreter once
it has imported the code (so a start costs no 1.5 s of imports; the kill is a real SIGKILL
of that child). Not a test: it asserts nothing and prints figures and violations.

    .venv/bin/python bench/kill_trials.py --trials 1000 --minutes 25
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import random
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine

import bot.app
from bot.cli.main import main
from storage import tables
from tests.chat import report_lines

KEY = "k1:" + "A" * 43 + "="
APP_ID = "cccccccc-1111-2222-3333-444444444444"
APP_PASSWORD = "kill-trials-secret-not-real"
TENANT = "72f988bf-0000-0000-0000-0000000000cc"
LINES = [*report_lines(), "verstuur"]
SHIFT_SECONDS = 120.0  # the restart's clock: past the 60 s lease of a turn's replies
REFERENCE = re.compile(r"WB-[A-Z0-9]{6}")
PG_ADMIN_URL = os.environ.get(
    "WEERBAAR_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)


# --- a `weerbaar` process: the CLI's main() in a forked child ------------------------------


@dataclass
class Child:
    pid: int
    stdin: int
    stdout: int
    started: float = field(default_factory=time.monotonic)

    def write(self, text: str) -> None:
        try:
            os.write(self.stdin, text.encode())
        except BrokenPipeError:
            pass

    def close_stdin(self) -> None:
        if self.stdin >= 0:
            os.close(self.stdin)
            self.stdin = -1

    def kill(self, sig: int = signal.SIGKILL) -> None:
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def wait(self, timeout: float = 60.0) -> int:
        """The exit code (negative: killed by that signal); SIGKILL after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.close_stdin()
                return os.waitstatus_to_exitcode(status)
            if time.monotonic() > deadline:
                self.kill()
            time.sleep(0.005)

    def read_all(self) -> str:
        chunks = []
        while chunk := os.read(self.stdout, 65536):
            chunks.append(chunk)
        os.close(self.stdout)
        return b"".join(chunks).decode("utf-8", "replace")


def spawn(argv: list[str], env: dict[str, str], cwd: Path, shift: float = 0.0) -> Child:
    """Run `weerbaar ARGV` in a forked child with `env` added to its environment."""
    in_r, in_w = os.pipe()
    out_r, out_w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child
        code = 70
        try:
            os.dup2(in_r, 0)
            os.dup2(out_w, 1)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
            for fd in (in_r, in_w, out_r, out_w, devnull):
                os.close(fd)
            os.setpgid(0, 0)
            # fresh streams on the new descriptors (the parent's may sit on a seekable file)
            sys.stdin = open(0, encoding="utf-8", closefd=False)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
            os.environ.update(env)
            os.chdir(cwd)
            if shift:
                shifted = bot.app.system_clock

                def later(tz: Any) -> Any:
                    real = shifted(tz)
                    from datetime import timedelta

                    return lambda: real() + timedelta(seconds=shift)

                bot.app.system_clock = later  # type: ignore[assignment]
            code = main(argv)
            sys.stdout.flush()
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 1
        except BaseException:
            import traceback

            traceback.print_exc(file=sys.stdout)
            sys.stdout.flush()
            code = 71
        finally:
            os._exit(code)
    os.close(in_r)
    os.close(out_w)
    return Child(pid, in_w, out_r)


def run(
    argv: list[str], env: dict[str, str], cwd: Path, stdin: str = "", **kw: Any
) -> tuple[int, str]:
    child = spawn(argv, env, cwd, **kw)
    reader = _Reader(child)
    child.write(stdin)
    child.close_stdin()
    code = child.wait()
    return code, reader.text()


class _Reader:
    """Drain a child's stdout in a thread (so a full pipe never blocks it)."""

    def __init__(self, child: Child) -> None:
        self.out = ""
        self._thread = threading.Thread(target=self._read, args=(child,), daemon=True)
        self._thread.start()

    def _read(self, child: Child) -> None:
        self.out = child.read_all()

    def text(self) -> str:
        self._thread.join(10)
        return self.out


# --- the fakes, in their own process ---------------------------------------------------------


def run_fakes(pipe: Connection) -> None:
    from tests.fakes.teams import teams_fakes

    sys.stderr = open(os.devnull, "w")  # a killed server's reset connections, not news
    with teams_fakes(APP_ID, APP_PASSWORD, TENANT) as (issuer, connector):
        pipe.send(
            {
                "openid": issuer.openid_metadata_url,
                "token_url": issuer.token_url,
                "service_url": connector.url,
                "token": issuer.channel_token(connector.url, lifetime=4 * 3600),
            }
        )
        while (ask := pipe.recv()) != "stop":
            # how many activities were posted into conversation `ask`
            pipe.send(
                sum(
                    1
                    for c in list(connector.calls)
                    if c.method == "POST" and f"/conversations/{ask}/activities" in c.path
                )
            )


# --- the database, as the checks read it ----------------------------------------------------


async def _facts(url: str) -> dict[str, Any]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            seen = dict(
                (
                    await conn.execute(
                        select(tables.inbound_seen.c.channel, func.count()).group_by(
                            tables.inbound_seen.c.channel
                        )
                    )
                ).all()
            )
            steps = {
                (row.channel, row.user): (row.flow, row.step)
                for row in await conn.execute(
                    select(
                        tables.conversations.c.channel,
                        tables.conversations.c.user,
                        tables.conversations.c.flow,
                        tables.conversations.c.step,
                    )
                )
            }
            cases = [
                (row.reporter_id, row.status)
                for row in await conn.execute(
                    select(tables.cases.c.reporter_id, tables.cases.c.status)
                )
            ]
            outbox = [
                (row.channel, row.recipient, row.status)
                for row in await conn.execute(
                    select(
                        tables.outbox.c.channel,
                        tables.outbox.c.recipient,
                        tables.outbox.c.status,
                    )
                )
            ]
            people = (
                await conn.execute(select(func.count()).select_from(tables.people))
            ).scalar_one()
        return {"seen": seen, "steps": steps, "cases": cases, "outbox": outbox, "people": people}
    finally:
        await engine.dispose()


def facts(url: str) -> dict[str, Any]:
    return asyncio.run(_facts(url))


# --- the reference: one report, line by line, unkilled ---------------------------------------


@dataclass
class Reference:
    blocks: list[str]  # what the chat prints for line i (normalised)
    steps: list[tuple[str | None, str | None]]  # the dialog position after i lines


def normalise(text: str) -> str:
    return REFERENCE.sub("WB-XXXXXX", text)


async def _reference(url: str, home: Path) -> Reference:
    import io

    from adapters.local import LocalChat
    from bot.settings import Settings

    settings = Settings(database_url=url, encryption_keys=KEY, home=home, _env_file=None)  # type: ignore[call-arg, arg-type]
    app = await bot.app.Weerbaar.create(settings)
    out = io.StringIO()
    chat = LocalChat(app, "bram", out=out)
    await chat.open()
    blocks, steps = [], []
    for line in LINES:
        start = out.tell()
        await chat.send(line)
        await chat.deliver()
        blocks.append(normalise(out.getvalue()[start:]))
        steps.append(facts_steps(await _facts(url), "local", "bram"))
    chat.close()
    await app.close()
    return Reference(blocks, [(None, None), *steps])


def facts_steps(f: dict[str, Any], channel: str, user: str) -> tuple[str | None, str | None]:
    return f["steps"].get((channel, user), (None, None))  # type: ignore[no-any-return]


def acknowledged(out: str, ref: Reference) -> int:
    """How many lines' replies were printed in full, in order."""
    text, done, at = normalise(out), 0, 0
    for block in ref.blocks:
        if text.startswith(block, at):
            at += len(block)
            done += 1
        else:
            break
    return done


# --- trials ----------------------------------------------------------------------------------


@dataclass
class Result:
    kind: str
    violations: list[str]
    detail: str = ""


class Trials:
    def __init__(self, args: argparse.Namespace, root: Path) -> None:
        self.args = args
        self.root = root
        self.rng = random.Random(args.seed)
        self.template = root / "template"
        self.fakes: dict[str, Any] | None = None
        self.pipe: Connection | None = None
        self.durations: dict[str, float] = {}
        self.redelivered = 0

    # a fresh database per trial
    def fresh(self, empty: bool = False) -> tuple[Path, dict[str, str], Any]:
        home = Path(tempfile.mkdtemp(dir=self.root))
        drop = None
        if self.args.postgres:
            from tests.pg import scratch_database

            made = asyncio.run(scratch_database(PG_ADMIN_URL, "weerbaar_kill"))
            if made is None:
                raise SystemExit(f"PostgreSQL not reachable at {PG_ADMIN_URL}")
            url, drop = made
        else:
            url = f"sqlite+aiosqlite:///{home / 'w.db'}"
            if not empty:
                shutil.copy(self.template / "w.db", home / "w.db")
        env = self.env(url, home)
        if self.args.postgres and not empty:
            self.populate(env, home)
        return home, env, drop

    def env(self, url: str, home: Path) -> dict[str, str]:
        env = {
            "WEERBAAR_DATABASE_URL": url,
            "WEERBAAR_ENCRYPTION_KEYS": KEY,
            "WEERBAAR_HOME": str(home),
            "WEERBAAR_SWEEP_SECONDS": "0.2",
            "WEERBAAR_SHUTDOWN_SECONDS": "3",
        }
        if self.fakes:
            env |= {
                "WEERBAAR_TEAMS_APP_ID": APP_ID,
                "WEERBAAR_TEAMS_APP_PASSWORD": APP_PASSWORD,
                "WEERBAAR_TEAMS_TENANT_ID": TENANT,
                "WEERBAAR_TEAMS_OPENID_METADATA_URL": self.fakes["openid"],
                "WEERBAAR_TEAMS_TOKEN_URL": self.fakes["token_url"],
            }
        return env

    def populate(self, env: dict[str, str], home: Path) -> None:
        code, out = run(["demo"], env, home)
        if code != 0:
            raise SystemExit(f"weerbaar demo failed: {out}")
        for aad in ("aad-k1", "aad-k2"):
            code, out = run(
                [
                    "people",
                    "add",
                    "--name",
                    f"Raadslid {aad}",
                    "--role",
                    "raadslid",
                    "--org",
                    "zeist",
                    "--teams",
                    aad,
                ],
                env,
                home,
            )
            if code != 0:
                raise SystemExit(f"weerbaar people add failed: {out}")

    def setup(self) -> None:
        if self.args.serve_share > 0:
            ctx = mp.get_context("spawn")
            self.pipe, theirs = ctx.Pipe()
            self.process = ctx.Process(target=run_fakes, args=(theirs,), daemon=True)
            self.process.start()
            self.fakes = self.pipe.recv()
        self.template.mkdir()
        ref_home = self.root / "reference"
        ref_home.mkdir()
        if not self.args.postgres:
            self.populate(
                self.env(f"sqlite+aiosqlite:///{self.template / 'w.db'}", self.template),
                self.template,
            )
            shutil.copy(self.template / "w.db", ref_home / "w.db")
            ref_url = f"sqlite+aiosqlite:///{ref_home / 'w.db'}"
        else:
            home, env, drop = self.fresh()
            ref_url = env["WEERBAAR_DATABASE_URL"]
        self.ref = asyncio.run(_reference(ref_url, ref_home))
        # how long the whole chat takes unkilled, and "verstuur" alone, and a first start
        home, env, drop = self.fresh()
        child = spawn(["chat", "--as", "bram"], env, home)
        reader = _Reader(child)
        child.write("".join(f"{line}\n" for line in LINES))
        child.close_stdin()
        code = child.wait()
        self.durations["chat"] = time.monotonic() - child.started
        printed = reader.text()
        got = acknowledged(printed, self.ref)
        if code != 0 or got != len(LINES):
            raise SystemExit(
                f"an unkilled chat did not match the reference ({code}, {got}): {printed[-600:]}"
            )
        self.cleanup(drop)
        home, env, drop = self.fresh(empty=True)
        started = time.monotonic()
        run(["demo"], env, home)
        self.durations["first-start"] = time.monotonic() - started
        self.cleanup(drop)
        self.durations["verstuur"] = self.durations["chat"] / len(LINES) * 3

    def cleanup(self, drop: Any) -> None:
        if drop is not None:
            asyncio.run(drop())

    def migrates(self, env: dict[str, str], home: Path, violations: list[str]) -> bool:
        code, _out = run(["migrate"], env, home)
        if code != 0:
            violations.append(f"database does not start after the kill: migrate exit {code}")
            return False
        return True

    # kinds
    def first_start(self) -> Result:
        home, env, drop = self.fresh(empty=True)
        v: list[str] = []
        command = self.rng.choice(["demo", "migrate"])
        child = spawn([command], env, home)
        _Reader(child)
        time.sleep(self.rng.uniform(0, self.durations["first-start"]))
        child.kill()
        child.wait()
        if self.migrates(env, home, v):
            code, _ = run(["demo"], env, home)
            if code != 0:
                v.append(f"demo after a killed first {command} exits {code}")
            elif facts(env["WEERBAAR_DATABASE_URL"])["people"] == 0:
                v.append("no people after demo")
        self.cleanup(drop)
        return Result("first-start", v, command)

    def chat(self, kind: str) -> Result:
        home, env, drop = self.fresh()
        url = env["WEERBAAR_DATABASE_URL"]
        v: list[str] = []
        child = spawn(["chat", "--as", "bram"], env, home)
        reader = _Reader(child)
        if kind == "chat":
            child.write("".join(f"{line}\n" for line in LINES))
            written = len(LINES)
            time.sleep(self.rng.uniform(0, self.durations["chat"]))
        else:  # all but "verstuur", wait for the review, then "verstuur" and the kill
            child.write("".join(f"{line}\n" for line in LINES[:-1]))
            written = len(LINES) - 1
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                # the child only reads on; poll the database for the last line's commit
                if facts(url)["seen"].get("local", 0) >= written:
                    break
                time.sleep(0.02)
            time.sleep(0.01)
            child.write("verstuur\n")
            written += 1
            time.sleep(self.rng.uniform(0, self.durations["verstuur"]))
        child.kill()
        child.wait()
        out = reader.text()
        acked = acknowledged(out, self.ref)
        if not self.migrates(env, home, v):
            self.cleanup(drop)
            return Result(kind, v)
        f = facts(url)
        committed = f["seen"].get("local", 0)
        if not acked <= committed <= written:
            v.append(f"committed {committed} turns, answered {acked}, sent {written}")
        elif facts_steps(f, "local", "bram") != self.ref.steps[committed]:
            v.append(
                f"dialog at {facts_steps(f, 'local', 'bram')} after {committed} turns, "
                f"expected {self.ref.steps[committed]}"
            )
        self.check_cases(f, committed == len(LINES), v)
        # the restart, past the replies' lease: what was committed but not shown comes now
        code, again = run(["chat", "--as", "bram"], env, home, shift=SHIFT_SECONDS)
        if code != 0:
            v.append(f"chat after the kill exits {code}")
        shown = normalise(again)
        for i in range(acked, committed):
            for part in (p for p in self.ref.blocks[i].split("\n\n") if p.strip()):
                if part.strip() not in shown:
                    v.append(f"reply to committed line {i + 1} never delivered: {part[:40]!r}")
                    break
        if committed == acked and again.strip():
            self.redelivered += 1
        pending = [r for r in facts(url)["outbox"] if r[1] == "bram" and r[2] != "sent"]
        if pending:
            v.append(f"{len(pending)} outbox rows for bram left {pending[0][2]}")
        self.cleanup(drop)
        return Result(kind, v, f"acked {acked} committed {committed} sent {written}")

    def check_cases(self, f: dict[str, Any], submitted: bool | None, v: list[str]) -> None:
        by = Counter(reporter for reporter, _ in f["cases"])
        if any(n > 1 for n in by.values()):
            v.append(f"duplicate case: {by}")
        got = sum(status == "submitted" for _, status in f["cases"])
        if submitted is not None and got != int(submitted):
            v.append(f"{got} submitted cases, expected {int(submitted)}")

    def serve(self) -> Result:
        assert self.fakes is not None and self.pipe is not None
        home, env, drop = self.fresh()
        url = env["WEERBAAR_DATABASE_URL"]
        v: list[str] = []
        port = free_port()
        env = env | {"WEERBAAR_PORT": str(port)}
        child = spawn(["serve"], env, home)
        _Reader(child)
        if not wait_listening(port):
            v.append("serve did not start")
        people = ["aad-k1", "aad-k2"]
        chats = {aad: f"a:kill-{uuid.uuid4().hex[:10]}" for aad in people}
        answered = dict.fromkeys(people, 0)
        sent = dict.fromkeys(people, 0)

        def talk(aad: str) -> None:
            for line in LINES:
                sent[aad] += 1
                if not self.post(port, aad, chats[aad], line):
                    return
                answered[aad] += 1

        threads = [threading.Thread(target=talk, args=(aad,), daemon=True) for aad in people]
        for t in threads:
            t.start()
        time.sleep(self.rng.uniform(0, self.durations.get("serve", 6.0)))
        child.kill()
        child.wait()
        for t in threads:
            t.join(15)
        if not self.migrates(env, home, v):
            self.cleanup(drop)
            return Result("serve", v)
        f = facts(url)
        committed: dict[str, int] = {}
        for aad in people:
            step = facts_steps(f, "teams", aad)
            window = range(answered[aad], sent[aad] + 1)
            found = [i for i in window if self.ref.steps[i] == step]
            if not found:
                v.append(f"{aad}: dialog at {step}, answered {answered[aad]}, sent {sent[aad]}")
                committed[aad] = answered[aad]
            else:
                committed[aad] = found[-1]
        self.check_cases(f, None, v)
        # the restart on a later clock: its outbox worker delivers what is left
        again = spawn(["serve"], env, home, shift=SHIFT_SECONDS)
        _Reader(again)
        wait_listening(port)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if all(r[2] == "sent" for r in facts(url)["outbox"] if r[0] == "teams"):
                break
            time.sleep(0.1)
        again.kill(signal.SIGTERM)
        code = again.wait(20)
        if code != 0:
            v.append(f"serve after the kill: SIGTERM exit {code}")
        left = [r for r in facts(url)["outbox"] if r[0] == "teams" and r[2] != "sent"]
        if left:
            v.append(f"{len(left)} Teams outbox rows left {left[0][2]} after the restart")
        for aad in people:
            self.pipe.send(chats[aad])
            posted = self.pipe.recv()
            expected = sum(self.ref.blocks[i].count("\n\n") > 0 for i in range(committed[aad]))
            if posted < expected:
                v.append(
                    f"{aad}: {committed[aad]} committed turns, {posted} replies at the connector"
                )
        self.cleanup(drop)
        detail = " ".join(f"{a}:{answered[a]}/{committed[a]}/{sent[a]}" for a in people)
        return Result("serve", v, detail)

    def post(self, port: int, aad: str, chat: str, text: str) -> bool:
        assert self.fakes is not None
        activity = {
            "type": "message",
            "id": f"1:{uuid.uuid4().hex}",
            "timestamp": "2026-11-25T09:00:00.000Z",
            "serviceUrl": self.fakes["service_url"],
            "channelId": "msteams",
            "from": {"id": f"29:{aad}", "name": aad, "aadObjectId": aad},
            "conversation": {"conversationType": "personal", "tenantId": TENANT, "id": chat},
            "recipient": {"id": f"28:{APP_ID}", "name": "Weerbaar"},
            "locale": "nl-NL",
            "channelData": {"tenant": {"id": TENANT}},
            "text": text,
        }
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/messages",
            data=json.dumps(activity).encode(),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.fakes['token']}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return bool(200 <= response.status < 300)
        except (urllib.error.URLError, OSError, ConnectionError):
            return False

    def time_serve(self) -> None:
        home, env, drop = self.fresh()
        port = free_port()
        env = env | {"WEERBAAR_PORT": str(port)}
        child = spawn(["serve"], env, home)
        _Reader(child)
        wait_listening(port)
        started = time.monotonic()
        chat = f"a:kill-{uuid.uuid4().hex[:10]}"
        ok = all(self.post(port, "aad-k1", chat, line) for line in LINES)
        self.durations["serve"] = time.monotonic() - started
        child.kill(signal.SIGTERM)
        child.wait()
        self.cleanup(drop)
        if not ok:
            raise SystemExit("an unkilled serve did not answer every turn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_listening(port: int, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.02)
    return False


def trial_kinds(args: argparse.Namespace) -> list[tuple[str, float]]:
    serve = args.serve_share
    first = 0.15
    return [
        ("first-start", first),
        ("chat", (1 - serve - first) * 0.6),
        ("verstuur", (1 - serve - first) * 0.4),
        ("serve", serve),
    ]


def run_trials(args: argparse.Namespace) -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix="weerbaar-kill-"))
    trials = Trials(args, root)
    started = time.monotonic()
    try:
        trials.setup()
        if args.serve_share > 0:
            trials.time_serve()
        kinds = trial_kinds(args)
        count: Counter[str] = Counter()
        bad: Counter[str] = Counter()
        violations: list[str] = []
        limit = started + args.minutes * 60
        for n in range(args.trials):
            if time.monotonic() > limit:
                break
            kind = trials.rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
            if kind == "first-start":
                result = trials.first_start()
            elif kind == "serve":
                result = trials.serve()
            else:
                result = trials.chat(kind)
            count[kind] += 1
            if result.violations:
                bad[kind] += 1
                for line in result.violations:
                    violations.append(f"trial {n} {kind} ({result.detail}): {line}")
                    if not args.quiet:
                        print(violations[-1], flush=True)
            if args.progress and (n + 1) % args.progress == 0:
                print(
                    f"{n + 1} trials, {sum(bad.values())} with violations, "
                    f"{time.monotonic() - started:.0f} s",
                    flush=True,
                )
        return {
            "trials": sum(count.values()),
            "kinds": dict(count),
            "bad": dict(bad),
            "violations": violations,
            "seconds": time.monotonic() - started,
            "redelivered": trials.redelivered,
            "durations": trials.durations,
        }
    finally:
        if trials.pipe is not None:
            trials.pipe.send("stop")
            trials.process.join(5)
        shutil.rmtree(root, ignore_errors=True)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--trials", type=int, default=100)
    p.add_argument("--minutes", type=float, default=25.0, help="stop starting trials after this")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument(
        "--postgres", action="store_true", help="a scratch PostgreSQL database per trial"
    )
    p.add_argument("--serve-share", type=float, default=0.3, help="share of serve trials")
    p.add_argument("--progress", type=int, default=50)
    p.add_argument("--quiet", action="store_true")
    return p.parse_args(argv)


def report(figures: dict[str, Any]) -> None:
    print(f"{figures['trials']} trials in {figures['seconds']:.0f} s")
    for kind, n in figures["kinds"].items():
        print(f"  {kind:12} {n:5} trials, {figures['bad'].get(kind, 0)} with violations")
    print(f"  chat restarts that showed already-shown replies again: {figures['redelivered']}")
    print(f"  violations: {len(figures['violations'])}")


if __name__ == "__main__":
    report(run_trials(parse()))
