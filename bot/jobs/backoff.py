"""One capped exponential backoff with jitter, for everything that waits to try again:
the outbox's deliveries (bot/jobs/outbox.py) and Signal's reconnects (adapters/signal).

Pure: the random source is passed in, so a test can pin it.
"""

from __future__ import annotations

import random
from collections.abc import Callable

# Past this many doublings every sane ceiling is reached; it keeps 2**attempt finite.
_MAX_DOUBLINGS = 64


def backoff_delay(
    attempt: int,
    *,
    base: float,
    cap: float,
    rand: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait before try `attempt` + 1 (`attempt` 0: the first retry).

    The ceiling doubles from `base` with each attempt, up to `cap`; the wait is drawn
    between half the ceiling and the ceiling ("equal jitter"). Half at least, so a peer
    that is down is not hammered; spread over the other half, so that many waiters (the
    outbox rows of one channel, several replicas) do not retry in step. `rand` returns a
    number in [0, 1).
    """
    ceiling = min(cap, base * 2.0 ** min(max(attempt, 0), _MAX_DOUBLINGS))
    return ceiling * (0.5 + rand() / 2)
