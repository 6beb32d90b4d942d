"""A text's rule pass cut by recognizer: the parts find what the whole pass finds."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proxy.detection.detector import Detector
from proxy.detection.rule_parts import (
    COSTS,
    DEFAULT_COST,
    RULE_PARTS,
    SPLIT_MIN_CHARS,
    part_chars,
    split,
)
from proxy.detection.work_plan import plan
from recognizers.registry import build_recognizers

MIXED = (
    "Pasient Kari Nordmann (fnr 13097210181) bor i Storgata 5, 0155 Oslo, tlf 912 34 567.\n"
    "Fastlege Hansen henviste. Journalnr 1234567. Konto 1234.56.78903, kari@example.no.\n"
    "| Navn | Tlf |\n| Vold, Tobias | 48 12 34 56 |\n"
    "lege: hei svitlana sett deg\npasient: ring meg på fire en fire nittiåtte fem tre sju\n"
)


def _cost(recognizer: object) -> float:
    return COSTS.get(type(recognizer).__name__, DEFAULT_COST)


def test_the_parts_hold_every_recognizer_once_in_its_order_and_balance_their_cost() -> None:
    recognizers = build_recognizers()
    parts = split(recognizers)
    assert len(parts) == RULE_PARTS
    assert sorted(map(id, (r for part in parts for r in part))) == sorted(map(id, recognizers))
    for part in parts:
        positions = [recognizers.index(r) for r in part]
        assert positions == sorted(positions)
    loads = [sum(map(_cost, part)) for part in parts]
    assert max(loads) - min(loads) <= max(map(_cost, recognizers))
    assert split(recognizers) == parts  # deterministic: every worker builds the same parts


@pytest.mark.parametrize("text", [MIXED, MIXED.lower(), MIXED.upper(), "ok", "Kari", MIXED * 3])
def test_the_parts_together_find_what_the_whole_rule_pass_finds(text: str) -> None:
    detector = Detector(build_recognizers())
    whole = detector.rules(text)
    parts = [f for part in range(RULE_PARTS) for f in detector.rules(text, part)]
    assert whole or text == "ok"  # something to compare: every text but "ok" holds a finding
    assert Counter(parts) == Counter(whole)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 100_000))
def test_part_characters_add_up_to_the_text(length: int) -> None:
    shares = [part_chars(length, part) for part in range(RULE_PARTS)]
    assert sum(shares) == length
    assert max(shares) - min(shares) <= 1


def test_a_long_message_has_its_rule_pass_cut_over_the_workers() -> None:
    text = (MIXED * 4)[: SPLIT_MIN_CHARS + 50]
    units = plan([text], 2, with_ner=True)
    parts = sorted(part for unit in units for _, _, part in unit.rule_parts)
    assert parts == list(range(RULE_PARTS))
    assert all(len({p for _, _, p in unit.rule_parts}) <= 1 for unit in units)  # apart
    assert not any(unit.texts for unit in units)


def test_a_short_text_one_worker_or_busy_workers_keep_the_pass_whole() -> None:
    long = (MIXED * 4)[: SPLIT_MIN_CHARS + 50]
    short = long[: SPLIT_MIN_CHARS - 1]
    for units in (plan([short], 2, with_ner=True), plan([long], 1, with_ner=True)):
        assert not any(unit.rule_parts for unit in units)
        assert [index for unit in units for index, _ in unit.texts] == [0]
    (busy,) = plan([long], 2, with_ner=True, busy=True)
    assert busy.whole == [(0, long)] and not busy.rule_parts
