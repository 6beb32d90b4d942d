"""Recall and precision on the annotated clinical-style corpora in tests/data.

``clinical_identifiers.jsonl`` was written independently of the recognizers and then used to
find their gaps; ``clinical_identifiers_holdout.jsonl`` (when present) was written later by
another author and never used for tuning. Both must keep: every structured identifier found
(recall >= 0.99) and no lab value, code, dosage, lot number or year touched.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))

import eval_identifiers  # noqa: E402

from proxy.settings import load_settings  # noqa: E402

CORPORA = sorted((REPO / "tests" / "data").glob("clinical_identifiers*.jsonl"))


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_structured_identifiers_found_and_nothing_else_touched(corpus: Path) -> None:
    settings = load_settings(REPO / "config" / "sladd.toml", environ={})
    rules_only = dataclasses.replace(
        settings, detection=dataclasses.replace(settings.detection, ner=False)
    )
    tally = eval_identifiers.evaluate(corpus, rules_only)
    result = eval_identifiers.report(tally)
    assert result["recall"] is not None
    assert float(str(result["recall"])) >= 0.99, tally.misses
    assert tally.keep_touched == 0, tally.touched
