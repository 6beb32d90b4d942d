"""The rule pass over one text in parts, so that one message's rules run on two workers at once.

A single chat message (the c=1 case) is cut into units for the workers
(:mod:`proxy.detection.work_plan`): its rule pass and the stretches the model reads. The rule
pass cannot be cut by text (the recognizers read whole-text facts: chat style, a table's header
far above), and on a 2 KB message it takes longer than all the model's pieces together, so it
alone set the message's detection time. It can be cut by *recognizer*: each recognizer reads
the whole text and none reads another's findings, so running some of them on one worker and
the rest on another finds exactly what running all of them in one place finds.

:func:`split` deals the recognizers into :data:`RULE_PARTS` parts of about equal cost, by the
costs measured in :data:`COSTS`; each worker process builds the same recognizers in the same
order, so part ``k`` is the same set everywhere. A text shorter than :data:`SPLIT_MIN_CHARS`
keeps its rule pass whole: below it, a second hand-off would cost more than it saves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

RULE_PARTS = 2
"""Parts a text's rule pass may be cut into: one per worker on the 2-core machines sladd is
sized for."""
SPLIT_MIN_CHARS = 1_000
"""A text at least this long has its rule pass cut into parts (module docstring)."""
COSTS: Mapping[str, float] = {
    "PersonContextRecognizer": 3.3,
    "JournalnummerRecognizer": 1.4,
    "AddressRecognizer": 0.9,
    "FodselsnummerRecognizer": 0.6,
    "DateRecognizer": 0.6,
    "PhoneRecognizer": 0.5,
    "DateOfBirthRecognizer": 0.5,
    "AgeRecognizer": 0.4,
    "LocationRecognizer": 0.3,
    "PostnummerRecognizer": 0.25,
    "KontonummerRecognizer": 0.25,
}
"""Milliseconds of each recognizer's pass over a 2 KB bench message (``scripts.bench``'s chat
messages, in-process). Only the ratios matter. A recognizer not listed (the small ones,
custom YAML recognizers) costs :data:`DEFAULT_COST`."""
DEFAULT_COST = 0.1

R = TypeVar("R")


def split(recognizers: Sequence[R]) -> tuple[tuple[R, ...], ...]:
    """``recognizers`` dealt into :data:`RULE_PARTS` parts of about equal cost: the costliest
    first, each to the part with the least so far (ties to the lower part). Each part keeps
    the recognizers' own order. Deterministic: the same list gives the same parts."""
    loads = [0.0] * RULE_PARTS
    part_of: dict[int, int] = {}
    by_cost = sorted(range(len(recognizers)), key=lambda i: (-_cost(recognizers[i]), i))
    for i in by_cost:
        part = min(range(RULE_PARTS), key=lambda k: (loads[k], k))
        part_of[i] = part
        loads[part] += _cost(recognizers[i])
    return tuple(
        tuple(r for i, r in enumerate(recognizers) if part_of[i] == part)
        for part in range(RULE_PARTS)
    )


def part_chars(length: int, part: int) -> int:
    """The characters part ``part`` of the rule pass over a text of ``length`` counts for in
    costs and timings: an equal share, rounded so that the parts add up to ``length``."""
    return length * (part + 1) // RULE_PARTS - length * part // RULE_PARTS


def _cost(recognizer: object) -> float:
    return COSTS.get(type(recognizer).__name__, DEFAULT_COST)
