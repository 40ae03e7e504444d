"""The invariants every corpus chat must keep, on every channel (issue 9, Acceptance).

Generic: nothing here names a chat. Each check reads the replay (what was sent, what came
back, the open step before and after) and the submitted case's stored answers.

(a) nothing lost or misfiled: every free text the person typed is stored under its
    question; no question back is stored; nothing but evidence is stored as evidence.
(b) a reply that signals danger gets 112 and the advice in its first reply; the answer to
    "what is happening?" gets that kind's advice.
(c) every question back gets an FAQ answer and the open question again.
(d) the chat is submitted when the person means to send (and not before: a bare "1" at
    the review does not send).
(e) the review shows nothing the person did not say; files sent stay listed.
(f) natural replies are understood: no re-ask, except of a reply the bot must refuse.
(h) "hulplijn" names the helplines that fit the person's role and their own route (who
    handles their report), then the open question again.
(g) the reporter reads no jargon ("afhandelaar", "pleger"), and the close promises no
    72 hours for an incident longer ago than that.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from typing import Any

from bot.domain.routing import ROUTING, ReporterRole
from bot.reference.loader import load_helplines, load_organisations
from bot.text.catalogue import TEXTS, say
from dialogs.flows.report import REPORT
from tests.conversations.driver import Replay, Sent
from tests.conversations.model import Behaviour, Cmd, Danger, File, Q, Refused, T

# The catalogue texts the checks look for. One place, so a renamed key is one line.
DANGER_ADVICE = "unsafe_advice"
KIND_ADVICE = {
    "emotioneel_gedrag": "advice_emotioneel",
    "verbale_agressie": "advice_verbaal",
    "fysiek_geweld": "advice_fysiek",
}
UNSAFE_NOTICE = "case_routed_unsafe"  # the handler's notice of a case reported in danger
FAQ_PREFIX = "faq_"
FREE_TEXT_STEPS = ("what", "where", "perp_who", "perp_details", "witnesses")
JARGON = ("afhandelaar", "pleger")  # issue 9, build 8 and 9: words a reporter never reads


def norm(text: str) -> str:
    """Lower case, letters and digits only: how typed words are compared."""
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def blob(value: Any) -> str:
    return norm(json.dumps(value, ensure_ascii=False, default=str))


def stored_under(answers: dict[str, Any], step: str) -> str:
    """The stored answer of `step`, with any detail kept beside it (`step_...` fields)."""
    parts = [answers.get(step)] + [v for k, v in answers.items() if k.startswith(step + "_")]
    return blob([p for p in parts if p is not None])


def _text(key: str) -> str:
    try:
        return say(key)
    except KeyError:
        return f"<catalogue has no {key!r}>"


def _contains(reply: str, catalogue_text: str) -> bool:
    # Compare without layout: a channel may wrap or restyle lines.
    return norm(catalogue_text) in norm(reply)


def faq_texts() -> list[str]:
    texts = []
    for key, value in TEXTS.items():
        if key.startswith(FAQ_PREFIX) and "{" not in value:
            texts.append(value)
    return texts


def _asked_text(replay: Replay, upto: int, step: str) -> str | None:
    """The question as the bot last put it: the last paragraph of the reply that left
    `step` open, before message `upto`."""
    for sent in reversed(replay.sent[:upto]):
        if sent.after == step and sent.replies:
            last = sent.replies[-1].strip().split("\n\n")
            # The question is the paragraph before the choices, if any.
            question = [p for p in last if not re.match(r"^1\. ", p)]
            return question[-1] if question else last[-1]
    return None


def check(replay: Replay) -> list[str]:
    problems: list[str] = []
    if replay.stuck:
        problems.append(f"stuck: {replay.stuck}")
    problems += check_kept(replay)
    problems += check_danger(replay)
    problems += check_questions_back(replay)
    problems += check_submission(replay)
    problems += check_review(replay)
    problems += check_understood(replay)
    problems += check_plain_and_true(replay)
    problems += check_helplines(replay)
    return problems


def check_kept(replay: Replay) -> list[str]:
    """(a) Every free text stored under its question; no question back stored."""
    problems = []
    answers = replay.answers
    evidence = stored_under(answers, "evidence")
    everything = blob(answers)
    for sent in replay.sent:
        turn = sent.turn
        if isinstance(turn, T) and turn.into is not None:
            words = norm(turn.kept)
            if words not in stored_under(answers, turn.into):
                where = [k for k, v in answers.items() if words in blob(v)]
                problems.append(
                    f"(a) lost: {turn.kept!r} is not stored under {turn.into!r}"
                    + (f" (it is under {where})" if where else "")
                )
            if turn.into != "evidence" and words in evidence:
                problems.append(f"(a) misfiled: {turn.kept!r} is stored as evidence")
        if isinstance(turn, Cmd) and re.search(rf"\b{norm(turn.text)}\b", everything):
            # A command is never an answer (unless the person also typed its words).
            if norm(turn.text) not in norm(" ".join(t.text for t in _typed_texts(replay))):
                problems.append(f"(a) the command {turn.text!r} is stored as an answer")
        if isinstance(turn, Q) and norm(turn.text) in everything:
            where = [k for k, v in answers.items() if norm(turn.text) in blob(v)]
            problems.append(f"(a) the question back {turn.text!r} is stored as {where}")
    for step, fact in replay.chat.facts.items():
        if norm(fact) not in stored_under(answers, step):
            problems.append(f"(a) {step!r} does not hold {fact!r}: {answers.get(step)!r}")
    return problems


def _typed_texts(replay: Replay) -> list[T]:
    return [s.turn for s in replay.sent if isinstance(s.turn, T)]


def check_danger(replay: Replay) -> list[str]:
    """(b) 112 and the advice in the first reply to danger; the kind's advice after."""
    problems = []
    for sent in replay.sent:
        if isinstance(sent.turn, Danger):
            first = sent.replies[0] if sent.replies else ""
            if "112" not in first or not _contains(first, _text(DANGER_ADVICE)):
                problems.append(f"(b) no 112 and advice in the first reply to {sent.turn.text!r}")
        if isinstance(sent.turn, Behaviour):
            advice = _text(KIND_ADVICE[sent.turn.kind])
            if not _contains(sent.text, advice):
                problems.append(f"(b) no {sent.turn.kind} advice after {sent.turn.text!r}")
            if sent.turn.kind == "fysiek_geweld" and "niet in discussie" in sent.text.lower():
                problems.append("(b) 'niet in discussie' given for physical violence")
    # The handler is told the reporter was not safe when reporting.
    if danger_turns := [s for s in replay.sent if isinstance(s.turn, Danger)]:
        if replay.case is not None and replay.handler is not None:
            told = [n for n in replay.notices if replay.case.reference in n]
            if not told:
                problems.append("(b) the handler got no notice of the case")
            elif not any(_contains(n, _text(UNSAFE_NOTICE)) for n in told):
                problems.append(
                    f"(b) the handler is not told the reporter was unsafe "
                    f"({_shown(danger_turns[0])!r})"
                )
    # Back after a while to a draft left in danger: the safety question comes again.
    danger = next((n for n, s in enumerate(replay.sent) if isinstance(s.turn, Danger)), None)
    if danger is not None:
        back = next(
            (n for n, s in enumerate(replay.sent) if n > danger and s.paused_before >= 1), None
        )
        if back is not None and not any(
            s.after in ("safe", "safe_continue") for s in replay.sent[back:]
        ):
            problems.append("(b) back after a pause in danger, the safety question is not asked")
    return problems


