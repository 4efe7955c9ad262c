"""The central's public key as the database keeps it: the first key that signs for it."""

from __future__ import annotations

from inspection_central.storage.dialect import SqlDialect, now_utc


class CentralKeyRecord(SqlDialect):
    """The one central key of the database."""

    def claim_central_key(self, public_key: str, fingerprint: str) -> tuple[str, str]:
        with self._write() as conn:
            self._run(
                conn,
                "INSERT INTO central_key(id, public_key, fingerprint, first_used_at) "
                "VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (public_key, fingerprint, self._ts(now_utc())),
            )
            row = self._one(conn, "SELECT public_key, fingerprint FROM central_key WHERE id = 1")
        assert row is not None
        return str(row[0]), str(row[1])

    def kept_central_key_fingerprint(self) -> str | None:
        with self._read() as conn:
            row = self._one(conn, "SELECT fingerprint FROM central_key WHERE id = 1")
        return None if row is None else str(row[0])
