"""Normalised keys and names: both sides of a comparison go through these."""

from __future__ import annotations

import pytest

from inspection_client.watchlist import normalise


@pytest.mark.parametrize(
    ("read", "listed"),
    [
        ("L8989O2C3", "L898902C3"),  # O read for 0
        ("L898902C3<<", "L898902C3"),  # MRZ fillers
        ("l898-902 c3", "L898902C3"),  # typed with a hyphen and a space
        ("X01234567", "XOI234567"),  # I for 1 and O for 0 on the list's side
    ],
)
def test_document_numbers_fold_confusions_and_fillers(read: str, listed: str) -> None:
    assert normalise.document_key(read) == normalise.document_key(listed)


def test_different_document_numbers_stay_different() -> None:
    assert normalise.document_key("L898902C3") != normalise.document_key("L898902C8")


@pytest.mark.parametrize(
    ("name", "latin"),
    [
        ("王小明", "WANG XIAOMING"),
        ("欧阳娜娜", "OUYANG NANA"),  # a two-character surname
        ("Иванов Сергей", "IVANOV SERGEI"),
        ("Юлия Щербакова", "IULIIA SHCHERBAKOVA"),
        ("José Łukasz Straße", "JOSE LUKASZ STRASSE"),
        ("ERIKSSON<<ANNA<MARIA", "ERIKSSON ANNA MARIA"),
    ],
)
def test_names_become_upper_case_latin(name: str, latin: str) -> None:
    assert normalise.to_latin(name) == latin


def test_umlauts_are_compared_in_both_icao_forms() -> None:
    assert normalise.name_variants("Müller", "Jürgen") == ["MULLER JURGEN", "MUELLER JUERGEN"]


def test_a_cyrillic_patronymic_is_also_dropped() -> None:
    variants = normalise.name_variants("", "", "Иванов Сергей Петрович")
    assert variants[:2] == ["IVANOV SERGEI PETROVICH", "IVANOV SERGEI"]
    assert "IVANOV SERGEY" in variants


@pytest.mark.parametrize(
    ("original", "spelling"),
    [
        ("Щербакова Юлия", "SHCHERBAKOVA YULIYA"),
        ("Щербакова Юлия", "SCHERBAKOVA YULIYA"),
        ("Дмитрий Ёлкин", "DMITRY YOLKIN"),
        ("Евгений Цой", "YEVGENIY TSOY"),
        ("Ержан Нурланов", "YERZHAN NURLANOV"),
        ("Григорій Євтушенко", "HRYHORII YEVTUSHENKO"),  # Ukraine's own
    ],
)
def test_a_listed_cyrillic_name_is_also_compared_in_other_spellings(
    original: str, spelling: str
) -> None:
    assert spelling in normalise.name_variants("", "", original)


def test_other_spellings_are_not_made_at_a_check() -> None:
    assert normalise.name_variants("SCHERBAKOVA", "YULIYA") == ["SCHERBAKOVA YULIYA"]
    assert normalise.name_variants("Щербакова", "Юлия") == ["SHCHERBAKOVA IULIIA"]
    # Ukraine's spelling only for a name with Ukrainian letters.
    assert "HRYHORIY" not in " ".join(normalise.name_variants("", "", "Григорий"))


def test_plates_ignore_spacing_and_case() -> None:
    assert normalise.plate_key("新a 123-45") == normalise.plate_key("新A12345")
    assert normalise.plate_key("AB 123") != normalise.plate_key("AB 124")


def test_query_keys_meet_the_entry_keys_of_the_same_person() -> None:
    entry = normalise.person_keys(["ERIKSSON ANNA"], 1974)
    assert set(normalise.query_keys(["ERIKSON ANNA"], 1975)) & entry
    assert set(normalise.query_keys(["ERIKSSON ANNA"], None)) & entry
    assert not set(normalise.query_keys(["ERIKSSON ANNA"], 1980)) & entry


@pytest.mark.parametrize("text", ["1974-13-01", "74", "12/08/1974", "1700"])
def test_bad_birth_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="birth"):
        normalise.parse_birth(text)


@pytest.mark.parametrize(
    ("plate", "country", "key"),
    [
        ("KZ 777 ABC 02", "KAZ", "777ABC02"),
        ("KZ777ABC02", "KZ", "777ABC02"),
        ("KAZ-777 ABC 02", "KAZ", "777ABC02"),
        ("A 123 BC 77 RUS", "RUS", "A123BC77"),
        ("A123BC77RUS", "RU", "A123BC77"),
        ("01 A 123 BC UZ", "UZB", "01A123BC"),
        ("KG 01 123 ABC", "KS", "01123ABC"),
        # Kept: a band of another country, a one-letter city code, letters of the plate.
        ("KZ 777 ABC 02", "KGZ", "KZ777ABC02"),
        ("D AB 123", "D", "DAB123"),
        ("PK 12", "PAK", "12"),
        ("PK", "PAK", "PK"),
        ("LEA 1234", "PAK", "LEA1234"),
        ("01 A 123 BC", "UZB", "01A123BC"),
    ],
)
def test_a_plate_is_keyed_without_its_country_band(plate: str, country: str, key: str) -> None:
    assert normalise.plate_key(plate, country) == key


@pytest.mark.parametrize(
    ("shorter", "longer", "expected"),
    [
        ("KHAN IMRAN", "KHAN IMRAN AHMED", True),
        ("AHM IMRAN KHAN", "AHMED IMRAN KHAN", True),
        ("A KHAN IMRAN", "AHMED KHAN IMRAN", True),
        ("KHAN IMRAN", "KHAN IMRAN", True),
        ("KHAN", "KHAN IMRAN", False),  # one word is not enough
        ("KHAN I", "KHAN IMRAN AHMED", False),  # two whole words are needed
        ("KHAN IMRAN ALI", "KHAN IMRAN AHMED", False),
        ("KHAN KHAN", "KHAN IMRAN", False),  # each word matches a different one
        ("KHAN IMRAN AHMED", "KHAN IMRAN", False),
    ],
)
def test_shortened_names(shorter: str, longer: str, expected: bool) -> None:
    assert normalise.shortened_name(shorter.split(), longer.split()) is expected


def test_names_from_arabic_script_are_compared_in_one_spelling() -> None:
    assert normalise.name_variants("MOHAMMED", "ALI") == ["MOHAMMED ALI", "MUHAMMAD ALI"]
    assert normalise.name_variants("Hussein", "Mohamad Yousaf")[-1] == "HUSAYN MUHAMMAD YUSUF"
    assert normalise.name_variants("KHAN", "IMRAN") == ["KHAN IMRAN"]


def test_every_spelling_belongs_to_one_group() -> None:
    groups = [line.split() for line in normalise._NAME_SPELLINGS.strip().splitlines()]
    spellings = [word for group in groups for word in group]
    assert len(spellings) == len(set(spellings))
