"""dialogs/understanding.py: replies as people type them (typos, caps, emoji, "!!!")."""

from __future__ import annotations

import pytest

from bot.text import lexicon
from bot.text.catalogue import TEXTS
from dialogs.understanding import (
    CHOICE_THRESHOLD,
    EMOTIONAL,
    FAQ_UNKNOWN,
    PHYSICAL,
    VERBAL,
    YesNo,
    behaviour,
    clean,
    dont_know,
    faq,
    is_question,
    match_choice,
    near,
    nothing,
    signals_danger,
    yes_no,
)

# --- clean ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("  JA!!!  ", "ja"),
        ("Oké 👍", "oké"),
        ("Bel 112!!!", "bel 112"),
        ("n.v.t.", "nvt"),
        ("Ja, mijn bril is   kapot.", "ja mijn bril is kapot"),
        ("Café 'De Zwaan'", "café de zwaan"),
        ("👍👍", ""),
        ("hij zei: 'rot op'", "hij zei rot op"),
        ("Één keer\nof twéé", "één keer of twéé"),
        ("e-mail", "e mail"),
    ],
)
def test_clean(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned


# --- yes / no -------------------------------------------------------------------------------

YES = ["ja", "Ja", "JA!!!", "jawel", "jep", "jazeker", "ja hoor", "Ja hoor.", "klopt", "yes",
       "oké", "ok", "OK", "Oke", "👍", "✅", "jaa", "jaaaa", "ja!", "Klopt!!", "dat klopt",
       "ja zeker", "zeker", "prima", "jup", "Yes!", "👍🏻"]  # fmt: skip
NO = ["nee", "Nee", "NEE", "neej", "nee joh", "Nee joh!", "nope", "neen", "niet", "👎", "neee",
      "ne", "nee!!!", "klopt niet", "dat klopt niet", "nee hoor", "❌", "neeeee", "No"]  # fmt: skip


@pytest.mark.parametrize("text", YES)
def test_yes_variants(text: str) -> None:
    assert yes_no(text) == YesNo(True, "")


@pytest.mark.parametrize("text", NO)
def test_no_variants(text: str) -> None:
    assert yes_no(text) == YesNo(False, "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja, mijn bril is kapot", YesNo(True, "mijn bril is kapot")),
        ("Ja. Mijn bril is kapot!", YesNo(True, "Mijn bril is kapot!")),
        ("nee, hij staat nog voor de deur", YesNo(False, "hij staat nog voor de deur")),
        ("NEE hij slaat om zich heen!!!", YesNo(False, "hij slaat om zich heen!!!")),
        ("ja, het is die actiegroep", YesNo(True, "het is die actiegroep")),
        ("Jazeker - ik heb screenshots", YesNo(True, "ik heb screenshots")),
        ("ja hoor 👍 hij is weg", YesNo(True, "hij is weg")),
        ("👍 klopt helemaal", YesNo(True, "klopt helemaal")),
        ("nee joh, viel mee", YesNo(False, "viel mee")),
        ("Neee... ik weet het niet zeker", YesNo(False, "ik weet het niet zeker")),
        ("klopt, maar het was om 21:00", YesNo(True, "maar het was om 21:00")),
        ("dat klopt niet, het was dinsdag", YesNo(False, "het was dinsdag")),
    ],
)
def test_a_yes_or_no_keeps_what_follows_as_typed(text: str, expected: YesNo) -> None:
    assert yes_no(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "misschien", "net gebeurd", "niet meer bang", "jan heeft het gedaan",
     "neem contact op", "okselhaar", "geen idee", "het was gisteren", "🙂", "nu", "nergens",
     "jij", "jwel", "nee?"[:0] or "hmm"],
)  # fmt: skip
def test_not_a_yes_or_no(text: str) -> None:
    assert yes_no(text) is None


def test_long_near_misses_are_read_but_short_words_are_not_guessed() -> None:
    assert yes_no("jazekr") == YesNo(True, "")
    assert yes_no("klopr") == YesNo(True, "")
    assert yes_no("net") is None  # one letter from "nee", but a word of its own
    assert near("bedriegd", "bedreigd")
    assert not near("bank", "bang")
    assert near("bnag", "bang")


