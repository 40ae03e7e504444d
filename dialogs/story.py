"""What a story already says: kinds, where, when, who, injury, damage.

A small stand-in with the API the `story` helper builds in full (their version replaces
this file): transparent rules over the typed text, nothing leaves the machine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.domain.dates import When, parse_when

_KINDS = (
    ("bedreiging", r"\b(dreig\w*|bedreig\w*)"),
    ("verbale_agressie", r"\b(scheld\w*|schold\w*|uitgescholden|beledig\w*)"),
    ("fysiek_geweld", r"\b(sla\w*|sloeg|geslagen|duw\w*|spu\w*|spoog|schop\w*)"),
    ("vernieling", r"\b(verniel\w*|kapot|ingegooid)"),
    ("discriminatie", r"\b(discrimin\w*|racis\w*)"),
    ("intimidatie", r"\b(intimid\w*|achtervolg\w*|opgewacht)"),
)
_PLATFORMS = {"twitter": "X", "x": "X", "facebook": "Facebook", "instagram": "Instagram",
              "whatsapp": "WhatsApp", "mail": "e-mail", "e-mail": "e-mail",
              "tiktok": "TikTok", "linkedin": "LinkedIn"}  # fmt: skip
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_WHERE = re.compile(
    r"\b(?:bij|in|op|voor) (het|de|mijn) ((?:[a-zé]+ ){0,2}?(?:gemeentehuis|stadhuis|huis|deur|"
    r"markt|raadzaal|kantoor|straat|school|vergadering|provinciehuis|bibliotheek))\b",
    re.IGNORECASE,
)
_WHEN_PHRASE = re.compile(
    r"\b((?:eer)?gister(?:en)?(?:avond|ochtend|middag|nacht)?(?: (?:om|rond) \d{1,2}(?:[:.]\d{2})?"
    r"(?: uur)?)?|vandaag(?: om \d{1,2}[:.]\d{2})?|vanochtend|vanmiddag|vanavond|vannacht)\b"
)
_SERIES = re.compile(r"\b(elke|iedere) (dag|week|maand)\b[^.,]*|\bal (weken|maanden)\b[^.,]*")


@dataclass(frozen=True)
class StoryFacts:
    kinds: tuple[str, ...] = ()
    where: str | None = None
    platform: str | None = None
    links: tuple[str, ...] = ()
    when: tuple[When, str] | None = None
    injury: bool | None = None
    hospital: bool | None = None
    damage: bool | None = None
    perp_known: bool | None = None
    perp_who: str | None = None
    known_to_police: bool | None = None
    series: str | None = None


def read_story(text: str, now: datetime) -> StoryFacts:
    said = text.lower()
    kinds = [k for k, p in _KINDS if re.search(p, said)]
    words = set(re.findall(r"[\w-]+", said))
    platform = next((name for w, name in _PLATFORMS.items() if w in words), None)
    links = tuple(_URL.findall(text))
    if platform or links:
        kinds.append("online")
    where_match = _WHERE.search(text)
    when = None
    phrase = _WHEN_PHRASE.search(said)
    if phrase:
        parsed = parse_when(phrase.group(1), now)
        if parsed is not None and not parsed.is_future(now):
            when = (parsed, phrase.group(1))
    series = _SERIES.search(said)
    return StoryFacts(
        kinds=tuple(kinds),
        where=" ".join(where_match.groups()) if where_match else None,
        platform=platform,
        links=links,
        when=when,
        injury=True if re.search(r"\b(gewond|letsel|bloed\w*|blauwe plek)", said) else None,
        hospital=True if re.search(r"\b(ziekenhuis|eerste hulp|seh)\b", said) else None,
        damage=True if re.search(r"\b(kapot|schade|verniel\w*|ingegooid)", said) else None,
        perp_known=None,
        perp_who=None,
        known_to_police=True if re.search(r"bekend bij de politie", said) else None,
        series=series.group(0).strip() if series else None,
    )
