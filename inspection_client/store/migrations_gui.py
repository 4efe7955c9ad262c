"""Local schema of the gui feature, registered after the foundation's migrations.

Append new migrations at the end of `register` with names "gui_NNN_what"; never change a
released one.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from inspection_client.store.sql import run_script


def register(migrations: Migrations) -> None:
    """Add this feature's migrations, in order."""

    @migrations(name="gui_001_search_terms_by_seq")
    def _search_terms_by_seq(db: Database) -> None:
        # The history filter walks records newest first and asks "does this record have a term
        # with this prefix?" when a short prefix matches too many terms to sort.
        run_script(db, "CREATE INDEX search_terms_seq ON search_terms(seq, term);")
