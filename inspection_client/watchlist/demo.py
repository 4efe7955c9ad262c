"""The demo workstation's watchlist: a few specimen entries, so that a first tour shows a hit.

A real workstation only takes a watchlist its central signed. The demo has no central, so
`install` signs one small snapshot with a key made for it and thrown away at once, and
applies it through the same path as a real one (`apply_snapshot`, with that key given for
this one call and never pinned). Enrolling a demo workstation withdraws it (`withdraw`): from
then on only the central's watchlists count.

The entries are the ICAO 9303 specimen passport (ERIKSSON ANNA MARIA, L898902C3, UTO) that
docs and tests scan, and one vehicle and one container, as in `docs/samples/watchlist/`. A
central's reasons are in the words its agency writes; the demo's are in both of the app's
languages.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client.store.database import Store
from inspection_client.sync import wire
from inspection_client.watchlist.apply import ApplyResult, apply_snapshot
from inspection_client.watchlist.payload import LIST_COLUMNS, Columns, build_payload

DEMO_VERSION = 1
DEMO_VALID_FOR = timedelta(days=365)  # a demo directory is kept for trials, not refreshed

DEMO_ENTRIES: dict[str, list[dict[str, str]]] = {
    "documents": [
        {
            "number": "L898902C3",
            "state": "UTO",
            "type": "P",
            "reason": "stolen",
            "action": "refer",
        },
    ],
    "persons": [
        {
            "id": "DEMO-P1",
            "surname": "ERIKSSON",
            "given_names": "ANNA MARIA",
            "birth_date": "1974-08-12",
            "nationality": "UTO",
            "reason": (
                "Specimen: wanted for document fraud (demo entry) / 样例：涉嫌证件欺诈（演示条目）"
            ),
            "action": "refer",
        },
    ],
    "vehicles": [
        {
            "id": "DEMO-V1",
            "plate": "新A 12345",
            "country": "CHN",
            "reason": "Specimen: stolen truck (demo entry) / 样例：被盗货车（演示条目）",
            "action": "refer",
        },
    ],
    "containers": [
        {
            "id": "DEMO-C1",
            "number": "CSQU3054383",
            "reason": "Specimen: concealment suspected (demo entry) / 样例：疑似夹藏（演示条目）",
            "action": "refer",
        },
    ],
}


def demo_lists() -> dict[str, Columns]:
    """`DEMO_ENTRIES` as the payload's columns (a column an entry does not name is empty)."""
    return {
        name: {column: [row.get(column, "") for row in rows] for column in LIST_COLUMNS[name]}
        for name, rows in DEMO_ENTRIES.items()
    }


def install(store: Store, *, now: datetime | None = None) -> ApplyResult:
    """Make the demo watchlist the active one (on a demo workstation only).

    Raises:
        ValueError: the workstation is not a demo one.
    """
    workstation = store.workstation()
    if workstation is None or not workstation.demo:
        raise ValueError("only a demo workstation takes the demo watchlist")
    now = now or datetime.now(UTC)
    snapshot = wire.Snapshot(
        kind=wire.ReferenceKind.WATCHLIST,
        version=DEMO_VERSION,
        issued_at=now,
        expires_at=now + DEMO_VALID_FOR,
        payload=build_payload(demo_lists()),
    )
    key = Ed25519PrivateKey.generate()
    signed = wire.SignedSnapshot(snapshot=snapshot, signature=wire.sign(snapshot, key))
    return apply_snapshot(store, signed, central_key=key.public_key(), now=now)


def install_if_never_had(store: Store, *, now: datetime | None = None) -> bool:
    """`install`, on a demo workstation that has never had a watchlist; True if it did.

    A demo set up by `inspection-client seed` rather than by the window's `--demo` has
    none. One that was enrolled, or has ever applied or withdrawn a watchlist, keeps what
    it has: only its central's lists count there.
    """
    from inspection_client.sync.enrolment import pinned_key

    workstation = store.workstation()
    if workstation is None or not workstation.demo or pinned_key(store) is not None:
        return False
    with store.read() as conn:
        if conn.execute("SELECT 1 FROM watchlist_history LIMIT 1").fetchone() is not None:
            return False
        if conn.execute("SELECT 1 FROM watchlist_active").fetchone() is not None:
            return False
    return install(store, now=now).applied


def withdraw(store: Store, *, now: datetime | None = None) -> bool:
    """Stop using the demo watchlist; True if one was active.

    Called when a demo workstation is enrolled: the central's first snapshot may carry the
    same version number, and must not be taken for one the workstation already has.
    """
    now = now or datetime.now(UTC)
    with store.write() as conn:
        row = conn.execute("SELECT version, file, issued_at FROM watchlist_active").fetchone()
        if row is None:
            return False
        conn.execute("DELETE FROM watchlist_active")
        conn.execute(
            "INSERT INTO watchlist_history(version, issued_at, outcome, detail, at) "
            "VALUES (?, ?, 'withdrawn', ?, ?)",
            (row[0], row[2], "the demo watchlist, withdrawn at enrolment", now.isoformat()),
        )
    (store.path.parent / row[1]).unlink(missing_ok=True)
    return True
