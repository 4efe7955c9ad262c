"""The `inspection-client check` command: exit codes, output, and hostile input."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from inspection_client import cli
from inspection_client.commands import check
from inspection_client.errors import InputError

TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n"
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<\n"
    "7408122F1204159UTO<<<<<<<<<<<6\n"
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<\n"
)


Feed = Callable[[bytes], None]


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Feed:
    """Feed bytes to the command's standard input."""

    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return feed


def json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_parser_without_the_other_commands() -> None:
    parser = argparse.ArgumentParser()
    check.register(parser.add_subparsers())
    args = parser.parse_args(["check", "container", "CSQU3054383", "--json"])
    assert args.handler(args) == 0


def test_mrz_literal_through_cli_main(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "mrz", TD3]) == 0
    out = capsys.readouterr().out
    assert "MRZ: TD3, valid" in out
    assert "ERIKSSON" in out
    assert "composite ok" in out


def test_mrz_several_from_stdin_as_json(stdin: Feed, capsys: pytest.CaptureFixture[str]) -> None:
    stdin((TD3 + "\n  \n" + TD1 + "\n").encode())
    assert cli.main(["check", "mrz", "--json"]) == 0
    documents = json_lines(capsys.readouterr().out)
    assert [document["format"] for document in documents] == ["TD3", "TD1"]
    assert documents[0]["birth_date"] == "1974-08-12"
    assert documents[1]["checks"]["composite"] == "ok"  # type: ignore[index]


def test_mrz_bursts_one_per_line(stdin: Feed, capsys: pytest.CaptureFixture[str]) -> None:
    stdin((TD3.replace("\n", "") + "\n" + TD1.replace("\n", "") + "\n").encode())
    assert cli.main(["check", "mrz", "--json", "-"]) == 0
    assert len(json_lines(capsys.readouterr().out)) == 2


def test_mrz_invalid_shows_errors_and_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "mrz", TD3.replace("7408122", "74O8122")]) == 1
    out = capsys.readouterr().out
    assert "INVALID" in out
    assert "error: birth date check digit is 2, expected 6" in out
    assert "suggestion" in out
    assert "L898902C36UTO7408122F1204159ZE184226B<<<<<10" in out


def test_mrz_file_with_one_bad_of_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "mrz.txt"
    source.write_text(TD3 + "\n" + TD1.replace("<6\n", "<7\n"), encoding="utf-8")
    assert cli.main(["check", "mrz", "--json", str(source)]) == 1
    documents = json_lines(capsys.readouterr().out)
    assert [document["valid"] for document in documents] == [True, False]
    assert documents[1]["errors"] == ["composite check digit is 7, expected 6"]


@pytest.mark.parametrize("data", [b"", b"\n \n\t\n"])
@pytest.mark.parametrize("kind", ["mrz", "vin", "container"])
def test_nothing_to_check(
    stdin: Feed, capsys: pytest.CaptureFixture[str], data: bytes, kind: str
) -> None:
    stdin(data)
    assert cli.main(["check", kind]) == 1
    assert "the input holds no" in capsys.readouterr().err


def test_not_utf8(stdin: Feed, capsys: pytest.CaptureFixture[str]) -> None:
    """Input that is not text cannot be checked at all: a usage error, like a missing file,
    not an invalid value."""
    stdin(b"CSQU3054383\n\xff\xfe\x00binary")
    assert cli.main(["check", "container"]) == 2
    assert (
        "inspection-client: standard input cannot be read as text (byte 0xff at offset 12)"
        in capsys.readouterr().err
    )


@pytest.mark.parametrize("kind", ["mrz", "vin", "container"])
def test_a_binary_file_is_a_usage_error_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert cli.main(["check", kind, str(source)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"inspection-client: {source} cannot be read as text (byte 0xff at offset 0): give "
        "UTF-8 text, such as what a document reader types\n"
    )


def test_not_utf8_file_after_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "scan.bin"
    source.write_bytes(b"\xef\xbb\xbfAB\xc3")
    assert cli.main(["check", "vin", str(source)]) == 2
    assert f"{source} cannot be read as text (byte 0xc3 at offset 5)" in capsys.readouterr().err


def test_bom_is_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "codes.txt"
    source.write_bytes(b"\xef\xbb\xbfCSQU3054383\r\n")
    assert cli.main(["check", "container", str(source)]) == 0
    assert capsys.readouterr().out == "CSQU3054383  valid\n"


def test_nul_bytes_are_named(stdin: Feed, capsys: pytest.CaptureFixture[str]) -> None:
    stdin(TD3.replace("L898", "L\x0098").encode())
    assert cli.main(["check", "mrz", "--json"]) == 1
    (document,) = json_lines(capsys.readouterr().out)
    assert "line 2, position 2: '\\x00' (U+0000) is not an MRZ character" in document["errors"]  # type: ignore[operator]


def test_cyrillic_look_alike(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "mrz", TD3.replace("P<UTO", "P<UТO")]) == 1
    assert "U+0422 CYRILLIC CAPITAL LETTER TE" in capsys.readouterr().out