def check_questions_back(replay: Replay) -> list[str]:
    """(c) An FAQ answer, then the open question again."""
    problems = []
    faqs = faq_texts()
    for n, sent in enumerate(replay.sent):
        if not isinstance(sent.turn, Q):
            continue
        if not any(_contains(sent.text, f) for f in faqs):
            problems.append(f"(c) no FAQ answer to {sent.turn.text!r}")
        if sent.step == "none":
            continue  # a first message: the report starts, its first question follows
        if sent.after != sent.step:
            problems.append(
                f"(c) {sent.turn.text!r} moved the chat from {sent.step!r} to {sent.after!r}"
            )
            continue
        asked = _asked_text(replay, n, sent.step)
        if asked is not None and not _contains(sent.text, asked):
            problems.append(f"(c) the open question is not asked again after {sent.turn.text!r}")
    return problems


def check_submission(replay: Replay) -> list[str]:
    """(d) Submitted when meant, never by a bare number at the review."""
    problems = []
    if replay.chat.submit and replay.case is None:
        problems.append("(d) not submitted")
    if not replay.chat.submit and replay.case is not None:
        problems.append("(d) submitted, though the person did not send")
    for sent in replay.sent:
        typed = getattr(sent.turn, "text", "").strip()
        if sent.step == "review" and typed == "1":
            if sent.after == "none":
                problems.append("(d) '1' at the review sent the report")
    return problems


def _allowed_words(replay: Replay) -> set[str]:
    typed = " ".join(getattr(s.turn, "text", "") for s in replay.sent)
    words = set(norm(typed).split()) | set(norm(" ".join(TEXTS.values())).split())
    for org in load_organisations():
        words |= set(norm(org.name).split())
    return words


