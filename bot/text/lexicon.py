"""The Dutch words the language-understanding layer listens for: data only.

dialogs/understanding.py (replies: yes/no, danger, questions, "weet ik niet") and
dialogs/story.py (what a story says) read these lists; bot/text/vocabulary.py keeps the
whole-text commands of the guided flow. Source of the meanings: the guideline as restated in
/work/shared/domain.md ("Kinds of behaviour", "A report") and the words people typed in the
issue 9 trial chats.

How an entry matches (dialogs/understanding.py `Pattern`): it is matched against text that
`clean()` made (lower case, no punctuation or emoji, single spaces), word by word; words are
separated by a space and must follow each other; a word ending in "*" matches every word
that starts with it ("scheld*" matches "scheldt", "scheldwoorden"). An entry never matches
part of a word otherwise.
"""

from __future__ import annotations

from typing import Final

# --- yes and no (understanding.yes_no) ----------------------------------------------------

# Longer phrases first is not needed: the code tries the longest match.
YES: Final = (
    "ja", "jawel", "jep", "jup", "jazeker", "ja zeker", "ja hoor", "ja klopt", "ja dat klopt",
    "klopt", "dat klopt", "klopt helemaal", "yes", "yep", "ok", "oké", "oke", "okay", "okee",
    "zeker", "zeker weten", "correct", "inderdaad", "prima", "goed", "is goed", "prima hoor",
)  # fmt: skip
NO: Final = (
    "nee", "neej", "nee joh", "nee hoor", "neen", "nope", "no", "nah", "klopt niet",
    "dat klopt niet", "nee dat klopt niet", "zeker niet", "echt niet", "helemaal niet",
    "absoluut niet", "nog steeds niet", "nog niet", "nee nog niet", "nee nog steeds niet",
)  # fmt: skip
# "niet" is a no only as the whole reply (or with "echt"): "niet meer bang" is no answer.
NO_ALONE: Final = ("niet", "niet echt", "nie")
YES_SIGNS: Final = ("👍", "✅", "👌", "✔", "☑")
NO_SIGNS: Final = ("👎", "❌", "✖", "🚫")
# Short words are never matched fuzzily ("net" is not "nee"); these are their near-misses
# as typed in a hurry: a dropped or doubled letter.
YES_TYPOS: Final = ("jaa", "jaaa", "ja ja", "jaja", "jah", "jas", "js")
NO_TYPOS: Final = ("ne", "neee", "neeee", "nee nee", "neenee", "nnee", "nre", "mee")

# --- danger now (understanding.signals_danger) --------------------------------------------

