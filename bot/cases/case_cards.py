"""Which messages show a case's card: brought up to date before one goes out, recorded
after (the outbox worker calls both, bot/jobs/outbox.py).

A recorded copy is what an acknowledgement refreshes (bot/cases/acknowledge.py). A copy
that went out while the case was being taken in hand could not be seen by that
acknowledgement: its refresh is queued here.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

from bot.cases.acknowledge import acknowledged_state
from bot.cases.notices import CaseCardRefresh, CaseRouted, audience_of
from bot.cases.notify import ACCOUNT
from bot.ports import Tx
from bot.text.catalogue import say
from dialogs.messages import Notice, Outbound

log = logging.getLogger(__name__)


def shows_a_case_card(message: Outbound) -> bool:
    return isinstance(message.notice, CaseRouted)


async def up_to_date(tx: Tx, message: Outbound) -> Outbound:
    """A case card about to go out, saying who has the case in hand when someone has."""
    notice = message.notice
    if not isinstance(notice, CaseRouted):
        return message
    case = await tx.cases.case(notice.case_id)
    if case is None:
        return message
    # The suggested informed parties, for the acknowledge card's toggles.
    notice = replace(notice, informed=notice.informed or case.informed)
    if case.acknowledged_at is None:
        return replace(message, notice=notice)
    state = acknowledged_state(case.acknowledged_by, case.acknowledged_at)
    return replace(message, notice=replace(notice, acknowledged=state))


async def record_sent(
    tx: Tx,
    channel: str,
    recipient: str,
    notice: Notice | None,
    message_id: str | None,
    now: datetime,
) -> None:
    """After a message went out: when it shows a case card, remember which message it is
    (`message_id`, from the channel's receipt); and when the card went out open while the
    case was taken in hand meanwhile, queue its refresh."""
    if not isinstance(notice, CaseRouted):
        return
    if not message_id:
        log.warning("case card sent without a message id case_id=%s", notice.case_id)
        return
    audience = audience_of(recipient)
    await tx.conversations.record_card(
        notice.case_id, channel, recipient, message_id, audience, now
    )
    if notice.acknowledged is not None:
        return
    case = await tx.cases.case(notice.case_id)
    if case is None or case.acknowledged_at is None:
        return
    state = acknowledged_state(case.acknowledged_by, case.acknowledged_at)
    refresh = CaseCardRefresh(message_id, audience, notice, state)
    await tx.outbox.enqueue(
        channel,
        ACCOUNT.get(channel, ""),
        recipient,
        {
            "text": say("ack_card_text", reference=case.reference, time=state.at_shown),
            "notice": refresh.to_dict(),
        },
        now,
        dedupe_key=f"ack-card:{case.id}:{channel}:{message_id}",
    )
