"""The web console's use cases (issue 12): sign-in links, the case overview, "Mijn
termijnen", reading a case and its evidence, and the case work done from a page.

Channel-neutral like the rest of bot/: no aiohttp here. The HTTP side is
adapters/console/, which reaches this package through `ConsoleService`
(bot/console/service.py), built by the app (`Weerbaar.console`). Case work from a page
goes through the same use cases as the Teams cards (bot/cases/actions.py), run by the
dispatcher (bot/turns.py) as a press on the "console" channel.
"""
