"""How an `Outbound` looks on Signal: plain text with numbered options, cut to size.

Signal shows no buttons to a bot, so choices become a numbered list ("1. Ja") and a
summary becomes numbered lines; the person answers by typing "1" or the words, and the
app maps that back. signal-cli cuts a text at 2,000 bytes, so longer replies are split.
"""

from __future__ import annotations

from collections.abc import Callable

from dialogs.messages import Outbound, as_text

MAX_TEXT_BYTES = 2000

_Splitter = Callable[[str, int], list[str]]


def render(message: Outbound) -> str:
    """The whole text of one outbound message, before splitting."""
    return as_text(message)


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def split_text(text: str, limit: int = MAX_TEXT_BYTES) -> list[str]:
    """Cut `text` into parts of at most `limit` UTF-8 bytes.

    Cuts fall between paragraphs where possible; a paragraph that is too long on its own
    is cut between lines, then between words, and a single word longer than the limit
    (a long link) between characters.
    """
    if _size(text) <= limit:
        return [text] if text else []
    return _pack(text.split("\n\n"), "\n\n", limit, _split_paragraph)


def _split_paragraph(paragraph: str, limit: int) -> list[str]:
    return _pack(paragraph.split("\n"), "\n", limit, _split_line)


def _split_line(line: str, limit: int) -> list[str]:
    return _pack(line.split(" "), " ", limit, _split_word)


def _split_word(word: str, limit: int) -> list[str]:
    parts: list[str] = []
    current = ""
    for char in word:
        if _size(current + char) > limit:
            parts.append(current)
            current = ""
        current += char
    if current:
        parts.append(current)
    return parts


def _pack(pieces: list[str], joiner: str, limit: int, split_further: _Splitter) -> list[str]:
    """Greedily join `pieces` with `joiner` into parts of at most `limit` bytes."""
    parts: list[str] = []
    current: str | None = None
    for piece in pieces:
        candidate = piece if current is None else current + joiner + piece
        if _size(candidate) <= limit:
            current = candidate
            continue
        if current is not None and current.strip():
            parts.append(current)
        if _size(piece) <= limit:
            current = piece
        else:
            *whole, current = split_further(piece, limit)
            parts.extend(whole)
    if current is not None and current.strip():
        parts.append(current)
    return [part.strip("\n") for part in parts]
