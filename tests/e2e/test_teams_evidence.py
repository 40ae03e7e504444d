"""Evidence to the handler over Teams, end to end: the real app and Teams adapter, the fake
Bot Connector playing Teams and the user's OneDrive (tests/fakes/teams.py), on loopback.

A reporter sends a photo and a voice note with the report; the griffier presses a file's
button; the bot posts a FileConsentCard; Teams sends the accept as a `fileConsent/invoke`
with an upload URL; the bot PUTs the bytes there and posts a FileInfoCard.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from adapters.teams.files import SINGLE_UPLOAD_MAX
from bot.domain.audit import AuditAction
from bot.text.catalogue import say
from storage.repos.cases import CaseRepo
from storage.tables import outbox
from tests.chat import report_lines
from tests.e2e import test_teams_e2e as teams_e2e
from tests.e2e.test_teams_e2e import Bot, Cast, Person, cast, enrol, text_of

fakes, bot = teams_e2e.fakes, teams_e2e.bot  # the Teams e2e fixtures

FILE_DOWNLOAD = "application/vnd.microsoft.teams.file.download.info"
CONSENT = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO = "application/vnd.microsoft.teams.card.file.info"

PHOTO = b"\xff\xd8\xff\xe0" + os.urandom(60_000)
# Above the single-PUT limit: the upload goes in chunks.
VOICE = b"\xff\xf1\x50\x80" + os.urandom(SINGLE_UPLOAD_MAX + 700_000)


async def send_files(person: Person, *files: tuple[str, bytes]) -> str:
    """The reporter sends files in their chat, as Teams does (file download info)."""
    attachments = []
    for name, data in files:
        person.bot.connector.files[name] = data
        attachments.append(
            {
                "contentType": FILE_DOWNLOAD,
                "name": name,
                "content": {
                    "downloadUrl": f"{person.bot.connector.url}files/{name}",
                    "uniqueId": name,
                    "fileType": name.rsplit(".", 1)[-1],
                },
            }
        )
    before = len(person.bot.connector.calls)
    response = await person.bot.post(person.activity(attachments=attachments))
    assert response.status == 201
    return "\n".join(text_of(c) for c in person.received(before))


async def report_with_files(people: Cast) -> str:
    lines = report_lines()
    at = lines.index("overslaan", 9)  # the evidence question
    assert "bewijs" in (await people.rita.say(*lines[:at])).lower()
    assert "1. IMG_0001.jpg\n2. spraakbericht.aac" in await send_files(
        people.rita, ("IMG_0001.jpg", PHOTO), ("spraakbericht.aac", VOICE)
    )
    await people.rita.say("klaar", *lines[at + 1 :])
    done = await people.rita.say("verstuur")
    assert "Je kenmerk is WB-" in done
    return "WB-" + done.split("Je kenmerk is WB-", 1)[1][:6]


async def press_submit(person: Person, value: dict[str, Any]) -> int:
    """An Action.Submit button: Teams sends its data as a message's value. Returns the
    index of the connector's calls before it."""
    before = len(person.bot.connector.calls)
    response = await person.bot.post(person.activity(value=value))
    assert response.status == 201
    return before


async def answer_consent(person: Person, consent: dict[str, Any], accept: bool = True) -> Any:
    value = person.bot.connector.consent_value(consent, accept=accept)
    invoke = person.activity("invoke", name="fileConsent/invoke", value=value)
    return await person.bot.post(invoke)


def attachments_of(person: Person, since: int, content_type: str) -> list[dict[str, Any]]:
    return [
        a
        for c in person.received(since)
        for a in (c.body or {}).get("attachments") or []
        if a["contentType"] == content_type
    ]


async def evidence_ids(bot: Bot, reference: str) -> tuple[int, list[int]]:
    async with bot.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        return case.id, [f.id for f in await tx.cases.evidence(case.id)]


async def audit_actions(bot: Bot, case_id: int) -> list[tuple[str, str | None, str]]:
    async with bot.app.store.transaction() as tx:
        return [(e.action, e.actor_name, e.channel) for e in await tx.audit.for_case(case_id)]


async def reported_photo(bot: Bot, people: Cast) -> tuple[str, int, int]:
    """Rita's report with a photo and a voice note, delivered: its reference, the case id
    and the photo's evidence id."""
    reference = await report_with_files(people)
    await bot.deliver()
    case_id, (photo_id, _voice) = await evidence_ids(bot, reference)
    return reference, case_id, photo_id


