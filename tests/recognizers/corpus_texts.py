"""The annotated corpora's texts, for tests that compare a faster path with spaCy's own."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def corpus_texts() -> list[str]:
    """Every text of ``person_names.jsonl`` and ``clinical_identifiers.jsonl``, in order."""
    texts: list[str] = []
    for name in ("person_names.jsonl", "clinical_identifiers.jsonl"):
        with (DATA / name).open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts
