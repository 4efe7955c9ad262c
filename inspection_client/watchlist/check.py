"""Checking a traveller's document and name, or a vehicle, against the active snapshot.

Fast enough to call on the GUI thread: an indexed look-up per document, plate, VIN or
container, and a fuzzy score over the few hundred persons sharing a blocking key.
Thresholds are documented in docs/watchlist.md.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Literal, cast

from inspection_client.domain.container import CONTAINER_LENGTH, container_check_digit
from inspection_client.domain.models import (
    TravelDocument,
    VehicleClearance,
    WatchlistCheck,
    WatchlistHit,
)
from inspection_client.message import Message
from inspection_client.message import listed as one_after_another
from inspection_client.store.database import Store
from inspection_client.store.errors import StoreCorrupt, translate
from inspection_client.watchlist import normalise, snapshot_file

# A person is a hit from this score on (0-100, after the birth-date and nationality terms).
HIT_THRESHOLD = 88
# An exact document number scores 100; one equal only after O/0 and I/1 folding scores this.
CONFUSED_DOCUMENT_SCORE = 95
SAME_BIRTH_DATE_BONUS = 6
BIRTH_DAY_DIFFERS_PENALTY = 6  # same year, another day: typos and unknown days (1 Jan)
BIRTH_YEAR_OFF_BY_ONE_PENALTY = 12  # years further apart exclude the entry
NATIONALITY_DIFFERS_PENALTY = 4
# One name the other with words left out or cut short (`normalise.shortened_name`): a hit
# only with the same full birth date, which a namesake rarely shares.
SHORTENED_NAME_SCORE = HIT_THRESHOLD - SAME_BIRTH_DATE_BONUS
# token_set_ratio from which a candidate may be a shortened name (a whole word shared and
# the rest cut short scores ~85); below it the words cannot match.
_SHORTENED_CUTOFF = 75

Action = Literal["refer", "refuse", "notify"]
_ACTION_RANK = {"notify": 0, "refer": 1, "refuse": 2}


@dataclass(frozen=True)
class WatchlistCheckResult:
    """What one check found, against which snapshot."""

    snapshot_version: int
    hits: tuple[WatchlistHit, ...]
    stale: bool = False

    @property
    def hit(self) -> bool:
        return bool(self.hits)

    @property
    def strongest_action(self) -> Action | None:
        if not self.hits:
            return None
        return max((h.action for h in self.hits), key=_ACTION_RANK.__getitem__)

    def as_check(
        self,
        outcome: Literal["referred", "refused", "cleared_with_approval"] | None = None,
        *,
        approved_by: str | None = None,
        approval_reason: str | None = None,
    ) -> WatchlistCheck:
        """The `watchlist` field of the clearance: "no_hit", or what the officer did."""
        if not self.hits:
            return WatchlistCheck(snapshot_version=self.snapshot_version, outcome="no_hit")
        if outcome is None:
            raise ValueError("a check with hits needs the officer's outcome")
        return WatchlistCheck(
            snapshot_version=self.snapshot_version,
            hits=self.hits,
            outcome=outcome,
            approved_by=approved_by,
            approval_reason=approval_reason,
        )


def not_checked() -> WatchlistCheck:
    """The `watchlist` field when no snapshot is active on this workstation."""
    return WatchlistCheck(snapshot_version=None, outcome="not_checked")


@dataclass(frozen=True)
class VehicleFields:
    """What a vehicle check needs, when there is no `VehicleClearance` yet."""

    plate: str = ""
    country: str = ""
    vins: Sequence[str] = ()
    containers: Sequence[str] = ()


# The documents list's reasons are a fixed vocabulary (docs/watchlist.md): said in words, in
# the officer's language.
DOCUMENT_REASONS = {
    "lost": Message("lost"),
    "stolen": Message("stolen"),
    "revoked": Message("revoked"),
    "invalidated": Message("invalidated"),
    "stolen_blank": Message("stolen while blank"),
}


@dataclass
class Checker:
    """Read-only access to one applied snapshot; safe to share between threads."""

    path: Path
    version: int
    issued_at: datetime
    expires_at: datetime
    _conn: sqlite3.Connection = field(init=False, repr=False)
    _lock: threading.Lock = field(init=False, repr=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        """Open the file read-only, and make sure it still is a snapshot file.

        Raises:
            StoreError: the file cannot be opened, or was damaged or replaced on disk;
                found here, not at the first traveller checked.
        """
        snapshot_file.keep_private(self.path)
        try:
            self._conn = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
        except sqlite3.Error as error:
            raise _unusable(self.path, error) from error
        try:
            tables = {
                str(name)
                for (name,) in self._conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            missing = snapshot_file.TABLES - tables
            if missing:
                raise _damaged(self.path, f"no table {', '.join(sorted(missing))}")
            keys_version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            if keys_version < snapshot_file.KEYS_VERSION:
                self._rekey_plates()
            self._conn.execute("PRAGMA query_only = ON")
        except sqlite3.Error as error:
            self._conn.close()
            raise _unusable(self.path, error) from error
        except BaseException:
            self._conn.close()
            raise

    def _rekey_plates(self) -> None:
        """Plates keyed as `normalise.plate_key` keys them now, for a file built earlier.

        Such a file keys "KZ 777 ABC 02" with its band (and a Cyrillic plate as written), so
        "777ABC02" typed for KAZ would miss it. The file itself stays as built (it is
        read-only here, and may be open elsewhere): a temporary table of this connection
        takes the name `plates`, which SQLite resolves to the temporary schema first.
        """
        conn = self._conn
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.create_function(
            "plate_key",
            2,
            lambda plate, country: normalise.plate_key(str(plate), str(country or "")),
            deterministic=True,
        )
        conn.execute(
            "CREATE TEMP TABLE plates AS SELECT plate_key(plate, country) AS key, plate, "
            "country, reason, action, entry_id FROM main.plates"
        )
        conn.execute("CREATE INDEX temp.plates_key ON plates(key)")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Checker:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def stale(self, now: datetime | None = None) -> bool:
        return (now or datetime.now(UTC)) >= self.expires_at

    def _rows(self, sql: str, params: Sequence[object]) -> list[tuple[object, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise _unusable(self.path, error) from error

    # -- documents ---------------------------------------------------------------------

    def documents(self, number: str, state: str) -> list[WatchlistHit]:
        """Lost, stolen or revoked documents with this number (O/0, I/1, fillers folded)
        and this issuing state."""
        key = normalise.document_key(number)
        if not key:
            return []
        wanted_state = normalise.state_key(state)
        hits = []
        for listed, listed_state, kind, reason, action, ident in self._rows(
            "SELECT number, state, type, reason, action, entry_id FROM documents WHERE key = ?",
            (key,),
        ):
            # Folded again: a file built by an earlier version holds "CN" as written.
            if wanted_state and normalise.state_key(str(listed_state)) != wanted_state:
                continue
            exact = normalise.exact_key(str(listed)) == normalise.exact_key(number)
            note = "" if exact else Message(", read as {number} (O/0, I/1 folded)", number=number)
            hits.append(
                WatchlistHit(
                    list_name="documents",
                    entry_id=str(ident),
                    score=100 if exact else CONFUSED_DOCUMENT_SCORE,
                    reason=Message(
                        "{kind} {number} of {state} reported {reason}{note}",
                        kind=kind,
                        number=listed,
                        state=listed_state,
                        reason=DOCUMENT_REASONS.get(str(reason), reason),
                        note=note,
                    ),
                    action=cast(Action, action),
                )
            )
        return hits

    # -- persons -----------------------------------------------------------------------

    def persons(
        self,
        surname: str,
        given_names: str = "",
        *,
        birth_date: date | None = None,
        birth_year: int | None = None,
        nationality: str = "",
    ) -> list[WatchlistHit]:
        """Listed persons whose name scores at least `HIT_THRESHOLD`, best first."""
        variants = normalise.name_variants(surname, given_names)
        if not variants:
            return []
        year = birth_date.year if birth_date else birth_year
        keys = normalise.query_keys(variants, year)
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        candidates = self._rows(
            "SELECT id, sorted_names, joined_names FROM persons WHERE id IN "
            f"(SELECT person FROM person_keys WHERE key IN ({marks}))",
            keys,
        )
        best, shortened = _name_scores(variants, candidates)
        if not best:
            return []
        wanted_nationality = normalise.state_key(nationality)
        hits = []
        rows = self._rows(
            "SELECT id, entry_id, display, birth_date, birth_year, nationality, reason, action "
            f"FROM persons WHERE id IN ({','.join('?' * len(best))})",
            list(best),
        )
        for person, ident, display, born, born_year, nat, reason, action in rows:
            name_score = best[int(str(person))]
            score, notes = _adjust(
                name_score,
                birth_date,
                year,
                born if isinstance(born, str) else None,
                born_year if isinstance(born_year, int) else None,
                wanted_nationality,
                normalise.state_key(str(nat)),
            )
            if int(str(person)) in shortened:
                notes = [Message(", one name a shortened form of the other"), *notes]
            if score is None or score < HIT_THRESHOLD:
                continue
            hits.append(
                WatchlistHit(
                    list_name="persons",
                    entry_id=str(ident),
                    score=score,
                    reason=Message(
                        "{display}: {reason} (name {score}{notes})",
                        display=display,
                        reason=reason,
                        score=round(name_score),
                        notes=one_after_another(notes, separator=""),
                    ),
                    action=cast(Action, action),
                )
            )
        return sorted(hits, key=lambda h: -h.score)

    # -- vehicles and containers -------------------------------------------------------

    def plates(self, plate: str, country: str) -> list[WatchlistHit]:
        key = normalise.plate_key(plate)
        wanted = normalise.state_key(country)
        # Listed plates are keyed without the band of their country (a file built earlier
        # is re-keyed so at open); one listed for any country keeps its band, if any.
        keys = {key, normalise.plate_key(plate, wanted)}
        return [
            WatchlistHit(
                list_name="vehicles",
                entry_id=str(ident),
                score=100,
                reason=Message(
                    "plate {plate} ({country}): {reason}",
                    plate=listed,
                    country=listed_country or Message("any country"),
                    reason=reason,
                ),
                action=cast(Action, action),
            )
            for listed, listed_country, reason, action, ident in self._rows(
                "SELECT plate, country, reason, action, entry_id FROM plates "
                f"WHERE key IN ({','.join('?' * len(keys))})",
                sorted(keys),
            )
            if key
            and (
                not listed_country
                or not wanted
                or normalise.state_key(str(listed_country)) == wanted
            )
        ]

    def vins(self, vin: str) -> list[WatchlistHit]:
        key = normalise.vin_key(vin)
        return self._exact(
            "vehicles",
            "vins",
            key,
            lambda reason: Message("VIN {key}: {reason}", key=key, reason=reason),
        )

    def containers(self, number: str) -> list[WatchlistHit]:
        key = normalise.exact_key(number)
        if len(key) == CONTAINER_LENGTH - 1:
            # Written without its check digit (often printed apart, in a box): the listed
            # number is the one with the digit these ten characters give.
            with contextlib.suppress(ValueError):
                key += container_check_digit(key)
        return self._exact(
            "containers",
            "containers",
            key,
            lambda reason: Message("container {key}: {reason}", key=key, reason=reason),
        )

    def _exact(
        self, list_name: str, table: str, key: str, saying: Callable[[str], Message]
    ) -> list[WatchlistHit]:
        if not key:
            return []
        return [
            WatchlistHit(
                list_name=list_name,
                entry_id=str(ident),
                score=100,
                reason=saying(str(reason)),
                action=cast(Action, action),
            )
            for reason, action, ident in self._rows(
                f"SELECT reason, action, entry_id FROM {table} WHERE key = ?", (key,)
            )
        ]


def _unusable(path: Path, error: sqlite3.Error) -> Exception:
    """The user-facing error for an SQLite error on a snapshot file; the error itself when
    it is a bug."""
    friendly = translate(error, path)
    if friendly is None:
        return error
    if isinstance(friendly, StoreCorrupt):
        return _damaged(path, str(error))
    return friendly


def _damaged(path: Path, detail: str) -> StoreCorrupt:
    # Unlike the lane database, the file holds nothing of the lane's own: it is rebuilt
    # from the signed snapshot.
    return StoreCorrupt(
        Message(
            "The active watchlist file {path} is damaged ({detail}); nothing was checked. "
            "Import the latest watchlist snapshot again (sync, or `inspection-client "
            "reference import FILE`).",
            path=path,
            detail=detail,
        )
    )


def _name_scores(
    variants: list[str], candidates: Sequence[tuple[object, ...]]
) -> tuple[dict[int, float], set[int]]:
    """The best name score of each candidate that can still reach the threshold, and the
    candidates whose score is `SHORTENED_NAME_SCORE` for a shortened name.

    Two comparisons, each over every form of the listed name: the token-sorted names (word
    order does not matter), and the names joined without spaces ("WANG XIAO MING" is
    "WANG XIAOMING"). rapidfuzz scores the whole candidate list in C. Then a candidate still
    below the cutoff whose name is the traveller's with words left out or cut short, or the
    other way round, scores `SHORTENED_NAME_SCORE`.
    """
    # Imported here (once; `open_checker` brings it in first): the window starts without it.
    from rapidfuzz import fuzz, process

    owners_sorted: list[int] = []
    owners_joined: list[int] = []
    sorted_forms: list[str] = []
    joined_forms: list[str] = []
    for person, sorted_names, joined_names in candidates:
        for form in str(sorted_names).split("|"):
            sorted_forms.append(form)
            owners_sorted.append(int(str(person)))
        for form in str(joined_names).split("|"):
            joined_forms.append(form)
            owners_joined.append(int(str(person)))
    cutoff = HIT_THRESHOLD - SAME_BIRTH_DATE_BONUS
    best: dict[int, float] = {}
    for queries, forms, owners in (
        ([normalise.sorted_name(v.split()) for v in variants], sorted_forms, owners_sorted),
        (_joined_queries(variants), joined_forms, owners_joined),
    ):
        for query in queries:
            for _, score, index in process.extract(
                query, forms, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
            ):
                owner = owners[index]
                if score > best.get(owner, -1.0):
                    best[owner] = score
    shortened: set[int] = set()
    for variant in variants:
        query = normalise.sorted_name(variant.split())
        words = query.split()
        for form, _, index in process.extract(
            query,
            sorted_forms,
            scorer=fuzz.token_set_ratio,
            score_cutoff=_SHORTENED_CUTOFF,
            limit=None,
        ):
            owner = owners_sorted[index]
            if owner in best:
                continue
            listed = form.split()
            if normalise.shortened_name(words, listed) or normalise.shortened_name(listed, words):
                best[owner] = SHORTENED_NAME_SCORE
                shortened.add(owner)
    return best, shortened


def _joined_queries(variants: list[str]) -> list[str]:
    """The traveller's names joined without spaces, and for three or more words also with
    the last word first: "XIAO MING WANG" in Western order is "WANGXIAOMING" as listed."""
    joined = [v.replace(" ", "") for v in variants]
    for variant in variants:
        words = variant.split()
        if len(words) >= 3:
            joined.append(words[-1] + "".join(words[:-1]))
    return joined


def _adjust(
    name_score: float,
    birth_date: date | None,
    year: int | None,
    listed_date: str | None,
    listed_year: int | None,
    nationality: str,
    listed_nationality: str,
) -> tuple[int | None, list[str]]:
    """The final score from the name score and the birth date and nationality, or None when
    the birth years exclude the entry."""
    score = name_score
    notes: list[str] = []
    if year is not None and listed_year is not None:
        apart = abs(year - listed_year)
        if apart > 1:
            return None, []
        if apart == 1:
            score -= BIRTH_YEAR_OFF_BY_ONE_PENALTY
            notes.append(Message(", birth year differs by one"))
        elif birth_date is not None and listed_date is not None:
            if birth_date.isoformat() == listed_date:
                score += SAME_BIRTH_DATE_BONUS
                notes.append(Message(", same birth date"))
            else:
                score -= BIRTH_DAY_DIFFERS_PENALTY
                notes.append(Message(", same birth year, other day"))
        else:
            notes.append(Message(", same birth year"))
    if nationality and listed_nationality and nationality != listed_nationality:
        score -= NATIONALITY_DIFFERS_PENALTY
        notes.append(Message(", listed nationality {state}", state=listed_nationality))
    # 100 is kept for an exact name: boosts never turn a near name into a certain one.
    ceiling = 100 if name_score == 100 else 99
    return max(0, min(ceiling, round(score))), notes


# -- the API the GUI and the save path call -----------------------------------------------


def open_checker(store: Store) -> Checker | None:
    """The active snapshot of this workstation, or None when none has been applied."""
    from inspection_client.watchlist.status import active_snapshot

    active = active_snapshot(store)
    if active is None:
        return None
    import rapidfuzz  # noqa: F401  (for the name checks to come, off the window's start)

    return Checker(active.path, active.version, active.issued_at, active.expires_at)


def check_passenger(checker: Checker, document: TravelDocument) -> WatchlistCheckResult:
    """The document against lost/stolen documents and its holder against wanted persons."""
    hits = checker.documents(document.number, document.issuing_state)
    hits += checker.persons(
        document.surname,
        document.given_names,
        birth_date=document.birth_date,
        nationality=document.nationality,
    )
    return WatchlistCheckResult(checker.version, tuple(hits), checker.stale())


def check_vehicle(
    checker: Checker, vehicle: VehicleClearance | VehicleFields
) -> WatchlistCheckResult:
    """The plate, every VIN and every container of a vehicle."""
    if isinstance(vehicle, VehicleClearance):
        fields = VehicleFields(
            vehicle.plate,
            vehicle.registration_country,
            vehicle.vins,
            tuple(c.number for c in vehicle.containers),
        )
    else:
        fields = vehicle
    hits: list[WatchlistHit] = []
    if fields.plate:
        hits += checker.plates(fields.plate, fields.country)
    for vin in fields.vins:
        hits += checker.vins(vin)
    for number in fields.containers:
        hits += checker.containers(number)
    return WatchlistCheckResult(checker.version, tuple(hits), checker.stale())
