"""The annotated corpora in tests/data pass their own stand-alone checkers.

Each ``tests/data/check_*.py`` validates annotations (checksums, spans, coverage minimums) and
exits 0 when a corpus passes; the recall tests trust those annotations, so a corpus edit that
breaks them must fail here, not only when someone remembers to run the checker.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
CHECKED = {
    "check_clinical_corpus.py": (
        "clinical_identifiers.jsonl",
        "clinical_identifiers_holdout.jsonl",
    ),
    "check_person_corpus.py": ("person_names.jsonl", "person_names_holdout.jsonl"),
}
RUNS = [(checker, corpus) for checker, corpora in CHECKED.items() for corpus in corpora]


def test_every_checker_and_corpus_is_run() -> None:
    """A new checker or corpus (or a renamed one) must be added to ``CHECKED``."""
    assert {path.name for path in DATA.glob("check_*.py")} == set(CHECKED)
    assert sorted(path.name for path in DATA.glob("*.jsonl")) == sorted(c for _, c in RUNS)


@pytest.mark.parametrize(("checker", "corpus"), RUNS)
def test_corpus_passes_its_checker(checker: str, corpus: str) -> None:
    assert (DATA / corpus).is_file(), corpus
    done = subprocess.run(
        [sys.executable, str(DATA / checker), str(DATA / corpus)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
