"""Conversation references for proactive messages, and the messages that show a case card.

Two small tables (migration 0003), next to what the core schema already has:

- `teams_conversations`: the last ConversationReference per Teams conversation key (a
  person's AAD object id in a personal chat, the conversation id of a team channel). An
  enrolled person's reference also lives on their identity (`identities.reference`, what
  `weerbaar people list` reads); this table keeps the ones that belong to nobody yet: a
  person who installed the app before being enrolled, a team channel not yet linked.
- `case_cards`: every message that carries a case card (channel + message id), so that
  acknowledging a case can refresh each copy in place. `audience` says which card it is:
  "handler" (a handler's personal chat) or "team" (a team channel: no narrative, no names).

A linked team channel's reference is `organisations.team_channel_ref`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    and_,
    bindparam,
    select,
    update,
)

from bot.domain.records import CaseCard, team_recipient
from storage.repos.base import Repo
from storage.tables import case_cards, organisations, teams_conversations

# Asked on every submission (bot/cases/submit.py), so built once.
_LINKED_TEAM = select(organisations.c.slug).where(
    and_(organisations.c.id == bindparam("org_id"), organisations.c.team_channel_ref.is_not(None))
)


# --- conversation references ------------------------------------------------------------


# --- case cards -------------------------------------------------------------------------


class ConversationRepo(Repo):
    """Conversation references for proactive messages, and the messages that show a case card."""

    async def save_conversation(
        self, conversation: str, reference: dict[str, Any], now: datetime
    ) -> None:
        """Upsert the reference of a conversation that no identity holds (yet)."""
        result = await self.conn.execute(
            update(teams_conversations)
            .where(teams_conversations.c.conversation == conversation)
            .values(reference=reference, updated_at=now)
        )
        if not result.rowcount:
            await self.conn.execute(
                self._insert_ignore(teams_conversations).values(
                    conversation=conversation, reference=reference, updated_at=now
                )
            )

    async def conversation(self, conversation: str) -> dict[str, Any] | None:
        row = (
            await self.conn.execute(
                select(teams_conversations.c.reference).where(
                    teams_conversations.c.conversation == conversation
                )
            )
        ).first()
        return None if row is None else dict(row.reference)

    async def link_team_channel(self, org_id: int, reference: dict[str, Any]) -> None:
        await self.conn.execute(
            update(organisations)
            .where(organisations.c.id == org_id)
            .values(team_channel_ref=reference)
        )

    async def linked_team_recipient(self, org_id: int) -> str | None:
        """The outbox recipient of the organisation's team channel, when one is linked."""
        row = (await self.conn.execute(_LINKED_TEAM, {"org_id": org_id})).first()
        return None if row is None else team_recipient(row.slug)

    async def team_channel_by_slug(self, slug: str) -> dict[str, Any] | None:
        row = (
            await self.conn.execute(
                select(organisations.c.team_channel_ref).where(organisations.c.slug == slug)
            )
        ).first()
        return None if row is None or row.team_channel_ref is None else dict(row.team_channel_ref)

    async def record_card(
        self,
        case_id: int,
        channel: str,
        recipient: str,
        message_id: str,
        audience: str,
        now: datetime,
    ) -> None:
        await self.conn.execute(
            self._insert_ignore(case_cards).values(
                case_id=case_id,
                channel=channel,
                recipient=recipient,
                message_id=message_id,
                audience=audience,
                created_at=now,
            )
        )

    async def cards_of(self, case_id: int) -> list[CaseCard]:
        rows = await self.conn.execute(
            select(case_cards).where(case_cards.c.case_id == case_id).order_by(case_cards.c.id)
        )
        return [CaseCard(r.case_id, r.channel, r.recipient, r.message_id, r.audience) for r in rows]

    async def card_by_message(self, channel: str, message_id: str) -> CaseCard | None:
        row = (
            await self.conn.execute(
                select(case_cards).where(
                    and_(case_cards.c.channel == channel, case_cards.c.message_id == message_id)
                )
            )
        ).first()
        if row is None:
            return None
        return CaseCard(row.case_id, row.channel, row.recipient, row.message_id, row.audience)
