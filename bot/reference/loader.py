"""The editable reference data shipped with the package: organisations and helplines."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from bot.domain.office_hours import OfficeHours
from bot.domain.routing import Organisation, OrgKind


def _load(name: str, override: Path | None) -> Any:
    if override is not None:
        return json.loads(override.read_text(encoding="utf-8"))
    data = resources.files("bot.reference").joinpath("data", name)
    return json.loads(data.read_text(encoding="utf-8"))


def load_organisations(path: Path | None = None) -> list[Organisation]:
    """The organisations from `path`, or the shipped Utrecht list."""
    doc = _load("organisations.json", path)
    return [
        Organisation(
            slug=o["slug"],
            name=o["name"],
            kind=OrgKind(o["kind"]),
            ack_hours=float(o["ack_hours"]) if o.get("ack_hours") else None,
            office_hours=OfficeHours.from_data(o.get("office_hours")),
        )
        for o in doc["organisations"]
    ]


@dataclass(frozen=True)
class Helpline:
    key: str
    name: str
    purpose: str
    number: str
    roles: tuple[str, ...]
    serious_only: bool


def load_helplines(path: Path | None = None) -> list[Helpline]:
    doc = _load("helplines.json", path)
    return [
        Helpline(
            key=h["key"],
            name=h["name"],
            purpose=h["for"],
            number=h["number"],
            roles=tuple(h["roles"]),
            serious_only=bool(h["serious_only"]),
        )
        for h in doc["helplines"]
    ]


def helplines_for(helplines: list[Helpline], role: str, serious: bool) -> list[Helpline]:
    """The contacts that fit a reporter in `role`; only those with a number to call."""
    return [
        h
        for h in helplines
        if h.number
        and (not h.roles or role in h.roles)
        and (serious or not h.serious_only)
        and h.key != "112"
    ]


def _norm(text: str) -> str:
    t = " ".join(text.strip().lower().split())
    for prefix in ("gemeente ", "provincie "):
        if t.startswith(prefix) and t != "provincie utrecht":
            t = t[len(prefix) :]
    return t


def find_organisation(orgs: list[Organisation], text: str) -> Organisation | None:
    """Match an organisation by slug or name, case-insensitively, ignoring "Gemeente "."""
    wanted = _norm(text)
    for org in orgs:
        if wanted in (org.slug, _norm(org.name), _norm(org.name.replace("-", " "))):
            return org
    slugged = wanted.replace(" ", "-")
    return next((o for o in orgs if o.slug == slugged), None)
