"""dialogs/story.py: a corpus of stories as office-holders type them, with the facts each
one states. Every field of every story is checked: what a story does not say must stay
empty (a fact found that is not there is as wrong as one missed)."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import Any

import pytest

from bot.domain.incident import INJURIES, KINDS
from bot.domain.zone import AMSTERDAM
from dialogs.story import StoryFacts, read_story

# Tuesday 1 December 2026, late afternoon.
NOW = datetime(2026, 12, 1, 16, 0, tzinfo=AMSTERDAM)


def at(day: int, hour: int = 0, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=AMSTERDAM)


SERIES = "series"

# (story, expected facts). `when` is given as (start, phrase); the rest as StoryFacts fields.
CORPUS: list[tuple[str, dict[str, Any]]] = [
    (
        "gisteren stond een man voor mijn deur te schreeuwen dat hij me wat aan gaat doen. "
        "hij had een rode jas aan",
        dict(
            kinds=("verbale_agressie", "bedreiging"),
            where="voor mijn deur",
            when=(at(30, 0, 0, 11), "gisteren"),
            perp_known="beschrijving",
            perp_who="een man, had een rode jas aan",
        ),
    ),
    (
        "Mijn woordvoerder heeft daarna een groepsapp gevonden waarin het werd afgesproken.",
        # a group chat may be on any app: online, but no platform named
        dict(kinds=("online",)),
    ),
    (
        "Hij sloeg me op de markt. Mijn buurvrouw zag het gebeuren.",
        dict(
            kinds=("fysiek_geweld",),
            where="op de markt",
            witnesses="Mijn buurvrouw zag het gebeuren",
        ),
    ),
    ("ze schold me uit, niemand zag het", dict(kinds=("verbale_agressie",), no_witnesses=True)),
    (
        "Gisteravond rond 22:15 stond die man van de actiegroep bij de ingang van het "
        "gemeentehuis. Hij schold me uit en duwde me. Mijn bril is kapot.",
        dict(
            kinds=("verbale_agressie", "fysiek_geweld"),
            where="bij de ingang van het gemeentehuis",
            when=(at(30, 22, 15, 11), "Gisteravond rond 22:15"),
            damage=True,
            perp_known="bekend",
            perp_who="die man van de actiegroep",
        ),
    ),
    (
        "ik kreeg vanochtend een DM op X van @boosburger123: 'ik weet waar je woont'. "
        "https://x.com/boosburger123/status/1812",
        dict(
            kinds=("bedreiging", "online"),
            platform="X",
            links=("https://x.com/boosburger123/status/1812",),
            when=(at(1, 6), "vanochtend"),
            perp_known="bekend",
            perp_who="@boosburger123",
        ),
    ),
    (
        "op de markt kwam een man met een rode jas naar me toe en hij spuugde me in mijn "
        "gezicht. geen letsel gelukkig",
        dict(
            kinds=("fysiek_geweld",),
            where="op de markt",
            injury=("geen",),
            perp_known="beschrijving",
            perp_who="een man met een rode jas",
        ),
    ),
    (
        "Al maanden krijg ik elke week mails van dezelfde man. Hij dreigde niet, maar hij "
        "scheldt me wel uit.",
        dict(
            kinds=("verbale_agressie", "online"),
            platform="e-mail",
            perp_known="bekend",
            perp_who="dezelfde man",
            series=True,
            when=(SERIES, "Al maanden"),
        ),
    ),
    (
        "vorige week dinsdag in de raadszaal werd ik bedreigd door een bekende van de politie. "
        "hij gaf me een klap, ik moest naar het ziekenhuis met een hersenschudding",
        dict(
            kinds=("bedreiging", "fysiek_geweld"),
            where="in de raadszaal",
            when=(at(24, month=11), "vorige week dinsdag"),
            injury=("lichamelijk_letsel", "ziekenhuis"),
            hospital=True,
            perp_known="bekend",
            known_to_police=True,
        ),
    ),
    (
        "Vannacht hebben ze mijn autoruit ingegooid, thuis op de oprit",
        dict(kinds=("vernieling",), where="thuis", when=(at(1, 0), "Vannacht"), damage=True),
    ),
    (
        "Er staat een filmpje van mij op TikTok met heel racistische reacties eronder",
        dict(kinds=("discriminatie", "online"), platform="TikTok"),
    ),
    (
        "hij wacht me elke avond op bij het station en volgt me naar huis. ik slaap er slecht van",
        dict(
            kinds=("intimidatie",),
            where="bij het station",
            injury=("psychisch_letsel",),
            series=True,
        ),
    ),
    (
        "tijdens de raadsvergadering begon een inwoner te huilen en te smeken, hij wilde "
        "gehoord worden. niet agressief maar wel heftig",
        dict(kinds=("emotioneel_gedrag",), where="tijdens de raadsvergadering"),
    ),
    (
        "In de facebookgroep van het dorp noemen ze me een landverrader. kijk maar "
        "https://www.facebook.com/groups/ons-dorp/posts/123.",
        dict(
            kinds=("verbale_agressie", "online"),
            platform="Facebook",
            links=("https://www.facebook.com/groups/ons-dorp/posts/123",),
        ),
    ),
    (
        "Mijn buurman schreeuwde tegen me en dreigde me in elkaar te slaan. Hij is niet "
        "bekend bij de politie.",
        dict(
            kinds=("verbale_agressie", "bedreiging"),
            perp_known="bekend",
            perp_who="Mijn buurman",
            known_to_police=False,
        ),
    ),
    (
        "zaterdag om 14.30 uur op het plein: een groep jongens gooide eieren naar mij. "
        "niet gewond, wel geschrokken",
        dict(
            kinds=("fysiek_geweld",),
            where="op het plein",
            when=(at(28, 14, 30, 11), "zaterdag om 14.30 uur"),
            injury=("geen",),
        ),
    ),
    (
        "Ik werd via WhatsApp uitgescholden door een onbekend nummer. Ik ken hem niet.",
        dict(kinds=("verbale_agressie", "online"), platform="WhatsApp", perp_known="onbekend"),
    ),
    (
        "HIJ HEEFT ME GESLAGEN!!! bij de supermarkt. mijn lip bloedde",
        dict(kinds=("fysiek_geweld",), where="bij de supermarkt", injury=("lichamelijk_letsel",)),
    ),
    (
        "Er zijn hakenkruizen op mijn voordeur geklad en mijn banden zijn lek gestoken. "
        "Dit is de zoveelste keer.",
        dict(
            kinds=("discriminatie", "vernieling"),
            where="op mijn voordeur",
            damage=True,
            series=True,
        ),
    ),
    (
        "een vrouw van rond de 50 met een grijze muts stond na afloop voor de deur van het "
        "provinciehuis te schreeuwen dat ik een hoer ben",
        dict(
            kinds=("verbale_agressie",),
            where="voor de deur van het provinciehuis",
            perp_known="beschrijving",
            perp_who="een vrouw van rond de 50 met een grijze muts",
        ),
    ),
    (
        "Gisteren om 8 uur 's avonds belde meneer Jansen aan. Hij zei dat hij weet waar mijn "
        "kinderen naar school gaan.",
        dict(
            kinds=("bedreiging",),
            when=(at(30, 20, month=11), "Gisteren om 8 uur 's avonds"),
            perp_known="bekend",
            perp_who="meneer Jansen",
        ),
    ),
    (
        "op instagram kreeg ik een doodsbedreiging van een nepaccount",
        dict(kinds=("bedreiging", "online"), platform="Instagram", perp_known="onbekend"),
    ),
    (
        "hij dreigde niet en sloeg ook niet, hij was alleen heel boos op het beleid",
        dict(kinds=()),
    ),
    (
        "Na de vergadering werd ik in de parkeergarage achtervolgd door twee mannen. "
        "Sindsdien durf ik niet meer alleen naar huis.",
        dict(kinds=("intimidatie",), where="in de parkeergarage", injury=("psychisch_letsel",)),
    ),
    (
        "iemand heeft op LinkedIn gepost dat ik corrupt ben en dat ze me wel weten te vinden",
        dict(kinds=("bedreiging", "online"), platform="LinkedIn"),
    ),
    (
        "ze hebben mijn fiets vernield bij het gemeentehuis, verder geen schade",
        dict(kinds=("vernieling",), where="bij het gemeentehuis", damage=False),
    ),
    (
        "hij spuugde naar me en trapte me tegen mijn been, ik heb een blauwe plek. het was "
        "een bekende van de politie, die man van de woonwagen",
        dict(
            kinds=("fysiek_geweld",),
            injury=("lichamelijk_letsel",),
            perp_known="bekend",
            perp_who="die man van de woonwagen",
            known_to_police=True,
        ),
    ),
    (
        "vanmiddag kreeg ik een mail met ik maak je af. ik ben er erg van slag van",
        dict(
            kinds=("bedreiging", "online"),
            platform="e-mail",
            when=(at(1, 12), "vanmiddag"),
            injury=("psychisch_letsel",),
        ),
    ),
    (
        "Elke vergadering zit hij op de publieke tribune en staart hij me de hele tijd aan",
        dict(kinds=("intimidatie",), where="op de publieke tribune", series=True),
    ),
    (
        "Op het werk werd ik uitgelachen en vernederd door een collega van de gemeente",
        dict(kinds=("verbale_agressie",), where="Op het werk", perp_known="bekend"),
    ),
    (
        "eergisteren in Zeist, een lange kale man met een baard riep dat hij me zou vermoorden",
        dict(
            kinds=("bedreiging",),
            where="in Zeist",
            when=(at(29, month=11), "eergisteren"),
            perp_known="beschrijving",
            perp_who="een lange kale man met een baard",
        ),
    ),
    (
        "ik ben om 13:00 door een demonstrant geduwd bij het stadhuis en ben gevallen. ik "
        "moest naar de eerste hulp, mijn pols is gebroken",
        dict(
            kinds=("fysiek_geweld",),
            where="bij het stadhuis",
            when=(at(1, 13), "om 13:00"),
            injury=("lichamelijk_letsel", "ziekenhuis"),
            hospital=True,
        ),
    ),
    (
        "ik wil iets melden",
        dict(),
    ),
    (
        "geen letsel, geen schade, hij heeft me alleen uitgescholden op straat",
        dict(kinds=("verbale_agressie",), where="op straat", injury=("geen",), damage=False),
    ),
]

FIELDS = [f.name for f in fields(StoryFacts)]


def expected_facts(spec: dict[str, Any]) -> dict[str, Any]:
    """A corpus spec, each field it does not name at its default (also bench/story_bench.py)."""
    defaults = {f.name: f.default for f in fields(StoryFacts)}
    return {**defaults, **spec}


def actual_facts(facts: StoryFacts) -> dict[str, Any]:
    """What `read_story` found, in the corpus's spec form (also bench/story_bench.py)."""
    out = {name: getattr(facts, name) for name in FIELDS}
    if facts.when is not None:
        # A repeated incident's first date is the date reading's convention
        # (bot/domain/dates/series.py); here it is enough that it is read as a series.
        moment, phrase = facts.when
        out["when"] = (SERIES if moment.series else moment.start, phrase)
    return out


