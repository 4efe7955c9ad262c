"""Central import of watchlist CSV files: bad rows reported by line, nothing published;
good files published as signed snapshots that a workstation applies and checks against."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from inspection_central import reference
from inspection_central.storage import CentralStorage, open_storage
from inspection_central.watchlist_import import ImportRejected, import_list, parse_csv
from inspection_client.errors import InputError
from inspection_client.store.database import Store
from inspection_client.sync.wire import ReferenceKind
from inspection_client.watchlist.apply import apply_snapshot
from inspection_client.watchlist.check import open_checker

SAMPLES = Path(__file__).parents[2] / "docs" / "samples" / "watchlist"


@pytest.fixture
def storage(tmp_path: Path) -> Iterator[CentralStorage]:
    opened = open_storage(str(tmp_path / "central.db"))
    try:
        yield opened
    finally:
        opened.close()


def _lines(error: pytest.ExceptionInfo[ImportRejected]) -> list[int]:
    return [line for line, _ in error.value.problems]


@pytest.mark.parametrize("name", ["documents", "persons", "vehicles", "containers"])
def test_samples_parse_and_are_recognised_by_their_header(name: str) -> None:
    parsed = parse_csv((SAMPLES / f"{name}.csv").read_bytes())
    assert parsed.name == name and parsed.size >= 2


def test_every_bad_row_is_reported_with_its_line_number() -> None:
    data = (
        b"number,issuing_state,document_type,reason\n"
        b"L898902C3,UTO,P,stolen\n"
        b"L8989*2C3,UTO,P,stolen\n"  # 3: bad character
        b"\n"
        b"X1,UTOPIA,P,stolen\n"  # 5: state too long
        b"X2,UTO,P,misplaced\n"  # 6: unknown reason
        b"L8989O2C3,UTO,P,lost\n"  # 7: same number as line 2 after O/0 folding
        b"X3,UTO\n"  # 8: too few fields
        b"L898902C3,UT,P,lost\n"  # 9: not a duplicate (UT is not UTO)
        b"E1234,CN,P,lost\n"
        b"E1234,CHN,P,lost\n"  # 11: same state as line 10, as an ICAO code
    )
    with pytest.raises(ImportRejected) as error:
        parse_csv(data, "documents", source="docs.csv")
    assert _lines(error) == [3, 5, 6, 7, 8, 11]
    assert "duplicate of line 2" in str(error.value)
    assert "nothing was published" in str(error.value)


def test_person_rows_need_a_name_an_action_and_a_real_date() -> None:
    data = (
        "surname,given_names,original_name,birth_date,nationality,reason,action\n"
        "ERIKSSON,ANNA,,1974-08-12,UTO,wanted,refer\n"
        ",,,1974,UTO,wanted,refer\n"
        "WANG,,王,1980-02-30,CHN,wanted,refer\n"
        '"KHAN\nMULTI",IMRAN,,1983,PAK,wanted,arrest\n'
        "LI,,,,CHN,,refer\n"
    ).encode()
    with pytest.raises(ImportRejected) as error:
        parse_csv(data)
    assert _lines(error) == [3, 4, 5, 7]
    text = str(error.value)
    assert "surname or original_name" in text and "arrest" in text and "1980-02-30" in text


def test_not_utf8_is_reported_with_its_line() -> None:
    data = "plate,country,reason\nAB123,KAZ,ok\nAB\xe9,KAZ,x\n".encode("latin-1")
    with pytest.raises(ImportRejected) as error:
        parse_csv(data, source="v.csv")
    assert _lines(error) == [3]
    assert str(error.value).startswith("v.csv: the file is not UTF-8 text; nothing was published")


def test_blank_lines_before_the_header_are_skipped_and_lines_still_counted() -> None:
    data = b"\n\r\nnumber,issuing_state,document_type,reason\nX1,UTO,P,stolen\nX2,,P,lost\n"
    with pytest.raises(ImportRejected) as error:
        parse_csv(data)
    assert _lines(error) == [5]
    assert parse_csv(data.replace(b",,P,lost", b",UTO,P,lost")).size == 2


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_file_separated_otherwise_than_by_commas_is_named_so(separator: str) -> None:
    data = f"number{separator}issuing_state{separator}document_type{separator}reason\n"
    with pytest.raises(ImportRejected, match="save the file as comma-separated") as error:
        parse_csv((data + "X1;UTO;P;stolen\n").encode())
    assert _lines(error) == [1]


def test_unknown_header_is_refused() -> None:
    with pytest.raises(ImportRejected, match="cannot tell which list"):
        parse_csv(b"foo,bar\n1,2\n")
    with pytest.raises(ImportRejected, match="missing column"):
        parse_csv(b"number,reason\nL898902C3,stolen\n", "documents")


def test_a_wrong_header_is_a_header_problem_not_bad_rows() -> None:
    # One misnamed column is two problems on the header line (an unknown column and a
    # missing one): both are listed, as the file's columns, and no row is called bad.
    with pytest.raises(ImportRejected) as error:
        parse_csv(
            b"number,issuing_state,doc_type,reason\nX1,UTO,P,stolen\n", "documents", source="d.csv"
        )
    text = str(error.value)
    assert text.startswith(
        "d.csv: the header line (the file's columns) does not fit the documents list; "
        "nothing was published."
    )
    assert "bad row" not in text
    assert "unknown column(s) for the documents list: doc_type" in text
    assert "missing column(s) for the documents list: document_type" in text
    assert _lines(error) == [1, 1]
    for header in (b"", b"foo,bar\n1,2\n", b"number;issuing_state;document_type;reason\n"):
        with pytest.raises(ImportRejected) as error:
            parse_csv(header, source="d.csv")
        assert "header line" in str(error.value) and "bad row" not in str(error.value)


def test_bad_rows_are_counted_once_however_many_problems_each_has() -> None:
    data = (
        b"number,issuing_state,document_type,reason\n"
        b"L8989*2C3,UTOPIA,P,misplaced\n"  # three problems on one row
        b"X1,UTO,P,stolen\n"
        b"X2,,P,lost\n"
    )
    with pytest.raises(ImportRejected) as error:
        parse_csv(data, source="d.csv")
    text = str(error.value)
    assert text.startswith("d.csv: 2 bad row(s); nothing was published.")
    assert all(
        problem in text for problem in ("document number", "issuing_state 'UTOPIA'", "misplaced")
    )
    assert _lines(error) == [2, 4]


def test_import_publishes_and_replaces_one_list(storage: CentralStorage) -> None:
    first = import_list(storage, SAMPLES / "documents.csv")
    assert (first.version, first.entries) == (1, 8)
    second = import_list(storage, SAMPLES / "persons.csv")
    assert second.version == 2
    assert second.counts == {"documents": 8, "persons": 7, "vehicles": 0, "containers": 0}
    signed = reference.latest(storage, ReferenceKind.WATCHLIST)
    assert signed is not None and signed.snapshot.version == 2


def test_bad_file_publishes_nothing(storage: CentralStorage, tmp_path: Path) -> None:
    import_list(storage, SAMPLES / "documents.csv")
    bad = tmp_path / "documents.csv"
    bad.write_text("number,issuing_state,document_type,reason\nA1,UTO,P,stolen\nA2,,P,lost\n")
    with pytest.raises(ImportRejected) as error:
        import_list(storage, bad)
    assert _lines(error) == [3]
    signed = reference.latest(storage, ReferenceKind.WATCHLIST)
    assert signed is not None and signed.snapshot.version == 1


def test_a_header_only_file_does_not_empty_a_list_unless_told(
    storage: CentralStorage, tmp_path: Path
) -> None:
    # A failed export that wrote only its header would take the list off every lane.
    import_list(storage, SAMPLES / "documents.csv")
    empty = tmp_path / "documents.csv"
    empty.write_text("number,issuing_state,document_type,reason\n")
    with pytest.raises(InputError, match="remove all 8 entries of the documents list"):
        import_list(storage, empty)
    signed = reference.latest(storage, ReferenceKind.WATCHLIST)
    assert signed is not None and signed.snapshot.version == 1
    outcome = import_list(storage, empty, allow_empty=True)
    assert outcome.version == 2 and outcome.counts["documents"] == 0
    # A list that is empty already may be published empty again (nothing is lost).
    assert import_list(storage, empty).version == 3


def test_published_snapshot_applies_on_a_workstation(storage: CentralStorage, store: Store) -> None:
    for name in ("documents", "persons", "vehicles", "containers"):
        import_list(storage, SAMPLES / f"{name}.csv")
    signed = reference.latest(storage, ReferenceKind.WATCHLIST)
    assert signed is not None
    result = apply_snapshot(store, signed, central_key=storage.signing_key().public_key())
    assert result.applied and result.version == 4
    checker = open_checker(store)
    assert checker is not None
    with checker:
        assert checker.documents("L898902C3", "UTO")[0].score == 100
        assert checker.persons("OUYANG", "NANA", birth_date=date(1991, 3, 5))[0].action == "refuse"
        assert checker.plates("新A12345", "CHN")
        assert checker.containers("MSCU1234566")


def test_command_reports_bad_rows_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from inspection_central.cli import main

    database = str(tmp_path / "central.db")
    bad = tmp_path / "containers.csv"
    bad.write_text("container,reason\nCSQU3054383,ok\nCSQU3054384,bad check digit\n")
    assert main(["watchlist", "import", str(bad), "--database", database]) == 2
    assert "line 3" in capsys.readouterr().err
    status = main(["watchlist", "import", str(SAMPLES / "containers.csv"), "--database", database])
    assert status == 0
    assert "snapshot 1 published" in capsys.readouterr().out
    empty = tmp_path / "empty.csv"
    empty.write_text("container,reason\n")
    assert main(["watchlist", "import", str(empty), "--database", database]) == 2
    assert "--allow-empty" in capsys.readouterr().err
    argv = ["watchlist", "import", str(empty), "--allow-empty", "--database", database]
    assert main(argv) == 0
    assert "containers: 0 entries imported; watchlist snapshot 2" in capsys.readouterr().out
