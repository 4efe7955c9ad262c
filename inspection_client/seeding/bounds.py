"""How large a seed can be: the command line checks it before anything is made."""

from __future__ import annotations

# Bounds of a seed: a day is made whole in memory (about 1.5 KB a record) before it is saved.
MAX_CLEARANCES = 10_000_000
MAX_DAYS = 3650
MAX_DAY = 200_000  # clearances


def size_problem(clearances: int, days: int) -> str | None:
    """Why a seed of this size cannot be made, or None when it can."""
    if not (1 <= clearances <= MAX_CLEARANCES and 1 <= days <= MAX_DAYS):
        return f"A seed makes 1 to {MAX_CLEARANCES:,} clearances over 1 to {MAX_DAYS:,} days."
    days_needed = -(-clearances // MAX_DAY)
    if days < days_needed:
        return (
            f"A seed makes at most {MAX_DAY:,} clearances a day: spread {clearances:,} over "
            f"--days {days_needed} or more."
        )
    return None
