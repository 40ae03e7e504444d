"""The report flow's step parsers: how each answer is read."""

from __future__ import annotations

import re
from typing import Any

from bot.domain.dates import When, parse_when
from bot.domain.incident import INJURIES, KINDS
from bot.text import lexicon, vocabulary
from bot.text.catalogue import say
from bot.text.format import describe_when
from dialogs import understanding
from dialogs.engine import normalise
from dialogs.flow import (
    Accept,
    Collect,
    Context,
    Handover,
    Keep,
    Parsed,
    Pause,
    Reask,
    Redo,
)
from dialogs.flows.report.common import _EPOCH, _choices, _role_choices
from dialogs.flows.report.story import (
    OFFENCES,
    _is_story,
    _new_facts,
    _story_with,
    _when_value,
    story_facts,
)
from dialogs.messages import Choice, Inbound
from dialogs.parsing import links_in, one_of, several_of, some_of, yes_no
from dialogs.story import read_story, witnessed

# --- parsers -----------------------------------------------------------------------------


_WORST_FIRST = ("fysiek", "verbaal", "emotioneel")


def _worst(kinds: tuple[str, ...]) -> str | None:
    return next((k for k in _WORST_FIRST if k in kinds), None)


# What the story layer's kinds say of the behaviour in the moment (domain.md section 4).
_BEHAVIOUR_OF_KIND = {
    "fysiek_geweld": "fysiek",
    "vernieling": "fysiek",
    "bedreiging": "verbaal",
    "verbale_agressie": "verbaal",
    "intimidatie": "verbaal",
    "discriminatie": "verbaal",
    "emotioneel_gedrag": "emotioneel",
}


def _behaviour_in(text: str) -> str | None:
    """The worst kind of behaviour the text describes, if it says."""
    kind = _worst(understanding.behaviour(text))
    if kind is None:
        from_story = read_story(text, _EPOCH).kinds
        kind = _worst(tuple(_BEHAVIOUR_OF_KIND[k] for k in from_story if k in _BEHAVIOUR_OF_KIND))
    return kind


def _unsafe(text: str, detail: str, ctx: Context) -> Accept:
    """112 and the advice at once; with the advice for what is happening, if it says."""
    more: dict[str, Any] = {"was_unsafe": True}
    reply = say("unsafe_advice")
    kind = _behaviour_in(text)
    if kind is not None:
        more["behaviour"] = kind
        reply = f"{reply}\n\n{say(f'advice_{kind}')}"
    if _is_story(detail):
        more.update(_story_with(ctx, detail))
    return Accept(False, reply=reply, more=more)


def parse_safe(inbound: Inbound, ctx: Context) -> Parsed:
    text = inbound.text.strip()
    said = yes_no(inbound)
    if understanding.signals_danger(text) or (said is not None and not said.answer):
        return _unsafe(text, said.detail if said is not None else text, ctx)
    if said is not None:
        more: dict[str, Any] = {}
        if _is_story(said.detail):
            more.update(_story_with(ctx, said.detail))
        elif said.detail:
            more["safe_detail"] = said.detail
        # Asked again on coming back (a draft left in danger): no intro, just go on.
        intro = say("safe_again") if ctx.answers.get("was_unsafe") else say("intro")
        return Accept(True, reply=intro, more=more)
    if _is_story(text):
        return Keep(_story_with(ctx, text), reply=say("story_kept"))
    return Reask(say("reask_safe"))


BEHAVIOUR_CHOICES = _choices("behaviour", _WORST_FIRST[::-1])


def parse_behaviour(inbound: Inbound, ctx: Context) -> Parsed:
    value = one_of(inbound, BEHAVIOUR_CHOICES) or _behaviour_in(inbound.text)
    more = _story_with(ctx, inbound.text) if _is_story(inbound.text) else {}
    if value is None:
        if not more:
            return Reask(say("reask_choice"))
        # Told, but in words none of the three names: the advice for threats (name it,
        # ask to stop, end the talk, security, police) fits what is left.
        value = "verbaal"
    return Accept(value, reply=say(f"advice_{value}"), more=more)


def parse_safe_continue(inbound: Inbound, ctx: Context) -> Parsed:
    text = inbound.text.strip()
    said = yes_no(inbound)
    if said is not None and said.answer and not understanding.signals_danger(text):
        return Accept(True)
    if said is not None or understanding.signals_danger(text):
        return Pause(reply=say("paused_unsafe"))
    if _is_story(text):
        return Keep(_story_with(ctx, text), reply=say("story_kept"))
    return Reask(say("reask_yes_no"))


