"""The web console (issue 12): server-rendered pages at /console, also a Teams tab.

- app.py      the aiohttp sub-application `weerbaar serve` mounts (adapters/http.py)
- web.py      security headers, session, CSRF and `page()`: read its docstring before
              adding a page; it describes the idiom every page follows
- session.py  the sealed session cookie and the pre-sign-in double-submit token
- sso.py      validating the Teams tab's Entra ID token
- signin.py   the single-use link and the Teams tab sign-in
- pages.py    the handler's pages: case list, "Mijn termijnen", the case page and forms
- chat.py     /console/chat, the local channel in the browser (development mode)
- templates/  Jinja2, each extending base.html; static/ the stylesheet and tab script

No JavaScript is needed except inside Teams (static/tab.js gets the tab's token); there
is no build step and nothing is loaded from another host.
"""
