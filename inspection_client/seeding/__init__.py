"""Realistic synthetic traffic for demos and benchmarks, saved through the real save path.

Shifts of eight hours around the clock; travellers of the nationalities seen on China's
western land border with valid passports or identity cards; trucks, buses and car carriers
with valid VINs, containers and declarations; hourly, direction and decision mixes as a busy
land port sees them. The same seed gives the same people and vehicles.

`population` holds the tables traffic is drawn from, `documents` the travellers' documents,
`traffic` one day of it, `saving` the `seed` that makes the days and saves them, and `bounds`
how large a seed can be.

The names below are imported when first used: every command and the window import this
package, and only a seed (or a first demo start) needs the traffic generator.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from inspection_client.seeding.bounds import MAX_CLEARANCES, MAX_DAY, MAX_DAYS, size_problem
    from inspection_client.seeding.population import CHINA_TIME
    from inspection_client.seeding.saving import (
        DEMO_OFFICERS,
        DEMO_WORKSTATION,
        SEED_CACHE_SIZE,
        SEED_TRANSACTION,
        SeedSummary,
        ensure_demo,
        seed,
    )

_MODULES = {
    "CHINA_TIME": "population",
    "MAX_CLEARANCES": "bounds",
    "MAX_DAY": "bounds",
    "MAX_DAYS": "bounds",
    "size_problem": "bounds",
    **dict.fromkeys(
        (
            "DEMO_OFFICERS",
            "DEMO_WORKSTATION",
            "SEED_CACHE_SIZE",
            "SEED_TRANSACTION",
            "SeedSummary",
            "ensure_demo",
            "seed",
        ),
        "saving",
    ),
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


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
