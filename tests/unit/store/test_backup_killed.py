"""A backup or a restore killed half-way: nothing is lost, and what it left goes next time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from inspection_client.store import partial_files, records
from inspection_client.store.audit import chain_head, verify_chain
from inspection_client.store.backup import back_up, new_partial, restore
from inspection_client.store.database import Store
from tests import factories

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL and flock are POSIX")

# Runs `code` in a process that kills itself (SIGKILL: no clean-up runs) when the module
# `where` calls `function`: a known point of the work, not a moment picked by a timer.
KILLED_AT = """
import os, signal, sys
from pathlib import Path
import importlib
module = importlib.import_module(sys.argv[1])
def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
setattr(module, sys.argv[2], killed)
from inspection_client.store.backup import back_up, restore
from inspection_client.store.database import Store
"""


def killed_at(where: str, function: str, code: str, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLED_AT + code, where, function, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr


def saved(store: Store, count: int) -> None:
    records.save_many(store, [records.Draft(factories.passenger(), "OFF01")] * count)


def test_a_backup_killed_before_its_rename_leaves_no_backup_and_the_next_one_clears_it(
    store: Store, tmp_path: Path
) -> None:
    saved(store, 3)
    stick = tmp_path / "usb"
    stick.mkdir()
    store.close()
    database = store.path
    for attempt in range(2):  # killed once the copy is written, before it is checked and named
        killed_at(
            "inspection_client.store.backup",
            "_check",
            "with Store.open(Path(sys.argv[3])) as s: back_up(s, Path(sys.argv[4]))",
            str(database),
            str(stick / f"lane-{attempt}.db"),
        )
    left = sorted(path.name for path in stick.iterdir())
    assert left and all(name.startswith(".lane-backup-") for name in left)  # never a backup

    with Store.open(database) as reopened:
        assert verify_chain(reopened).intact and chain_head(reopened)[0] == 3
        writing = new_partial(stick)  # another backup, still writing into the same folder
        try:
            made = back_up(reopened, stick / "lane-2.db")
            assert sorted(stick.iterdir()) == sorted([made.path, writing])
            assert made.records == 3
        finally:
            partial_files.discard(writing)
    assert list(stick.iterdir()) == [made.path]


def test_a_restore_killed_half_way_keeps_the_database_and_the_next_one_clears_its_copy(
    store: Store, tmp_path: Path
) -> None:
    saved(store, 2)
    backup = back_up(store, tmp_path / "backup.db").path
    saved(store, 1)
    store.close()
    before = store.path.read_bytes()
    data_dir = store.path.parent
    killed_at(
        "inspection_client.store.audit",
        "verify_chain",  # the copy is staged in the data directory, not yet in place
        "restore(Path(sys.argv[3]), Path(sys.argv[4]), replace=True)",
        str(backup),
        str(data_dir),
    )
    staged = [path.name for path in data_dir.iterdir() if path.name.startswith(".restoring-")]
    assert staged
    assert store.path.read_bytes() == before

    restored = restore(backup, data_dir, replace=True)
    assert restored.records == 2
    assert not [path for path in data_dir.iterdir() if path.name.startswith(".restoring-")]
    (aside,) = restored.moved_aside
    assert aside.read_bytes() == before
