"""Keyed hashes of feedback values: normal forms, candidate spans, recognition again."""

from __future__ import annotations

import pytest

from proxy.detection.detector import Detector
from recognizers.feedback_hashes import (
    RECOGNIZER_NAME,
    FeedbackHashes,
    candidate_spans,
    digest,
    normalised,
    recognisable,
)
from recognizers.registry import build_recognizers

KEY = bytes(range(32))


@pytest.mark.parametrize(
    ("written", "form"),
    [
        ("Tussa", "tussa"),
        ("  TUSSA\t", "tussa"),
        ("Anne-Marie  Berg", "anne marie berg"),
        ("anne\u2013marie berg", "anne marie berg"),  # en dash
        ("Ａｎｎｅ Berg", "anne berg"),  # fullwidth
        ("An\u200bne Berg", "anne berg"),  # zero-width space
        ("Ståle Øvrebø", "ståle øvrebø"),
        ("912 34 567", "91234567"),
        ("912.34.567", "91234567"),
        ("+47 912-34-567", "4791234567"),
        ("1234.56.78903", "12345678903"),
        ("SNV-2023-004512", "snv 2023 004512"),
        ("--", ""),
    ],
)
def test_normalised(written: str, form: str) -> None:
    assert normalised(written) == form


def test_digest_is_keyed_and_follows_the_normal_form() -> None:
    assert digest(KEY, "Anne-Marie Berg") == digest(KEY, "ANNE MARIE   berg")
    assert digest(KEY, "Tussa") != digest(bytes(32), "Tussa")
    assert b"tussa" not in digest(KEY, "Tussa")


def test_candidate_spans_are_word_runs_joined_by_separators() -> None:
    text = "Ring Anne-Marie Berg på 912 34 567.\nTussa"
    spans = {text[s:e] for s, e in candidate_spans(text)}
    assert {"Anne-Marie Berg", "Anne", "912 34 567", "Tussa", "Ring Anne-Marie Berg"} <= spans
    assert "Ring Anne-Marie Berg på" not in spans  # five words
    assert not any("\n" in span for span in spans)
    digits = "tlf +47 91 23 45 67"
    assert "47 91 23 45 67" in {digits[s:e] for s, e in candidate_spans(digits)}


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("Tussa", True),
        ("Anne-Marie Berg", True),
        ("+47 91 23 45 67", True),
        ("en to tre fire", True),
        ("en to tre fire fem", False),
        ("Tussa.", True),
        ("...", False),
    ],
)
def test_recognisable(value: str, ok: bool) -> None:
    assert recognisable(value) is ok


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Tussa er lei seg.", "Tussa"),
        ("Hun heter TUSSA.", "TUSSA"),
        ("Tussa-saken", "Tussa"),
        ("ring 41 23 45 67 i dag", "41 23 45 67"),
        ("ring 41234567 i dag", "41234567"),
        ("ring 41.23.45.67 i dag", "41.23.45.67"),
        ("Anne  Marie Berg kom", "Anne  Marie Berg"),
    ],
)
def test_missed_values_are_found_again_through_the_detector(text: str, span: str) -> None:
    missed = {
        "PERSON": [digest(KEY, "Tussa"), digest(KEY, "Anne-Marie Berg")],
        "NO_LOCAL_ID": [digest(KEY, "41 23 45 67")],
    }
    detector = Detector(build_recognizers(None, FeedbackHashes(KEY, (), missed)))
    found = [f for f in detector.detect(text) if f.recognizer == RECOGNIZER_NAME]
    assert [text[f.start : f.end] for f in found] == [span]
    assert found[0].score == 1.0


def test_no_recognizer_without_missed_values_and_no_key_in_repr() -> None:
    hashes = FeedbackHashes(KEY, [digest(KEY, "Tussa")])
    assert hashes.recognizer() is None
    assert len(build_recognizers(None, hashes)) == len(build_recognizers())
    assert hashes.is_allowed("tussa")
    assert not hashes.is_allowed("Tuss")
    assert KEY.hex() not in repr(hashes)
    assert repr(KEY) not in repr(hashes)
