"""A staff member asks for the web console: "console" gives a single-use sign-in link.

Pure recognition; bot/turns.py issues the link (bot/console/links.py).
"""

from __future__ import annotations

from bot.text import vocabulary
from dialogs.engine import normalise
from dialogs.messages import Inbound


def is_console_command(inbound: Inbound) -> bool:
    """ "console" (the registry's test, dialogs/flows/__init__.py)."""
    return not inbound.attachments and normalise(inbound.text) in vocabulary.CONSOLE_WORDS
