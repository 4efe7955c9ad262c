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
    return _not_empty(text, "the file or folder")


def given_folder(text: str) -> str:
    """`given_path` for an argument that takes a folder only (--data-dir, `sync export --to`)."""
    return _not_empty(text, "a folder")


def given_file(text: str) -> str:
    """`given_path` for an argument that takes a file only (a backup to restore, a key)."""
    return _not_empty(text, "a file")


def _not_empty(text: str, what: str) -> str:
    if not text.strip():
        import argparse

        raise argparse.ArgumentTypeError(f"is empty (give {what})")
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


def given_folder_object(text: str) -> Path:
    """`given_folder`, as a Path."""
    return Path(given_folder(text))