# Any one of these in a message is danger, whatever else it says.
DANGER: Final = (
    "112", "help*", "hulp", "hulp nodig", "sos", "bang", "doodsbang", "angstig", "ik ben bang",
    "in gevaar", "gevaar", "gevaarlijk", "niet veilig", "onveilig", "niet echt veilig",
    "nog niet veilig", "niet helemaal veilig", "ik word bedreigd", "word bedreigd",
    "wordt bedreigd", "worden bedreigd", "ik voel me bedreigd", "voel me niet veilig",
    "bel de politie", "bel politie", "politie bellen", "kom snel", "kom alsjeblieft",
    "mes", "wapen", "pistool", "vuurwapen", "knuppel", "honkbalknuppel", "bijl", "hamer",
    "stok", "schiet", "schieten", "ik ben in paniek", "paniek",
)  # fmt: skip
# Still going on: present tense, so "gisteren stond hij voor de deur" is not one of them.
ONGOING: Final = (
    "staat nog", "staat voor de deur", "staat voor mijn deur", "staat voor mijn huis",
    "staat bij mijn huis", "staat hier", "staan hier", "staan voor de deur", "staat buiten",
    "staan buiten", "er staat iemand", "er staan mensen", "is er nog", "is hier", "zijn hier",
    "is nog hier", "is nog steeds", "zijn er nog", "hij is er", "ze zijn er", "zit in mijn tuin",
    "in mijn tuin", "bij mijn huis", "voor mijn huis", "slaat om zich heen", "slaat me",
    "slaat mij", "slaat op de deur", "bonkt op", "bonst op", "ramt op", "beukt op", "hamert op",
    "ramt de deur", "schopt tegen", "trapt tegen",
    "volgt me", "volgt mij", "achtervolgt me", "achtervolgt mij", "word gevolgd",
    "wordt gevolgd", "loopt achter me", "loopt achter mij", "komt eraan", "komen eraan",
    "komt op me af", "komt naar me toe", "komt naar binnen", "probeert binnen te komen",
    "breekt in", "wil binnenkomen", "houdt me vast", "laat me niet gaan", "laat me niet weg",
    "gaat maar door", "gaat door", "houdt niet op", "stopt niet", "nog steeds bezig",
    "ik word geslagen", "word aangevallen", "wordt aangevallen", "valt me aan", "wacht me op",
    "wacht mij op", "wacht op me", "wacht op mij",
    "staat me op te wachten", "open te breken", "probeert in te breken", "proberen in te breken",
    "breekt de deur", "breken de deur",
    "wil niet weg", "gaat niet weg", "wil niet weggaan", "opgesloten", "sluit me op",
    "verstopt", "zit vast", "kan niet weg", "kan er niet uit", "kan niet naar buiten",
    "kom niet weg",
)  # fmt: skip
# Someone is near right now: a third person, a present verb of being somewhere, and a
# place close to the person ("ze staan bij mijn auto", "hij wacht buiten op me").
PRESENCE_SUBJECTS: Final = (
    "hij", "ze", "zij", "iemand", "er", "die", "man", "vrouw", "mensen", "jongens", "groep",
    "mannen",
)  # fmt: skip
PRESENCE_VERBS: Final = (
    "is", "zit", "zitten", "staat", "staan", "wacht", "wachten", "loopt", "lopen", "rijdt",
    "komt", "komen", "blijft", "blijven", "zijn", "hangt", "hangen",
)  # fmt: skip
PRESENCE_PLACES: Final = (
    "binnen", "buiten", "hier", "in mijn", "bij mijn", "voor mijn", "achter mijn", "om mijn",
    "naast mijn", "in ons", "bij ons", "voor ons", "in de hal", "in de gang", "op de gang",
    "bij de deur", "voor de deur", "bij de ingang", "achter me", "achter mij", "op me",
    "op mij", "naast me", "naast mij", "bij me", "bij mij", "om het huis", "rond het huis",
)  # fmt: skip
# These undo a danger word: the person says it is over or that they are safe.
SAFE: Final = (
    "niet meer bang", "niet bang", "niet meer in gevaar", "niet in gevaar", "geen gevaar",
    "geen gevaar meer", "het is voorbij", "is voorbij", "hij is weg", "ze is weg", "ze zijn weg",
    "is weggegaan", "zijn weggegaan", "is vertrokken", "zijn vertrokken", "ben veilig",
    "ben nu veilig", "ben weer veilig", "ik ben thuis en veilig", "alles is goed", "gaat goed",
    "is al weg", "ik ben ok", "niks aan de hand", "niets aan de hand", "hoeft geen 112",
    "geen 112 nodig", "hoef geen hulp", "geen hulp nodig", "politie is er al", "politie is hier",
    "de politie is geweest",
)  # fmt: skip
# The long danger words that may be typed with one slip ("bedriegd", "gevaaar").
DANGER_FUZZY: Final = ("gevaar", "bedreigd", "bedreigt", "onveilig", "doodsbang", "achtervolgt")

# --- the three kinds in the moment (understanding.behaviour) ------------------------------

