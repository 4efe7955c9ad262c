"""Opening the workstation window when `inspection-client` is run with no command."""

from __future__ import annotations

import argparse
import sys


def open_window(args: argparse.Namespace) -> int:
    try:
        from inspection_client.ui.app import run  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        print(
            "inspection-client: the workstation window is not part of this build yet. "
            "Use the commands listed by `inspection-client -h`.",
            file=sys.stderr,
        )
        return 2
    result: int = run(args)
    return result
