"""The conversation corpus of issue 9: chats typed as Dutch office-holders type in a bad
moment. Data only (see model.py for what each item means); written for this project.

Classes (`classes`), after the issue's list:
  safety     danger in words at the safety question, or in the first message
  advice     the kind of behaviour and its advice
  story      a story as the first message, in several messages, or too long
  detail     details after "ja,"/"nee," kept with the answer
  late       an answer after a pause of over an hour; "stop" and coming back; a restart
  question   questions back ("is dit anoniem?")
  review     "1" at the review, editing a row
  evidence   files, "verwijder N", "nee/nvt/geen" at the evidence question
  natural    button texts without comma, "jep", "nee joh", thumbs-up, "weet ik niet"
  infer      the story already says where, when, injury, who: not asked again
  dates      date phrases people use; a series; an impossible date refused
  help       "help" and "hulplijn" in the middle of a report
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from tests.conversations.model import (
    Behaviour,
    Chat,
    Cmd,
    Danger,
    File,
    Pause,
    Q,
    Refused,
    Restart,
    T,
    chat,
)

AMS = ZoneInfo("Europe/Amsterdam")

BURGEMEESTER = ("burgemeester", "zeist")
WETHOUDER = ("wethouder", "amersfoort")
RAADSLID = ("gemeenteraadslid", "utrecht")
RAADSLID_KLEIN = ("gemeenteraadslid", "oudewater")
STATENLID = ("statenlid", "provincie-utrecht")
GEDEPUTEERDE = ("gedeputeerde", "provincie-utrecht")
CDK = ("commissaris_van_de_koning", "provincie-utrecht")
DIJKGRAAF = ("dijkgraaf", "hoogheemraadschap-de-stichtse-rijnlanden")
DB_LID = ("dagelijks_bestuurslid", "waterschap-vallei-en-veluwe")
AB_LID = ("algemeen_bestuurslid", "waterschap-rivierenland")
AB_LID_AGV = ("algemeen_bestuurslid", "waterschap-amstel-gooi-en-vecht")


# A story longer than the 4000 characters a message may have: an account, then the group
# chat the person pasted in (as people do).
_PASTED = [
    ("20:14", "die gedeputeerde moet je gewoon opwachten"),
    ("20:15", "ze rijdt in een zwarte auto, kenteken staat op de foto"),
    ("20:21", "zaterdag in woerden is ze er, iedereen komen"),
    ("20:30", "laat maar merken wat we ervan vinden"),
    ("20:44", "ik neem mijn vlaggenstok mee haha"),
    ("21:02", "ze luistert toch niet, dan maar zo"),
    ("21:10", "wie weet waar ze woont"),
    ("21:11", "staat vast ergens op internet"),
    ("21:25", "niet te hard jongens, wel duidelijk"),
    ("21:40", "wij zijn met veel, zij is alleen"),
]
LONG_STORY = (
    "Afgelopen zaterdag was ik bij de boerenmanifestatie in Woerden, op het plein voor het "
    "stadhuis. Ik zou om twee uur de petitie in ontvangst nemen. Een groep mannen omsingelde "
    "mijn auto en sloeg met vlaggenstokken op het dak. Eentje riep dat ze me wel zouden "
    "vinden, ook thuis. De chauffeur is stapvoets weggereden, de politie was er pas later. "
    "Ik heb nog steeds last van mijn nek door het schrikken en ik slaap slecht. Mijn "
    "woordvoerder heeft daarna een groepsapp gevonden waarin dit vooraf werd afgesproken. "
    "Die plak ik hieronder, zodat jullie zien dat het gepland was. "
    + " ".join(
        f"[{day}-11 {time}] Boer{n % 4 + 1}: {text}."
        for day in ("15", "16", "17", "18", "19", "20", "21")
        for n, (time, text) in enumerate(_PASTED)
    )
    + " Tot zover de app. Ik wil graag dat hier iets mee gebeurt, want dit was niet de "
    "eerste keer en de volgende keer loopt het misschien slechter af."
)


CHATS: list[Chat] = [
    # --- safety in words -----------------------------------------------------------------
    chat(
        "burgemeester_iemand_bij_huis",
        BURGEMEESTER,
        "safety advice late",
        [Danger("help er staat iemand bij mijn huis")],
        {
            "behaviour": [
                Behaviour("hij schreeuwt dat ik een landverrader ben", "verbale_agressie")
            ],
            "safe_continue": ["nee eerst even niet", "ja nu wel, politie is er"],
            "safe": ["ja nu wel, politie is er"],
            "what": [
                T(
                    "Om 21u stond er een man op de stoep bij mijn huis. Hij schreeuwde dat ik "
                    "een landverrader ben en dat hij terugkomt. Buren hebben de politie gebeld.",
                    into="what",
                )
            ],
            "where": [T("bij mij thuis in Zeist", into="where")],
            "when": [T("gisteravond rond 21u")],
            "perp_known": ["nee"],
            "witnesses": [T("buurman Henk van nr 12", into="witnesses")],
            "criminal": ["ja"],
        },
        resume=[Pause(hours=2), Cmd("ik ben er weer"), "ja nu wel, politie is er"],
        typical=False,
        facts={"when": "2026-11-24T21:00"},
    ),
    chat(
        "raadslid_nee_voor_de_deur",
        RAADSLID,
        "safety advice",
        ["hallo"],
        {
            "safe": [Danger("nee, hij staat nog voor de deur")],
            "behaviour": [
                Behaviour(
                    "hij bonkt op de deur en roept dat hij me te pakken krijgt", "verbale_agressie"
                )
            ],
            "safe_continue": ["ja ik zit binnen, deur op slot"],
            "what": [
                T(
                    "Na de raadsvergadering liep een man achter me aan naar huis. Hij riep dat "
                    "hij me te pakken krijgt om dat azc besluit.",
                    into="what",
                )
            ],
            "kinds": ["bedreiging"],
            "where": [T("Oudegracht, daarna bij mijn voordeur", into="where")],
            "when": ["vanavond om 22:40"],
            "perp_known": ["onbekend"],
            "witnesses": ["nee"],
            "criminal": ["ja"],
        },
        start=datetime(2026, 11, 25, 23, 5, tzinfo=AMS),
        facts={"when": "2026-11-25T22:40"},
    ),
    chat(
        "wethouder_NEE_slaat",
        WETHOUDER,
        "safety advice",
        ["Hoi"],
        {
            "safe": [Danger("NEE hij slaat om zich heen!!!")],
            "behaviour": [Behaviour("hij slaat en schopt tegen de balie", "fysiek_geweld")],
            "safe_continue": ["nee"],
            "what": [
                T(
                    "Man op het spreekuur werd boos over zijn uitkering en sloeg met een stoel "
                    "tegen de balie. Hij raakte mijn arm.",
                    into="what",
                )
            ],
            "where": [T("spreekuur stadhuis Amersfoort", into="where")],
            "when": ["vanmiddag rond 15:00"],
            "impact": [
                T(
                    "lichamelijk letsel, blauwe plek op mijn arm. de balie is kapot",
                    into="damage",
                    words="blauwe plek op mijn arm. de balie is kapot",
                )
            ],
            "perp_known": ["bekend"],
            "perp_who": [T("meneer die vaker komt, naam weet de receptie", into="perp_who")],
            "criminal": ["ja"],
        },
        resume=[Pause(hours=1.5), "verder"],
        typical=False,
        start=datetime(2026, 11, 25, 16, 30, tzinfo=AMS),
        facts={"when": "2026-11-25T15:00"},
    ),
    chat(
        "statenlid_112",
        STATENLID,
        "safety",
        ["melding"],
        {
            "safe": [Danger("112")],
            "behaviour": [Behaviour("ze duwen me en spugen", "fysiek_geweld")],
            "safe_continue": ["nee later"],
        },
        resume=[Pause(hours=4), "verder"],
        submit=False,
        typical=False,
    ),
    chat(
        "ab_lid_ik_ben_bang",
        AB_LID,
        "safety advice question",
        ["goedemorgen"],
        {
            "safe": [Danger("ik ben bang")],
            "behaviour": [
                Behaviour(
                    "hij huilt en smeekt, zegt dat hij zichzelf iets aandoet", "emotioneel_gedrag"
                )
            ],
            "safe_continue": ["ja"],
            "what": [
                Q("moet ik zelf aangifte doen?"),
                T(
                    "Een boer kwam naar de dijkvergadering. Hij was wanhopig over de "
                    "vernatting van zijn land, hij huilde en zei dat hij zichzelf iets aandoet.",
                    into="what",
                ),
            ],
            "where": [T("zaal van het waterschap in Tiel", into="where")],
            "when": ["maandag rond 20u"],
            "perp_known": ["bekend"],
            "perp_who": [T("boer uit Beesd, naam staat in de presentielijst", into="perp_who")],
        },
        facts={"when": "2026-11-23T20:00"},
    ),
    # --- the story: first message, in parts, too long -------------------------------------
    chat(
        "raadslid_story_first_twitter",
        RAADSLID,
        "story infer",
        [
            T(
                "Ik word sinds gisteravond bedreigd op twitter door een account @wakkerburger, "
                "hij schreef dat ze mijn huis weten te vinden",
                into="what",
            )
        ],
        {
            "perp_known": ["onbekend"],
            "evidence": [T("https://x.com/wakkerburger/status/1862", into="evidence")],
        },
        told={"where": "op twitter", "when": "gisteravond", "kinds": "bedreiging"},
        story_www=True,
    ),
    chat(
        "wethouder_story_in_three",
        WETHOUDER,
        "story infer",
        [
            T("ik moet iets melden van gisteren", into="what"),
            T(
                "bij de opening van het buurthuis in Vathorst kwam een vrouw op me af, ze "
                "schold me uit voor corrupte zakkenvuller",
                into="what",
            ),
            T(
                "en toen gooide ze koffie over mijn jas en duwde me tegen de deur. wethouder "
                "van sport stond ernaast",
                into="what",
            ),
        ],
        {
            "witnesses": [T("collega wethouder Jansen", into="witnesses")],
            "impact": [
                T("schade, jas naar de stomerij", into="damage", words="jas naar de stomerij")
            ],
        },
        told={"where": "buurthuis Vathorst", "when": "gisteren", "kinds": "fysiek geweld"},
        story_www=True,
    ),
    chat(
        "gedeputeerde_long_story",
        GEDEPUTEERDE,
        "story infer detail",
        [
            T(
                LONG_STORY,
                into="what",
                words="Een groep mannen omsingelde mijn auto en sloeg met vlaggenstokken",
            )
        ],
        {
            "perp_known": ["beschrijving"],
            "perp_details": [
                T("groep van 6, een trekker met kenteken VZ-...", into="perp_details")
            ],
            "impact": [
                T(
                    "ja, deuk in het dak van de dienstauto en ik kon 2 dagen niet werken",
                    into="damage",
                    words="deuk in het dak van de dienstauto en ik kon 2 dagen niet werken",
                )
            ],
        },
        told={"where": "Woerden", "when": "afgelopen zaterdag", "kinds": "fysiek geweld"},
        story_www=True,
        facts={"when": "2026-11-21"},
    ),
    chat(
        "dijkgraaf_story_then_more",
        DIJKGRAAF,
        "story infer question",
        [
            T(
                "Gisteren om 14:30 na de inspraakavond in Houten kreeg ik een mail van een "
                "inwoner: 'we weten waar je woont, dijkgraaf'",
                into="what",
            ),
        ],
        {
            "story_more": [
                T("hij stuurde vanochtend nog een mail, nog grover", into="what"),
                "klaar",
            ],
            "what_more": [
                T("hij stuurde vanochtend nog een mail, nog grover", into="what"),
                "klaar",
            ],
            "perp_known": [
                T("ja, het is die actiegroep", into="perp", words="het is die actiegroep")
            ],
            "perp_who": [T("Stop de Peilverhoging, de woordvoerder", into="perp_who")],
            "evidence": [
                Q("heb ik bewijs nodig?"),
                File("mail1.pdf", "application/pdf"),
                File("mail2.pdf", "application/pdf"),
                "klaar",
            ],
        },
        told={"where": "per mail", "when": "gisteren om 14:30", "kinds": "bedreiging"},
        story_www=True,
        facts={"when": "2026-11-24T14:30"},
    ),
    # --- details after yes / no ------------------------------------------------------------
    chat(
        "raadslid_ja_bril_kapot",
        RAADSLID_KLEIN,
        "detail natural",
        ["hoi"],
        {
            "safe": ["jawel"],
            "what": [
                T(
                    "Een man trok aan mijn jas op de markt en mijn bril viel op de grond.",
                    into="what",
                )
            ],
            "kinds": ["fysiek geweld"],
            "where": [T("weekmarkt Oudewater", into="where")],
            "when": ["vanochtend 8u"],
            "perp_known": ["onbekend"],
            "impact": [T("ja, mijn bril is kapot", into="damage", words="mijn bril is kapot")],
            "criminal": ["weet ik niet"],
        },
        facts={"when": "2026-11-25T08:00"},
    ),
    chat(
        "db_lid_nee_met_uitleg",
        DB_LID,
        "detail evidence natural",
        ["Goedemiddag, ik wil iets melden"],
        {
            "safe": ["👍"],
            "what": [
                T(
                    "Tijdens de excursie op de dijk schreeuwde een fietser dat ik een dief ben.",
                    into="what",
                )
            ],
            "kinds": ["verbale agressie"],
            "where": [T("Grebbedijk bij Wageningen", into="where")],
            "when": ["eergisteravond"],
            "perp_known": ["onbekend"],
            "evidence": [
                T("nee, heb geen screenshot gemaakt", words="heb geen screenshot gemaakt")
            ],
            "witnesses": [T("twee collega's van het waterschap", into="witnesses")],
            "impact": ["geen"],
        },
        facts={"when": "2026-11-23"},
    ),
    # --- late, stop, restart ---------------------------------------------------------------
    chat(
        "wethouder_late_answer",
        WETHOUDER,
        "late",
        ["hallo"],
        {
            "what": [T("Iemand heeft mijn banden lek gestoken voor het stadhuis.", into="what")],
            "kinds": ["vernieling"],
            "where": [Pause(hours=3), T("parkeerplaats achter het stadhuis", into="where")],
            "when": ["gisteravond laat"],
            "perp_known": ["weet ik niet"],
            "impact": [T("ja vier banden lek", into="damage", words="vier banden lek")],
        },
        facts={"when": "2026-11-24"},
    ),
    chat(
        "burgemeester_stop_and_back",
        BURGEMEESTER,
        "late natural",
        ["Hallo"],
        {
            "what": [
                T(
                    "Een demonstrant bij het gemeentehuis noemde me een hoer en spuugde naar me.",
                    into="what",
                )
            ],
            "kinds": ["Verbale agressie, Fysiek geweld"],
            "where": [T("bordes gemeentehuis Zeist", into="where")],
            # Stops, and the next day types the answer straight away.
            "when": [Cmd("stop"), Pause(hours=20), T("gisteren rond 2 uur", into="when")],
            "perp_known": ["Nee maar ik kan iets beschrijven"],
            "perp_details": [T("jonge man, rood petje, fiets", into="perp_details")],
        },
        facts={"when": "2026-11-25T14:00"},
    ),
    chat(
        "raadslid_restart_midway",
        RAADSLID,
        "late",
        ["hoi"],
        {
            "what": [
                T(
                    "Op facebook staat een filmpje met mijn gezicht en de tekst 'deze moet weg'.",
                    into="what",
                )
            ],
            "where": [Restart(), T("facebook groep Utrecht Wakker", into="where")],
            "when": ["afgelopen weekend"],
            "perp_known": ["onbekend"],
            "evidence": [
                T("https://facebook.com/groups/utrechtwakker/posts/881", into="evidence"),
                "klaar",
            ],
        },
        told={"kinds": "bedreiging, online"},
        facts={"when": "2026-11-21"},
    ),
    chat(
        "statenlid_nee_to_resume",
        STATENLID,
        "late natural",
        ["hallo"],
        {
            "what": [T("Ik kreeg een brief thuis met een kogel erin getekend.", into="what")],
            "kinds": ["bedreiging"],
            "where": [Pause(hours=5), T("brief kwam bij mij thuis", into="where")],
            "when": ["dinsdag"],
            "perp_known": ["onbekend"],
            "evidence": [File("brief.jpg"), "klaar"],
            "criminal": ["ja"],
        },
        resume=["nee"],
        facts={"when": "2026-11-24"},
    ),
    # --- questions back --------------------------------------------------------------------
    chat(
        "raadslid_is_dit_anoniem",
        RAADSLID_KLEIN,
        "question",
        [Q("is dit anoniem?")],
        {
            "what": [
                Q("wie leest dit?"),
                T("Ik word op whatsapp uitgescholden door iemand uit het dorp.", into="what"),
            ],
            "kinds": ["verbale agressie, online"],
            "where": [T("whatsapp", into="where")],
            "when": ["vorige week donderdag"],
            "perp_known": ["bekend"],
            "perp_who": [T("de eigenaar van de snackbar", into="perp_who")],
            "evidence": [File("screenshot1.png", "image/png"), "klaar"],
        },
        typical=False,
        facts={"when": "2026-11-19"},
    ),
    chat(
        "wethouder_later_aanvullen",
        WETHOUDER,
        "question",
        ["hallo"],
        {
            "what": [
                T(
                    "Bij de hoorzitting riep een insprker dat hij mijn kinderen weet te vinden.",
                    into="what",
                )
            ],
            "kinds": ["bedreiging"],
            "where": [T("raadzaal", into="where")],
            "when": ["vandaag om 19.30"],
            "perp_known": ["bekend"],
            "perp_who": [T("de insprker, staat op de sprekerslijst", into="perp_who")],
            "witnesses": [
                Q("kan ik later nog iets aanvullen?"),
                T("de hele zaal, griffie heeft de opname", into="witnesses"),
            ],
            "criminal": [Q("wat gebeurt er hierna?"), "ja"],
        },
        start=datetime(2026, 11, 25, 22, 15, tzinfo=AMS),
    ),
    # --- the review -----------------------------------------------------------------------
    chat(
        "ab_lid_1_at_review",
        AB_LID_AGV,
        "review",
        ["hallo"],
        {
            "what": [
                T("Man op de inloopavond schold me uit."),
                T(
                    "Man op de inloopavond schold me uit voor idioot en gooide een flyer in "
                    "mijn gezicht.",
                    into="what",
                ),
            ],
            "kinds": ["verbale agressie"],
            "where": [T("inloopavond in Weesp", into="where")],
            "when": ["donderdagavond"],
            "perp_known": ["onbekend"],
        },
        review=["1", "verstuur"],
        typical=False,
        facts={"when": "2026-11-19"},
    ),
    chat(
        "cdk_edit_then_send",
        CDK,
        "review",
        ["Goedenavond"],
        {
            "what": [
                T(
                    "Tijdens een werkbezoek in Veenendaal riep een man dat ik de volgende ben.",
                    into="what",
                )
            ],
            "kinds": ["bedreiging"],
            "where": [
                T("winkelcentrum Veenendaal"),
                T("winkelcentrum Corridor in Veenendaal", into="where"),
            ],
            "when": ["vandaag 11u"],
            "perp_known": ["beschrijving"],
            "perp_details": [T("man van rond de 50, grijze jas", into="perp_details")],
        },
        review=["wijzig 3", "verstuur"],
        typical=False,
        start=datetime(2026, 11, 25, 13, 0, tzinfo=AMS),
        facts={"when": "2026-11-25T11:00"},
    ),
    # --- evidence --------------------------------------------------------------------------
    chat(
        "raadslid_wrong_file",
        RAADSLID,
        "evidence",
        ["hoi"],
        {
            "what": [
                T("Ik krijg dreigende dm's op instagram van een anoniem account.", into="what")
            ],
            "kinds": ["bedreiging, online"],
            "where": [T("instagram", into="where")],
            "when": [T("sinds vorige maand elke week", into="when")],
            "perp_known": ["onbekend"],
            "evidence": [
                File("dm1.png", "image/png"),
                File("vakantie.jpg"),
                "verwijder 2",
                File("dm2.png", "image/png"),
                "klaar",
            ],
        },
    ),
    chat(
        "burgemeester_nee_after_files",
        BURGEMEESTER,
        "evidence natural",
        ["hallo"],
        {
            "what": [T("Er is een steen door het raam van de ambtswoning gegooid.", into="what")],
            "kinds": ["vernieling, intimidatie"],
            "where": [T("ambtswoning", into="where")],
            "when": ["vannacht rond half 3"],
            "perp_known": ["onbekend"],
            "evidence": [File("raam1.jpg"), File("raam2.jpg"), "nee"],
            "impact": [T("ja, ruit kapot", into="damage", words="ruit kapot")],
            "criminal": ["ja"],
        },
        facts={"when": "2026-11-25T02:30"},
    ),
    chat(
        "gedeputeerde_nvt",
        GEDEPUTEERDE,
        "evidence natural",
        ["hallo"],
        {
            "what": [
                T(
                    "Op een informatieavond werd ik uitgelachen en voor leugenaar uitgemaakt.",
                    into="what",
                )
            ],
            "kinds": ["verbale agressie"],
            "where": [T("dorpshuis Lopik", into="where")],
            "when": ["vorige week dinsdag om kwart over 8"],
            "perp_known": ["onbekend"],
            "evidence": ["nvt"],
            "witnesses": ["geen idee"],
        },
        facts={"when": "2026-11-17"},
    ),
    # --- natural replies -------------------------------------------------------------------
    chat(
        "raadslid_jep_thumbs",
        RAADSLID_KLEIN,
        "natural",
        ["Hallo!"],
        {
            "safe": ["jep"],
            "what": [
                T(
                    "iemand plakte stickers met mijn gezicht en 'verrader' op lantaarnpalen",
                    into="what",
                )
            ],
            "kinds": ["intimidatie"],
            "where": [T("rond het stadhuis", into="where")],
            "when": ["afgelopen weekend"],
            "when_ok": ["👍"],
            "perp_known": ["onbekend"],
            "impact": ["nee joh"],
            "criminal": ["weet niet"],
        },
        facts={"when": "2026-11-21"},
    ),
    chat(
        "wethouder_button_texts",
        WETHOUDER,
        "natural",
        ["hallo"],
        {
            "safe": ["Ja"],
            "what": [
                T("Een ondernemer dreigde op kantoor mijn auto in de fik te steken.", into="what")
            ],
            "kinds": ["Bedreiging Intimidatie"],
            "where": [T("mijn werkkamer stadhuis", into="where")],
            "when": ["woensdag kwart voor 10"],
            "perp_known": ["Ja ik weet wie het is"],
            "perp_who": [T("eigenaar van de kroeg op de hoek", into="perp_who")],
            "impact": ["psychisch letsel"],
            "criminal": ["Ja denk het wel"],
        },
        facts={"when": "2026-11-25T09:45"},
    ),
    chat(
        "dijkgraaf_weet_ik_niet",
        DIJKGRAAF,
        "natural dates",
        ["hallo"],
        {
            "what": [
                T("Er zijn bekladdingen op het gemaal met mijn naam en een doodskop.", into="what")
            ],
            "kinds": ["intimidatie, vernieling"],
            "where": [T("gemaal bij Vreeswijk", into="where")],
            "when": ["weet ik niet"],
            "perp_known": ["weet ik niet"],
            "witnesses": ["weet ik niet"],
            "impact": [
                T("schade, schoonmaak van de muur", into="damage", words="schoonmaak van de muur")
            ],
        },
    ),
    # --- inferred from the story, confirmed -----------------------------------------------
    chat(
        "raadslid_story_hospital",
        RAADSLID,
        "infer story",
        [
            T(
                "Gisteravond om 23:00 ben ik na de raadsvergadering bij de fietsenstalling van "
                "het stadskantoor geslagen door een man. Ik ben naar het ziekenhuis gegaan, "
                "hoofdwond gehecht. De politie kent hem al.",
                into="what",
            )
        ],
        {
            "perp_known": ["bekend"],
            "perp_who": [T("ik weet zijn naam niet, de politie wel", into="perp_who")],
            "criminal": ["ja"],
        },
        told={
            "where": "fietsenstalling stadskantoor",
            "when": "gisteravond om 23:00",
            "kinds": "fysiek geweld",
            "injury": "lichamelijk letsel, ziekenhuis",
        },
        story_www=True,
        facts={"when": "2026-11-24T23:00"},
    ),
    chat(
        "wethouder_story_facebook_link",
        WETHOUDER,
        "infer story",
        [
            T(
                "Vanochtend om 7u zag ik op facebook https://facebook.com/posts/99812 dat "
                "iemand mijn adres heeft gedeeld met 'ga maar langs'.",
                into="what",
            )
        ],
        {"perp_known": ["onbekend"], "criminal": ["ja"]},
        told={
            "where": "facebook",
            "when": "vanochtend om 7u",
            "kinds": "intimidatie, online",
            "evidence": "https://facebook.com/posts/99812",
        },
        story_www=True,
        facts={"when": "2026-11-25T07:00"},
    ),
    chat(
        "statenlid_story_mail",
        STATENLID,
        "infer story",
        [
            T(
                "Ik kreeg maandag rond 20u een mail met 'jij bent de volgende, wij weten waar "
                "je kinderen op school zitten'",
                into="what",
            )
        ],
        {
            "perp_known": ["onbekend"],
            "evidence": [File("mail.pdf", "application/pdf"), "klaar"],
            "impact": [T("psychisch, slaap slecht", into="injury", words="slaap slecht")],
            "criminal": ["ja"],
        },
        told={"where": "per mail", "when": "maandag rond 20u", "kinds": "bedreiging, online"},
        story_www=True,
        facts={"when": "2026-11-23T20:00"},
    ),
    # --- dates -----------------------------------------------------------------------------
    chat(
        "raadslid_kerstavond",
        RAADSLID_KLEIN,
        "dates",
        ["hallo"],
        {
            "what": [
                T(
                    "Op de kerstmarkt riep een man dat ik een landverrader ben en hij duwde me.",
                    into="what",
                )
            ],
            "kinds": ["verbale agressie, fysiek geweld"],
            "where": [T("kerstmarkt op het marktplein", into="where")],
            "when": ["kerstavond"],
            "perp_known": ["onbekend"],
        },
        start=datetime(2026, 12, 27, 11, 0, tzinfo=AMS),
        facts={"when": "2026-12-24"},
    ),
    chat(
        "wethouder_vanavond_after_midnight",
        WETHOUDER,
        "dates",
        ["hallo"],
        {
            "what": [
                T("Bij de sporthal schreeuwde een ouder dat ik mijn bek moet houden.", into="what")
            ],
            "kinds": ["verbale agressie"],
            "where": [T("sporthal Nieuwland", into="where")],
            "when": ["vanavond om 23u"],
            "perp_known": ["onbekend"],
        },
        start=datetime(2026, 11, 26, 0, 20, tzinfo=AMS),
        facts={"when": "2026-11-25T23:00"},
    ),
    chat(
        "ab_lid_32_november",
        AB_LID,
        "dates",
        ["hallo"],
        {
            "what": [
                T(
                    "Een agrariër zette zijn trekker voor mijn auto en liet me niet weg.",
                    into="what",
                )
            ],
            "kinds": ["intimidatie"],
            "where": [T("erf van de boerderij aan de Lingedijk", into="where")],
            "when": [Refused("32 november"), "30 november"],
            "perp_known": ["bekend"],
            "perp_who": [T("de agrariër zelf", into="perp_who")],
        },
        start=datetime(2026, 12, 2, 9, 0, tzinfo=AMS),
        facts={"when": "2026-11-30"},
    ),
    chat(
        "db_lid_series",
        DB_LID,
        "dates",
        ["hallo"],
        {
            "what": [
                T(
                    "Ik krijg steeds voicemails van dezelfde man die zegt dat ik moet oppassen.",
                    into="what",
                )
            ],
            "kinds": ["bedreiging, intimidatie"],
            "where": [T("op mijn telefoon", into="where")],
            "when": [T("sinds vorige maand elke week", into="when")],
            "perp_known": ["bekend"],
            "perp_who": [T("een inwoner uit Ede, nummer staat in de voicemail", into="perp_who")],
            "evidence": [File("voicemail.m4a", "audio/mp4"), "klaar"],
        },
    ),
    # --- dates around the clock changes and a holiday -------------------------------------
    chat(
        "gedeputeerde_summer_time_night",
        GEDEPUTEERDE,
        "dates",
        ["goedemorgen"],
        {
            "what": [
                T(
                    "Vannacht om 3 uur belde iemand aan bij mijn huis en riep door de "
                    "brievenbus dat ik moet opletten.",
                    into="what",
                )
            ],
            "perp_known": ["onbekend"],
            "witnesses": [T("mijn partner", into="witnesses")],
            "criminal": ["ja"],
        },
        told={"where": "bij mijn huis", "when": "vannacht om 3 uur", "kinds": "bedreiging"},
        story_www=True,
        start=datetime(2026, 3, 29, 9, 30, tzinfo=AMS),  # the night the clocks go forward
        facts={"when": "2026-03-29T03:00"},
    ),
    chat(
        "raadslid_winter_time_evening",
        RAADSLID,
        "dates",
        ["hoi"],
        {
            "what": [
                T("Na het debat werd ik in de hal uitgescholden door twee jongens.", into="what")
            ],
            "kinds": ["verbale agressie"],
            "where": [T("hal van het stadhuis", into="where")],
            "when": ["gisteravond om 23:00"],
            "perp_known": ["beschrijving"],
            "perp_details": [T("twee jongens met scooterhelmen", into="perp_details")],
        },
        start=datetime(2026, 10, 25, 11, 0, tzinfo=AMS),  # the day the clocks go back
        facts={"when": "2026-10-24T23:00"},
    ),
    chat(
        "wethouder_koningsdag",
        WETHOUDER,
        "dates natural",
        ["hallo"],
        {
            "what": [
                T(
                    "Op de vrijmarkt pakte een man mijn arm vast en siste dat hij me wel "
                    "weet te vinden.",
                    into="what",
                )
            ],
            "kinds": ["bedreiging, fysiek geweld"],
            "where": [T("vrijmarkt op de Hof", into="where")],
            "when": ["op koningsdag rond 4 uur 's middags"],
            "perp_known": ["nee"],
            "impact": ["nee hoor"],
        },
        start=datetime(2026, 4, 29, 9, 0, tzinfo=AMS),
        facts={"when": "2026-04-27T16:00"},
    ),
    # --- help at any point -----------------------------------------------------------------
    chat(
        "burgemeester_hulplijn",
        BURGEMEESTER,
        "help question",
        ["hallo"],
        {
            "what": [
                Cmd("hulplijn"),
                T(
                    "Ik word al weken gestalkt door een vrouw die overal opduikt waar ik ben.",
                    into="what",
                ),
            ],
            "kinds": ["intimidatie"],
            "where": [T("bij alle openbare afspraken", into="where")],
            "when": [T("sinds september elke week", into="when")],
            "perp_known": ["bekend"],
            "perp_who": [T("een vrouw uit Zeist, naam bekend bij de bode", into="perp_who")],
            "impact": [Cmd("hulplijn"), "psychisch letsel"],
        },
    ),
    chat(
        "raadslid_two_roles",
        [RAADSLID_KLEIN, AB_LID],
        "roles natural",
        ["hallo"],
        {
            "role": ["waterschap"],
            "what": [T("Op de dijk werd ik uitgescholden door een visser.", into="what")],
            "kinds": ["verbale agressie"],
            "where": [T("Lekdijk bij Schoonhoven", into="where")],
            "when": ["zondagmiddag"],
            "perp_known": ["onbekend"],
        },
        files_under="algemeen_bestuurslid@waterschap-rivierenland",
        facts={"when": "2026-11-22"},
    ),
]
