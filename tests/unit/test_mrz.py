"""MRZ parsing and verification against the ICAO Doc 9303 specimens and known traps."""

from __future__ import annotations

import time
from datetime import date

import pytest

from inspection_client.domain.mrz import (
    CheckStatus,
    build_td1,
    build_td2,
    build_td3,
    check_digit,
    is_complete_mrz,
    normalise_mrz_text,
    parse_mrz,
    split_mrz_blocks,
)

TODAY = date(2025, 6, 1)

TD3 = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)
TD2 = ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6")
MRVA = (
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
)
# Doc 9303 Part 5: a 12-character document number spilling into the optional data.
TD1_LONG = (
    "I<UTOD23145890<7349<<<<<<<<<<<",
    "3407127M9507122UTO<<<<<<<<<<<2",
    "STEVENSON<<PETER<JOHN<<<<<<<<<",
)
GERMAN = (
    "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
    "C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4",
)


def td3_line2(number: str, birth: str, expiry: str, sex: str = "F", personal: str = "") -> str:
    """A TD3 second line with correct check digits around raw (possibly impossible) fields."""
    personal = personal.ljust(14, "<")
    line = (
        f"{number.ljust(9, '<')}{check_digit(number.ljust(9, '<'))}UTO{birth}{check_digit(birth)}"
        f"{sex}{expiry}{check_digit(expiry)}{personal}{check_digit(personal)}"
    )
    return line + check_digit(line[0:10] + line[13:20] + line[21:43])


def test_check_digits_of_the_specimens() -> None:
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("120415") == "9"
    assert check_digit("ZE184226B<<<<<") == "1"
    assert check_digit("L898902C36" + "7408122" + "1204159ZE184226B<<<<<1") == "0"
    assert check_digit("D23145890") == "7"
    assert check_digit("D23145890734") == "9"
    assert check_digit("L8988901C") == "4"
    assert check_digit("<<<<<<") == "0"


def test_check_digit_refuses_non_mrz_characters() -> None:
    with pytest.raises(ValueError, match="not an MRZ character"):
        check_digit("L8989О2")  # Cyrillic O


def test_td3_specimen() -> None:
    result = parse_mrz("\n".join(TD3), today=TODAY)
    assert result.valid, result.errors
    assert result.format == "TD3"
    assert result.lines == TD3
    assert (result.document_code, result.issuing_state, result.nationality) == ("P", "UTO", "UTO")
    assert (result.surname, result.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert result.document_number == "L898902C3"
    assert result.birth_date == date(1974, 8, 12)
    assert result.expiry_date == date(2012, 4, 15)
    assert result.sex == "F"
    assert result.optional_data == "ZE184226B"
    assert set(result.checks.values()) == {CheckStatus.OK}
    assert result.suggestion is None


def test_td1_specimen() -> None:
    result = parse_mrz("\n".join(TD1), today=TODAY)
    assert result.valid, result.errors
    assert result.format == "TD1"
    assert (result.document_code, result.document_number) == ("I", "D23145890")
    assert (result.surname, result.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert (result.birth_date, result.expiry_date) == (date(1974, 8, 12), date(2012, 4, 15))
    assert result.checks["composite"] == CheckStatus.OK
    assert result.checks["optional_data"] == CheckStatus.NOT_APPLICABLE


def test_td2_specimen() -> None:
    result = parse_mrz("\n".join(TD2), today=TODAY)
    assert result.valid, result.errors
    assert result.format == "TD2"
    assert result.document_number == "D23145890"
    assert result.checks["composite"] == CheckStatus.OK


def test_mrv_a_specimen_has_no_composite() -> None:
    result = parse_mrz("\n".join(MRVA), today=TODAY)
    assert result.valid, result.errors
    assert result.format == "MRVA"
    assert result.document_code == "V"
    assert result.document_number == "L8988901C"
    assert result.nationality == "XXX"
    assert result.birth_date == date(1940, 9, 7)
    assert result.expiry_date == date(1996, 12, 10)
    assert result.checks["composite"] == CheckStatus.NOT_APPLICABLE


def test_mrv_b_is_a_two_line_36_visa() -> None:
    line2 = "L8988901C4XXX4009078F9612109<<<<<<<<"
    result = parse_mrz(f"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n{line2}", today=TODAY)
    assert result.valid, result.errors
    assert result.format == "MRVB"


def test_long_td1_document_number() -> None:
    result = parse_mrz("\n".join(TD1_LONG), today=TODAY)
    assert result.valid, result.errors
    assert result.document_number == "D23145890734"
    assert result.checks["document_number"] == CheckStatus.OK
    assert result.optional_data == ""
    assert (result.surname, result.given_names) == ("STEVENSON", "PETER JOHN")


def test_long_td1_document_number_with_wrong_check_digit() -> None:
    lines = (TD1_LONG[0].replace("7349", "7348"), *TD1_LONG[1:])
    result = parse_mrz("\n".join(lines), today=TODAY)
    assert not result.valid
    assert result.checks["document_number"] == CheckStatus.BAD
    assert "document number check digit is 8, expected 9" in result.errors


def test_german_one_letter_code() -> None:
    result = parse_mrz("\n".join(GERMAN), today=TODAY)
    assert result.valid, result.errors
    assert (result.issuing_state, result.nationality) == ("D", "D")
    assert result.document_number == "C01X00T47"
    # An empty personal number may carry `<` as its check digit.
    assert result.checks["optional_data"] == CheckStatus.OK


def test_to_json_keys_and_values() -> None:
    document = parse_mrz("\n".join(TD3), today=TODAY).to_json()
    assert list(document) == [
        "valid", "format", "document_code", "issuing_state", "document_number", "surname",
        "given_names", "nationality", "birth_date", "expiry_date", "sex", "optional_data",
        "optional_data_2", "checks", "errors", "suggestion",
    ]  # fmt: skip
    assert document["birth_date"] == "1974-08-12"
    assert document["checks"] == {
        "document_number": "ok",
        "birth_date": "ok",
        "expiry_date": "ok",
        "optional_data": "ok",
        "composite": "ok",
    }
    assert document["errors"] == []
    assert document["suggestion"] is None


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(TD3).lower(),
        "\r\n".join(TD3) + "\r\n",
        "  " + " ".join(TD3) + "  \n",
        "".join(TD3),
        "\n\n" + TD3[0] + "\n\n" + TD3[1] + "\n",
    ],
    ids=["lower", "crlf", "spaces", "burst", "blank-lines"],
)
def test_tolerant_input(text: str) -> None:
    result = parse_mrz(text, today=TODAY)
    assert result.valid, result.errors
    assert result.lines == TD3


