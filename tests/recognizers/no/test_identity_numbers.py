"""Fødselsnummer family, DUF, kontonummer, orgnr, KID and IBAN in running text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from proxy.detection.detector import Detector

Find = Callable[[str], list[tuple[str, str]]]

FOUND = [
    ("NO_FODSELSNUMMER", "Pasienten har fnr 13097210181.", "13097210181"),
    ("NO_FODSELSNUMMER", "Pasient 130972 10181 innlagt.", "130972 10181"),
    ("NO_FODSELSNUMMER", "ID: 130972-10181", "130972-10181"),
    ("NO_FODSELSNUMMER", "D-nummer 51017010054 (polsk statsborger)", "51017010054"),
    ("NO_FODSELSNUMMER", "Nyfødt, hjelpenummer 01498530040.", "01498530040"),
    ("NO_FODSELSNUMMER", "Testpasient 05819010058 fra Tenor", "05819010058"),
    ("NO_FODSELSNUMMER", "Testperson 01668510031", "01668510031"),
    ("NO_FODSELSNUMMER", "FH-nummer 81234560077 brukes inntil videre", "81234560077"),
    ("NO_FODSELSNUMMER", "Født 2032, fødselsnummer 15063250055", "15063250055"),
    ("NO_FODSELSNUMMER", "51456030185 er registrert", "51456030185"),
    ("NO_FODSELSNUMMER", "Fnr: 13097210182 (skrivefeil?)", "13097210182"),  # typo + context
    ("NO_FODSELSNUMMER", "personnummer 130972 10182", "130972 10182"),
    ("NO_DUF", "DUF-nummer 2016 123456 00", "2016 123456 00"),
    ("NO_DUF", "UDI sak 199900012302", "199900012302"),
    ("NO_DUF", "duf 202398765405", "202398765405"),
    ("NO_KONTONUMMER", "Betal til 1234.56.78903 innen fredag", "1234.56.78903"),
    ("NO_KONTONUMMER", "kontonr 8601 11 17947", "8601 11 17947"),
    ("NO_KONTONUMMER", "Kontonummer: 15031234562", "15031234562"),
    ("NO_KONTONUMMER", "Betal til 1234.56.78904", "1234.56.78904"),  # typo, account words
    ("NO_KONTONUMMER", "Overfør til konto 13097210181", "13097210181"),  # FNR-valid, konto context
    ("NO_ORGNR", "Fakturert til NO 974 760 673 MVA", "NO 974 760 673 MVA"),
    ("NO_ORGNR", "org.nr. 987654325", "987654325"),
    ("NO_ORGNR", "Enkeltpersonforetak 812 345 672", "812 345 672"),
    ("NO_KID", "KID: 1234567897", "1234567897"),
    ("NO_KID", "Bruk KID-nummer 998877665542 ved betaling", "998877665542"),
    ("NO_KID", "kid 12345674", "12345674"),
    ("NO_FODSELSNUMMER", "fnr.13097210181 mottatt", "13097210181"),  # glued to its label
    ("NO_FODSELSNUMMER", "Navn;Fnr;Tlf\nKari;13097210182;91234567", "13097210182"),  # CSV header
    ("NO_KONTONUMMER", "konto,KID,beløp\n15031234562,1234567897,1 250,00", "15031234562"),
    ("NO_KID", "konto;KID;beløp\n15031234562;1234567897;1 250,00", "1234567897"),
    ("NO_KID", "Husk KID ved betaling: 1234567897.", "1234567897"),
    ("NO_KID", "til konto 1234.56.78903 med KID 13097210181", "13097210181"),
    ("NO_ORGNR", "org.nr NO 974760673.", "NO 974760673"),
    ("IBAN_CODE", "IBAN NO93 8601 1117 947", "NO93 8601 1117 947"),
    ("IBAN_CODE", "til NO7112345678903.", "NO7112345678903"),
    ("IBAN_CODE", "iban: NO9386011117947", "NO9386011117947"),
]

NOT_FOUND = [
    "Fnr 00000000000",  # degenerate, even with context
    "Ordrenummer 13097210182 er sendt",  # checksum-invalid, no fødselsnummer context
    "Lot 24120550036, utløp 2027-03",
    "Referanse 12345678901",
    "DUF 201612345601",  # checksum-invalid DUF
    "Org 123456785 er ukjent",  # invalid orgnr
    "KID 1234567890",  # invalid KID
    "Fakturanr 1234567897",  # a KID-valid number without the word KID
    "IBAN NO9486011117947",  # wrong IBAN check digits
    "Se vedlegg 1234.56.78904",  # invalid kontonummer, no account words
    "Pakke 40001232 sendt",
]


@pytest.mark.parametrize(("entity", "text", "value"), FOUND)
def test_found(find: Find, entity: str, text: str, value: str) -> None:
    assert (entity, value) in find(text)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(find_structured: Find, text: str) -> None:
    assert find_structured(text) == []


def test_fnr_variant_and_checksum_in_metadata(rule_detector: Detector) -> None:
    text = "Testpasient 41857010009 og fnr 13097210182"
    fnr = {text[f.start : f.end]: f for f in rule_detector.detect(text)}
    assert fnr["41857010009"].metadata["variant"] == "d-nummer+synthetic-tenor"
    assert fnr["13097210182"].metadata["checksum"] == "invalid"
    assert fnr["13097210182"].score < fnr["41857010009"].score


def test_bare_fnr_is_fnr_not_kontonummer_without_account_words(find: Find) -> None:
    assert find("Ref 13097210181") == [("NO_FODSELSNUMMER", "13097210181")]


def test_grouped_account_layout_is_kontonummer_even_when_fnr_valid(find: Find) -> None:
    assert find("1309.72.10181") == [("NO_KONTONUMMER", "1309.72.10181")]
