"""Reading the story: what it says, and the read-back of it ("Ik lees: ... Klopt dat?")."""

from __future__ import annotations

from typing import Any

from bot.domain.dates import When
from bot.domain.incident import INJURIES, KINDS
from bot.text.catalogue import say
from bot.text.format import describe_when
from dialogs.flow import (
    Context,
)
from dialogs.flows.report.common import STORY_WORDS
from dialogs.messages import Choice
from dialogs.story import read_story

# --- the story and what it says ----------------------------------------------------------


def _is_story(text: str) -> bool:
    return len(text.split()) >= STORY_WORDS


def _when_value(when: When, typed: str) -> dict[str, Any]:
    """How a `When` is stored: the moment, what was typed, how it reads back, and the
    flags the review and the clocks need (bot/domain/dates/when.py)."""
    return {
        "start": when.start.isoformat(),
        "end": when.end.isoformat() if when.end else None,
        "typed": typed.strip(),
        "shown": describe_when(when),
        "unknown": when.unknown,
        "approximate": when.approximate,
        "series": when.series,
        # A reading that guessed: asked to confirm ("Klopt dat?"); any other is read back
        # in the next question, and "terug" or the review changes it.
        "guessed": bool(when.assumed) or when.long_ago,
    }


def story_facts(text: str, ctx: Context) -> dict[str, Any]:
    """The answers the story gives, by step (and the `series` field)."""
    facts = read_story(text, ctx.now)
    found: dict[str, Any] = {}
    kinds = [k for k in facts.kinds if k in KINDS]
    if kinds:
        found["kinds"] = kinds
    where = [facts.where] if facts.where else []
    if facts.platform:
        where.append(say("story_online_on", platform=facts.platform))
    where += list(facts.links)
    if where:
        found["where"] = ", ".join(where)
    if facts.when is not None:
        found["when"] = _when_value(facts.when[0], facts.when[1])
        found["when_ok"] = True
        if facts.when[0].series:
            found["series"] = True
    if facts.series:
        found["series"] = True
    if facts.perp_known in ("bekend", "beschrijving", "onbekend"):
        found["perp_known"] = facts.perp_known
        if facts.perp_who and facts.perp_known == "bekend":
            found["perp_who"] = facts.perp_who
        elif facts.perp_who and facts.perp_known == "beschrijving":
            found["perp_details"] = facts.perp_who
    if facts.known_to_police:
        found["perp_details"] = say("perp_known_to_police")
    injury = [v for v in facts.injury if v in INJURIES]
    if facts.hospital and "ziekenhuis" not in injury:
        injury.append("ziekenhuis")
    if injury:
        found["injury"] = injury
    if facts.damage is not None:
        found["damage"] = facts.damage
    if facts.no_witnesses:
        found["witnesses"] = say("value_none")
    elif facts.witnesses:
        found["witnesses"] = facts.witnesses
    if set(kinds) & OFFENCES:
        found["criminal"] = "ja"
    return found


# Kinds that are a criminal offence as such (threat, violence, destruction, discrimination):
# a story that tells one answers "is het strafbaar?" with yes, and says so in the read-back.
OFFENCES = frozenset({"bedreiging", "fysiek_geweld", "vernieling", "discriminatie"})


def _story_with(ctx: Context, text: str) -> dict[str, Any]:
    """The story so far with `text` added, and what the whole of it says."""
    before = ctx.answers.get("what")
    whole = f"{before}\n{text.strip()}" if isinstance(before, str) and before else text.strip()
    return {"what": whole, "story_facts": story_facts(whole, ctx)}


def _facts_line(found: dict[str, Any], ctx: Context) -> str:
    parts: list[str] = []
    online = "online" in str(found.get("where", ""))
    for kind in found.get("kinds", ()):
        if not (kind == "online" and online):
            parts.append(say(f"kind_{kind}").lower())
    if "where" in found:
        parts.append(str(found["where"]))
    if "when" in found:
        parts.append(str(found["when"]["shown"]))
    if found.get("series") and not (found.get("when") or {}).get("series"):
        parts.append(say("story_series"))
    if "perp_who" in found:
        parts.append(say("story_perp", who=found["perp_who"]))
    for value in found.get("injury", ()):
        parts.append(say(f"injury_{value}").lower())
    if found.get("damage"):
        parts.append(say("story_damage"))
    if "witnesses" in found:
        none = found["witnesses"] == say("value_none")
        parts.append(
            say("story_no_witnesses") if none else say("story_witnesses", who=found["witnesses"])
        )
    if found.get("criminal") == "ja":
        parts.append(say("story_criminal"))
    return ", ".join(parts)


def _new_facts(ctx: Context, found: dict[str, Any]) -> dict[str, Any]:
    """The facts of the story that answer a question not answered yet."""
    return {k: v for k, v in found.items() if k not in ctx.answers}


# --- the read-back: "Ik lees: ... Klopt dat?"


def _story_question(ctx: Context) -> dict[str, object]:
    found = _new_facts(ctx, dict(ctx.answers.get("story_facts") or {}))
    if found:
        return {"question": say("story_found", facts=_facts_line(found, ctx))}
    return {"question": say("story_add")}


def _story_choices(ctx: Context) -> tuple[Choice, ...]:
    if _new_facts(ctx, dict(ctx.answers.get("story_facts") or {})):
        return (Choice("ja", say("choice_story_right")), Choice("nee", say("choice_story_wrong")))
    return (Choice("klaar", say("choice_story_done")),)
