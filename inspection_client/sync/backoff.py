"""When to try the central again after a failed round: exponential backoff with full jitter."""

from __future__ import annotations

import random


class Backoff:
    """Delay before the next try: uniform(0, min(cap, base * 2**failures)).

    Full jitter spreads the retries of a port's many lanes after an outage, so that they do
    not all hit the central in the same second when the link comes back.
    """

    def __init__(self, base: float = 1.0, cap: float = 300.0, rng: random.Random | None = None):
        self.base = base
        self.cap = cap
        self.failures = 0
        self._rng = rng or random.Random()

    def next_delay(self) -> float:
        # Bounding the exponent keeps 2**failures from overflowing a float after weeks offline.
        ceiling = min(self.cap, self.base * 2 ** min(self.failures, 62))
        return self._rng.uniform(0, ceiling)

    def failed(self) -> None:
        self.failures += 1

    def succeeded(self) -> None:
        self.failures = 0