def check_review(replay: Replay) -> list[str]:
    """(e) The review shows what was said, and the files that were kept."""
    if replay.review is None:
        return [] if not replay.chat.submit else ["(e) no review was shown"]
    problems = []
    labels = {say(s.label): s.id for s in REPORT.steps if s.label is not None}
    rows = {labels.get(label, label): value for label, value in replay.review}
    allowed = _allowed_words(replay)
    for step in FREE_TEXT_STEPS:
        shown = rows.get(step)
        if shown is None:
            continue
        invented = [w for w in norm(shown).split() if len(w) >= 4 and w not in allowed]
        if invented:
            problems.append(f"(e) the review shows {invented} under {step!r}, never typed")
    evidence = rows.get("evidence")
    files = replay.files_kept
    typed = " ".join(getattr(s.turn, "text", "") for s in replay.sent)
    sent_evidence = files or "http" in typed or "www." in typed
    if evidence is not None:
        listed = all(name in evidence for name in files) or str(len(files)) in evidence
        if files and (evidence == say("skipped") or not listed):
            problems.append(f"(e) files {files} kept, the review says {evidence!r}")
        if not sent_evidence and re.search(r"[1-9]", evidence):
            problems.append(f"(e) no evidence sent, the review says {evidence!r}")
    if replay.case is not None and sorted(replay.evidence) != sorted(replay.files_kept):
        if len(replay.evidence) != len(replay.files_kept) or replay.channel == "local":
            problems.append(
                f"(e) stored files {replay.evidence}, the person kept {replay.files_kept}"
            )
    return problems


def check_understood(replay: Replay) -> list[str]:
    """(f) No re-ask of a natural reply; a reply that must be refused is refused."""
    problems = []
    for sent in replay.sent:
        if isinstance(sent.turn, Refused):
            if sent.after != sent.step:
                problems.append(f"(f) {sent.turn.text!r} was accepted; it must be refused")
        elif sent.reasked:
            problems.append(f"(f) {_shown(sent)!r} at {sent.step!r} was asked again")
    return problems


def _shown(sent: Sent) -> str:
    turn = sent.turn
    if isinstance(turn, File):
        return turn.name
    return getattr(turn, "text", "")


def check_plain_and_true(replay: Replay) -> list[str]:
    """(g) No jargon in any reply; no 72-hour promise for an incident long ago."""
    problems = []
    for word in JARGON:
        hits = [s for s in replay.sent if re.search(rf"\b{word}", s.text.lower())]
        if hits:
            problems.append(f"(g) {word!r} in the reply to {_shown(hits[0])!r}")
    close = replay.sent[-1] if replay.case is not None and replay.sent else None
    when = replay.answers.get("when")
    start = when.get("start") if isinstance(when, dict) else None
    submitted = replay.case.submitted_at if replay.case is not None else None
    if close is not None and isinstance(start, str) and submitted is not None:
        try:
            ago = submitted - datetime.fromisoformat(start)
        except ValueError:
            return [*problems, f"(g) the stored date {start!r} is not a date"]
        if ago > timedelta(hours=72) and "binnen 72 uur" in close.text.lower():
            problems.append("(g) the close promises 72 hours for an incident long ago")
    return problems


HELPLINE_WORDS = ("hulplijn", "hulplijnen")


def check_helplines(replay: Replay) -> list[str]:
    """(h) The role's helplines and route on "hulplijn", and the open question again."""
    problems = []
    roles = {role for role, _ in replay.chat.roles}
    fitting = [
        h for h in load_helplines() if not h.serious_only and (not h.roles or roles & set(h.roles))
    ]
    handlers = {ROUTING[ReporterRole(r)].handler.value.replace("_", "-") for r in roles}
    for n, sent in enumerate(replay.sent):
        if not (isinstance(sent.turn, Cmd) and norm(sent.turn.text) in HELPLINE_WORDS):
            continue
        missing = [
            h.name
            for h in fitting
            if not _contains(sent.text, h.name) and not (h.number and h.number in sent.text)
        ]
        if missing:
            problems.append(f"(h) {sent.turn.text!r} does not name {missing}")
        if not any(h in sent.text.lower() for h in handlers):
            problems.append(f"(h) {sent.turn.text!r} does not name who handles the report")
        asked = _asked_text(replay, n, sent.step)
        if sent.after != sent.step or (asked is not None and not _contains(sent.text, asked)):
            problems.append(f"(h) the open question is not asked again after {sent.turn.text!r}")
    return problems
