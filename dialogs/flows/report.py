"""The report flow: safety first, then what, where, when, who, evidence, impact, review.

Each step is one entry: its prompt, how its answer is read, when it is asked, and how it
shows in the review. Adding a question is adding an entry.
"""

from __future__ import annotations

from typing import Any

from bot.domain.dates import When, parse_when
from bot.domain.incident import INJURIES, KINDS
from bot.domain.routing import is_reporter_role
from bot.text import vocabulary
from bot.text.catalogue import say
from bot.text.format import describe_when
from dialogs.conditions import AnswerIn, AnswerIs, Check
from dialogs.engine import normalise
from dialogs.flow import Accept, Ask, Collect, Context, Flow, Parsed, Pause, Reask, Redo, Step
from dialogs.messages import Choice, Inbound
from dialogs.parsing import links_in, one_of, several_of, yes_no


def _choices(prefix: str, values: tuple[str, ...]) -> tuple[Choice, ...]:
    return tuple(Choice(v, say(f"{prefix}_{v}")) for v in values)


YES_NO = (Choice("ja", say("yes")), Choice("nee", say("no")))


def reporter_roles(ctx: Context) -> list[tuple[str, str]]:
    return [(r.role, r.org.slug) for r in ctx.person.roles if is_reporter_role(r.role)]


def role_label(role: str, org_name: str) -> str:
    return say("role_in_org", role=say(f"role_{role}"), org=org_name)


def _role_choices(ctx: Context) -> tuple[Choice, ...]:
    return tuple(
        Choice(f"{r.role}@{r.org.slug}", role_label(r.role, r.org.name))
        for r in ctx.person.roles
        if is_reporter_role(r.role)
    )


# --- parsers -----------------------------------------------------------------------------


def _yes_no_step(reask: str) -> Any:
    def parse(inbound: Inbound, _ctx: Context) -> Parsed:
        answer = yes_no(inbound)
        return Reask(say(reask)) if answer is None else Accept(answer)

    return parse


def parse_safe(inbound: Inbound, _ctx: Context) -> Parsed:
    answer = yes_no(inbound)
    if answer is None:
        return Reask(say("reask_yes_no"))
    return Accept(answer, reply=None if answer else say("unsafe_advice"))


def parse_safe_continue(inbound: Inbound, _ctx: Context) -> Parsed:
    answer = yes_no(inbound)
    if answer is None:
        return Reask(say("reask_yes_no"))
    return Accept(True) if answer else Pause()


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


def parse_kinds(inbound: Inbound, _ctx: Context) -> Parsed:
    values = several_of(inbound, _choices("kind", KINDS))
    return Reask(say("reask_several")) if values is None else Accept(values)


def parse_when_step(inbound: Inbound, ctx: Context) -> Parsed:
    when = parse_when(inbound.text, ctx.now)
    if when is None:
        return Reask(say("when_unknown"))
    if when.is_future(ctx.now):
        return Reask(say("when_future", when=describe_when(when)))
    return Accept(_when_value(when, inbound.text))


def _when_value(when: When, typed: str) -> dict[str, Any]:
    return {
        "start": when.start.isoformat(),
        "end": when.end.isoformat() if when.end else None,
        "typed": typed.strip(),
        "shown": describe_when(when),
    }


def parse_when_ok(inbound: Inbound, _ctx: Context) -> Parsed:
    answer = yes_no(inbound)
    if answer is None:
        return Reask(say("reask_yes_no"))
    return Accept(True) if answer else Redo("when", reply=say("when_again"))


PERP_CHOICES = _choices("perp", ("bekend", "beschrijving", "onbekend"))


def parse_perp_known(inbound: Inbound, _ctx: Context) -> Parsed:
    value = one_of(inbound, PERP_CHOICES)
    if value is None:
        answer = yes_no(inbound)
        value = None if answer is None else ("bekend" if answer else "onbekend")
    return Reask(say("reask_choice")) if value is None else Accept(value)


def parse_evidence(inbound: Inbound, ctx: Context) -> Parsed:
    items: dict[str, Any] = dict(
        ctx.answers.get("evidence_items") or {"files": [], "links": [], "notes": []}
    )
    text = inbound.text.strip()
    if not inbound.attachments and yes_no(inbound) is False:
        return Accept(None)
    if not inbound.attachments and (not text or _no_more_evidence(text)):
        if not (items["files"] or items["links"] or items["notes"]):
            return Accept(None)
        return Accept(_evidence_line(items))
    links = links_in(text)
    rest = text
    for link in links:
        rest = rest.replace(link, " ")
    items = {
        "files": [*items["files"], *(a.filename for a in inbound.attachments)],
        "links": [*items["links"], *links],
        "notes": [*items["notes"], *([text] if rest.strip() and not links else [])],
    }
    return Collect(
        "evidence_items",
        items,
        tuple(inbound.attachments),
        say(
            "evidence_received",
            count=len(items["files"]) + len(items["links"]) + len(items["notes"]),
        ),
    )


def _no_more_evidence(text: str) -> bool:
    return text.strip().lower().rstrip(".!") in vocabulary.EVIDENCE_DONE_WORDS


def _evidence_line(items: dict[str, Any]) -> str:
    return say(
        "evidence_summary",
        files=len(items["files"]),
        links=len(items["links"]),
        notes=len(items["notes"]),
    )


def parse_injury(inbound: Inbound, _ctx: Context) -> Parsed:
    values = several_of(inbound, _choices("injury", INJURIES))
    if values is None:
        if yes_no(inbound) is False or normalise(inbound.text) in vocabulary.NO_INJURY_WORDS:
            return Accept(["geen"])
        return Reask(say("reask_several"))
    if "geen" in values and len(values) > 1:
        values = [v for v in values if v != "geen"]
    return Accept(values)


