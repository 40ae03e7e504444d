"""The guideline's clocks (shared/domain.md, "Deadlines the bot watches") as pure functions.

Hour-based deadlines (acknowledge, 72 hours, 24 hours) are elapsed real time: they are
computed in UTC and only then shown in Europe/Amsterdam. Across a DST switch the local clock
time of the deadline therefore moves by an hour: an incident on Saturday 28 March 2026 at
12:00 (CET) has its 72-hour deadline on Tuesday 31 March at 13:00 (CEST). That is deliberate:
72 hours means 72 hours of waiting for the reporter, whatever the clocks do.

A clock that counts from the incident may have run out before the report arrives (an
incident of a week ago): its deadline then lies before `submitted_at`. It is kept as it is,
so that the reminder plan sends its overdue notice at once (bot/domain/reminder_plan.py),
and every text says it as "zo snel mogelijk" rather than a time already gone
(`passed_at_submission`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from bot.domain.workdays import add_working_days
from bot.domain.zone import AMSTERDAM

MEASURES_WITHIN = timedelta(hours=72)
INCIDENT_TALK_WITHIN = timedelta(hours=72)
ARBEIDSINSPECTIE_WITHIN = timedelta(hours=24)
POLICE_WORKING_DAYS = 2
# "Binnen 2 werkdagen" is read in a Dutch office as "by close of business on the second
# working day": the appointment with the police is made during office hours, so a deadline at
# 23:59 would only fire when nobody can act on it any more. 17:00 local is that close.
POLICE_DUE_AT = time(17, 0)
# The recovery talk falls "on that date"; 09:00 is the start of that office day.
RECOVERY_TALK_AT = time(9, 0)


class DeadlineKind(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    MEASURES = "measures"
    INCIDENT_TALK = "incident_talk"
    POLICE = "police"
    ARBEIDSINSPECTIE = "arbeidsinspectie"
    RECOVERY_TALK = "recovery_talk"


@dataclass(frozen=True)
class CaseFacts:
    """What the clocks depend on. Datetimes must be timezone-aware."""

    submitted_at: datetime
    incident_at: datetime
    serious: bool
    criminal_suspected: bool
    incident_talk_planned: bool = False
    measures_end: date | None = None
    ack_hours: float = 4.0
    # When the serious harm became known, if later than the incident (an injury found the
    # next day). The Arbeidsinspectie clock starts at the later of the two.
    harm_known_at: datetime | None = None


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    due: datetime  # aware, Europe/Amsterdam


def _after(start: datetime, elapsed: timedelta) -> datetime:
    """`start` plus real elapsed time, shown in Amsterdam time."""
    return (start.astimezone(UTC) + elapsed).astimezone(AMSTERDAM)


def _require_aware(name: str, value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"CaseFacts.{name} must be timezone-aware, got {value!r}.")


def passed_at_submission(due: datetime, submitted_at: datetime) -> bool:
    """True when a deadline had already run out when the report came in: it is then due
    "zo snel mogelijk"."""
    return due <= submitted_at


def arbeidsinspectie_clock(facts: CaseFacts) -> datetime:
    """Where the 24 hours start: the incident, or when the harm became known if later;
    never the submission (domain.md, "Deadlines the bot watches")."""
    if facts.harm_known_at is not None and facts.harm_known_at > facts.incident_at:
        return facts.harm_known_at
    return facts.incident_at


def deadlines_for(facts: CaseFacts) -> list[Deadline]:
    """All deadlines that apply to a case, sorted by due time (ties in declaration order)."""
    _require_aware("submitted_at", facts.submitted_at)
    _require_aware("incident_at", facts.incident_at)
    if facts.harm_known_at is not None:
        _require_aware("harm_known_at", facts.harm_known_at)

    found = [
        Deadline(
            DeadlineKind.ACKNOWLEDGE,
            _after(facts.submitted_at, timedelta(hours=facts.ack_hours)),
        ),
        Deadline(DeadlineKind.MEASURES, _after(facts.incident_at, MEASURES_WITHIN)),
    ]
    if facts.incident_talk_planned:
        found.append(
            Deadline(DeadlineKind.INCIDENT_TALK, _after(facts.incident_at, INCIDENT_TALK_WITHIN))
        )
    if facts.criminal_suspected:
        # Counted from the local calendar day of submission, whatever the hour.
        submitted_day = facts.submitted_at.astimezone(AMSTERDAM).date()
        due_day = add_working_days(submitted_day, POLICE_WORKING_DAYS)
        found.append(
            Deadline(
                DeadlineKind.POLICE, datetime.combine(due_day, POLICE_DUE_AT, tzinfo=AMSTERDAM)
            )
        )
    if facts.serious:
        found.append(
            Deadline(
                DeadlineKind.ARBEIDSINSPECTIE,
                _after(arbeidsinspectie_clock(facts), ARBEIDSINSPECTIE_WITHIN),
            )
        )
    if facts.measures_end is not None:
        found.append(
            Deadline(
                DeadlineKind.RECOVERY_TALK,
                datetime.combine(facts.measures_end, RECOVERY_TALK_AT, tzinfo=AMSTERDAM),
            )
        )
    order = list(DeadlineKind)
    return sorted(found, key=lambda d: (d.due, order.index(d.kind)))
