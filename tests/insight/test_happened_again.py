"""A check-in answered "er is weer iets gebeurd" starts a report linked to the earlier
case, and at submission the two are suggested as one perpetrator."""

from __future__ import annotations

import re

from bot.app import Weerbaar
from bot.domain.dossier import FOLLOWS, LinkState
from tests.bot.cases.test_deadlines import at, inbox, submit, sweep_until
from tests.chat import Chatter, report_lines
from tests.conftest import FakeClock


async def test_a_new_report_from_a_checkin_follows_the_earlier_case(
    app: Weerbaar, clock: FakeClock
) -> None:
    first = await submit(app)
    await sweep_until(app, clock, at("2026-11-26 10:00"))
    [checkin] = await inbox(app, "bram")
    assert checkin["notice"]["kind"] == "checkin"
    bram = Chatter(app, "bram")
    await bram.say("Er is weer iets gebeurd.")
    # The report flow took over: its lines from the safety question on.
    await bram.say(*report_lines()[1:])
    answer = await bram.say("verstuur")
    found = re.search(r"WB-[0-9A-Z]{6}", answer)
    assert found and found.group(0) != first.reference
    async with app.store.transaction() as tx:
        second = await tx.cases.case_by_reference(found.group(0))
        assert second is not None
        assert await tx.dossier.follows(second.id) == first.id
        links = await tx.dossier.links_of([first.id])
    assert [(link.case_a, link.case_b, link.reason, link.state) for link in links] == [
        (first.id, second.id, FOLLOWS, LinkState.SUGGESTED)
    ]


async def test_other_answers_link_nothing(app: Weerbaar, clock: FakeClock) -> None:
    first = await submit(app)
    await sweep_until(app, clock, at("2026-11-26 10:00"))
    await inbox(app, "bram")
    await Chatter(app, "bram").say("melden")
    async with app.store.transaction() as tx:
        assert await tx.dossier.links_of([first.id]) == []
