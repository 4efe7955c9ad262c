"""Country codes and vehicle signs folded to the ICAO code."""

from __future__ import annotations

import pytest

from inspection_client.watchlist.countries import ISO_ALPHA2, VEHICLE_SIGNS, icao_code
from inspection_client.watchlist.normalise import state_key


@pytest.mark.parametrize(
    ("written", "icao"),
    [
        ("CN", "CHN"), ("KZ", "KAZ"), ("KG", "KGZ"), ("TJ", "TJK"), ("UZ", "UZB"),
        ("PK", "PAK"), ("AF", "AFG"), ("MN", "MNG"), ("RU", "RUS"), ("IN", "IND"),
        ("NP", "NPL"), ("US", "USA"), ("GB", "GBR"), ("FR", "FRA"), ("CH", "CHE"),
        ("AT", "AUT"), ("ES", "ESP"), ("CL", "CHL"), ("TW", "TWN"), ("HK", "HKG"),
        ("MO", "MAC"), ("IR", "IRN"), ("TM", "TKM"), ("AE", "ARE"), ("KR", "KOR"),
        ("KP", "PRK"), ("JP", "JPN"), ("TR", "TUR"), ("UA", "UKR"), ("BY", "BLR"),
        # Vehicle signs of the region and common visitors.
        ("KS", "KGZ"), ("MGL", "MNG"), ("RC", "TWN"), ("NEP", "NPL"), ("ROK", "KOR"),
        ("UK", "GBR"), ("A", "AUT"), ("F", "FRA"), ("J", "JPN"),
        # Germany is D in every MRZ.
        ("D", "D"), ("DE", "D"), ("DEU", "D"), ("D<<", "D"),
        # ICAO codes are kept, unknown codes as written.
        ("CHN", "CHN"), ("KAZ", "KAZ"), ("UTO", "UTO"), ("XXA", "XXA"), ("GBD", "GBD"),
        ("cn", "CHN"), (" kz ", "KAZ"),
    ],
)  # fmt: skip
def test_country_codes_fold_to_the_icao_code(written: str, icao: str) -> None:
    assert state_key(written) == icao


def test_a_vehicle_sign_never_overrides_an_iso_code() -> None:
    # Sri Lanka's sign CL is Chile's ISO code, Burundi's RU is Russia's: ISO wins.
    iso3 = set(ISO_ALPHA2.values())
    for sign, country in VEHICLE_SIGNS.items():
        assert sign not in ISO_ALPHA2, sign
        assert sign not in iso3 or country == sign, sign


def test_every_iso_code_is_two_letters_to_three() -> None:
    assert len(ISO_ALPHA2) == 249
    assert all(len(a2) == 2 and len(a3) == 3 for a2, a3 in ISO_ALPHA2.items())
    assert len(set(ISO_ALPHA2.values())) == len(ISO_ALPHA2)
    assert icao_code("ZZ") == "ZZ"
