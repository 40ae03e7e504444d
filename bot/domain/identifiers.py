"""Identifiers of a perpetrator in a report's free text, normalised so that spellings meet.

Pure. From the answers "who did it" (`perp_who`) and "what do you know of them"
(`perp_details`) this finds what can name one person across reports: a name, an online
handle (@x), an e-mail address, a phone number and a Dutch licence plate. Each comes out
in one canonical form, so that 06-12345678, +31612345678 and 0031 6 1234 5678 are one
number and "@Jan_X" and "@jan_x" one handle. Storage keeps only keyed hashes of these
(storage/repos/dossier.py), never the identifiers themselves.

Names are the weakest: only two or more capitalised words in a row ("Jan de Vries") count,
compared without case and accents. A first name alone would link strangers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers


class IdentifierKind(StrEnum):
    NAME = "name"
    HANDLE = "handle"
    EMAIL = "email"
    PHONE = "phone"
    PLATE = "plate"


@dataclass(frozen=True, order=True)
class Identifier:
    kind: IdentifierKind
    value: str  # the canonical form


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_.]{2,30})(?![\w@])")
# A licence plate: six letters and digits in up to three groups, dashes or spaces between.
_PLATE = re.compile(
    r"(?<![\w-])([A-Za-z0-9]{1,3})[- ]?([A-Za-z0-9]{1,3})[- ]?([A-Za-z0-9]{1,3})(?![\w-])"
)
# The RDW's side codes 1-14 as shapes of letters (L) and digits (D).
PLATE_SHAPES = frozenset(
    {
        "LLDDDD",
        "DDDDLL",
        "DDLLDD",
        "LLDDLL",
        "LLLLDD",
        "DDLLLL",
        "DDLLLD",
        "DLLLDD",
        "LLDDDL",
        "LDDDLL",
        "LLLDDL",
        "LDDLLL",
        "DLLDDD",
        "DDDLLD",
    }
)
# Words that may sit lower-case inside a Dutch name ("Jan de Vries", "Anna van der Berg").
_PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "op", "in"})
# Capitalised words that start a sentence rather than a name.
_NOT_NAMES = frozenset(
    {
        "de",
        "het",
        "een",
        "hij",
        "zij",
        "ze",
        "ik",
        "wij",
        "we",
        "die",
        "dat",
        "deze",
        "dit",
        "meneer",
        "mevrouw",
        "man",
        "vrouw",
        "iemand",
        "onbekend",
        "weet",
        "via",
        "op",
        "in",
        "bij",
        "naam",
    }
)
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without accents: "Ömer" and "omer" are one."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plate_shape(chars: str) -> str:
    return "".join("L" if c.isalpha() else "D" if c.isdigit() else "?" for c in chars)


def normal_plate(text: str) -> str | None:
    """A Dutch licence plate in canonical form (upper case, no dashes or spaces), or None."""
    chars = re.sub(r"[\s-]", "", text).upper()
    if len(chars) == 6 and chars.isascii() and plate_shape(chars) in PLATE_SHAPES:
        return chars
    return None


def normal_phone(text: str, region: str = "NL") -> str | None:
    """A phone number in E.164, read with `region` as the default; None if not valid."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _names(text: str) -> list[str]:
    """Runs of two or more capitalised words (particles allowed inside), folded."""
    found: list[str] = []
    run: list[str] = []
    capitals = 0

    def close() -> None:
        nonlocal run, capitals
        while run and fold(run[-1]) in _PARTICLES:
            run.pop()
        if capitals >= 2 and run:
            found.append(" ".join(fold(w) for w in run))
        run, capitals = [], 0

    last_end = 0
    for m in _WORD.finditer(text):
        word = m.group(0)
        gap = text[last_end : m.start()]
        last_end = m.end()
        if run and gap.strip():  # punctuation between words ends a name
            close()
        if word[0].isupper() and fold(word) not in _NOT_NAMES:
            run.append(word)
            capitals += 1
        elif run and fold(word) in _PARTICLES:
            run.append(word)
        else:
            close()
    close()
    return found


def identifiers_in(*texts: str | None, region: str = "NL") -> list[Identifier]:
    """Every identifier found in `texts`, each once, in a stable order."""
    found: set[Identifier] = set()
    for text in texts:
        if not text:
            continue
        rest = text
        for m in _EMAIL.finditer(text):
            found.add(Identifier(IdentifierKind.EMAIL, fold(m.group(0))))
        rest = _EMAIL.sub(" ", rest)
        for m in _HANDLE.finditer(rest):
            found.add(Identifier(IdentifierKind.HANDLE, fold(m.group(1)).rstrip(".")))
        rest = _HANDLE.sub(" ", rest)
        for pm in phonenumbers.PhoneNumberMatcher(rest, region):
            found.add(
                Identifier(
                    IdentifierKind.PHONE,
                    phonenumbers.format_number(pm.number, phonenumbers.PhoneNumberFormat.E164),
                )
            )
            rest = rest.replace(pm.raw_string, " ")
        for m in _PLATE.finditer(rest):
            plate = normal_plate(m.group(0))
            if plate is not None:
                found.add(Identifier(IdentifierKind.PLATE, plate))
        for name in _names(rest):
            found.add(Identifier(IdentifierKind.NAME, name))
    return sorted(found)
