"""What goes over the wire to and from the Bot Connector, without the SDK's msrest layer.

A turn's replies are posted as the connector client would post them, but from the dict as
it is: msrest spent about 1.5 ms of CPU a reply re-serialising what is already JSON.
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import quote

import aiohttp
from botbuilder.schema import ActivityTypes

from adapters.base import retry_after_seconds
from adapters.inputs import is_id, is_optional_id, web_url
from adapters.teams.cards import ADAPTIVE_CARD, card_for, card_summary, needs_card, notice_card
from bot.ports import DeliveryError
from dialogs.messages import Outbound

MAX_ACTIVITY_ID_CHARS = 160  # with the conversation's digest, a dedupe key fits 200


def well_formed(activity: Any) -> bool:
    """What every activity this bot acts on carries, each id of a shape that can be
    stored, and a `serviceUrl` it may call (the SDK then checks that the token was
    issued for exactly that URL); anything less is a 400."""
    conversation = activity.conversation
    sender = activity.from_property
    recipient = activity.recipient
    if conversation is None or sender is None or recipient is None:
        return False
    if activity.type in (ActivityTypes.message, ActivityTypes.invoke) or activity.id:
        if not is_id(activity.id, MAX_ACTIVITY_ID_CHARS):
            return False
    return bool(
        web_url(activity.service_url, loopback_http=True)
        and is_id(activity.channel_id, 40)
        and is_id(conversation.id)
        and is_id(sender.id)
        and is_optional_id(sender.aad_object_id)
        and is_optional_id(recipient.id)
        and is_optional_id(conversation.tenant_id)
        and is_optional_id(_channel_tenant(activity.channel_data))
        and is_optional_id(conversation.conversation_type, 40)
        and is_optional_id(activity.reply_to_id)
        and is_optional_id(activity.name)
    )


def _channel_tenant(channel_data: Any) -> object:
    tenant = channel_data.get("tenant") if isinstance(channel_data, dict) else None
    return tenant.get("id") if isinstance(tenant, dict) else None


def delivery_id(activity: Any) -> str:
    """The dedupe key of an activity: its id within its conversation. Teams ids are only
    unique per conversation, so two conversations must not shadow each other; the
    conversation goes in as a short digest, which keeps the key within 200 characters."""
    digest = hashlib.sha256(activity.conversation.id.encode()).hexdigest()[:16]
    return f"{activity.id}@{digest}"


def message_content(message: Outbound, submit_label: str) -> dict[str, Any]:
    """The message part of an activity: text, or an Adaptive Card for choices, summaries
    and the notices a turn answers with (the whole case after "Bekijk melding": a turn's
    replies only go to the chat that asked, a personal chat)."""
    card = message.card or notice_card(message.notice)
    if card is None and not needs_card(message):
        return {"type": "message", "text": message.text}
    card = card or card_for(message, submit_label)
    return {
        "type": "message",
        "summary": card_summary(card),
        "attachments": [{"contentType": ADAPTIVE_CARD, "content": card}],
    }


async def post_reply(
    session: aiohttp.ClientSession, token: str, activity: Any, content: dict[str, Any]
) -> None:
    """`POST {serviceUrl}/v3/conversations/{id}/activities/{activityId}` answering
    `activity`; a refusal or no answer raises `DeliveryError`."""
    body: dict[str, Any] = {
        **content,
        "from": {"id": activity.recipient.id, "name": activity.recipient.name},
        "recipient": {"id": activity.from_property.id},
        "conversation": {"id": activity.conversation.id},
        "replyToId": activity.id,
        "serviceUrl": activity.service_url,
        "channelId": activity.channel_id,
    }
    if activity.locale:
        body["locale"] = activity.locale
    url = (
        f"{activity.service_url.rstrip('/')}/v3/conversations/"
        f"{quote(activity.conversation.id, safe='')}/activities/"
        f"{quote(activity.id, safe='')}"
    )
    try:
        async with session.post(
            url, json=body, headers={"Authorization": f"Bearer {token}"}
        ) as response:
            await response.read()  # read to the end, or the connection is not reused
            if response.status >= 300:
                raise DeliveryError(
                    f"connector answered {response.status}", retry_after_seconds(response.headers)
                )
    except aiohttp.ClientError as error:
        raise DeliveryError("connector unreachable") from error
