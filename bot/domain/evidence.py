"""Which evidence files are kept: by size and by kind.

Pure: a refused file comes back as a `Refusal` (why, with the sizes); the caller says it
to the person in Dutch (bot/turns.py `refusal_text`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeVar

# Evidence people really send: photos, screenshots, voice notes, video, letters, e-mails.
_ACCEPTED_PREFIXES = ("image/", "audio/", "video/", "text/")
_ACCEPTED_TYPES = frozenset(
    {
        "application/pdf",
        "message/rfc822",
        "application/vnd.ms-outlook",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
        "application/octet-stream",  # many phones send this for a forwarded file
    }
)
_REFUSED_ENDINGS = (
    ".exe",
    ".bat",
    ".cmd",
    ".com",
    ".scr",
    ".js",
    ".vbs",
    ".msi",
    ".dll",
    ".ps1",
    ".sh",
    ".jar",
    ".apk",
    ".html",
    ".htm",
    ".svg",
)


class EvidenceFile(Protocol):
    """What the check looks at in a file (dialogs.messages.Attachment is one)."""

    @property
    def filename(self) -> str: ...

    @property
    def content_type(self) -> str: ...

    @property
    def size(self) -> int: ...


F = TypeVar("F", bound=EvidenceFile)


class RefusalKind(StrEnum):
    TOO_LARGE = "too_large"  # over the size limit
    NOT_ACCEPTED = "not_accepted"  # empty, or a kind of file that is not kept


@dataclass(frozen=True)
class Refusal:
    """Why one file was not kept: for TOO_LARGE its `size` and the `limit`, for
    NOT_ACCEPTED its `content_type` (lowercase, without parameters; "" when none)."""

    kind: RefusalKind
    size: int
    limit: int
    content_type: str


def check_files(files: tuple[F, ...], max_bytes: int) -> tuple[tuple[F, ...], list[Refusal]]:
    """Split files into those kept and the reasons for those refused, in order."""
    kept: list[F] = []
    refusals: list[Refusal] = []
    for f in files:
        ctype = f.content_type.split(";")[0].strip().lower()
        name = f.filename.lower()
        if f.size > max_bytes:
            refusals.append(Refusal(RefusalKind.TOO_LARGE, f.size, max_bytes, ctype))
        elif (
            f.size == 0
            or name.endswith(_REFUSED_ENDINGS)
            or not (ctype.startswith(_ACCEPTED_PREFIXES) or ctype in _ACCEPTED_TYPES)
            or ctype in ("text/html", "image/svg+xml")
        ):
            refusals.append(Refusal(RefusalKind.NOT_ACCEPTED, f.size, max_bytes, ctype))
        else:
            kept.append(f)
    return tuple(kept), refusals
