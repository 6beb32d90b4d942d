"""Recall and precision on the annotated clinical-style corpora in tests/data.

``clinical_identifiers.jsonl`` was written independently of the recognizers and then used to
find their gaps; ``clinical_identifiers_holdout.jsonl`` was written later by another author
and never used for tuning. Both must keep: every structured identifier found (recall >= 0.99)
and no lab value, code, dosage, lot number or year touched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from proxy.settings import Settings
from scripts.eval import identifiers as eval_identifiers

REPO = Path(__file__).resolve().parents[2]

CORPORA = ("clinical_identifiers.jsonl", "clinical_identifiers_holdout.jsonl")


@pytest.mark.parametrize("name", CORPORA)
def test_structured_identifiers_found_and_nothing_else_touched(
    rules_only_settings: Settings, name: str
) -> None:
    corpus = REPO / "tests" / "data" / name
    assert corpus.is_file(), f"{corpus} is missing: a renamed corpus must be renamed here too"
    tally = eval_identifiers.evaluate(corpus, rules_only_settings)
    result = eval_identifiers.report(tally)
    assert result["recall"] is not None
    assert float(str(result["recall"])) >= 0.99, tally.misses
    assert tally.keep_touched == 0, tally.touched
