"""Lower-case English words in an English line are no name; names and Norwegian lines stay."""

from __future__ import annotations

import pytest

from proxy.detection.detector import Detector
from recognizers.ner.english_turns import english_lexicon, is_english_phrase
from scripts.corpus.english_words import english_words


def _phrase(text: str, phrase: str) -> bool:
    start = text.index(phrase)
    return is_english_phrase(text, start, start + len(phrase))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("doctor: we will talk about sick leave eh sykemelding", "sick leave"),
        ("innringer: i need the eh p-pills prescription renewed and i have", "prescription"),
        ("doctor: so the echo shows your heart is weak\npatient: okay", "weak"),
        ("Hi, my husband has chest pain when he carries things at work.", "chest pain when"),
        ("He smoke 20/day. His father died of heart attack at 55.", "died"),
    ],
)
def test_english_words_in_english_lines_are_no_name(text: str, phrase: str) -> None:
    assert _phrase(text, phrase)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("pasient: min datter grace har feber i dag", "grace"),  # a Norwegian line
        ("sp: me har ikkje sett han i dag, is på vegen", "sett"),  # nynorsk ``me``, ``is``
        ("doctor: and this is your wife\npatient: yes ngozi, she is", "ngozi"),  # no English word
        ("patient: my son Mark has fever and he is tired", "Mark"),  # capitalised
        ("innringer: i need the pills and zhang said that it was ok", "zhang"),  # a known name
    ],
)
def test_names_and_norwegian_lines_stay(text: str, phrase: str) -> None:
    assert not _phrase(text, phrase)


def test_the_word_list_keeps_lower_case_words_only() -> None:
    lines = ["apple", "Apple", "don't", "x", "zebra", "café", "zebra"]
    assert english_words(lines) == ["apple", "zebra"]
    assert "leave" in english_lexicon() and "kari" not in english_lexicon()


@pytest.mark.parametrize(
    "text",
    [
        "doctor: yes we will talk about sick leave eh sykemelding\npatient: okay thank you",
        "12/02/2025, 10:01 - Dorota: Hi, my husband Grzegorz has chest pain when he carries "
        "things at work. His father died of heart attack at 55.",
    ],
)
def test_the_detector_leaves_english_turns_alone(detector: Detector, text: str) -> None:
    people = [text[f.start : f.end] for f in detector.detect(text) if f.entity_type == "PERSON"]
    assert not any(w in p for p in people for w in ("sick", "leave", "chest", "died")), people


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("patient: my daughter ruby has fever and she is not eating", "ruby"),
        ("patient: it is my son, his name is mark and he has a rash", "mark"),
    ],
)
def test_names_that_are_english_words_after_a_cue_stay(
    detector: Detector, text: str, name: str
) -> None:
    people = [text[f.start : f.end] for f in detector.detect(text) if f.entity_type == "PERSON"]
    assert name in people
