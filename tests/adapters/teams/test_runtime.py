"""The pieces of the Teams wiring that need no network: the per-conversation limit and the
handler cards."""

from __future__ import annotations

from dataclasses import replace

from adapters.teams.cards import card_text, case_card, refusal_card
from adapters.teams.keys import channel_reference
from adapters.teams.runtime import ConversationRateLimiter
from bot.cases.notices import HANDLER, TEAM, Acknowledged, CaseRouted, DeadlineLine
from bot.text.catalogue import say

FACTS = CaseRouted.from_dict(
    {
        "kind": "case_routed",
        "case_id": 7,
        "reference": "WB-ABC234",
        "role": "wethouder",
        "org": "Gemeente Houten",
        "kinds": ["verbale_agressie", "bedreiging"],
        "when": "gisteren om 14:30",
        "serious": True,
        "criminal": True,
        "handler_function": "gemeentesecretaris",
    }
)
ACK = Acknowledged(
    by="Ineke de Boer",
    at="2026-11-25T10:00:00+01:00",
    at_shown="25 november 2026, 10:00",
)


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


async def test_at_most_seven_per_second_per_conversation() -> None:
    time = FakeTime()
    limiter = ConversationRateLimiter(monotonic=time.monotonic, sleep=time.sleep)
    for _ in range(7):
        await limiter.acquire("a:chat-1")
    assert time.slept == []
    await limiter.acquire("b:other")  # another conversation is not held up
    assert time.slept == []
    await limiter.acquire("a:chat-1")  # the eighth waits until the first leaves the window
    assert time.slept == [1.0]
    for _ in range(6):
        await limiter.acquire("a:chat-1")
    assert time.slept == [1.0]
    limiter.forget_idle()
    assert set(limiter._sent) == {"a:chat-1"}


async def test_spread_out_sends_never_wait() -> None:
    time = FakeTime()
    limiter = ConversationRateLimiter(monotonic=time.monotonic, sleep=time.sleep)
    for _ in range(30):
        await limiter.acquire("a:chat-1")
        time.now += 0.15
    assert time.slept == []


def test_open_handler_card_has_the_facts_and_the_button() -> None:
    card = case_card(FACTS, HANDLER)
    assert card["version"] == "1.5" and card["type"] == "AdaptiveCard"
    text = card_text(card)
    for shown in (
        "WB-ABC234",
        "wethouder",
        "Gemeente Houten",
        "Verbale agressie, Bedreiging",
        "gisteren om 14:30",
        say("card_serious_yes"),
        say("card_criminal"),
        say("card_deadlines"),
        say("card_open"),
    ):
        assert shown in text
    assert card["actions"] == [
        {
            "type": "Action.Execute",
            "title": "In behandeling nemen",
            "verb": "acknowledge",
            "data": {"reference": "WB-ABC234"},
            "style": "positive",
        },
        {
            "type": "Action.Submit",
            "title": "Bekijk melding",
            "data": {"verb": "view_case", "reference": "WB-ABC234"},
        },
    ]


def test_acknowledged_cards_name_the_handler_only_in_personal_chats() -> None:
    handler = card_text(case_card(FACTS, HANDLER, ACK))
    team = card_text(case_card(FACTS, TEAM, ACK))
    assert "In behandeling bij Ineke de Boer sinds 25 november 2026, 10:00." in handler
    assert "In behandeling sinds 25 november 2026, 10:00." in team
    assert "Ineke" not in team and say("card_team_note") in team
    assert "actions" not in case_card(FACTS, TEAM, ACK)


def test_deadlines_are_listed_when_the_notice_has_them() -> None:
    facts = replace(
        FACTS,
        deadlines=(DeadlineLine("measures", "maatregelen afspreken", "za 28-11 14:30", False),),
    )
    assert "maatregelen afspreken" in card_text(case_card(facts))


def test_refusal_card_has_no_button() -> None:
    card = refusal_card("Alleen de gemeentesecretaris.", FACTS)
    assert "actions" not in card
    assert card_text(card).startswith(say("card_refused_title"))


def test_team_channel_reference_points_at_the_channel_not_the_thread() -> None:
    reference: dict[str, object] = {
        "conversation": {"id": "19:abc@thread.tacv2;messageid=17", "conversationType": "channel"},
        "user": {"id": "29:x", "name": "Iemand", "aadObjectId": "aad-x"},
        "serviceUrl": "https://smba.trafficmanager.net/emea/",
        "activityId": "1:5",
    }
    clean = channel_reference(reference)
    assert clean["conversation"] == {"id": "19:abc@thread.tacv2", "conversationType": "channel"}
    assert clean["user"] == {"id": "29:x", "aadObjectId": "aad-x"}
    assert "activityId" not in clean
