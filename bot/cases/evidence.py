"""Evidence files to the handler who asks for them, on their own channel, through the outbox.

A handler asks with the case card's button for a file (verb "send_evidence", data: the
case's reference and the evidence id) or types "bewijs REF NUMMER" (locally with a path
to write it to: "bewijs REF NUMMER PAD"). Only who may read the case may have its files
(bot/domain/permissions.py `may_read`); a refusal is audited.

The file itself never waits in an outbox row. The row holds an `EvidenceOffer`
(bot/cases/notices/evidence.py); just before it goes out the outbox worker decrypts the
file into the message (`with_file`), only where that channel sends the bytes for it
(bot/ports.py `Channel.file_notice_kinds`: not for a Teams consent offer), and after the
channel delivered it the worker writes the audit entry (`record_delivery`) when the channel
says the file reached the person:

- Signal sends it as an attachment, the local chat writes it where the handler said;
- Teams asks consent first (a FileConsentCard, no file yet). The accept comes back as a
  press with the verb "evidence_consent" (adapters/teams/actions.py): it queues an
  `EvidenceUpload`, which the Teams channel uploads to the URL Teams gave and shows with
  a FileInfoCard. A decline is answered with a short line and changes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime

from bot.cases.audit import record_by, refused
from bot.cases.notices import FILE_NOTICES, EvidenceOffer, EvidenceUpload
from bot.domain.audit import AuditAction
from bot.domain.permissions import may_read
from bot.domain.records import CaseRecord, EvidenceRecord, Person
from bot.ports import Receipt, Tx
from bot.text.catalogue import say
from bot.text.format import human_size
from dialogs.flows.evidence_command import parse_evidence_command
from dialogs.messages import Attachment, ConversationKey, Inbound, Notice, Outbound

log = logging.getLogger(__name__)

SEND_EVIDENCE_VERB = "send_evidence"
EVIDENCE_CONSENT_VERB = "evidence_consent"
ACCEPT, DECLINE = "accept", "decline"  # a Teams file consent's `action`


@dataclass(frozen=True)
class EvidenceAsk:
    """Who asks for which file of which case, where to (`key`), and for the local
    channel the path to write it to."""

    person: Person | None
    key: ConversationKey
    reference: str
    evidence_id: int | None = None  # the card's button names the file by its id
    number: int | None = None  # a typed command by its number in the list
    path: str | None = None


def file_line(number: int, file: EvidenceRecord) -> str:
    return say("evidence_file_line", number=number, name=file.filename, size=human_size(file.size))


async def _readable_case(
    tx: Tx, person: Person | None, reference: str, channel: str, now: datetime
) -> CaseRecord | str:
    """The case when `person` may read it, else the reply (a refusal is audited)."""
    case = await tx.cases.case_by_reference(reference) if reference else None
    if case is None or case.submitted_at is None:
        return say("evidence_unknown_case", reference=reference or "-")
    if not may_read(person, case):
        log.info("evidence refused case_id=%s", case.id)
        await refused(tx, case, person.id if person else None, channel, AuditAction.EVIDENCE, now)
        return say("evidence_refused", reference=case.reference)
    return case


async def offer_evidence(tx: Tx, ask: EvidenceAsk, now: datetime) -> str | None:
    """Queue one evidence file for the person who asks; None when it is queued (its own
    message answers the ask, and a reply would only wait behind it), else the reply.

    Without a file named, the reply lists the case's files (itself a view of the case's
    content, audited as one)."""
    case = await _readable_case(tx, ask.person, ask.reference, ask.key.channel, now)
    if isinstance(case, str):
        return case
    assert ask.person is not None
    files = await tx.cases.evidence(case.id)
    if not files:
        return say("evidence_none", reference=case.reference)
    numbered = list(enumerate(files, 1))
    picked = next(
        (
            (n, f)
            for n, f in numbered
            if f.id == ask.evidence_id or (ask.evidence_id is None and n == ask.number)
        ),
        None,
    )
    if picked is None:
        await record_by(
            tx, case, ask.person.id, ask.key.channel, AuditAction.VIEW, now, {"what": "evidence"}
        )
        lines = "\n".join(file_line(n, f) for n, f in numbered)
        return say("evidence_list", reference=case.reference, files=lines)
    number, file = picked
    if ask.key.channel == "local" and not ask.path:
        return say("evidence_local_path", reference=case.reference, number=number)
    offer = EvidenceOffer(
        case_id=case.id,
        reference=case.reference,
        evidence_id=file.id,
        number=number,
        filename=file.filename,
        content_type=file.content_type,
        size=file.size,
        person_id=ask.person.id,
        path=ask.path if ask.key.channel == "local" else None,
    )
    text = say(
        "evidence_offer_text",
        number=number,
        reference=case.reference,
        name=file.filename,
        size=human_size(file.size),
    )
    await tx.outbox.enqueue(
        ask.key.channel,
        ask.key.account,
        ask.key.user,
        {"text": text, "notice": offer.to_dict()},
        now,
    )
    log.info("evidence offered case_id=%s evidence_id=%s", case.id, file.id)
    return None


async def answer_consent(
    tx: Tx,
    person: Person | None,
    key: ConversationKey,
    action: str,
    context: dict[str, object],
    upload: dict[str, str],
    now: datetime,
) -> None:
    """A Teams file consent answered (`action` "accept" or "decline"; `context` is the
    consent card's accept or decline context as we wrote it, `upload` Teams' uploadInfo).

    An accept by someone who may still read the case queues the upload; anything else
    queues a short line. Nothing is answered in the invoke itself."""
    if person is None:  # not enrolled: nothing of them is stored, not even a reply
        log.info("file consent from an unknown sender")
        return
    reference = str(context.get("reference") or "")
    evidence_id = context.get("evidence")
    line: str | None = None
    if action != ACCEPT:
        line = say("evidence_declined")
    elif not isinstance(evidence_id, int) or not upload.get("uploadUrl"):
        line = say("evidence_upload_unusable")
    else:
        case = await _readable_case(tx, person, reference, key.channel, now)
        if isinstance(case, str):
            line = case
        else:
            numbered = list(enumerate(await tx.cases.evidence(case.id), 1))
            found = next(((n, f) for n, f in numbered if f.id == evidence_id), None)
            if found is None:
                line = say("evidence_gone")
            else:
                number, file = found
                offer = EvidenceOffer(
                    case.id,
                    case.reference,
                    file.id,
                    number,
                    file.filename,
                    file.content_type,
                    file.size,
                    person.id,
                )
                upload_notice = EvidenceUpload(
                    offer,
                    upload_url=upload["uploadUrl"],
                    content_url=upload.get("contentUrl", ""),
                    name=upload.get("name") or file.filename,
                    unique_id=upload.get("uniqueId", ""),
                    file_type=upload.get("fileType", ""),
                )
                payload = {
                    "text": say("evidence_here", number=number, reference=case.reference),
                    "notice": upload_notice.to_dict(),
                }
                await tx.outbox.enqueue(key.channel, key.account, key.user, payload, now)
                return
    await tx.outbox.enqueue(key.channel, key.account, key.user, {"text": line}, now)


async def evidence_command_turn(
    tx: Tx, person: Person, inbound: Inbound, now: datetime
) -> list[Outbound] | None:
    """A typed "bewijs REF [NUMMER [PAD]]"; None when the text is not one."""
    command = parse_evidence_command(inbound.text)
    if command is None:
        return None
    ask = EvidenceAsk(
        person, inbound.key, command.reference, number=command.number, path=command.path
    )
    reply = await offer_evidence(tx, ask, now)
    return [Outbound(reply)] if reply else []


# --- the outbox worker's part (bot/jobs/outbox.py) ------------------------------------------


def _offer_of(notice: Notice | None) -> EvidenceOffer | None:
    if isinstance(notice, EvidenceUpload):
        return notice.offer
    return notice if isinstance(notice, EvidenceOffer) else None


def carries_a_file(message: Outbound, kinds: frozenset[str]) -> bool:
    """The message is a file notice whose delivery sends the file's bytes on a channel
    that sends them for the notice `kinds` (bot/ports.py `Channel.file_notice_kinds`)."""
    notice = message.notice
    return isinstance(notice, FILE_NOTICES) and notice.kind in kinds


async def with_file(tx: Tx, message: Outbound) -> Outbound:
    """A file notice about to go out, with the file decrypted into it; when the file is
    gone (the case was removed meanwhile) the message goes as a line that says so."""
    offer = _offer_of(message.notice)
    if offer is None:
        return message
    files = await tx.cases.evidence(offer.case_id)
    if not any(f.id == offer.evidence_id for f in files):
        return Outbound(say("evidence_gone"))
    data = await tx.cases.evidence_data(offer.evidence_id)
    return replace(message, attachments=(Attachment(offer.filename, offer.content_type, data),))


async def record_delivery(
    tx: Tx, channel: str, notice: Notice | None, receipt: Receipt | None, now: datetime
) -> None:
    """After a file notice went out: the audit entry, when the file reached the person."""
    offer = _offer_of(notice)
    if offer is None or receipt is None or not receipt.file_delivered:
        return
    await record_by(
        tx,
        offer.case_id,
        offer.person_id,
        channel,
        AuditAction.EVIDENCE,
        now,
        {"evidence": offer.evidence_id, "number": offer.number},
    )
