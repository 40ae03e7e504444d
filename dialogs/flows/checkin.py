"""The aftercare check-in as a declared flow: one question, four answers, what each does.

Short and gentle: the question never asks how someone feels in detail, and every answer is
thanked. "kan beter" keeps the check-in open, so that a "contact" typed after it still
counts; the other answers close it. Anything else gets one short re-ask, and "melden"
hands the person to the report flow.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.text import vocabulary
from bot.text.catalogue import say
from dialogs.engine import normalise
from dialogs.messages import Choice, Inbound


class CheckinAnswer(StrEnum):
    GAAT_GOED = "gaat_goed"
    KAN_BETER = "kan_beter"
    CONTACT = "contact"
    STOP = "stop"


@dataclass(frozen=True)
class AnswerSpec:
    answer: CheckinAnswer
    words: frozenset[str]
    closes: bool  # the check-in is answered
    notify: bool  # the coordinator VPT and the handler are asked to get in touch
    stops: bool  # no more check-ins for this case


ANSWERS: tuple[AnswerSpec, ...] = (
    AnswerSpec(
        CheckinAnswer.GAAT_GOED,
        vocabulary.CHECKIN_GOOD_WORDS,
        closes=True,
        notify=False,
        stops=False,
    ),
    AnswerSpec(
        CheckinAnswer.KAN_BETER,
        vocabulary.CHECKIN_COULD_BE_BETTER_WORDS,
        closes=False,
        notify=False,
        stops=False,
    ),
    AnswerSpec(
        CheckinAnswer.CONTACT,
        vocabulary.CHECKIN_CONTACT_WORDS,
        closes=True,
        notify=True,
        stops=False,
    ),
    AnswerSpec(
        CheckinAnswer.STOP,
        vocabulary.CHECKIN_STOP_WORDS,
        closes=True,
        notify=False,
        stops=True,
    ),
)


def choices() -> tuple[Choice, ...]:
    return tuple(Choice(a.answer.value, say(f"checkin_choice_{a.answer.value}")) for a in ANSWERS)


def parse_answer(inbound: Inbound) -> AnswerSpec | None:
    """The answer picked: a card value, its number, or one of its words."""
    pick = normalise(inbound.choice or inbound.text).rstrip(".!")
    for n, spec in enumerate(ANSWERS, start=1):
        if pick in (spec.answer.value, str(n)) or pick in spec.words:
            return spec
    return None


def wants_new_report(inbound: Inbound) -> bool:
    return normalise(inbound.text) in vocabulary.NEW_REPORT_WORDS or happened_again(inbound)


def happened_again(inbound: Inbound) -> bool:
    """ "Er is weer iets gebeurd": a new report, linked to the case the check-in is about."""
    return normalise(inbound.text).rstrip(".!") in vocabulary.HAPPENED_AGAIN_WORDS


def reply_for(answer: CheckinAnswer) -> str:
    return say(f"checkin_reply_{answer.value}")