@pytest.mark.parametrize(("story", "spec"), CORPUS, ids=[s[:40] for s, _ in CORPUS])
def test_the_corpus(story: str, spec: dict[str, Any]) -> None:
    assert actual_facts(read_story(story, NOW)) == expected_facts(spec)


def test_the_corpus_is_large_and_uses_the_domain_values() -> None:
    assert len(CORPUS) >= 25
    for _story, spec in CORPUS:
        assert set(spec) <= set(FIELDS)
        assert set(spec.get("kinds", ())) <= set(KINDS)
        assert set(spec.get("injury", ())) <= set(INJURIES)


@pytest.mark.parametrize(
    ("story", "field", "value"),
    [
        # False positives the lexicon must not fall for.
        ("hij dreigde niet", "kinds", ()),
        ("hij heeft me niet geslagen", "kinds", ()),
        ("geen letsel", "injury", ("geen",)),
        ("ik ben niet gewond", "injury", ("geen",)),
        ("ik kon niet slapen van de spanning", "kinds", ()),
        ("hij had een trap bij zich", "kinds", ()),
        ("ik ben slachtoffer", "kinds", ()),
        ("het was in de avond", "where", None),
        ("ik was op weg naar huis", "where", None),
        ("ik had geen idee wat hij bedoelde", "perp_known", None),
        ("een man", "perp_known", None),
        ("we waren met veel mensen", "series", False),
        ("er is geen schade", "damage", False),
        ("hij was niet bekend bij de politie", "known_to_police", False),
        ("XXL jas", "platform", None),
        ("hij werd steeds bozer", "series", False),
        ("hij zei dat hij mijn auto kapot zou maken", "damage", None),
        ("hij zei dat hij mijn auto kapot zou maken", "kinds", ("bedreiging",)),
        ("Hij zette het filmpje daarna op zijn eigen X", "platform", "X"),
        # True positives in other words.
        ("ik kreeg een tweet", "platform", "X"),
        ("het staat op X", "platform", "X"),
        ("hij is al weken bezig", "series", True),
        ("hij heeft me een blauw oog geslagen", "injury", ("lichamelijk_letsel",)),
        ("ik heb er een litteken aan overgehouden", "injury", ("blijvend",)),
    ],
)
def test_single_facts(story: str, field: str, value: object) -> None:
    assert getattr(read_story(story, NOW), field) == value


def test_a_story_in_parts_reads_like_one() -> None:
    parts = ["Het gebeurde gisteren.", "Bij de ingang van het stadhuis.", "Hij sloeg me."]
    facts = read_story("\n".join(parts), NOW)
    assert facts.kinds == ("fysiek_geweld",)
    assert facts.where == "Bij de ingang van het stadhuis"
    assert facts.when is not None and facts.when[1].lower() == "gisteren"


def test_a_series_comes_with_its_start_from_the_date_reading() -> None:
    facts = read_story("sinds vorige maand scheldt hij me elke week uit op facebook", NOW)
    assert facts.series
    assert facts.when is not None and facts.when[0].series
    assert facts.when[1] == "sinds vorige maand"


def test_read_story_needs_an_aware_now() -> None:
    with pytest.raises(ValueError):
        read_story("gisteren", datetime(2026, 12, 1, 16, 0))
