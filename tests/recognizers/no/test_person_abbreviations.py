"""Abbreviations at the edges of name spans (:mod:`recognizers.no.person_abbreviations`), and
what the shipped detector then finds. Every name below is made up."""

from __future__ import annotations

import pytest

from proxy.detection.detector import Detector
from recognizers.no.person_abbreviations import is_abbreviation, without_abbreviations


@pytest.mark.parametrize(
    ("word", "expected"),
    [("BPA", True), ("ICU", True), ("OLE", False), ("LIE", False), ("Ida", False)],
)
def test_two_or_three_capitals_that_are_no_name(word: str, expected: bool) -> None:
    assert is_abbreviation(word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BPA iselin", "iselin"),
        ("Evensen, ICU", "Evensen"),
        ("ICU", None),
        ("OLE HANSEN", "OLE HANSEN"),
        ("Kari LIE", "Kari LIE"),
    ],
)
def test_cut_from_the_ends(text: str, expected: str | None) -> None:
    span = without_abbreviations(text, 0, len(text))
    assert (None if span is None else text[span[0] : span[1]]) == expected


@pytest.mark.parametrize(
    ("text", "name", "abbreviation"),
    [
        ("jeg er hennes BPA iselin. hun bor alene", "iselin", "BPA"),
        ("03:00\t4410\tpårørende til Evensen, ICU\n03:05\tSkjult nummer", "Evensen", "ICU"),
    ],
)
def test_the_detector_keeps_the_abbreviation_and_finds_the_name(
    detector: Detector, text: str, name: str, abbreviation: str
) -> None:
    people = [text[f.start : f.end] for f in detector.detect(text) if f.entity_type == "PERSON"]
    assert any(name in span for span in people), people
    assert not any(abbreviation in span for span in people), people