CRIMINAL_CHOICES = _choices("criminal", ("ja", "nee", "weet_niet"))


def parse_criminal(inbound: Inbound, _ctx: Context) -> Parsed:
    value = one_of(inbound, CRIMINAL_CHOICES)
    if value is None:
        answer = yes_no(inbound)
        value = None if answer is None else ("ja" if answer else "nee")
    return Reask(say("reask_choice")) if value is None else Accept(value)


# --- how answers show in the review ------------------------------------------------------


def _show_yes_no(value: Any, _ctx: Context) -> str:
    return say("yes") if value else say("no")


def _show_list(prefix: str) -> Any:
    def show(value: Any, _ctx: Context) -> str:
        return ", ".join(say(f"{prefix}_{v}") for v in value)

    return show


def _show_role(value: Any, ctx: Context) -> str:
    role, _, slug = str(value).partition("@")
    org = next((r.org for r in ctx.person.roles if r.org.slug == slug), None)
    return role_label(role, org.name if org else slug)


def _show_when(value: Any, _ctx: Context) -> str:
    return str(value["shown"])


def _show_choice(prefix: str) -> Any:
    def show(value: Any, _ctx: Context) -> str:
        return say(f"{prefix}_{value}")

    return show


# --- the flow ----------------------------------------------------------------------------


def several_roles(ctx: Context) -> bool:
    """The person reports in more than one role."""
    return len(reporter_roles(ctx)) > 1


def _prefill(ctx: Context) -> dict[str, Any]:
    roles = reporter_roles(ctx)
    return {"role": f"{roles[0][0]}@{roles[0][1]}"} if len(roles) == 1 else {}


def _intro(ctx: Context) -> str:
    return say("intro", name=ctx.person.name.split(" ")[0])


def _when_shown(ctx: Context) -> dict[str, object]:
    return {"when": ctx.answers["when"]["shown"]}


REPORT = Flow(
    name="report",
    intro=_intro,
    prefill=_prefill,
    files_step="evidence",
    steps=(
        Step(
            "safe", Ask("ask_safe", YES_NO), parse_safe, why="why_safe", clears=("safe_continue",)
        ),
        Step(
            "safe_continue",
            Ask("ask_safe_continue", YES_NO),
            parse_safe_continue,
            ask_if=AnswerIs("safe", False),
            why="why_safe",
        ),
        Step(
            "role",
            Ask("ask_role", _role_choices),
            parse_role,
            ask_if=Check(several_roles),
            why="why_role",
            label="label_role",
            show=_show_role,
        ),
        Step(
            "what",
            Ask("ask_what"),
            parse_free_text("reask_what"),
            why="why_what",
            label="label_what",
        ),
        Step(
            "kinds",
            Ask("ask_kinds", _choices("kind", KINDS), multi=True),
            parse_kinds,
            why="why_kinds",
            label="label_kinds",
            show=_show_list("kind"),
        ),
        Step(
            "where",
            Ask("ask_where"),
            parse_free_text("reask_where"),
            why="why_where",
            label="label_where",
        ),
        Step(
            "when",
            Ask("ask_when"),
            parse_when_step,
            why="why_when",
            label="label_when",
            show=_show_when,
            clears=("when_ok",),
        ),
        Step(
            "when_ok",
            Ask("ask_when_ok", YES_NO, values=_when_shown),
            parse_when_ok,
            why="why_when",
            redo=("when",),
        ),
        Step(
            "perp_known",
            Ask("ask_perp_known", PERP_CHOICES),
            parse_perp_known,
            why="why_perp",
            label="label_perp_known",
            show=_show_choice("perp"),
            clears=("perp_who", "perp_details"),
        ),
        Step(
            "perp_who",
            Ask("ask_perp_who"),
            parse_free_text("reask_text"),
            ask_if=AnswerIs("perp_known", "bekend"),
            why="why_perp",
            label="label_perp_who",
        ),
        Step(
            "perp_details",
            Ask("ask_perp_details"),
            parse_free_text("reask_text"),
            ask_if=AnswerIn("perp_known", ("bekend", "beschrijving")),
            skippable=True,
            why="why_perp_details",
            label="label_perp_details",
        ),
        Step(
            "witnesses",
            Ask("ask_witnesses"),
            parse_free_text("reask_text"),
            skippable=True,
            why="why_witnesses",
            label="label_witnesses",
        ),
        Step(
            "evidence",
            Ask("ask_evidence"),
            parse_evidence,
            skippable=True,
            why="why_evidence",
            label="label_evidence",
        ),
        Step(
            "injury",
            Ask("ask_injury", _choices("injury", INJURIES), multi=True),
            parse_injury,
            why="why_injury",
            label="label_injury",
            show=_show_list("injury"),
        ),
        Step(
            "damage",
            Ask("ask_damage", YES_NO),
            _yes_no_step("reask_yes_no"),
            why="why_damage",
            label="label_damage",
            show=_show_yes_no,
        ),
        Step(
            "time_off",
            Ask("ask_time_off", YES_NO),
            _yes_no_step("reask_yes_no"),
            why="why_time_off",
            label="label_time_off",
            show=_show_yes_no,
        ),
        Step(
            "criminal",
            Ask("ask_criminal", CRIMINAL_CHOICES),
            parse_criminal,
            why="why_criminal",
            label="label_criminal",
            show=_show_choice("criminal"),
        ),
    ),
)
