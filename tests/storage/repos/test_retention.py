from __future__ import annotations

from bot.jobs.scheduler import retain
from dialogs.messages import ConversationKey, Inbound
from tests.conftest import AppFactory, FakeClock

BRAM = ConversationKey("local", "local", "bram")


async def test_old_bookkeeping_goes_and_reports_stay(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await make_app(database_url, retention_days=30)
    for n, text in enumerate(["hallo", "ja", "Hij schold me uit."]):
        await app.handle(Inbound(key=BRAM, message_id=f"m{n}", text=text))
    async with app.store.transaction() as tx:
        await tx.outbox.enqueue("local", "local", "x", {"text": "oud"}, clock(), dedupe_key="a")
        await tx.outbox.enqueue("local", "local", "x", {"text": "wacht"}, clock(), dedupe_key="b")
        [first, _waiting] = await tx.outbox.pending_for("local", "x")
        await tx.outbox.mark_sent(first.id, clock())

    clock.advance(days=29)
    await retain(app)
    assert await app.handle(Inbound(key=BRAM, message_id="m2", text="x")) == []  # still known
    async with app.store.transaction() as tx:
        assert (await tx.outbox.counts()).get("sent") == 1  # not old enough yet

    clock.advance(days=2)
    await retain(app)
    async with app.store.transaction() as tx:
        counts = await tx.outbox.counts()
        [case] = await tx.cases.list_cases(include_drafts=True)
        answers = await tx.dialogs.answers(case.id)
        assert await tx.dialogs.claim_inbound("local", "m0", clock()) is True  # its key is gone
    assert counts == {"pending": 1}  # an undelivered notice is never dropped
    assert answers["what"] == "Hij schold me uit."  # nor anything a person typed
