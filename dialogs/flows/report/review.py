"""How the report's answers show in the review."""

from __future__ import annotations

from typing import Any

from bot.text.catalogue import say
from dialogs.flow import (
    Context,
)
from dialogs.flows.report.common import role_label

# --- how answers show in the review ------------------------------------------------------


def _show_yes_no_detail(step_id: str) -> Any:
    def show(value: Any, ctx: Context) -> str:
        shown = say("criminal_weet_niet") if value == "weet_niet" else say("yes" if value else "no")
        detail = ctx.answers.get(f"{step_id}_detail")
        return f"{shown} ({detail})" if detail else shown

    return show


def _show_list(prefix: str, detail: str | None = None) -> Any:
    def show(value: Any, ctx: Context) -> str:
        shown = ", ".join(say(f"{prefix}_{v}") for v in value)
        typed = ctx.answers.get(detail) if detail else None
        return f"{shown} ({typed})" if typed else shown

    return show


def _show_role(value: Any, ctx: Context) -> str:
    role, _, slug = str(value).partition("@")
    org = next((r.org for r in ctx.person.roles if r.org.slug == slug), None)
    return role_label(role, org.name if org else slug)


def _show_when(value: Any, ctx: Context) -> str:
    shown = str(value["shown"])
    if ctx.answers.get("series") and not value.get("series"):
        return say("when_with_series", when=shown)
    return shown


def _show_choice(prefix: str) -> Any:
    def show(value: Any, _ctx: Context) -> str:
        return say(f"{prefix}_{value}")

    return show
