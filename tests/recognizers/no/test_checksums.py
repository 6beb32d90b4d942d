"""Checksum vectors, computed with sladd's own code and cross-checked with python-stdnum."""

from __future__ import annotations

import pytest
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.no import fodselsnummer as std_fnr
from stdnum.no import kontonr as std_konto
from stdnum.no import orgnr as std_orgnr

from recognizers.no import checksums

ORDINARY_D_H = [
    ("13097210181", "ordinary"),
    ("24120550035", "ordinary"),
    ("01018550063", "ordinary"),  # born 1885: individnummer 500-749, YY >= 54
    ("15055090022", "ordinary"),  # 900-series for the 1900s
    ("51017010054", "d-nummer"),
    ("71039920063", "d-nummer"),
    ("01498530040", "h-nummer"),
    ("15520360007", "h-nummer"),
    ("23458010080", "h-nummer"),  # NAV "Dolly" test number: month + 40
    ("51456030185", "d-nummer+h-nummer"),
]
BEYOND_STDNUM = [
    ("01668510031", "synthetic-nhn"),
    ("29770050055", "synthetic-nhn"),
    ("05819010058", "synthetic-tenor"),
    ("30929920054", "synthetic-tenor"),
    ("41857010009", "d-nummer+synthetic-tenor"),
    ("81234560077", "fh-nummer"),
    ("91234510024", "fh-nummer"),
    ("15063250055", "2032"),
    ("01013350007", "2032"),
    ("29023250029", "2032"),  # 29 February: leap in 1932 and 2032 — century unknown
    ("45073550037", "2032+d-nummer"),
]
INVALID_FNR = [
    "00000000000",  # passes both checksums: degenerate
    "11111111111",
    "13097210182",  # k2 off by one
    "24120550036",
    "32017010054",  # day 32 (and not a D-nummer)
    "01138530040",  # month 13
    "29022350029",  # 29 February 1923
    "80000000000",  # FH with an empty body
    "1309721018",  # ten digits
    "1309721018a",
]


@pytest.mark.parametrize(("number", "variant"), ORDINARY_D_H + BEYOND_STDNUM)
def test_valid_fnr_family(number: str, variant: str) -> None:
    verdict = checksums.validate_fnr(number)
    assert verdict is not None
    assert verdict.variant == variant


@pytest.mark.parametrize(("number", "variant"), ORDINARY_D_H)
def test_stdnum_agrees_on_what_it_knows(number: str, variant: str) -> None:
    assert std_fnr.is_valid(number), variant


@pytest.mark.parametrize(("number", "variant"), BEYOND_STDNUM)
def test_stdnum_does_not_know_fh_synthetic_or_2032(number: str, variant: str) -> None:
    assert not std_fnr.is_valid(number), variant


@pytest.mark.parametrize("number", INVALID_FNR)
def test_invalid_fnr(number: str) -> None:
    assert checksums.validate_fnr(number) is None


@pytest.mark.parametrize("first9", ["150632500", "010133500", "130972101"])
def test_2032_rule_accepts_exactly_remainders_0_to_3(first9: str) -> None:
    for k1 in range(10):
        for k2 in range(10):
            number = f"{first9}{k1}{k2}"
            expected = checksums.fnr_k1_remainder(number) in {0, 1, 2, 3} and (
                checksums.fnr_k2_valid(number)
            )
            assert (checksums.validate_fnr(number) is not None) == expected, number


@pytest.mark.parametrize("number", ["974760673", "987654325", "812345672", "923456783"])
def test_valid_orgnr(number: str) -> None:
    assert checksums.valid_orgnr(number)
    assert std_orgnr.is_valid(number)


@pytest.mark.parametrize("number", ["974760674", "123456785", "97476067", "000000000"])
def test_invalid_orgnr(number: str) -> None:
    assert not checksums.valid_orgnr(number)


@pytest.mark.parametrize("number", ["12345678903", "86011117947", "15031234562"])
def test_valid_kontonummer(number: str) -> None:
    assert checksums.valid_kontonummer(number)
    assert std_konto.is_valid(number)


@pytest.mark.parametrize("number", ["12345678904", "86011117940", "00000000000", "1234567890"])
def test_invalid_kontonummer(number: str) -> None:
    assert not checksums.valid_kontonummer(number)


def test_every_valid_fnr_is_also_a_valid_kontonummer() -> None:
    for number, _ in ORDINARY_D_H:
        assert checksums.valid_kontonummer(number)


@pytest.mark.parametrize("number", ["201612345600", "199900012302", "202398765405"])
def test_valid_duf(number: str) -> None:
    assert checksums.valid_duf(number)


@pytest.mark.parametrize("number", ["201612345601", "189912345600", "20161234560", "202398765415"])
def test_invalid_duf(number: str) -> None:
    assert not checksums.valid_duf(number)


@pytest.mark.parametrize("number", ["1234567897", "40001232", "998877665542", "12345674"])
def test_valid_kid(number: str) -> None:
    assert checksums.valid_kid(number)
    assert luhn.is_valid(number) or checksums.valid_kid_mod11(number)


@pytest.mark.parametrize("number", ["1234567890", "40001233", "1", "12345678901234567890123456"])
def test_invalid_kid(number: str) -> None:
    assert not checksums.valid_kid(number)


@pytest.mark.parametrize("iban", ["NO9386011117947", "NO71 1234 5678 903", "no9386011117947"])
def test_valid_norwegian_iban(iban: str) -> None:
    assert checksums.valid_norwegian_iban(iban)
    assert std_iban.is_valid(iban.upper())


@pytest.mark.parametrize("iban", ["NO9486011117947", "NO9386011117948", "DE89370400440532013000"])
def test_invalid_norwegian_iban(iban: str) -> None:
    assert not checksums.valid_norwegian_iban(iban)


@pytest.mark.parametrize("number", ["1234560", "9876545", "10000009"])
def test_hpr_plausible(number: str) -> None:
    assert checksums.valid_hpr(number)


@pytest.mark.parametrize("number", ["1234568", "123456", "1234567890"])
def test_hpr_implausible(number: str) -> None:
    assert not checksums.valid_hpr(number)


@pytest.mark.parametrize(
    "number",
    [
        "13097248023",  # ordinary date, check digits wrong
        "53097248023",  # D-nummer: day + 40
        "13497248023",  # H-nummer: month + 40
        "13779048023",  # Norsk helsenett synthetic: month + 65
        "13899048023",  # Tenor synthetic: month + 80
        "29020048023",  # 29 February 2000
    ],
)
def test_fnr_date_plausible(number: str) -> None:
    assert checksums.fnr_date_plausible(number)
    assert checksums.validate_fnr(number) is None


@pytest.mark.parametrize(
    "number",
    ["32097248023", "13137248023", "00097248023", "72097248023", "29027148023", "1309724802"],
)
def test_fnr_date_implausible(number: str) -> None:
    assert not checksums.fnr_date_plausible(number)