# domain.md "Kinds of behaviour": emotioneel gedrag ("ik/jullie" talk, wants to be heard,
# begs, nags, threatens self-harm).
EMOTIONAL: Final = (
    "boos", "woedend", "kwaad", "emotioneel", "emotie*", "huil*", "huilde", "in tranen",
    "overstuur", "smeek*", "smeekte", "zeur*", "zeurde", "wil gehoord worden",
    "wil zijn verhaal kwijt", "wil haar verhaal kwijt", "blijft maar praten", "klaagt",
    "klaagde", "is het niet eens", "schreeuwt", "schreeuwde", "geschreeuw",
    "wanhopig", "ten einde raad", "boos of emotioneel", "boos emotioneel",
)  # fmt: skip
# Threatening self-harm is emotional behaviour, not a threat at the office-holder: a
# "dreigt" in the same clause as one of these does not count as verbal aggression.
SELF_HARM: Final = (
    "zichzelf iets aan", "zichzelf wat aan", "zich iets aan te doen", "zelfmoord",
    "van kant maken", "zichzelf van kant", "eind aan zijn leven", "eind aan haar leven",
    "zichzelf pijn", "uit het raam springen", "voor de trein",
)  # fmt: skip
# verbale agressie ("jij" talk: mocking, insulting, discriminating, threatening).
VERBAL: Final = (
    "scheld*", "schold*", "gescholden", "uitgescholden", "uitschelden", "belediging*",
    "beledig*", "beledigd", "uitgelachen", "lacht me uit", "lachte me uit", "bespot*",
    "kleinerend", "vernederend", "vernederd", "discrimin*", "racis*", "dreig*", "bedreig*",
    "gedreigd", "jij taal", "jij bent", "je bent een", "kankerlijer", "kut*", "hoer", "tering*",
    "landverrader", "verrader", "schelden of dreigen", "schelden dreigen",
)  # fmt: skip
# fysiek geweld (threatening violence, hitting, spitting, destroying).
PHYSICAL: Final = (
    # not "sla*": that is also "slapen", "slachtoffer"; not "trap*": "trap" is a stair.
    "sla", "slaat", "slaan", "sloeg", "sloegen", "geslagen", "neergeslagen", "klap",
    "klappen", "duw*", "geduwd", "spuug*", "spug*", "spuw*", "gespuugd", "bespuugd",
    "schop*", "geschopt", "trapt", "trapte", "trappen", "getrapt", "gooi*", "gooide",
    "gegooid", "ingegooid", "verniel*", "vernield", "sloopt", "stomp*",
    "gestompt", "knokt", "vecht*", "aangevallen", "valt aan", "valt me aan", "grijpt",
    "greep", "vastgegrepen", "houdt me vast", "trekt aan", "bijt", "mes", "wapen",
    "dreigt met geweld", "dreigde met geweld", "dreigen met geweld", "geweld",
    "in elkaar slaan", "in elkaar te slaan", "slaan spugen vernielen", "slaan of spugen",
)  # fmt: skip

# Words that undo the word they stand next to ("hij dreigde niet", "niet geslagen").
NEGATIONS: Final = ("niet", "geen", "nooit", "zonder", "niemand")
# ... but these are not negations of what follows: "niet alleen gescholden maar ook ...".
NOT_NEGATIONS: Final = ("niet alleen", "niet enkel", "niet zomaar", "niet eens alleen")

# --- questions back (understanding.is_question, understanding.faq) ------------------------

# A question word opens a question when a verb follows it ("wie leest dit"); followed by a
# subject it opens a statement ("wie het was weet ik niet").
QUESTION_WORDS: Final = (
    "wat", "wie", "waarom", "wanneer", "waar", "hoe", "hoeveel", "hoelang", "welke", "welk",
    "waarvoor", "waarheen", "waardoor",
)  # fmt: skip
STATEMENT_AFTER_QUESTION_WORD: Final = (
    "ik", "je", "jij", "u", "hij", "zij", "ze", "we", "wij", "jullie", "het", "een", "die",
    "dat", "de", "mijn", "zijn", "haar", "hun", "er", "precies", "daar",
)  # fmt: skip
# A verb first, then a subject: a yes/no question ("moet ik", "is dit", "komt hij").
QUESTION_VERBS: Final = (
    "moet", "moeten", "kan", "kun", "kunt", "kunnen", "mag", "mogen", "is", "zijn", "ben",
    "krijg", "krijgt", "krijgen", "wordt", "word", "worden", "komt", "kom", "heb", "hebt",
    "heeft", "hebben", "weet", "weten", "gaat", "ga", "gaan", "zal", "zult", "zullen", "zou",
    "zouden", "zie", "ziet", "leest", "lees", "blijft", "hoort", "hoef", "hoeft", "snapt",
    "doe", "doet", "doen",
)  # fmt: skip
QUESTION_SUBJECTS: Final = (
    "ik", "je", "jij", "u", "hij", "zij", "ze", "we", "wij", "jullie", "het", "dit", "dat",
    "er", "mijn", "de", "iemand", "men", "die", "deze", "dan", "iedereen",
)  # fmt: skip

