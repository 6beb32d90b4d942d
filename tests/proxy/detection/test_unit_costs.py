"""The piece cost the detection plan uses is the model's marginal cost, learned from timings."""

from __future__ import annotations

import random

from proxy.detection.unit_costs import HIGHEST, LOWEST, MIN_UNITS, PRIOR_PIECE_COST, UnitCosts
from proxy.detection.unit_costs import UnitTimes as Times

RULE_SECONDS_PER_CHAR = 1.5e-6
FIXED_SECONDS = 0.7e-3


def _units(costs: UnitCosts, per_char: float, count: int, seed: int = 1) -> None:
    """``count`` reported units: a 2 KB rule pass, and pieces costing a fixed part plus
    ``per_char`` rule-pass characters' worth per character, with a little noise."""
    rng = random.Random(seed)
    for _ in range(count):
        chars = rng.randint(100, 900)
        model = FIXED_SECONDS + chars * per_char * RULE_SECONDS_PER_CHAR
        rules = 2000 * RULE_SECONDS_PER_CHAR
        costs.observe(Times(2000, rules * rng.uniform(0.97, 1.03), chars, model))
        costs.observe(Times(0, 0.0, chars, model * rng.uniform(0.97, 1.03)))


def test_the_prior_until_enough_units_were_seen() -> None:
    costs = UnitCosts()
    assert costs.piece_cost() == PRIOR_PIECE_COST
    _units(costs, 4.0, int(MIN_UNITS) // 2 - 1)
    assert costs.piece_cost() == PRIOR_PIECE_COST
    _units(costs, 4.0, int(MIN_UNITS))
    assert costs.piece_cost() != PRIOR_PIECE_COST


def test_the_fixed_cost_per_model_call_is_not_counted_per_character() -> None:
    costs = UnitCosts()
    _units(costs, 2.0, 200)
    assert abs(costs.piece_cost() - 2.0) < 0.1
    # Model seconds per character over rule seconds per character would say ~2.9 here.


def test_it_follows_a_change_in_speed() -> None:
    costs = UnitCosts()
    _units(costs, 2.0, 300)
    _units(costs, 5.0, 600, seed=2)
    assert abs(costs.piece_cost() - 5.0) < 0.25


def test_units_all_of_one_size_leave_the_prior() -> None:
    costs = UnitCosts()
    for _ in range(100):
        costs.observe(Times(2000, 3e-3, 500, 2e-3))
    assert costs.piece_cost() == PRIOR_PIECE_COST


def test_without_rule_passes_the_prior_stays() -> None:
    costs = UnitCosts()
    for chars in range(100, 1000, 10):
        costs.observe(Times(0, 0.0, chars, 1e-3 + chars * 3e-6))
    assert costs.piece_cost() == PRIOR_PIECE_COST


def test_the_learned_cost_stays_within_bounds() -> None:
    cheap, dear = UnitCosts(), UnitCosts()
    _units(cheap, 0.01, 100)
    _units(dear, 50.0, 100)
    assert cheap.piece_cost() == LOWEST
    assert dear.piece_cost() == HIGHEST
