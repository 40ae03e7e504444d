"""How much of a story `dialogs.story.read_story` gets right, per fact.

Three corpora. The test corpus (tests/dialogs/test_story.py, 30 stories) was tuned on, so
it shows only that nothing regressed. HELD_OUT was written blind; its first run gave 8 of
15 stories fully right, fields 172/180, stated facts 42/49; the rules were then fixed
for what it showed (threats announced with "zou", compound slurs, "geïntimideerd", ...),
so it is tuned now too. BLIND (with the replies BLIND_DANGER / BLIND_SAFE) came next;
its first run: 3 of 10 stories fully right, fields 104/120, stated facts 16/29, danger
replies seen 4/10 (safe 10/10); the rules were fixed for it as well (someone near right
now, "opgesloten", insults, "steeds"). FINAL (with FINAL_DANGER / FINAL_SAFE) was
written last; its first run, before any change for it: 1 of 10 stories fully right,
fields 107/120, stated facts 17/30, danger replies seen 9/15, safe 15/15. Those first-run
figures are the honest estimate of how the rules do on stories nobody has seen; the
rules were then fixed for FINAL too (present-tense violence, weapons, body parts,
"aan de balie", titles of a known person), so all four sets are tuned now. Write a new
set before the next change to measure again. Prints, for each field,
how often the extracted value equals the expected one, how many of the facts that a story
does state were found, and every miss.

    .venv/bin/python bench/story_bench.py

Not a test: a miss here is what is left to do, not a failure.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dialogs.story import read_story
from tests.dialogs.test_story import (
    CORPUS,
    FIELDS,
    NOW,
    SERIES,
    actual_facts,
    at,
    expected_facts,
)

# Written blind (NOW is Tuesday 1 December 2026, 16:00). `when` as (start, phrase).
HELD_OUT: list[tuple[str, dict[str, Any]]] = [
    (
        "Vanmorgen om half 9 stond er een man bij mijn voordeur die riep dat hij mijn huis in "
        "brand zou steken. ik ben echt geschrokken",
        dict(
            kinds=("bedreiging",),
            where="bij mijn voordeur",
            when=(at(1, 8, 30), "Vanmorgen om half 9"),
        ),
    ),
    (
        "In de app groep van de buurt zeggen ze dat ik een kankerwethouder ben. Dat gaat al "
        "weken zo.",
        dict(
            kinds=("verbale_agressie", "online"),
            platform="WhatsApp",
            series=True,
            when=(SERIES, "al weken"),
        ),
    ),
    (
        "afgelopen vrijdag na de raadsvergadering heeft een man me op de parkeerplaats een duw "
        "gegeven, ik viel en heb mijn knie bezeerd",
        dict(
            kinds=("fysiek_geweld",),
            where="op de parkeerplaats",
            when=(at(27, month=11), "afgelopen vrijdag"),
            injury=("lichamelijk_letsel",),
        ),
    ),
    (
        "Ik krijg berichten op Facebook van een vrouw die zegt dat ze weet waar ik woon",
        dict(kinds=("bedreiging", "online"), platform="Facebook"),
    ),
    (
        "iemand heeft met een sleutel mijn auto bekrast toen die voor het gemeentehuis stond",
        dict(kinds=("vernieling",), where="voor het gemeentehuis", damage=True),
    ),
    (
        "ik werd gisteren op straat uitgescholden voor vuile hoer door een jongen op een "
        "scooter met een zwarte helm",
        dict(
            kinds=("verbale_agressie",),
            where="op straat",
            when=(at(30, month=11), "gisteren"),
            perp_known="beschrijving",
            perp_who="een jongen op een scooter met een zwarte helm",
        ),
    ),
    (
        "Meneer De Vries van de bewonersvereniging bleef me tijdens het inloopspreekuur "
        "onderbreken en werd steeds bozer. Hij wilde gehoord worden.",
        dict(kinds=("emotioneel_gedrag",), perp_known="bekend", perp_who="Meneer De Vries"),
    ),
    (
        "Op TikTok staat een filmpje waarin iemand zegt dat politici zoals ik moeten hangen "
        "https://www.tiktok.com/@anoniem/video/99",
        dict(
            kinds=("bedreiging", "online"),
            platform="TikTok",
            links=("https://www.tiktok.com/@anoniem/video/99",),
            perp_known="bekend",
            perp_who="@anoniem",
        ),
    ),
    (
        "Hij spuugde me in het gezicht bij het stadhuis. Ik ben naar de huisarts geweest, "
        "lichamelijk niets maar ik slaap slecht",
        dict(kinds=("fysiek_geweld",), where="bij het stadhuis", injury=("psychisch_letsel",)),
    ),
    (
        "sinds de verkiezingen word ik elke dag gebeld door hetzelfde nummer en hangt er "
        "iemand rond bij mijn huis",
        dict(kinds=("intimidatie",), where="bij mijn huis", series=True),
    ),
    (
        "ze hebben de ramen van mijn kantoor ingegooid en er staat HOER op de muur",
        dict(kinds=("verbale_agressie", "vernieling"), where=None, damage=True),
    ),
    (
        "op de informatieavond in het dorpshuis werd ik door een groep mannen omsingeld en "
        "geïntimideerd, niemand heeft me aangeraakt",
        dict(kinds=("intimidatie",), where="op de informatieavond in het dorpshuis"),
    ),
    (
        "een bekende van de politie, Kees, heeft me via e-mail gedreigd. geen letsel",
        dict(
            kinds=("bedreiging", "online"),
            platform="e-mail",
            injury=("geen",),
            perp_known="bekend",
            known_to_police=True,
        ),
    ),
    (
        "ik moest gisteravond met de ambulance naar het ziekenhuis nadat hij me had "
        "geschopt in de hal van het provinciehuis",
        dict(
            kinds=("fysiek_geweld",),
            where="in de hal van het provinciehuis",
            when=(at(30, 18, month=11), "gisteravond"),
            injury=("ziekenhuis",),
            hospital=True,
        ),
    ),
    (
        "Hij zei dat ik een vuile racist ben en dat ik terug moet naar mijn eigen land",
        dict(kinds=("verbale_agressie", "discriminatie")),
    ),
]


# Written after the rules were last changed; never tuned on.
BLIND: list[tuple[str, dict[str, Any]]] = [
    (
        "Gisteren rond 17:00 kwam een boze inwoner het gemeentehuis binnen en gooide een stoel "
        "naar de balie. Niemand gewond, wel een kapotte stoel.",
        dict(
            kinds=("fysiek_geweld", "vernieling"),
            when=(at(30, 17, month=11), "Gisteren rond 17:00"),
            injury=("geen",),
            damage=True,
        ),
    ),
    (
        "Op X noemde @waakzaam_nl mij een verrader en een leugenaar, al drie maanden lang",
        dict(
            kinds=("verbale_agressie", "online"),
            platform="X",
            perp_known="bekend",
            perp_who="@waakzaam_nl",
            series=True,
        ),
    ),
    (
        "tijdens het debat in de raadszaal riep een man van de publieke tribune dat hij me "
        "zou opwachten na afloop",
        dict(kinds=("bedreiging", "intimidatie"), where="in de raadszaal"),
    ),
    (
        "ik ben vanochtend op de weekmarkt door een oudere vrouw geslagen met haar tas. ik "
        "heb een bult op mijn hoofd",
        dict(
            kinds=("fysiek_geweld",),
            where="op de weekmarkt",
            when=(at(1, 6), "vanochtend"),
            injury=("lichamelijk_letsel",),
        ),
    ),
    (
        "Er kwam een brief binnen met een kogel erin en de tekst: jij bent de volgende",
        dict(kinds=("bedreiging",)),
    ),
    (
        "Mijn dochter wordt op school aangesproken over mijn werk als wethouder, door "
        "ouders die boos zijn over het azc",
        dict(kinds=("intimidatie",)),
    ),
    (
        "hij stond zaterdagavond dronken voor mijn huis te schreeuwen en heeft tegen mijn "
        "auto geschopt, er zit een deuk in",
        dict(
            kinds=("fysiek_geweld", "vernieling"),
            where="voor mijn huis",
            when=(at(28, 18, month=11), "zaterdagavond"),
            damage=True,
        ),
    ),
    (
        "Via Instagram stuurt een jongen uit mijn wijk me steeds berichten dat ik een "
        "vieze moslim ben",
        dict(
            kinds=("verbale_agressie", "discriminatie", "online"), platform="Instagram", series=True
        ),
    ),
    (
        "een man met een bivakmuts heeft de ruit van het partijkantoor ingegooid",
        dict(
            kinds=("vernieling",),
            damage=True,
            perp_known="beschrijving",
            perp_who="een man met een bivakmuts",
        ),
    ),
    (
        "Ik durf sinds het incident niet meer naar raadsvergaderingen, ik heb nachtmerries",
        dict(injury=("psychisch_letsel",)),
    ),
]

BLIND_DANGER = [
    "nee hij is binnen", "hij zit in de hal en wil niet weg", "NIET VEILIG", "ik zit opgesloten",
    "hij bedreigt me nu", "help!!! hij slaat", "ze staan bij mijn auto", "ik heb me verstopt",
    "er is iemand in mijn huis", "hij wacht buiten op me",
]  # fmt: skip
BLIND_SAFE = [
    "ja, ik ben thuis", "ja het is voorbij hoor", "ja hij is weggestuurd", "ik zit veilig binnen",
    "ja, de beveiliging heeft hem weggebracht", "het is al een week geleden",
    "ja maar ik ben wel geschrokken", "jazeker, alles rustig", "ja ik ben op het werk",
    "hij is opgepakt door de politie",
]  # fmt: skip


# Written last; tuned after its first run (see the module docstring).
FINAL: list[tuple[str, dict[str, Any]]] = [
    (
        "Vorige week woensdag werd ik na de commissievergadering bij de fietsenstalling "
        "opgewacht door twee mannen. Een van hen duwde me tegen de muur.",
        dict(
            kinds=("intimidatie", "fysiek_geweld"),
            where="bij de fietsenstalling",
            when=(at(25, month=11), "Vorige week woensdag"),
        ),
    ),
    (
        "Ik krijg al een half jaar anonieme brieven thuis waarin staat dat ik moet oppassen",
        dict(kinds=("bedreiging",), where="thuis", series=True, perp_known="onbekend"),
    ),
    (
        "Op Facebook schreef iemand onder mijn post dat ik een domme trut ben",
        dict(kinds=("verbale_agressie", "online"), platform="Facebook"),
    ),
    (
        "hij trok aan mijn arm en schreeuwde in mijn gezicht, ik heb nu pijn aan mijn schouder",
        dict(kinds=("fysiek_geweld",), injury=("lichamelijk_letsel",)),
    ),
    (
        "vanavond om 19:30 gooide iemand een steen door het raam van mijn woonkamer",
        dict(
            kinds=("fysiek_geweld", "vernieling"),
            when=(at(1, 19, 30), "vanavond om 19:30"),
            damage=True,
        ),
    ),
    (
        "De voorzitter van de ondernemersvereniging belt me elke dag op en zegt dat ik "
        "mijn baan kwijt raak als ik zo doorga",
        dict(kinds=("bedreiging",), perp_known="bekend", series=True),
    ),
    (
        "Een vrouw huilde aan de balie van het gemeentehuis en zei dat ze zich iets aan zou "
        "doen als haar uitkering stopt",
        dict(kinds=("emotioneel_gedrag",), where="aan de balie van het gemeentehuis"),
    ),
    (
        "Ze hebben mijn naam en adres online gezet op Telegram met de tekst 'ga maar eens langs'",
        dict(kinds=("bedreiging", "online"), platform="Telegram"),
    ),
    (
        "bij de ingang van de sporthal werd ik uitgemaakt voor nazi door een man met een "
        "petje en een zonnebril",
        dict(
            kinds=("verbale_agressie",),
            where="bij de ingang van de sporthal",
            perp_known="beschrijving",
            perp_who="een man met een petje en een zonnebril",
        ),
    ),
    (
        "ik ben gisteren bij het provinciehuis aangevallen, ik lag een nacht in het "
        "ziekenhuis met een gebroken kaak",
        dict(
            kinds=("fysiek_geweld",),
            where="bij het provinciehuis",
            when=(at(30, month=11), "gisteren"),
            injury=("lichamelijk_letsel", "ziekenhuis"),
            hospital=True,
        ),
    ),
]
FINAL_DANGER = [
    "nee, ze staan nog steeds voor het stadhuis te schreeuwen", "hij duwt me", "NEEE",
    "ik ben echt bang dat hij terugkomt", "er rijdt al een uur een auto rondjes om mijn huis",
    "hij heeft een knuppel", "hij ramt op mijn deur", "Ik ben niet veilig hier", "help me",
    "ze proberen de deur open te breken", "nee hij dreigt me te slaan", "ik ben in paniek",
    "niet echt", "nog steeds niet", "hij wacht me op bij de auto",
]  # fmt: skip
FINAL_SAFE = [
    "ja, ik ben weer thuis", "ja hoor", "ja, de politie heeft hem meegenomen", "ja het gaat",
    "ja, hij is vertrokken", "het gebeurde vorige week", "ja. wel geschrokken", "JA",
    "gelukkig wel", "ja ik zit in de auto op weg naar huis", "ik ben veilig, het was online",
    "ja, maar ik wil het wel melden", "jawel hoor", "ja, het was gisteren", "yes, alles ok",
]  # fmt: skip


def score(name: str, corpus: list[tuple[str, dict[str, Any]]]) -> None:
    right: Counter[str] = Counter()
    stated = found = whole = 0
    misses: list[str] = []
    for story, spec in corpus:
        expected = expected_facts(spec)
        actual = actual_facts(read_story(story, NOW))
        whole += actual == expected
        for field in FIELDS:
            ok = actual[field] == expected[field]
            right[field] += ok
            if spec.get(field) not in (None, (), False):
                stated += 1
                found += ok
            if not ok:
                misses.append(
                    f"  {story[:50]!r}: {field} = {actual[field]!r}, expected {expected[field]!r}"
                )
    n = len(corpus)
    print(
        f"{name}: {n} stories, {whole} fully right; "
        f"fields right {sum(right.values())}/{n * len(FIELDS)}; "
        f"stated facts found {found}/{stated}"
    )
    print("  per field: " + ", ".join(f"{f} {right[f]}/{n}" for f in FIELDS))
    for miss in misses:
        print(miss)


def replies(name: str, dangerous: list[str], harmless: list[str]) -> None:
    from dialogs.understanding import signals_danger

    danger = [t for t in dangerous if signals_danger(t)]
    safe = [t for t in harmless if not signals_danger(t)]
    print(
        f"{name} replies to 'Ben je nu veilig?': danger seen {len(danger)}/{len(dangerous)}, "
        f"safe seen {len(safe)}/{len(harmless)}"
    )
    for text in dangerous:
        if text not in danger:
            print(f"  missed danger: {text!r}")
    for text in harmless:
        if text not in safe:
            print(f"  false alarm: {text!r}")


if __name__ == "__main__":
    score("test corpus (tuned)", CORPUS)
    score("held-out (tuned after its first run)", HELD_OUT)
    score("blind (tuned after its first run)", BLIND)
    replies("blind (tuned)", BLIND_DANGER, BLIND_SAFE)
    score("final (tuned after its first run)", FINAL)
    replies("final (tuned)", FINAL_DANGER, FINAL_SAFE)
