"""The storage logic both engines share, assembled from its features: each is written once
in the SQL that SQLite and PostgreSQL have in common (`?` placeholders are rewritten for
psycopg).

An engine (`sqlite`, `postgres`) supplies the hooks of `dialect.SqlDialect`: its connections
and transactions, how timestamps travel, and the set-wise insert of a batch's records (COPY
on PostgreSQL, executemany on SQLite).
"""

from __future__ import annotations

from inspection_central.storage.batches import BatchIngestion
from inspection_central.storage.central_key import CentralKeyRecord
from inspection_central.storage.figures import Figures
from inspection_central.storage.reference_data import ReferenceData
from inspection_central.storage.withdrawn_slips import WithdrawnSlips


class SqlStorage(BatchIngestion, CentralKeyRecord, Figures, ReferenceData, WithdrawnSlips):
    """`CentralStorage` over a DB-API connection.

    Batches and their receipts come from `batches` (with `examined_again` and
    `record_outcomes`); workstation entries from `workstations`; chain alerts and the records
    kept aside from `investigation`, both also under `figures`; the roster, lanes and
    snapshots from `reference_data`; voids and amendments from `withdrawn_slips`; the key
    every server of the database signs with from `central_key`.
    """