# FAQ topics, tried in this order; the key is the catalogue key of the answer.
FAQ: Final = (
    ("faq_anonymous", (
        "anoniem*", "weet hij", "weet zij", "weten ze", "weet de dader", "weet die man",
        "komt hij te weten", "komt zij te weten", "krijgt hij te zien", "krijgt hij het te",
        "mijn naam", "vertrouwelijk", "geheim", "privé", "prive", "hoort hij",
    )),
    ("faq_who_reads", (
        "wie leest", "wie ziet", "wie krijgt", "wie kan dit", "wie kan mijn", "wie weet",
        "wie kunnen", "naar wie", "wie komt dit", "waar gaat dit naartoe", "waar gaat dit heen",
        "waar komt dit", "wie behandelt", "wie pakt dit",
    )),
    ("faq_police", ("aangifte*", "politie", "de polite", "strafbaar")),
    ("faq_add_later", (
        "later", "toevoegen", "aanvullen", "aanvulling", "nog iets sturen", "vergeten",
        "nog iets kwijt", "achteraf", "nog wat sturen",
    )),
    ("faq_evidence", ("bewijs*", "screenshot*", "schermafbeelding*", "foto*", "opname")),
    ("faq_serious_enough", (
        "erg genoeg", "ernstig genoeg", "zwaar genoeg", "moet ik dit melden",
        "mag ik dit melden", "moet ik dit wel melden", "is dit iets om te melden", "de moeite",
        "zin om te melden", "overdreven", "stelt niks voor", "stelt niets voor", "is dit wel",
        "telt dit", "telt dat", "is dit genoeg", "klein", "aanstellen", "melden waard",
        "het waard",
    )),
    ("faq_what_next", (
        "wat gebeurt er nu", "wat gebeurt er met", "wat gebeurt er daarna", "wat gebeurt er dan",
        "wat gebeurt er hierna", "wat nu", "wat gaat er gebeuren", "wat gaan jullie",
        "wat doen jullie", "wat hierna", "hoe verder", "hoe gaat het verder", "volgende stap",
        "wat gaat er nu", "hoor ik nog", "hoe lang duurt", "wanneer hoor ik", "krijg ik antwoord",
        "krijg ik bericht", "en nu",
    )),
)  # fmt: skip

# --- "weet ik niet" and "none" (understanding.dont_know, understanding.nothing) ------------

DONT_KNOW: Final = (
    "weet ik niet", "weet niet", "ik weet niet", "ik weet het niet", "weet het niet",
    "ik weet het niet meer", "weet ik niet meer", "weet het niet meer", "weet niet meer",
    "geen idee", "geen flauw idee", "geen flauw benul", "geen benul", "onbekend", "wn", "wnr",
    "idk", "geen id", "ik weet t niet", "weet t niet", "weetniet", "weet ik veel",
    "geen idee eigenlijk",
    "geen idee meer", "kan ik niet zeggen", "kan ik me niet herinneren", "weet ik echt niet",
    "weet ik niet precies", "niet bekend", "geen idee wie", "weet ik niet zeker",
    "niet zeker", "geen flauwe notie", "dat weet ik niet", "ik heb geen idee",
)  # fmt: skip
NOTHING: Final = (
    "nee", "neen", "nope", "geen", "geen een", "geeneen", "niets", "niks", "nada", "nvt",
    "n v t", "niet van toepassing", "geen bewijs", "heb ik niet", "heb ik niet gemaakt",
    "heb ik niet bewaard", "heb geen", "niet", "niets meer", "niks meer", "helaas niet",
    "gelukkig niet", "nee hoor", "nee joh", "nee helaas", "geen letsel", "geen schade",
    "niets aan de hand", "niks aan de hand", "er is niets", "er is niks", "niets gebeurd",
    "geen bestanden", "geen foto", "geen fotos", "geen screenshot", "geen screenshots",
    "geen bewijs helaas", "ik heb niets", "ik heb niks", "ik heb geen", "die heb ik niet",
    "dat heb ik niet", "niet gemaakt", "niet bewaard", "verwijderd", "alles is weg",
    "ongedeerd", "niet gewond", "geen verwondingen", "geen pijn", "x", "-",
)  # fmt: skip

# --- what a story says (dialogs/story.py) ---------------------------------------------------

