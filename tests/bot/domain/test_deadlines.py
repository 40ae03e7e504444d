from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.deadlines import (
    CaseFacts,
    Deadline,
    DeadlineKind,
    deadlines_for,
    passed_at_submission,
)

AMS = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, fold: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS, fold=fold)


def facts(
    submitted_at: datetime,
    incident_at: datetime | None = None,
    *,
    serious: bool = False,
    criminal_suspected: bool = False,
    incident_talk_planned: bool = False,
    measures_end: date | None = None,
    ack_hours: float = 4.0,
) -> CaseFacts:
    return CaseFacts(
        submitted_at=submitted_at,
        incident_at=incident_at or submitted_at,
        serious=serious,
        criminal_suspected=criminal_suspected,
        incident_talk_planned=incident_talk_planned,
        measures_end=measures_end,
        ack_hours=ack_hours,
    )


def due(case: CaseFacts, kind: DeadlineKind) -> datetime:
    [found] = [d.due for d in deadlines_for(case) if d.kind is kind]
    return found


def assert_local(actual: datetime, expected: datetime) -> None:
    # isoformat carries the wall-clock time and the UTC offset: both must match.
    assert actual.isoformat() == expected.isoformat()
    assert actual.tzinfo == AMS


@pytest.mark.parametrize(
    ("submitted", "expected"),
    [
        (at(2026, 11, 30, 10), at(2026, 12, 2, 17)),  # Monday -> Wednesday
        (at(2026, 11, 27, 10), at(2026, 12, 1, 17)),  # Friday: over the weekend
        (at(2026, 11, 28, 10), at(2026, 12, 1, 17)),  # Saturday
        (at(2026, 11, 29, 23, 50), at(2026, 12, 1, 17)),  # Sunday, late
        (at(2026, 4, 24, 10), at(2026, 4, 29, 17)),  # Koningsdag 2026 (Monday 27 April)
        (at(2026, 4, 27, 10), at(2026, 4, 29, 17)),  # submitted on Koningsdag itself
        (at(2025, 4, 25, 10), at(2025, 4, 29, 17)),  # 2025: 27 April a Sunday, 26th a Saturday
        (at(2026, 5, 4, 10), at(2026, 5, 7, 17)),  # 5 mei 2026, not a lustrum year
        (at(2026, 4, 2, 10), at(2026, 4, 8, 17)),  # Goede Vrijdag and tweede Paasdag
        (at(2026, 5, 13, 10), at(2026, 5, 18, 17)),  # Hemelvaartsdag
        (at(2026, 5, 22, 10), at(2026, 5, 27, 17)),  # tweede Pinksterdag
        (at(2026, 12, 24, 10), at(2026, 12, 29, 17)),  # Kerst (25 and 26 December)
        (at(2026, 12, 30, 10), at(2027, 1, 4, 17)),  # Nieuwjaarsdag
        (at(2026, 12, 31, 10), at(2027, 1, 5, 17)),
        # 00:30 local is still 23 December in UTC: the local day counts.
        (at(2026, 12, 24, 0, 30), at(2026, 12, 29, 17)),
        (at(2026, 3, 27, 10), at(2026, 3, 31, 17)),  # over the March DST switch: 17:00 CEST
        (at(2026, 10, 23, 10), at(2026, 10, 27, 17)),  # over the October switch: 17:00 CET
    ],
)
def test_police_within_two_working_days(submitted: datetime, expected: datetime) -> None:
    assert_local(due(facts(submitted, criminal_suspected=True), DeadlineKind.POLICE), expected)


def test_police_counts_from_local_day_given_utc_input() -> None:
    submitted = datetime(2026, 12, 23, 23, 30, tzinfo=UTC)  # 24 December 00:30 in Amsterdam
    assert_local(
        due(facts(submitted, criminal_suspected=True), DeadlineKind.POLICE),
        at(2026, 12, 29, 17),
    )


@pytest.mark.parametrize(
    ("incident", "expected"),
    [
        (at(2026, 11, 27, 20), at(2026, 11, 30, 20)),  # over a weekend: hours, not workdays
        (at(2026, 12, 25, 20), at(2026, 12, 28, 20)),  # over Christmas
        (at(2026, 4, 26, 9), at(2026, 4, 29, 9)),  # over Koningsdag
        # 12:00 CET + 72 h of real time lands at 13:00 CEST.
        (at(2026, 3, 28, 12), at(2026, 3, 31, 13)),
        # 12:00 CEST + 72 h of real time lands at 11:00 CET.
        (at(2026, 10, 24, 12), at(2026, 10, 27, 11)),
    ],
)
def test_measures_and_incident_talk_72_hours(incident: datetime, expected: datetime) -> None:
    case = facts(at(2026, 12, 31, 9), incident, incident_talk_planned=True)
    assert_local(due(case, DeadlineKind.MEASURES), expected)
    assert_local(due(case, DeadlineKind.INCIDENT_TALK), expected)


@pytest.mark.parametrize(
    ("submitted", "expected"),
    [
        (at(2026, 11, 28, 22), at(2026, 11, 29, 22)),  # weekends do not stop it
        (at(2026, 3, 28, 12), at(2026, 3, 29, 13)),  # CET -> CEST
        (at(2026, 10, 24, 20), at(2026, 10, 25, 19)),  # CEST -> CET
    ],
)
def test_arbeidsinspectie_within_24_hours(submitted: datetime, expected: datetime) -> None:
    assert_local(due(facts(submitted, serious=True), DeadlineKind.ARBEIDSINSPECTIE), expected)


