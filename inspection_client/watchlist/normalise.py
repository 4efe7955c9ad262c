"""The keys under which watchlist entries are stored and looked up, computed the same way on
both sides: document numbers, plates, VINs, containers, and names in any script as Latin.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date

from inspection_client.watchlist.countries import icao_code

# Readers and officers confuse these; both sides are mapped to the digit.
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "Q": "0"})
_FILLERS = re.compile(r"[<\s\-./]+")
_NOT_LETTERS = re.compile(r"[^A-Z]+")
# Letters of a name token that a candidate must share with the query: 4 keeps a check to a
# few hundred of 200,000 entries, at the cost of missing a name misspelt in the first four
# letters of every one of its words.
BLOCKING_PREFIX = 4

# ICAO Doc 9303 Part 3 (section 6, table B) transliteration of Cyrillic, the one used in the
# MRZ of Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian and Kazakh passports.
CYRILLIC_TO_LATIN: dict[str, str] = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "E", "Ж": "ZH",
    "З": "Z", "И": "I", "Й": "I", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O",
    "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS",
    "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "IU",
    "Я": "IA", "Ґ": "G", "Є": "IE", "І": "I", "Ї": "I", "Ў": "U", "Ђ": "D", "Ј": "J",
    "Љ": "LJ", "Њ": "NJ", "Ћ": "C", "Џ": "DZ", "Ѓ": "G", "Ќ": "K", "Ѕ": "DZ", "Ә": "A",
    "Ғ": "G", "Қ": "K", "Ң": "N", "Ө": "O", "Ұ": "U", "Ү": "U", "Һ": "H",
}  # fmt: skip

# Other spellings of Cyrillic names that documents and lists carry, each over ICAO's table:
# the one of Russian passports before 2010 and of the US/UK lists (BGN/PCGN: Й Y, Ю YU, Я YA,
# initial Е YE), the popular one (Щ SCH, Ё YO, -ИЙ -Y: SCHERBAKOVA YULIYA, DMITRY), and
# Ukraine's own (Г H, И Y: HRYHORII).
_CYRILLIC_OTHER_SPELLINGS: tuple[tuple[dict[str, str], dict[str, str], str], ...] = (
    ({"Й": "Y", "Ю": "YU", "Я": "YA", "Ъ": "", "Ц": "TS"}, {"Е": "YE", "Ё": "YE"}, ""),
    ({"Щ": "SCH", "Й": "Y", "Ю": "YU", "Я": "YA", "Ё": "YO", "Ъ": ""}, {}, "Y"),
    ({"Г": "H", "И": "Y", "Й": "I", "Є": "IE", "Ї": "I", "Ю": "IU", "Я": "IA"},
     {"Й": "Y", "Є": "YE", "Ї": "YI", "Ю": "YU", "Я": "YA"}, ""),
)  # fmt: skip
_UKRAINIAN_ONLY = frozenset("ЄІЇҐєіїґ")
_WORD_FINAL_II = re.compile(r"[ИЫ]Й\b")

# Names from Arabic script spelt many ways in Latin, by Pakistani, Afghan, Central Asian,
# Arab and Russian offices alike: each group is compared as its first spelling, on both sides.
_NAME_SPELLINGS = """
    MUHAMMAD MOHAMMAD MOHAMMED MUHAMMED MOHAMED MOHAMAD MUHAMAD MUHAMED MOHAMMOD MUHAMMET
    MAHOMED MAGOMED MUKHAMMAD MUKHAMMED MUKHAMED MAKHAMAT MOHD
    AHMAD AHMED AHMET AKHMED AKHMAD AHAMED AHMADU
    MAHMUD MAHMOUD MAHMOOD MEHMOOD MEHMUD MAKHMUD
    HUSAYN HUSSAIN HUSSEIN HUSAIN HUSEIN HOSSEIN HOSEIN HUSEYN HUSEYIN HUSSAYN GUSEYN
    HASAN HASSAN KHASAN GASAN
    YUSUF YOUSAF YOUSUF YOUSEF YUSSUF YUSUP YUSOF YOUSSEF YUSUFF
    UMAR OMAR UMER OMER
    USMAN OSMAN UTHMAN OTHMAN USMON
    IBRAHIM EBRAHIM IBRAGIM IBROHIM
    ISMAIL ISMAEL ISMOIL ESMAIL
    ABDULLAH ABDULLA ABDALLAH ABDALLA ABDULLOH
    ABDUL ABDEL ABDOUL
    RAHMAN REHMAN RAKHMAN RAHMON
    RAHIM RAHEEM RAKHIM
    KARIM KAREEM KERIM
    KHALID KHALED
    NASIR NASER NASSER NASEER
    HAIDAR HAIDER HYDER HAYDAR
    JAVID JAVED JAWED JAWID
    SAYYID SAYED SYED SEYED SAYID SEYYED
    MUSTAFA MOSTAFA MUSTAPHA MUSTAFO
    FAROOQ FARUQ FARUK FAROOK
    HAMID HAMEED HAMED
    MAJID MAJEED MAJED
    SALIM SALEEM
    ZAHIR ZAHEER
    TAHIR TAHER
    GHULAM GOLAM GULAM
    JAFAR JAFFAR JAAFAR DZHAFAR
    RASHID RASHEED
    HABIB HABEEB
    AZIZ AZEEZ
    NUR NOOR
    WAHID WAHEED
    NAVID NAVEED
    ZUBAIR ZUBAYR ZUBEIR
    USAMA OSAMA USAMAH
