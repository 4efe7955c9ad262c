"""The shared SQL's footing: what each engine supplies (transactions, placeholders,
timestamps, row locks, the set-wise insert of records) and the statement helpers on top.
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from inspection_central.storage import CentralStorage, PreparedBatch, WorkstationInfo

WORKSTATION_COLUMNS = (
    "workstation_id, port_code, lane_id, lane_kind, public_key, created_at, enrolled_at, "
    "revoked_at, last_seen, high_water_seq, chain_head, gaps, records"
)

# (id, workstation_id, seq, port_code, lane_id, kind, decision, content, content_hash,
#  chain_hash, flagged, batch_id, received_at): the order of columns in `records`.
RECORD_COLUMNS = (
    "id",
    "workstation_id",
    "seq",
    "port_code",
    "lane_id",
    "kind",
    "decision",
    "content",
    "content_hash",
    "chain_hash",
    "flagged",
    "batch_id",
    "received_at",
)
RecordRow = tuple[Any, ...]


def now_utc() -> datetime:
    return datetime.now(UTC)


def chunks(values: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class SqlDialect(CentralStorage):
    """`CentralStorage` over a DB-API connection; engines fill in the abstract hooks."""

    # -- engine hooks

    @abstractmethod
    def _write(self) -> AbstractContextManager[Any]:
        """A connection inside a write transaction, committed on success."""

    @abstractmethod
    def _read(self) -> AbstractContextManager[Any]:
        """A connection for reading."""

    @abstractmethod
    def _sql(self, text: str) -> str:
        """The statement with this engine's placeholders."""

    @abstractmethod
    def _ts(self, value: datetime | None) -> Any:
        """A timestamp as this engine stores it."""

    @abstractmethod
    def _dt(self, value: Any) -> datetime | None:
        """A stored timestamp back as an aware datetime."""

    @abstractmethod
    def _lock_workstation(self, conn: Any, workstation_id: str) -> tuple[Any, ...] | None:
        """Lock the workstation's row for the rest of the transaction; its columns."""

    @abstractmethod
    def _insert_records(self, conn: Any, batch: PreparedBatch, rows: list[RecordRow]) -> set[str]:
        """Insert the rows whose id and (workstation, seq) are new; the ids inserted."""

    @abstractmethod
    def _existing_by_id(self, conn: Any, ids: Sequence[str]) -> dict[str, tuple[str, int, bytes]]:
        """id -> (workstation_id, seq, content_hash) of the records held with these ids."""

    # -- statement helpers

    def _run(self, conn: Any, text: str, params: Sequence[Any] = ()) -> Any:
        return conn.execute(self._sql(text), tuple(params))

    def _one(self, conn: Any, text: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row: tuple[Any, ...] | None = self._run(conn, text, params).fetchone()
        return row

    def _all(self, conn: Any, text: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self._run(conn, text, params).fetchall()
        return rows

    def _many(self, conn: Any, text: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            conn.cursor().executemany(self._sql(text), rows)

    def _workstation_from_row(self, row: Sequence[Any]) -> WorkstationInfo:
        gaps = tuple((int(a), int(b)) for a, b in json.loads(row[11] or "[]"))
        created = self._dt(row[5])
        assert created is not None
        return WorkstationInfo(
            workstation_id=row[0],
            port_code=row[1],
            lane_id=row[2],
            lane_kind=row[3],
            public_key=row[4],
            created_at=created,
            enrolled_at=self._dt(row[6]),
            revoked_at=self._dt(row[7]),
            last_seen=self._dt(row[8]),
            high_water_seq=int(row[9]),
            chain_head=row[10],
            gaps=gaps,
            records=int(row[12]),
        )