# The kinds of bot/domain/incident.py KINDS, each with the words that name it in a story.
# "anders" is never inferred: it is what the person picks when nothing fits.
STORY_KINDS: Final = (
    ("bedreiging", (
        "dreig*", "bedreig*", "gedreigd", "doodsbedreiging*", "doodsbedreigd", "ik maak je af",
        "we maken je af", "ik weet waar je woont", "we weten waar je woont", "je gaat eraan",
        "pas maar op", "kijk maar uit", "je bent nog niet van me af", "ik kom je halen",
        # veiled threats: "we weten je te vinden", "hij weet waar mijn kinderen ..."
        "weten te vinden", "weet je te vinden", "weten je te vinden", "weet waar ik woon",
        "weet waar mijn kinderen", "weet waar mijn dochter", "weet waar mijn zoon",
        "vermoord*", "doodmaken", "dood maken", "doodschieten", "neerschieten", "neersteken",
        "afmaken", "af te maken", "moeten hangen", "moet hangen", "opknopen", "ophangen",
        "hoogste boom", "kogel", "kogels", "je bent de volgende", "jij bent de volgende",
        "zou opwachten", "ga je opwachten", "moet oppassen", "moet uitkijken", "als ik zo doorga",
        "als je zo doorgaat", "als je doorgaat", "adres online", "mijn adres", "ga maar eens langs",
        "komen langs", "komt langs", "we komen je",
        # "dat hij me wat aan gaat doen": harm announced to the person (not "zichzelf iets aan")
        "me wat aan gaat doen", "me iets aan gaat doen", "me wat aandoen", "me iets aandoen",
        "me wat aan doen", "me iets aan doen", "mij wat aan gaat doen", "mij iets aan gaat doen",
        "mij wat aandoen", "mij iets aandoen", "je wat aan gaat doen", "je iets aandoen",
        "me te pakken", "mij te pakken",
    )),
    ("verbale_agressie", (
        "scheld*", "schold*", "gescholden", "uitgescholden", "uitschelden", "beledig*",
        "belediging*", "uitgelachen", "bespot*", "vernederd", "vernederend", "kleinerend",
        "kanker*", "landverrader", "verrader", "leugenaar", "oplichter", "idioot", "debiel",
        "klootzak", "eikel", "lul", "sukkel", "zakkenvuller", "nazi", "fascist", "hypocriet",
        "vieze", "trut", "domme", "wijf", "uitgemaakt voor", "uitmaken voor", "hoer", "tering*",
        "kut*", "vuile", "schreeuwde tegen",
        "schreeuwde naar", "te schreeuwen", "schreeuwde dat", "schreeuwt dat", "schreeuwen dat",
        "schreeuwend", "stond te tieren", "tierde", "agressief tegen me", "verbaal",
    )),
    ("fysiek_geweld", (
        "sla", "slaat", "slaan", "sloeg", "sloegen", "geslagen", "neergeslagen", "klap",
        "een klap", "duw*", "geduwd", "spuug*", "spuugde", "gespuugd", "bespuugd", "spuwde",
        "schop*", "geschopt", "trapte", "getrapt", "stomp*", "gestompt", "aangevallen",
        "vastgegrepen", "greep me", "greep mij", "bij mijn keel", "gooide naar", "naar me gegooid",
        "trok aan", "trekt aan", "sleurde", "rukte", "naar mij gegooid", "naar mijn hoofd",
        "mishandeld", "mishandeling", "fysiek",
        "gooide", "gooiden", "gooien", "bekogeld",
    )),
    ("online", (
        "online", "internet", "social media", "sociale media", "bericht*", "dm", "dms", "pb",
        "privébericht*", "post", "posts", "gepost", "tweet*", "getweet", "reactie*", "comment*",
        "mail*", "gemaild", "email*", "e mail*", "website", "forum", "filmpje online",
        "appje*", "geappt", "appte", "groepsapp",
    )),
    ("vernieling", (
        "verniel*", "vernield", "bekrast", "ingegooid", "kapot gemaakt", "kapotgemaakt",
        "kapot maken", "kapotmaken", "kapot zou maken", "kapot zal maken", "kapot te maken",
        "beschadigd", "lek gestoken", "banden lek", "beklad", "graffiti", "besmeurd",
        "ingetrapt", "ingeslagen", "opengebroken", "in brand", "geklad", "gekalkt",
        "door het raam", "door de ruit", "ruit kapot", "raam kapot",
    )),
    ("discriminatie", (
        "discrimin*", "racis*", "antisemit*", "homofob*", "seksis*", "vanwege mijn afkomst",
        "om mijn afkomst", "om mijn huidskleur", "vanwege mijn huidskleur",
        "terug naar je eigen land", "vanwege mijn geloof", "om mijn geloof", "hakenkruis",
        "hakenkruizen", "swastika*", "neger*", "flikker*", "zigeuner*", "vieze moslim*",
        "vuile moslim*", "vieze jood", "vuile jood", "kankerjood", "vieze buitenlander*",
        "vuile buitenlander*", "vuile turk*", "vieze turk*", "kut marokkaan*",
    )),
    ("intimidatie", (
        "intimid*", "geïntimideerd", "geintimideerd", "omsingeld", "ingesloten", "stalk*",
        "gestalkt", "achtervolg*", "volgde me", "volgde mij", "opgewacht", "opwachten",
        "wachtte me op", "wachtte mij op", "stond voor mijn deur", "stond voor de deur",
        "voor mijn huis", "bij mijn huis", "bij mij thuis", "filmde me", "filmde mij",
        "fotografeerde", "staarde", "dreigend", "volgt me", "volgt mij", "wacht me", "wacht mij",
        "staart me", "staart hij me", "aanstaren", "aangestaard", "zit me aan te staren",
    )),
    ("emotioneel_gedrag", (
        "huil*", "in tranen", "smeek*", "wil gehoord worden", "wilde gehoord worden",
        "zichzelf iets aan", "zelfmoord", "overstuur", "emotioneel", "wanhopig", "zeurde",
        "bleef maar zeuren",
    )),
)  # fmt: skip

