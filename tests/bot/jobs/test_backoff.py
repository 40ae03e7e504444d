"""bot/jobs/backoff.py: one capped exponential backoff with jitter, the random source pinned."""

from __future__ import annotations

import random

import pytest

from bot.jobs.backoff import backoff_delay
from bot.jobs.outbox import MAX_BACKOFF, retry_delay


def low() -> float:
    return 0.0


def high() -> float:
    return 0.999999


@pytest.mark.parametrize(
    ("attempt", "shortest", "longest"),
    [(0, 0.5, 1.0), (1, 1.0, 2.0), (3, 4.0, 8.0), (9, 256.0, 512.0), (10, 450.0, 900.0)],
)
def test_the_ceiling_doubles_and_the_wait_lies_between_half_of_it_and_it(
    attempt: int, shortest: float, longest: float
) -> None:
    assert backoff_delay(attempt, base=1.0, cap=900.0, rand=low) == shortest
    assert backoff_delay(attempt, base=1.0, cap=900.0, rand=high) == pytest.approx(longest)


def test_the_cap_holds_however_many_attempts() -> None:
    for attempt in (11, 50, 10_000):
        assert backoff_delay(attempt, base=0.2, cap=15.0, rand=low) == 7.5
        assert backoff_delay(attempt, base=0.2, cap=15.0, rand=high) == pytest.approx(15.0)


def test_the_jitter_spreads_waiters() -> None:
    rng = random.Random(7)
    delays = {backoff_delay(4, base=1.0, cap=900.0, rand=rng.random) for _ in range(50)}
    assert len(delays) == 50
    assert all(8.0 <= d < 16.0 for d in delays)


def test_the_outbox_takes_a_longer_retry_after() -> None:
    assert retry_delay(0, 120.0) == 120.0
    assert 0.5 <= retry_delay(0, None) <= 1.0
    assert MAX_BACKOFF / 2 <= retry_delay(30, 1.0) <= MAX_BACKOFF
