"""Shared by the report flow's modules: the choice helpers, the reporter's roles."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.routing import is_reporter_role
from bot.text.catalogue import say
from dialogs.flow import (
    Context,
)
from dialogs.messages import Choice


def _choices(prefix: str, values: tuple[str, ...]) -> tuple[Choice, ...]:
    return tuple(Choice(v, say(f"{prefix}_{v}")) for v in values)


YES_NO = (Choice("ja", say("yes")), Choice("nee", say("no")))

# read_story needs a moment; for the kinds of behaviour alone any moment will do.
_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)

# A message this long (in words) that is not the answer asked for is part of the story.
STORY_WORDS = 4


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
