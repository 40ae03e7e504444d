"""Card presses and team-channel lines in Teams, to and from the neutral model.

A press (an `adaptiveCard/action` invoke carrying an Action.Execute) becomes
`Inbound(action=CardAction(verb, data, card_message_id))` for the turn handler, and its
answer becomes the invoke response: the card that replaces the pressed one. "@Weerbaar
koppel ORGANISATIE" in a team channel becomes the same kind of Inbound with the verb
"link_team_channel". An Action.Submit that names a verb (a case card's "Bekijk melding",
a file's button) arrives as a message whose `value` holds the verb, and becomes the same
kind of Inbound; its answer is a new message in the chat. A FileConsentCard's answer (the
`fileConsent/invoke` invoke) becomes the verb "evidence_consent". What a verb does is the
core's (bot/cases/actions.py): nothing here reads or writes the database.
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlsplit

from adapters.inputs import web_url
from adapters.teams.cards import (
    PARTY_FIELD_PREFIX,
    card_action,
    card_for,
    card_response,
    notice_card,
    submitted_verb,
)
from adapters.teams.case_work_cards import RESPONSE_NOTE_FIELD
from adapters.teams.keys import channel_reference, person_of
from adapters.teams.wire import delivery_id
from bot.cases.actions import (
    ACTIONS,
    INSTALLED_VERB,
    LINK_TEAM_CHANNEL_VERB,
    PARTIES_FIELD,
    RECORD_RESPONSE_VERB,
)
from bot.cases.evidence import EVIDENCE_CONSENT_VERB
from bot.text.catalogue import say
from dialogs.messages import CardAction, Inbound, Outbound

INVOKE_MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message"
_LINK_WORDS = frozenset({"koppel", "koppelen"})
FILE_CONSENT_INVOKE = "fileConsent/invoke"
_UPLOAD_FIELDS = ("uploadUrl", "contentUrl", "name", "uniqueId", "fileType")
# Verbs only the channel itself may send: never taken from a card's data.
_CHANNEL_VERBS = frozenset({INSTALLED_VERB, LINK_TEAM_CHANNEL_VERB, EVIDENCE_CONSENT_VERB})


def press_inbound(activity: Any) -> Inbound | None:
    """The press an `adaptiveCard/action` invoke carries, or None if it is not well formed.

    The invoke's own id is the delivery id (Teams resends a slow one with the same id);
    `replyToId` is the message that holds the pressed card.
    """
    parsed = card_action(activity.value)
    if parsed is None:
        return None
    verb, data = parsed
    shared = (activity.conversation.conversation_type or "personal") != "personal"
    return Inbound(
        key=person_of(activity),
        message_id=delivery_id(activity),
        action=CardAction(verb, form_fields(verb, data), activity.reply_to_id or None, shared),
        queue_replies=False,  # the answer is the invoke's HTTP response, not a message
    )


def form_fields(verb: str, data: dict[str, object]) -> dict[str, object]:
    """A press's data as the verb reads it: the party toggles as `parties`, and the
    response form's note (its own input id on the card) as `note`."""
    data = kept_parties(data)
    if verb == RECORD_RESPONSE_VERB and RESPONSE_NOTE_FIELD in data:
        note = data[RESPONSE_NOTE_FIELD]
        data = {k: v for k, v in data.items() if k != RESPONSE_NOTE_FIELD}
        data["note"] = note
    return data


def kept_parties(data: dict[str, object]) -> dict[str, object]:
    """The acknowledge card's party toggles (`party_N`: the party, or empty when switched
    off) as the `parties` the handler kept; data without toggles as it is."""
    toggles = sorted(k for k in data if k.startswith(PARTY_FIELD_PREFIX))
    if not toggles:
        return data
    kept = [v for k in toggles if isinstance(v := data[k], str) and v]
    rest = {k: v for k, v in data.items() if not k.startswith(PARTY_FIELD_PREFIX)}
    return {**rest, PARTIES_FIELD: kept}


def submit_inbound(activity: Any) -> Inbound | None:
    """An Action.Submit press in a personal chat that names a verb of ours, as an Inbound
    (its replies are sent as messages like any turn's); None for any other message."""
    parsed = submitted_verb(activity.value)
    if parsed is None:
        return None
    verb, data = parsed
    if verb in _CHANNEL_VERBS or verb not in ACTIONS:
        verb = f"unknown:{verb[:30]}"  # answered "Deze knop ken ik niet" by the core
    return Inbound(
        key=person_of(activity),
        message_id=delivery_id(activity),
        action=CardAction(verb, data, activity.reply_to_id or None),
    )