@pytest.mark.parametrize(("lines", "doc_format"), [(TD1, "TD1"), (TD2, "TD2"), (MRVA, "MRVA")])
def test_bursts_of_every_length(lines: tuple[str, ...], doc_format: str) -> None:
    result = parse_mrz("".join(lines), today=TODAY)
    assert (result.valid, result.format) == (True, doc_format)


def test_wrong_check_digit_is_named() -> None:
    result = parse_mrz(f"{TD3[0]}\n{TD3[1][:9]}4{TD3[1][10:]}", today=TODAY)
    assert not result.valid
    assert result.checks["document_number"] == CheckStatus.BAD
    assert result.checks["composite"] == CheckStatus.BAD
    assert "document number check digit is 4, expected 6" in result.errors


def test_filler_as_check_digit_of_a_present_field_is_bad() -> None:
    line2 = TD3[1][:42] + "<" + TD3[1][43]
    result = parse_mrz(f"{TD3[0]}\n{line2}", today=TODAY)
    assert result.checks["optional_data"] == CheckStatus.BAD
    assert "personal number check digit is '<', expected 1" in result.errors


def test_two_digit_years_depend_on_today() -> None:
    line2 = td3_line2("X1", "250101", "750101")
    result = parse_mrz(f"{TD3[0]}\n{line2}", today=TODAY)
    assert (result.birth_date, result.expiry_date) == (date(2025, 1, 1), date(2075, 1, 1))
    line2 = td3_line2("X1", "250701", "760101")
    result = parse_mrz(f"{TD3[0]}\n{line2}", today=TODAY)
    assert (result.birth_date, result.expiry_date) == (date(1925, 7, 1), date(1976, 1, 1))


@pytest.mark.parametrize(
    ("birth", "expiry", "message"),
    [
        ("741312", "300101", "birth date 741312 is not a real date: there is no month 13"),
        ("740230", "300101", "birth date 740230 is not a real date: February 1974 has no day 30"),
        ("010229", "300101", "birth date 010229 is not a real date: February 2001 has no day 29"),
        ("740812", "300000", "expiry date 300000 is not a real date: there is no month 00"),
        ("740812", "3001<<", "expiry date '3001<<' is not a date in YYMMDD form"),
    ],
)
def test_impossible_dates_are_errors(birth: str, expiry: str, message: str) -> None:
    result = parse_mrz(f"{TD3[0]}\n{td3_line2('X1', birth, expiry)}", today=TODAY)
    assert not result.valid
    assert message in result.errors
    assert result.checks["birth_date"] == CheckStatus.OK  # the digits are what was printed
    assert None in (result.birth_date, result.expiry_date)


