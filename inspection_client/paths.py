"""Where the workstation keeps its files: --data-dir, else $INSPECTION_CLIENT_HOME, else the
user data directory of the platform."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_HOME = "INSPECTION_CLIENT_HOME"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_HOME)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir("inspection-client", appauthor=False))


def database_file(directory: Path) -> Path:
    return directory / "lane.db"


def workstation_key_file(directory: Path) -> Path:
    return directory / "workstation.key"


def given_path(text: str) -> str:
    """A command-line path as typed, refusing an empty one: it would mean the current folder,
    and a command would write, seal or delete there without being asked to."""
    if not text.strip():
        import argparse

        raise argparse.ArgumentTypeError("is empty (give the file or folder)")
    return text


def given_path_object(text: str) -> Path:
    """`given_path`, as a Path."""
    return Path(given_path(text))
