"""Number patterns are tried only where a run of digits starts, and find the same matches.

:func:`recognizers.no.base.number_pattern` promises that every match of the pattern begins
at the first digit of a run of digits; :func:`recognizers.no.base.matches` relies on it to
skip every other position. Here each registered pattern is compared with a plain
``finditer`` over generated text dense in digits and separators, and over the corpora.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.no import base
from recognizers.registry import build_recognizers

DATA = Path(__file__).resolve().parents[2] / "data"
build_recognizers(None)  # imports every recognizer module, so all patterns are registered
PATTERNS = sorted(base._AT_DIGIT_RUNS, key=lambda p: p.pattern)
ALPHABET = "0123456789012345678901234567 -.,:/+()\nabcNOÅøKID_\t"


def _spans(found: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in found]


def test_every_number_recognizer_registers_its_patterns() -> None:
    assert len(PATTERNS) >= 10
    guards = (base.NUMBER_START, base.CHAIN_START, "(?<![\\w+])", "(?<![\\w+/-])")
    assert all(p.pattern.startswith(guards) for p in PATTERNS)


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[30:60])
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=80))
def test_same_matches_as_finditer(pattern: re.Pattern[str], text: str) -> None:
    assert _spans(base.matches(pattern, text)) == _spans(pattern.finditer(text))


CHAIN_BOUND = [
    (type(r).__name__, r.MIN_CHAIN_DIGITS, pattern)
    for r in build_recognizers(None)
    if isinstance(r, base.NorwegianRecognizer) and r.MIN_CHAIN_DIGITS
    for pattern in r.PATTERNS
]


@pytest.mark.parametrize(("name", "least", "pattern"), CHAIN_BOUND, ids=lambda v: str(v)[:30])
@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=ALPHABET + "MVA", max_size=80))
def test_every_match_holds_the_promised_chain(
    name: str, least: int, pattern: re.Pattern[str], text: str
) -> None:
    """``MIN_CHAIN_DIGITS`` lets a recognizer skip texts: none of its matches is shorter."""
    for match in pattern.finditer(text):
        assert base.longest_chain(match.group()) >= least, name


def test_same_matches_on_the_corpora() -> None:
    texts = [
        json.loads(line)["text"]
        for name in ("clinical_identifiers.jsonl", "clinical_identifiers_holdout.jsonl")
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    found = 0
    for pattern in PATTERNS:
        for text in texts:
            expected = _spans(pattern.finditer(text))
            assert _spans(base.matches(pattern, text)) == expected
            found += len(expected)
    assert found > 500


def test_a_pattern_that_breaks_the_promise_would_be_caught() -> None:
    """The comparison has teeth: a pattern that may start before a digit differs."""
    loose = re.compile(r"[a-z]?\d{3}")
    base._AT_DIGIT_RUNS[loose] = base._Starts()
    try:
        assert _spans(base.matches(loose, "ab123")) != _spans(loose.finditer("ab123"))
    finally:
        base._AT_DIGIT_RUNS.pop(loose)


@pytest.mark.parametrize(
    ("regex", "where", "text"),
    [
        (base.NUMBER_START + r"\d{5}", base._Starts(runs=(4,)), "tlf 12345"),
        (
            base.CHAIN_START + base.grouped_digits(4) + base.CHAIN_END,
            base._Starts(chain=3),
            "1 234",
        ),
    ],
)
def test_a_wrong_run_or_chain_promise_would_be_caught(
    regex: str, where: base._Starts, text: str
) -> None:
    wrong = re.compile(regex)
    base._AT_DIGIT_RUNS[wrong] = where
    try:
        assert _spans(base.matches(wrong, text)) != _spans(wrong.finditer(text))
    finally:
        base._AT_DIGIT_RUNS.pop(wrong)
