"""Recall and precision per PHI class on clinical text: dates, ages, places and care units.

Corpora (``tests/data/phi/clinical_phi_SPLIT.jsonl``, one JSON object per line)::

    {"text": ..., "entities": [{"type": ..., "value": ...}], "keep": [...]}

Splits: ``dev``, ``dev2``, ``dev3`` and ``dev4`` (read, and tuned on; each written after the
one before was tuned) and ``holdout`` (written independently; only its figures are looked at,
never its misses — ``--verbose`` refuses it). All were written by helpers who never saw the
detector.

The four classes of issue 18 are scored by detection, whatever the policy then does with a
finding (an age under 90 is kept, a date shifted): an annotated ``DATE``, ``AGE``,
``LOCATION`` or ``HEALTH_CARE_UNIT`` is *found* when findings of its class above the policy's
threshold cover every letter and digit of it (a ``DATE`` may also be covered by a date of
birth). A finding of one of these classes is *correct* when it overlaps an annotation of its
class; precision per class is the share of correct findings. Other annotated identifiers
(names, fødselsnumre, phone numbers, dates of birth) count as found when rewritten findings of
any type cover them, as in ``scripts/eval/genres.py``. A ``keep`` string (lab value, drug,
eponym, code, measurement, instruction, an organisation that is no care unit) is *touched*
when a finding policy rewrites overlaps it.

    scripts/eval/phi.py [--split dev|dev2|dev3|dev4|holdout] [--json] [--verbose]

Uses the shipped configuration (rules, NER model, policy). Exit code 0 always.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections import Counter
from pathlib import Path

from proxy.scrub.policy import Decision
from scripts.bench.corpus import occurrences
from scripts.eval.genres import decided_lines, letters_covered

REPO = Path(__file__).resolve().parents[2]

DATA = REPO / "tests" / "data" / "phi"
CLASSES = ("DATE", "AGE", "LOCATION", "HEALTH_CARE_UNIT")
COVERS: dict[str, frozenset[str]] = {
    "DATE": frozenset({"DATE", "DATE_OF_BIRTH"}),
    "AGE": frozenset({"AGE"}),
    "LOCATION": frozenset({"LOCATION"}),
    "HEALTH_CARE_UNIT": frozenset({"HEALTH_CARE_UNIT"}),
}
"""The finding types that count as finding an annotation of each class."""


@dataclasses.dataclass
class Tally:
    """Counts over a corpus, and the misses and false alarms for ``--verbose``."""

    total: Counter[str] = dataclasses.field(default_factory=Counter)
    found: Counter[str] = dataclasses.field(default_factory=Counter)
    reported: Counter[str] = dataclasses.field(default_factory=Counter)
    correct: Counter[str] = dataclasses.field(default_factory=Counter)
    keep_total: int = 0
    keep_touched: int = 0
    notes: list[str] = dataclasses.field(default_factory=list)


def score_line(item: dict[str, object], decisions: list[Decision], tally: Tally) -> None:
    """Add one corpus line to ``tally``."""
    text = str(item["text"])
    findings = [d.finding for d in decisions]
    rewritten = [d.finding for d in decisions if d.action != "allow"]
    spans: dict[str, list[tuple[int, int]]] = {}
    for entity in item.get("entities", []):  # type: ignore[attr-defined]
        kind, value = entity["type"], entity["value"]
        covering = (
            [f for f in findings if f.entity_type in COVERS[kind]] if kind in COVERS else rewritten
        )
        for start, end in occurrences(text, value):
            spans.setdefault(kind, []).append((start, end))
            tally.total[kind] += 1
            if letters_covered(text, start, end, covering):
                tally.found[kind] += 1
            else:
                tally.notes.append(f"MISS {kind} {value!r} in {_around(text, start, end)!r}")
    for f in findings:
        if f.entity_type not in CLASSES:
            continue
        tally.reported[f.entity_type] += 1
        allowed = spans.get(f.entity_type, []) + (
            spans.get("DATE_OF_BIRTH", []) if f.entity_type == "DATE" else []
        )
        if any(f.start < end and start < f.end for start, end in allowed):
            tally.correct[f.entity_type] += 1
        else:
            tally.notes.append(f"FP {f.entity_type} {_around(text, f.start, f.end)!r}")
    for keep in item.get("keep", []):  # type: ignore[attr-defined]
        for start, end in occurrences(text, keep):
            tally.keep_total += 1
            if any(f.start < end and start < f.end for f in rewritten):
                tally.keep_touched += 1
                tally.notes.append(f"TOUCHED {keep!r} in {_around(text, start, end)!r}")


def _around(text: str, start: int, end: int) -> str:
    return f"{text[max(0, start - 30) : start]}⟦{text[start:end]}⟧{text[end : end + 30]}"


def evaluate(corpus: Path) -> Tally:
    """Run the shipped detector and policy over every line of ``corpus``."""
    tally = Tally()
    for item, decisions in decided_lines(corpus):
        score_line(item, decisions, tally)
    return tally


def report(tally: Tally) -> dict[str, object]:
    """Recall per annotated kind, precision per PHI class, keep figures; JSON-ready."""
    return {
        "per_kind": {
            kind: {
                "n": n,
                "recall": round(tally.found[kind] / n, 4),
                **(
                    {
                        "reported": tally.reported[kind],
                        "precision": round(tally.correct[kind] / tally.reported[kind], 4)
                        if tally.reported[kind]
                        else None,
                    }
                    if kind in CLASSES
                    else {}
                ),
            }
            for kind, n in sorted(tally.total.items())
        },
        "keep_strings": tally.keep_total,
        "keep_kept": round(1 - tally.keep_touched / tally.keep_total, 4)
        if tally.keep_total
        else None,
    }


def main() -> None:
    """Command-line entry point; see module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    splits = ("dev", "dev2", "dev3", "dev4", "holdout")
    parser.add_argument("--split", choices=splits, default="dev")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--verbose", action="store_true", help="print misses and false alarms")
    args = parser.parse_args()
    if args.verbose and args.split == "holdout":
        parser.error("the holdout split is measured, never read: --verbose is for dev only")
    tally = evaluate(DATA / f"clinical_phi_{args.split}.jsonl")
    result = report(tally)
    if args.json:
        print(json.dumps(result))
        return
    for kind, row in result["per_kind"].items():  # type: ignore[attr-defined]
        precision = f"  precision {row['precision']}" if "precision" in row else ""
        print(f"  {kind:18s} {row['n']:5d}  recall {row['recall']:.3f}{precision}")
    print(f"  keep {result['keep_kept']} of {result['keep_strings']}")
    if args.verbose:
        for note in tally.notes:
            print("   ", note)


if __name__ == "__main__":
    main()