def test_leap_day_is_a_real_date() -> None:
    result = parse_mrz(f"{TD3[0]}\n{td3_line2('X1', '000229', '300101')}", today=TODAY)
    assert result.valid
    assert result.birth_date == date(2000, 2, 29)


@pytest.mark.parametrize("birth", ["7408<<", "74<<<<", "<<<<<<"])
def test_unknown_day_or_month_of_birth(birth: str) -> None:
    result = parse_mrz(f"{TD3[0]}\n{td3_line2('X1', birth, '300101')}", today=TODAY)
    assert result.valid, result.errors
    assert result.birth_date is None
    assert result.notes == (f"birth date is only partly known ({birth})",)


@pytest.mark.parametrize(("raw", "sex"), [("M", "M"), ("F", "F"), ("X", "X"), ("<", "X")])
def test_sex(raw: str, sex: str) -> None:
    result = parse_mrz(f"{TD3[0]}\n{td3_line2('X1', '740812', '300101', sex=raw)}", today=TODAY)
    assert (result.valid, result.sex) == (True, sex)


def test_unknown_sex_is_an_error() -> None:
    result = parse_mrz(f"{TD3[0]}\n{td3_line2('X1', '740812', '300101', sex='Q')}", today=TODAY)
    assert "sex is 'Q', expected M, F, X or <" in result.errors


def test_cyrillic_look_alike_is_reported_with_its_position() -> None:
    result = parse_mrz("P<UАO" + TD3[0][5:] + "\n" + TD3[1], today=TODAY)
    assert not result.valid
    assert (
        "line 1, position 4: 'А' (U+0410 CYRILLIC CAPITAL LETTER A) is not an MRZ character"
        in result.errors
    )
    assert result.suggestion is None  # never "corrects" a foreign alphabet


@pytest.mark.parametrize(
    ("char", "described"),
    [("\x00", "'\\x00' (U+0000)"), ("😀", "'😀' (U+1F600 GRINNING FACE)"), ("ß", "U+00DF")],
)
def test_odd_characters_are_reported(char: str, described: str) -> None:
    result = parse_mrz(TD3[0] + "\n" + TD3[1][:5] + char + TD3[1][6:], today=TODAY)
    assert not result.valid
    assert any(
        error.startswith("line 2, position 6: ") and described in error for error in result.errors
    )


def test_digits_in_names_and_codes() -> None:
    result = parse_mrz("P<U7OERIK5SON<<ANNA" + TD3[0][19:] + "\n" + TD3[1], today=TODAY)
    assert "issuing state 'U7O' is not a country code (letters, then `<` fillers)" in result.errors
    assert "name 'ERIK5SON<<ANNA<MARIA' holds digits; names are letters only" in result.errors


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no MRZ text"),
        ("   \n\t ", "no MRZ text"),
        (TD3[0] + "\n" + TD3[1][:-1], "found 2 lines of 44 and 43 characters"),
        ("'; DROP TABLE records;--", "found 1 line of 24 characters"),
        ("\n".join(TD1[:2]), "found 2 lines of 30 and 30 characters"),
    ],
)
def test_wrong_shapes(text: str, message: str) -> None:
    result = parse_mrz(text, today=TODAY)
    assert (result.valid, result.format) == (False, None)
    assert result.errors[0].startswith(message)
    assert set(result.checks.values()) == {CheckStatus.NOT_APPLICABLE}


def test_sql_metacharacters_are_just_bad_characters() -> None:
    result = parse_mrz("'; DROP TABLE records;--" + "<" * 64, today=TODAY)
    assert not result.valid
    assert 'line 1, position 1: "\'" (U+0027 APOSTROPHE) is not an MRZ character' in result.errors


def test_ten_megabytes_are_refused_quickly() -> None:
    started = time.perf_counter()
    result = parse_mrz("P<" * 5 * 1024 * 1024, today=TODAY)
    assert time.perf_counter() - started < 0.5
    assert result.errors == (
        "input is 10,485,760 characters long; an MRZ has at most 90 characters",
    )
    assert result.lines == ()


def test_not_text_is_an_error_not_a_crash() -> None:
    result = parse_mrz(b"P<UTO", today=TODAY)  # type: ignore[arg-type]
    assert result.errors == ("MRZ must be text, not bytes",)


def test_suggestion_for_letter_o_in_a_date() -> None:
    broken = TD3[1].replace("7408122", "74O8122")
    result = parse_mrz(TD3[0] + "\n" + broken, today=TODAY)
    assert not result.valid
    assert result.suggestion == TD3
    assert result.lines[1] == broken  # the suggestion is never applied
    assert result.birth_date is None


