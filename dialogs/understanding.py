"""Understanding replies as people type them: yes/no with detail, danger, the kind of
behaviour, questions back, "weet ik niet", "none", and button texts.

Pure functions over text; the words are in bot/text/lexicon.py. Transparent rules first,
then rapidfuzz for near-misses of single words and of button labels. Conventions:

- `clean()` is the one normal form every rule matches against.
- Short words (four letters or less) are never matched fuzzily: "net" is not "nee", "bank"
  is not "bang". Their typos are listed (lexicon.YES_TYPOS, NO_TYPOS) or are a swap of two
  letters of a danger word ("hlep", "bnag"). Longer words match with one slip: an optimal
  string alignment distance of 1 (a letter wrong, missing, extra or two swapped).
- A lexicon word next to a negation in its own clause does not count ("hij dreigde niet",
  "niet geslagen", "geen geweld"): up to NEGATION_BEFORE words before it or NEGATION_AFTER
  after it, where clauses end at punctuation and at "maar", "en", "toen", ...
- `is_question` and `dont_know`: "weet ik niet?" is an unsure answer, not a question: a
  reply that `dont_know` or `nothing` accepts is never a question.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from bot.text import lexicon

# A near-miss of a whole button label: rapidfuzz `fuzz.ratio` (0-100) at least this...
CHOICE_THRESHOLD = 80.0
# ... and at least this much better than the next label, or the reply is ambiguous.
CHOICE_MARGIN = 8.0
# A word matches a lexicon word with one slip when both have at least this many letters.
FUZZY_MIN_LENGTH = 5
NEGATION_BEFORE = 3
NEGATION_AFTER = 2

# Where a clause ends, for the negation window.
_CLAUSE_BREAK = re.compile(r"[.,;:!?\n()]+")
_CLAUSE_WORDS = frozenset({"maar", "en", "toen", "want", "daarna", "dus", "terwijl", "omdat"})


def clean(text: str) -> str:
    """Lower case; emoji and punctuation gone; single spaces. Letters with diacritics and
    digits stay ("oké", "112"); a dot inside an abbreviation joins it ("n.v.t." -> "nvt")."""
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"(?<=\w)[.'’](?=\w)", "", text)  # n.v.t., zo'n, 14.30 -> one word
    kept = [ch if ch.isalnum() else " " for ch in text]
    return " ".join("".join(kept).split())


def _words(text: str) -> list[str]:
    return clean(text).split()


# --- lexicon matching -----------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """A lexicon entry found in a clause: the clause's words and where the entry sits."""

    entry: str
    words: tuple[str, ...]
    start: int
    end: int  # exclusive

    @property
    def negated(self) -> bool:
        first = max(0, self.start - NEGATION_BEFORE)
        window = [*range(first, self.start), *range(self.end, self.end + NEGATION_AFTER)]
        for i in window:
            if i >= len(self.words) or self.words[i] not in lexicon.NEGATIONS:
                continue
            if " ".join(self.words[i : i + 2]) not in lexicon.NOT_NEGATIONS:
                return True
        return False


def clauses(text: str) -> list[tuple[str, ...]]:
    """The text cut into clauses of cleaned words, at punctuation and joining words."""
    out: list[tuple[str, ...]] = []
    for part in _CLAUSE_BREAK.split(text):
        current: list[str] = []
        for word in clean(part).split():
            if word in _CLAUSE_WORDS and current:
                out.append(tuple(current))
                current = []
            elif word not in _CLAUSE_WORDS:
                current.append(word)
        if current:
            out.append(tuple(current))
    return out


def _word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern


def find(entries: Iterable[str], text: str, *, whole: bool = False) -> Iterator[Hit]:
    """Every place where an entry of the lexicon occurs, clause by clause (or in the
    `whole` text as one, where "en" and punctuation do not matter)."""
    patterns = [(entry, entry.split()) for entry in entries]
    for words in [tuple(_words(text))] if whole else clauses(text):
        for entry, parts in patterns:
            n = len(parts)
            for i in range(len(words) - n + 1):
                if all(_word_matches(p, w) for p, w in zip(parts, words[i : i + n], strict=True)):
                    yield Hit(entry, words, i, i + n)


def mentions(entries: Iterable[str], text: str) -> list[Hit]:
    """The entries that occur and are not negated."""
    return [hit for hit in find(entries, text) if not hit.negated]


def _squeeze(word: str) -> str:
    """Letters typed more than twice in a row, twice: "gevaaaar" -> "gevaar"."""
    return re.sub(r"(\w)\1{2,}", r"\1\1", word)