def parse_role(inbound: Inbound, ctx: Context) -> Parsed:
    value = one_of(inbound, _role_choices(ctx))
    return Reask(say("reask_choice")) if value is None else Accept(value)


def parse_free_text(reask: str) -> Any:
    def parse(inbound: Inbound, _ctx: Context) -> Parsed:
        text = inbound.text.strip()
        if len(text) < 2:
            return Reask(say(reask))
        return Accept(text)

    return parse


def parse_what(inbound: Inbound, ctx: Context) -> Parsed:
    text = inbound.text.strip()
    if len(text) < 2:
        return Reask(say("reask_what"))
    return Accept(text, more={"story_facts": story_facts(text, ctx)})


def parse_what_ok(inbound: Inbound, ctx: Context) -> Parsed:
    """ "Klopt dat?" (or "nog iets toevoegen?"): yes or done takes what the story says; no
    asks the questions; anything else goes on with the story."""
    text = inbound.text.strip()
    found = _new_facts(ctx, dict(ctx.answers.get("story_facts") or {}))
    pick = normalise(inbound.choice or text)
    said = yes_no(inbound)
    done = pick in vocabulary.STORY_DONE_WORDS or (not found and understanding.nothing(text))
    if done or (said is not None and said.answer):
        more: dict[str, Any] = {}
        if said is not None and said.detail:
            more = _story_with(ctx, said.detail)
            found = {
                k: v for k, v in more["story_facts"].items() if k not in ctx.answers or k in found
            }
        more.update(found)
        return Accept(True, more=more)
    if said is not None:
        return Accept(False, more=_story_with(ctx, said.detail) if said.detail else {})
    return Keep(_story_with(ctx, text), reply=say("story_added"))


_STORY_FILLS = (
    "criminal",
    "what",
    "story_facts",
    "kinds",
    "where",
    "when",
    "when_ok",
    "series",
    "perp_known",
    "perp_who",
    "perp_details",
    "injury",
    "damage",
    "witnesses",
)


def _kinds(values: list[str], ctx: Context) -> Accept:
    """The kinds picked; one that is an offence as such answers "is het strafbaar?" too,
    as a story that tells one does (the review shows it, to be changed there)."""
    offence = bool(set(values) & OFFENCES) and "criminal" not in ctx.answers
    return Accept(values, more={"criminal": "ja"} if offence else {})


def parse_kinds(inbound: Inbound, ctx: Context) -> Parsed:
    values = several_of(inbound, _choices("kind", KINDS))
    if values is None:
        if understanding.dont_know(inbound.text):
            return Accept(["anders"])
        read = [k for k in read_story(inbound.text, ctx.now).kinds if k in KINDS]
        if read:
            # Words, not a pick ("hij schold en dreigde"): what they say is kept as typed.
            kinds = _kinds(read, ctx)
            return Accept(kinds.value, more={**kinds.more, "kinds_detail": inbound.text.strip()})
    return Reask(say("reask_several")) if values is None else _kinds(values, ctx)


def parse_where(inbound: Inbound, ctx: Context) -> Parsed:
    text = inbound.text.strip()
    if understanding.dont_know(text):
        return Accept(say("value_unknown"))
    later = _later_answer(text, ctx)
    if later is not None:
        return later
    said = yes_no(inbound)
    if said is not None and said.detail:
        return Accept(said.detail)  # "ja, bij het gemeentehuis"
    if len(text) < 2 or said is not None or normalise(text) in vocabulary.STORY_DONE_WORDS:
        # "klaar", "ja", "ok" or a thumbs-up name no place: never stored as one.
        return Reask(say("reask_where"))
    return Accept(text)


def parse_when_step(inbound: Inbound, ctx: Context) -> Parsed:
    text = inbound.text.strip()
    later = _later_answer(text, ctx)
    if later is not None:
        return later
    if text.isdigit():
        # A bare "1" is a slip for a choice, not "the 1st of this month".
        return Reask(say("when_unknown"))
    when = parse_when(text, ctx.now)
    if when is None and understanding.dont_know(text):
        when = When.not_known(ctx.now)
    if when is None:
        return Reask(say("when_unknown"))
    if when.is_future(ctx.now):
        return Reask(say("when_future", when=describe_when(when)))
    more = {"series": True} if when.series or read_story(text, ctx.now).series else {}
    value = _when_value(when, text)
    reply = None if value["guessed"] or when.unknown else say("when_noted", when=value["shown"])
    return Accept(value, reply=reply, more=more)


