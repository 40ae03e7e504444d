"""The corpus as data: what a person types, and what the chat must end with.

A chat is a person (their roles), what they type before reading any question (`opening`),
and what they type when a question is open (`answers`, by step id), at the review and when
asked to go on with a paused draft. Each typed thing is a `Turn`:

- `T(text, into=step, words=...)`: free text that must end up stored under `step` (the
  words in `words`, or the whole text); `into=None` for a plain answer ("ja", "2").
- `Q(text)`: a question back ("is dit anoniem?"): answered from the FAQ, never stored.
- `Cmd(text)`: "stop", "help", "hulplijn": a command, not an answer.
- `Danger(text)`: a reply that signals danger: 112 and the advice in the first reply.
- `Refused(text)`: a reply the bot is right to refuse ("32 november"): a re-ask is expected.
- `Behaviour(text, kind)`: the answer to "what is happening?": that kind's advice follows.
- `File(name)`, `Pause(hours=...)`, `Restart()`: a file, time passing, the app restarting.

The driver (driver.py) answers whatever question the bot has open, so the same chat stays
valid when the flow skips questions the story already answered. Steps the story answered
are listed in `told`: when the bot asks one anyway, the person answers it again (counted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# Reporter roles as tests/people.py enrols them: (role, organisation slug).
Role = tuple[str, str]


@dataclass(frozen=True)
class T:
    text: str
    into: str | None = None
    words: str | None = None  # the part that must be kept; default: the whole text

    @property
    def kept(self) -> str:
        return self.words if self.words is not None else self.text


@dataclass(frozen=True)
class Q:
    text: str


@dataclass(frozen=True)
class Cmd:
    """A command, not an answer: "stop", "help", "hulplijn", "terug"."""

    text: str


@dataclass(frozen=True)
class Danger:
    text: str


@dataclass(frozen=True)
class Refused:
    text: str


@dataclass(frozen=True)
class Behaviour:
    text: str
    kind: str  # "emotioneel_gedrag", "verbale_agressie" or "fysiek_geweld"


@dataclass(frozen=True)
class File:
    name: str
    content_type: str = "image/jpeg"


@dataclass(frozen=True)
class Pause:
    hours: float


@dataclass(frozen=True)
class Restart:
    pass


Turn = T | Q | Cmd | Danger | Refused | Behaviour | File | Pause | Restart


def turns(*items: Turn | str) -> tuple[Turn, ...]:
    """A bare string is a plain answer, T(text)."""
    return tuple(T(i) if isinstance(i, str) else i for i in items)


@dataclass(frozen=True)
class Chat:
    name: str
    roles: tuple[Role, ...]
    classes: frozenset[str]
    opening: tuple[Turn, ...]
    answers: dict[str, tuple[Turn, ...]] = field(default_factory=dict)
    review: tuple[Turn, ...] = (T("verstuur"),)
    resume: tuple[Turn, ...] = ()
    told: dict[str, str] = field(default_factory=dict)  # step -> what the story said
    # Facts the stored answers must hold: step -> a text found in its stored value (for
    # a date: the ISO start, "2026-12-24T19"), compared as checks.norm does.
    facts: dict[str, str] = field(default_factory=dict)
    submit: bool = True
    # Figures: a typical report (not a chat built around a detour), and one whose story
    # gives what, where and when.
    typical: bool = True
    story_www: bool = False
    # The role the report must be filed under ("role@slug"), when the person has several.
    files_under: str | None = None
    # When the chat starts (Europe/Amsterdam); default: the tests' Wednesday 25 Nov 2026.
    start: datetime | None = None


def chat(
    name: str,
    roles: list[Role] | Role,
    classes: str,
    opening: list[Turn | str],
    answers: dict[str, list[Turn | str]] | None = None,
    review: list[Turn | str] | None = None,
    resume: list[Turn | str] | None = None,
    **extra: object,
) -> Chat:
    return Chat(
        name=name,
        roles=tuple(roles) if isinstance(roles, list) else (roles,),
        classes=frozenset(classes.split()),
        opening=turns(*opening),
        answers={k: turns(*v) for k, v in (answers or {}).items()},
        review=turns(*review) if review is not None else (T("verstuur"),),
        resume=turns(*resume) if resume is not None else (),
        **extra,  # type: ignore[arg-type]
    )
