"""The console as an aiohttp application, mounted by `weerbaar serve` at /console
(adapters/http.py `build_web_app`)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import web

from adapters.console import chat, insight, pages, signin
from adapters.console.session import Sealer
from adapters.console.sso import ENTRA_METADATA, EntraValidator
from adapters.console.web import BASE, CONSOLE, Console, guard, t
from bot.app import Weerbaar

STATIC = Path(__file__).parent / "static"


def _sso(app: Weerbaar) -> EntraValidator | None:
    settings = app.settings
    # The tab's token is for the app the manifest's webApplicationInfo names: the bot's
    # own Entra app unless another is set, with the id URI "api://HOST/CLIENT_ID".
    client_id = settings.console_sso_client_id or settings.teams_app_id
    tenant = settings.sso_tenant
    if not client_id or not tenant:
        return None
    host = urlsplit(settings.console_base_url).hostname or ""
    app_id_uri = settings.console_sso_app_id_uri or f"api://{host}/{client_id}"
    return EntraValidator(
        settings.console_openid_metadata_url or ENTRA_METADATA, (client_id, app_id_uri), tenant
    )


def console_app(app: Weerbaar) -> web.Application:
    web_app = web.Application(middlewares=[guard], client_max_size=256 * 1024)
    state = Console(app, Sealer(app.console_key), _sso(app))
    web_app[CONSOLE] = state
    env = aiohttp_jinja2.setup(
        web_app,
        loader=jinja2.PackageLoader("adapters.console", "templates"),
        autoescape=jinja2.select_autoescape(default=True),
        undefined=jinja2.StrictUndefined,
    )
    env.globals["t"] = t
    web_app[chat.ROOMS] = chat.Rooms(app)
    signin.add_routes(web_app)
    insight.add_routes(web_app)  # before pages: its /melding/REF/evaluatie is not a case form
    pages.add_routes(web_app)
    chat.add_routes(web_app)
    web_app.router.add_static("/static", STATIC, show_index=False, append_version=False)

    async def close(_web_app: web.Application) -> None:
        web_app[chat.ROOMS].close()
        if state.sso is not None:
            await state.sso.close()

    web_app.on_cleanup.append(close)
    return web_app


def attach_console(app: Weerbaar, web_app: web.Application) -> None:
    """Mount the console at /console on the service's web app."""
    web_app.add_subapp(BASE, console_app(app))
