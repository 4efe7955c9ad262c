"""Realistic synthetic traffic for demos and benchmarks, saved through the real save path.

Shifts of eight hours around the clock; travellers of the nationalities seen on China's
western land border with valid passports or identity cards; trucks, buses and car carriers
with valid VINs, containers and declarations; hourly, direction and decision mixes as a busy
land port sees them. The same seed gives the same people and vehicles.

`population` holds the tables traffic is drawn from, `documents` the travellers' documents,
`traffic` one day of it, and `saving` the `seed` that makes the days and saves them.
"""

from inspection_client.seeding.population import CHINA_TIME
from inspection_client.seeding.saving import (
    DEMO_OFFICERS,
    DEMO_WORKSTATION,
    MAX_CLEARANCES,
    MAX_DAY,
    MAX_DAYS,
    SEED_CACHE_SIZE,
    SEED_TRANSACTION,
    SeedSummary,
    ensure_demo,
    seed,
    size_problem,
)

__all__ = [
    "CHINA_TIME",
    "DEMO_OFFICERS",
    "DEMO_WORKSTATION",
    "MAX_CLEARANCES",
    "MAX_DAY",
    "MAX_DAYS",
    "SEED_CACHE_SIZE",
    "SEED_TRANSACTION",
    "SeedSummary",
    "ensure_demo",
    "seed",
    "size_problem",
]
