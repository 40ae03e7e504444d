"""The turn handler itself: who may talk, duplicates, edits, errors."""

from __future__ import annotations

import logging

import pytest

from bot.app import Weerbaar
from dialogs.messages import ConversationKey, Inbound
from tests.conftest import FakeClock

ANNA = ConversationKey("local", "local", "anna")


def msg(text: str, mid: str, key: ConversationKey = ANNA, **extra: object) -> Inbound:
    return Inbound(key=key, message_id=mid, text=text, **extra)  # type: ignore[arg-type]


async def test_a_redelivered_message_is_processed_once(app: Weerbaar) -> None:
    await app.handle(msg("hallo", "m1"))
    await app.handle(msg("ja", "m2"))
    first = await app.handle(msg("Eerste antwoord", "m3"))
    again = await app.handle(msg("Eerste antwoord", "m3"))
    assert first and again == []
    async with app.store.transaction() as tx:
        state = await tx.dialogs.load_state(ANNA)
    assert state is not None and state.step == "what_ok"
    assert state.history == ["safe", "what"]


async def test_an_unknown_sender_is_answered_kindly_and_nothing_is_kept(app: Weerbaar) -> None:
    stranger = ConversationKey("signal", "+31612345678", "7c1e8a3e-unknown")
    [reply] = await app.handle(msg("help mij", "s1", key=stranger, address="+31687654321"))
    assert "112" in reply.text and "griffier" in reply.text
    assert await app.handle(msg("hallo?", "s2", key=stranger)) == []  # no flood of replies
    async with app.store.transaction() as tx:
        assert await tx.dialogs.load_state(stranger) is None
        assert await tx.dialogs.claim_inbound("signal", "s1", app.clock()) is True  # never recorded


async def test_signal_uuid_is_bound_to_the_enrolled_number_once(
    app: Weerbaar, clock: FakeClock
) -> None:
    async with app.store.transaction() as tx:
        pid = await tx.people.add_person("Sara", clock())
        org_id = await tx.people.organisation_id("woerden")
        assert org_id is not None
        await tx.people.add_role(pid, "wethouder", org_id)
        await tx.people.add_identity(pid, "signal", "phone", "+31612345678")
    key = ConversationKey("signal", "+31600000000", "uuid-sara")
    replies = await app.handle(msg("hoi", "x1", key=key, address="06 1234 5678"))
    assert "Hallo Sara" in replies[0].text
    # later messages carry no number at all (sourceNumber can be null)
    replies = await app.handle(msg("ja", "x2", key=key))
    assert "Wat is er gebeurd" in replies[0].text
    async with app.store.transaction() as tx:
        assert await tx.people.find_person_id("signal", "uuid", "uuid-sara") == pid


async def test_an_edited_message_replaces_its_answer_while_the_report_is_open(
    app: Weerbaar,
) -> None:
    for n, text in enumerate(["hallo", "ja", "Hij riep iets", "klaar", "2"]):
        await app.handle(msg(text, f"e{n}"))
    [reply] = await app.handle(msg("Hij riep dat hij me zou vinden", "e9", replaces="e2"))
    assert "aangepast" in reply.text
    async with app.store.transaction() as tx:
        state = await tx.dialogs.load_state(ANNA)
    assert state is not None
    assert state.answers["what"] == "Hij riep dat hij me zou vinden"
    assert state.step == "where"  # the open question stays where it was


async def test_an_internal_error_apologises_and_keeps_what_was_stored(
    app: Weerbaar, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    await app.handle(msg("hallo", "f1"))

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(app.service.engine, "turn", broken)
    with caplog.at_level(logging.ERROR):
        [reply] = await app.handle(msg("Geheime tekst", "f2"))
    assert "Sorry" in reply.text and "112" in reply.text
    assert "Geheime tekst" not in caplog.text
    monkeypatch.undo()
    async with app.store.transaction() as tx:
        state = await tx.dialogs.load_state(ANNA)
    assert state is not None and state.step == "safe"  # the failed turn changed nothing


async def test_an_error_quoting_what_was_typed_is_logged_without_its_message(
    app: Weerbaar, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    await app.handle(msg("hallo", "g1"))

    def quoting(_state: object, inbound: Inbound, _ctx: object, **_kw: object) -> None:
        raise ValueError(f"could not read {inbound.text!r}")

    monkeypatch.setattr(app.service.engine, "turn", quoting)
    with caplog.at_level(logging.ERROR):
        [reply] = await app.handle(msg("Mijn buurman ZQXquoted42 dreigde", "g2"))
    assert "Sorry" in reply.text
    assert "ValueError (message withheld)" in caplog.text
    assert "ZQXquoted42" not in caplog.text


def test_a_registered_flow_without_a_runner_stops_the_start(
    app: Weerbaar, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot import turns
    from dialogs.flows import FLOWS, Audience, Entry, Registry, any_message

    extra = Entry("evaluation", Audience(staff=True), recognises=any_message)
    monkeypatch.setattr(turns, "FLOWS", Registry((*FLOWS.entries, extra)))
    with pytest.raises(RuntimeError, match="no runner for the registered flow 'evaluation'"):
        turns.ReportService(app.store, app.helplines, app.clock)
