"""The checks themselves: each finds what it is for in a made-up replay, and a clean one
passes. (The corpus tests would pass vacuously if a check never fired.)"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.records import CaseRecord
from bot.text.catalogue import TEXTS, say
from tests.conversations import checks
from tests.conversations.driver import Replay, Sent
from tests.conversations.model import Cmd, Danger, File, Q, Refused, T, Turn, chat

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=AMS)
CHAT = chat("made_up", ("gemeenteraadslid", "utrecht"), "story", ["hallo"])


def case(submitted: datetime = NOW) -> CaseRecord:
    return CaseRecord(
        id=1,
        reference="WB-TEST",
        status="submitted",
        reporter_id=1,
        reporter_name="Test",
        channel="local",
        role="gemeenteraadslid",
        org=None,
        org_id=None,
        handler_function="griffier",
        informed=(),
        kinds=(),
        serious=False,
        criminal_suspected=False,
        incident_start=None,
        incident_end=None,
        created_at=submitted,
        submitted_at=submitted,
        acknowledged_at=None,
        acknowledged_by=None,
    )


def replay(*sent: Sent, answers: dict[str, Any] | None = None, **extra: Any) -> Replay:
    r = Replay(CHAT, "local", 1, list(sent), case=extra.pop("case", case()))
    r.answers = answers or {}
    for key, value in extra.items():
        setattr(r, key, value)
    return r


def sent(turn: Turn, step: str, after: str, reply: str = "Dank je.", changed: bool = True) -> Sent:
    return Sent(turn, step, after, changed, [reply])


def test_kept_finds_lost_and_misfiled_text_and_stored_questions() -> None:
    story = T("Hij schold me uit bij de markt", into="what")
    r = replay(
        sent(story, "what", "where"),
        sent(Q("is dit anoniem?"), "where", "where", changed=False),
        answers={
            "what": "iets anders",
            "evidence_items": {"notes": ["hij schold me uit bij de markt"]},
        },
    )
    problems = checks.check_kept(r)
    assert any("lost" in p and "evidence_items" in p for p in problems), problems
    r.answers = {"what": "Hij schold me uit bij de markt", "where": "is dit anoniem?"}
    assert checks.check_kept(r) == [
        "(a) the question back 'is dit anoniem?' is stored as ['where']"
    ]
    r.answers = {"what": "Hij schold me uit bij de markt", "what_detail": "x"}
    assert checks.check_kept(r) == []


def test_kept_reads_details_beside_the_answer() -> None:
    r = replay(
        sent(T("ja, mijn bril is kapot", into="damage", words="mijn bril is kapot"), "damage", "x"),
        answers={"damage": True, "damage_detail": "mijn bril is kapot"},
    )
    assert checks.check_kept(r) == []
    r.answers = {"damage": True}
    assert checks.check_kept(r) != []


def test_danger_wants_112_and_the_advice_in_the_first_reply() -> None:
    advice = say(checks.DANGER_ADVICE)
    good = replay(sent(Danger("nee, hij staat voor de deur"), "safe", "behaviour", advice))
    assert checks.check_danger(good) == []
    late = Sent(Danger("112"), "safe", "safe", True, ["Antwoord met ja of nee.", advice])
    assert checks.check_danger(replay(late)) != []


def test_questions_back_want_an_faq_and_the_question_again() -> None:
    faq = next(v for k, v in TEXTS.items() if k.startswith(checks.FAQ_PREFIX) and "{" not in v)
    ask = sent(T("ja"), "safe", "what", "Wat is er gebeurd?")
    good = replay(ask, sent(Q("wie leest dit?"), "what", "what", f"{faq}\n\nWat is er gebeurd?"))
    assert checks.check_questions_back(good) == []
    moved = replay(ask, sent(Q("wie leest dit?"), "what", "kinds", faq))
    assert len(checks.check_questions_back(moved)) == 1
    no_faq = replay(ask, sent(Q("wie leest dit?"), "what", "what", "Wat is er gebeurd?"))
    assert checks.check_questions_back(no_faq) == ["(c) no FAQ answer to 'wie leest dit?'"]


def test_submission_and_a_bare_number_at_the_review() -> None:
    assert checks.check_submission(replay(case=None)) == ["(d) not submitted"]
    sent_by_one = replay(sent(T("1"), "review", "none"))
    assert checks.check_submission(sent_by_one) == ["(d) '1' at the review sent the report"]


def test_review_shows_only_what_was_said_and_the_files_kept() -> None:
    label_where, label_evidence = say("label_where"), say("label_evidence")
    r = replay(
        sent(T("raadzaal", into="where"), "where", "when"),
        sent(File("a.jpg"), "evidence", "evidence"),
        review=[(label_where, "raadzaal"), (label_evidence, "a.jpg")],
        files_kept=["a.jpg"],
        evidence=["a.jpg"],
    )
    assert checks.check_review(r) == []
    r.review = [(label_where, "Raadzaal, achter de kantine"), (label_evidence, say("skipped"))]
    problems = checks.check_review(r)
    assert any("kantine" in p for p in problems) and any("a.jpg" in p for p in problems)
    r.files_kept, r.evidence = [], []
    r.review = [(label_evidence, "Ontvangen (1)")]
    assert checks.check_review(r) == ["(e) no evidence sent, the review says 'Ontvangen (1)'"]


def test_understood_flags_re_asks_but_wants_refusals() -> None:
    assert checks.check_understood(replay(sent(T("jep"), "safe", "safe", changed=False))) != []
    assert checks.check_understood(replay(sent(Refused("32 november"), "when", "when"))) == []
    accepted = replay(sent(Refused("32 november"), "when", "when_ok"))
    assert checks.check_understood(accepted) != []
    assert checks.check_understood(replay(sent(Cmd("stop"), "when", "paused"))) == []


def test_plain_and_true_close() -> None:
    week_ago = (NOW - timedelta(days=7)).isoformat()
    close = "De griffier neemt contact op. Binnen 72 uur bespreken jullie maatregelen."
    r = replay(sent(T("verstuur"), "review", "none", close), answers={"when": {"start": week_ago}})
    assert checks.check_plain_and_true(r) == [
        "(g) the close promises 72 hours for an incident long ago"
    ]
    r.sent[-1].replies = ["Je afhandelaar neemt contact op. Zo snel mogelijk."]
    assert checks.check_plain_and_true(r) == ["(g) 'afhandelaar' in the reply to 'verstuur'"]
