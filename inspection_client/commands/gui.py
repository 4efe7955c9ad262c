"""Opening the workstation window when `inspection-client` is run with no command."""

from __future__ import annotations

import argparse
import os
import sys

_QT_PACKAGES = ("PySide6", "shiboken6")


def _is_qt_missing(error: ImportError) -> bool:
    """True when Qt for Python itself (or a system library it loads) could not be imported."""
    name, path = error.name or "", str(error.path or "")
    return name.startswith(_QT_PACKAGES) or any(p in path for p in _QT_PACKAGES)


def no_display() -> bool:
    """True on Linux and other X11/Wayland systems when there is no screen to open a window
    on: Qt would abort the whole process (exit 134) with an unrelated hint about xcb."""
    if sys.platform in ("win32", "darwin"):
        return False
    if os.environ.get("QT_QPA_PLATFORM"):  # offscreen, vnc... chosen on purpose
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_window(args: argparse.Namespace) -> int:
    if no_display():
        print(
            "inspection-client: there is no screen to open the window on (neither DISPLAY "
            "nor WAYLAND_DISPLAY is set: a remote shell, or a service?). Start it from the "
            "workstation's desktop session; the commands listed by `inspection-client -h` "
            "work without one.",
            file=sys.stderr,
        )
        return 2
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
