#!/usr/bin/env python3
"""Validate the clinical PHI evaluation corpora (dates, ages, places, care units) for sladd.

Each line must be one JSON object:

    {"text": "...", "entities": [{"type": T, "value": V}, ...], "keep": ["...", ...]}

`text` is Norwegian clinical prose (epikriser, henvisninger, poliklinikk-, sykepleier- and
legevaktsnotater, psykiatri/rus, møtereferater, brev til pasient). `value` and every `keep`
string are exact substrings of `text`; every occurrence of a listed value counts as one entity
mention, so the evaluator can treat anything else the detector rewrites as a false positive.
`keep` lists clinical content that must survive (lab values, drugs and doses, eponyms, codes,
measurements, durations that are not ages, times of day, instructions to the LLM, and
organisations that are not care units such as NAV or Statens vegvesen).

Entity types (TYPES): DATE (dates other than dates of birth, incl. bare years and month-year),
DATE_OF_BIRTH, AGE, LOCATION (places below country level, in Norway or abroad),
HEALTH_CARE_UNIT (hospitals, trusts, DPS, BUP, legevakt, legekontor, sykehjem, private clinics,
treatment centres, and named wards or outpatient clinics of them, as one value), PERSON,
NO_FODSELSNUMMER, PHONE_NUMBER.

Errors (exit status 1):
  * a line is not valid JSON, not an object, or has missing or wrongly typed fields;
  * an entity type outside TYPES;
  * an empty or whitespace-padded value or keep string, or one listed twice on a line;
  * a value or keep string that does not occur verbatim in `text`;
  * an occurrence of a keep string that overlaps an occurrence of an entity value.
Warnings (printed, do not fail):
  * an entity value that also occurs inside a longer word ("Os" inside "Oslo"), which an
    occurrence-based evaluator would count as a bogus mention;
  * occurrences of two entity values that overlap, unless one lies inside the other and both
    have the same type (a given name inside the full name is one mention of one person).

Prints, per file, the number of lines and per type the annotated values and occurrences.

Usage:
    .venv/bin/python tests/data/phi/check_phi.py [file.jsonl ...]
(default: every *.jsonl next to this script; exit 0 = no errors)
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _genre_checks() -> Callable[[list[str], frozenset[str], Path], int]:
    """``main`` of ``../genres/check_genres.py``: the same checks, run with these types."""
    spec = importlib.util.spec_from_file_location(
        "check_genres", HERE.parent / "genres" / "check_genres.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    main: Callable[[list[str], frozenset[str], Path], int] = module.main
    return main


TYPES = frozenset(
    {
        "DATE",
        "DATE_OF_BIRTH",
        "AGE",
        "LOCATION",
        "HEALTH_CARE_UNIT",
        "PERSON",
        "NO_FODSELSNUMMER",
        "PHONE_NUMBER",
    }
)

if __name__ == "__main__":
    sys.exit(_genre_checks()(sys.argv[1:], TYPES, HERE))