# A clause with one of these announces harm instead of telling it ("hij zou mijn huis in
# brand steken"): its violence and damage words make it a threat (bedreiging), not a deed.
THREAT_MARKERS: Final = ("zou", "zouden", "zal", "zullen", "ga", "gaat", "gaan", "moeten",
                         "wil", "wilde", "dreig*", "bedreig*")  # fmt: skip

# Platforms, as the report names them back, with the words and web addresses for each.
# The bare letter "x" is X only after "op", "via" or "van" (see story._platform).
PLATFORMS: Final = (
    ("X", ("twitter*", "tweet*", "getweet", "op x", "via x", "van x", "x com"),
     ("x.com", "twitter.com")),
    ("Facebook", ("facebook*", "fb"), ("facebook.com", "fb.com", "fb.me")),
    # Not "groepsapp": a group chat may be on any app ("een groepsapp gevonden").
    ("WhatsApp", ("whatsapp*", "appje*", "geappt", "appte"),
     ("wa.me", "whatsapp.com")),
    ("Instagram", ("instagram*", "insta"), ("instagram.com",)),
    ("TikTok", ("tiktok*", "tik tok"), ("tiktok.com",)),
    ("LinkedIn", ("linkedin*",), ("linkedin.com",)),
    ("YouTube", ("youtube*",), ("youtube.com", "youtu.be")),
    ("Telegram", ("telegram*",), ("t.me", "telegram.org")),
    ("Snapchat", ("snapchat*",), ("snapchat.com",)),
    ("Bluesky", ("bluesky*",), ("bsky.app",)),
    ("Mastodon", ("mastodon*",), ()),
    ("e-mail", ("mail", "mails", "mailtje", "mailtjes", "gemaild", "email*", "e mail*"), ()),
)  # fmt: skip

# The last word of a place phrase ("bij de ingang van het gemeentehuis", "op de markt"):
# a word that ends in one of these (so "raadszaal", "stadhuis", "supermarkt" count).
PLACE_ENDINGS: Final = (
    "huis", "zaal", "markt", "plein", "straat", "laan", "weg", "station", "ingang", "uitgang",
    "deur", "kantoor", "school", "winkel", "tuin", "parkeerplaats", "garage", "hal", "kerk",
    "centrum", "park", "bijeenkomst", "vergadering", "café", "cafe", "restaurant", "bus",
    "trein", "kantine", "gang", "lift", "balie", "receptie", "wijk", "buurt", "stalling",
    "bibliotheek", "werk", "terras", "dorp", "stad", "festival", "braderie", "kermis",
    "avond", "debat", "stemlokaal", "perron", "haven", "dijk", "brug", "oprit", "voortuin",
    "tribune", "podium",
)  # fmt: skip
# "avond" above is for "informatieavond"; these are not places although they end so.
NOT_PLACES: Final = ("avond", "gisteravond", "zaterdagavond", "vrijdagavond", "maandagavond",
                     "dinsdagavond", "woensdagavond", "donderdagavond", "zondagavond",
                     "vanavond", "eergisteravond", "weg", "thuis", "onderweg")  # fmt: skip
