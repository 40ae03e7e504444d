"""What a story already says, so that the report asks only what is missing.

`read_story` reads the person's own words (all messages of the story, joined) with
transparent rules over the lexicon in bot/text/lexicon.py: the kinds of behaviour, the
place or platform, links, the moment (bot/domain/dates.py `find_when`), injury, hospital,
damage, the perpetrator and whether it keeps happening. Pure: `now` is passed in.

Conventions:
- Negated words do not count ("hij dreigde niet", "niet gewond"; see understanding.Hit).
- `injury` is () when the story does not say; ("geen",) when it says outright that
  nothing happened to the person ("geen letsel", "ongedeerd").
- `damage` and `known_to_police` are None when the story does not say; False only when
  it says no ("geen schade", "niet bekend bij de politie").
- `perp_known` uses the flow's values (dialogs/flows/report/parsers.py PERP_CHOICES): "bekend"
  (a name, an account, someone known), "beschrijving" (described: "een man met een rode
  jas"), "onbekend" (said not to be known), None when the story does not say.
- `witnesses` is the sentence that says who saw it, as typed; `no_witnesses` is True when
  the story says nobody did ("niemand zag het", "ik was alleen").
- `where` is the first place phrase as typed ("bij de ingang van het gemeentehuis",
  "thuis"); an online story gives `platform` and no place unless one is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.domain.dates import When, find_when
from bot.domain.incident import INJURIES, KINDS
from bot.text import lexicon
from dialogs.understanding import Hit, find, mentions

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_URL_TAIL = ".,;:!?)]}'\""
# Where a description of a person ends: the verb or preposition that follows it.
_DESCRIPTION_ENDS = "|".join(
    ("die", "dat", "stond", "staat", "liep", "loopt", "kwam", "komt", "riep", "roept",
     "zei", "zegt", "schold", "scheldt", "sloeg", "slaat", "duwde", "spuugde", "schopte",
     "begon", "reed", "was", "is", "had", "heeft", "bleef", "maar", "toen", "naar", "bij",
     "tegen", "achter", "voor", "aan", "zat", "zit", "belde", "gooide", "dreigde", "schreeuwde",
     "wilde", "werd", "hield", "greep", "pakte", "trok", "volgde", "filmde", "te", "en(?! een)")
)  # fmt: skip
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,30}\b")


@dataclass(frozen=True)
class StoryFacts:
    kinds: tuple[str, ...] = ()  # values of bot/domain/incident.py KINDS, in that order
    where: str | None = None
    platform: str | None = None
    links: tuple[str, ...] = ()
    when: tuple[When, str] | None = None  # the moment and the phrase it was read from
    injury: tuple[str, ...] = ()  # values of INJURIES; see the module's conventions
    hospital: bool = False
    damage: bool | None = None
    perp_known: str | None = None
    perp_who: str | None = None
    known_to_police: bool | None = None
    series: bool = False
    witnesses: str | None = None
    no_witnesses: bool = False


def read_story(text: str, now: datetime) -> StoryFacts:
    """The facts a story states; what it does not state stays empty or None."""
    links = _links(text)
    platform = _platform(text, links)
    kinds = _kinds(text, online=platform is not None or bool(links))
    injury = _injury(text)
    when = _when(text, now)
    no_witnesses = any(True for _ in find(lexicon.NOT_WITNESSED, text))
    saw = None if no_witnesses else witnessed(text)
    # The one who saw it ("mijn buurvrouw zag het") is not the one who did it.
    perp_known, perp_who = _perpetrator(text.replace(saw, " ") if saw else text)
    return StoryFacts(
        witnesses=saw,
        no_witnesses=no_witnesses,
        kinds=kinds,
        where=_where(text),
        platform=platform,
        links=links,
        when=when,
        injury=injury,
        hospital="ziekenhuis" in injury,
        damage=_damage(text),
        perp_known=perp_known,
        perp_who=perp_who,
        known_to_police=_said(text, lexicon.KNOWN_TO_POLICE, lexicon.NOT_KNOWN_TO_POLICE),
        series=_series(text) or bool(when and when[0].series),
    )


_PHRASE_TAIL = r"(?:\s+(?:op|in|bij|om|rond|tegen|en|de|het|een|van|voor|,))+$"


def _when(text: str, now: datetime) -> tuple[When, str] | None:
    found = find_when(text, now)
    if found is None:
        return None
    moment, phrase = found
    # A day-part inside a rhythm the date reading did not take ("elke avond") is no moment.
    at = text.find(phrase)
    if not moment.series and re.search(r"\b(?:elke|iedere)\s+$", text[:at], re.IGNORECASE):
        return None
    # The phrase as the confirmation will quote it: without the "op het" that belongs to
    # the place after it ("zaterdag om 14.30 uur op het plein").
    trimmed = re.sub(_PHRASE_TAIL, "", phrase, flags=re.IGNORECASE)
    return moment, trimmed or phrase


def _series(text: str) -> bool:
    """It keeps happening; "steeds" counts, but not "steeds bozer" (more and more)."""
    for hit in mentions(lexicon.SERIES, text):
        following = hit.words[hit.end] if hit.end < len(hit.words) else ""
        if hit.entry == "steeds" and following.endswith("er") and len(following) > 4:
            continue
        return True
    return False


def _links(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for match in _URL.findall(text):
        link = match.rstrip(_URL_TAIL)
        if link not in found:
            found.append(link)
    return tuple(found)


def _platform(text: str, links: tuple[str, ...]) -> str | None:
    for name, _words, hosts in lexicon.PLATFORMS:
        if any(host in link.lower() for link in links for host in hosts):
            return name
    for name, words, _hosts in lexicon.PLATFORMS:
        if mentions(words, text):
            return name
    # A capital X standing alone ("ze zetten het op X") is the platform too.
    if re.search(r"(?<![\w.-])X(?![\w-])", text) and not re.search(r"\bX{2,}\b", text):
        return "X"
    return None


def _kinds(text: str, *, online: bool) -> tuple[str, ...]:
    found: set[str] = set()
    for kind, words in lexicon.STORY_KINDS:
        hits = mentions(words, text)
        if kind in ("fysiek_geweld", "vernieling", "intimidatie"):
            # "dreigde me in elkaar te slaan", "zou mijn huis in brand steken": a threat.
            deeds = [h for h in hits if not _announced(h)]
            if len(deeds) < len(hits):
                found.add("bedreiging")
            if kind != "intimidatie":  # announcing to lie in wait is intimidating too
                hits = deeds
        if hits:
            found.add(kind)
    if online:
        found.add("online")
    return tuple(kind for kind in KINDS if kind in found)


_WORD = re.compile(r"[\w'-]+")
_DETERMINERS = frozenset({"de", "het", "een", "mijn", "m'n", "ons", "onze", "zijn", "haar", "hun"})
_LINKS = frozenset({"van", "bij", "in", "op", "aan", "naast"})
# A place phrase ends before another preposition: "op weg naar huis" is not "op ... huis".
_STOPS = frozenset(
    {
        "naar",
        "van",
        "met",
        "om",
        "tot",
        "door",
        "uit",
        "te",
        "bij",
        "in",
        "op",
        "voor",
        "naast",
        "achter",
        "tegenover",
        "tijdens",
        "buiten",
        "aan",
    }
)


def _announced(hit: Hit) -> bool:
    """The hit's clause announces the harm rather than tells it."""
    markers = [m.rstrip("*") for m in lexicon.THREAT_MARKERS]
    return any(
        (w.startswith(m) if m.startswith(("dreig", "bedreig")) else w == m)
        for w in hit.words
        for m in markers
    )