def test_suggestion_for_a_confusion_in_the_document_number() -> None:
    lines = build_td3(
        issuing_state="UTO", document_number="AB0123456", surname="ERIKSSON", given_names="ANNA",
        nationality="UTO", birth_date=date(1974, 8, 12), sex="F", expiry_date=date(2030, 1, 1),
    )  # fmt: skip
    broken = "AB" + "O" + lines[1][3:]
    result = parse_mrz(lines[0] + "\n" + broken, today=TODAY)
    assert result.checks["document_number"] == CheckStatus.BAD
    assert result.suggestion == lines


def test_no_suggestion_when_no_confusion_explains_the_error() -> None:
    result = parse_mrz(TD3[0] + "\n" + TD3[1][:-1] + "1", today=TODAY)
    assert not result.valid
    assert result.suggestion is None


def test_normalise_mrz_text() -> None:
    assert normalise_mrz_text(" p<uto\r\nl898 \n") == ("P<UTO", "L898")
    assert normalise_mrz_text("".join(TD1)) == TD1
    assert normalise_mrz_text("") == ()
    # Upper-casing never changes the length, so reported positions stay right.
    assert normalise_mrz_text("straße") == ("STRAßE",)


def test_is_complete_mrz_follows_a_burst() -> None:
    burst = "".join(TD3)
    assert not any(is_complete_mrz(burst[:length]) for length in range(len(burst)))
    assert is_complete_mrz(burst)
    typed = "\n".join(TD3)
    assert not any(is_complete_mrz(typed[:length]) for length in range(len(typed)))
    assert is_complete_mrz(typed + "\n")
    for lines in (TD1, TD2, MRVA):
        burst = "".join(lines)
        assert [n for n in range(len(burst) + 1) if is_complete_mrz(burst[:n])] == [len(burst)]
    assert not is_complete_mrz("x" * 10_000_000)


def test_split_mrz_blocks() -> None:
    text = "\n".join(TD3) + "\n  \n\n" + "\n".join(TD1) + "\n\n"
    assert split_mrz_blocks(text) == ["\n".join(TD3), "\n".join(TD1)]
    bursts = "".join(TD3) + "\n" + "".join(TD2) + "\n"
    assert split_mrz_blocks(bursts) == ["".join(TD3), "".join(TD2)]
    assert split_mrz_blocks("\n \n") == []


def test_builders_reproduce_the_specimens() -> None:
    person = {
        "issuing_state": "UTO", "surname": "Eriksson", "given_names": "Anna Maria",
        "nationality": "UTO", "birth_date": date(1974, 8, 12), "sex": "F",
        "expiry_date": date(2012, 4, 15),
    }  # fmt: skip
    assert build_td3(document_number="L898902C3", personal_number="ZE184226B", **person) == TD3
    assert build_td1(document_number="D23145890", **person) == TD1
    assert build_td2(document_number="D23145890", **person) == TD2


def test_build_td1_long_document_number() -> None:
    lines = build_td1(
        issuing_state="UTO", document_number="D23145890734", surname="Stevenson",
        given_names="Peter John", nationality="UTO", birth_date=date(1934, 7, 12), sex="M",
        expiry_date=date(1995, 7, 12),
    )  # fmt: skip
    assert lines == TD1_LONG


def test_builders_refuse_what_an_mrz_cannot_hold() -> None:
    common = {
        "issuing_state": "UTO", "surname": "X", "given_names": "", "nationality": "UTO",
        "birth_date": date(1974, 8, 12), "sex": "F", "expiry_date": date(2030, 1, 1),
    }  # fmt: skip
    with pytest.raises(ValueError, match="document number"):
        build_td3(document_number="0123456789", **common)
    with pytest.raises(ValueError, match="sex"):
        build_td3(document_number="1", **{**common, "sex": "Q"})
    with pytest.raises(ValueError, match="Latin letters"):
        build_td3(document_number="1", **{**common, "surname": "Иванов"})


def test_lines_broken_by_the_reader_are_not_recut_when_their_lengths_are_wrong() -> None:
    # 46 + 44 characters add up to a TD1 burst; the line break says otherwise.
    text = (
        "P<PAKKHAN<<IMRAN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
        "AB12345671PAK8503149M3101012<<<<<<<<<<<<<<<8"
    )
    result = parse_mrz(text)
    assert not result.valid and result.format is None
    assert result.lines[0].startswith("P<PAKKHAN") and len(result.lines) == 2
    assert any("46" in error for error in result.errors)
