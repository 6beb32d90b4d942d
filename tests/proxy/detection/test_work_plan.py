"""Planning a big batch: bounded units, one long rule-pass unit per long text, and segments
whose model pieces are exactly those of the whole text."""

from __future__ import annotations

import itertools
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proxy.detection.work_plan import (
    CONTEXT_CHARS,
    CUT_WINDOW,
    UNIT_CHARS,
    piece,
    plan,
    segment_pieces,
    segments,
)
from recognizers.ner.engine import ner_spans

DENSE = "Kari Nordmann 13097248022 tlf 91234567. " * 5_000
CLINICAL = "\n".join(
    f"Pasient Ola Hansen ({n}) ble innlagt. Datteren Ingrid ringte! Hb 12,9 og INR 2,4?\n"
    "navn;telefon\nKari Nordmann;912 34 567"
    for n in range(600)
)
CHAT = (  # lower case, no sentence breaks the prefilter sees, no newlines
    "hei, jeg har hatt vondt i magen i tre dager nå og lurer på hva jeg skal gjøre med det. "
    "kona mi ingrid sier jeg må ringe legen. "
) * 300
RUN_ON = "Kari Nordmann og Ola Hansen og Per " * 800  # names throughout: one stretch


@pytest.mark.parametrize(
    ("text", "cut"),
    [(DENSE, True), (CLINICAL, True), (CHAT, True), (RUN_ON, False)],
    ids=["dense", "clinical", "chat", "run-on"],
)
def test_segments_give_exactly_the_pieces_of_the_whole_text(text: str, cut: bool) -> None:
    parts = segments(3, text)
    assert (len(parts) > 1) is cut
    found = [found for segment in parts for found in segment_pieces(segment)]
    assert found == [piece(3, text, start, end) for start, end in ner_spans(text)]


@pytest.mark.parametrize("text", [DENSE, CLINICAL, CHAT, RUN_ON])
def test_segments_cover_the_text_once(text: str) -> None:
    parts = segments(0, text)
    cores = [(s.offset + s.start, s.offset + s.end) for s in parts]
    assert cores[0][0] == 0 and cores[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cores))
    for s, (start, end) in zip(parts, cores, strict=True):
        assert s.context == text[max(0, start - CONTEXT_CHARS) : end + CONTEXT_CHARS]
    bounded = [end - start <= UNIT_CHARS + CUT_WINDOW for start, end in cores]
    assert all(bounded) is (text is not RUN_ON)


def test_a_long_text_is_one_long_rule_unit_and_bounded_model_units() -> None:
    units = plan(["kort", DENSE, "også kort"], workers=2, with_ner=True)
    long = [unit for unit in units if unit.long]
    assert [unit.texts for unit in long] == [[(1, DENSE)]]
    assert units[0] is long[0]  # sent first: it takes longest
    rest = [unit for unit in units if not unit.long]
    assert all(len(unit.segments) == 1 and not unit.texts for unit in rest[:-1])
    assert rest[-1].whole == [(0, "kort"), (2, "også kort")]


def test_many_short_texts_are_packed_into_bounded_units() -> None:
    texts = [f"Pasient nummer {n} har time i dag." * 20 for n in range(400)]
    units = plan(texts, workers=2, with_ner=True)
    assert not any(unit.long for unit in units)
    assert sorted(i for unit in units for i, _ in unit.whole) == list(range(len(texts)))
    assert all(sum(len(t) for _, t in unit.whole) <= UNIT_CHARS for unit in units)
    assert len(units) > 2


def test_a_segment_that_cannot_be_cut_is_a_long_unit() -> None:
    units = plan([RUN_ON], workers=2, with_ner=True)
    assert [(bool(unit.texts), bool(unit.segments), unit.long) for unit in units] == [
        (True, False, True),
        (False, True, True),
    ]


def test_without_the_model_a_long_text_is_its_rule_pass_only() -> None:
    assert [(unit.texts, unit.segments) for unit in plan([DENSE], 2, with_ner=False)] == [
        ([(0, DENSE)], [])
    ]


WORDS = ("og", "jeg", "har", "vondt", "i", "magen", "ringte", "912", "34", "567,")
NAMES = ("ingrid", "kari", "Hansen", "Per")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=1, max_size=60), st.integers(0, 2**32))
def test_cuts_between_words_leave_every_piece_as_it_was(gaps: list[int], seed: int) -> None:
    """Chat-style text with no sentence breaks: the cuts fall between words, anywhere from
    right next to a name to far from one."""
    rng, words = Random(seed), list[str]()
    while len(" ".join(words)) < 3 * (UNIT_CHARS + CUT_WINDOW):
        for gap in gaps:
            words += [rng.choice(WORDS) for _ in range(gap)] + [rng.choice(NAMES)]
    text = " ".join(words)
    found = [found for segment in segments(0, text) for found in segment_pieces(segment)]
    assert found == [piece(0, text, start, end) for start, end in ner_spans(text)]