"""
NAME_SPELLINGS: dict[str, str] = {
    spelling: group.split()[0]
    for group in _NAME_SPELLINGS.strip().splitlines()
    for spelling in group.split()[1:]
}

# Letters that Unicode decomposition does not reduce to A-Z.
_LATIN_SPECIAL = {
    "ß": "SS", "Æ": "AE", "Ø": "O", "Œ": "OE", "Ł": "L", "Đ": "D", "Þ": "TH", "Ð": "D",
    "Ħ": "H", "Ŧ": "T", "ı": "I", "Ŋ": "N",
}  # fmt: skip

# ICAO Doc 9303's alternative MRZ forms of some Latin letters ("MÜLLER" -> "MUELLER").
_ICAO_EXPANSIONS = {"Ä": "AE", "Ö": "OE", "Ü": "UE", "Å": "AA", "Æ": "AE", "Ø": "OE"}

# Two-character Chinese surnames; any other name's first character is the surname.
_COMPOUND_SURNAMES = frozenset(
    ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "宇文", "夏侯",
     "公孙", "司徒", "端木", "轩辕", "独孤", "南宫", "西门", "百里", "呼延", "歐陽", "諸葛", "長孫")
)  # fmt: skip


# Cyrillic and Greek capitals drawn like Latin ones, by their look (not their sound: Cyrillic
# Н is drawn H). A code typed or pasted with one of them looks right and would match nothing;
# Russian and Kazakh plates use exactly these Cyrillic letters because they read as Latin.
_LOOKALIKES = str.maketrans(
    {
        "А": "A", "В": "B", "Е": "E", "Ё": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
        "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    }
)  # fmt: skip


def latin_code(value: str) -> str:
    """A code (document number, plate, VIN...) in upper case, with full-width forms and
    Cyrillic or Greek look-alike capitals written as the Latin letters they look like."""
    upper = value.upper()
    if upper.isascii():
        return upper
    return unicodedata.normalize("NFKC", upper).upper().translate(_LOOKALIKES)


def document_key(number: str) -> str:
    """A document number as compared: upper case, no fillers, look-alikes as Latin,
    O->0, I->1 (and Q->0)."""
    if number.isascii() and number.isalnum():  # the common case, without the expression
        return number.upper().translate(_CONFUSABLE)
    return _FILLERS.sub("", latin_code(number)).translate(_CONFUSABLE)


def state_key(state: str) -> str:
    """An issuing state or nationality as compared: its ICAO code, whether written as in the
    MRZ ("D<<" is Germany), as an ISO alpha-2 code ("CN") or a vehicle sign ("KS", "MGL")."""
    if state.isascii() and state.isalpha():
        return icao_code(state.upper())
    return icao_code(_FILLERS.sub("", latin_code(state)))


def plate_key(plate: str, country: str = "") -> str:
    """A plate as compared: upper case, no spaces, hyphens or dots, look-alikes as Latin,
    O->0 and I->1; with `country`, without the band of that country's sign printed on it
    ("KZ 777 ABC 02" of KAZ is 777ABC02, "A 123 BC 77 RUS" is A123BC77)."""
    latin = latin_code(plate)
    if country:
        latin = _without_band(latin, state_key(country))
    return _FILLERS.sub("", latin).translate(_CONFUSABLE)


# A band of two or three letters at either end, written apart or against the digits: one
# letter is left alone, since it also begins plates (Düsseldorf's "D AB 123").
_BAND_FIRST = re.compile(r"^\s*([A-Z]{2,3})(?:[\s\-./]+|(?=[0-9]))")
_BAND_LAST = re.compile(r"(?:[\s\-./]+|(?<=[0-9]))([A-Z]{2,3})\s*$")


def _without_band(plate: str, country: str) -> str:
    """`plate` (upper case) without a band that reads as `country`'s code or sign."""
    for band in (_BAND_FIRST, _BAND_LAST):
        found = band.search(plate)
        if found and icao_code(found.group(1)) == country:
            rest = plate[: found.start()] + plate[found.end() :]
            if any(c.isdigit() for c in rest):
                plate = rest
    return plate


