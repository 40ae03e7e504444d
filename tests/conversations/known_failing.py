"""Corpus chats known to fail, with the reason: the one list, read by the tests.

The report flow is being reworked for issue 9 (branches intake, story, dates). A chat
listed here runs as a strict xfail: when it starts to pass, its test fails until the entry
is removed, so the list cannot go stale. It must be empty when issue 9 is done.
"""

from __future__ import annotations

KNOWN_FAILING: dict[str, str] = {}
