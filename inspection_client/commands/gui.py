"""Opening the workstation window when `inspection-client` is run with no command."""

from __future__ import annotations

import argparse
import sys

_QT_PACKAGES = ("PySide6", "shiboken6")


def _is_qt_missing(error: ImportError) -> bool:
    """True when Qt for Python itself (or a system library it loads) could not be imported."""
    name, path = error.name or "", str(error.path or "")
    return name.startswith(_QT_PACKAGES) or any(p in path for p in _QT_PACKAGES)


def open_window(args: argparse.Namespace) -> int:
    try:
        from inspection_client.ui.app import run
    except ImportError as error:
        if not _is_qt_missing(error):
            raise  # a broken installation of this program must show itself
        print(
            f"inspection-client: the window needs Qt for Python, which cannot be loaded "
            f"({error}). Install it with `pip install PySide6-Essentials` (on Linux also the "
            "system packages libegl1 libxkbcommon0 libfontconfig1), or use the commands "
            "listed by `inspection-client -h`.",
            file=sys.stderr,
        )
        return 2
    result: int = run(args)
    return result