# --- danger ---------------------------------------------------------------------------------

DANGER = [
    "nee", "Nee", "NEE!!!", "nee.", "neee", "ne", "👎", "niet", "niet veilig", "Niet veilig!!",
    "nee, hij staat nog voor de deur", "NEE hij slaat om zich heen!!!", "112", "bel 112",
    "112!!!", "help", "HELP", "help er staat iemand bij mijn huis", "helpp", "hlep",
    "ik ben bang", "Ik ben zo bang", "bnag", "ik word bedreigd", "ik word bedriegd",
    "hij is er nog", "hij staat nog steeds voor de deur", "hij slaat om zich heen",
    "hij volgt me", "iemand volgt mij naar huis", "hij komt eraan", "ze komen eraan!!",
    "er staat iemand in mijn tuin", "er staat iemand bij de deur", "onveilig",
    "nee ik ben niet veilig", "nog niet echt veilig", "ik ben in gevaar", "gevaaar",
    "hij heeft een mes", "hij probeert binnen te komen", "hij bonkt op de deur",
    "ze staan hier buiten te schreeuwen", "ik word gevolgd", "kom snel", "bel de politie",
    "hij laat me niet gaan", "hij houdt niet op", "ik voel me niet veilig 😰",
    "nee!! hij is nog hier", "hulp", "Doodsbang", "ik ben nu bij mijn huis en hij staat er nog",
    # first seen in bench/story_bench.py's blind and final sets
    "nee hij is binnen", "hij zit in de hal en wil niet weg", "NIET VEILIG", "ik zit opgesloten",
    "hij bedreigt me nu", "help!!! hij slaat", "ze staan bij mijn auto", "ik heb me verstopt",
    "er is iemand in mijn huis", "hij wacht buiten op me", "hij duwt me", "NEEE",
    "nee, ze staan nog steeds voor het stadhuis te schreeuwen", "hij heeft een knuppel",
    "ik ben echt bang dat hij terugkomt", "er rijdt al een uur een auto rondjes om mijn huis",
    "hij ramt op mijn deur", "Ik ben niet veilig hier", "help me", "nog steeds niet",
    "ze proberen de deur open te breken", "nee hij dreigt me te slaan", "ik ben in paniek",
    "niet echt", "hij wacht me op bij de auto",
]  # fmt: skip
SAFE = [
    "ja", "Ja", "JA", "jawel", "ja ik ben veilig", "Ja, ik ben veilig", "ja hoor, hij is weg",
    "ja hoor hij is weg", "niet meer bang", "ik ben niet meer bang", "het is voorbij",
    "Het is voorbij.", "gisteren stond hij voor de deur", "vorige week stond hij bij mijn huis",
    "gisteren was hij bij mijn huis", "ja, het gebeurde gisteren", "ja ik ben thuis",
    "ja, ik zit nu veilig thuis", "👍", "ok", "ja hoor", "ja het gaat wel", "ik ben veilig",
    "ik ben weer veilig", "hij is weggegaan", "ze zijn vertrokken", "geen gevaar meer",
    "ik ben niet in gevaar", "het gebeurde vorige maand", "ja, de politie is er al",
    "ik wil iets melden", "hij schold me uit op facebook", "jazeker", "ja maar ik ben boos",
    "klopt", "ja, gelukkig wel", "yes", "ik ben niet bang", "het was gisteravond",
    "ja, dank je", "ik word niet bedreigd", "hij stond vorige week voor de deur",
    "ja, ik ben op mijn werk", "ik bank bij de rabo", "ja niks aan de hand", "",
    "ja ik ben ok", "hij kwam eraan, maar is nu weg",
    # first seen in bench/story_bench.py's blind and final sets
    "ja, ik ben thuis", "ja het is voorbij hoor", "ja hij is weggestuurd", "ik zit veilig binnen",
    "ja, de beveiliging heeft hem weggebracht", "het is al een week geleden",
    "ja maar ik ben wel geschrokken", "jazeker, alles rustig", "ja ik ben op het werk",
    "hij is opgepakt door de politie", "ja, ik ben weer thuis",
    "ja, de politie heeft hem meegenomen",
    "ja het gaat", "ja, hij is vertrokken", "het gebeurde vorige week", "ja. wel geschrokken",
    "gelukkig wel", "ja ik zit in de auto op weg naar huis", "ik ben veilig, het was online",
    "ja, maar ik wil het wel melden", "jawel hoor", "ja, het was gisteren", "yes, alles ok",
    # stories told after the danger is over: past tense
    "gisteren stond hij bij mijn huis en duwde me", "vorige week sloeg hij me",
    "hij heeft me gisteren geslagen", "ze stonden gisteravond voor de deur",
    "gisteren stond hij weer bij mijn huis",
    "ze sloegen me", "hij probeerde me te slaan", "hij greep mijn arm",
    "hij volgt me niet meer", "hij heeft me geduwd",
]  # fmt: skip


