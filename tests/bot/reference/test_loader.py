"""Per-organisation settings in the editable organisations file."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from tests.bot.cases.test_acknowledge import submitted_case
from tests.conftest import AppFactory


async def test_an_organisation_sets_its_own_acknowledgement_time(
    make_app: AppFactory, sqlite_url: str, tmp_path: Path
) -> None:
    from datetime import timedelta

    data = json.loads(
        resources.files("bot.reference")
        .joinpath("data", "organisations.json")
        .read_text(encoding="utf-8")
    )
    for org in data["organisations"]:
        if org["slug"] == "utrecht":
            org["ack_hours"] = 2
    own = tmp_path / "orgs.json"
    own.write_text(json.dumps(data), encoding="utf-8")
    app = await make_app(sqlite_url, organisations_file=own)
    reference = await submitted_case(app)  # anna, burgemeester of Utrecht
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None and case.submitted_at is not None
        due = {kind: at for kind, at, _state in await tx.deadlines.deadline_list(case.id)}
    assert due["acknowledge"] == case.submitted_at + timedelta(hours=2)
