"""Which evidence files are kept: by size and by kind."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

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


def human_size(size: int, *, round_up: bool = False) -> str:
    """A size as a person reads it, in Dutch notation: "850 kB", "12 MB", "2,5 MB".

    `round_up` rounds to the next tenth, so that a file just over a limit never reads
    as equal to that limit.
    """
    units = (("GB", 1024**3), ("MB", 1024**2), ("kB", 1024))
    for unit, factor in units:
        if size >= factor:
            value = size / factor
            tenths = math.ceil(value * 10) if round_up else round(value * 10)
            if tenths % 10 == 0 or tenths >= 1000:
                return f"{math.ceil(tenths / 10) if round_up else round(tenths / 10)} {unit}"
            return f"{tenths // 10},{tenths % 10} {unit}"
    return f"{size} bytes"


class EvidenceFile(Protocol):
    """What the check reads of a file (dialogs/messages.py `Attachment` is one)."""

    @property
    def filename(self) -> str: ...
    @property
    def content_type(self) -> str: ...
    @property
    def size(self) -> int: ...


F = TypeVar("F", bound=EvidenceFile)


@dataclass(frozen=True)
class Refusal:
    """Why one file is not kept: over `max_bytes` (its `size`), or not a kind of file
    evidence comes in (its `kind`, the content type)."""

    reason: Literal["too_large", "not_accepted"]
    size: int
    kind: str
    max_bytes: int


def check_files(files: Sequence[F], max_bytes: int) -> tuple[tuple[F, ...], list[Refusal]]:
    """Split files into those kept and the refusals of the others, in order."""
    kept: list[F] = []
    refusals: list[Refusal] = []
    for f in files:
        ctype = f.content_type.split(";")[0].strip().lower()
        name = f.filename.lower()
        if f.size > max_bytes:
            refusals.append(Refusal("too_large", f.size, ctype, max_bytes))
        elif (
            f.size == 0
            or name.endswith(_REFUSED_ENDINGS)
            or not (ctype.startswith(_ACCEPTED_PREFIXES) or ctype in _ACCEPTED_TYPES)
            or ctype in ("text/html", "image/svg+xml")
        ):
            refusals.append(Refusal("not_accepted", f.size, ctype, max_bytes))
        else:
            kept.append(f)
    return tuple(kept), refusals