@pytest.mark.parametrize("text", DANGER)
def test_danger(text: str) -> None:
    assert signals_danger(text)


@pytest.mark.parametrize("text", SAFE)
def test_not_danger(text: str) -> None:
    assert not signals_danger(text)


def test_the_tables_are_large() -> None:
    assert len(DANGER) >= 40
    assert len(SAFE) >= 40


def test_a_bare_no_is_danger_only_as_the_answer_to_the_safety_question() -> None:
    assert signals_danger("nee")
    assert not signals_danger("nee", to_safety_question=False)
    # Danger words count anywhere.
    assert signals_danger("nee, hij staat nog voor de deur", to_safety_question=False)
    assert signals_danger("help er staat iemand bij mijn huis", to_safety_question=False)


# --- behaviour ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("hij is heel boos", (EMOTIONAL,)),
        ("ze huilt en smeekt me om te luisteren", (EMOTIONAL,)),
        ("hij wil gehoord worden", (EMOTIONAL,)),
        ("hij dreigt zichzelf iets aan te doen", (EMOTIONAL,)),
        ("hij scheldt me uit", (VERBAL,)),
        ("HIJ SCHELDT!!!", (VERBAL,)),
        ("ze beledigt me en discrimineert", (VERBAL,)),
        ("hij dreigt me", (VERBAL,)),
        ("hij slaat", (PHYSICAL,)),
        ("ze duwt me", (PHYSICAL,)),
        ("hij spuugt naar me", (PHYSICAL,)),
        ("hij schopt tegen de auto", (PHYSICAL,)),
        ("ze gooien stenen", (PHYSICAL,)),
        ("hij vernielt de stoelen", (PHYSICAL,)),
        ("hij dreigt met geweld", (VERBAL, PHYSICAL)),
        ("boos en hij scheldt", (EMOTIONAL, VERBAL)),
        ("hij scheldt en slaat", (VERBAL, PHYSICAL)),
        # The choice words of "Wat gebeurt er?"
        ("boos", (EMOTIONAL,)),
        ("emotioneel", (EMOTIONAL,)),
        ("Boos of emotioneel", (EMOTIONAL,)),
        ("schelden", (VERBAL,)),
        ("schelden of dreigen", (VERBAL,)),
        ("dreigen", (VERBAL,)),
        ("slaan", (PHYSICAL,)),
        ("spugen", (PHYSICAL,)),
        ("vernielen", (PHYSICAL,)),
        ("Slaan, spugen of vernielen", (PHYSICAL,)),
        # Negated or absent.
        ("hij dreigde niet", ()),
        ("hij heeft me niet geslagen", ()),
        ("geen geweld", ()),
        ("ik kan niet slapen", ()),
        ("het is voorbij", ()),
        ("hij schold niet alleen, hij sloeg ook", (VERBAL, PHYSICAL)),
        ("hij sloeg niet maar schold wel", (VERBAL,)),
    ],
)
def test_behaviour(text: str, kinds: tuple[str, ...]) -> None:
    assert behaviour(text) == kinds


# --- questions back -------------------------------------------------------------------------

