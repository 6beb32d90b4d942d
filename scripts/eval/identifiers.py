"""Recall and precision of sladd's detection on an annotated clinical-style corpus.

Corpus format (one JSON object per line)::

    {"text": ..., "entities": [{"type": ..., "value": ...}], "keep": [...]}

An annotated entity counts as *found* when a finding that policy would rewrite covers every
character of it, and as *typed* when that finding also has the annotated type. A ``keep``
string (lab values, codes, dosages ...) is *touched* when any rewritten finding overlaps it.
Findings of issue 18's clinical classes (dates, ages, places, care units:
``recognizers.registry.CLINICAL_PHI``) are left out: this corpus annotates none of them and
lists dates and hospitals among what must stay; ``scripts/eval/phi.py`` measures them.

    scripts/eval/identifiers.py [--corpus FILE] [--json] [--names]

Without ``--names`` the NER model is off, so only the structured identifiers are measured.
Exit code 0 always; the numbers are the result.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections import Counter
from pathlib import Path

from proxy.build import build_detector
from proxy.detection.findings import Finding
from proxy.scrub.policy import Policy
from proxy.settings import Settings, load_settings
from recognizers.registry import CLINICAL_PHI
from scripts.bench.corpus import occurrences

REPO = Path(__file__).resolve().parents[2]

DEFAULT_CORPUS = REPO / "tests" / "data" / "clinical_identifiers.jsonl"


@dataclasses.dataclass
class Tally:
    """Counts per entity type, and the misses for the report."""

    total: Counter[str] = dataclasses.field(default_factory=Counter)
    found: Counter[str] = dataclasses.field(default_factory=Counter)
    typed: Counter[str] = dataclasses.field(default_factory=Counter)
    keep_total: int = 0
    keep_touched: int = 0
    misses: list[str] = dataclasses.field(default_factory=list)
    touched: list[str] = dataclasses.field(default_factory=list)


def score_line(item: dict[str, object], rewritten: list[Finding], tally: Tally) -> None:
    """Add one corpus line to ``tally``."""
    text = str(item["text"])
    for entity in item.get("entities", []):  # type: ignore[attr-defined]
        kind, value = entity["type"], entity["value"]
        for start, end in occurrences(text, value):
            tally.total[kind] += 1
            cover = [f for f in rewritten if f.start <= start and f.end >= end]
            if cover:
                tally.found[kind] += 1
            if any(f.entity_type == kind for f in cover):
                tally.typed[kind] += 1
            else:
                got = ",".join(
                    f"{f.entity_type}:{text[f.start : f.end]!r}"
                    for f in rewritten
                    if f.start < end and f.end > start
                )
                tally.misses.append(f"{kind} {value!r} -> {got or 'nothing'}")
    for keep in item.get("keep", []):  # type: ignore[attr-defined]
        for start, end in occurrences(text, keep):
            tally.keep_total += 1
            hits = [f for f in rewritten if f.start < end and f.end > start]
            if hits:
                tally.keep_touched += 1
                tally.touched.append(
                    f"{keep!r} <- {hits[0].entity_type}:{text[hits[0].start : hits[0].end]!r}"
                )


def evaluate(corpus: Path, settings: Settings) -> Tally:
    """Run detection and policy over every line of ``corpus``."""
    detector = build_detector(settings)
    policy = Policy(settings.policy)
    tally = Tally()
    lines = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    texts = [str(item["text"]) for item in lines]
    for item, text, findings in zip(lines, texts, detector.detect_many(texts), strict=True):
        rewritten = [
            d.finding
            for d in policy.decide(text, findings)
            if d.action != "allow" and d.finding.entity_type not in CLINICAL_PHI
        ]
        score_line(item, rewritten, tally)
    return tally


def report(tally: Tally) -> dict[str, object]:
    """Per-type recall (found / typed) and keep precision, as a JSON-ready dict."""
    per_type = {
        kind: {
            "n": tally.total[kind],
            "recall": round(tally.found[kind] / tally.total[kind], 4),
            "typed_recall": round(tally.typed[kind] / tally.total[kind], 4),
        }
        for kind in sorted(tally.total)
    }
    total = sum(tally.total.values())
    return {
        "entities": total,
        "recall": round(sum(tally.found.values()) / total, 4) if total else None,
        "typed_recall": round(sum(tally.typed.values()) / total, 4) if total else None,
        "keep_strings": tally.keep_total,
        "keep_touched": tally.keep_touched,
        "per_type": per_type,
    }


def main() -> None:
    """Command-line entry point; see module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--names", action="store_true", help="also run the NER model")
    parser.add_argument("--verbose", action="store_true", help="list misses and touched keeps")
    args = parser.parse_args()
    settings = load_settings(REPO / "config" / "sladd.toml")
    detection = dataclasses.replace(settings.detection, ner=args.names)
    tally = evaluate(args.corpus, dataclasses.replace(settings, detection=detection))
    result = report(tally)
    if args.json:
        print(json.dumps(result))
        return
    print(f"{'type':<20}{'n':>5}{'recall':>9}{'typed':>9}")
    for kind, row in result["per_type"].items():  # type: ignore[attr-defined]
        print(f"{kind:<20}{row['n']:>5}{row['recall']:>9.3f}{row['typed_recall']:>9.3f}")
    print(
        f"{'all':<20}{result['entities']:>5}{result['recall']:>9.3f}{result['typed_recall']:>9.3f}"
    )
    print(f"keep strings touched: {result['keep_touched']} of {result['keep_strings']}")
    if args.verbose:
        print("\n".join(["", "misses:", *tally.misses, "", "touched:", *tally.touched]))


if __name__ == "__main__":
    main()