def near(word: str, target: str) -> bool:
    """One slip away, for words long enough to bear it; a swap of two letters otherwise."""
    word = _squeeze(word)
    if word == target:
        return True
    if len(word) >= FUZZY_MIN_LENGTH and len(target) >= FUZZY_MIN_LENGTH:
        return OSA.distance(word, target, score_cutoff=1) <= 1
    return (
        len(word) == len(target) >= 3
        and word[0] == target[0]
        and sorted(word) == sorted(target)
        and OSA.distance(word, target) == 1
    )


# --- yes / no -------------------------------------------------------------------------------


@dataclass(frozen=True)
class YesNo:
    answer: bool
    detail: str  # what followed the yes or no, as typed; "" when nothing did


_TOKEN = re.compile(r"[^\W_]+")


def _detail(rest: str) -> str:
    """What follows the yes or no, without the punctuation and emoji that lead it."""
    return re.sub(r"^[\W_]+", "", rest).strip()


@cache
def _yes_no_phrases() -> dict[str, bool]:
    phrases = {p: True for p in (*lexicon.YES, *lexicon.YES_TYPOS)}
    phrases.update({p: False for p in (*lexicon.NO, *lexicon.NO_TYPOS)})
    return phrases


_LONGEST = 4


def _phrase_answer(phrase: str) -> bool | None:
    phrases = _yes_no_phrases()
    if phrase in phrases:
        return phrases[phrase]
    squeezed = _squeeze(phrase)
    if squeezed in phrases:
        return phrases[squeezed]
    if " " not in phrase and len(phrase) >= FUZZY_MIN_LENGTH:
        close = [p for p in phrases if " " not in p and near(phrase, p)]
        answers = {phrases[p] for p in close}
        if len(answers) == 1:
            return answers.pop()
    return None


def yes_no(text: str) -> YesNo | None:
    """A yes or a no, with what followed it kept as typed: "ja, mijn bril is kapot" ->
    YesNo(True, "mijn bril is kapot"). None when the reply does not open with one."""
    stripped = text.strip()
    for signs, answer in ((lexicon.YES_SIGNS, True), (lexicon.NO_SIGNS, False)):
        for sign in signs:
            if stripped.startswith(sign):
                return YesNo(answer, _detail(stripped[len(sign) :]))
    tokens = list(_TOKEN.finditer(stripped))
    if not tokens:
        return None
    whole = " ".join(t.group().lower() for t in tokens)
    if whole in lexicon.NO_ALONE:
        return YesNo(False, "")
    for n in range(min(_LONGEST, len(tokens)), 0, -1):
        phrase = " ".join(t.group().lower() for t in tokens[:n])
        found = _phrase_answer(phrase)
        if found is not None:
            return YesNo(found, _detail(stripped[tokens[n - 1].end() :]))
    return None


# --- danger ---------------------------------------------------------------------------------

_PAST = frozenset(
    {"gisteren", "gister", "eergisteren", "vorige", "afgelopen", "was", "waren", "stond",
     "stonden", "had", "hadden", "toen", "geleden", "vanochtend", "vanmorgen", "laatst",
     "vroeger", "zat", "zaten", "kwam", "kwamen"}
)  # fmt: skip
_NOW = frozenset({"nu", "nog", "steeds", "hier"})
# Past forms of the violence verbs that the -de/-te/ge- rule does not see.
_STRONG_PAST = frozenset(
    {"sloeg", "sloegen", "greep", "grepen", "trok", "trokken", "vocht", "vochten", "beet",
     "beten", "stak", "staken", "spoog", "spogen", "schopte", "schopten", "gooide"}
)  # fmt: skip
# Ongoing phrases without a present-tense verb of their own: a past clause undoes them.
_WEAK_ONGOING = frozenset({"bij mijn huis", "voor mijn huis", "in mijn tuin", "hij is er"})


def signals_danger(text: str, *, to_safety_question: bool = True) -> bool:
    """True when the message says the person is in danger now, in any wording we can
    reasonably recognise: "nee", "niet veilig", "help", "112", "bang", "ik word bedreigd",
    or it is still going on ("hij staat nog voor de deur", "volgt me", "komt eraan").

    `to_safety_question`: the message answers "Ben je nu veilig?", so a bare no is danger.
    A past clause ("gisteren stond hij voor de deur") is not; "het is voorbij", "hij is
    weg", "niet meer bang" undo a no and the danger words they overlap.
    """
    answer = yes_no(text)
    if not clean(text) and answer is None:
        return False
    safe = list(find(lexicon.SAFE, text))

    def covered(hit: Hit) -> bool:
        return any(s.words == hit.words and s.start < hit.end and hit.start < s.end for s in safe)

    for hit in find(lexicon.DANGER, text):
        if not covered(hit) and not (hit.negated and hit.entry != "112"):
            return True
    for hit in find(lexicon.ONGOING, text):
        if covered(hit) or hit.negated:
            continue
        if hit.entry in _WEAK_ONGOING and _PAST & set(hit.words) and not _NOW & set(hit.words):
            continue
        return True
    if any(_someone_near(words) or _violence_now(words) for words in clauses(text)) and not safe:
        return True
    for words in clauses(text):
        for i, word in enumerate(words):
            if any(near(word, t) for t in (*lexicon.DANGER_FUZZY, "help", "hulp", "bang")):
                hit = Hit(word, words, i, i + 1)
                if not covered(hit) and not hit.negated:
                    return True
    return to_safety_question and answer is not None and not answer.answer and not safe