def when_to_confirm(ctx: Context) -> bool:
    """The date read from what the person typed is partly a guess (an hour without a
    day-part, a date more than a year back)."""
    when = ctx.answers.get("when")
    return isinstance(when, dict) and bool(when.get("guessed"))


def parse_when_ok(inbound: Inbound, _ctx: Context) -> Parsed:
    said = yes_no(inbound)
    if said is None:
        return Reask(say("reask_yes_no"))
    return Accept(True) if said.answer else Redo("when", reply=say("when_again"))


PERP_CHOICES = _choices("perp", ("bekend", "beschrijving", "onbekend"))


def _later_answer(text: str, ctx: Context | None = None) -> Keep | None:
    """A reply that answers a later question ("mijn buurvrouw zag het", "niemand zag het"):
    kept for that question (added to what it already holds), and the open one asked
    again."""
    if any(True for _ in understanding.find(lexicon.NOT_WITNESSED, text)):
        return Keep({"witnesses": say("value_none")}, reply=say("kept_for_witnesses"))
    saw = witnessed(text)
    if saw is not None and saw.strip() == text.strip().rstrip(".!;").strip():
        before = ctx.answers.get("witnesses") if ctx is not None else None
        kept = text.strip()
        if isinstance(before, str) and before and before != say("value_none"):
            kept = f"{before}; {kept}"
        return Keep({"witnesses": kept}, reply=say("kept_for_witnesses"))
    return None


def _who(text: str, ctx: Context) -> Parsed:
    """ "Weet je wie het deed?" answered in words: a name or "die man van de actiegroep"
    is who; "een man met een rode jas" is a description; "anoniem account" is unknown."""
    read = read_story(text, ctx.now).perp_known
    if read == "onbekend":
        return Accept("onbekend")
    if read == "beschrijving" or re.match(r"(?i)een\s", text):
        return Accept("beschrijving", more={"perp_details": text})
    return Accept("bekend", more={"perp_who": text})


def parse_perp_known(inbound: Inbound, ctx: Context) -> Parsed:
    value = one_of(inbound, PERP_CHOICES)
    if value is not None:
        return Accept(value)
    text = inbound.text.strip()
    if understanding.dont_know(text) or normalise(text) in vocabulary.NOBODY_WORDS:
        return Accept("onbekend")
    later = _later_answer(text, ctx)
    if later is not None:
        return later
    said = yes_no(inbound)
    if said is None:
        # A number not on the list, emoji, "overslaan": not a name.
        plain = understanding.clean(text)
        if len(plain) < 2 or plain.isdigit() or normalise(text) in vocabulary.SKIP_WORDS:
            return Reask(say("reask_choice"))
        return _who(text, ctx)
    if said.answer:
        return _who(said.detail, ctx) if said.detail else Accept("bekend")
    if said.detail and not understanding.dont_know(said.detail):
        if normalise(said.detail) in vocabulary.NOBODY_WORDS:
            return Accept("onbekend")
        return Accept("beschrijving", more={"perp_details": said.detail})
    return Accept("onbekend")


def parse_nothing_or_text(inbound: Inbound, _ctx: Context) -> Parsed:
    """A free answer where "nee" or "geen" is an answer too."""
    text = inbound.text.strip()
    if understanding.nothing(text):
        return Accept(say("value_none"))
    return Reask(say("reask_text")) if len(text) < 2 else Accept(text)


_REMOVE = re.compile(r"^(?:verwijder|wis|weg(?:halen)?)\s*(?:bestand\s*)?(\d{1,2})$")


def _items(ctx: Context) -> dict[str, Any]:
    return dict(ctx.answers.get("evidence_items") or {"files": [], "links": [], "notes": []})


