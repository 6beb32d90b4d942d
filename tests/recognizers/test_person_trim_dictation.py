"""Trimming the model's PERSON spans in dictated and spoken text (issue 17, round 3):
dictated punctuation (``Punktum``) ends a name and is never one; a spoken number is never a
name, capitalised or not. Each vector marks the model's span with ``⟦ ⟧`` and lists the
parts that must remain. Every example is invented."""

from __future__ import annotations

import pytest

from recognizers.ner.person_trim import trim_person


def _trimmed(marked: str) -> list[str]:
    start = marked.index("⟦")
    end = marked.index("⟧") - 1
    text = marked.replace("⟦", "").replace("⟧", "")
    return [text[a:b] for a, b in trim_person(text, start, end)]


DICTATION: list[tuple[str, list[str]]] = [
    ("lege: eg dikterer ⟦Punktum⟧ Pasient", []),
    ("Pasient ⟦Oddveig Strandli Punktum⟧ Innlagt", ["Oddveig Strandli"]),
    ("⟦Komma Torleif Brusdal Komma⟧ født", ["Torleif Brusdal"]),
    ("⟦Bindestrek Aud⟧ er her", ["Aud"]),
    ("⟦Brusdal Punktum Atrieflimmer Punktum⟧ Ny linje", ["Brusdal"]),
    ("⟦Spørsmålstegn⟧", []),
]

SPOKEN_NUMBERS: list[tuple[str, list[str]]] = [
    ("Pasient: ⟦Sekstiåtte⟧", []),
    ("Lege: alder? Pasient: ⟦Nittito⟧ år", []),
    ("⟦Førtifem Kari Lunde⟧", ["Kari Lunde"]),
    ("⟦Tolv Ingvild⟧", ["Ingvild"]),
]

SPOKEN_AND_ROTA_WORDS: list[tuple[str, list[str]]] = [
    ("ja takk ⟦hils⟧ til Ragna", []),
    ("⟦Hels⟧ heim", []),
    ("⟦Turnus⟧: Ingvild", []),
]


@pytest.mark.parametrize(("marked", "expected"), DICTATION)
def test_dictated_punctuation_ends_names(marked: str, expected: list[str]) -> None:
    assert _trimmed(marked) == expected


@pytest.mark.parametrize(("marked", "expected"), SPOKEN_NUMBERS)
def test_spoken_numbers_are_not_names(marked: str, expected: list[str]) -> None:
    assert _trimmed(marked) == expected


@pytest.mark.parametrize(("marked", "expected"), SPOKEN_AND_ROTA_WORDS)
def test_greetings_and_rota_words_are_not_names(marked: str, expected: list[str]) -> None:
    assert _trimmed(marked) == expected