def _someone_near(words: tuple[str, ...]) -> bool:
    """A third person, a present verb of being somewhere and a place close to the person,
    in a clause that says nothing of the past: "ze staan bij mijn auto"."""
    if _PAST & set(words) or not set(lexicon.PRESENCE_SUBJECTS) & set(words):
        return False
    if not set(lexicon.PRESENCE_VERBS) & set(words):
        return False
    return any(True for _ in find(lexicon.PRESENCE_PLACES, " ".join(words)))


def _violence_now(words: tuple[str, ...]) -> bool:
    """A third person doing violence in the present tense: "hij duwt me", "ze slaan".
    Past forms ("duwde", "geslagen") and past clauses do not count."""
    if _PAST & set(words) or not set(lexicon.PRESENCE_SUBJECTS) & set(words):
        return False
    for hit in mentions(lexicon.PHYSICAL, " ".join(words)):
        word = hit.words[hit.start]
        before = hit.words[hit.start - 1] if hit.start else ""
        if word.startswith("ge") or word.endswith(("de", "te", "den", "ten")):
            continue  # "geslagen", "duwde", "trapten"
        if word in _STRONG_PAST or before == "te":
            continue  # "sloeg", "greep"; "probeerde me te slaan"
        return True
    return False


# --- the three kinds in the moment ------------------------------------------------------------

EMOTIONAL = "emotioneel"
VERBAL = "verbaal"
PHYSICAL = "fysiek"


def behaviour(text: str) -> tuple[str, ...]:
    """Which of the guideline's three kinds (section 4) the text describes, in the order
    emotioneel, verbaal, fysiek. Also the answer to "Wat gebeurt er?" given as its choice
    words ("boos", "schelden", "slaan"). A threat of violence is verbal and physical."""
    self_harm = mentions(lexicon.SELF_HARM, text)
    verbal = [
        hit
        for hit in mentions(lexicon.VERBAL, text)
        if not (
            hit.entry.startswith(("dreig", "bedreig"))
            and any(s.words == hit.words for s in self_harm)
        )
    ]
    found = {
        EMOTIONAL: bool(self_harm or mentions(lexicon.EMOTIONAL, text)),
        VERBAL: bool(verbal),
        PHYSICAL: bool(mentions(lexicon.PHYSICAL, text)),
    }
    return tuple(kind for kind, present in found.items() if present)


# --- questions back -------------------------------------------------------------------------

_MODALS = frozenset({"moet", "kan", "kun", "mag", "krijg", "hoef", "zal", "zou", "word", "ga"})
_NEEDS = frozenset({"nodig", "verplicht", "moeten", "genoeg"})


def is_question(text: str) -> bool:
    """A question back: it ends in "?", or opens with a question word and a verb ("wie
    leest dit"), or with a verb and a subject ("is dit anoniem", "moet ik aangifte doen").
    Not a question: "wie het was weet ik niet" (a question word, then a subject), and any
    reply that `dont_know` or `nothing` accepts ("weet ik niet?", "heb ik niet")."""
    words = _words(text)
    if not words or dont_know(text) or nothing(text):
        return False
    if re.search(r"\?[\W_]*$", text):  # a "?", then only spaces, "!" or emoji
        return True
    first, second = words[0], words[1] if len(words) > 1 else ""
    if first in lexicon.QUESTION_WORDS:
        return second not in lexicon.STATEMENT_AFTER_QUESTION_WORD
    if first in lexicon.QUESTION_VERBS and second in lexicon.QUESTION_SUBJECTS:
        # "heb ik gedaan", "weet ik wel": Dutch drops the "dat" of a statement; with "ik"
        # only a modal verb, or a need ("heb ik bewijs nodig"), makes it a question.
        return second != "ik" or first in _MODALS or bool(_NEEDS & set(words))
    return False


FAQ_UNKNOWN = "faq_unknown"