def test_terminal_control_characters_are_escaped(
    stdin: Feed, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(b"\x1b[2J1M8GDM9AXKP042788\n")
    assert cli.main(["check", "vin"]) == 1
    assert "\x1b" not in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["mrz", "vin", "container"])
def test_sql_metacharacters(capsys: pytest.CaptureFixture[str], kind: str) -> None:
    assert cli.main(["check", kind, "--json", "'; DROP TABLE records;--"]) == 1
    (document,) = json_lines(capsys.readouterr().out)
    assert document["valid"] is False


def test_wrong_line_lengths(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "mrz", "--json", TD3[:-2]]) == 1
    (document,) = json_lines(capsys.readouterr().out)
    assert document["format"] is None
    assert str(document["errors"][0]).startswith("found 2 lines of 44 and 43 characters")  # type: ignore[index]


def test_more_than_ten_megabytes_is_refused(
    stdin: Feed, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(b"A" * (10 * 1024 * 1024 + 1))
    assert cli.main(["check", "mrz"]) == 2
    assert "standard input is larger than 10 MB" in capsys.readouterr().err


def test_ten_megabytes_on_one_line_is_checked_quickly(
    stdin: Feed, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(b"P<" * (5 * 1024 * 1024))
    assert cli.main(["check", "mrz", "--json"]) == 1
    (document,) = json_lines(capsys.readouterr().out)
    assert document["errors"] == [
        "input is 10,485,760 characters long; an MRZ has at most 90 characters"
    ]


def test_big_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "big.txt"
    source.write_bytes(b"1" * (10 * 1024 * 1024 + 1))
    with pytest.raises(InputError, match=f"{source} is larger than 10 MB"):
        check.read_source(str(source))


@pytest.mark.parametrize("source", ["no/such/file", "missing.txt", "C:\\scans\\x", "passport.mrz"])
def test_missing_file(capsys: pytest.CaptureFixture[str], source: str) -> None:
    assert cli.main(["check", "vin", source]) == 2
    assert f"no such file: {source}" in capsys.readouterr().err


def test_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        check.read_source(str(tmp_path))


def test_vin_lines(stdin: Feed, capsys: pytest.CaptureFixture[str]) -> None:
    stdin(b"1M8GDM9AXKP042788\n\n  wvwzzz1jzxw000001  \n1M8GDM9A1KP042788\n")
    assert cli.main(["check", "vin", "--json"]) == 1
    documents = json_lines(capsys.readouterr().out)
    assert [document["valid"] for document in documents] == [True, True, False]
    assert [document["check_digit"] for document in documents] == ["ok", "not applicable", "bad"]


def test_vin_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "vin", "1M8GDM9AXKP042788"]) == 0
    assert capsys.readouterr().out == "1M8GDM9AXKP042788  valid (check digit ok)\n"


def test_container_literal_with_spaces(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "container", "CSQU 305438 3"]) == 0
    assert cli.main(["check", "container", "CSQU 305438 4"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == ["CSQU3054383  valid", "CSQU3054384  INVALID: check digit is 4, expected 3"]


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["check"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["check", "passport", "x"])
    assert exit_info.value.code == 2


def test_output_cut_off_by_the_reader_is_not_reported_as_success(tmp_path: Path) -> None:
    """`check vin FILE | head -1`: the command did not finish, and a gate script with
    `set -o pipefail` must not read success (status 141, as for a program killed by
    SIGPIPE), and nothing is printed about it."""
    import subprocess

    values = tmp_path / "vins.txt"
    values.write_text("NOT-A-VIN\n" * 50_000)
    command = [sys.executable, "-m", "inspection_client", "check", "vin", str(values)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # the reader goes away, as `head -1` does
        errors = process.stderr.read()
        status = process.wait(timeout=60)
    assert first.startswith(b"NOT-A-VIN")
    assert status == cli.EXIT_BROKEN_PIPE
    assert errors == b""