QUESTIONS = [
    "is dit anoniem", "is dit anoniem?", "Is dit anoniem??", "weet hij dat ik dit meld",
    "wie leest dit", "wie ziet mijn melding?", "moet ik aangifte doen", "moet ik naar de politie",
    "kan ik later nog iets toevoegen", "wat gebeurt er nu", "wat gebeurt er met mijn melding",
    "heb ik bewijs nodig", "is dit wel erg genoeg", "moet ik dit melden", "waarom vraag je dat",
    "hoe lang duurt het?", "mag ik later verder", "krijg ik bericht?", "wordt hij gestraft",
    "komt hij erachter", "en nu?", "het was gisteren, is dat erg?", "ok?",
    "waar gaat dit naartoe", "kan ik een foto sturen?",
]  # fmt: skip
NOT_QUESTIONS = [
    "wie het was weet ik niet", "weet ik niet?", "?", "wat een eikel", "wat hij zei was gemeen",
    "heb ik niet", "heb ik gedaan", "hij schold me uit", "ja", "nee", "gisteren om 8 uur",
    "komt eraan!!!", "weet ik niet", "waar het was weet ik niet meer", "",
    "hoe het ging, geen idee", "ik ben veilig",
]  # fmt: skip


@pytest.mark.parametrize("text", QUESTIONS)
def test_is_question(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize("text", NOT_QUESTIONS)
def test_is_not_question(text: str) -> None:
    assert not is_question(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("is dit anoniem", "faq_anonymous"),
        ("Is dit ANONIEM???", "faq_anonymous"),
        ("weet hij dat ik dit meld", "faq_anonymous"),
        ("krijgt hij mijn naam te zien?", "faq_anonymous"),
        ("wie leest dit", "faq_who_reads"),
        ("wie ziet mijn melding", "faq_who_reads"),
        ("naar wie gaat dit?", "faq_who_reads"),
        ("moet ik aangifte doen", "faq_police"),
        ("moet ik naar de politie", "faq_police"),
        ("moet ik zelf aangifte doen??", "faq_police"),
        ("kan ik later nog iets toevoegen", "faq_add_later"),
        ("kan ik later nog een foto sturen?", "faq_add_later"),
        ("wat gebeurt er nu", "faq_what_next"),
        ("wat gebeurt er met mijn melding", "faq_what_next"),
        ("en nu?", "faq_what_next"),
        ("heb ik bewijs nodig", "faq_evidence"),
        ("moet ik een screenshot hebben?", "faq_evidence"),
        ("is dit wel erg genoeg", "faq_serious_enough"),
        ("moet ik dit melden", "faq_serious_enough"),
        ("is dit niet te klein om te melden?", "faq_serious_enough"),
        ("hoe laat is het", FAQ_UNKNOWN),
        ("waarom heet je weerbaar?", FAQ_UNKNOWN),
    ],
)
def test_faq(text: str, key: str) -> None:
    assert faq(text) == key


def test_faq_is_none_for_what_is_no_question() -> None:
    assert faq("hij schold me uit") is None
    assert faq("weet ik niet?") is None


def test_every_faq_key_has_a_text() -> None:
    for key, _entries in lexicon.FAQ:
        assert key in TEXTS
    assert FAQ_UNKNOWN in TEXTS


def test_the_faq_texts_say_what_domain_md_says() -> None:
    assert "niet zelf naar de politie" in TEXTS["faq_police"]
    assert "112" in TEXTS["faq_police"]
    assert "kleine dingen" in TEXTS["faq_serious_enough"]
    for text in (TEXTS[key] for key, _ in lexicon.FAQ):
        assert "afhandelaar" not in text and "pleger" not in text


# --- "weet ik niet" and "none" --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["weet ik niet", "Weet ik niet!", "geen idee", "GEEN IDEE", "weet niet", "onbekend",
     "geen flauw idee", "wn", "ik weet het niet meer", "?", "??", "weet ik niet?",
     "geen idee eigenlijk", "weet ik nietr", "geen idee 🤷", "weet ik niet precies meer",
     "nee, geen idee", "Geen idee wie"],
)  # fmt: skip
def test_dont_know(text: str) -> None:
    assert dont_know(text)


