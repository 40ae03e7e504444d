"""The content catalogue: every text the code asks for exists, and reads short."""

from __future__ import annotations

import re
import string
from pathlib import Path

from bot.text.catalogue import TEXTS

ROOT = Path(__file__).resolve().parents[3]
LITERAL_KEY = re.compile(r"""\bsay\(\s*["']([a-z0-9_]+)["']\s*[,)]""")


def test_every_literal_key_in_the_code_is_in_the_catalogue() -> None:
    used = {
        key
        for pkg in ("bot", "dialogs", "adapters")
        for path in (ROOT / pkg).rglob("*.py")
        for key in LITERAL_KEY.findall(path.read_text(encoding="utf-8"))
    }
    assert used, "the scan found no say() calls at all"
    assert sorted(used - TEXTS.keys()) == []


def test_texts_are_short_sentences() -> None:
    """B1: short sentences. No sentence in the catalogue runs past 25 words."""
    long_ones = []
    for key, text in TEXTS.items():
        plain = "".join(" " if k else lit for lit, k, *_ in string.Formatter().parse(text))
        for sentence in re.split(r"(?<=[.?!:])\s+|\n", plain):
            if len(sentence.split()) > 25:
                long_ones.append((key, sentence))
    assert long_ones == []


def test_placeholders_are_well_formed() -> None:
    for key, text in TEXTS.items():
        list(string.Formatter().parse(text))  # raises on a stray brace
        assert text.strip(), key


def test_sizes_read_the_dutch_way_and_never_equal_to_a_limit_they_exceed() -> None:
    from bot.text.format import human_size

    assert human_size(300) == "300 bytes"
    assert human_size(850 * 1024) == "850 kB"
    assert human_size(12 * 1024 * 1024) == "12 MB"
    assert human_size(int(2.5 * 1024 * 1024)) == "2,5 MB"
    limit = 20 * 1024 * 1024
    assert human_size(limit) == "20 MB"
    assert human_size(limit + 1, round_up=True) == "20,1 MB"


def test_every_informed_party_and_day_part_has_a_text() -> None:
    """Texts looked up by a computed key: the informed parties and the day-parts."""
    from bot.domain.dates import DAY_PARTS
    from bot.domain.routing import InformedParty

    wanted = {f"informed_{p.name.lower()}" for p in InformedParty}
    wanted |= {f"day_part_{name}" for name in DAY_PARTS}
    assert sorted(wanted - TEXTS.keys()) == []
