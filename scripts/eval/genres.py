"""Recall per identifier kind, precision and untouched clinical content, per genre.

Corpora (``tests/data/genres/GENRE_SPLIT.jsonl``, one JSON object per line)::

    {"text": ..., "entities": [{"type": ..., "value": ...}], "keep": [...]}

Genres: consultation transcripts, patient chat, admin tables and lists. Splits: ``dev``,
``dev2`` to ``dev10`` (read, and tuned on; each was written after the ones
before were tuned, to see whether the fixes were general; ``dev10`` has transcripts and chat
only, with names of many origins) and ``holdout`` (written independently;
only its figures are looked at, never its misses — ``--verbose`` refuses it).

An annotated occurrence is *found* when findings that policy would rewrite cover every
letter and digit of it (the spaces between the words of a spoken number need not be). A
rewritten finding that overlaps no annotated occurrence is a false positive; precision is
the share of rewritten findings that overlap one. A ``keep`` string (lab value, drug, code,
instruction …) is *touched* when a rewritten finding overlaps it.
Findings of issue 18's clinical classes (dates, ages, places, care units:
``recognizers.registry.CLINICAL_PHI``) are left out: this corpus annotates none of them and
lists dates and hospitals among what must stay; ``scripts/eval/phi.py`` measures them.

    scripts/eval/genres.py [--split dev|dev2|...|dev10|holdout] [--genre NAME ...] [--json]
                           [--verbose]

Uses the shipped configuration (rules, NER model, policy). Exit code 0 always.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from proxy.detection.findings import Finding
from proxy.scrub.policy import Decision
from recognizers.registry import CLINICAL_PHI
from scripts.bench.corpus import occurrences
from scripts.eval.names import shipped

REPO = Path(__file__).resolve().parents[2]

DATA = REPO / "tests" / "data" / "genres"
GENRES = ("transcripts", "chat", "admin")


@dataclasses.dataclass
class GenreTally:
    """Counts for one genre, and the misses and false alarms for ``--verbose``."""

    total: Counter[str] = dataclasses.field(default_factory=Counter)
    found: Counter[str] = dataclasses.field(default_factory=Counter)
    findings: int = 0
    false_alarms: int = 0
    keep_total: int = 0
    keep_touched: int = 0
    notes: list[str] = dataclasses.field(default_factory=list)


def letters_covered(text: str, start: int, end: int, findings: list[Finding]) -> bool:
    """Every letter and digit of ``text[start:end]`` lies inside some finding."""
    inside = bytearray(end - start)
    for f in findings:
        lo, hi = max(f.start, start), min(f.end, end)
        if lo < hi:
            inside[lo - start : hi - start] = b"\x01" * (hi - lo)
    return all(inside[i] or not text[start + i].isalnum() for i in range(end - start))


def score_line(item: dict[str, object], rewritten: list[Finding], tally: GenreTally) -> None:
    """Add one corpus line to ``tally``."""
    text = str(item["text"])
    spans: list[tuple[int, int]] = []
    for entity in item.get("entities", []):  # type: ignore[attr-defined]
        kind, value = entity["type"], entity["value"]
        for start, end in occurrences(text, value):
            spans.append((start, end))
            tally.total[kind] += 1
            if letters_covered(text, start, end, rewritten):
                tally.found[kind] += 1
            else:
                tally.notes.append(f"MISS {kind} {value!r} in {_around(text, start, end)!r}")
    for f in rewritten:
        tally.findings += 1
        if not any(f.start < end and start < f.end for start, end in spans):
            tally.false_alarms += 1
            tally.notes.append(f"FP {f.entity_type} {_around(text, f.start, f.end)!r}")
    for keep in item.get("keep", []):  # type: ignore[attr-defined]
        for start, end in occurrences(text, keep):
            tally.keep_total += 1
            if any(f.start < end and start < f.end for f in rewritten):
                tally.keep_touched += 1
                tally.notes.append(f"TOUCHED {keep!r} in {_around(text, start, end)!r}")


def _around(text: str, start: int, end: int) -> str:
    return f"{text[max(0, start - 30) : start]}⟦{text[start:end]}⟧{text[end : end + 30]}"


def decided_lines(corpus: Path) -> Iterator[tuple[dict[str, object], list[Decision]]]:
    """Each line of ``corpus`` with the shipped detector's findings as policy decides them."""
    detector, policy = shipped()
    lines = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    texts = [str(item["text"]) for item in lines]
    for item, text, findings in zip(lines, texts, detector.detect_many(texts), strict=True):
        yield item, policy.decide(text, findings)


def evaluate(corpus: Path) -> GenreTally:
    """Run the shipped detector and policy over every line of ``corpus``."""
    tally = GenreTally()
    for item, decisions in decided_lines(corpus):
        rewritten = [
            d.finding
            for d in decisions
            if d.action != "allow" and d.finding.entity_type not in CLINICAL_PHI
        ]
        score_line(item, rewritten, tally)
    return tally


def report(tally: GenreTally) -> dict[str, object]:
    """Recall per kind and overall, precision and keep figures, JSON-ready."""
    total = sum(tally.total.values())
    return {
        "identifiers": total,
        "recall": round(sum(tally.found.values()) / total, 4) if total else None,
        "precision": round(1 - tally.false_alarms / tally.findings, 4) if tally.findings else None,
        "false_alarms": tally.false_alarms,
        "keep_strings": tally.keep_total,
        "keep_kept": round(1 - tally.keep_touched / tally.keep_total, 4)
        if tally.keep_total
        else None,
        "per_kind": {
            kind: {"n": n, "recall": round(tally.found[kind] / n, 4)}
            for kind, n in sorted(tally.total.items())
        },
    }


def main() -> None:
    """Command-line entry point; see module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    splits = (
        "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "holdout"
    )  # fmt: skip
    parser.add_argument("--split", choices=splits, default="dev")
    parser.add_argument("--genre", action="append", choices=GENRES)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()
    if args.verbose and args.split == "holdout":
        parser.error("the holdout split is measured, never read: --verbose is for dev only")
    results: dict[str, object] = {}
    for genre in args.genre or GENRES:
        corpus = DATA / f"{genre}_{args.split}.jsonl"
        if not corpus.is_file() and not args.genre:
            continue  # dev10 has transcripts and chat only
        tally = evaluate(corpus)
        results[genre] = report(tally)
        if not args.json:
            _print(genre, results[genre], tally.notes if args.verbose else [])
    if args.json:
        print(json.dumps(results))


def _print(genre: str, result: object, notes: list[str]) -> None:
    row = dict(result)  # type: ignore[call-overload]
    print(
        f"\n{genre}: recall {row['recall']}, precision {row['precision']} "
        f"({row['false_alarms']} false alarms), keep {row['keep_kept']} of {row['keep_strings']}"
    )
    for kind, figures in row["per_kind"].items():
        print(f"  {kind:<20}{figures['n']:>5}{figures['recall']:>9.3f}")
    for note in notes:
        print("   ", note)


if __name__ == "__main__":
    main()
