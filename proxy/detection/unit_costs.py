"""What a unit of detection work costs, learned from the detection workers' own timings.

A long message is cut into units for the workers (:func:`proxy.detection.work_plan.plan`): the
rule pass over each text, and the stretches the NER model must read. The plan balances the
workers by estimated cost, and the unit that also runs the rule pass is the one that
finishes last when the estimate is off; a fixed estimate is off on any machine but the one it
was measured on.

Every model call has a fixed cost (small matrix products and per-call overheads) besides its
cost per character. When a message is shared, every worker that gets pieces pays the fixed cost
once, so it does not change which split is balanced; what does is the *marginal* cost per
character of a piece relative to the rule pass's cost per character of text. Dividing a unit's
model time by its characters would count the fixed cost in; so :class:`UnitCosts` fits
``seconds = fixed + per_char * chars`` over the units the workers report (weighted least
squares, older units weighing less), and divides the slope by the rule pass's seconds per
character. Until enough units have been seen it answers with :data:`PRIOR_PIECE_COST`, measured
on the project's machine.

Only timings and character counts are kept: nothing of any text.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

PRIOR_PIECE_COST = 2.3
"""A model piece's cost per character relative to the rule pass's, measured with this
model on the project's 2-core machine (2 KB messages split best with 2.2-2.5)."""
MIN_UNITS = 20.0
"""Units with pieces (decayed weight) needed before the fit is used instead of the prior."""
DECAY = 0.99
"""Weight kept by earlier units at each new one: about the last few hundred units count."""
LOWEST, HIGHEST = 0.5, 10.0
"""The learned cost is kept within these bounds, whatever the timings say."""


@dataclass(frozen=True, slots=True)
class UnitTimes:
    """How long one worker took for one unit: its rule passes and its model pieces."""

    rule_chars: int
    rule_seconds: float
    piece_chars: int
    piece_seconds: float


class UnitCosts:
    """The relative cost of model pieces, fitted to reported :class:`UnitTimes`; thread-safe."""

    def __init__(self, prior: float = PRIOR_PIECE_COST, decay: float = DECAY) -> None:
        self._prior = prior
        self._decay = decay
        self._lock = threading.Lock()
        self._rule_chars = self._rule_seconds = 0.0
        # Weighted sums for the line seconds = fixed + per_char * chars over model units.
        self._n = self._x = self._y = self._xx = self._xy = 0.0

    def observe(self, times: UnitTimes) -> None:
        """Count one unit's timings in."""
        with self._lock:
            if times.rule_chars > 0:
                self._rule_chars = self._rule_chars * self._decay + times.rule_chars
                self._rule_seconds = self._rule_seconds * self._decay + times.rule_seconds
            if times.piece_chars > 0:
                x, y, keep = float(times.piece_chars), times.piece_seconds, self._decay
                self._n = self._n * keep + 1.0
                self._x = self._x * keep + x
                self._y = self._y * keep + y
                self._xx = self._xx * keep + x * x
                self._xy = self._xy * keep + x * y

    def piece_cost(self) -> float:
        """A piece's cost per character, in rule-pass characters: the fitted marginal model
        cost over the rule pass's cost, within ``[LOWEST, HIGHEST]``; the prior until
        :data:`MIN_UNITS` model units and some rule passes have been seen, or if the units
        were all of one size."""
        with self._lock:
            n, x, y, xx, xy = self._n, self._x, self._y, self._xx, self._xy
            rule_chars, rule_seconds = self._rule_chars, self._rule_seconds
        spread = n * xx - x * x
        if n < MIN_UNITS or rule_chars <= 0 or rule_seconds <= 0 or spread <= 1e-9 * n * xx:
            return self._prior
        per_char = (n * xy - x * y) / spread
        return min(HIGHEST, max(LOWEST, per_char / (rule_seconds / rule_chars)))