def exact_key(value: str) -> str:
    """VINs and container numbers: exact, apart from case, white space or hyphens, and
    look-alike letters."""
    return _FILLERS.sub("", latin_code(value))


def vin_key(vin: str) -> str:
    """A VIN as compared: `exact_key`, with O, I and Q as the digits 0, 1 and 0. ISO 3779
    leaves those letters out of VINs, so a VIN holding one was misread or mistyped."""
    return exact_key(vin).translate(_CONFUSABLE)


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def load_transliteration() -> None:
    """Import pypinyin (about 0.4 s): at first use, or ahead of it off the GUI thread."""
    import pypinyin  # noqa: F401


def _pinyin(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="ignore")).upper()


def han_name_to_latin(text: str) -> str:
    """汉字 name -> "SURNAME GIVENNAMES" in pinyin, as Chinese passports write it."""
    han = "".join(c for c in text if _is_han(c))
    if not han:
        return ""
    split = 2 if han[:2] in _COMPOUND_SURNAMES and len(han) > 2 else 1
    surname, given = _pinyin(han[:split]), _pinyin(han[split:])
    return f"{surname} {given}".strip()


def to_latin(text: str) -> str:
    """Any name as upper-case Latin letters and single spaces: Cyrillic by ICAO's table,
    Han characters as pinyin, diacritics dropped, everything else a separator."""
    if text.isascii():
        # The common case, a Latin name as in the MRZ: no per-character work.
        return " ".join(_NOT_LETTERS.sub(" ", text.upper()).split())
    text = unicodedata.normalize("NFKC", text)
    if any(_is_han(c) for c in text) and not any(c.isascii() and c.isalpha() for c in text):
        return han_name_to_latin(text)
    out: list[str] = []
    for char in text:
        upper = char.upper()
        if upper in CYRILLIC_TO_LATIN:
            out.append(CYRILLIC_TO_LATIN[upper])
        elif char in _LATIN_SPECIAL or upper in _LATIN_SPECIAL:
            out.append(_LATIN_SPECIAL.get(char, _LATIN_SPECIAL.get(upper, "")))
        elif _is_han(char):
            out.append(" " + _pinyin(char) + " ")
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", upper) if not unicodedata.combining(c)
            )
            out.append(base if base.isascii() and base.isalpha() else " ")
    return " ".join("".join(out).split())


def other_cyrillic_spellings(original: str) -> list[str]:
    """A Cyrillic name in the other spellings of `_CYRILLIC_OTHER_SPELLINGS` (the ICAO one,
    `to_latin`'s, not among them): computed when a list is built, never at a check."""
    upper = unicodedata.normalize("NFKC", original).upper()
    ukrainian = any(c in _UKRAINIAN_ONLY for c in upper)
    spellings = []
    for number, (letters, initials, word_final_ii) in enumerate(_CYRILLIC_OTHER_SPELLINGS):
        if number == len(_CYRILLIC_OTHER_SPELLINGS) - 1 and not ukrainian:
            continue
        text = _WORD_FINAL_II.sub(word_final_ii, upper) if word_final_ii else upper
        out = []
        for index, char in enumerate(text):
            first = index == 0 or not text[index - 1].isalpha()
            out.append(initials[char] if first and char in initials else letters.get(char, char))
        spellings.append(to_latin("".join(out)))
    return [s for s in dict.fromkeys(spellings) if s]


def name_tokens(text: str) -> list[str]:
    return to_latin(text).split()


def sorted_name(tokens: Iterable[str]) -> str:
    """Tokens sorted: word order differs between scripts, documents and lists."""
    return " ".join(sorted(tokens))


def latin_only_name(surname: str, given_names: str) -> str | None:
    """The fast path of `name_variants` for an ASCII name without original script, else None."""
    written = f"{surname} {given_names}"
    if not written.isascii():
        return None
    return " ".join(_NOT_LETTERS.sub(" ", written.upper()).split())


