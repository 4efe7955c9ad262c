"""The one argument most benchmarks take: how many (records, saves, parses)."""

from __future__ import annotations

import sys


def count_argument(default: int) -> int:
    """`sys.argv[1]` as a positive count (`default` without it); usage and exit 2 otherwise."""
    if len(sys.argv) < 2:
        return default
    text = sys.argv[1].replace(",", "").replace("_", "")
    if not text.isdigit() or int(text) == 0:
        print(
            f"usage: python {sys.argv[0]} [COUNT]  (a positive whole number; default {default:,}),"
            f" not {sys.argv[1]!r}",
            file=sys.stderr,
        )
        raise SystemExit(2)
    return int(text)
