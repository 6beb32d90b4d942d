"""A lone capitalised first name the model reads as a place or organisation is a person."""

from __future__ import annotations

import pytest

from proxy.detection.detector import Detector
from recognizers.ner.given_names import is_given_name_only


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Hjemmetjenesten. Oddvar i Fjellveien 3", "Oddvar", True),
        ("ikke samme familie som Juliane):", "Juliane", True),
        ("ring Anne-Lise i morgen", "Anne-Lise", True),
        ("Henvist fra NAV i dag", "NAV", False),  # capitals: an organisation's shape
        ("samtale med Hansen om", "Hansen", False),  # a surname: as often a firm or a farm
        ("Turist fra Berlin, 58 år", "Berlin", False),  # after a preposition of place
        ("far er frå Manila.", "Manila", False),
        ("Moren bor i Manila", "Manila", False),
        ("Oppmøte Haukeland kl 8", "Haukeland", False),  # a place and a surname
        ("tar Paracet ved behov", "Paracet", False),
    ],
)
def test_lone_first_names(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert is_given_name_only(text, start, start + len(word)) is expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Hei, dette er Bjørg fra Hjemmetjenesten. Oddvar i Fjellveien 3 har sluttet å ta "
            "medisinene.",
            "Oddvar",
        ),
        ("- Arius, Bent (ikke samme familie som Juliane): K-318820", "Juliane"),
    ],
)
def test_the_detector_finds_them(detector: Detector, text: str, name: str) -> None:
    people = [text[f.start : f.end] for f in detector.detect(text) if f.entity_type == "PERSON"]
    assert name in people


@pytest.mark.parametrize(
    "text",
    [
        "Kvaløya. Far er frå Manila. Barnehagen meldte bekymring.",
        "Turist fra Berlin, 58 år, falt under fottur i Jotunheimen.",
        "Moren bor i Manila og er syk, pasienten reiser dit i mai.",
    ],
)
def test_towns_named_like_people_stay_places(detector: Detector, text: str) -> None:
    people = [text[f.start : f.end] for f in detector.detect(text) if f.entity_type == "PERSON"]
    assert "Manila" not in people and "Berlin" not in people