def _where(text: str) -> str | None:
    """The first place phrase: a preposition, at most three words, a place word; then
    "van het gemeentehuis" and the like when another place word follows."""
    words = list(_WORD.finditer(text))
    lower = [w.group().lower() for w in words]
    preps = {p for p in lexicon.PLACE_PREPOSITIONS if " " not in p}
    for i, word in enumerate(lower):
        if word == "thuis":
            return (
                words[i].group()
                if i == 0 or lower[i - 1] != "mij"
                else _span(text, words, i - 2, i)
            )
        if word not in preps:
            continue
        head = _place_after(lower, i)
        if head is None or _broken(text, words, i, head):
            if i + 1 < len(words) and word == "in" and _is_town(words[i + 1].group()):
                return _span(text, words, i, i + 1)
            continue
        if head + 1 < len(words) and lower[head + 1] in _LINKS:
            tail = _place_after(lower, head + 1)
            if tail is not None and not _broken(text, words, head, tail):
                head = tail
        return _span(text, words, i, head)
    return None


def _place_after(lower: list[str], prep: int) -> int | None:
    """The place word of the phrase that the preposition at `prep` opens, if any."""
    for j in range(prep + 1, min(prep + 5, len(lower))):
        if _is_place(lower[j]):
            return j
        if lower[j] in _STOPS:
            return None
    return None


def _span(text: str, words: list[re.Match[str]], first: int, last: int) -> str:
    return text[words[first].start() : words[last].end()]


def _broken(text: str, words: list[re.Match[str]], first: int, last: int) -> bool:
    """A phrase does not run across punctuation."""
    return bool(re.search(r"[,.;:!?\n]", text[words[first].end() : words[last].start()]))


def _is_town(word: str) -> bool:
    platforms = {name for name, _words, _hosts in lexicon.PLATFORMS}
    return word[:1].isupper() and word[1:].islower() and word not in platforms and len(word) > 2