def parse_evidence(inbound: Inbound, ctx: Context) -> Parsed:
    items = _items(ctx)
    text = inbound.text.strip()
    remove = _REMOVE.match(normalise(text)) if not inbound.attachments else None
    if remove:
        n = int(remove.group(1))
        if not 1 <= n <= len(items["files"]):
            return Reask(say("evidence_no_such_file", n=n))
        name = items["files"][n - 1]
        items = {**items, "files": [f for i, f in enumerate(items["files"]) if i != n - 1]}
        left = _has_items(items)
        reply = say("evidence_removed", name=name, items=_listing(items))
        if not left:
            reply = f"{reply}\n{say('evidence_more_or_done')}"
        return Collect("evidence_items", items, (), reply, removed=(n - 1,), go_on=left)
    later = _later_answer(text, ctx) if text and not inbound.attachments else None
    if later is not None:
        return later
    if inbound.choice is not None and not inbound.attachments and _has_items(items):
        # A button of the next question, shown after the files.
        return Handover(_evidence_line(items), otherwise=Accept(_evidence_line(items)))
    said = yes_no(inbound) if not inbound.attachments else None
    if not inbound.attachments and (
        not text
        or normalise(text) in vocabulary.EVIDENCE_DONE_WORDS
        or understanding.nothing(text)
        or (said is not None and not said.answer)
    ):
        if _has_items(items):
            return Accept(_evidence_line(items))
        return Accept(None)
    links = links_in(text)
    rest = text
    for link in links:
        rest = rest.replace(link, " ")
    before = items
    items = {
        "files": [*items["files"], *(a.filename for a in inbound.attachments)],
        "links": [*items["links"], *links],
        "notes": [*items["notes"], *([text] if rest.strip() and not links else [])],
    }
    if not inbound.attachments:
        # Links and notes come in one message: taken, and on to the next question. A
        # file sent later is still kept here (the flow's files_step).
        taken = Accept(_evidence_line(items), more={"evidence_items": items})
        if _has_items(before) and not links:
            # After files the next question was asked too: an answer to it ends the
            # evidence (no "klaar" needed); anything else is a note to the files.
            return Handover(_evidence_line(before), otherwise=taken)
        return taken
    return Collect(
        "evidence_items",
        items,
        tuple(inbound.attachments),
        say("evidence_received", items=_listing(items)),
        go_on=True,
    )


def _has_items(items: dict[str, Any]) -> bool:
    return bool(items["files"] or items["links"] or items["notes"])


def _listing(items: dict[str, Any]) -> str:
    lines = [f"{n}. {name}" for n, name in enumerate(items["files"], start=1)]
    if items["links"]:
        lines.append(say("evidence_links", n=len(items["links"])))
    if items["notes"]:
        lines.append(say("evidence_notes", n=len(items["notes"])))
    return "\n".join(lines) or say("evidence_empty")


def _evidence_line(items: dict[str, Any]) -> str:
    files = items["files"]
    parts = [say("evidence_files", n=len(files), names=", ".join(files))] if files else []
    if items["links"]:
        parts.append(say("evidence_links", n=len(items["links"])))
    if items["notes"]:
        parts.append(say("evidence_notes", n=len(items["notes"])))
    return "; ".join(parts)


def parse_injury(inbound: Inbound, ctx: Context) -> Parsed:
    values = several_of(inbound, _choices("injury", INJURIES))
    if values is None and inbound.choice is None:
        named, rest = some_of(inbound, _choices("injury", INJURIES))
        if named:
            return Accept(named, more={"injury_detail": rest} if rest else {})
    if values is None:
        text = inbound.text
        if understanding.nothing(text) or normalise(text) in vocabulary.NO_INJURY_WORDS:
            return Accept(["geen"])
        said = yes_no(inbound)
        if said is not None and said.answer and said.detail:
            read = [v for v in read_story(said.detail, ctx.now).injury if v in INJURIES]
            if read:
                return Accept(read, more={"injury_detail": said.detail})
            return Keep({"injury_detail": said.detail}, reply=say("injury_which"))
        return Reask(say("reask_several"))
    if "geen" in values and len(values) > 1:
        values = [v for v in values if v != "geen"]
    return Accept(values)


# "Is er letsel, schade aan spullen of kon je niet werken?": the injuries a person can
# tell at once, then damage and time off. "Blijvend" is not offered (rarely known yet);
# the injury row of the review still offers it.
IMPACT_INJURIES = ("lichamelijk_letsel", "psychisch_letsel", "ziekenhuis")
IMPACT_CHOICES = (
    *(Choice(v, say(f"injury_{v}")) for v in IMPACT_INJURIES),
    Choice("schade", say("impact_schade")),
    Choice("niet_werken", say("impact_niet_werken")),
)
_IMPACT_STEPS = ("injury", "damage", "time_off")


