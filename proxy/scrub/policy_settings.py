"""The ``[policy]`` settings section: thresholds, the allow list and each type's action.

:mod:`proxy.scrub.policy` applies it; :mod:`proxy.settings` reads it from the config file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from proxy.support.toml_binding import validator

ACTIONS = (
    *("pseudonymise", "redact", "block", "allow", "shift", "generalise"),
    *("mask", "hash", "keep", "replace"),
)
"""sladd's actions, then Presidio's operator names: ``mask``, ``hash``, ``keep`` (``allow``)
and ``replace`` (``redact``); :mod:`proxy.scrub.operators` runs each as a Presidio operator."""
SHIFTABLE = frozenset({"DATE", "DATE_OF_BIRTH"})
"""The entity types ``shift`` applies to (dates); ``generalise`` applies to ``AGE`` only."""
_PARTIAL_ACTIONS = ("allow", "pseudonymise", "redact", "block", "mask", "hash", "keep", "replace")
_ENTITY_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


def _action(value: str) -> str | None:
    return None if value in ACTIONS else f"{value!r} is not one of {', '.join(ACTIONS)}"


def _actions(value: Mapping[str, str]) -> str | None:
    for entity, action in value.items():
        problem = _entity(entity) or _action(action) or _fits_type(entity, action)
        if problem:
            return f"{entity}: {problem}"
    return None


def _fits_type(entity: str, action: str) -> str | None:
    if action == "shift" and entity not in SHIFTABLE:
        return f"'shift' moves dates; it applies to {', '.join(sorted(SHIFTABLE))} only"
    if action == "generalise" and entity != "AGE":
        return "'generalise' applies to AGE only"
    return None


def _default_action(value: str) -> str | None:
    if value in ("shift", "generalise"):
        return f"{value!r} applies to some entity types only; set it in [policy.actions]"
    return _action(value)


def _partial_action(value: str) -> str | None:
    if value in _PARTIAL_ACTIONS:
        return None
    return f"{value!r} is not one of {', '.join(_PARTIAL_ACTIONS)}"


def _age(value: int) -> str | None:
    return None if 1 <= value <= 150 else "an age in years between 1 and 150"


def _score(value: float) -> str | None:
    return None if 0.0 <= value <= 1.0 else f"{value} is not a score between 0 and 1"


def _scores(value: Mapping[str, float]) -> str | None:
    for entity, score in value.items():
        problem = _entity(entity) or _score(score)
        if problem:
            return f"{entity}: {problem}"
    return None


def _entity(name: str) -> str | None:
    ok = _ENTITY_NAME.match(name)
    return None if ok else f"{name!r} is not an entity type (upper-case, like NO_FODSELSNUMMER)"


@dataclass(frozen=True, slots=True)
class PolicySettings:
    """What happens to each entity type that is found."""

    default_action: str = field(default="pseudonymise", metadata=validator(_default_action))
    default_threshold: float = field(default=0.5, metadata=validator(_score))
    actions: dict[str, str] = field(
        default_factory=lambda: {
            "ORGANIZATION": "allow",
            "DATE": "shift",
            "AGE": "generalise",
        },
        metadata=validator(_actions),
    )
    partial_dates: str = field(default="allow", metadata=validator(_partial_action))
    """What ``shift`` does with a date that gives no day (``august 2013``, ``i 2012``)."""
    generalise_ages_from: int = field(default=90, metadata=validator(_age))
    """``generalise`` writes ages from this many years as ``over N-1``; younger ages stay."""
    thresholds: dict[str, float] = field(default_factory=dict, metadata=validator(_scores))
    allow_list: tuple[str, ...] = ()

    def action_for(self, entity_type: str) -> str:
        """The configured action for ``entity_type``, else the default action."""
        return self.actions.get(entity_type, self.default_action)

    def threshold_for(self, entity_type: str) -> float:
        """The minimum score for ``entity_type``, else the default threshold."""
        return self.thresholds.get(entity_type, self.default_threshold)
