"""bot/domain/evidence.py: which files are kept; a refusal is data, said by bot/turns.py."""

from __future__ import annotations

from bot.domain.evidence import Refusal, RefusalKind, check_files
from bot.turns import refusal_text
from dialogs.messages import Attachment

LIMIT = 20 * 1024 * 1024


def test_kept_files_keep_their_order_and_refusals_say_why() -> None:
    photo = Attachment("foto.jpg", "image/jpeg", b"x" * 10)
    big = Attachment("film.mp4", "video/mp4", b"x" * (LIMIT + 1))
    letter = Attachment("brief.pdf", "application/pdf; charset=binary", b"%PDF")
    script = Attachment("virus.exe", "application/octet-stream", b"MZ")
    page = Attachment("pagina.html", "Text/HTML; charset=utf-8", b"<html>")
    empty = Attachment("leeg.txt", "text/plain", b"")

    kept, refusals = check_files((photo, big, letter, script, page, empty), LIMIT)

    assert kept == (photo, letter)
    assert refusals == [
        Refusal(RefusalKind.TOO_LARGE, LIMIT + 1, LIMIT, "video/mp4"),
        Refusal(RefusalKind.NOT_ACCEPTED, 2, LIMIT, "application/octet-stream"),
        Refusal(RefusalKind.NOT_ACCEPTED, 6, LIMIT, "text/html"),
        Refusal(RefusalKind.NOT_ACCEPTED, 0, LIMIT, "text/plain"),
    ]


def test_refusals_read_in_dutch() -> None:
    too_large = Refusal(RefusalKind.TOO_LARGE, LIMIT + 1, LIMIT, "video/mp4")
    assert refusal_text(too_large) == (
        "Dit bestand is te groot (20,1 MB). Het mag hoogstens 20 MB zijn. "
        "Stuur een kleiner bestand, of een link."
    )
    unknown = Refusal(RefusalKind.NOT_ACCEPTED, 3, LIMIT, "")
    assert "(onbekend)" in refusal_text(unknown)
    html = Refusal(RefusalKind.NOT_ACCEPTED, 3, LIMIT, "text/html")
    assert "(text/html)" in refusal_text(html)