def impact_open(ctx: Context) -> bool:
    """Injury, damage or time off is not known yet (the story may have told some)."""
    return any(step not in ctx.answers for step in _IMPACT_STEPS)


def _impact(picked: list[str], detail: str, ctx: Context) -> Accept:
    """What was picked answers the three questions; what was not picked is a no. The
    detail typed with it is kept with what it tells of (damage, else injury)."""
    injury = [v for v in picked if v in INJURIES]
    more: dict[str, Any] = {}
    if not detail and ctx.answers.get("impact_detail"):
        # "ja, krassen op de deur", then "4": the detail goes with what was picked now.
        detail = str(ctx.answers["impact_detail"])
        more["impact_detail"] = None
    told = read_story(detail, ctx.now) if detail else None
    if told is not None:
        injury += [v for v in told.injury if v in INJURIES and v != "geen" and v not in injury]
        if told.damage and "schade" not in picked:
            picked = [*picked, "schade"]
        if _time_off_in(detail) and "niet_werken" not in picked:
            picked = [*picked, "niet_werken"]
    if "injury" not in ctx.answers:
        more["injury"] = injury or ["geen"]
    elif injury:
        more["injury"] = [
            *(v for v in ctx.answers["injury"] if v != "geen"),
            *(v for v in injury if v not in ctx.answers["injury"]),
        ]
    if "damage" not in ctx.answers or "schade" in picked:
        more["damage"] = "schade" in picked
    if "time_off" not in ctx.answers or "niet_werken" in picked:
        more["time_off"] = "niet_werken" in picked
    if detail:
        where = "injury_detail"
        if "schade" in picked:
            where = "damage_detail"
        elif "niet_werken" in picked:
            where = "time_off_detail"
        more[where] = detail
    return Accept(picked or ["geen"], more=more)


def _time_off_in(text: str) -> bool:
    return bool(understanding.mentions(lexicon.TIME_OFF, text))


def parse_impact(inbound: Inbound, ctx: Context) -> Parsed:
    text = inbound.text.strip()
    picked = several_of(inbound, IMPACT_CHOICES)
    if picked is not None:
        return _impact(picked, "", ctx)
    if understanding.nothing(text) or normalise(text) in vocabulary.NO_INJURY_WORDS:
        return _impact([], "", ctx)
    if understanding.dont_know(text):
        # Not known: damage and time off say so; the injury question comes on its own.
        return Accept(["weet_niet"], more={"damage": "weet_niet", "time_off": "weet_niet"})
    named, rest = some_of(inbound, IMPACT_CHOICES)
    if named:
        return _impact(named, rest, ctx)
    said = yes_no(inbound)
    detail = said.detail if said is not None else text
    if said is not None and not said.answer and not detail:
        return _impact([], "", ctx)
    told = read_story(detail, ctx.now) if detail else None
    if told is not None and (
        told.damage or _time_off_in(detail) or any(v != "geen" for v in told.injury)
    ):
        return _impact([], detail, ctx)
    if said is not None and said.answer:
        more = {"impact_detail": detail} if detail else {}
        return Keep(more, reply=say("impact_which")) if more else Reask(say("impact_which"))
    return Reask(say("impact_which"))


def _yes_no_unknown(step_id: str) -> Any:
    """Yes, no or "weet ik niet"; what follows a "ja, ..." is kept as its detail."""

    def parse(inbound: Inbound, _ctx: Context) -> Parsed:
        if understanding.dont_know(inbound.text):
            return Accept("weet_niet")
        said = yes_no(inbound)
        if said is None:
            return Reask(say("reask_yes_no"))
        more = {f"{step_id}_detail": said.detail} if said.detail else {}
        return Accept(said.answer, more=more)

    return parse


CRIMINAL_CHOICES = _choices("criminal", ("ja", "nee", "weet_niet"))


def parse_criminal(inbound: Inbound, _ctx: Context) -> Parsed:
    value = one_of(inbound, CRIMINAL_CHOICES)
    if value is None and understanding.dont_know(inbound.text):
        value = "weet_niet"
    if value is None:
        said = yes_no(inbound)
        value = None if said is None else ("ja" if said.answer else "nee")
    return Reask(say("reask_choice")) if value is None else Accept(value)
