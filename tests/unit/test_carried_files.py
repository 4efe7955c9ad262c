"""Files brought on a stick are read only when they are files, and only up to a limit."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspection_client.carried_files import NotAFile, read_file_at_most

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


@pytest.fixture(autouse=True)
def never_waits() -> Iterator[None]:
    """A read that waits on a pipe fails the test instead of hanging the run."""

    def waited(signum: int, frame: object) -> None:
        raise AssertionError("the read waited on a file that never ends")

    previous = signal.signal(signal.SIGALRM, waited)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_file_is_read_up_to_its_limit(tmp_path: Path) -> None:
    file = tmp_path / "roster-v1.snapshot.json"
    file.write_bytes(b"x" * 10)
    assert read_file_at_most(file, 10) == b"x" * 10
    assert read_file_at_most(file, 9) is None
    with pytest.raises(FileNotFoundError):
        read_file_at_most(tmp_path / "missing.json", 10)


@pytest.mark.parametrize("kind", ["pipe", "device", "link to a device", "folder"])
def test_what_is_not_a_file_is_refused_before_it_is_read(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.snapshot.json"
    if kind == "pipe":
        os.mkfifo(path)  # no writer: an ordinary open would wait for one for ever
    elif kind == "device":
        path = Path("/dev/zero")  # reports size 0, and never ends
    elif kind == "link to a device":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    with pytest.raises(NotAFile) as refused:
        read_file_at_most(path, 1024)
    assert refused.value.strerror == "not a file (a device, pipe or folder)"
