"""The handler's pages: the case list, "Mijn termijnen", the case page and its forms.

Each form on the case page posts to `/console/melding/REF/VERB`, and is run as the press
of the same verb on a Teams card (bot/cases/actions.py), so the console has no rules of
its own: what the card may do, the page may do, and what the card refuses, the page
refuses with the same words. The answer is the case page again, with what the form did.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import quote

from aiohttp import web
from multidict import MultiDictProxy

from adapters.console.web import console, forbidden, page, signed_in, t
from bot.cases.actions import (
    ACKNOWLEDGE_VERB,
    ADD_NOTE_VERB,
    CLOSE_CASE_VERB,
    PARTIES_FIELD,
    RECORD_RESPONSE_VERB,
    TICK_STEP_VERB,
)
from bot.cases.notices import CaseDetails, Refusal
from bot.console.overview import STATUSES, CaseFilter, DeadlineStatus, status_label
from bot.console.service import EvidenceFile
from bot.domain.closing import OFFERED, Measure
from bot.domain.records import Person

# The path word of each form, and the card verb it is. Only these fields go through.
FORMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ontvangst": (ACKNOWLEDGE_VERB, ()),
    "stap": (TICK_STEP_VERB, ("step", "value")),
    "reactie": (RECORD_RESPONSE_VERB, ("response", "measure", "until", "damages", "note")),
    "notitie": (ADD_NOTE_VERB, ("note",)),
    "sluiten": (CLOSE_CASE_VERB, ("no_response", "reason", "override")),
}
_REFERENCE = re.compile(r"WB-?[0-9A-Z]{6}", re.I)


def _reference(request: web.Request) -> str:
    reference = request.match_info["reference"]
    if not _REFERENCE.fullmatch(reference):
        raise web.HTTPNotFound()
    return reference.upper()


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _choice(value: str | None, allowed: set[str]) -> str | None:
    return value if value in allowed else None


async def case_list(request: web.Request) -> web.Response:
    person = await signed_in(request)
    q = request.query
    wanted = CaseFilter(
        status=_choice(q.get("status"), {str(s) for s in STATUSES}),
        kind=q.get("soort") or None,
        since=_day(q.get("van")),
        until=_day(q.get("tot")),
        deadline=_choice(q.get("termijn"), {str(s) for s in DeadlineStatus}),
    )
    rows, kinds = await console(request).app.console.cases(person, wanted)
    return page(
        request,
        "cases.html",
        title=t("console_cases_title"),
        rows=rows,
        kinds=kinds,
        wanted=wanted,
        statuses=[(str(s), status_label(s)) for s in STATUSES],
        deadline_states=[(str(s), t(f"console_deadline_{s}")) for s in DeadlineStatus],
        filtered=any(k in q for k in ("status", "soort", "van", "tot", "termijn")),
    )


async def deadlines(request: web.Request) -> web.Response:
    person = await signed_in(request)
    items = await console(request).app.console.deadlines(person)
    groups = [
        (state, t(f"console_deadline_group_{state}"), [i for i in items if i.state == state])
        for state in (DeadlineStatus.ESCALATED, DeadlineStatus.OVERDUE, DeadlineStatus.OPEN)
    ]
    return page(request, "deadlines.html", title=t("console_deadlines_title"), groups=groups)


async def _case_page(
    request: web.Request,
    person: Person,
    reference: str,
    done: str | None = None,
    refused: str | None = None,
    status: int = 200,
) -> web.Response:
    view = await console(request).app.console.read_case(person, reference)
    if view.status == 404:
        raise web.HTTPNotFound()
    if view.details is None:
        return forbidden(request, view.text)
    return page(
        request,
        "case.html",
        status=status,
        title=t("console_case_title", reference=view.details.reference),
        case=view.details,
        done=done,
        refused=refused,
        responses=[(str(r), t(f"response_{r}")) for r in OFFERED],
        measures=[(str(m), t(f"measure_{m}")) for m in Measure],
    )


async def case_page(request: web.Request) -> web.Response:
    person = await signed_in(request)
    return await _case_page(request, person, _reference(request))


def _form_data(form: MultiDictProxy[Any], fields: tuple[str, ...]) -> dict[str, object]:
    data: dict[str, object] = {}
    for name in fields:
        value = form.get(name)
        if isinstance(value, str):
            data[name] = value
    parties = [p for p in form.getall(PARTIES_FIELD, []) if isinstance(p, str)]
    if parties or form.get("parties_shown") == "1":
        data[PARTIES_FIELD] = parties
    return data


async def case_form(request: web.Request) -> web.Response:
    """A form of the case page: run as the card's press, then the page again."""
    person = await signed_in(request)
    reference = _reference(request)
    found = FORMS.get(request.match_info["form"])
    if found is None:
        raise web.HTTPNotFound()
    verb, fields = found
    form = await request.post()
    form_id = form.get("form_id")
    if not isinstance(form_id, str) or not 8 <= len(form_id) <= 64:
        raise web.HTTPBadRequest()
    data = {"reference": reference, **_form_data(form, fields)}
    answer = await console(request).app.console.act(person, verb, data, form_id)
    if answer is None:  # the same form again: it was done the first time
        return await _case_page(request, person, reference)
    notice = answer.notice
    if isinstance(notice, Refusal) or (isinstance(notice, CaseDetails) and notice.status_refused):
        # The press changed nothing: the page says why, as the card does.
        text = notice.status_line if isinstance(notice, CaseDetails) else None
        return await _case_page(request, person, reference, refused=text or answer.text, status=409)
    done = notice.status_line if isinstance(notice, CaseDetails) else answer.text
    return await _case_page(request, person, reference, done=done or answer.text)


async def evidence(request: web.Request) -> web.StreamResponse:
    person = await signed_in(request)
    reference = _reference(request)
    try:
        evidence_id = int(request.match_info["evidence"])
    except ValueError:
        raise web.HTTPNotFound() from None
    found = await console(request).app.console.evidence(person, reference, evidence_id)
    if not isinstance(found, EvidenceFile):
        if found.status == 403:
            return forbidden(request, found.text)
        raise web.HTTPNotFound()
    name = quote(found.filename.replace("/", "_"))
    return web.Response(
        body=found.data,
        content_type="application/octet-stream",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"},
    )


def add_routes(app: web.Application) -> None:
    app.router.add_get("/", case_list)
    app.router.add_get("/termijnen", deadlines)
    app.router.add_get("/melding/{reference}", case_page)
    app.router.add_post("/melding/{reference}/{form}", case_form)
    app.router.add_get("/melding/{reference}/bewijs/{evidence}", evidence)
