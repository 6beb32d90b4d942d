"""AGE: a person's age found, durations and doses left alone (issue 18)."""

from __future__ import annotations

import pytest

from recognizers.no.ages import AgeRecognizer

RECOGNIZER = AgeRecognizer()


def found(text: str) -> list[tuple[str, str]]:
    results = sorted(RECOGNIZER.analyze(text, ["AGE"], None), key=lambda r: r.start)
    return [(text[r.start : r.end], str(r.recognition_metadata["years"])) for r in results]


FOUND = [
    ("Mann, 46 år, innlagt med brystsmerter", "46 år", "46"),
    ("Pasienten er 46 år gammel", "46 år gammel", "46"),
    ("Ho er 46 år gamal", "46 år gamal", "46"),
    ("En 46-årig mann", "46-årig", "46"),
    ("46 årig kvinne", "46 årig", "46"),
    ("den 46-årige mannen", "46-årige", "46"),
    ("Henvist en 46-åring", "46-åring", "46"),
    ("46 åring med feber", "46 åring", "46"),
    ("46-åringen ble lagt inn", "46-åringen", "46"),
    ("kvinne i 60-årene", "60-årene", "60"),
    ("mann i 60-åra", "60-åra", "60"),
    ("tidlig i 30-årsalderen", "30-årsalderen", "30"),
    ("Gutt, fire år gammel", "fire år gammel", "4"),
    ("hun er sekstiåtte år", "sekstiåtte år", "68"),
    ("Fire år gammel gutt", "Fire år gammel", "4"),
    ("hundre og to år gammel", "hundre og to år gammel", "102"),
    ("en seksåring med otitt", "seksåring", "6"),
    ("Jente 19 måneder", "19 måneder", "1"),
    ("19 mnd gammel gutt", "19 mnd gammel", "1"),
    ("3 uker gammel", "3 uker gammel", "0"),
    ("Debuterte i 30 års alder", "30 års alder", "30"),
    ("debut i en alder av 30", "30", "30"),
    ("Alder: 46", "46", "46"),
    ("alder: 46, mann", "46", "46"),
    ("Alder/kjønn: 46/M", "46", "46"),
    ("alder 46 år", "46 år", "46"),
    ("Han fylte 46 i fjor", "46", "46"),
    ("46 y.o. male", "46 y.o.", "46"),
    ("a 46-year-old woman", "46-year-old", "46"),
    ("He is 46 years old", "46 years old", "46"),
    ("pasienter over 65 år", "65 år", "65"),
    ("hun er snart 46 år", "46 år", "46"),
    ("Hun er 1,5 år", "1,5 år", "1"),
    ("Pasient 94 år", "94 år", "94"),
    ("har fulgt henne sidan 19 måneder alder", "19 måneder", "1"),
    ("gjekk fyrst ved 22 månader", "22 månader", "1"),
    ("Vesle Eldar (3 mnd) har sove", "3 mnd", "0"),
]


@pytest.mark.parametrize(("text", "value", "years"), FOUND)
def test_found(text: str, value: str, years: str) -> None:
    assert found(text) == [(value, years)]


def test_unit_in_metadata() -> None:
    results = RECOGNIZER.analyze("Jente 19 måneder, bror i 60-årene", ["AGE"], None)
    units = sorted(str(r.recognition_metadata["unit"]) for r in results)
    assert units == ["decade", "month"]


NOT_FOUND = [
    # durations
    "Operert for 2 år siden",
    "2 år siden sist",
    "Har røykt i fire år",
    "behandlet i 3 år",
    "Smerter i 10 år.",
    "i ca. 3 år",
    "kontroll om 2 år",
    "3 år senere kom hun tilbake",
    "etter 5 år",
    "to år på rad",
    "de siste to år",
    "sykemeldt i 19 måneder",
    "3 uker",
    "om 3 uker",
    "en 3-årig utdanning",
    "5-årig oppfølging",
    "Daglig bruk av amfetamin siden 3 år.",
    "Mor: Kari, tlf 908 07 516; far: Ola\nVektstagnasjon siste 6 mnd, vekt 12,4 kg",
    "i løpet av tre år",
    # doses, years, measurements, eras
    "Paracet 5 mg",
    "år 2012",
    "i 2012",
    "alder 46 kg",
    "på 60-årene",
    "1960-årene",
    "150 år gammel",
    "2-3 år",
    "Vekt 82 kg, høyde 180 cm",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(text: str) -> None:
    assert found(text) == []


def test_number_without_label_is_no_age() -> None:
    assert found("Hb 46, CRP 12") == []


@pytest.mark.parametrize(
    "text",
    ["Mann 45 år med Bechterews sykdom.", "Barn 2 år til vaksinasjon.", "Pasient 3 år med feber."],
)
def test_an_age_right_after_a_person_word_is_an_age_whatever_follows(text: str) -> None:
    assert AgeRecognizer().analyze(text, ["AGE"], None)
