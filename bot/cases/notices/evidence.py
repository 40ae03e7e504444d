"""Evidence to a handler (bot/cases/evidence.py): one file offered, and its upload once a
Teams handler accepted it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from bot.cases.notices.base import _opt, _str
from dialogs.messages import Notice


@dataclass(frozen=True)
class EvidenceOffer(Notice):
    """One evidence file of a case for the handler who asked for it.

    Each channel delivers it its own way: Signal sends the file as an attachment, the
    local chat writes it to `path` (the handler named it), Teams first asks consent with
    a FileConsentCard (the file goes once accepted, `EvidenceUpload`). The file's bytes
    are not in the row: the outbox worker decrypts them just before sending. `filename`
    is the reporter's file name; the outbox payload is encrypted like every free text.
    """

    kind: ClassVar[str] = "evidence_offer"
    case_id: int
    reference: str
    evidence_id: int
    number: int  # 1-based, as the case's card lists the files
    filename: str
    content_type: str
    size: int
    person_id: int  # who asked: the audit entry names them
    path: str | None = None  # local channel only: where to write the file

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "case_id": self.case_id,
            "reference": self.reference,
            "evidence_id": self.evidence_id,
            "number": self.number,
            "filename": self.filename,
            "content_type": self.content_type,
            "size": self.size,
            "person_id": self.person_id,
            "path": self.path,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EvidenceOffer:
        return cls(
            case_id=int(data["case_id"]),
            reference=_str(data, "reference"),
            evidence_id=int(data["evidence_id"]),
            number=int(data.get("number") or 0),
            filename=_str(data, "filename", "bestand"),
            content_type=_str(data, "content_type", "application/octet-stream"),
            size=int(data.get("size") or 0),
            person_id=int(data["person_id"]),
            path=_opt(data, "path"),
        )


@dataclass(frozen=True)
class EvidenceUpload(Notice):
    """A file the handler accepted in Teams: upload it to `upload_url` (the consent's
    `uploadInfo`), then show it with a FileInfoCard. Queued by the accept; the bytes are
    filled in by the outbox worker like an offer's."""

    kind: ClassVar[str] = "evidence_upload"
    offer: EvidenceOffer
    upload_url: str
    content_url: str
    name: str
    unique_id: str
    file_type: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "offer": self.offer.to_dict(),
            "upload_url": self.upload_url,
            "content_url": self.content_url,
            "name": self.name,
            "unique_id": self.unique_id,
            "file_type": self.file_type,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EvidenceUpload:
        return cls(
            offer=EvidenceOffer.from_dict(data["offer"]),
            upload_url=_str(data, "upload_url"),
            content_url=_str(data, "content_url"),
            name=_str(data, "name", "bestand"),
            unique_id=_str(data, "unique_id"),
            file_type=_str(data, "file_type"),
        )


FILE_NOTICES = (EvidenceOffer, EvidenceUpload)  # notices whose delivery carries a file
