"""The guideline's annex: nine steps for melding and aangifte, done by the handler.

Data, not code: each step has a stable key (stored with a tick), its number, and the
values it records where it records one (step 4: melding or aangifte; step 8: the
follow-up). When the police deem an aangifte not punishable, the second opinion of the
hulpofficier van justitie is offered: a tenth entry that applies only then. The texts a
person reads are the catalogue's `annex_<key>` and `annex_<key>_<value>`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Filed(StrEnum):
    """Step 4: what was filed with the police."""

    MELDING = "melding"
    AANGIFTE = "aangifte"


class FollowUp(StrEnum):
    """Step 8: what became of it. A melding stays in the police file and does not go to the
    public prosecutor; an aangifte does, unless the police deem it not punishable."""

    POLICE_FILE = "politiedossier"
    PROSECUTOR = "openbaar_ministerie"
    NOT_PUNISHABLE = "niet_strafbaar"


class SecondOpinion(StrEnum):
    """The hulpofficier van justitie's second opinion, offered when not punishable."""

    REQUESTED = "gevraagd"
    DECLINED = "niet_gevraagd"


@dataclass(frozen=True)
class AnnexStep:
    key: str  # what a tick is stored and pressed as ("1".."9", "hulpofficier")
    number: int | None
    values: tuple[str, ...] = ()  # empty: a plain tick


SECOND_OPINION = "hulpofficier"
POLICE_APPOINTMENT = "3"  # ticking it marks the police deadline done

STEPS: tuple[AnnexStep, ...] = (
    AnnexStep("1", 1),  # report internally
    AnnexStep("2", 2),  # gather the facts: who, what, where, with what, how, when, why
    AnnexStep(POLICE_APPOINTMENT, 3),  # make an appointment with the police
    AnnexStep("4", 4, tuple(Filed)),  # file a melding or an aangifte
    AnnexStep("5", 5),  # protect private data: never the home address
    AnnexStep("6", 6),  # say that the person holds a public office
    AnnexStep("7", 7),  # check the melding or aangifte
    AnnexStep("8", 8, tuple(FollowUp)),  # the follow-up
    AnnexStep("9", 9),  # aftercare from the organisation
    AnnexStep(SECOND_OPINION, None, tuple(SecondOpinion)),
)

BY_KEY: Mapping[str, AnnexStep] = {s.key: s for s in STEPS}


class TickError(ValueError):
    """A tick that cannot be recorded; `code` names why (the catalogue words it)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def applies(step: AnnexStep, ticked: Mapping[str, str | None]) -> bool:
    """Whether `step` is on the checklist, given the values ticked so far: the second
    opinion only once step 8 says the police deem it not punishable."""
    if step.key == SECOND_OPINION:
        return ticked.get("8") == FollowUp.NOT_PUNISHABLE
    return True


def follow_ups(ticked: Mapping[str, str | None]) -> tuple[str, ...]:
    """Step 8's possible values after step 4: a melding stays in the police file; an
    aangifte goes to the public prosecutor or is deemed not punishable."""
    filed = ticked.get("4")
    if filed == Filed.MELDING:
        return (FollowUp.POLICE_FILE,)
    if filed == Filed.AANGIFTE:
        return (FollowUp.PROSECUTOR, FollowUp.NOT_PUNISHABLE)
    return tuple(FollowUp)


def options(step: AnnexStep, ticked: Mapping[str, str | None]) -> tuple[str, ...]:
    return follow_ups(ticked) if step.key == "8" else step.values


def check_tick(key: str, value: str | None, ticked: Mapping[str, str | None]) -> AnnexStep:
    """The step a tick is for, with its value checked; raises `TickError`."""
    step = BY_KEY.get(key.strip().lower())
    if step is None:
        raise TickError("unknown_step")
    if not applies(step, ticked):
        raise TickError("not_applicable")
    allowed = options(step, ticked)
    if allowed and value not in allowed:
        raise TickError("value_needed")
    if not allowed and value:
        raise TickError("no_value")
    return step