def name_variants(surname: str, given_names: str = "", original: str = "") -> list[str]:
    """The Latin forms under which a person is compared, each as "SURNAME GIVEN" tokens.

    The Latin name as written, the original-script name transliterated (a Cyrillic one also
    in the other common spellings), for a three-part Cyrillic name also the form without
    the patronymic, which passports omit, and the forms of `with_name_spellings`.
    """
    variants: list[str] = []
    latin = " ".join(name_tokens(surname) + name_tokens(given_names))
    if latin:
        variants.append(latin)
        written = f"{surname} {given_names}"
        if not written.isascii() and any(c in _ICAO_EXPANSIONS for c in written.upper()):
            # MRZs write Ü as UE (or U): both forms are compared.
            expanded = "".join(_ICAO_EXPANSIONS.get(c, c) for c in written.upper())
            variants.append(" ".join(name_tokens(expanded)))
    if original.strip():
        converted = to_latin(original)
        cyrillic = any(c.upper() in CYRILLIC_TO_LATIN for c in original)
        forms = [converted] if converted else []
        if cyrillic and converted:
            forms += other_cyrillic_spellings(original)
        for form in forms:
            variants.append(form)
            parts = form.split()
            if len(parts) == 3 and cyrillic:
                variants.append(" ".join(parts[:2]))
    return with_name_spellings(list(dict.fromkeys(variants)))


def shortened_name(shorter: Sequence[str], longer: Sequence[str]) -> bool:
    """True when the words of `shorter` are words of `longer` or their beginnings, each a
    different one, at least two of them whole: the MRZ cuts long names short, and lists and
    documents leave middle names out ("KHAN IMRAN" of "KHAN IMRAN AHMED")."""
    if not 2 <= len(shorter) <= len(longer):
        return False
    left = list(longer)
    cut = []
    for word in shorter:
        if word in left:
            left.remove(word)
        else:
            cut.append(word)
    if len(shorter) - len(cut) < 2:
        return False
    for word in sorted(cut, key=len, reverse=True):
        whole = next((w for w in left if w.startswith(word)), None)
        if whole is None:
            return False
        left.remove(whole)
    return True


def with_name_spellings(variants: list[str]) -> list[str]:
    """`variants` and, for one holding a name of `NAME_SPELLINGS`, its form with every such
    name spelt as its group's first spelling (MOHAMMED ALI -> MUHAMMAD ALI)."""
    folded = []
    for variant in variants:
        words = variant.split()
        if any(word in NAME_SPELLINGS for word in words):
            folded.append(" ".join(NAME_SPELLINGS.get(word, word) for word in words))
    return list(dict.fromkeys(variants + folded)) if folded else variants


def blocking_prefixes(tokens: Iterable[str]) -> set[str]:
    """Token beginnings that a candidate must share with the query to be scored at all."""
    return {token[:BLOCKING_PREFIX] for token in tokens if len(token) >= 2}


def person_keys(variants: Iterable[str], birth_year: int | None) -> set[str]:
    """Blocking keys of a list entry: by birth year (when known) and a name token prefix.

    "Y1974:ERIK" for an entry born in 1974; "N:ERIK" when the list gives no birth year.
    A traveller's query reads its year +-1 and the "N" keys, so at most a few hundred of
    200,000 entries are ever scored; without a birth date it reads the "T" keys.
    """
    keys: set[str] = set()
    for variant in variants:
        for prefix in blocking_prefixes(variant.split()):
            keys.add(f"Y{birth_year}:{prefix}" if birth_year else f"N:{prefix}")
            keys.add(f"T:{prefix}")
    return keys


def query_keys(variants: Iterable[str], birth_year: int | None) -> list[str]:
    prefixes: set[str] = set()
    for variant in variants:
        prefixes |= blocking_prefixes(variant.split())
    if birth_year is None:
        return sorted(f"T:{p}" for p in prefixes)
    keys = [f"N:{p}" for p in prefixes]
    for year in (birth_year - 1, birth_year, birth_year + 1):
        keys.extend(f"Y{year}:{p}" for p in prefixes)
    return sorted(keys)


def parse_birth(text: str) -> tuple[date | None, int | None]:
    """A list's birth date: "YYYY-MM-DD", "YYYY" or empty. Raises ValueError otherwise."""
    text = text.strip()
    if not text:
        return None, None
    born = None
    if len(text) == 4 and text.isdigit():
        year = int(text)
    elif len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            born = date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"birth date {text!r} is not a real date") from None
        year = born.year
    else:
        raise ValueError(f"birth date {text!r} is not YYYY-MM-DD or YYYY")
    if not 1880 <= year <= 2100:
        raise ValueError(f"birth year {year} is out of range")
    return born, year