async def ask_for_file(
    bot: Bot, person: Person, reference: str, evidence_id: int
) -> tuple[int, dict[str, Any]]:
    """The handler presses a file's button and the offer goes out: the index of the
    connector's calls before the press, and the one FileConsentCard it brought."""
    before = await press_submit(
        person, {"verb": "send_evidence", "reference": reference, "evidence": evidence_id}
    )
    assert await bot.deliver() >= 1
    (consent,) = attachments_of(person, before, CONSENT)
    return before, consent


async def test_a_photo_and_a_voice_note_reach_the_handler_byte_identical(bot: Bot) -> None:
    people = await cast(bot)
    reference = await report_with_files(people)
    await bot.deliver()
    case_id, (photo_id, voice_id) = await evidence_ids(bot, reference)
    gerrit = people.gerrit

    files = ((photo_id, PHOTO, "IMG_0001.jpg"), (voice_id, VOICE, None))
    for delivered, (evidence_id, data, name) in enumerate(files):
        before, consent = await ask_for_file(bot, gerrit, reference, evidence_id)
        content = consent["content"]
        assert content["sizeInBytes"] == len(data)
        assert content["acceptContext"] == {"reference": reference, "evidence": evidence_id}
        assert content["declineContext"] == content["acceptContext"]
        assert reference in content["description"]
        if name is not None:
            assert consent["name"] == name
        (offer_message,) = gerrit.received(before)  # the consent is the press's answer
        assert say("evidence_consent_hint") in offer_message.body["text"]

        # Nothing is delivered (nor audited) before the accept.
        assert [a for a, _n, _c in await audit_actions(bot, case_id)].count(
            AuditAction.EVIDENCE
        ) == delivered

        response = await answer_consent(gerrit, consent)
        assert response.status == 200
        before = len(bot.connector.calls)
        assert await bot.deliver() == 1
        (upload,) = [u for u in bot.connector.uploads.values() if u.name == consent["name"]]
        assert upload.complete and bytes(upload.data) == data
        # Pre-authenticated: the bot's token never goes to the upload URL.
        assert all("authorization" not in h for h in upload.requests)
        if len(data) > SINGLE_UPLOAD_MAX:
            assert len(upload.requests) > 1
            assert upload.requests[0]["content-range"].startswith("bytes 0-")
        else:
            assert [h["content-range"] for h in upload.requests] == [
                f"bytes 0-{len(data) - 1}/{len(data)}"
            ]
        (info,) = attachments_of(gerrit, before, FILE_INFO)
        assert info["name"] == upload.name
        assert info["contentUrl"].endswith(upload.name)
        assert info["content"]["uniqueId"] and info["content"]["fileType"]
        previews = attachments_of(gerrit, before, "image/jpeg")
        if name is not None:  # the photo is small enough to show inline too
            (preview,) = previews
            assert preview["contentUrl"].startswith("data:image/jpeg;base64,")
        else:
            assert previews == []

    entries = await audit_actions(bot, case_id)
    deliveries = [e for e in entries if e[0] == AuditAction.EVIDENCE]
    assert deliveries == [(AuditAction.EVIDENCE, "Gerrit Griffioen", "teams")] * 2


async def test_another_organisations_griffier_gets_no_file_and_is_audited(bot: Bot) -> None:
    people = await cast(bot)
    reference, case_id, photo_id = await reported_photo(bot, people)
    await enrol(bot.app, "Zeger Zeist", "aad-zeger", "griffier", org="zeist")
    zeger = Person(bot, "Zeger Zeist", "aad-zeger")
    await zeger.install()
    rows = await bot.count(outbox)

    before = await press_submit(
        zeger, {"verb": "send_evidence", "reference": reference, "evidence": photo_id}
    )
    answer = "\n".join(text_of(c) for c in zeger.received(before))
    assert say("evidence_refused", reference=reference) in answer
    await bot.deliver()
    assert attachments_of(zeger, before, CONSENT) == []
    # Only the refusal's own reply row was added: no offer.
    assert await bot.count(outbox) == rows + 1
    entries = await audit_actions(bot, case_id)
    assert (AuditAction.REFUSED, "Zeger Zeist", "teams") in entries
    assert all(a != AuditAction.EVIDENCE for a, _n, _c in entries)


