"""Exact, near and false-positive checks for every list, on an applied sample snapshot."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspection_client.domain.models import ContainerLoad
from inspection_client.store.database import Store
from inspection_client.watchlist import snapshot_file
from inspection_client.watchlist.apply import apply_snapshot
from inspection_client.watchlist.check import (
    HIT_THRESHOLD,
    Checker,
    VehicleFields,
    check_passenger,
    check_vehicle,
    not_checked,
    open_checker,
)
from tests import factories
from tests.watchlist.conftest import SnapshotMaker, sample_payload


@pytest.fixture
def checker(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> Iterator[Checker]:
    apply_snapshot(store, make_snapshot(1), central_key=central_key.public_key())
    opened = open_checker(store)
    assert opened is not None
    with opened:
        yield opened


def test_no_checker_without_a_snapshot(store: Store) -> None:
    assert open_checker(store) is None
    assert not_checked().outcome == "not_checked"


# -- documents ---------------------------------------------------------------------------


def test_specimen_document_is_an_exact_hit(checker: Checker) -> None:
    result = check_passenger(
        checker, factories.document(number="L898902C3", issuing_state="UTO", surname="X")
    )
    (hit,) = result.hits
    assert (hit.list_name, hit.entry_id, hit.score) == ("documents", "UTO/L898902C3", 100)
    assert "stolen" in hit.reason
    assert result.snapshot_version == 1


def test_o_for_zero_is_still_a_hit_with_a_lower_score(checker: Checker) -> None:
    (hit,) = checker.documents("L8989O2C3", "UTO")
    assert hit.score == 95
    assert "O/0" in hit.reason


def test_a_listed_number_with_confusable_letters_matches_digits(checker: Checker) -> None:
    (hit,) = checker.documents("X01234567", "PAK")
    assert hit.action == "notify"


def test_same_number_of_another_state_is_no_hit(checker: Checker) -> None:
    assert checker.documents("L898902C3", "PAK") == []


def test_a_neighbouring_number_is_no_hit(checker: Checker) -> None:
    assert checker.documents("L898902C4", "UTO") == []


# -- persons -----------------------------------------------------------------------------


def test_latin_name_with_same_birth_date(checker: Checker) -> None:
    (hit,) = checker.persons("ERIKSSON", "ANNA MARIA", birth_date=date(1974, 8, 12))
    assert (hit.entry_id, hit.score, hit.action) == ("P-ERIKSSON", 100, "refuse")


def test_misspelt_name_is_a_near_hit(checker: Checker) -> None:
    (hit,) = checker.persons("ERICSSON", "ANNA MARIA", birth_date=date(1974, 8, 12))
    assert HIT_THRESHOLD <= hit.score < 100


def test_words_in_another_order_still_hit(checker: Checker) -> None:
    (hit,) = checker.persons("ANNA MARIA ERIKSSON", birth_date=date(1974, 8, 12))
    assert hit.entry_id == "P-ERIKSSON"


def test_conflicting_birth_year_excludes_the_entry(checker: Checker) -> None:
    assert checker.persons("ERIKSSON", "ANNA MARIA", birth_date=date(1990, 8, 12)) == []


def test_birth_year_one_off_lowers_the_score(checker: Checker) -> None:
    same = checker.persons("ERIKSSON", "ANNA MARIA", birth_date=date(1974, 8, 12))[0].score
    off = checker.persons("ERIKSSON", "ANNA MARIA", birth_date=date(1975, 8, 12))
    assert off and off[0].score < same


def test_different_person_with_a_similar_surname_is_no_hit(checker: Checker) -> None:
    assert checker.persons("ERIKSSON", "LARS", birth_date=date(1974, 8, 12)) == []
    assert checker.persons("ANDERSSON", "ANNA", birth_date=date(1974, 8, 12)) == []


@pytest.fixture
def khan(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> Iterator[Checker]:
    listed = {
        "id": "P-KHAN",
        "surname": "KHAN",
        "given_names": "IMRAN AHMED",
        "birth_date": "1979-03-04",
        "nationality": "PAK",
        "reason": "wanted",
        "action": "refer",
    }
    short = listed | {"id": "P-RAHIMOV", "surname": "RAHIMOV", "given_names": "ALISHER"}
    payload = sample_payload({"persons": [listed, short]})
    apply_snapshot(store, make_snapshot(1, payload), central_key=central_key.public_key())
    opened = open_checker(store)
    assert opened is not None
    with opened:
        yield opened


@pytest.mark.parametrize(
    ("surname", "given", "entry"),
    [
        ("KHAN", "IMRAN", "P-KHAN"),  # a middle name left out
        ("KHAN", "IMRAN AHM", "P-KHAN"),  # cut short at the end of the MRZ's name field
        ("KHAN", "IMRAN A", "P-KHAN"),
        ("IMRAN", "KHAN", "P-KHAN"),
        ("RAHIMOV", "ALISHER KARIMOVICH", "P-RAHIMOV"),  # the list gives fewer names
    ],
)
def test_a_shortened_name_with_the_same_birth_date_hits(
    khan: Checker, surname: str, given: str, entry: str
) -> None:
    (hit,) = khan.persons(surname, given, birth_date=date(1979, 3, 4), nationality="PAK")
    assert hit.entry_id == entry and hit.score >= HIT_THRESHOLD


def test_a_shortened_name_scores_just_a_hit_and_says_why(khan: Checker) -> None:
    (hit,) = khan.persons("KHAN", "IMRAN", birth_date=date(1979, 3, 4), nationality="PAK")
    assert hit.score == HIT_THRESHOLD
    assert "one name a shortened form of the other" in hit.reason


def test_a_shortened_name_alone_is_no_hit(khan: Checker) -> None:
    # Without the same full birth date, another nationality, or a single word shared.
    assert khan.persons("KHAN", "IMRAN", nationality="PAK") == []
    assert khan.persons("KHAN", "IMRAN", birth_date=date(1979, 5, 5)) == []
    assert khan.persons("KHAN", "IMRAN", birth_date=date(1979, 3, 4), nationality="AFG") == []
    assert khan.persons("KHAN", birth_date=date(1979, 3, 4)) == []
    assert khan.persons("KHAN", "I", birth_date=date(1979, 3, 4)) == []
    assert khan.persons("KHAN", "IMRAN ALI", birth_date=date(1979, 3, 4)) == []


@pytest.mark.parametrize(
    ("listed", "typed"),
    [
        ("MUHAMMAD ALI", "MOHAMMED ALI"),
        ("MOHAMMAD YOUSAF", "MUHAMMED YUSUF"),
        ("HUSSEIN AHMED", "HUSSAIN AHMAD"),
        ("ABDUL RAHMAN OMAR", "ABDEL REHMAN UMAR"),
    ],
)
def test_an_arabic_name_spelt_otherwise_hits(
    store: Store,
    make_snapshot: SnapshotMaker,
    central_key: Ed25519PrivateKey,
    listed: str,
    typed: str,
) -> None:
    surname, given = listed.split(" ", 1)
    entry = {"id": "P-1", "surname": surname, "given_names": given, "birth_date": "1975",
             "nationality": "AFG", "reason": "wanted", "action": "refer"}  # fmt: skip
    payload = sample_payload({"persons": [entry]})
    apply_snapshot(store, make_snapshot(1, payload), central_key=central_key.public_key())
    opened = open_checker(store)
    assert opened is not None
    with opened:
        (hit,) = opened.persons(typed, birth_date=date(1975, 2, 3), nationality="AFG")
        assert hit.entry_id == "P-1"
        assert opened.persons("MOHAMMED KARIM", birth_date=date(1975, 2, 3)) == []


def test_chinese_listed_name_hits_its_pinyin(checker: Checker) -> None:
    result = check_passenger(
        checker,
        factories.document(
            surname="LIU", given_names="DEHUA", birth_date=date(1961, 9, 27), nationality="CHN"
        ),
    )
    assert [h.entry_id for h in result.hits] == ["P-LIU"]


def test_chinese_name_split_in_syllables_still_hits(checker: Checker) -> None:
    (hit,) = checker.persons("WANG", "XIAO MING", birth_date=date(1980, 5, 5))
    assert hit.entry_id == "P-WANG"


def test_chinese_name_in_western_order_split_in_syllables_still_hits(checker: Checker) -> None:
    (hit,) = checker.persons("XIAO MING WANG", birth_date=date(1980, 5, 5))
    assert hit.entry_id == "P-WANG"


def test_chinese_name_typed_in_han_characters_hits(checker: Checker) -> None:
    (hit,) = checker.persons("王小明", birth_year=1980)
    assert hit.entry_id == "P-WANG"


def test_other_chinese_name_is_no_hit(checker: Checker) -> None:
    assert checker.persons("WANG", "XIAOHONG", birth_date=date(1980, 5, 5)) == []
    assert checker.persons("LIU", "XIAOHUA", birth_date=date(1961, 9, 27)) == []


def test_cyrillic_listed_name_hits_the_icao_transliteration(checker: Checker) -> None:
    (hit,) = checker.persons("IVANOV", "SERGEI", birth_date=date(1970, 1, 2))
    assert (hit.entry_id, hit.action) == ("P-IVANOV", "refuse")


def test_cyrillic_name_in_an_older_spelling_hits(checker: Checker) -> None:
    # SERGEY is how Russian passports spelt Сергей before 2010: a spelling of the list's.
    (hit,) = checker.persons("IVANOV", "SERGEY", birth_date=date(1970, 1, 2))
    assert hit.score == 100
    (near,) = checker.persons("IVANOV", "SERGEJ", birth_date=date(1970, 1, 2))
    assert HIT_THRESHOLD <= near.score < 100


def test_cyrillic_listed_name_hits_its_older_and_popular_spellings(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    listed = {
        "id": "P-SHCH",
        "surname": "SHCHERBAKOVA",
        "given_names": "IULIIA",
        "original_name": "Щербакова Юлия",
        "birth_date": "1985-06-07",
        "nationality": "RUS",
        "reason": "wanted",
        "action": "refer",
    }
    payload = sample_payload({"persons": [listed]})
    apply_snapshot(store, make_snapshot(1, payload), central_key=central_key.public_key())
    opened = open_checker(store)
    assert opened is not None
    with opened:
        for surname, given in (
            ("SCHERBAKOVA", "YULIYA"),
            ("SHCHERBAKOVA", "YULIYA"),
            ("SHCHERBAKOVA", "IULIIA"),
        ):
            for born in (date(1985, 6, 7), None):
                (hit,) = opened.persons(surname, given, birth_date=born, nationality="RUS")
                assert hit.entry_id == "P-SHCH", (surname, given, born)
        assert opened.persons("SCHERBAKOVA", "OLGA", birth_date=date(1985, 6, 7)) == []


def test_other_russian_name_is_no_hit(checker: Checker) -> None:
    assert checker.persons("PETROV", "SERGEI", birth_date=date(1970, 1, 2)) == []


def test_umlaut_listed_name_hits_its_mrz_spelling(checker: Checker) -> None:
    (hit,) = checker.persons("MUELLER", "JUERGEN", birth_date=date(1960, 1, 1), nationality="DEU")
    assert hit.entry_id == "P-MULLER"


def test_clean_traveller_has_no_hit(checker: Checker) -> None:
    result = check_passenger(checker, factories.document())
    assert not result.hit
    assert result.as_check().outcome == "no_hit"


def test_a_hit_needs_the_officers_outcome(checker: Checker) -> None:
    result = check_passenger(checker, factories.document(number="L898902C3", issuing_state="UTO"))
    with pytest.raises(ValueError, match="outcome"):
        result.as_check()
    check = result.as_check("referred")
    assert check.outcome == "referred" and check.hits == result.hits


# -- vehicles and containers -------------------------------------------------------------


def test_listed_plate_with_other_spacing_hits(checker: Checker) -> None:
    result = check_vehicle(checker, factories.truck(plate="新A-12345", containers=()))
    assert [h.entry_id for h in result.hits] == ["V-1"]


def test_listed_plate_of_another_country_is_no_hit(checker: Checker) -> None:
    assert checker.plates("新A12345", "MNG") == []


def test_near_plate_is_no_hit(checker: Checker) -> None:
    assert checker.plates("新A12346", "CHN") == []


def test_vin_and_container_hit_exactly(checker: Checker) -> None:
    result = check_vehicle(
        checker, VehicleFields(vins=["1m8gdm9axkp042788"], containers=["CSQU 305438-3"])
    )
    assert sorted(h.entry_id for h in result.hits) == ["C-1", "V-2"]
    assert result.strongest_action == "refuse"


def test_a_vin_typed_with_o_i_or_q_for_a_digit_still_hits(checker: Checker) -> None:
    # VINs have no I, O or Q (ISO 3779): one typed is a 0 or a 1 misread.
    (hit,) = checker.vins("1M8GDM9AXKPO42788")
    assert hit.entry_id == "V-2" and "1M8GDM9AXKP042788" in hit.reason
    assert [h.entry_id for h in checker.vins("1M8GDM9AXKPQ42788")] == ["V-2"]
    assert checker.vins("1M8GDM9AXKP142788") == []  # an I read as 1 is not a 0


def test_a_container_written_without_its_check_digit_still_hits(checker: Checker) -> None:
    assert [h.entry_id for h in checker.containers("CSQU 305438")] == ["C-1"]
    assert [h.entry_id for h in checker.containers("csqu305438")] == ["C-1"]
    assert checker.containers("CSQU305439") == []
    assert checker.containers("CSQU30543") == []


def test_near_vin_and_container_are_no_hit(checker: Checker) -> None:
    assert checker.vins("1M8GDM9AXKP042789") == []
    assert checker.containers("CSQU3054384") == []


def test_clean_truck_has_no_hit(checker: Checker) -> None:
    truck = factories.truck(plate="蒙B99999", containers=(ContainerLoad(number="MSCU1234566"),))
    assert not check_vehicle(checker, truck).hit


# -- look-alike letters ------------------------------------------------------------------


def test_cyrillic_or_greek_look_alikes_in_a_code_still_hit(checker: Checker) -> None:
    # "L898902С3" with a Cyrillic С, as pasted from a Russian-language system.
    (hit,) = checker.documents("L898902\u04213", "U\u0422O")
    assert hit.score == 100
    assert [h.entry_id for h in checker.vins("1M8GDM9\u0410XKP042788")] == ["V-2"]
    assert [h.entry_id for h in checker.containers("\u0421SQU3054383")] == ["C-1"]
    assert [h.entry_id for h in checker.containers("\uff23SQU3054383")] == ["C-1"]  # full width
    assert checker.documents("L898902\u04223", "UTO") == []  # Т is not C: no hit


def test_a_russian_plate_hits_however_its_letters_were_typed(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    # Russian plates use the Cyrillic letters that read as Latin ones: А123ВС 77.
    listed = {"id": "V-9", "plate": "\u0410 123 \u0412\u0421 77", "country": "RUS", "reason": "x"}
    payload = sample_payload({"vehicles": [listed]})
    apply_snapshot(store, make_snapshot(1, payload), central_key=central_key.public_key())
    opened = open_checker(store)
    assert opened is not None
    with opened:
        for typed in ("A123BC77", "\u0410123\u0412\u042177", "a 123 bc 77"):
            assert [h.entry_id for h in opened.plates(typed, "RUS")] == ["V-9"], typed


def test_a_snapshot_file_keyed_before_look_alikes_were_folded_still_hits(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    listed = {"id": "V-9", "plate": "\u0410123\u0412\u042177", "country": "RUS", "reason": "x"}
    payload = sample_payload({"vehicles": [listed]})
    apply_snapshot(store, make_snapshot(1, payload), central_key=central_key.public_key())
    (built,) = store.path.parent.glob("watchlist-*.db")
    with contextlib.closing(sqlite3.connect(built)) as conn, conn:
        conn.execute("UPDATE plates SET key = ?", ("\u0410123\u0412\u042177",))
        conn.execute("PRAGMA user_version = 0")
    opened = open_checker(store)
    assert opened is not None
    with opened:
        for typed in ("\u0410123\u0412\u042177", "A123BC77", "A 123 BC 77 RUS"):
            assert [h.entry_id for h in opened.plates(typed, "RUS")] == ["V-9"], typed


# -- country codes -----------------------------------------------------------------------


def test_a_country_written_as_an_iso_alpha_2_code_or_a_vehicle_sign_still_hits(
    checker: Checker,
) -> None:
    assert [h.entry_id for h in checker.plates("新A-12345", "CN")] == ["V-1"]
    assert [h.entry_id for h in checker.documents("L898902C3", "UTO")] == ["UTO/L898902C3"]
    assert [h.entry_id for h in checker.documents("X0I234567", "PK")] == ["PAK/X0I234567"]
    assert checker.documents("X0I234567", "CN") == []
    # Listed as DEU, read from the MRZ as D: the nationality is the same.
    (hit,) = checker.persons("MUELLER", "JUERGEN", nationality="D")
    assert "listed nationality" not in hit.reason


def test_a_list_written_with_alpha_2_codes_hits_the_mrz_codes(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    payload = sample_payload(
        {
            "documents": [{"number": "E12345678", "state": "CN", "type": "P", "reason": "lost"}],
            "vehicles": [{"id": "V-7", "plate": "777ABC02", "country": "KZ", "reason": "x"}],
        }
    )
    apply_snapshot(store, make_snapshot(1, payload), central_key=central_key.public_key())
    opened = open_checker(store)
    assert opened is not None
    with opened:
        (hit,) = opened.documents("E12345678", "CHN")
        assert hit.entry_id == "CN/E12345678"  # the id as before codes were folded
        assert [h.entry_id for h in opened.plates("777 ABC 02", "KAZ")] == ["V-7"]
        assert opened.plates("777 ABC 02", "KGZ") == []


def test_a_snapshot_file_holding_alpha_2_codes_as_written_still_hits(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    apply_snapshot(store, make_snapshot(1), central_key=central_key.public_key())
    (built,) = store.path.parent.glob("watchlist-*.db")
    with contextlib.closing(sqlite3.connect(built)) as conn, conn:
        conn.execute("UPDATE plates SET country = 'CN'")
        conn.execute("UPDATE documents SET state = 'PK' WHERE state = 'PAK'")
    opened = open_checker(store)
    assert opened is not None
    with opened:
        assert [h.entry_id for h in opened.plates("新A12345", "CHN")] == ["V-1"]
        assert [h.entry_id for h in opened.documents("X0I234567", "PAK")] == ["PAK/X0I234567"]


def test_a_plate_hits_with_or_without_its_country_band(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    payload = sample_payload(
        {
            "vehicles": [
                {"id": "V-KZ", "plate": "KZ 777 ABC 02", "country": "KAZ", "reason": "x"},
                {"id": "V-RU", "plate": "A123BC77", "country": "RUS", "reason": "x"},
            ]
        }
    )
    apply_snapshot(store, make_snapshot(1, payload), central_key=central_key.public_key())
    opened = open_checker(store)
    assert opened is not None
    with opened:
        for typed in ("777ABC02", "777 ABC 02", "KZ777ABC02", "KZ 777 ABC 02"):
            assert [h.entry_id for h in opened.plates(typed, "KAZ")] == ["V-KZ"], typed
        assert [h.entry_id for h in opened.plates("777ABC02", "KZ")] == ["V-KZ"]
        assert opened.plates("777ABC02", "KGZ") == []
        for typed in ("A 123 BC 77 RUS", "A123BC77RUS", "A123BC77"):
            assert [h.entry_id for h in opened.plates(typed, "RUS")] == ["V-RU"], typed


def _build_the_old_way(path: Path) -> None:
    """Turn a snapshot file into one as built before plates were keyed without their band:
    the key of the plate as written, band and all, and no keys version."""
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE plates SET key = replace(replace(upper(plate), ' ', ''), '-', '')")
        conn.execute("PRAGMA user_version = 0")


def test_a_snapshot_file_keyed_with_country_bands_is_re_keyed_when_opened(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    payload = sample_payload(
        {
            "vehicles": [
                {"id": "V-KZ", "plate": "KZ 777 ABC 02", "country": "KAZ", "reason": "x"},
                {"id": "V-RU", "plate": "A123BC77 RUS", "country": "RUS", "reason": "x"},
                {"id": "V-ANY", "plate": "B 4567 XY", "country": "", "reason": "x"},
            ]
        }
    )
    apply_snapshot(store, make_snapshot(1, payload), central_key=central_key.public_key())
    (built,) = store.path.parent.glob("watchlist-*.db")
    _build_the_old_way(built)
    with contextlib.closing(sqlite3.connect(built)) as conn:
        old_keys = sorted(key for (key,) in conn.execute("SELECT key FROM plates"))
    assert old_keys == ["A123BC77RUS", "B4567XY", "KZ777ABC02"]
    opened = open_checker(store)
    assert opened is not None
    with opened:
        for typed in ("777ABC02", "777 ABC 02", "KZ777ABC02", "KZ 777 ABC 02"):
            assert [h.entry_id for h in opened.plates(typed, "KAZ")] == ["V-KZ"], typed
        assert opened.plates("777ABC02", "KGZ") == []
        for typed in ("A 123 BC 77 RUS", "A123BC77", "\u0410123\u0412\u042177"):
            assert [h.entry_id for h in opened.plates(typed, "RUS")] == ["V-RU"], typed
        assert [h.entry_id for h in opened.plates("B4567XY", "")] == ["V-ANY"]
        (hit,) = check_vehicle(opened, VehicleFields("777ABC02", "KAZ")).hits
        assert hit.entry_id == "V-KZ" and "KZ 777 ABC 02" in hit.reason
    # The file is left as built: the next snapshot replaces it.
    with contextlib.closing(sqlite3.connect(built)) as conn:
        assert sorted(key for (key,) in conn.execute("SELECT key FROM plates")) == old_keys


def test_a_snapshot_file_says_how_its_keys_were_made(
    store: Store, make_snapshot: SnapshotMaker, central_key: Ed25519PrivateKey
) -> None:
    apply_snapshot(store, make_snapshot(1), central_key=central_key.public_key())
    (built,) = store.path.parent.glob("watchlist-*.db")
    with contextlib.closing(sqlite3.connect(built)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == snapshot_file.KEYS_VERSION
