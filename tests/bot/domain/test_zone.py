"""One time zone: written once in bot/domain/zone.py, the settings' default refers to it."""

from __future__ import annotations

from pathlib import Path

from bot.domain.zone import AMSTERDAM
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[3]


def test_the_zone_is_amsterdam() -> None:
    assert AMSTERDAM.key == "Europe/Amsterdam"


def test_the_settings_default_is_the_same_zone() -> None:
    assert Settings().timezone == AMSTERDAM.key


def test_the_zone_name_is_written_once() -> None:
    """No second Amsterdam constant: the zone's name appears in code in zone.py only."""
    found = sorted(
        str(path.relative_to(ROOT))
        for pkg in ("bot", "adapters", "dialogs")
        for path in (ROOT / pkg).rglob("*.py")
        if '"Europe/Amsterdam"' in path.read_text(encoding="utf-8")
    )
    assert found == ["bot/domain/zone.py"]