async def test_a_declined_consent_is_answered_politely_and_uploads_nothing(bot: Bot) -> None:
    people = await cast(bot)
    reference, _case_id, photo_id = await reported_photo(bot, people)
    _before, consent = await ask_for_file(bot, people.gerrit, reference, photo_id)

    response = await answer_consent(people.gerrit, consent, accept=False)
    assert response.status == 200
    before = len(bot.connector.calls)
    assert await bot.deliver() == 1
    (line,) = people.gerrit.received(before)
    assert line.body["text"] == say("evidence_declined")
    assert bot.connector.uploads == {}


async def test_a_consent_answer_that_is_not_well_formed_is_a_400(bot: Bot) -> None:
    people = await cast(bot)
    for value in (
        {"type": "fileUpload", "action": "maybe", "context": {}},
        {"type": "other", "action": "accept", "context": {}},
        "accept",
    ):
        invoke = people.gerrit.activity("invoke", name="fileConsent/invoke", value=value)
        assert (await bot.post(invoke)).status == 400


async def test_an_upload_url_that_is_not_https_is_not_used(bot: Bot) -> None:
    people = await cast(bot)
    reference, _case_id, photo_id = await reported_photo(bot, people)
    _before, consent = await ask_for_file(bot, people.gerrit, reference, photo_id)
    value = bot.connector.consent_value(consent)
    value["uploadInfo"]["uploadUrl"] = "http://upload.example.org/session"  # plain http
    invoke = people.gerrit.activity("invoke", name="fileConsent/invoke", value=value)
    assert (await bot.post(invoke)).status == 200
    before = len(bot.connector.calls)
    await bot.deliver()
    (line,) = people.gerrit.received(before)
    assert line.body["text"] == say("evidence_upload_unusable")


async def test_an_upload_session_gone_before_the_upload_is_answered_with_a_line(
    bot: Bot,
) -> None:
    people = await cast(bot)
    reference, case_id, photo_id = await reported_photo(bot, people)
    _before, consent = await ask_for_file(bot, people.gerrit, reference, photo_id)
    assert (await answer_consent(people.gerrit, consent)).status == 200
    bot.connector.uploads.clear()  # the session expired: OneDrive answers 404
    before = len(bot.connector.calls)
    assert await bot.deliver() == 1
    (line,) = people.gerrit.received(before)
    assert line.body["text"] == say("evidence_upload_unusable")
    assert await bot.deliver() == 0  # not retried for ever
    entries = await audit_actions(bot, case_id)
    assert all(a != AuditAction.EVIDENCE for a, _n, _c in entries)


async def test_a_consent_answer_in_a_team_channel_is_a_400(bot: Bot) -> None:
    people = await cast(bot)
    value = {"type": "fileUpload", "action": "decline", "context": {"reference": "WB-ABC234"}}
    invoke = people.gerrit.activity(
        "invoke",
        name="fileConsent/invoke",
        value=value,
        conversation="19:team@thread.tacv2",
        conversation_type="channel",
    )
    assert (await bot.post(invoke)).status == 400


async def test_a_consent_answer_from_someone_not_enrolled_stores_nothing(bot: Bot) -> None:
    stranger = Person(bot, "Onbekend", "aad-stranger")
    rows = await bot.count(outbox)
    value = {"type": "fileUpload", "action": "decline", "context": {"reference": "WB-ABC234"}}
    invoke = stranger.activity("invoke", name="fileConsent/invoke", value=value)
    assert (await bot.post(invoke)).status == 200
    assert await bot.count(outbox) == rows


async def test_the_consent_offer_is_sent_without_decrypting_the_file(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FileConsentCard carries no bytes: the worker decrypts the file only for the
    upload after the accept, once."""
    people = await cast(bot)
    reference, _case_id, photo_id = await reported_photo(bot, people)
    decrypted: list[int] = []
    real = CaseRepo.evidence_data

    async def counting(repo: CaseRepo, evidence_id: int) -> bytes:
        decrypted.append(evidence_id)
        return await real(repo, evidence_id)

    monkeypatch.setattr(CaseRepo, "evidence_data", counting)
    _before, consent = await ask_for_file(bot, people.gerrit, reference, photo_id)
    assert decrypted == []
    assert (await answer_consent(people.gerrit, consent)).status == 200
    assert await bot.deliver() == 1
    assert decrypted == [photo_id]
    (upload,) = [u for u in bot.connector.uploads.values() if u.name == consent["name"]]
    assert bytes(upload.data) == PHOTO
