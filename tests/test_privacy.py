"""Report contents never reach the logs, and never lie on disk in the clear."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.app import Weerbaar
from tests.chat import Chatter
from tests.conftest import AppFactory

MARKERS = {
    "what": "ZQXmarkerWHAT71",
    "where": "ZQXmarkerWHERE72",
    "who": "ZQXmarkerWHO73",
    "details": "ZQXmarkerPLATE74",
    "witness": "ZQXmarkerWITNESS75",
    "link": "https://example.org/ZQXmarkerLINK76",
    "file": "ZQXmarkerFILE77",
    "name": "ZQXmarkerNAME78",
}


async def test_markers_appear_in_no_log_and_no_raw_database_byte(
    make_app: AppFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db_file = tmp_path / "private.db"
    caplog.set_level(logging.DEBUG)
    app: Weerbaar = await make_app(f"sqlite+aiosqlite:///{db_file}")
    async with app.store.transaction() as tx:
        pid = await tx.people.add_person(f"Rita {MARKERS['name']}", app.clock())
        org_id = await tx.people.organisation_id("lopik")
        assert org_id is not None
        await tx.people.add_role(pid, "wethouder", org_id)
        await tx.people.add_identity(pid, "local", "handle", "rita")
    evidence = tmp_path / "bewijs.txt"
    evidence.write_text(f"Dreigbrief {MARKERS['file']}")

    chat = Chatter(app, "rita")
    await chat.say(
        "hallo",
        "ja",
        f"Hij dreigde {MARKERS['what']}",
        "nee",  # "Ik lees: bedreiging. Klopt dat?": ask it all
        "3",
        f"Markt {MARKERS['where']}",
        "gisteren om 10:00",
        "1",
        f"Naam {MARKERS['who']}",
        f"Kenteken {MARKERS['details']}",
        f"Getuige {MARKERS['witness']}",
    )
    await chat.file(evidence)
    # a link ends the evidence; then injury and damage (one question); a threat is a
    # criminal offence as such, so that is not asked
    await chat.say(MARKERS["link"], "1, 4")
    assert MARKERS["what"] in chat.text  # the review shows it to the reporter
    await chat.say("verstuur")
    assert "Je kenmerk is" in chat.text
    await app.close()

    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert "case submitted" in logged  # logging did happen, at every level
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("private.db*"))
    assert raw  # the database (and its WAL) was written
    for label, marker in MARKERS.items():
        assert marker not in logged, f"{label} leaked into the logs"
        token = marker.removeprefix("https://example.org/").encode()
        assert token not in raw, f"{label} lies in the database file in the clear"
