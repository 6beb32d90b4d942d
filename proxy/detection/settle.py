"""One reading per span: findings of one kind dropped inside a finding of another.

Several recognizers may read the same characters differently, and policy would merge them
into the best-scoring type. Where one reading is plainly part of another, the part goes:

* a date, age, place or care unit inside an identifier (``tlf 4 2 01.10.00``, a date of
  birth, ``3616 Kongsberg``) is part of it: pseudonymised with it, never shifted on its own;
* a ``PERSON`` inside a ``DATE`` is a month (``august 2013``, ``17. Mai``);
* a model reading (``PERSON``, ``ORGANIZATION``, ``LOCATION``) inside a care unit is part of
  the unit's name (``St. Olavs``, ``Hjarteavdelinga``), and a model ``PERSON`` or
  ``ORGANIZATION`` inside a place found by the place rules is that place (``bor i Røst``);
* a place or organisation inside a name the name rules found (a title, a layout, a trigger:
  ``mor til Kajan``, ``| Vold, Tobias |``) is part of the name;
* a model ``ORGANIZATION`` that names a care unit (``Helse Bergen``) is one.

Privacy is the same either way (every reading here is rewritten); the type decides the token
label, the audit record and the policy (a care unit is pseudonymised, an organisation kept).
Each check is a bisection over the containers sorted by start, so a text with very many
findings stays linear-logarithmic.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Sequence

from proxy.detection.findings import Finding
from recognizers.ner.engine import RECOGNIZER_NAME as MODEL
from recognizers.no.care_units import is_care_unit_name
from recognizers.registry import CLINICAL_PHI

DATE = "DATE"
PERSON = "PERSON"
ORGANIZATION = "ORGANIZATION"
LOCATION = "LOCATION"
CARE_UNIT = "HEALTH_CARE_UNIT"
PLACE_RULES = "LocationRecognizer"
_NOT_IDENTIFIERS = CLINICAL_PHI | {PERSON, ORGANIZATION}


class _Containers:
    """Spans sorted by start, with the running maximum of their ends: does one hold a span?"""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []
        for _, end in ordered:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def hold(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self._starts, start)
        return index > 0 and self._reach[index - 1] >= end


@dataclasses.dataclass(frozen=True, slots=True)
class _Readings:
    """The findings that may hold a part, by what they are."""

    identifiers: _Containers
    dates: _Containers
    units: _Containers
    places: _Containers
    names: _Containers

    @classmethod
    def of(cls, findings: Sequence[Finding]) -> _Readings:
        def spans(keep: Callable[[Finding], bool]) -> _Containers:
            return _Containers([(f.start, f.end) for f in findings if keep(f)])

        return cls(
            identifiers=spans(lambda f: f.entity_type not in _NOT_IDENTIFIERS),
            dates=spans(lambda f: f.entity_type == DATE),
            units=spans(lambda f: f.entity_type == CARE_UNIT),
            places=spans(lambda f: (f.entity_type, f.recognizer) == (LOCATION, PLACE_RULES)),
            names=spans(lambda f: f.entity_type == PERSON and f.recognizer != MODEL),
        )

    def hold_part(self, finding: Finding) -> bool:
        """Is ``finding`` part of another reading (module docstring)?"""
        span = (finding.start, finding.end)
        kind = finding.entity_type
        if kind in CLINICAL_PHI and self.identifiers.hold(*span):
            return True
        if kind == PERSON and self.dates.hold(*span):
            return True
        if kind in (LOCATION, ORGANIZATION) and self.names.hold(*span):
            return True
        if finding.recognizer != MODEL or kind not in (PERSON, ORGANIZATION, LOCATION):
            return False
        return self.units.hold(*span) or (kind != LOCATION and self.places.hold(*span))


def settle(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` with the parts dropped and care units named (module docstring)."""
    if not findings:
        return findings
    named = [_as_care_unit(text, f) for f in findings]
    readings = _Readings.of(named)
    return [f for f in named if not readings.hold_part(f)]


def _as_care_unit(text: str, finding: Finding) -> Finding:
    if finding.entity_type != ORGANIZATION or finding.recognizer != MODEL:
        return finding
    if not is_care_unit_name(text[finding.start : finding.end]):
        return finding
    return dataclasses.replace(finding, entity_type=CARE_UNIT)
