"""Wiring the Teams channel into a running app: built from settings, served on the web app.

- `TeamsOutboxChannel`: what the outbox delivers Teams rows through. It draws notices as
  cards (a routed case becomes the handler's card, or the team channel's card without
  names, a refresh replaces the card in place, a reminder is a card with "Gedaan" and
  "Later"), sends everything else as text with its choices as buttons, and keeps to
  Teams' limit of 7 messages per second per conversation. Which message shows which
  case's card is recorded by the outbox worker from the receipt. An evidence file goes
  the Teams way for a personal chat: an offer is a FileConsentCard; once accepted the
  upload is PUT to the URL Teams gave and shown with a FileInfoCard (and a picture
  inline where Teams can show it); only then does the receipt say a file was delivered.
- Conversation references, and how the sends of a turn's replies went, go through the
  app's `bot.ports` objects (bot/jobs/outbox.py); card presses and team-channel lines
  go through the turn handler (adapters/teams/actions.py).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from aiohttp import web

from adapters.teams.adapter import TeamsAdapter
from adapters.teams.cards import (
    file_consent_attachment,
    file_info_attachment,
    image_preview,
    notice_card,
)
from adapters.teams.files import UploadRefused
from bot.app import Weerbaar
from bot.cases.notices import CaseCardRefresh, EvidenceOffer, EvidenceUpload, audience_of
from bot.ports import Receipt
from bot.text.catalogue import say
from dialogs.messages import ConversationKey, Outbound

log = logging.getLogger(__name__)

MESSAGES_PER_SECOND = 7  # Teams' limit per bot per conversation


class ConversationRateLimiter:
    """At most `rate` sends per `per` seconds per conversation (a sliding window)."""

    def __init__(
        self,
        rate: int = MESSAGES_PER_SECOND,
        per: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.rate, self.per = rate, per
        self._monotonic, self._sleep = monotonic, sleep
        self._sent: dict[str, deque[float]] = {}

    async def acquire(self, conversation: str) -> None:
        while True:
            now = self._monotonic()
            sent = self._sent.setdefault(conversation, deque())
            while sent and sent[0] <= now - self.per:
                sent.popleft()
            if len(sent) < self.rate:
                sent.append(now)
                return
            await self._sleep(sent[0] + self.per - now)

    def forget_idle(self) -> None:
        """Drop conversations with nothing in their window (keeps the dict small)."""
        now = self._monotonic()
        for conversation in [c for c, s in self._sent.items() if not s or s[-1] <= now - self.per]:
            del self._sent[conversation]


def for_teams(message: Outbound, audience: str) -> Outbound:
    """An outbox message as Teams shows it: a notice with a card becomes that card (a
    case card's refresh replaces the message that shows it); anything else goes as text
    with its choices as buttons (a check-in's answers come back as an ordinary message
    with `Inbound.choice` set)."""
    card = notice_card(message.notice, audience)
    if card is None:
        return replace(message, notice=None)
    refresh = message.notice if isinstance(message.notice, CaseCardRefresh) else None
    return Outbound(message.text, card=card, replaces=refresh.message_id if refresh else None)


class TeamsOutboxChannel:
    """The outbox's Teams channel (`bot.ports.Channel`): notices become cards, at most 7
    messages a second per conversation. The receipt holds the sent message's id."""

    name = "teams"
    # A consent offer carries no file; the upload after the accept does.
    file_notice_kinds = frozenset({EvidenceUpload.kind})

    def __init__(self, adapter: TeamsAdapter, limiter: ConversationRateLimiter | None = None):
        self.adapter = adapter
        self.limiter = limiter or ConversationRateLimiter()
        self._sends = 0

    async def send(self, key: ConversationKey, message: Outbound) -> Receipt:
        await self.limiter.acquire(key.user)
        self._sends += 1
        if self._sends % 1000 == 0:
            self.limiter.forget_idle()
        notice = message.notice
        if isinstance(notice, EvidenceOffer):
            consent = file_consent_attachment(notice)
            text = f"{message.text} {say('evidence_consent_hint')}"
            return await self.adapter.send_attachments(key, text, [consent])
        if isinstance(notice, EvidenceUpload) and message.attachments:
            (file,) = message.attachments
            try:
                await self.adapter.upload(notice.upload_url, file.data)
            except UploadRefused as refused:
                log.warning("evidence upload refused: %s", refused)
                return await self.adapter.send(key, Outbound(say("evidence_upload_unusable")))
            shown: list[dict[str, Any]] = [file_info_attachment(notice)]
            preview = image_preview(file)
            if preview is not None:
                shown.append(preview)
            sent = await self.adapter.send_attachments(key, message.text, shown)
            return Receipt(sent.message_id, file_delivered=True)
        return await self.adapter.send(key, for_teams(message, audience_of(key.user)))


def teams_adapter(app: Weerbaar) -> TeamsAdapter | None:
    """The Teams adapter as the settings describe it; None when Teams is off."""
    settings = app.settings
    if not settings.teams_enabled:
        return None
    assert settings.teams_app_id and settings.teams_app_password and settings.teams_tenant_id
    extra: dict[str, Any] = {}
    if settings.teams_openid_metadata_url:
        extra["openid_metadata_url"] = settings.teams_openid_metadata_url
    return TeamsAdapter(
        app_id=settings.teams_app_id,
        app_password=settings.teams_app_password.get_secret_value(),
        tenant_id=settings.teams_tenant_id,
        handler=app.service,
        references=app.references,
        token_url=settings.teams_token_url,
        max_file_bytes=settings.max_file_bytes,
        read_timeout=settings.http_read_seconds,
        submit_label=say("card_submit"),
        replies=app.replies,
        **extra,
    )


def attach_teams(app: Weerbaar, web_app: web.Application) -> TeamsAdapter | None:
    """When Teams is configured: serve `POST /api/messages` on `web_app` and register the
    outbox channel. Returns the adapter (closed with the web app), or None."""
    adapter = teams_adapter(app)
    if adapter is None:
        return None
    adapter.add_routes(web_app)
    app.add_channel(TeamsOutboxChannel(adapter))
    log.info("Teams channel on: POST /api/messages for app %s", app.settings.teams_app_id)
    return adapter