def faq(text: str) -> str | None:
    """The catalogue key of the answer to a question back; FAQ_UNKNOWN for a question we
    have no answer for; None when the text is not a question (see `is_question`)."""
    if not is_question(text):
        return None
    for key, entries in lexicon.FAQ:
        if any(True for _ in find(entries, text, whole=True)):
            return key
    return FAQ_UNKNOWN


# --- "weet ik niet" and "none" ----------------------------------------------------------------

_FILLERS = frozenset(
    {"meer", "precies", "zeker", "eigenlijk", "echt", "hoor", "helaas", "sorry", "nog", "ook",
     "exact", "nou", "eerlijk", "gezegd", "nee", "ja", "hmm", "uh", "eh", "ehm", "dus", "wie",
     "wat", "waar", "wanneer", "hoe", "dat", "het", "niet"}
)  # fmt: skip


def _is_phrase_with_fillers(words: list[str], phrases: Iterable[str]) -> bool:
    text = " ".join(words)
    for phrase in phrases:
        if text == phrase:
            return True
        if (text + " ").startswith(phrase + " ") or (" " + text).endswith(" " + phrase):
            rest = text.replace(phrase, " ", 1).split()
            if rest and all(w in _FILLERS for w in rest):
                return True
    return False


def dont_know(text: str) -> bool:
    """The reply is "I don't know": "weet ik niet", "geen idee", "wn", "?" alone, ..."""
    if re.fullmatch(r"\s*\?+\s*", text):
        return True
    words = _words(text)
    if not words:
        return False
    if _is_phrase_with_fillers(words, lexicon.DONT_KNOW):
        return True
    joined = " ".join(words)
    return len(joined) >= 7 and any(
        len(p) >= 7 and OSA.distance(joined, p, score_cutoff=1) <= 1 for p in lexicon.DONT_KNOW
    )


_NO_LEAD = frozenset({"nee", "neen", "nope", "neej", "geen", "niets", "niks", "helaas"})
_BUT = frozenset({"wel", "maar", "ja", "behalve", "alleen", "toch"})
_INTENSIFIERS = frozenset({"veel", "erg", "zo", "echt", "heel", "zwaar", "ernstig", "zomaar"})


def nothing(text: str) -> bool:
    """The reply means "none": "nee", "geen", "nvt", "geen bewijs", "heb ik niet", "nee,
    heb geen screenshot gemaakt". Not "geen idee" (that is `dont_know`), not "nee maar ik
    heb wel een foto", not "niet veel pijn"."""
    words = _words(text)
    if not words or dont_know(text) or re.search(r"https?://|www\.", text):
        return False
    if " ".join(words) in lexicon.NOTHING:
        return True
    if _BUT & set(words) or len(words) > 8:
        return False
    # A no first ("nee, heb geen screenshot gemaakt") must be followed by another denial;
    # "nee, hij schopte me" answers something else.
    rest = words[1:] if words[0] in _NO_LEAD - {"geen", "niets", "niks"} else words
    if not rest or all(w in _FILLERS for w in rest):
        return True
    negations = [i for i, w in enumerate(rest) if w in lexicon.NEGATIONS or w in _NO_LEAD]
    if not negations:
        return False
    if any(i + 1 < len(rest) and rest[i + 1] in _INTENSIFIERS for i in negations):
        return False
    # A short reply that denies having something ("heb ik helaas niet", "geen screenshot
    # gemaakt"); a longer one only when it opens with the denial.
    return len(rest) <= 5 or rest[0] in _NO_LEAD


# --- button texts -----------------------------------------------------------------------------


def match_choice(text: str, choices: Sequence[tuple[str, str]]) -> str | None:
    """The value of the choice (value, label) a typed reply means: the label or value
    ignoring case, punctuation and emoji ("ja ik ben veilig" for "Ja, ik ben veilig"); the
    start of one label only; or a near-miss of one label (`fuzz.ratio` >= CHOICE_THRESHOLD
    and CHOICE_MARGIN ahead of the next). Numbers are the flow's; ambiguous -> None."""
    said = clean(text)
    if not said:
        return None
    forms = [(value, clean(label), clean(value.replace("_", " "))) for value, label in choices]
    for value, label, plain in forms:
        if said in (label, plain):
            return value
    starts = {
        value
        for value, label, plain in forms
        if any(
            form.startswith(said + " ") or (len(said) >= 3 and form.startswith(said))
            for form in (label, plain)
        )
    }
    if len(starts) == 1:
        return starts.pop()
    if starts:
        return None
    scored = sorted(
        (
            (max(fuzz.ratio(said, label), fuzz.ratio(said, plain)), value)
            for value, label, plain in forms
        ),
        reverse=True,
    )
    if not scored or scored[0][0] < CHOICE_THRESHOLD:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < CHOICE_MARGIN:
        return None
    return scored[0][1]