def consent_inbound(activity: Any) -> Inbound | None:
    """A FileConsentCard's answer (`fileConsent/invoke`, value {type: "fileUpload",
    action: "accept"|"decline", context, uploadInfo}) as an Inbound; None when it is not
    well formed. Only an https upload URL is kept (plain http only to the serviceUrl's
    loopback host: the test doubles); the bot's token never goes there."""
    value = activity.value
    if not isinstance(value, dict) or value.get("type") != "fileUpload":
        return None
    action, context = value.get("action"), value.get("context")
    if action not in ("accept", "decline") or not isinstance(context, dict):
        return None
    upload: dict[str, object] = {}
    info = value.get("uploadInfo")
    if action == "accept" and isinstance(info, dict):
        upload = {k: info[k] for k in _UPLOAD_FIELDS if isinstance(info.get(k), str)}
        url = upload.get("uploadUrl")
        loopback = isinstance(url, str) and _host(url) == _host(activity.service_url or "")
        if web_url(url, loopback_http=loopback) is None:
            upload.pop("uploadUrl", None)
    return Inbound(
        key=person_of(activity),
        message_id=delivery_id(activity),
        action=CardAction(
            EVIDENCE_CONSENT_VERB,
            {"action": action, "context": context, "upload": upload},
            activity.reply_to_id or None,
        ),
        queue_replies=False,  # the use case queues what follows; the invoke gets a 200
    )


def _host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def install_inbound(activity: Any) -> Inbound | None:
    """The bot added to someone's personal chat, as an Inbound for the turn handler (which
    answers with the welcome); None for any other conversationUpdate or installationUpdate.

    Teams may send both a conversationUpdate (the bot among `membersAdded`) and an
    installationUpdate ("add") for one install: both get the same delivery id, so the
    welcome is said once (again only after a reinstall once the dedupe rows expired).
    """
    if (activity.conversation.conversation_type or "personal") != "personal":
        return None
    if activity.type == "installationUpdate":
        added = activity.action == "add"
    elif activity.type == "conversationUpdate":
        bot = activity.recipient.id
        added = any(getattr(m, "id", None) == bot for m in activity.members_added or ())
    else:
        added = False
    if not added:
        return None
    # A conversation id can be longer than a delivery id may be: a digest keys it.
    digest = hashlib.sha256(activity.conversation.id.encode()).hexdigest()[:32]
    return Inbound(
        key=person_of(activity),
        message_id=f"installed:{digest}",
        action=CardAction(INSTALLED_VERB),
    )


def press_response(replies: list[Outbound]) -> dict[str, object]:
    """The invoke response body for what the turn handler answered a press.

    The first reply's notice (or its own card) is drawn as the card that replaces the
    pressed one; a reply with only text (the apology) becomes a card with that text. No
    reply means a redelivered press: the card stays as it is and Teams shows a line.
    """
    if not replies:
        return {
            "statusCode": 200,
            "type": INVOKE_MESSAGE_RESPONSE,
            "value": say("card_press_again"),
        }
    reply = replies[0]
    card = reply.card or notice_card(reply.notice) or card_for(reply, say("card_submit"))
    return card_response(card)


def channel_line(
    activity: Any, conversation_type: str, text: str, reference: dict[str, object]
) -> Inbound | str:
    """A message to the bot outside a personal chat: "koppel ORGANISATIE" in a team
    channel as an Inbound for the turn handler, else the Dutch reply (group chats are
    not served; other lines in a team channel get the help text).

    `text` has the bot's @mention removed; `reference` is the conversation's reference,
    stored for the channel itself rather than the thread.
    """
    if conversation_type != "channel":
        return say("group_not_supported")
    word, _, rest = text.strip().partition(" ")
    if word.lower() not in _LINK_WORDS:
        return say("teams_link_help")
    data: dict[str, object] = {
        "organisation": rest.strip(),
        "reference": channel_reference(reference),
    }
    return Inbound(
        key=person_of(activity),
        message_id=delivery_id(activity),
        action=CardAction(LINK_TEAM_CHANNEL_VERB, data),
        # Answered in the channel's thread, which the outbox (keyed on the person) cannot
        # address: the reply is sent at once, not queued.
        queue_replies=False,
    )
