"""Names introduced by titles, roles, relatives and introductions (rules, without the NER)."""

from __future__ import annotations

import pytest

from recognizers.no.person import PersonContextRecognizer

RECOGNIZER = PersonContextRecognizer()

FOUND = [
    ("Pasient Kari Nordmann ble innlagt i går", ["Kari Nordmann"]),
    ("fastlege Hansen ringte tilbake", ["Hansen"]),
    ("hei, eg heiter kari nordmann og er mora til jonas", ["kari nordmann", "jonas"]),
    ("Write a letter to Dr. Ingrid van der Berg.", ["Ingrid van der Berg"]),
    ("kona til Per kom på besøk", ["Per"]),
    ("Mvh Ola", ["Ola"]),
    ("sønnen Ahmed Hassan Ali er pårørende", ["Ahmed Hassan Ali"]),
    ("Navn: Anne-Marie Nordmann-Hansen", ["Anne-Marie Nordmann-Hansen"]),
    ("Summarise the note for patient Ola Hansen", ["Ola Hansen"]),
    ("sjukepleiar Guri Haugland har vakt", ["Guri Haugland"]),
    ("Pas. Kari\nNordmann", ["Kari"]),  # a name does not continue across a line break
]
NOT_FOUND = [
    "Pasienten har Parkinsons sykdom og Downs syndrom",
    "datter mi ringte i går",
    "Pasient Er innlagt på avdelingen",
    "Send prøven til Bergen",
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def test_found(text: str, names: list[str]) -> None:
    found = [text[r.start : r.end] for r in RECOGNIZER.analyze(text)]
    assert found == names


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(text: str) -> None:
    found = [text[r.start : r.end] for r in RECOGNIZER.analyze(text)]
    assert found == []
