"""Benchmark: concurrent Teams conversations through `POST /api/messages`, against a baseline.

Three kinds of process, so that the fakes and the load do not share the server's core:

- fakes: the token issuer (OpenID metadata, JWKS, token endpoint) and the Bot Connector
  from tests/fakes/teams.py, which record every reply;
- server, pinned to one core: either Weerbaar (the real app factory and web app: SDK token
  validation on every request, every answer committed to SQLite before the HTTP answer), or
  the baseline: stock botbuilder 4.17.1 `CloudAdapter.process` with a 5-step
  `WaterfallDialog` (text, number, choice and confirm prompts), `ConversationState` on
  `MemoryStorage`, as in the SDK's multi-turn sample;
- this process: drives the conversations with valid signed tokens and times each request.

The baseline's only change from stock: its credentials fetch the bot token from the
loopback token endpoint with one plain `requests` POST per turn, because MSAL refuses a
non-https authority. Stock MSAL would do the same POST per turn (a new credentials object,
with an empty token cache, per turn) plus an authority discovery request, so the baseline
here is, if anything, a little faster than stock.

    .venv/bin/python bench/teams_bench.py --conversations 100 --concurrency 25

Needs botbuilder-dialogs 4.17.1 for the baseline (pins Babel 2.9.1, which conflicts with
this project's babel>=2.12: install it with `pip install --no-deps`). Not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import os
import resource
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

APP_ID = "bbbbbbbb-1111-2222-3333-444444444444"
APP_PASSWORD = "bench-secret-not-real"
TENANT = "72f988bf-0000-0000-0000-0000000000bb"
BASELINE_LINES = ["hi", "Anna", "42", "Car", "yes"]  # one turn per waterfall step


# --- process 1: the fakes ------------------------------------------------------------------


def run_fakes(pipe: Connection) -> None:
    from tests.fakes.teams import teams_fakes

    with teams_fakes(APP_ID, APP_PASSWORD, TENANT) as (issuer, connector):
        pipe.send(
            {
                "openid": issuer.openid_metadata_url,
                "token_url": issuer.token_url,
                "service_url": connector.url,
                "token": issuer.channel_token(connector.url, lifetime=4 * 3600),
            }
        )
        while pipe.recv() != "stop":
            pipe.send(len(connector.calls))
        pipe.send(len(connector.calls))


# --- process 2: the server under test --------------------------------------------------------


def pin_to_one_core(core: int) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {core})


async def serve_weerbaar(fakes: dict[str, Any], conversations: int, pipe: Connection) -> None:
    from aiohttp import web
    from pydantic import SecretStr

    from adapters.http import build_web_app
    from bot.app import Weerbaar
    from bot.settings import Settings
    from storage.crypto import new_key

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            database_url=f"sqlite+aiosqlite:///{tmp}/bench.db",
            encryption_keys=SecretStr(f"b:{new_key()}"),
            home=Path(tmp),
            teams_app_id=APP_ID,
            teams_app_password=SecretStr(APP_PASSWORD),
            teams_tenant_id=TENANT,
            teams_openid_metadata_url=fakes["openid"],
            teams_token_url=fakes["token_url"],
            _env_file=None,
        )  # type: ignore[call-arg]
        app = await Weerbaar.create(settings)
        async with app.store.transaction() as tx:
            org_id = await tx.people.organisation_id("zeist")
            assert org_id is not None
            handler = await tx.people.add_person("Griffier Zeist", app.clock())
            await tx.people.add_role(handler, "griffier", org_id)
            await tx.people.add_identity(handler, "teams", "aad", "aad-griffier")
            for i in range(conversations + 1):  # +1: the warm-up
                pid = await tx.people.add_person(f"Raadslid {i}", app.clock())
                await tx.people.add_role(pid, "gemeenteraadslid", org_id)
                await tx.people.add_identity(pid, "teams", "aad", f"aad-r{i}")
        runner = web.AppRunner(build_web_app(app))
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        await _serve_until_stopped(pipe, port)
        async with app.store.transaction() as tx:
            cases = await tx.cases.list_cases()
        pipe.send({"submitted": sum(c.status == "submitted" for c in cases), "cpu": _cpu_seconds()})
        await runner.cleanup()
        await app.close()


async def serve_baseline(fakes: dict[str, Any], pipe: Connection) -> None:
    import requests
    from aiohttp import web
    from botbuilder.core import ActivityHandler, ConversationState, MemoryStorage, TurnContext
    from botbuilder.dialogs import (
        DialogSet,
        DialogTurnStatus,
        WaterfallDialog,
        WaterfallStepContext,
    )
    from botbuilder.dialogs.choices import Choice
    from botbuilder.dialogs.prompts import (
        ChoicePrompt,
        ConfirmPrompt,
        NumberPrompt,
        PromptOptions,
        TextPrompt,
    )
    from botbuilder.integration.aiohttp import (
        CloudAdapter,
        ConfigurationBotFrameworkAuthentication,
    )
    from botbuilder.schema import Activity
    from botframework.connector.auth import (
        MicrosoftAppCredentials,
        PasswordServiceClientCredentialFactory,
    )

    token_url = fakes["token_url"]

    class LoopbackCredentials(MicrosoftAppCredentials):
        """A new one per turn, like stock; one token POST each, like a fresh MSAL app."""

        def get_access_token(self, force_refresh: bool = False) -> str:
            answer = requests.post(
                token_url,
                timeout=10,
                data={
                    "grant_type": "client_credentials",
                    "client_id": APP_ID,
                    "client_secret": APP_PASSWORD,
                    "scope": "https://api.botframework.com/.default",
                },
            )
            return str(answer.json()["access_token"])

    class LoopbackCredentialFactory(PasswordServiceClientCredentialFactory):
        async def create_credentials(
            self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
        ) -> Any:
            return LoopbackCredentials(app_id, APP_PASSWORD, TENANT, oauth_scope)

    # The same configuration values as Weerbaar's (the public cloud's, with the loopback
    # OpenID metadata and token URLs): a plain attribute bag, no behaviour.
    from adapters.teams.sdk import Settings as Config

    storage = MemoryStorage()
    conversation_state = ConversationState(storage)
    dialogs = DialogSet(conversation_state.create_property("DialogState"))
    for prompt in (
        TextPrompt("text"),
        NumberPrompt("number"),
        ChoicePrompt("choice"),
        ConfirmPrompt("confirm"),
    ):
        dialogs.add(prompt)

    def ask(prompt_id: str, text: str, choices: list[Any] | None = None) -> Any:
        async def step(step_context: WaterfallStepContext) -> Any:
            options = PromptOptions(prompt=Activity(type="message", text=text), choices=choices)
            return await step_context.prompt(prompt_id, options)

        return step

    async def summary(step_context: WaterfallStepContext) -> Any:
        await step_context.context.send_activity("Thanks, all saved.")
        return await step_context.end_dialog()

    dialogs.add(
        WaterfallDialog(
            "profile",
            [
                ask("text", "What is your name?"),
                ask("number", "How old are you?"),
                ask("choice", "How do you travel?", [Choice("Car"), Choice("Bus"), Choice("Bike")]),
                ask("confirm", "Shall I save this?"),
                summary,
            ],
        )
    )

    class WaterfallBot(ActivityHandler):
        async def on_message_activity(self, turn_context: TurnContext) -> None:
            dialog_context = await dialogs.create_context(turn_context)
            result = await dialog_context.continue_dialog()
            if result.status == DialogTurnStatus.Empty:
                await dialog_context.begin_dialog("profile")

        async def on_turn(self, turn_context: TurnContext) -> None:
            await super().on_turn(turn_context)
            await conversation_state.save_changes(turn_context)

    config = Config(APP_ID, APP_PASSWORD, TENANT, fakes["openid"], token_url)
    adapter = CloudAdapter(
        ConfigurationBotFrameworkAuthentication(
            config, credentials_factory=LoopbackCredentialFactory(APP_ID, APP_PASSWORD, TENANT)
        )
    )
    bot = WaterfallBot()

    async def messages(request: web.Request) -> web.StreamResponse:
        return await adapter.process(request, bot)

    web_app = web.Application()
    web_app.router.add_post("/api/messages", messages)
    runner = web.AppRunner(web_app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    await _serve_until_stopped(pipe, port)
    pipe.send({"submitted": None, "cpu": _cpu_seconds()})
    await runner.cleanup()


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def _serve_until_stopped(pipe: Connection, port: int) -> None:
    pipe.send({"port": port, "cpu": _cpu_seconds()})
    loop = asyncio.get_running_loop()
    while True:
        message = await loop.run_in_executor(None, pipe.recv)
        if message == "cpu":
            pipe.send(_cpu_seconds())
        elif message == "stop":
            return


def run_server(
    kind: str, fakes: dict[str, Any], conversations: int, core: int, pipe: Connection
) -> None:
    import logging

    logging.basicConfig(level=logging.ERROR)
    pin_to_one_core(core)
    profile_to = os.environ.get("TEAMS_BENCH_PROFILE")  # a directory: cProfile per server
    profiler = None
    if profile_to:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    if kind == "weerbaar":
        asyncio.run(serve_weerbaar(fakes, conversations, pipe))
    else:
        asyncio.run(serve_baseline(fakes, pipe))
    if profiler is not None and profile_to:
        profiler.disable()
        profiler.dump_stats(str(Path(profile_to) / f"{kind}.prof"))


# --- this process: the load ------------------------------------------------------------------


@dataclass
class Result:
    name: str
    turns: int
    wall: float
    latencies: list[float]
    server_cpu: float
    errors: int
    replies: int
    submitted: int | None

    def line(self) -> str:
        q = statistics.quantiles(self.latencies, n=100)
        return (
            f"{self.name:9} {self.turns:6} turns  {self.turns / self.wall:8.1f} turns/s  "
            f"p50 {q[49] * 1000:6.1f} ms  p99 {q[98] * 1000:7.1f} ms  "
            f"server CPU {self.server_cpu / self.turns * 1000:5.2f} ms/turn  "
            f"replies {self.replies}  errors {self.errors}"
            + ("" if self.submitted is None else f"  reports committed {self.submitted}")
        )


def activity(service_url: str, user: str, text: str, locale: str) -> dict[str, Any]:
    return {
        "type": "message",
        "id": f"1:{uuid.uuid4().hex}",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "timestamp": "2026-11-25T09:00:00.000Z",
        "locale": locale,
        "from": {"id": f"29:{user}", "name": "Bench", "aadObjectId": user},
        "conversation": {"conversationType": "personal", "tenantId": TENANT, "id": f"a:{user}"},
        "recipient": {"id": f"28:{APP_ID}", "name": "Bot"},
        "text": text,
        "channelData": {"tenant": {"id": TENANT}},
    }


async def drive(
    port: int,
    fakes: dict[str, Any],
    lines: list[str],
    users: list[str],
    concurrency: int,
    locale: str,
) -> tuple[list[float], int, float]:
    import aiohttp

    url = f"http://127.0.0.1:{port}/api/messages"
    headers = {"Authorization": f"Bearer {fakes['token']}"}
    latencies: list[float] = []
    errors = 0
    gate = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def conversation(user: str) -> None:
            nonlocal errors
            async with gate:
                for text in lines:
                    body = activity(fakes["service_url"], user, text, locale)
                    start = time.perf_counter()
                    async with session.post(url, json=body, headers=headers) as response:
                        await response.read()
                    latencies.append(time.perf_counter() - start)
                    if response.status not in (200, 201):
                        errors += 1

        start = time.perf_counter()
        await asyncio.gather(*(conversation(u) for u in users))
        wall = time.perf_counter() - start
    return latencies, errors, wall


def measure(
    kind: str,
    fakes: dict[str, Any],
    fakes_pipe: Connection,
    conversations: int,
    concurrency: int,
    core: int,
) -> Result:
    from tests.chat import report_lines

    lines = [*report_lines(), "verstuur"] if kind == "weerbaar" else BASELINE_LINES
    locale = "nl-NL" if kind == "weerbaar" else "en-US"
    ctx = mp.get_context("spawn")
    ours, theirs = ctx.Pipe()
    server = ctx.Process(target=run_server, args=(kind, fakes, conversations, core, theirs))
    server.start()
    port = ours.recv()["port"]
    # Warm-up: the SDK fetches the OpenID metadata and keys once, then caches them.
    prefix = "aad-r" if kind == "weerbaar" else "base-"
    asyncio.run(drive(port, fakes, lines, [f"{prefix}{conversations}"], 1, locale))
    fakes_pipe.send("count")
    replies_before = fakes_pipe.recv()
    ours.send("cpu")
    cpu_before = ours.recv()
    users = [f"{prefix}{i}" for i in range(conversations)]
    latencies, errors, wall = asyncio.run(drive(port, fakes, lines, users, concurrency, locale))
    ours.send("cpu")
    cpu_after = ours.recv()
    fakes_pipe.send("count")
    replies = fakes_pipe.recv() - replies_before
    ours.send("stop")
    final = ours.recv()
    server.join(timeout=30)
    submitted = None if final["submitted"] is None else final["submitted"] - 1  # warm-up
    return Result(
        kind, len(latencies), wall, latencies, cpu_after - cpu_before, errors, replies, submitted
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversations", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=25)
    parser.add_argument("--core", type=int, default=0, help="the core the server runs on")
    args = parser.parse_args()

    ctx = mp.get_context("spawn")
    fakes_pipe, theirs = ctx.Pipe()
    fakes_process = ctx.Process(target=run_fakes, args=(theirs,), daemon=True)
    fakes_process.start()
    fakes = fakes_pipe.recv()
    others = (
        sorted(set(range(os.cpu_count() or 1)) - {args.core})
        if hasattr(os, "sched_setaffinity")
        else []
    )
    if others:  # keep the load and the fakes off the server's core
        os.sched_setaffinity(0, set(others))
    try:
        weerbaar = measure(
            "weerbaar", fakes, fakes_pipe, args.conversations, args.concurrency, args.core
        )
        baseline = measure(
            "baseline", fakes, fakes_pipe, args.conversations, args.concurrency, args.core
        )
    finally:
        fakes_pipe.send("stop")
        fakes_pipe.recv()
        fakes_process.join(timeout=10)

    print(
        f"conversations {args.conversations}, {args.concurrency} at a time; server pinned "
        f"to core {args.core}; fakes and load in other processes"
    )
    print(weerbaar.line())
    print(baseline.line())
    ratio = (weerbaar.turns / weerbaar.wall) / (baseline.turns / baseline.wall)
    cpu_ratio = (baseline.server_cpu / baseline.turns) / (weerbaar.server_cpu / weerbaar.turns)
    print(
        f"ratio     {ratio:.1f}x the baseline's turns/s ({cpu_ratio:.1f}x less server CPU per turn)"
    )


if __name__ == "__main__":
    main()