def test_arbeidsinspectie_counts_from_the_incident_not_the_submission() -> None:
    incident = at(2026, 11, 28, 22)
    case = facts(at(2026, 11, 29, 9), incident, serious=True)
    assert_local(due(case, DeadlineKind.ARBEIDSINSPECTIE), at(2026, 11, 29, 22))
    assert not passed_at_submission(due(case, DeadlineKind.ARBEIDSINSPECTIE), case.submitted_at)


def test_arbeidsinspectie_counts_from_when_the_harm_became_known_if_later() -> None:
    case = replace(
        facts(at(2026, 11, 30, 9), at(2026, 11, 28, 22), serious=True),
        harm_known_at=at(2026, 11, 29, 15),
    )
    assert_local(due(case, DeadlineKind.ARBEIDSINSPECTIE), at(2026, 11, 30, 15))
    earlier = replace(case, harm_known_at=at(2026, 11, 27, 15))  # never before the incident
    assert_local(due(earlier, DeadlineKind.ARBEIDSINSPECTIE), at(2026, 11, 29, 22))


def test_a_clock_run_out_before_the_report_is_due_at_once() -> None:
    # An incident of a week ago: the 24 and 72 hours are gone when the report comes in.
    case = facts(at(2026, 11, 29, 9), at(2026, 11, 22, 20), serious=True)
    for kind in (DeadlineKind.ARBEIDSINSPECTIE, DeadlineKind.MEASURES):
        assert passed_at_submission(due(case, kind), case.submitted_at)
    assert not passed_at_submission(due(case, DeadlineKind.ACKNOWLEDGE), case.submitted_at)


def test_harm_known_at_must_be_timezone_aware() -> None:
    case = replace(facts(at(2026, 11, 29, 9)), harm_known_at=datetime(2026, 11, 29, 9))
    with pytest.raises(ValueError, match="harm_known_at"):
        deadlines_for(case)


@pytest.mark.parametrize(
    ("submitted", "ack_hours", "expected"),
    [
        (at(2026, 11, 29, 10, 15), 4.0, at(2026, 11, 29, 14, 15)),
        (at(2026, 11, 29, 23, 0), 4.0, at(2026, 11, 30, 3, 0)),
        (at(2026, 11, 29, 10, 15), 0.5, at(2026, 11, 29, 10, 45)),
        # 00:30 CET + 4 h: the clock jumps from 02:00 to 03:00 on the way.
        (at(2026, 3, 29, 0, 30), 4.0, at(2026, 3, 29, 5, 30)),
        # The first 02:30 (CEST) on 25 October + 4 h: the hour 02:00-03:00 happens twice.
        (at(2026, 10, 25, 2, 30, fold=0), 4.0, at(2026, 10, 25, 5, 30)),
    ],
)
def test_acknowledge(submitted: datetime, ack_hours: float, expected: datetime) -> None:
    assert_local(due(facts(submitted, ack_hours=ack_hours), DeadlineKind.ACKNOWLEDGE), expected)


@pytest.mark.parametrize(
    ("measures_end", "expected"),
    [
        (date(2027, 2, 15), at(2027, 2, 15, 9)),
        (date(2026, 3, 29), at(2026, 3, 29, 9)),  # DST day: 09:00 CEST
        (date(2026, 10, 25), at(2026, 10, 25, 9)),  # DST day: 09:00 CET
    ],
)
def test_recovery_talk_on_the_end_date(measures_end: date, expected: datetime) -> None:
    case = facts(at(2026, 11, 29, 10), measures_end=measures_end)
    assert_local(due(case, DeadlineKind.RECOVERY_TALK), expected)


def test_only_acknowledge_and_measures_by_default() -> None:
    kinds = [d.kind for d in deadlines_for(facts(at(2026, 11, 29, 10)))]
    assert kinds == [DeadlineKind.ACKNOWLEDGE, DeadlineKind.MEASURES]


def test_all_deadlines_sorted_by_due() -> None:
    case = facts(
        submitted_at=at(2026, 11, 27, 16),  # Friday
        incident_at=at(2026, 11, 27, 9),
        serious=True,
        criminal_suspected=True,
        incident_talk_planned=True,
        measures_end=date(2027, 1, 15),
    )
    assert deadlines_for(case) == [
        Deadline(DeadlineKind.ACKNOWLEDGE, at(2026, 11, 27, 20)),
        Deadline(DeadlineKind.ARBEIDSINSPECTIE, at(2026, 11, 28, 9)),  # the incident + 24 h
        Deadline(DeadlineKind.MEASURES, at(2026, 11, 30, 9)),
        Deadline(DeadlineKind.INCIDENT_TALK, at(2026, 11, 30, 9)),
        Deadline(DeadlineKind.POLICE, at(2026, 12, 1, 17)),
        Deadline(DeadlineKind.RECOVERY_TALK, at(2027, 1, 15, 9)),
    ]


NAIVE = datetime(2026, 11, 29, 10)


@pytest.mark.parametrize(
    ("case", "field"),
    [
        (facts(NAIVE, at(2026, 11, 29, 9)), "submitted_at"),
        (facts(at(2026, 11, 29, 10), NAIVE), "incident_at"),
    ],
)
def test_naive_datetimes_are_refused(case: CaseFacts, field: str) -> None:
    with pytest.raises(ValueError, match=field):
        deadlines_for(case)
