"""The whole corpus on the local channel: every chat keeps every invariant (checks.py)."""

from __future__ import annotations

import pytest

from tests.conftest import AppFactory, FakeClock
from tests.conversations.checks import KIND_ADVICE, check
from tests.conversations.corpus import CHATS
from tests.conversations.driver import transcript
from tests.conversations.known_failing import KNOWN_FAILING
from tests.conversations.model import Behaviour, Cmd, Danger, File, Pause, Q, Refused, Restart, T
from tests.conversations.replay import play_local


def _param(chat_name: str) -> object:
    reason = KNOWN_FAILING.get(chat_name)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(chat_name, marks=marks, id=chat_name)


BY_NAME = {c.name: c for c in CHATS}


@pytest.mark.parametrize("name", [_param(c.name) for c in CHATS])
async def test_chat_keeps_the_invariants(
    name: str, make_app: AppFactory, sqlite_url: str, clock: FakeClock
) -> None:
    app = await make_app(sqlite_url, demo=False)
    replay = await play_local(app, clock, BY_NAME[name])
    problems = check(replay)
    assert problems == [], "\n".join([*problems, transcript(replay)])


def test_corpus_covers_the_issue() -> None:
    """At least 30 chats, every class of the issue, every reporter role."""
    from bot.domain.routing import ReporterRole

    assert len(CHATS) >= 30
    assert len({c.name for c in CHATS}) == len(CHATS)
    classes = set().union(*(c.classes for c in CHATS))
    wanted = {"safety", "advice", "story", "detail", "late", "question", "review"}
    wanted |= {"evidence", "natural", "infer", "dates", "help"}
    assert wanted <= classes, wanted - classes
    roles = {role for c in CHATS for role, _ in c.roles}
    assert roles == {r.value for r in ReporterRole}, {r.value for r in ReporterRole} - roles
    assert set(KNOWN_FAILING) <= {c.name for c in CHATS}
    typed = [t for c in CHATS for t in (*c.opening, *c.review, *c.resume)]
    typed += [t for c in CHATS for queue in c.answers.values() for t in queue]
    kinds = {type(t) for t in typed}
    assert {Behaviour, Cmd, Danger, File, Pause, Q, Refused, Restart, T} <= kinds
    behaviours = {t.kind for t in typed if isinstance(t, Behaviour)}
    assert behaviours == set(KIND_ADVICE)
    assert sum(c.story_www for c in CHATS) >= 5 and sum(c.typical for c in CHATS) >= 20