def _is_place(word: str) -> bool:
    word = word.lower()
    if word in lexicon.NOT_PLACES:
        return False
    # "raadszaal" ends in "zaal"; "slaan" does not end in "laan" (too little before it).
    return any(
        word == ending or (word.endswith(ending) and len(word) - len(ending) >= 3)
        for ending in lexicon.PLACE_ENDINGS
    )


def _injury(text: str) -> tuple[str, ...]:
    found = {kind for kind, words in lexicon.INJURY if mentions(words, text)}
    parts = "|".join(lexicon.BODY_PARTS)
    if re.search(
        rf"\bgebroken (?:{parts})\b|\b(?:{parts}) (?:is |zijn )?gebroken\b"
        rf"|\bpijn (?:aan|in) (?:mijn|m'n) (?:{parts})\b",
        text.lower(),
    ):
        found.add("lichamelijk_letsel")
    if found:
        return tuple(value for value in INJURIES if value in found)
    if any(True for _ in find(lexicon.NO_INJURY, text)):
        return ("geen",)
    return ()


def _damage(text: str) -> bool | None:
    said = _said(text, lexicon.DAMAGE, lexicon.NO_DAMAGE)
    if said and all(_announced(h) for h in mentions(lexicon.DAMAGE, text)):
        return None  # only threatened ("zou mijn auto kapot maken")
    return said


def _said(text: str, yes: tuple[str, ...], no: tuple[str, ...]) -> bool | None:
    """True when the text says so, False when it says not, None when it is silent."""
    if any(True for _ in find(no, text)):
        return False
    hits = list(find(yes, text))
    if any(not hit.negated for hit in hits):
        return True
    return False if hits else None


def _perpetrator(text: str) -> tuple[str | None, str | None]:
    """perp_known and perp_who: who did it, in the story's own words where it says."""
    persons = "|".join(re.escape(w) for w in sorted(lexicon.PERSON_WORDS, key=len, reverse=True))
    named = re.search(
        # a title, maybe a first name, maybe "van der", then a capitalised name
        r"\b(?:[Mm]eneer|[Mm]evrouw|[Dd]hr\.?|[Mm]evr\.?|[Mm]w\.?)\s+(?:[A-Z][\w'-]+\s+)?"
        r"(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er)\s+){0,2}[A-Z][\w'-]+",
        text,
    )
    handle = _HANDLE.search(text)
    group = re.search(
        rf"\b(?:die|dat|de|mijn|onze|dezelfde)\s+(?:{persons}|buurman|buurvrouw|buren)"
        rf"(?:\s+van\s+(?:de|het)\s+[\w-]+)?",
        text,
        re.IGNORECASE,
    )
    if named:
        return "bekend", named.group(0).strip()
    if handle:
        return "bekend", handle.group(0)
    if mentions(lexicon.PERP_KNOWN, text) or any(True for _ in find(lexicon.KNOWN_TO_POLICE, text)):
        return "bekend", group.group(0) if group else None
    described = re.search(
        rf"\been\s+(?:[\w-]+\s+){{0,2}}?(?:{persons})\b"
        rf"(?:\s+(?:met|in|van|op|rond|zonder)\s+[^,.;:!?\n]+?)?"
        rf"(?=\s+(?:{_DESCRIPTION_ENDS})\b|[,.;:!?\n]|$)",
        text,
        re.IGNORECASE,
    )
    if described and re.search(r"\s(?:met|in|van|op|rond|zonder)\s", described.group(0)):
        return "beschrijving", described.group(0)
    looks = _looks(text)
    if looks is not None:
        person = re.search(rf"\been\s+(?:[\w-]+\s+)?(?:{persons})\b", text, re.IGNORECASE)
        return "beschrijving", f"{person.group(0)}, {looks}" if person else looks
    if mentions(lexicon.PERP_UNKNOWN, text) or any(True for _ in find(lexicon.PERP_UNKNOWN, text)):
        return "onbekend", None
    return None, None


def _looks(text: str) -> str | None:
    """What the perpetrator wore or looked like, as typed: "had een rode jas aan"."""
    looks = "|".join(re.escape(w) for w in lexicon.LOOKS)
    match = re.search(
        rf"\b(?:hij|zij|ze|die)\s+((?:had|droeg|draagt|heeft)\s+[^,.;:!?\n]*?"
        rf"\b(?:{looks})\b[^,.;:!?\n]*?)(?=[,.;:!?\n]|\s+(?:en|maar|toen)\s|$)",
        text,
        re.IGNORECASE,
    )
    return match.group(1).strip() if match else None


def witnessed(text: str) -> str | None:
    """The sentence of `text` that says who saw it ("mijn buurvrouw zag het"), as typed."""
    if any(True for _ in find(lexicon.NOT_WITNESSED, text)):
        return None
    for sentence in re.split(r"(?<=[.!?;\n])\s*", text):
        if mentions(lexicon.WITNESSED, sentence):
            return sentence.strip().rstrip(".!;").strip() or None
    return None
