"""Which evidence files are kept: by size and by kind."""

from __future__ import annotations

from bot.text.catalogue import say
from bot.text.format import human_size
from dialogs.messages import Attachment

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


def check_files(
    files: tuple[Attachment, ...], max_bytes: int
) -> tuple[tuple[Attachment, ...], list[str]]:
    """Split files into those kept and the Dutch replies for those refused."""
    kept: list[Attachment] = []
    refusals: list[str] = []
    for f in files:
        ctype = f.content_type.split(";")[0].strip().lower()
        name = f.filename.lower()
        if f.size > max_bytes:
            refusals.append(
                say(
                    "file_too_large",
                    size=human_size(f.size, round_up=True),
                    limit=human_size(max_bytes),
                )
            )
        elif (
            f.size == 0
            or name.endswith(_REFUSED_ENDINGS)
            or not (ctype.startswith(_ACCEPTED_PREFIXES) or ctype in _ACCEPTED_TYPES)
            or ctype in ("text/html", "image/svg+xml")
        ):
            refusals.append(say("file_not_accepted", kind=ctype or "onbekend"))
        else:
            kept.append(f)
    return tuple(kept), refusals
