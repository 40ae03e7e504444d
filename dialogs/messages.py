"""The neutral message model every channel adapter translates to and from.

Nothing here knows Teams, Signal or the terminal. An adapter builds an `Inbound` from its
channel's traffic and renders each `Outbound` in its channel's own way (Adaptive Cards,
numbered text, plain text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True)
class ConversationKey:
    """Who a conversation is with, on which channel, under which bot account or tenant.

    `user` is the channel's stable id for the person: a local handle, a Signal
    `sourceUuid`, a Teams AAD object id.
    """

    channel: str  # "local", "teams" or "signal"
    account: str  # local: "local"; signal: the bot's number; teams: the tenant id
    user: str


@dataclass(frozen=True)
class Attachment:
    """A file the person sent, already downloaded by the adapter."""

    filename: str
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class CardAction:
    """A press on a card's button, or a command a channel recognised outside the dialog
    (a Teams team channel's "koppel ORGANISATIE").

    `verb` names the use case (bot/cases/actions.py); `data` is what the button sent back;
    `card_message_id` is the channel's id of the message holding the pressed card.
    `shared` says the press came from a conversation others see too (a Teams team
    channel or group chat): a use case never answers case content into one.
    """

    verb: str
    data: dict[str, object] = field(default_factory=dict)
    card_message_id: str | None = None
    shared: bool = False


@dataclass(frozen=True)
class Question:
    """Which question a message asks: the dialog step and the dialog's revision then.

    The revision changes whenever an answer changes, so the same step asked again after
    an earlier answer changed is another question. A channel with buttons sends it back
    with a press (`Inbound.question`): an old card's buttons stay pressable, and a press
    must say which question it answers.
    """

    step: str
    revision: int


@dataclass(frozen=True)
class Inbound:
    """One message from a person.

    `message_id` is the channel's id for this delivery and is the dedupe key: the same
    (channel, message_id) is processed once. `choice` is the value of a button or card
    action the person picked; `text` is what they typed. `address` is a secondary
    address the channel gave (a Signal phone number) used once to bind `key.user` to an
    enrolled person. `replaces` names the message_id an edit replaces. `action` is set
    for a card press (then `text` and `choice` are empty). `question` is the question a
    pressed button belongs to, as the message that showed it said (`Outbound.question`).
    `queue_replies` is False when the channel answers this message itself rather than by
    sending (a Teams invoke is answered in its HTTP response): its replies are then not
    written to the outbox.
    """

    key: ConversationKey
    message_id: str
    text: str = ""
    choice: str | None = None
    attachments: tuple[Attachment, ...] = ()
    address: str | None = None
    display_name: str | None = None
    replaces: str | None = None
    action: CardAction | None = None
    question: Question | None = None
    queue_replies: bool = True


@dataclass(frozen=True)
class Choice:
    """An option offered to the person. `value` is what comes back in `Inbound.choice`."""

    value: str
    label: str


@dataclass(frozen=True)
class SummaryRow:
    number: int | None
    label: str
    value: str


@dataclass(frozen=True)
class Summary:
    """A card-like block: a title and labelled rows (the review of a report)."""

    title: str
    rows: tuple[SummaryRow, ...]


class Notice:
    """Facts a channel with cards may draw richer than `Outbound.text` (a handler's case
    card, a reminder with buttons). The kinds are typed in bot/cases/notices/; a channel
    that cannot draw one sends the text."""

    kind: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        """The notice as an outbox payload stores it."""
        raise NotImplementedError


@dataclass(frozen=True)
class Outbound:
    """One message to a person.

    `choices` are rendered as buttons (Teams) or a numbered list (Signal, local);
    `multi` says several may be picked at once. `notice` carries typed facts for channels
    that draw cards; other channels use `text`. `card` is an Adaptive Card a Teams adapter
    sends as it is (drawn by the adapter itself, never by the core). `replaces` is the
    channel's id of an earlier message this one replaces in place (a card brought up to
    date). `question` says which dialog question the choices answer; a channel with
    buttons sends it back with a press. `attachments` are files for the person (an
    evidence file delivered to a handler, bot/cases/evidence.py): decrypted just before
    sending, never stored in an outbox row.
    """

    text: str
    choices: tuple[Choice, ...] = ()
    multi: bool = False
    summary: Summary | None = None
    notice: Notice | None = field(default=None, compare=False)
    card: dict[str, object] | None = field(default=None, compare=False)
    replaces: str | None = None
    question: Question | None = None
    attachments: tuple[Attachment, ...] = field(default=(), compare=False, repr=False)


def as_text(message: Outbound) -> str:
    """The whole message as plain text: choices as a numbered list, a summary as numbered
    rows. Channels without cards (Signal, the terminal) show this; typed "1" or "wijzig 2"
    then answer it."""
    blocks = [message.text.strip()] if message.text.strip() else []
    if message.summary is not None:
        lines = [message.summary.title] if message.summary.title else []
        lines += [
            f"{row.number}. {row.label}: {row.value}"
            if row.number is not None
            else f"{row.label}: {row.value}"
            for row in message.summary.rows
        ]
        blocks.append("\n".join(lines))
    if message.choices:
        blocks.append("\n".join(f"{n}. {c.label}" for n, c in enumerate(message.choices, 1)))
    return "\n\n".join(blocks)