@pytest.mark.parametrize(
    "text", ["weet ik wel", "ik weet wie het was", "nee", "hij heet Jan", "", "de markt"]
)
def test_not_dont_know(text: str) -> None:
    assert not dont_know(text)


@pytest.mark.parametrize(
    "text",
    ["nee", "geen", "niets", "niks", "nvt", "n.v.t.", "N.V.T", "geen bewijs",
     "nee, heb geen screenshot gemaakt", "heb ik niet", "Nee hoor", "geen letsel",
     "nee niks", "heb ik helaas niet", "niets!", "geen screenshot gemaakt", "nee, niet bewaard",
     "gelukkig niet", "nope", "helaas niet", "nee sorry"],
)  # fmt: skip
def test_nothing(text: str) -> None:
    assert nothing(text)


@pytest.mark.parametrize(
    "text",
    ["geen idee", "ja", "nee maar ik heb wel een foto", "https://x.com/abc/status/1",
     "een screenshot", "niet veel pijn", "mijn bril is kapot", "nee, hij schopte me",
     "weet ik niet", ""],
)  # fmt: skip
def test_not_nothing(text: str) -> None:
    assert not nothing(text)


# --- button texts ---------------------------------------------------------------------------

SAFE_CHOICES = (("ja", "Ja, ik ben veilig"), ("nee", "Nee, ik ben niet veilig"))
WHAT_CHOICES = (
    ("emotioneel", "Boos of emotioneel"),
    ("verbaal", "Schelden of dreigen"),
    ("fysiek", "Slaan, spugen of vernielen"),
)
KIND_CHOICES = (
    ("bedreiging", "Bedreiging"),
    ("verbale_agressie", "Verbale agressie"),
    ("online", "Online"),
    ("intimidatie", "Intimidatie"),
)


@pytest.mark.parametrize(
    ("text", "choices", "value"),
    [
        ("Ja, ik ben veilig", SAFE_CHOICES, "ja"),
        ("ja ik ben veilig", SAFE_CHOICES, "ja"),
        ("JA IK BEN VEILIG!!!", SAFE_CHOICES, "ja"),
        ("nee ik ben niet veilig", SAFE_CHOICES, "nee"),
        ("Slaan spugen of vernielen", WHAT_CHOICES, "fysiek"),
        ("slaan, spugen of vernielen 😡", WHAT_CHOICES, "fysiek"),
        ("schelden", WHAT_CHOICES, "verbaal"),
        ("Boos", WHAT_CHOICES, "emotioneel"),
        ("schelden of dreigne", WHAT_CHOICES, "verbaal"),
        ("bedreiging", KIND_CHOICES, "bedreiging"),
        ("bedriging", KIND_CHOICES, "bedreiging"),
        ("verbale agressie", KIND_CHOICES, "verbale_agressie"),
        ("verbale_agressie", KIND_CHOICES, "verbale_agressie"),
        ("intimidatei", KIND_CHOICES, "intimidatie"),
        ("onl", KIND_CHOICES, "online"),
    ],
)
def test_match_choice(text: str, choices: tuple[tuple[str, str], ...], value: str) -> None:
    assert match_choice(text, choices) == value


@pytest.mark.parametrize(
    ("text", "choices"),
    [
        ("", SAFE_CHOICES),
        ("👍", SAFE_CHOICES),
        ("ja", (("a", "Ja, nu"), ("b", "Ja, later"))),  # the start of two labels
        ("misschien", SAFE_CHOICES),
        ("verder", (("a", "Verder met a"), ("b", "Verder met b"))),
        ("kat", (("kap", "Kap"), ("kar", "Kar"))),  # equally near to both
        # near enough to both, and not far enough ahead of the other
        ("verbale agresie", (("a", "Verbale agressie"), ("b", "Verbale agressief"))),
    ],
)
def test_match_choice_refuses_what_is_not_one_choice(
    text: str, choices: tuple[tuple[str, str], ...]
) -> None:
    assert match_choice(text, choices) is None


def test_the_fuzzy_threshold_is_a_score_out_of_100() -> None:
    assert 0 < CHOICE_THRESHOLD < 100
