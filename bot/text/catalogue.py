"""Every text the bot says, in Dutch at B1 level: short sentences, plain words.

One catalogue, so that wording is reviewed in one place. Look texts up with `say(key,
**values)`; a missing key or value is a programming error and raises at once.
"""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, str]] = {
    # --- channel-level replies (adapters use these) ---
    "group_not_supported": (
        "Ik werk alleen in een chat met één persoon. Stuur me een bericht in een "
        "eigen chat. Ben je in gevaar? Bel 112."
    ),
    "file_too_large": (
        "Dit bestand is te groot ({size}). Het mag hoogstens {limit} zijn. "
        "Stuur een kleiner bestand, of een link."
    ),
    "file_not_accepted": (
        "Dit soort bestand kan ik niet bewaren ({kind}). Stuur een foto, een "
        "geluidsopname, een pdf of een link."
    ),
    "file_kind_unknown": "onbekend",
    "message_too_long": (
        "Je bericht is te lang. Ik heb het niet bewaard. Maak het korter dan {limit} "
        "tekens, of stuur het in delen."
    ),
    "unknown_sender": (
        "Hallo. Dit is Weerbaar: hier melden politieke ambtsdragers in de provincie "
        "Utrecht agressie, bedreiging en intimidatie. Je bent nog niet aangemeld. "
        "Wil je dit gebruiken? Vraag dan je griffier of secretaris om je aan te melden. "
        "Ben je nu in gevaar? Bel 112."
    ),
    # An apology never says a message was kept when it was not: "sorry_not_saved" when
    # the turn was rolled back, "sorry_error" when it is not known.
    "welcome": (
        "Hallo, ik ben Weerbaar. Bij mij meld je agressie, bedreiging en intimidatie "
        "tegen politieke ambtsdragers in de provincie Utrecht. Een melding gaat naar de "
        "afhandelaar van je organisatie."
    ),
    "welcome_reporter": "Wil je iets melden? Stuur me dan een bericht. Ben je in gevaar? Bel 112.",
    "welcome_handler": (
        "Jij handelt meldingen af. Nieuwe meldingen voor jou komen hier in deze chat binnen."
    ),
    "sorry_error": (
        "Sorry, er ging iets mis aan mijn kant. Probeer het over een paar minuten "
        "nog eens. Ben je in gevaar? Bel 112."
    ),
    "sorry_not_saved": (
        "Sorry, er ging iets mis aan mijn kant. Je laatste bericht is niet bewaard. "
        "Wat je eerder stuurde, is wel bewaard. Stuur het over een paar minuten nog eens. "
        "Ben je in gevaar? Bel 112."
    ),
    "not_allowed": "Dit mag je niet doen bij deze melding. Er is niets veranderd.",
    # --- the local (terminal) channel ---
    "local_intro": (
        "(Typ je bericht en druk op Enter. '/bestand PAD' stuurt een bestand. '/exit' sluit af.)"
    ),
    "local_file_missing": "(Dit bestand kan ik niet vinden: {path})",
    "local_unreadable": (
        "(Een paar tekens kon ik niet lezen. Ik heb ze vervangen door \ufffd. "
        "De rest van je bericht komt goed aan.)"
    ),
    # --- the report flow ---
    # --- the report flow (helper `intake`, issue 9) ---
    "greeting": "Hallo {name}.",
    "intro": (
        "Fijn. Ik stel je een paar korte vragen. Alles wat je typt, bewaar ik meteen. "
        "Typ 'stop' om te pauzeren of 'terug' voor de vorige vraag. Heb je een vraag? "
        "Stel hem gerust."
    ),
    # The report flow's "help" when it has no help text for the person (bot/cases/helplines.py
    # builds the one with their own route and contacts).
    "help": (
        "Met Weerbaar meld je wat er is gebeurd. Je melding gaat naar je organisatie. "
        "Die neemt contact met je op.\n"
        "Ben je in gevaar? Bel 112.\n"
        "Typ 'stop' om te pauzeren, 'terug' voor de vorige vraag, 'waarom' voor uitleg."
    ),
    "paused": (
        "Goed, we stoppen even. Je antwoorden zijn bewaard. Stuur me een bericht als je "
        "verder wilt. Ben je in gevaar? Bel 112."
    ),
    "paused_unsafe": (
        "Goed. Zorg eerst dat je veilig bent. Ben je in gevaar? Bel 112. Je antwoorden zijn "
        "bewaard. Stuur me een bericht als je verder wilt."
    ),
    "still_paused": (
        "Goed. Je melding blijft bewaard. Stuur me een bericht als je verder wilt. "
        "Ben je in gevaar? Bel 112."
    ),
    "resume_question": (
        "Je was bezig met een melding. De open vraag was:\n{question}\n\n"
        "Typ je antwoord, of kies hieronder. Opnieuw beginnen gooit de oude melding weg."
    ),
    "draft_open": (
        "Je was bezig met een melding. De open vraag was:\n{question}\n\n"
        "Typ je antwoord. Wil je opnieuw beginnen? Typ dan 'opnieuw'."
    ),
    "choice_resume": "Verder met mijn melding",
    "choice_restart": "Opnieuw beginnen",
    "resumed": "Fijn dat je terug bent. We gaan verder waar je was.",
    # intake2: a late answer from someone who was not safe before: kept, then safety first
    "late_kept_recheck": "Fijn dat je terug bent. Je antwoord is bewaard. Eerst even dit:",
    "safe_again": "Fijn. We gaan verder waar je was.",
    "no_back": "Dit is de eerste vraag.",
    "skipped": "(overgeslagen)",
    "yes": "Ja",
    "no": "Nee",
    "edit_applied": "Ik heb je antwoord aangepast: {label}.",
    "ask_safe": "Ben je nu veilig? In gevaar? Bel 112.",
    "reask_safe": "Ben je nu veilig? Typ 'ja' of 'nee'. In gevaar? Bel 112.",
    "why_safe": "Je veiligheid gaat voor alles. Daarom vraag ik dit eerst.",
    "story_kept": "Dank je. Ik heb bewaard wat je schreef.",
    "unsafe_advice": (
        "Ben je in direct gevaar? Bel 112.\n"
        "Ga eerst naar een veilige plek. Waarschuw daarna iemand in de buurt. "
        "Je eigen veiligheid gaat voor."
    ),
    "ask_behaviour": "Wat gebeurt er?",
    "why_behaviour": "Dan kan ik je zeggen wat je nu het beste kunt doen.",
    "behaviour_emotioneel": "Iemand is boos of emotioneel",
    "behaviour_verbaal": "Iemand scheldt of dreigt",
    "behaviour_fysiek": "Iemand slaat, spuugt of vernielt",
    "advice_emotioneel": (
        "Iemand is boos of emotioneel. Laat merken dat je het begrijpt. Luister. "
        "Ga niet in discussie. Voel je je niet veilig? Ga dan weg."
    ),
    "advice_verbaal": (
        "Iemand scheldt of dreigt. Zeg dat dit niet kan. Vraag de persoon te stoppen. "
        "Gaat het door? Stop dan het gesprek. Laat de persoon wegbrengen door de beveiliging. "
        "Wil de persoon niet weg? Bel de politie."
    ),
    "advice_fysiek": (
        "Iemand slaat, spuugt of vernielt. Stop het contact meteen. Stuur de persoon weg. "
        "Roep de beveiliging. Zorg eerst voor je eigen veiligheid. Dit is strafbaar: er "
        "komt altijd een aangifte bij de politie."
    ),
    "ask_safe_continue": (
        "Ben je nu op een veilige plek, en wil je verder met de melding? "
        "Nog in gevaar? Bel 112. Liever later? Typ 'stop'."
    ),
    "ask_role": "In welke rol gebeurde het?",
    "why_role": "Je hebt meer dan één functie. De rol bepaalt wie je melding afhandelt.",
    "role_in_org": "{role}, {org}",
    "ask_what": (
        "Wat is er gebeurd? Vertel het in je eigen woorden. Wat, waar, wanneer en wie: "
        "alles helpt. Je mag meer berichten sturen."
    ),
    "reask_what": "Ik heb nog niets gelezen. Vertel kort wat er is gebeurd.",
    "why_what": "Met jouw woorden ziet je organisatie goed wat er nodig is.",
    "ask_what_ok": "{question}",
    "why_what_ok": "Wat je verhaal al zegt, hoef ik niet meer te vragen.",
    "story_found": ("Ik lees: {facts}. Klopt dat? Wil je nog iets toevoegen? Typ het dan gewoon."),
    "story_add": "Dank je. Wil je nog iets toevoegen? Typ het dan. Zo niet, typ 'klaar'.",
    "story_added": "Dank je. Ik heb het toegevoegd aan je verhaal.",
    "choice_story_right": "Ja, klopt",
    "choice_story_wrong": "Nee, klopt niet",
    "choice_story_done": "Klaar",
    "story_online_on": "online op {platform}",
    "story_perp": "door {who}",
    "story_damage": "schade",
    "story_series": "het gebeurt vaker",
    "story_criminal": "strafbaar",
    "perp_known_to_police": "Bekend bij de politie",
    "value_unknown": "Onbekend",
    "value_none": "Geen",
    "ask_kinds": "Wat past hierbij? Je mag meer kiezen, bijvoorbeeld: 2, 3",
    "why_kinds": "Zo ziet je organisatie welke soorten incidenten vaker gebeuren.",
    "ask_where": "Waar gebeurde het? Was het online? Noem dan het platform of de link.",
    "reask_where": "Noem kort de plek, of het platform als het online was.",
    "why_where": "De plek helpt bij maatregelen en bij een melding bij de politie.",
    "ask_when": (
        "Wanneer gebeurde het? Bijvoorbeeld: 'gisteren om 14:30', 'vanochtend' of "
        "'12 november 20:00'."
    ),
    "why_when": ("Er zijn termijnen. Binnen 72 uur na het incident worden maatregelen besproken."),
    "when_unknown": (
        "Dat begrijp ik niet als datum. Probeer het zo: 'gisteren om 14:30', 'vanochtend', "
        "'vorige week dinsdag' of '12-11 20:00'."
    ),
    "when_future": "{when} is nog niet geweest. Wanneer gebeurde het?",
    "ask_when_ok": "Ik lees: {when}. Klopt dat?",
    "when_again": "Geen probleem. Typ het nog een keer.",
    "when_noted": "Ik noteer: {when}. Klopt dat niet? Typ dan 'terug'.",
    "when_with_series": "{when} (het gebeurt vaker)",
    # how a "when" reads back (bot/text/format.py describe_when)
    "when_at": "{day} om {time}",
    "when_whole_day": "{day} (hele dag, geen tijd)",
    "when_whole_week": "de week van {first} tot en met {last} (hele week, geen dag)",
    "when_whole_month": "{month} (hele maand, geen dag)",
    "when_whole_year": "{year} (heel jaar, geen dag)",
    "when_day_part": "{day}, {part} (tussen {start} en {end})",
    "when_between": "tussen {first_day} {first} en {last_day} {last}",
    "day_part_ochtend": "'s ochtends",
    "day_part_middag": "'s middags",
    "day_part_avond": "'s avonds",
    "day_part_nacht": "'s nachts",
    "ask_perp_known": (
        "Weet je wie het deed? Typ een naam, of beschrijf de persoon. "
        "Weet je het niet? Typ 'weet ik niet'."
    ),
    # intake2: an answer that belongs to a later question, kept there
    "kept_for_witnesses": "Dank je. Dat zet ik bij de getuigen.",
    "story_witnesses": "gezien door: {who}",
    "story_no_witnesses": "geen getuigen",
    "why_perp": (
        "Er komt altijd een reactie naar wie het deed. Daarvoor moeten we weten wie het is."
    ),
    "perp_bekend": "Ja, ik weet wie het is",
    "perp_beschrijving": "Nee, maar ik kan iets beschrijven",
    "perp_onbekend": "Nee, onbekend",
    "ask_perp_who": "Wie was het? Geef een naam, of beschrijf de persoon of groep.",
    "ask_perp_details": (
        "Weet je nog meer? Bijvoorbeeld hoe de persoon eruitzag, een kenteken of een naam "
        "online. Typ 'overslaan' als je dat niet weet."
    ),
    "why_perp_details": "Kenmerken helpen de politie. Maak alleen een foto als dat veilig is.",
    "reask_text": "Typ een kort antwoord, of 'overslaan'.",
    "ask_witnesses": (
        "Heeft iemand het gezien? Noem namen of hoe we ze kunnen bereiken. "
        "Typ 'overslaan' als er geen getuigen waren."
    ),
    "why_witnesses": "Getuigen maken een melding of aangifte sterker.",
    "ask_evidence": (
        "Heb je bewijs? Stuur foto's, schermafbeeldingen, brieven, e-mails of links. "
        "Typ 'klaar' als je alles hebt gestuurd. Typ 'overslaan' als je niets hebt."
    ),
    "why_evidence": "Bewijs helpt bij maatregelen en bij aangifte. Bewaar ook het origineel.",
    "evidence_received": ("Ontvangen:\n{items}\nVerkeerd bestand? Typ 'verwijder' en het nummer."),
    "evidence_removed": "Ik heb {name} weggehaald. Nu heb ik:\n{items}",
    # After files: the next question comes in the same message (issue 9, fewer messages).
    "evidence_or_go_on": (
        "Nog meer bewijs? Stuur het gewoon. Klaar? Geef dan antwoord op de vraag hieronder."
    ),
    "evidence_more_or_done": "Stuur meer, of typ 'klaar'.",
    "evidence_no_such_file": "Bestand {n} heb ik niet. Kijk naar de nummers in de lijst.",
    "evidence_links": "{n} link(s)",
    "evidence_files": "{n} bestand(en): {names}",
    "evidence_notes": "{n} notitie(s)",
    "evidence_empty": "(nog niets)",
    "files_kept_elsewhere": "Ik heb je bestand bewaard bij het bewijs.",
    "ask_injury": (
        "Heb je letsel of schade aan je gezondheid? Je mag meer kiezen, bijvoorbeeld: 1, 2"
    ),
    "why_injury": ("Bij letsel moet je organisatie binnen 24 uur de Arbeidsinspectie waarschuwen."),
    # intake2: one question for injury, damage and time off (dialogs/flows/report/parsers.py impact)
    "ask_impact": (
        "Is er letsel, schade aan spullen of kon je niet werken? "
        "Kies wat klopt, bijvoorbeeld: 1, 4. Of typ 'nee'."
    ),
    "why_impact": (
        "Bij letsel moet je organisatie binnen 24 uur de Arbeidsinspectie waarschuwen. "
        "Wie het deed, betaalt de schade en de werktijd die je kwijt was."
    ),
    "impact_schade": "Schade aan spullen",
    "impact_niet_werken": "Kon niet werken",
    "impact_which": "Wat klopt? Kies een of meer nummers, bijvoorbeeld: 1, 4. Of typ 'nee'.",
    "ask_damage": "Is er schade aan spullen, van jou of van je organisatie?",
    "why_damage": "Wie het deed, betaalt altijd de schade.",
    "ask_time_off": "Kon je (een tijd) niet werken door het incident?",
    "why_time_off": "Wie het deed, betaalt ook de werktijd die je kwijt was.",
    "injury_which": "Wat voor letsel? Kies een of meer nummers, bijvoorbeeld: 1, 2",
    "ask_criminal": (
        "Denk je dat het strafbaar is? Bijvoorbeeld bedreiging, mishandeling, vernieling of "
        "discriminatie. Dan maakt je organisatie een afspraak met de politie. Jij hoeft "
        "zelf geen aangifte te doen."
    ),
    "why_criminal": "Bij een strafbaar feit volgt binnen 2 werkdagen een afspraak met de politie.",
    "criminal_ja": "Ja",
    "criminal_nee": "Nee",
    "criminal_weet_niet": "Weet ik niet",
    "reask_yes_no": "Antwoord met 'ja' of 'nee'.",
    "reask_choice": "Dat herken ik niet. Kies een nummer uit de lijst.",
    "reask_several": "Dat herken ik niet. Kies een of meer nummers, bijvoorbeeld: 1, 3",
    "review_title": "Jouw melding",
    "review_intro": (
        "Kijk je melding na. Typ 'wijzig' en het nummer om iets aan te passen, bijvoorbeeld "
        "'wijzig 2'. Typ 'verstuur' als alles klopt."
    ),
    "review_reask": "Typ 'verstuur', of 'wijzig' met een nummer, bijvoorbeeld 'wijzig 2'.",
    "review_which": (
        "Wil je {n} aanpassen? Typ dan 'wijzig {n}'. Klopt alles? Typ dan 'verstuur'. "
        "Ik verstuur niets zonder dat woord."
    ),
    "message_cut": (
        "Je bericht is lang. Ik heb de eerste {limit} tekens bewaard. Stuur de rest in een "
        "volgend bericht. Dan voeg ik het toe."
    ),
    "message_continued": "Dank je. Ik heb het toegevoegd.",
    "why_review": "Zo weet je zeker dat alles klopt voordat je melding verstuurd wordt.",
    "choice_send": "Versturen",
    "label_role": "Rol",
    "label_what": "Wat er gebeurde",
    "label_kinds": "Soort",
    "label_where": "Waar",
    "label_when": "Wanneer",
    "label_perp_known": "Weet wie het deed",
    "label_perp_who": "Wie",
    "label_perp_details": "Kenmerken",
    "label_witnesses": "Getuigen",
    "label_evidence": "Bewijs",
    "label_injury": "Letsel",
    "label_damage": "Schade",
    "label_time_off": "Niet kunnen werken",
    "label_criminal": "Strafbaar",
    "kind_emotioneel_gedrag": "Emotioneel gedrag",
    "kind_verbale_agressie": "Verbale agressie",
    "kind_bedreiging": "Bedreiging",
    "kind_intimidatie": "Intimidatie",
    "kind_discriminatie": "Discriminatie",
    "kind_fysiek_geweld": "Fysiek geweld",
    "kind_vernieling": "Vernieling",
    "kind_online": "Online",
    "kind_anders": "Anders",
    "injury_lichamelijk_letsel": "Lichamelijk letsel",
    "injury_psychisch_letsel": "Psychisch letsel",
    "injury_ziekenhuis": "Opname in het ziekenhuis",
    "injury_blijvend": "Blijvende schade",
    "injury_geen": "Geen letsel",
    # --- after submitting ---
    "informed": "Ook op de hoogte (zonder details): {informed}.",
    # the informed parties (bot/domain/routing.py InformedParty), as a list reads them
    "informed_minister_bzk": "Minister van BZK",
    "informed_cdk": "Commissaris van de Koning",
    "informed_statengriffier": "statengriffier",
    "informed_griffier": "griffier",
    "informed_burgemeester": "burgemeester",
    "informed_secretaris": "secretaris",
    "informed_dijkgraaf": "dijkgraaf",
    "home_address": (
        "Tip: geef nooit je huisadres. Zeg bij de politie dat je een publieke functie hebt. "
        "Dan gebruiken ze het adres van je organisatie."
    ),
    "helplines_intro": "Wil je met iemand praten? Je kunt bellen met:",
    "helpline_line": "- {name} ({purpose}): {number}",
    "not_a_reporter": (
        "Je bent bij Weerbaar aangemeld als {roles}. Meldingen voor jou komen hier binnen. "
        "Wil je zelf iets melden? Vraag dan je griffier of secretaris om je aan te melden "
        "als politieke ambtsdrager."
    ),
    "case_routed_handler": (
        "Nieuwe melding {reference}: {role} van {org}. {unsafe}Soort: {kinds}. "
        "Wanneer: {when}. {serious}Lees de hele melding: typ 'toon {reference}', of kies "
        "Bekijk melding in Teams."
    ),
    "case_routed_serious": "Ernstig incident: waarschuw binnen 24 uur de Arbeidsinspectie. ",
    "case_routed_serious_asap": (
        "Ernstig incident: de 24 uur na het incident zijn voorbij. Waarschuw zo snel "
        "mogelijk de Arbeidsinspectie. "
    ),
    "case_routed_unsafe": "Niet veilig tijdens het melden. ",
    # the mark on a serious case in the operator's `weerbaar cases list`
    "cases_list_serious": "ERNSTIG",
    # --- role names ---
    "role_commissaris_van_de_koning": "Commissaris van de Koning",
    "role_gedeputeerde": "gedeputeerde",
    "role_statenlid": "Statenlid",
    "role_burgemeester": "burgemeester",
    "role_wethouder": "wethouder",
    "role_gemeenteraadslid": "gemeenteraadslid",
    "role_dijkgraaf": "dijkgraaf",
    "role_dagelijks_bestuurslid": "dagelijks bestuurslid",
    "role_algemeen_bestuurslid": "algemeen bestuurslid",
    "role_provinciesecretaris": "De provinciesecretaris",
    "role_statengriffier": "De statengriffier",
    "role_gemeentesecretaris": "De gemeentesecretaris",
    "role_griffier": "De griffier",
    "role_secretaris_directeur": "De secretaris-directeur",
    "role_secretaris": "De secretaris",
    "role_coordinator_vpt": "provinciale coördinator VPT",
    # --- deadlines, reminders, handler commands and check-ins (issue 5) ---
    "role_plaatsvervanger_provinciesecretaris": "De plaatsvervangend provinciesecretaris",
    "role_plaatsvervanger_statengriffier": "De plaatsvervangend statengriffier",
    "role_plaatsvervanger_gemeentesecretaris": "De plaatsvervangend gemeentesecretaris",
    "role_plaatsvervanger_griffier": "De plaatsvervangend griffier",
    "role_plaatsvervanger_secretaris_directeur": "De plaatsvervangend secretaris-directeur",
    "role_plaatsvervanger_secretaris": "De plaatsvervangend secretaris",
    "deadline_acknowledge": "de ontvangst van de melding bevestigen",
    "deadline_measures": "met de melder maatregelen tegen de pleger afspreken",
    "deadline_incident_talk": "het incidentgesprek met de pleger voeren",
    "deadline_police": "een afspraak met de politie maken",
    "deadline_arbeidsinspectie": "de Arbeidsinspectie waarschuwen",
    "deadline_recovery_talk": "het herstelgesprek voeren (de maatregelen lopen af)",
    # the word a handler types after "gedaan REF" or "later REF"
    "deadline_word_acknowledge": "ontvangst",
    "deadline_word_measures": "maatregelen",
    "deadline_word_incident_talk": "incidentgesprek",
    "deadline_word_police": "politie",
    "deadline_word_arbeidsinspectie": "arbeidsinspectie",
    "deadline_word_recovery_talk": "herstelgesprek",
    "reminder_before": (
        "Herinnering bij melding {reference} ({org}): {task}. Dat moet uiterlijk {due}."
    ),
    "reminder_overdue": (
        "De termijn is voorbij bij melding {reference} ({org}): {task}. Dat moest uiterlijk {due}."
    ),
    "reminder_escalation": (
        "Hulp nodig bij melding {reference} ({org}): {task} is nog niet gedaan. Dat moest "
        "uiterlijk {due}. {handler} heeft al een herinnering gekregen. Kun jij zorgen dat "
        "het gebeurt?"
    ),
    "reminder_actions": (
        "Is het gedaan? Typ: gedaan {reference} {word}\n"
        "Meer tijd nodig? Typ: later {reference} {word} en de reden."
    ),
    "reminder_late": "Let op: dit bericht komt te laat. Het had {planned} moeten komen.",
    # --- access (issue 11): reminders addressed to whom they reach ---
    "reminder_own_overdue": (
        "Je hebt dit nog niet gedaan bij melding {reference} ({org}): {task}. Dat moest "
        "uiterlijk {due}."
    ),
    "case_routed_stand_in": (
        "Er is geen {handler} van {org} bereikbaar via Weerbaar. Daarom krijg jij deze "
        "melding. Neem je hem in behandeling?"
    ),
    # casework2: the close after a report when the handler cannot be reached, in one
    # message with the thanks and the reference (bot/cases/helplines.py close_texts).
    # {handler} starts a sentence ("De griffier"), {mid} is the same inside one.
    "submitted_to_deputy": (
        "Dank je. Je melding is verstuurd. Je kenmerk is {reference}.\n"
        "{handler} van {org} is nu niet bereikbaar via Weerbaar. Daarom krijgt de "
        "plaatsvervanger je melding nu."
    ),
    "submitted_to_coordinator": (
        "Dank je. Je melding is verstuurd. Je kenmerk is {reference}.\n"
        "{handler} van {org} is nu niet bereikbaar via Weerbaar. Daarom krijgt de "
        "provinciale coördinator VPT je melding nu. Die zorgt dat iemand hem oppakt."
    ),
    "submitted_to_nobody": (
        "Dank je. Je melding is verstuurd en bewaard. Je kenmerk is {reference}.\n"
        "Let op: bij {org} is nu niemand via Weerbaar bereikbaar die je melding kan "
        "oppakken. Neem zelf contact op met {mid} van {org}, en noem je kenmerk."
    ),
    "close_police_stand_in": (
        "Is het strafbaar? Dan komt er een afspraak met de politie. "
        "Je hoeft zelf geen aangifte te doen."
    ),
    "close_contact_deputy": "Wat nu? De plaatsvervanger neemt contact met je op.",
    "close_contact_coordinator": (
        "Wat nu? De coördinator VPT zorgt dat iemand contact met je opneemt."
    ),
    "reminder_own_escalated": "Daarom krijgt nu ook {others} bericht.",
    "reach_deputy": "je plaatsvervanger",
    "reach_coordinator": "de provinciale coördinator VPT",
    "reminder_stand_in": (
        "Herinnering bij melding {reference} ({org}): {task}. Dat moet uiterlijk {due}. Er "
        "is geen {handler} van {org} bereikbaar via Weerbaar. Daarom krijg jij dit bericht."
    ),
    "reminder_stand_in_overdue": (
        "Hulp nodig bij melding {reference} ({org}): {task} is nog niet gedaan. Dat moest "
        "uiterlijk {due}. Er is geen {handler} van {org} bereikbaar via Weerbaar. Daarom "
        "krijg jij dit bericht. Kun jij zorgen dat het gebeurt?"
    ),
    "reminder_card_stand_in": (
        "Er is geen afhandelaar bereikbaar via Weerbaar. Daarom krijg jij dit bericht. Kun "
        "jij zorgen dat het gebeurt?"
    ),
    "handler_commands_help": (
        "Een taak afvinken? Typ: gedaan KENMERK TAAK, bijvoorbeeld 'gedaan WB-ABC234 "
        "maatregelen'. Meer tijd nodig? Typ: later KENMERK TAAK en de reden. "
        "Taken: {words}."
    ),
    "action_done": (
        "Genoteerd. Bij melding {reference} is dit gedaan: {task}. De herinneringen hiervoor "
        "stoppen."
    ),
    "action_already_done": "Dit stond al als gedaan bij melding {reference}: {task}.",
    # --- access (issue 11): never a false "done" ---
    "action_not_changed": (
        "Er is niets veranderd bij melding {reference}: {task}. Iemand anders was je voor."
    ),
    "action_snoozed": (
        "Genoteerd. Bij melding {reference} doe je dit later: {task}. De volgende herinnering "
        "komt {until}."
    ),
    "action_reason_needed": (
        "Geef ook een reden. Bijvoorbeeld: later {reference} {word} wacht op de politie"
    ),
    "action_unknown_case": "Ik vind geen melding met kenmerk {reference}.",
    "action_unknown_kind": "Die taak ken ik niet: '{word}'. Kies uit: {words}.",
    "action_no_deadline": "Bij melding {reference} staat geen termijn voor: {task}.",
    "checkin_question": (
        "Hallo. Je hebt een melding gedaan ({reference}). Ik wil even vragen hoe het met je "
        "gaat. Je hoeft niets uit te leggen. Kies een antwoord."
    ),
    "checkin_late": "Dit bericht komt later dan gepland.",
    "checkin_choice_gaat_goed": "gaat goed",
    "checkin_choice_kan_beter": "kan beter",
    "checkin_choice_contact": "ik wil graag contact",
    "checkin_choice_stop": "stop (dan vraag ik het niet meer)",
    "checkin_reply_gaat_goed": "Fijn om te horen. Dank je voor je antwoord.",
    "checkin_reply_kan_beter": (
        "Dank je dat je het laat weten. Wil je dat iemand contact met je opneemt? Typ dan "
        "'contact'. Je mag ook zelf bellen met een van de nummers uit mijn vorige bericht."
    ),
    "checkin_reply_contact": (
        "Dank je. Ik heb de provinciale coördinator VPT en je afhandelaar gevraagd om "
        "contact met je op te nemen."
    ),
    "checkin_reply_stop": (
        "Goed. Over deze melding stuur ik je geen vragen meer. Je kunt altijd bellen met "
        "de nummers uit mijn vorige bericht."
    ),
    "checkin_reply_unknown": (
        "Dat begrijp ik niet helemaal. Typ 'gaat goed', 'kan beter', 'contact' of 'stop'. "
        "Wil je iets nieuws melden? Typ dan 'melden'. Ben je in gevaar? Bel 112."
    ),
    "checkin_contact_notice": (
        "De melder van {reference} ({org}) wil graag contact. Dat antwoordde de melder op "
        "een nazorgvraag van Weerbaar. Neem alsjeblieft contact op."
    ),
    # --- Teams: handler cards, taking a case in hand, team channels (issue 3) ---
    "card_title": "Nieuwe melding {reference}",
    "card_reference": "Kenmerk",
    "card_role": "Melder is",
    "card_org": "Organisatie",
    "card_kinds": "Soort",
    "card_when": "Wanneer",
    "card_serious": "Ernst",
    "card_serious_yes": "Ernstig incident: waarschuw binnen 24 uur de Arbeidsinspectie.",
    "card_serious_no": "Niet als ernstig gemeld.",
    "card_criminal": "Misschien een strafbaar feit: maak een afspraak met de politie.",
    "card_deadlines": "Termijnen",
    "card_deadlines_none": "Weerbaar stuurt je een herinnering als een termijn bijna om is.",
    "card_open": "Nog niemand heeft deze melding in behandeling.",
    "card_acknowledge": "In behandeling nemen",
    "card_acknowledged": "In behandeling bij {name} sinds {time}.",
    "card_acknowledged_team": "In behandeling sinds {time}.",
    "card_team_note": (
        "Dit kanaal ziet geen namen en geen verhaal. De afhandelaar vindt de details in de "
        "eigen chat met Weerbaar."
    ),
    "card_refused_title": "Dat kan niet",
    "card_submit": "Verder",
    "ack_done": "Je hebt melding {reference} in behandeling genomen. De melder krijgt bericht.",
    "ack_already": (
        "Melding {reference} is al in behandeling bij {name} sinds {time}. Er is niets veranderd."
    ),
    "ack_refused": (
        "Alleen {handler} van {org}, de plaatsvervanger of de provinciale coördinator VPT kan "
        "deze melding in behandeling nemen. Er is niets veranderd."
    ),
    "ack_unknown_case": "Ik vind geen melding met kenmerk {reference}. Er is niets veranderd.",
    "ack_reporter": "Je melding {reference} is in behandeling bij {name} sinds {time}.",
    "ack_informed": (
        "Ter informatie: er is een melding gedaan over agressie of bedreiging tegen een "
        "{role} van {org} (kenmerk {reference}). {handler} behandelt de melding. Je hoeft nu "
        "niets te doen."
    ),
    "ack_card_text": "Melding {reference} is in behandeling sinds {time}.",
    "teams_link_done": (
        "Dit kanaal is nu gekoppeld aan {org}. Nieuwe meldingen van {org} komen hier ook "
        "binnen, zonder namen en zonder verhaal."
    ),
    "teams_link_refused": (
        "Alleen een afhandelaar van {org} kan een kanaal koppelen. Er is niets veranderd."
    ),
    "teams_link_unknown_org": "Die organisatie ken ik niet: '{text}'. Er is niets veranderd.",
    "teams_link_help": (
        "Wil je meldingen van je organisatie in dit kanaal zien, zonder namen en zonder "
        "verhaal? Typ: koppel en de naam van de organisatie. Bijvoorbeeld: koppel Zeist. "
        "Wil je zelf iets melden? Stuur me dan een bericht in een eigen chat."
    ),
    # --- Teams: reminder cards with "Gedaan" and "Later" (issue 5) ---
    "reminder_card_title": "Herinnering bij melding {reference}",
    "reminder_card_title_overdue": "Termijn voorbij bij melding {reference}",
    "reminder_card_title_escalation": "Hulp nodig bij melding {reference}",
    "reminder_card_task": "Taak",
    "reminder_card_due": "Uiterlijk",
    "reminder_card_escalation": (
        "Deze taak is nog niet gedaan. De afhandelaar heeft al een herinnering gekregen. "
        "Kun jij zorgen dat het gebeurt?"
    ),
    "reminder_card_done": "Gedaan",
    "reminder_card_later": "Later",
    "reminder_card_reason": "Waarom later? Schrijf een korte reden.",
    "reminder_card_reason_needed": "Schrijf een reden. Dan kun je de taak uitstellen.",
    "reminder_card_later_submit": "Uitstellen",
    "reminder_card_done_by": "Gedaan door {name} op {time}.",
    "reminder_card_snoozed": "Uitgesteld tot {until}. Reden: {reason}",
    "reminder_card_unknown_action": "Deze knop ken ik niet. Er is niets veranderd.",
    "card_press_again": "Deze knop is al verwerkt. Er is niets veranderd.",
    "stale_press": "Die vraag is al voorbij. Er is niets veranderd.",
    "card_deadline_done": "{task} (gedaan)",
    # --- casework (issue 11): the handler reads and works the case; the reporter stays in
    # the loop. Keys of the helper `casework`; texts for the reporter are B1, no jargon.
    "case_commands_help": (
        "Een melding lezen? Typ: toon KENMERK. Een stap afvinken: stap KENMERK NUMMER. "
        "Verder: reactie, notitie en sluit, steeds met het kenmerk."
    ),
    "case_unknown": "Ik ken geen verstuurde melding {reference}. Kijk of het nummer klopt.",
    "case_not_yours": (
        "Je kunt melding {reference} niet bekijken of bewerken. Dat kunnen alleen de "
        "behandelaar, de plaatsvervanger en de coördinator VPT. Je poging is vastgelegd."
    ),
    "case_view_not_here": (
        "De inhoud van melding {reference} laat ik niet zien in een kanaal dat anderen "
        "ook lezen. Open de melding in je eigen chat met mij."
    ),
    "case_closed_already": "Melding {reference} is al afgesloten. Er is niets veranderd.",
    "viewed_by_line": "{name} ({time})",
    # the case as text ("toon REF")
    "details_title": "Melding {reference} ({org})",
    "details_reporter": "Gemeld door: {name}, {role}",
    "details_submitted": "Verstuurd: {time}",
    "details_acknowledged": "In behandeling bij {name} sinds {time}",
    "details_unsafe": "Let op: de melder voelde zich niet veilig bij het melden.",
    "details_serious": "Ernstig incident: waarschuw de Arbeidsinspectie.",
    "details_criminal": "Mogelijk strafbaar feit: maak een afspraak met de politie.",
    "details_closed": "Deze melding is afgesloten.",
    "details_evidence": "Bewijs:",
    "details_file": "- bestand {id}: {name} ({size})",
    "details_link": "- link: {link}",
    "details_evidence_note": "- notitie van de melder: {note}",
    "details_deadlines": "Termijnen:",
    "details_steps": "De negen stappen (melding en aangifte):",
    "details_done_by": "(door {name}, {time})",
    "details_tick_help": (
        "Afvinken: typ stap {reference} NUMMER, bijvoorbeeld: stap {reference} 4 aangifte"
    ),
    "details_responses": "Reactie naar de pleger:",
    "details_measure_until": "{measure} tot {until}",
    "details_damages": "schade verhaald",
    "details_notes": "Notities en aanvullingen:",
    "details_note_note": "- notitie van {by} ({time}): {text}",
    "details_note_addition": "- aanvulling van de melder ({time}): {text}",
    "details_history": "Verloop:",
    "details_viewed_by": "Bekeken door: {names}",
    "details_informed": "Geïnformeerd: {names}",
    "details_informed_suggested": "Voorgesteld om te informeren: {names}",
    # the history of a case, one line per event
    "history_submitted": "Melding verstuurd.",
    "history_acknowledged": "In behandeling genomen door {by}.",
    "history_deadline_done": "{task}: gedaan door {by}.",
    "history_deadline_snoozed": "{task}: uitgesteld door {by}.",
    "history_reminder_sent": "Herinnering verstuurd: {task}.",
    "history_checkin_sent": "Nazorgvraag aan de melder verstuurd.",
    "history_checkin_contact_requested": "De melder wil graag contact.",
    "history_response": "Reactie naar de pleger vastgelegd door {by}.",
    "history_step_ticked": "Stap {step} afgevinkt door {by}.",
    "history_note_added": "Notitie toegevoegd door {by}.",
    "history_supplemented": "De melder heeft iets aangevuld.",
    "history_closed": "Afgesloten door {by}.",
    # the annex's nine steps (bot/domain/annex.py)
    "annex_1": "Intern melden",
    "annex_2": "Feiten verzamelen: wie, wat, waar, waarmee, hoe, wanneer, waarom",
    "annex_3": "Afspraak maken met de politie",
    "annex_4": "Melding of aangifte doen bij de politie",
    "annex_5": "Privégegevens beschermen (nooit het huisadres)",
    "annex_6": "Zeggen dat de persoon een publieke taak heeft",
    "annex_7": "De melding of aangifte controleren",
    "annex_8": "Vervolg",
    "annex_9": "Nazorg vanuit de organisatie",
    "annex_hulpofficier": "Second opinion van de hulpofficier van justitie",
    "annex_value_melding": "melding",
    "annex_value_aangifte": "aangifte",
    "annex_value_politiedossier": "melding blijft in het politiedossier",
    "annex_value_openbaar_ministerie": "aangifte gaat naar het Openbaar Ministerie",
    "annex_value_niet_strafbaar": "politie vindt het niet strafbaar",
    "annex_value_gevraagd": "gevraagd",
    "annex_value_niet_gevraagd": "niet gevraagd",
    "step_ticked": "Vastgelegd: {step}.",
    "step_already": "Dit stond al zo: {step}. Er is niets veranderd.",
    "step_police_deadline_done": (
        "De termijn voor de politie is nu gedaan. De herinneringen daarvoor stoppen."
    ),
    "step_second_opinion_offer": (
        "Vindt de politie het niet strafbaar? Dan kun je een second opinion vragen aan de "
        "hulpofficier van justitie. Typ daarna: stap {reference} hulpofficier gevraagd."
    ),
    "step_refused_unknown_step": "Die stap ken ik niet. Kies 1 tot en met 9, of hulpofficier.",
    "step_refused_not_applicable": (
        "De second opinion hoort pas bij stap 8, als de politie het niet strafbaar vindt."
    ),
    "step_refused_value_needed": (
        "Zeg ook wat er is gebeurd, bijvoorbeeld: stap {reference} {step} aangifte."
    ),
    "step_refused_no_value": (
        "Stap {step} vink je af zonder woord erachter: stap {reference} {step}."
    ),
    "step_typed_help": "Typ: stap {reference} NUMMER. Bijvoorbeeld: stap {reference} 3.",
    # the response toward the perpetrator (bot/domain/closing.py)
    "response_schriftelijke_waarschuwing": "Schriftelijke waarschuwing",
    "response_incidentgesprek": "Incidentgesprek",
    "response_herstelgesprek": "Herstelgesprek",
    "response_incident_en_herstelgesprek": "Incident- en herstelgesprek",
    "response_maatregelen": "Maatregelen",
    "response_aangifte": "Aangifte",
    "response_schade_verhaald": "Schade verhaald",
    "response_anders": "Andere reactie",
    "measure_beperkende_maatregelen": "Beperkende maatregelen",
    "measure_contactafspraken": "Contactafspraken",
    "response_recorded": "Vastgelegd: {response}.",
    "response_recovery_planned": "Het herstelgesprek staat gepland op {time}.",
    "response_unknown_kind": (
        "Die reactie ken ik niet. Kies: waarschuwing, incidentgesprek, herstelgesprek, "
        "gesprek (beide) of maatregelen."
    ),
    "response_until_needed": "Maatregelen of afspraken hebben een einddatum. Geef die ook.",
    "response_until_past": "De einddatum {day} is al voorbij. Kies een datum na vandaag.",
    "response_until_unreadable": (
        "Ik kan '{text}' niet lezen als datum. Schrijf bijvoorbeeld 18-12-2026."
    ),
    "response_typed_help": (
        "Typ: reactie {reference} SOORT. Bijvoorbeeld: reactie {reference} gesprek "
        "maatregelen tot 18-12-2026 schade: korte notitie."
    ),
    "note_added": "Notitie bij {reference} bewaard. De melder ziet die niet.",
    # casework2: "reactie REF" alone, the response asked step by step
    # (dialogs/flows/case_commands.py)
    "response_ask_kind": (
        "Welke reactie krijgt de pleger bij melding {reference}? Typ het nummer.\n{options}\n"
        "Stoppen? Typ: stop."
    ),
    "response_ask_measure_none": "Geen maatregelen of afspraken",
    "response_ask_measure": "Gelden er maatregelen of afspraken? Typ het nummer.\n{options}",
    "response_ask_until": "Tot welke datum gelden ze? Schrijf bijvoorbeeld 18-12-2026.",
    "response_ask_damages": "Wordt de schade verhaald op de pleger? Typ ja of nee.",
    "response_ask_note": (
        "Wil je er een korte notitie bij zetten (alleen voor behandelaars, niet voor de "
        "melder)? Typ de notitie, of typ nee. Hoogstens {limit} tekens."
    ),
    "response_ask_confirm": (
        "Klopt dit?\n{summary}\nTyp ja om het vast te leggen, of nee om opnieuw te beginnen."
    ),
    "response_summary_kind": "- Reactie: {kind}",
    "response_summary_measure": "- {measure} tot {until}",
    "response_summary_damages_yes": "- Schade wordt verhaald",
    "response_summary_damages_no": "- Schade wordt niet verhaald",
    "response_summary_note": "- Notitie: {note}",
    "response_pick_number": "Dat nummer ken ik niet.",
    "response_yes_or_no": "Typ ja of nee.",
    "response_guided_stopped": (
        "Gestopt. Er is niets vastgelegd bij melding {reference}. Opnieuw? Typ: reactie "
        "{reference}."
    ),
    "response_guided_closed": "Melding {reference} is al afgesloten. Er kan geen reactie meer bij.",
    "note_empty": "Typ de notitie achter het nummer: notitie {reference} je tekst.",
    "note_too_long": "Dit is te lang. Houd het onder {limit} tekens.",
    # closing under the basisafspraak
    "close_refused": "Melding {reference} kan nog niet dicht.",
    "close_refused_not_acknowledged": (
        "Niemand heeft de melding nog in behandeling genomen. Doe dat eerst: typ gedaan "
        "{reference} ontvangst, of kies In behandeling nemen bij het bericht over de melding."
    ),
    "close_refused_no_response": (
        "Er is nog geen reactie naar de pleger vastgelegd. Is de pleger onbekend? "
        "Typ dan: sluit {reference} onbekend."
    ),
    "close_refused_perpetrator_named": (
        "De melder heeft de pleger genoemd of beschreven. Zeg waarom er geen reactie "
        "kan komen: sluit {reference} onbekend reden: ..."
    ),
    "close_refused_steps_open": (
        "De stap voor de Arbeidsinspectie of de politie staat nog open. Rond die af, "
        "of zeg waarom: sluit {reference} toch: ..."
    ),
    "close_unknown_reason": "Die reden ken ik niet. Gebruik: onbekend.",
    "close_summary": "Melding {reference} is afgesloten door {name} op {time}.",
    "close_summary_responses": "Reactie naar de pleger: {responses}.",
    "close_summary_unknown": "Geen reactie mogelijk: de pleger is onbekend.",
    "close_summary_reason": "Reden: {reason}",
    "close_summary_steps": "Stappen afgevinkt: {done} van {total}.",
    "close_summary_open": "Nog open: {tasks}.",
    # to the reporter: what happened (B1, no jargon, never the notes)
    "reporter_response_schriftelijke_waarschuwing": (
        "de persoon krijgt een brief met een waarschuwing"
    ),
    "reporter_response_incidentgesprek": "er komt een gesprek met de persoon over wat er gebeurde",
    "reporter_response_herstelgesprek": "er komt een gesprek om het contact te herstellen",
    "reporter_response_incident_en_herstelgesprek": "er komen gesprekken met de persoon",
    "reporter_response_maatregelen": "er gelden regels voor de persoon",
    "reporter_response_aangifte": "er is aangifte gedaan",
    "reporter_response_schade_verhaald": "de schade wordt verhaald",
    "reporter_response_anders": "er is actie ondernomen",
    "reporter_progress_response": "Nieuws over je melding {reference}: {what}.",
    "reporter_progress_measures": (
        "Nieuws over je melding {reference}: {what}. Er gelden afspraken of regels tot {until}."
    ),
    "reporter_progress_damages": "De schade wordt ook verhaald.",
    # casework2: the same news as a small Teams card (adapters/teams/reporter_cards.py)
    "card_progress_title": "Nieuws over je melding {reference}",
    "card_progress_closed_title": "Melding {reference} is afgesloten",
    "card_progress_until": "Er gelden afspraken of regels tot {until}.",
    "reporter_progress_closed": (
        "Je melding {reference} is afgesloten. Dank je wel dat je het meldde. "
        "Wil je nog iets kwijt? Typ: status."
    ),
    # "status" and "aanvullen REF" (the reporter)
    "status_none": "Je hebt nog geen melding verstuurd.",
    "status_intro": "Je hebt {count} open melding(en):",
    "status_no_open": "Je hebt geen open meldingen.",
    "status_case": "{reference}, verstuurd {time}",
    "status_waiting": "- Nog niet in behandeling. We houden het in de gaten.",
    "status_in_hand": "- In behandeling sinds {time}.",
    "status_response": "- Wat er gebeurt: {what}.",
    "status_measures": "- Wat er gebeurt: {what}, tot {until}.",
    "status_closed": "- Afgesloten.",
    "status_closed_list": "Afgesloten: {references}.",
    "status_amend_help": (
        "Iets toevoegen? Typ: aanvullen NUMMER en je tekst. Een foto of bestand mag er ook bij."
    ),
    "amend_unknown": (
        "Ik vind geen melding {reference} van jou. Kijk of het nummer klopt. Typ status voor je "
        "meldingen."
    ),
    "amend_closed": (
        "Melding {reference} is al afgesloten. Is er iets nieuws gebeurd? Doe dan een nieuwe "
        "melding."
    ),
    # casework2: "aanvullen REF" alone waits for what the reporter sends next
    "amend_ask": (
        "Wat wil je toevoegen? Stuur tekst of een bestand. Typ klaar als je niets meer wilt "
        "toevoegen."
    ),
    "amend_more": (
        "Dank je. Ik heb het bij melding {reference} bewaard. Nog meer? Stuur het. "
        "Ben je klaar? Typ: klaar."
    ),
    "amend_finished": "Goed. Je aanvulling bij melding {reference} is bewaard.",
    "amend_nothing": "Goed. Er is niets toegevoegd aan melding {reference}.",
    "amend_handler_started": (
        "De melder vult melding {reference} aan. Bekijk de melding om te lezen wat erbij is "
        "gekomen."
    ),
    "amend_too_long": "Dit is te lang. Houd het onder {limit} tekens, of stuur het in delen.",
    "amend_done": (
        "Dank je. Ik heb het bij melding {reference} bewaard. De behandelaar krijgt bericht."
    ),
    "amend_handler": (
        "De melder heeft melding {reference} aangevuld ({texts} tekst, {files} bestand). Bekijk "
        "de melding om het te lezen."
    ),
    # --- insight (issue 12): evaluation, trends, the perpetrator dossier -------------------
    "evaluation_asked": (
        "Melding {reference} is afgesloten. Wil je hem nu evalueren? Hoe ernstig was het, en "
        "wat kan beter? Kies Evalueren op de melding."
    ),
    "evaluation_needs_risk": (
        "Kies hoe ernstig het is en hoe groot de kans is dat het weer gebeurt."
    ),
    "evaluation_too_long": "Een antwoord is te lang. Houd het onder {max} tekens.",
    "evaluation_refused": (
        "Je kunt melding {reference} niet evalueren. Dat mag alleen wie de melding behandelt."
    ),
    "evaluation_saved": "Dank je. De evaluatie van melding {reference} is bewaard.",
    "evaluation_form_intro": (
        "Evaluatie van melding {reference}. Vraag waarom het misging, niet wie het fout deed."
    ),
    "evaluation_card_title": "Evaluatie van melding {reference}",
    "evaluation_card_saved": "Bewaard. Je kunt de evaluatie nog aanpassen.",
    "card_evaluate": "Evalueren",
    "insight_case_not_found": "Ik vind geen melding {reference}. Kijk of het nummer klopt.",
    "dossier_suggested": (
        "Melding {reference} en melding {other} noemen misschien dezelfde persoon. Kijk in het "
        "dossier of dat klopt, en bevestig of wijs af."
    ),
    "dossier_refused": (
        "Dit mag je niet beslissen. Dat mag alleen wie een van de meldingen behandelt."
    ),
    "dossier_unknown": "Ik vind deze koppeling niet.",
    "level_laag": "Laag",
    "level_middel": "Middel",
    "level_hoog": "Hoog",
    "trend_year": "Meldingen per maand, en een jaar eerder",
    "trend_org_kind": "Meldingen per soort organisatie",
    "trend_org": "Meldingen per organisatie",
    "trend_kind": "Meldingen per soort gedrag",
    "trend_role": "Meldingen per functie van de melder",
    "trend_online": "Online en offline",
    "trend_aangifte": "Met en zonder aangifte",
    "trend_serious": "Met en zonder ernstig letsel",
    "trend_times": "Hoe snel: uren tot ontvangst en tot afsluiten (mediaan)",
    "trend_deadlines": "Termijnen op tijd en te laat",
    "trend_row_this_period": "Deze periode",
    "trend_row_year_earlier": "Een jaar eerder",
    "trend_row_change": "Verschil",
    "trend_row_online": "Online",
    "trend_row_offline": "Offline",
    "trend_row_with": "Met aangifte",
    "trend_row_without": "Zonder aangifte",
    "trend_row_serious": "Ernstig letsel",
    "trend_row_not_serious": "Geen ernstig letsel",
    "trend_row_ack_hours": "Uren tot ontvangst",
    "trend_row_ack_hours_n": "Aantal meldingen (ontvangst)",
    "trend_row_close_hours": "Uren tot afsluiten",
    "trend_row_close_hours_n": "Aantal meldingen (afgesloten)",
    "trend_row_met": "Op tijd",
    "trend_row_late": "Te laat gedaan",
    "trend_row_missed": "Verlopen, nog open",
    "trend_row_unknown": "Onbekend",
    "trend_orgkind_provincie": "Provincie",
    "trend_orgkind_gemeente": "Gemeente",
    "trend_orgkind_waterschap": "Waterschap",
    "trend_scope_province": "de hele provincie",
    "trend_refused": "Trends zijn er voor wie meldingen behandelt en voor de coördinator VPT.",
    "insight_nav_trends": "Trends",
    "insight_nav_evaluations": "Evaluaties en dossiers",
    "insight_trends_title": "Trends",
    "insight_trends_intro": (
        "Meldingen van {scope}, van {start} tot en met {end}. Kleine aantallen staan er als "
        "{small}: zo wijst een getal niet naar een persoon."
    ),
    "insight_trends_months": "Periode in maanden",
    "insight_trends_show": "Toon",
    "insight_table_caption": "De getallen bij deze grafiek",
    "insight_table_row": "Wat",
    "insight_table_total": "Totaal",
    "insight_csv": "Download als CSV",
    "insight_evaluation_title": "Evaluatie van melding {reference}",
    "insight_evaluation_intro": (
        "Vraag waarom het misging, niet wie het fout deed. Schrijf geen namen op."
    ),
    "insight_severity": "Hoe ernstig was het?",
    "insight_recurrence": "Hoe groot is de kans dat het weer gebeurt?",
    "insight_cause": "Waarom gebeurde het?",
    "insight_similar": "Gebeurt dit vaker? Kijk bij trends en het dossier.",
    "insight_recommendations": "Wat kan beter, en hoe?",
    "insight_shared": "Ik deel de lessen met de coördinator VPT",
    "insight_save": "Bewaar evaluatie",
    "insight_evaluated_by": "Geëvalueerd door {name} op {time}.",
    "insight_evaluations_title": "Open evaluaties en dossiers",
    "insight_evaluations_none": "Er zijn geen open evaluaties.",
    "insight_suggestions_none": "Er zijn geen meldingen die misschien bij elkaar horen.",
    "insight_evaluations_asked": "gevraagd op {time}",
    "insight_dossier_title": "Dossier bij melding {reference}",
    "insight_dossier_intro": (
        "Meldingen die bij dezelfde persoon horen. Van meldingen die je niet behandelt, zie "
        "je alleen datum, soort, organisatie en status."
    ),
    "insight_dossier_suggestions": "Mogelijk dezelfde persoon",
    "insight_dossier_reason": "Overeenkomst: {reason}",
    "insight_confirm": "Bevestig",
    "insight_reject": "Wijs af",
    "insight_not_yours": "(niet jouw melding)",
    "insight_reason_name": "naam",
    "insight_reason_handle": "account online",
    "insight_reason_email": "e-mailadres",
    "insight_reason_phone": "telefoonnummer",
    "insight_reason_plate": "kenteken",
    "insight_reason_follows": "de melder zegt dat het weer gebeurde",
    "insight_case_links": "Evaluatie en dossier",
    # --- teamscase (issue 11): evidence files to the handler, Teams case cards ---
    "evidence_file_line": "{number}. {name} ({size})",
    "evidence_list": (
        "Bestanden bij melding {reference}:\n{files}\n\n"
        "Typ: bewijs {reference} en het nummer. Dan stuur ik je dat bestand."
    ),
    "evidence_none": "Bij melding {reference} zijn geen bestanden.",
    "evidence_unknown_case": "Ik ken geen verstuurde melding {reference}.",
    "evidence_refused": (
        "Je mag de bestanden van melding {reference} niet zien. Er is niets verstuurd."
    ),
    "evidence_local_path": (
        "Waar moet ik het bestand neerzetten? Typ: bewijs {reference} {number} en een "
        "map of bestandsnaam. Ik schrijf nooit over een bestaand bestand heen."
    ),
    "evidence_offer_text": "Bestand {number} van melding {reference}: {name} ({size}).",
    "evidence_consent_hint": "Teams vraagt eerst of je het wilt ontvangen. Kies Toestaan.",
    "evidence_consent_description": "Bestand {number} van melding {reference}",
    "evidence_here": "Hier is bestand {number} van melding {reference}.",
    "evidence_declined": "Goed, ik stuur het bestand niet. Je kunt het later opnieuw vragen.",
    "evidence_upload_unusable": (
        "Het bestand kon niet naar je toe. Vraag het nog een keer aan via de knop."
    ),
    "evidence_gone": "Dit bestand is er niet meer.",
    "evidence_written": "Bestand {number} van melding {reference} staat nu in {path}.",
    "evidence_path_taken": (
        "Op {path} staat al iets. Ik schrijf er niet overheen. Kies een andere naam."
    ),
    "evidence_path_unusable": "Ik kan niet schrijven naar {path}. Kies een andere plek.",
    "card_files": "Bestanden",
    "card_file_button": "Stuur {name}",
    "card_view_case": "Bekijk melding",
    "card_yes": "ja",
    "card_no": "nee",
    "card_parties": "Wie krijgt bericht dat je de melding oppakt? Zet uit wie je niet wilt.",
    "card_details_title": "Melding {reference}",
    "card_details_unsafe": "Bij het melden voelde de melder zich niet veilig.",
    "card_details_reporter": "Melder",
    "card_details_submitted": "Gemeld op",
    "card_details_in_hand": "Wie heeft het",
    "card_details_criminal": "Mogelijk strafbaar",
    "card_details_report": "De melding",
    "card_steps": "De negen stappen",
    "card_step_done": "Gedaan door {by} op {at}.",
    "card_step_tick": "Afvinken",
    "card_responses": "Reactie naar de pleger",
    "card_response_line": "{kind}, door {by} op {at}.",
    "card_response_until_line": "{measure} tot {until}.",
    "card_response_damages_line": "Schade verhaald.",
    "card_response": "Reactie vastleggen",
    "card_response_kind": "Welke reactie?",
    "card_response_kind_needed": "Kies een reactie.",
    "card_response_measure": "Maatregel of afspraken (als die er zijn)",
    "card_response_measure_none": "Geen",
    "card_response_until": "Tot en met welke datum?",
    "card_response_damages": "Schade verhaald",
    "card_response_note": "Korte notitie (alleen voor behandelaars)",
    "card_response_submit": "Vastleggen",
    "card_note": "Notitie",
    "card_notes": "Notities (alleen voor behandelaars)",
    "card_note_by": "{by}, {at}",
    "card_note_label": "Notitie (de melder ziet dit niet)",
    "card_note_needed": "Schrijf een notitie.",
    "card_note_submit": "Bewaren",
    "card_close": "Melding sluiten",
    "card_close_no_response": "Er is nog geen reactie naar de pleger vastgelegd.",
    "card_close_unknown": "De pleger is onbekend",
    "card_close_reason": "Waarom is er geen reactie naar de pleger?",
    "card_close_override": "Nog open: {tasks}. Waarom toch sluiten?",
    "card_close_ready": "Alles is klaar om te sluiten.",
    "card_close_submit": "Sluiten",
    "card_informed_confirmed": "Geïnformeerd",
    "card_informed_suggested": "Voorgesteld om te informeren",
    "card_history": "Verloop",
    "card_viewed_by": "Bekeken door: {who}",
    "card_closed_title": "Melding {reference} is gesloten",
    "card_closed_by": "Gesloten door",
    "card_closed_at": "Gesloten op",
    "card_closed_steps": "{done} van {total} gedaan",
    "card_closed_unknown": "Geen reactie: de pleger is onbekend.",
    "card_closed_open": "Nog open bij het sluiten",
    # --- answers to questions back during a report (dialogs/understanding.py `faq`) ---
    # Owned by the understanding layer; true to domain.md: the organisation, not the
    # reporter, goes to the police; only the handler function, its deputy and the
    # coordinator VPT read a report; small incidents are reported too.
    "faq_anonymous": (
        "Je melding is niet anoniem. Je naam staat erbij. Zo kan iemand contact met je "
        "opnemen. De dader krijgt je melding niet te zien. Wat er naar de dader gaat, "
        "bespreekt je organisatie eerst met jou."
    ),
    "faq_who_reads": (
        "Je melding gaat naar de persoon die in jouw organisatie meldingen behandelt. "
        "Ook de vervanger van die persoon kan hem lezen. En de coördinator Veilig Publieke "
        "Taak van de provincie, die daarbij helpt. Verder niemand."
    ),
    "faq_police": (
        "Je hoeft niet zelf naar de politie. Is het strafbaar? Dan doet je organisatie de "
        "aangifte bij de politie. Jij krijgt daarbij hulp. Ben je nu in gevaar? Bel 112."
    ),
    "faq_add_later": (
        "Ja, dat kan. Ook na het versturen kun je nog iets toevoegen. Bijvoorbeeld een foto, "
        "of iets wat je later weer weet."
    ),
    "faq_what_next": (
        "Na het versturen gaat je melding naar de persoon die in jouw organisatie meldingen "
        "behandelt. Die neemt contact met je op. Samen kijk je wat er nodig is, zoals hulp "
        "voor jou en een reactie naar de dader."
    ),
    "faq_evidence": (
        "Nee, je kunt ook melden zonder bewijs. Heb je wel iets, zoals een screenshot, "
        "foto, mail of bericht? Bewaar het en stuur een kopie mee. Dat helpt."
    ),
    "faq_serious_enough": (
        "Ja, meld het. Ook kleine dingen tellen. Zo ziet je organisatie of iets vaker "
        "gebeurt. Jij hoeft niet te kiezen of het erg genoeg is."
    ),
    "faq_unknown": (
        "Op die vraag heb ik geen antwoord. De persoon die je melding behandelt, helpt je "
        "graag. Typ 'help' voor meer uitleg."
    ),
    # --- helper `dates` (issue 9): dates people use, read back (bot/text/format.py) ---
    "when_not_known": "onbekend",
    "when_approximate": "ongeveer {when}",
    "when_series": "{rhythm} sinds {since}",
    "when_series_plain": "meer keren, sinds {since}",
    "when_series_not_known": "{rhythm}, sinds wanneer is onbekend",
    "when_since_approximate": "ongeveer {since}",
    "when_assumed": "{when} (ik ga uit van {part})",
    "when_long_ago": "{when} (meer dan een jaar geleden)",
    "when_days": "van {first} tot en met {last}",
    "when_same_day": "{day}, tussen {start} en {end}",
    "when_impossible": "'{date}' bestaat niet. Kijk nog even naar de datum.",
    # --- helper `dates` (issue 9): the close after a report, help and contacts
    # (bot/cases/helplines.py). {handler} starts a sentence: "De griffier". ---
    "org_of_gemeente": "de gemeente {name}",
    "org_of_provincie": "de provincie {name}",
    "submitted_to": (
        "Dank je. Je melding is verstuurd. Je kenmerk is {reference}.\n"
        "{handler} van {org} krijgt je melding nu."
    ),
    "close_contact": "Wat nu? {handler} neemt contact met je op.",
    "close_measures_by": (
        "Samen spreken jullie af wat er gebeurt met degene die dit deed. Het liefst vóór {due}."
    ),
    "close_measures_asap": (
        "Samen spreken jullie zo snel mogelijk af wat er gebeurt met degene die dit deed."
    ),
    "close_police": (
        "Is het strafbaar? Dan maakt {handler} een afspraak met de politie. "
        "Je hoeft zelf geen aangifte te doen."
    ),
    "close_response": "Degene die dit deed, krijgt altijd een reactie.",
    "close_contacts": "Wil je met iemand praten? Hier vind je steun:",
    "contact_line_number": "- {name}: {purpose}. Bel {number}.",
    "contact_line": "- {name}: {purpose}.",
    "help_danger": "Ben je in gevaar? Bel 112.",
    "help_route": "Je melding gaat naar {handler} van {org}. Die neemt contact met je op.",
    "help_route_role": "Als {role}: je melding gaat naar {handler} van {org}.",
    "help_contacts": "Wil je met iemand praten? Hier vind je steun:",
    "help_commands": (
        "Typ 'stop' om te pauzeren, 'terug' voor de vorige vraag, 'waarom' voor uitleg."
    ),
    "help_start": "Wil je iets melden? Typ dan 'melden'.",
    "deadline_asap": "zo snel mogelijk",
    "card_unsafe": "Niet veilig tijdens het melden",
    # --- the web console (issue 12, helper "console"): adapters/console/ ----------------
    "console_link": (
        "Open de console met deze link: {url}\n"
        "De link werkt één keer en {minutes} minuten lang. Deel hem met niemand."
    ),
    "console_skip": "Naar de inhoud",
    "console_nav_label": "Hoofdmenu",
    "console_nav_cases": "Meldingen",
    "console_nav_deadlines": "Mijn termijnen",
    "console_sign_out": "Uitloggen",
    "console_footer": "Weerbaar, voor meldingen van agressie tegen politieke ambtsdragers.",
    "console_error_title": "Dat lukt niet",
    "console_error_404": "Deze pagina bestaat niet.",
    "console_error_403": "Dit mag niet. Laad de pagina opnieuw en probeer het nog eens.",
    "console_error_503": "Inloggen lukt nu niet. Probeer het over een paar minuten opnieuw.",
    "console_error_other": "Er ging iets mis. Probeer het opnieuw.",
    "console_back_to_cases": "Terug naar de meldingen",
    "console_forbidden_title": "Geen toegang",
    "console_forbidden_logged": "Deze poging is vastgelegd.",
    "console_signin_title": "Inloggen",
    "console_signin_help": (
        "Typ console in je chat met Weerbaar. Je krijgt dan een link om in te loggen."
    ),
    "console_signin_help_teams": "In Teams opent het tabblad Weerbaar de console meteen.",
    "console_signin_button_intro": "Klik op de knop om in te loggen. De link werkt één keer.",
    "console_signin_button": "Inloggen",
    "console_link_used_title": "Deze link werkt niet meer",
    "console_link_used": (
        "Deze link is al gebruikt of verlopen. Typ console in je chat met Weerbaar voor een "
        "nieuwe link."
    ),
    "console_tab_title": "Weerbaar in Teams",
    "console_tab_busy": "Even geduld. We loggen je in.",
    "console_tab_no_js": (
        "Inloggen in Teams gaat met JavaScript. Dat staat uit. Typ console in je chat met "
        "Weerbaar voor een link."
    ),
    "console_tab_failed": (
        "Inloggen via Teams lukte niet. Typ console in je chat met Weerbaar voor een link."
    ),
    "console_tab_refused": (
        "We kunnen je niet inloggen. Ben je aangemeld bij Weerbaar? Vraag het je griffier "
        "of secretaris."
    ),
    "console_cases_title": "Meldingen",
    "console_cases_count": "{count} melding(en).",
    "console_cases_none": "Er zijn geen meldingen die hierbij passen.",
    "console_filter_label": "Meldingen filteren",
    "console_filter_status": "Stand",
    "console_filter_kind": "Soort",
    "console_filter_since": "Gemeld vanaf",
    "console_filter_until": "Gemeld tot en met",
    "console_filter_deadline": "Termijn",
    "console_filter_all": "Alle",
    "console_filter_apply": "Filteren",
    "console_filter_clear": "Filters wissen",
    "console_col_reference": "Melding",
    "console_col_org": "Organisatie",
    "console_col_kind": "Soort",
    "console_col_submitted": "Gemeld",
    "console_col_status": "Stand",
    "console_col_deadline": "Termijn",
    "console_status_submitted": "Nieuw",
    "console_status_acknowledged": "In behandeling",
    "console_status_closed": "Afgesloten",
    "console_deadline_escalated": "Opgeschaald",
    "console_deadline_overdue": "Te laat",
    "console_deadline_open": "Op tijd",
    "console_deadline_none": "Niets open",
    "console_deadline_group_escalated": "Opgeschaald",
    "console_deadline_group_overdue": "Te laat",
    "console_deadline_group_open": "Binnenkort",
    "console_deadlines_title": "Mijn termijnen",
    "console_deadlines_intro": "Wat je nog moet doen, het eerste bovenaan.",
    "console_deadlines_none": "Niets.",
    "console_due": "Uiterlijk {time}.",
    "console_serious": "Ernstig",
    "console_criminal": "Mogelijk strafbaar",
    "console_unsafe": "Niet veilig bij melden",
    "console_case_title": "Melding {reference}",
    "console_section_report": "De melding",
    "console_reporter": "Melder",
    "console_submitted": "Gemeld op",
    "console_section_evidence": "Bewijs",
    "console_download": "Download {name}",
    "console_evidence_none": "Er zijn geen bestanden.",
    "console_evidence_link": "Link:",
    "console_section_deadlines": "Termijnen",
    "console_done": "Gedaan",
    "console_section_ack": "In behandeling nemen",
    "console_parties_legend": "Wie krijgt bericht?",
    "console_ack_button": "In behandeling nemen",
    "console_acknowledged": "In behandeling bij {by} sinds {time}.",
    "console_section_steps": "De negen stappen",
    "console_step_done": "Gedaan door {by} op {time}",
    "console_step_choice": "Kies bij: {title}",
    "console_step_tick": "Afvinken",
    "console_section_response": "Reactie naar de pleger",
    "console_response_none": "Er is nog geen reactie vastgelegd.",
    "console_until": "tot {day}",
    "console_damages_recovered": "schade verhaald",
    "console_response_kind": "Welke reactie?",
    "console_response_measure": "Maatregel met een einddatum",
    "console_response_no_measure": "Geen maatregel",
    "console_response_until": "Maatregel loopt tot",
    "console_response_damages": "Schade is verhaald",
    "console_response_note": "Korte notitie (de melder ziet die niet)",
    "console_response_button": "Reactie vastleggen",
    "console_section_notes": "Notities",
    "console_notes_none": "Er zijn geen notities.",
    "console_note_line": "{by}, {time}:",
    "console_note_label": "Nieuwe notitie (de melder ziet die niet)",
    "console_note_button": "Notitie bewaren",
    "console_section_close": "Afsluiten",
    "console_close_intro": (
        "Afsluiten kan als er een reactie naar de pleger is. Of als de pleger onbekend is."
    ),
    "console_close_unknown": "De pleger is onbekend",
    "console_close_reason": "Waarom geen reactie? (nodig als de melder de pleger noemde)",
    "console_close_override": "Waarom sluiten terwijl een stap nog open staat?",
    "console_close_button": "Melding afsluiten",
    "console_closed": "Deze melding is afgesloten.",
    "console_section_history": "Wat er gebeurde",
    "console_viewed_by": "Bekeken door",
    "console_chat_title": "Probeer Weerbaar",
    "console_chat_intro": (
        "Je chat als {handle}. Dit is hetzelfde gesprek als in Signal of Teams. Typ stop om "
        "te pauzeren."
    ),
    "console_chat_messages": "Het gesprek",
    "console_chat_from_bot": "Weerbaar:",
    "console_chat_from_me": "Jij:",
    "console_chat_label": "Je bericht",
    "console_chat_send": "Versturen",
    "console_chat_try": "Probeer de chat in je browser",
}


def say(key: str, **values: object) -> str:
    """The Dutch text for `key`, with `values` filled in."""
    return TEXTS[key].format(**values)