PLACE_PREPOSITIONS: Final = ("aan", "bij", "in", "op", "voor", "naast", "tegenover", "achter",
                             "tijdens", "buiten", "na afloop van")  # fmt: skip

# "gebroken kaak", "kaak is gebroken", "pijn aan mijn schouder": body parts (story._injury).
BODY_PARTS: Final = (
    "kaak", "neus", "arm", "pols", "been", "rib", "ribben", "vinger", "teen", "sleutelbeen",
    "enkel", "hand", "knie", "schouder", "hoofd", "nek", "rug", "oog", "lip", "tand", "tanden",
)  # fmt: skip
INJURY: Final = (
    ("lichamelijk_letsel", (
        "gewond", "verwond*", "letsel", "lichamelijk letsel", "blauwe plek*", "blauw oog",
        "bloedneus", "bloedde", "bloeden", "bloedend", "pijn", "gebroken neus", "gebroken arm",
        "gebroken pols", "gebroken rib*", "hersenschudding", "snee", "kneuzing*", "gekneusd",
        "bezeerd", "pijn gedaan", "gewond geraakt", "bult", "buil", "schram*", "wond", "wondje",
        "hechting*", "gehecht", "breuk",
        "botbreuk", "pols is gebroken", "arm is gebroken", "neus is gebroken",
        "been is gebroken", "vinger is gebroken", "rib is gebroken",
    )),
    ("psychisch_letsel", (
        "psychisch*", "trauma*", "getraumatiseerd", "slaap slecht", "kan niet slapen",
        "slaap niet meer", "nachtmerrie*", "angstaanval*", "paniekaanval*", "in shock",
        "durf niet meer", "durf ik niet meer", "durf de deur niet", "van slag", "overspannen",
        "angstklachten", "slaap er slecht", "slaap er niet", "slaap slecht",
    )),
    ("ziekenhuis", (
        "ziekenhuis", "seh", "spoedeisende hulp", "eerste hulp", "opgenomen", "ambulance",
    )),
    ("blijvend", ("blijvend*", "litteken*", "blijvende schade")),
)  # fmt: skip
# Said outright: nothing happened to the person (injury ("geen",)).
NO_INJURY: Final = (
    "geen letsel", "niet gewond", "ongedeerd", "geen verwondingen", "geen pijn",
    "niets aan overgehouden", "lichamelijk niets", "gelukkig niet gewond", "geen lichamelijk",
    "niemand gewond", "niemand raakte gewond", "niemand is gewond",
)  # fmt: skip
DAMAGE: Final = (
    "kapot", "kapotte", "deuk", "deuken", "kapotgemaakt", "stuk gemaakt", "is stuk", "zijn stuk",
    "vernield", "verniel*",
    "bekrast", "ingegooid", "beschadigd", "schade", "door het raam", "door de ruit", "lek gestoken",
    "banden lek", "lekke band*",
    "beklad", "graffiti", "besmeurd", "ingetrapt", "ingeslagen", "opengebroken", "in brand",
)  # fmt: skip
NO_DAMAGE: Final = ("geen schade", "niets kapot", "niks kapot", "niets vernield", "niets stuk",
                    "niks stuk", "geen schade aangericht")  # fmt: skip

