"""Reminders and escalations over a night and a weekend, as the sweep sends them: none
outside office hours unless its deadline comes before the office opens; and an
organisation's own office hours from the reference data."""

from __future__ import annotations

import json
from datetime import timedelta
from importlib import resources
from pathlib import Path

from bot.domain.office_hours import OfficeHours, next_open
from tests.bot.cases.test_deadlines import at, local, submit, sweep_until
from tests.conftest import AppFactory, FakeClock


async def test_over_a_weekend_and_a_night_nothing_is_sent_outside_office_hours(
    make_app: AppFactory, sqlite_url: str, clock: FakeClock
) -> None:
    app = await make_app(sqlite_url)
    clock.now = at("2026-11-27 16:30")  # Friday afternoon; every clock runs
    case = await submit(app, serious=True, criminal=True)
    await sweep_until(app, clock, at("2026-12-01 12:00"), every=timedelta(minutes=15))
    hours = OfficeHours()
    async with app.store.transaction() as tx:
        rows = [r for r in await tx.reminders.reminder_rows(case.id) if r["kind"] != "checkin"]
        due = {d.kind: d.due_at for d in await tx.deadlines.deadlines(case.id)}
    sent = [r for r in rows if r["state"] == "sent"]
    assert len(sent) >= 8  # four deadlines, each at least its reminder and overdue notice
    kept_at_night = []
    for r in sent:
        if hours.is_open(r["sent_at"]):
            continue
        # Only a reminder before a deadline that comes before the office opens.
        assert r["step"] == "reminder", (r["kind"], r["step"], local(r["sent_at"]))
        assert r["sent_at"] < due[r["kind"]] < next_open(r["sent_at"], hours)
        kept_at_night.append(r["kind"])
    # The acknowledgement (due 20:30 on Friday) is reminded at 19:30 and not on Monday;
    # its overdue notice and escalations wait for Monday 08:00 and after.
    assert "acknowledge" in kept_at_night
    steps = {(r["kind"], r["step"]): local(r["sent_at"]) for r in sent}
    assert steps[("acknowledge", "overdue")] == "2026-11-30 08:00"
    assert steps[("acknowledge", "escalation_1")] == "2026-11-30 16:00"


async def test_an_organisations_own_office_hours_from_the_reference_data(
    make_app: AppFactory, sqlite_url: str, clock: FakeClock, tmp_path: Path
) -> None:
    shipped = resources.files("bot.reference").joinpath("data", "organisations.json")
    doc = json.loads(shipped.read_text(encoding="utf-8"))
    for org in doc["organisations"]:
        if org["slug"] == "zeist":  # Zeist's office: Monday to Thursday, 09:00-17:00
            org["office_hours"] = {"start": "09:00", "end": "17:00", "days": [1, 2, 3, 4]}
    path = tmp_path / "organisations.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    app = await make_app(sqlite_url, organisations_file=path)
    clock.now = at("2026-11-26 12:00")  # Thursday
    case = await submit(app)  # acknowledge by 16:00, measures by Saturday 14:30
    async with app.store.transaction() as tx:
        plan = {
            (r["kind"], r["step"]): local(r["due_at"])
            for r in await tx.reminders.reminder_rows(case.id)
        }
    assert plan[("acknowledge", "reminder")] == "2026-11-26 15:00"
    assert plan[("acknowledge", "overdue")] == "2026-11-26 16:00"
    # 8 hours after 16:00 is midnight; Zeist is closed on Friday: Monday 09:00.
    assert plan[("acknowledge", "escalation_1")] == "2026-11-30 09:00"
    # The measures reminder at 3/4 of 50.5 hours (Saturday 01:52): the deadline on
    # Saturday 14:30 comes before Zeist opens again, so it keeps its time.
    assert plan[("measures", "reminder")] == "2026-11-28 01:52"
    assert plan[("measures", "overdue")] == "2026-11-30 09:00"
