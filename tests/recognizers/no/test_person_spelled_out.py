"""Names spelled out letter by letter, and the words they spell
(:mod:`recognizers.no.person_spelled_out`), read by the shipped detector on the text as
written. Every name below is made up."""

from __future__ import annotations

import random
import re

import pytest

from proxy.detection.detector import Detector
from recognizers.no.person_spelled_out import spelled_out_names


def _found(text: str) -> list[str]:
    return sorted(text[start:end] for start, end, _, _ in spelled_out_names(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "S2: nei ruta r u t a petrauskiene\nS1: ok ruta",
            ["r u t a", "ruta", "ruta"],
        ),
        (
            "pasient: ghebremedhin\nlege: kan du stave det\npasient: g h e b r e m e d h i n",
            ["g h e b r e m e d h i n", "ghebremedhin"],
        ),
        ("innringer: al-sayed a l bindestrek s a y e d", ["a l bindestrek s a y e d", "al-sayed"]),
        (
            "kunde: t som i tore r som i rikard a som i anna n som i nils\nkontor: Tran ja",
            ["Tran", "t som i tore r som i rikard a som i anna n som i nils"],
        ),
        ("pasient: H-U-S-S-A-I-N med to s", ["H-U-S-S-A-I-N"]),
    ],
)
def test_spelled_runs_and_the_words_they_spell(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Taler 2: ja det va æ, æ e dattera te hu gunvor",  # dialect ``æ`` (I), no consonant
        "pasient: paracet p a r a c e t",  # a known drug spelled
        "det er en og to og tre",  # no single letters
        "vi tar crp og hb i dag",
    ],
)
def test_no_names(text: str) -> None:
    assert _found(text) == []


def test_the_detector_finds_the_spelled_name_everywhere(detector: Detector) -> None:
    text = "S1: hva var navnet\nS2: ruta\nS1: rita\nS2: nei ruta r u t a petrauskiene\nS1: ok"
    people = {(f.start, f.end) for f in detector.detect(text) if f.entity_type == "PERSON"}
    for start in (text.index("ruta"), text.index("ruta r"), text.index("r u t a")):
        word = "r u t a" if text.startswith("r u t a", start) else "ruta"
        assert any(s <= start and start + len(word) <= e for s, e in people), (word, people)


def test_no_spelled_name_stays_in_the_regex_cache() -> None:
    name = "".join(random.choice("bcdfghjklmnp") + "a" for _ in range(5))
    text = f"pasient: {name}\nlege: kan du stave det\npasient: {' '.join(name)}"
    assert name in _found(text)
    cached = re._cache  # type: ignore[attr-defined]  # Python's compiled-pattern cache
    assert not any(name in str(key) for key in cached), "a name outlives the request in re"
