"""The vocabulary: pure data, every word in the form it is matched in, no word that means
two things at the same point of a conversation."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.domain.deadlines import DeadlineKind
from bot.text import vocabulary
from dialogs.engine import normalise

WORD_LISTS = {
    name: value
    for name, value in vars(vocabulary).items()
    if name.endswith("_WORDS") and isinstance(value, frozenset | tuple)
}


def test_it_imports_nothing_but_the_standard_library() -> None:
    probe = (
        "import sys; before = set(sys.modules); import bot.text.vocabulary; "
        "print('\\n'.join(sorted(set(sys.modules) - before)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    ours = {"bot", "bot.text", "bot.text.vocabulary"}
    assert [
        m for m in loaded if m not in ours and m.split(".")[0] not in sys.stdlib_module_names
    ] == []


def test_every_list_is_named_and_not_empty() -> None:
    assert len(WORD_LISTS) >= 20
    assert [name for name, words in WORD_LISTS.items() if not words] == []


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_words_are_written_as_they_are_matched(name: str) -> None:
    """Text is normalised before it is looked up: a word in another form never matches."""
    assert [w for w in WORD_LISTS[name] if normalise(w) != w] == []


def test_deadline_aliases_are_normalised_and_name_real_deadline_kinds() -> None:
    for word, kind in vocabulary.DEADLINE_WORD_ALIASES.items():
        assert normalise(word) == word
        assert DeadlineKind(kind).value == kind


@pytest.mark.parametrize(
    "names",
    [
        # what the engine takes as a command at any question
        ("STOP_WORDS", "HELP_WORDS", "BACK_WORDS", "WHY_WORDS", "SKIP_WORDS"),
        # the answers to a check-in, and "something new to report" instead
        (
            "CHECKIN_GOOD_WORDS",
            "CHECKIN_COULD_BE_BETTER_WORDS",
            "CHECKIN_CONTACT_WORDS",
            "CHECKIN_STOP_WORDS",
            "NEW_REPORT_WORDS",
        ),
        ("DONE_COMMAND_WORDS", "LATER_COMMAND_WORDS"),
        ("YES_WORDS", "NO_WORDS"),
        ("RESUME_WORDS", "RESTART_WORDS"),
    ],
)
def test_words_heard_at_the_same_point_mean_one_thing(names: tuple[str, ...]) -> None:
    seen: dict[str, str] = {}
    clashes = []
    for name in names:
        for word in WORD_LISTS[name]:
            if word in seen:
                clashes.append((word, seen[word], name))
            seen[word] = name
    assert clashes == []
