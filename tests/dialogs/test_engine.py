"""The engine runs what the flow declares and refuses what it does not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.records import DialogState, Person
from bot.text.catalogue import say
from dialogs.engine import Engine, TurnResult
from dialogs.flow import Accept, Ask, Context, Flow, FlowError, Parsed, Reask, Redo, Step
from dialogs.messages import Choice, ConversationKey, Inbound, Question

KEY = ConversationKey("local", "local", "rita")
PERSON = Person(id=1, name="Rita Reporter", roles=())
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _take(inbound: Inbound, _ctx: Context) -> Parsed:
    return Accept(inbound.text)


def _back_to_what(_inbound: Inbound, _ctx: Context) -> Parsed:
    return Redo("what", reply=say("when_again"))


def _intro(_ctx: Context) -> str:
    return say("intro", name="Rita")


def run(flow: Flow, *texts: str) -> DialogState:
    engine, state = Engine(flow), DialogState()
    for n, text in enumerate(texts):
        ctx = Context(person=PERSON, now=NOW, answers=state.answers)
        engine.turn(state, Inbound(KEY, str(n), text=text), ctx)
    return state


def flow(redo: tuple[str, ...]) -> Flow:
    return Flow(
        name="trial",
        intro=_intro,
        steps=(
            Step("what", Ask("ask_what"), _take),
            Step("where", Ask("ask_where"), _back_to_what, redo=redo),
        ),
    )


def test_a_declared_redo_clears_the_answer_and_asks_it_again() -> None:
    state = run(flow(redo=("what",)), "hallo", "iets", "ergens")
    assert state.step == "what" and "what" not in state.answers


def test_a_redo_the_step_does_not_declare_is_refused() -> None:
    trial = Flow(
        name="trial",
        intro=_intro,
        steps=(
            Step("what", Ask("ask_what"), _take),
            Step("when", Ask("ask_when"), _take),
            Step("where", Ask("ask_where"), _back_to_what, redo=("when",)),
        ),
    )
    with pytest.raises(FlowError) as raised:
        run(trial, "hallo", "iets", "gisteren", "ergens")
    assert str(raised.value) == (
        "Flow 'trial', step 'where': its parser asked to redo 'what', which the step "
        "does not declare in redo."
    )


# -- which question a press answers ---------------------------------------------------------

YES_NO = (Choice("ja", "Ja"), Choice("nee", "Nee"))


def _yes_no(inbound: Inbound, _ctx: Context) -> Parsed:
    picked = inbound.choice or inbound.text
    if picked in ("ja", "nee"):
        return Accept(picked == "ja")
    return Reask(say("reask_yes_no"))


ASKED = Flow(
    name="asked",
    intro=_intro,
    steps=(
        Step("safe", Ask("ask_safe", YES_NO), _yes_no, label="label_what"),
        Step("damage", Ask("ask_damage", YES_NO), _yes_no, label="label_where"),
    ),
)


class Dialog:
    """One conversation with the engine: every reply and the state, as a turn leaves them."""

    def __init__(self, flow: Flow) -> None:
        self.engine, self.state, self.n = Engine(flow), DialogState(), 0
        self.last: TurnResult = TurnResult()

    def send(self, text: str = "", choice: str | None = None, asked: Question | None = None) -> str:
        self.n += 1
        ctx = Context(person=PERSON, now=NOW, answers=self.state.answers)
        inbound = Inbound(KEY, str(self.n), text=text, choice=choice, question=asked)
        self.last = self.engine.turn(self.state, inbound, ctx)
        return "\n\n".join(r.text for r in self.last.replies)

    @property
    def asked(self) -> Question:
        """The question the last reply with choices asked."""
        (question,) = [r.question for r in self.last.replies if r.choices]
        assert question is not None
        return question


def test_every_question_with_choices_says_which_question_it_is() -> None:
    dialog = Dialog(ASKED)
    dialog.send("hallo")
    first = dialog.asked
    assert first == Question("safe", dialog.state.revision)
    dialog.send("misschien")  # not understood: the same question, the same revision
    assert dialog.asked == first
    dialog.send("ja")
    assert dialog.asked.step == "damage" and dialog.asked.revision > first.revision


def test_a_press_on_an_earlier_question_changes_nothing() -> None:
    dialog = Dialog(ASKED)
    dialog.send("hallo")
    safety = dialog.asked
    dialog.send(choice="ja", asked=safety)
    assert dialog.state.step == "damage"
    before = (dialog.state.step, dialog.state.revision, dict(dialog.state.answers))

    said = dialog.send(choice="ja", asked=safety)  # "Ja" on the safety card, again
    assert said == f"{say('stale_press')}\n\n{say('ask_damage')}"
    assert (dialog.state.step, dialog.state.revision, dialog.state.answers) == before
    assert dialog.last.set_answers == {} and dialog.last.answered is None
    # A press that names no question (a card from before) is not taken either.
    assert dialog.send(choice="nee").startswith(say("stale_press"))
    assert "damage" not in dialog.state.answers
    # A typed answer always answers the open question.
    dialog.send("nee")
    assert dialog.state.answers["damage"] is False and dialog.state.step == "review"


def test_a_review_card_press_works_for_its_rows_while_its_rows_hold() -> None:
    dialog = Dialog(ASKED)
    dialog.send("hallo")
    dialog.send("ja")
    dialog.send("nee")
    review = dialog.asked
    assert review.step == "review"

    dialog.send(choice="wijzig 2", asked=review)  # a row of the review card
    assert dialog.state.step == "damage"
    dialog.send(choice="wijzig 1", asked=review)  # another row of the same card: still fine
    assert dialog.state.step == "safe"
    # "verstuur" on that card is not the open question: refused.
    assert dialog.send(choice="verstuur", asked=review).startswith(say("stale_press"))
    assert not dialog.last.submit

    dialog.send("nee")  # safe changes: the review card's rows no longer hold
    assert dialog.state.step == "review"
    assert dialog.send(choice="verstuur", asked=review).startswith(say("stale_press"))
    assert not dialog.last.submit
    assert dialog.send(choice="wijzig 1", asked=review).startswith(say("stale_press"))
    dialog.send(choice="verstuur", asked=dialog.asked)  # the new review card sends
    assert dialog.last.submit


def test_while_paused_only_the_resume_card_resumes() -> None:
    dialog = Dialog(ASKED)
    dialog.send("hallo")
    safety = dialog.asked
    dialog.send("stop")
    assert dialog.state.paused
    # The open question's own card gets "verder of opnieuw?", not an answer, nothing else.
    assert dialog.send(choice="ja", asked=safety).startswith("Je was bezig met een melding")
    resume = dialog.asked
    assert resume.step == "resume" and "safe" not in dialog.state.answers
    dialog.send(choice="verder", asked=resume)
    assert not dialog.state.paused
    # The old resume card now answers nothing.
    assert dialog.send(choice="opnieuw", asked=resume).startswith(say("stale_press"))
    assert dialog.state.step == "safe" and not dialog.last.discard