# The perpetrator is someone the person knows, or a group they can name.
PERP_KNOWN: Final = (
    "ik ken hem", "ik ken haar", "ik ken ze", "ken ik", "ken ik van", "bekende", "bekend van",
    "een bekende", "buurman", "buurvrouw", "buren", "oud collega", "collega", "mijn ex",
    "van de actiegroep", "die man van", "die vrouw van", "dezelfde man", "dezelfde vrouw",
    "dezelfde persoon", "weer die", "ik weet wie", "zijn naam is", "haar naam is", "heet",
    "genaamd", "meneer", "mevrouw", "dhr", "mevr", "actievoerder", "inwoner die ik ken",
    "de voorzitter van", "de eigenaar van", "de directeur van",
    "ik weet wie het is", "ik weet wie het was",
)  # fmt: skip
# Words for a person that a description follows ("een man met een rode jas").
PERSON_WORDS: Final = (
    "man", "vrouw", "jongen", "jongens", "meisje", "meisjes", "kerel", "vent", "persoon",
    "groep", "jongeman", "jonge man", "oudere man", "oudere vrouw", "jongere", "jongeren",
    "dame", "heer", "mannen", "vrouwen", "figuur",
)  # fmt: skip
# What a perpetrator wears or looks like ("hij had een rode jas aan"): a description.
LOOKS: Final = (
    "jas", "jack", "jasje", "trui", "hoodie", "capuchon", "pet", "petje", "muts", "mutsje",
    "bivakmuts", "sjaal", "broek", "spijkerbroek", "shirt", "t-shirt", "overhemd", "vest",
    "bodywarmer", "helm", "bril", "zonnebril", "baard", "snor", "tattoo", "tatoeage",
    "schoenen", "sneakers", "laarzen", "rugzak", "tas", "jurk", "rok", "kapsel",
)  # fmt: skip
# Someone saw it ("mijn buurvrouw zag het"), or nobody did ("niemand zag het").
WITNESSED: Final = (
    "zag het", "zagen het", "zag alles", "zagen alles", "heeft het gezien", "hebben het gezien",
    "heeft alles gezien", "hebben alles gezien", "getuige", "getuigen", "was erbij",
    "waren erbij", "stond erbij", "stonden erbij", "keek toe", "keken toe",
)  # fmt: skip
NOT_WITNESSED: Final = (
    "niemand zag", "niemand heeft het gezien", "niemand heeft iets gezien", "geen getuige*",
    "niemand was erbij", "niemand gezien", "niemand die het zag", "ik was alleen",
)  # fmt: skip
# Work missed ("kon 2 dagen niet werken", "ziek gemeld"): the time-off answer.
TIME_OFF: Final = (
    "niet werken", "niet gewerkt", "niet kunnen werken", "ziek gemeld", "ziekgemeld",
    "ziek thuis", "thuisgebleven", "thuis gebleven", "vrij genomen", "verlof genomen",
)  # fmt: skip
PERP_UNKNOWN: Final = ("anoniem*", "ken hem niet", "ken haar niet", "ken ze niet", "weet niet wie",
                       "onbekende", "anoniem account", "nepaccount", "geen idee wie",
                       "weet ik niet wie")  # fmt: skip
KNOWN_TO_POLICE: Final = (
    "bekende van de politie", "bekend bij de politie", "bekend bij politie",
    "politie kent hem", "politie kent haar", "politie kent ze", "strafblad",
    "al eerder opgepakt", "al eerder gearresteerd", "kent de politie",
)  # fmt: skip
NOT_KNOWN_TO_POLICE: Final = ("niet bekend bij de politie", "niet bekend bij politie",
                              "politie kent hem niet", "politie kent haar niet",
                              "geen strafblad")  # fmt: skip

SERIES: Final = (
    "elke week", "elke dag", "elke maand", "elke keer", "iedere week", "iedere dag",
    "iedere maand", "elke avond", "elke nacht", "elke vergadering", "steeds weer", "telkens",
    "al maanden", "al weken", "al jaren", "al een tijd*", "al tijden", "regelmatig",
    "keer op keer", "de zoveelste keer", "zoveelste", "opnieuw", "alweer", "weer eens",
    "wekelijks", "dagelijks", "maandelijks", "meerdere keren", "meermaals", "vaker",
    "blijft maar", "houdt niet op", "sinds vorige", "sinds de", "sinds maanden",
    "sinds weken", "half jaar", "al een jaar", "al een maand", "voor de zoveelste", "steeds vaker",
    "elke keer weer", "maanden lang",
    "weken lang", "jaren lang", "maandenlang", "wekenlang", "jarenlang",
    # "steeds" alone, but not "steeds bozer" (see story._series)
    "steeds",
)  # fmt: skip
