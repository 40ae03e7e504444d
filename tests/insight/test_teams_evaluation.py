"""The evaluation in Teams, over the real Teams protocol on loopback: closing a case sends
its handler the evaluation form as a card; the form's Action.Execute stores it; a wethouder
of the same organisation pressing the same is refused."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from adapters.teams.cards import card_text
from bot.cases.closing import CloseInput, close_case
from tests.conftest import AppFactory
from tests.e2e.test_teams_e2e import (
    ADAPTIVE,
    APP_ID,
    APP_PASSWORD,
    TENANT,
    Bot,
    Person,
    card_in,
    cast,
    report,
    start,
)
from tests.fakes.teams import FakeBotConnector, FakeTokenIssuer, teams_fakes


@pytest.fixture
def fakes() -> Iterator[tuple[FakeTokenIssuer, FakeBotConnector]]:
    with teams_fakes(APP_ID, APP_PASSWORD, TENANT) as pair:
        yield pair


async def press(person: Person, verb: str, data: dict[str, Any]) -> dict[str, Any]:
    invoke = person.activity(
        "invoke",
        name="adaptiveCard/action",
        value={
            "action": {"type": "Action.Execute", "verb": verb, "data": data},
            "trigger": "manual",
        },
    )
    response = await person.bot.post(invoke)
    assert response.status == 200
    body: dict[str, Any] = await response.json()
    return body


async def test_closing_sends_the_form_and_the_form_stores_the_evaluation(
    make_app: AppFactory, sqlite_url: str, fakes: tuple[FakeTokenIssuer, FakeBotConnector]
) -> None:
    app, client = await start(make_app, sqlite_url, fakes)
    bot = Bot(app, client, *fakes)
    try:
        people = await cast(bot)
        reference = await report(people.rita)
        now = app.clock()
        async with app.store.transaction() as tx:
            gerrit = await tx.people.person_for("teams", "aad", people.gerrit.aad)
            case = await tx.cases.case_by_reference(reference)
            assert gerrit is not None and case is not None
            assert await tx.cases.acknowledge(case.id, gerrit.id, now)
            await tx.casework.add_response(
                case.id, "incidentgesprek", None, None, False, None, gerrit.id, now
            )
            case = await tx.cases.case(case.id)
            assert case is not None
            await close_case(tx, case, gerrit, CloseInput(), "teams", now)
        before = len(bot.connector.calls)
        await bot.deliver()
        forms = [
            card_in(c)
            for c in people.gerrit.received(before)
            if c.body.get("attachments") and "Evaluatie van melding" in card_text(card_in(c))
        ]
        assert len(forms) == 1
        (form,) = forms
        assert form["version"] == "1.5"
        ids = [b["id"] for b in form["body"] if "id" in b]
        assert ids == ["severity", "recurrence", "cause", "similar", "recommendations", "shared"]
        (action,) = form["actions"]
        assert action["type"] == "Action.Execute" and action["verb"] == "evaluate"

        # Teams sends the inputs with the action's data.
        data = {
            **action["data"],
            "severity": "middel",
            "recurrence": "hoog",
            "cause": "Een open balie.",
            "similar": "",
            "recommendations": "Een afspraak vooraf.",
            "shared": "true",
        }
        body = await press(people.gerrit, "evaluate", data)
        assert body["type"] == ADAPTIVE
        assert "Bewaard" in card_text(body["value"])
        async with app.store.transaction() as tx:
            saved = await tx.evaluations.evaluation(case.id)
            assert await tx.evaluations.open_evaluations() == []
        assert saved is not None and saved.evaluated_by == "Gerrit Griffioen"
        assert (saved.severity, saved.recurrence, saved.shared_with_coordinator) == (
            "middel",
            "hoog",
            True,
        )
        # The closing summary's "Evalueren" (an Action.Submit) brings the form as a message.
        before = len(bot.connector.calls)
        await people.gerrit.say_value({"verb": "evaluate", "reference": reference})
        (reply,) = people.gerrit.received(before)
        assert "Een open balie." in str(card_in(reply))
        # The form opens again with what was stored; a wethouder is refused.
        again = await press(people.gerrit, "evaluate", {"reference": reference})
        assert "Een open balie." in str(again["value"])
        refused = await press(people.piet, "evaluate", {**data, "cause": "Anders"})
        assert "Een open balie." not in str(refused["value"])
        async with app.store.transaction() as tx:
            kept = await tx.evaluations.evaluation(case.id)
            actions = [e.action for e in await tx.audit.for_case(case.id)]
        assert kept is not None and kept.cause == "Een open balie."
        assert "evaluate" in actions and "refused" in actions
    finally:
        await client.close()
