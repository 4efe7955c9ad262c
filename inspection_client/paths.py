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


def file_to_write(text: str) -> str:
    """A document's file (`report`, `slip` --output): neither empty nor `-`. A document is
    written whole under a temporary name and renamed, and the command says on standard
    output what it wrote; `-` as standard output would mix the two, and as a file named
    `-` it is a surprise."""
    import argparse

    if not text.strip():
        raise argparse.ArgumentTypeError("is empty (give the file to write)")
    if text == "-":
        raise argparse.ArgumentTypeError(
            "'-' is not a file: documents are written to a file, never to standard output. "
            "Give the file's name (./- for a file named '-')."
        )
    return text


def given_path_object(text: str) -> Path:
    """`given_path`, as a Path."""
    return Path(given_path(text))
