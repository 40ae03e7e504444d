"""The pages of the whole picture: trends (with a CSV per table), the evaluation form of a
case, the open evaluations, and the perpetrator dossier of a case.

Built in the console's idiom (adapters/console/web.py): `signed_in`, the core
(bot/console/insight.py `InsightService`) for reading, deciding and auditing, `page` for
the answer. A `UserError` of the core (refused, not found, a form to correct) is shown on
the page, with 403 for a refusal (`forbidden`).
"""

from __future__ import annotations

import csv
import io
import re

from aiohttp import web

from adapters.console.charts import chart_svg, data_uri
from adapters.console.pages import _reference
from adapters.console.web import console, forbidden, page, signed_in, t
from bot.console.insight import InsightService
from bot.domain.evaluation import EvaluationRecord, Level
from bot.domain.records import Person
from bot.errors import UserError
from bot.text.format import day_of, month_name, short_moment

_TABLE_KEY = re.compile(r"[a-z_]{2,20}")


async def _signed_in(request: web.Request) -> tuple[Person, InsightService]:
    """The signed-in person (or the redirect to sign in) and the core of these pages."""
    return await signed_in(request), console(request).app.insight


def _months(request: web.Request) -> int:
    try:
        months = int(request.query.get("maanden", "12"))
    except ValueError:
        return 12
    return min(max(months, 1), 36)


async def trends(request: web.Request) -> web.Response:
    person, service = await _signed_in(request)
    months = _months(request)
    try:
        found = await service.trends(person, months)
    except UserError as refused:
        return forbidden(request, str(refused))
    charts = []
    for table in found.tables:
        title = t(f"trend_{table.key}")
        labels = found.labels[table.key]
        charts.append((table, title, labels, data_uri(chart_svg(table, title, labels))))
    period = found.period
    return page(
        request,
        "trends.html",
        title=t("insight_trends_title"),
        nav="trends",
        charts=charts,
        months=months,
        intro=t(
            "insight_trends_intro",
            scope=found.scope.name,
            start=month_name(period.month_list[0]),
            end=month_name(period.month_list[-1]),
            small=f"< {found.threshold}",
        ),
    )


async def trend_csv(request: web.Request) -> web.Response:
    """One table as CSV: the row labels and the shown cells ("< 5" where held back), no
    story, no names, no references."""
    person, service = await _signed_in(request)
    key = request.match_info["table"]
    if not _TABLE_KEY.fullmatch(key):
        raise web.HTTPNotFound()
    try:
        found = await service.trends(person, _months(request))
    except UserError:
        raise web.HTTPForbidden() from None
    table = found.table(key)
    if table is None:
        raise web.HTTPNotFound()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t("insight_table_row"), *table.columns, t("insight_table_total")])
    labels = found.labels[key]
    for row in table.rows:
        writer.writerow(
            [labels.get(row.key, row.key), *(c.shown for c in row.cells), row.total.shown]
        )
    return web.Response(
        text=out.getvalue(),
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="weerbaar-{key}.csv"'},
    )


async def evaluation(request: web.Request) -> web.Response:
    person, service = await _signed_in(request)
    reference = _reference(request)
    error: str | None = None
    done: str | None = None
    status = 200
    current: EvaluationRecord | None
    try:
        if request.method == "POST":
            form = await request.post()
            saved = await service.save_evaluation(
                person, reference, {k: v for k, v in form.items() if isinstance(v, str)}
            )
            done = t("evaluation_saved", reference=reference)
            current = saved
        else:
            current = await service.evaluation(person, reference)
    except UserError as refused:
        if request.method == "POST":
            try:
                current = await service.evaluation(person, reference)
                error, status = str(refused), 400
            except UserError as again:
                return forbidden(request, str(again))
        else:
            return forbidden(request, str(refused))
    return page(
        request,
        "evaluation.html",
        status=status,
        title=t("insight_evaluation_title", reference=reference),
        reference=reference,
        current=current,
        levels=[(lv.value, t(f"level_{lv.value}")) for lv in Level],
        done=done,
        error=error,
        evaluated=(
            t(
                "insight_evaluated_by",
                name=current.evaluated_by or "-",
                time=short_moment(current.evaluated_at),
            )
            if current is not None and current.evaluated_at is not None
            else None
        ),
    )


async def evaluations(request: web.Request) -> web.Response:
    person, service = await _signed_in(request)
    found = await service.open_evaluations(person)
    rows = [(e, t("insight_evaluations_asked", time=short_moment(e.requested_at))) for e in found]
    # The dossier links this person may decide, each by the side they may read.
    suggestions = [
        (link, a if a.full else b, b if a.full else a)
        for link, a, b in await service.suggestions(person)
        if a.full or b.full
    ]
    return page(
        request,
        "evaluations.html",
        title=t("insight_evaluations_title"),
        nav="evaluations",
        rows=rows,
        suggestions=suggestions,
        when=day_of,
    )


async def dossier(request: web.Request) -> web.Response:
    person, service = await _signed_in(request)
    reference = _reference(request)
    try:
        found = await service.dossier(person, reference)
    except UserError as refused:
        return forbidden(request, str(refused))
    return page(
        request,
        "dossier.html",
        title=t("insight_dossier_title", reference=reference),
        reference=reference,
        dossier=found,
        when=day_of,
    )


async def decide(request: web.Request) -> web.Response:
    person, service = await _signed_in(request)
    try:
        link_id = int(request.match_info["link"])
    except ValueError:
        raise web.HTTPNotFound() from None
    verb = request.match_info["verb"]
    if verb not in ("bevestig", "afwijs"):
        raise web.HTTPNotFound()
    form = await request.post()
    back = form.get("reference")
    try:
        await service.decide(person, link_id, verb == "bevestig")
    except UserError as refused:
        return forbidden(request, str(refused))
    target = (
        f"/console/melding/{back}/dossier"
        if isinstance(back, str) and re.fullmatch(r"WB-?[0-9A-Z]{6}", back, re.I)
        else "/console/evaluaties"
    )
    raise web.HTTPSeeOther(target)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/trends", trends)
    app.router.add_get("/trends/{table}.csv", trend_csv)
    app.router.add_get("/evaluaties", evaluations)
    app.router.add_get("/melding/{reference}/evaluatie", evaluation)
    app.router.add_post("/melding/{reference}/evaluatie", evaluation)
    app.router.add_get("/melding/{reference}/dossier", dossier)
    app.router.add_post("/dossier/{link}/{verb}", decide)
