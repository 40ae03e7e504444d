"""No log line names a person: not a Signal uuid or phone number, not a Teams AAD id or
user id. A Signal and a Teams conversation go through the real app at DEBUG, with a
redelivery and a failed turn on each, so that every log line the turn path has is seen."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from adapters.http import build_web_app
from adapters.signal.runtime import start_signal
from bot import logsafe
from tests.chat import report_lines
from tests.conftest import AppFactory
from tests.fakes.signal_rest import FakeSignalRestApi
from tests.fakes.teams import teams_fakes
from tests.people import enrol

BOT_NUMBER = "+31201234567"
PHONE = "+31612345678"
AAD = "4f1c2d3e-aaaa-bbbb-cccc-0123456789ab"
APP_ID = "5e5e5e5e-1111-2222-3333-444444444444"
TENANT = "72f988bf-0000-0000-0000-0000000000e2"


async def eventually(check: Callable[[], bool], within: float = 5.0) -> None:
    deadline = time.monotonic() + within
    while not check():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


def logged(caplog: pytest.LogCaptureFixture) -> str:
    """Every captured line, formatted, with its arguments and any traceback."""
    return caplog.text + "".join(str(r.args) + str(r.exc_text or "") for r in caplog.records)


async def test_no_log_line_names_a_person(
    make_app: AppFactory,
    sqlite_url: str,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.DEBUG)
    sam = str(uuid.uuid4())
    with FakeSignalRestApi(BOT_NUMBER) as fake, teams_fakes(APP_ID, "secret", TENANT) as teams:
        issuer, connector = teams
        app = await make_app(
            sqlite_url,
            demo=False,
            signal_api=fake.address,
            signal_number=BOT_NUMBER,
            teams_app_id=APP_ID,
            teams_app_password="secret",
            teams_tenant_id=TENANT,
            teams_openid_metadata_url=issuer.openid_metadata_url,
            teams_token_url=issuer.token_url,
        )
        await enrol(app, "Sam Signal", ("gemeenteraadslid", "amersfoort"), phone=PHONE)
        await enrol(app, "Tim Teams", ("gemeenteraadslid", "amersfoort"), aad=AAD)
        real_turn = app.service._in_transaction
        failing = {"once": True}

        async def fails_once(*args: Any) -> Any:
            if failing["once"]:
                failing["once"] = False
                raise RuntimeError("the database went away")
            return await real_turn(*args)

        # -- Signal: a report, a redelivered envelope, a failed turn ----------------------
        signal = await start_signal(app, leader_interval=0.1, reconnect_base=0.02)
        assert signal is not None
        await eventually(lambda: signal.connected)

        def sent_to_sam() -> int:
            return len([m for m in fake.sent if m.recipients == [sam]])

        async def say(text: str) -> None:
            before = sent_to_sam()
            assert fake.push(fake.data_message(sam, text, number=PHONE, name="Sam")) == 1
            await eventually(lambda: sent_to_sam() > before and not signal.busy)

        for line in report_lines()[:4]:
            await say(line)
        again = fake.data_message(sam, "Gemeentehuis", number=PHONE, name="Sam")
        fake.push(again)
        fake.push(again)  # redelivered: "duplicate delivery ignored"
        await say("gisteren om 14:30")
        monkeypatch.setattr(app.service, "_in_transaction", fails_once)
        await say("ja")  # "turn failed", with its traceback
        monkeypatch.undo()
        await signal.stop()

        # -- Teams: a report, a redelivered activity, a failed turn, a bad token ----------
        client: TestClient[Any, Any] = TestClient(TestServer(build_web_app(app), host="127.0.0.1"))
        await client.start_server()
        try:

            def activity(kind: str = "message", **extra: Any) -> dict[str, Any]:
                return {
                    "type": kind,
                    "id": f"1:{uuid.uuid4().hex}",
                    "serviceUrl": connector.url,
                    "channelId": "msteams",
                    "from": {"id": f"29:{AAD}", "name": "Tim Teams", "aadObjectId": AAD},
                    "conversation": {
                        "conversationType": "personal",
                        "tenantId": TENANT,
                        "id": f"a:personal-{AAD}",
                    },
                    "recipient": {"id": f"28:{APP_ID}", "name": "Weerbaar"},
                    "channelData": {"tenant": {"id": TENANT}},
                    **extra,
                }

            async def post(body: dict[str, Any], **bad: Any) -> int:
                headers = issuer.auth_header(connector.url, **bad)
                response = await client.post("/api/messages", json=body, headers=headers)
                return response.status

            assert await post(activity("conversationUpdate", membersAdded=[{"id": f"28:{APP_ID}"}]))
            for line in report_lines()[:4]:
                assert await post(activity(text=line)) == 201
            twice = activity(text="Gemeentehuis")
            assert await post(twice) == 201
            assert await post(twice) == 201
            monkeypatch.setattr(app.service, "_in_transaction", fails_once)
            failing["once"] = True
            assert await post(activity(text="gisteren om 14:30")) == 201
            monkeypatch.undo()
            assert await post(activity(text="hallo"), expired=True) == 401
            while await app.outbox.run_once():
                pass
        finally:
            await client.close()

    text = logged(caplog)
    assert "duplicate delivery ignored" in text and "turn failed" in text  # seen, by tag
    national = "0" + PHONE.removeprefix("+31")
    for who in (sam, sam.replace("-", ""), PHONE, PHONE.removeprefix("+"), national, AAD):
        assert who not in text, f"{who} is in the log"
    assert logsafe.tag(f"{sam}:1") != logsafe.tag(f"{sam}:2")  # short, keyed, distinct
