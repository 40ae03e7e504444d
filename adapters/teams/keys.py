"""Who a Teams activity is from, and how long the Bot Connector asked us to wait."""

from __future__ import annotations

from typing import Any

from dialogs.messages import ConversationKey


def tenant_of(activity: Any) -> str:
    return str(activity.conversation.tenant_id or _channel_tenant(activity.channel_data) or "")


def person_of(activity: Any) -> ConversationKey:
    """Who sent the activity: their AAD object id (Teams always sends it)."""
    sender = activity.from_property
    return ConversationKey("teams", tenant_of(activity), sender.aad_object_id or sender.id)


def conversation_key(activity: Any) -> ConversationKey:
    """The conversation's key: the person in a personal chat, else the conversation id."""
    if (activity.conversation.conversation_type or "personal") == "personal":
        return person_of(activity)
    return ConversationKey("teams", tenant_of(activity), activity.conversation.id)


def _channel_tenant(channel_data: Any) -> str | None:
    if isinstance(channel_data, dict):
        tenant = channel_data.get("tenant")
        if isinstance(tenant, dict) and isinstance(tenant.get("id"), str):
            return str(tenant["id"])
    return None


def without_names(reference: dict[str, object]) -> dict[str, object]:
    """A reference without the person's display name: names are not stored in the clear."""
    clean = dict(reference)
    user = clean.get("user")
    if isinstance(user, dict):
        clean["user"] = {k: v for k, v in user.items() if k != "name"}
    return clean


def channel_reference(reference: dict[str, object]) -> dict[str, object]:
    """The channel itself rather than the thread the message was in: new posts start a new
    thread ("19:abc@thread.tacv2;messageid=123" -> "19:abc@thread.tacv2")."""
    clean = without_names(reference)
    conversation = clean.get("conversation")
    if isinstance(conversation, dict) and isinstance(conversation.get("id"), str):
        clean["conversation"] = {**conversation, "id": conversation["id"].split(";", 1)[0]}
    clean.pop("activityId", None)
    return clean
