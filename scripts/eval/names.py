"""PERSON recall and name-like false positives on an annotated corpus.

Corpus format (one JSON object per line)::

    {"text": ..., "persons": ["exact substring", ...], "not_persons": ["...", ...]}

Every occurrence of every ``persons`` string counts. It is *found* when rewritten findings
(what policy would pseudonymise, redact or block) cover all of its characters, and *typed*
when one PERSON finding covers it. A ``not_persons`` string (eponym diagnoses, drugs, lab
terms, places named after people) is *touched* when any rewritten finding overlaps it.
Findings of issue 18's clinical classes (dates, ages, places, care units:
``recognizers.registry.CLINICAL_PHI``) are left out: this corpus annotates none of them and
lists dates and hospitals among what must stay; ``scripts/eval/phi.py`` measures them.

    scripts/eval/names.py [--corpus FILE ...] [--json] [--verbose]

Uses the shipped configuration (rules, NER model and policy).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from proxy.build import build_detector
from proxy.detection.detector import Detector
from proxy.detection.findings import Finding
from proxy.scrub.policy import Policy
from proxy.settings import load_settings
from recognizers.registry import CLINICAL_PHI
from scripts.bench.corpus import covered, occurrences

REPO = Path(__file__).resolve().parents[2]

DEFAULT_CORPORA = sorted((REPO / "tests" / "data").glob("person_names*.jsonl"))
DEFAULT_CONFIG = REPO / "config" / "sladd.toml"


@dataclasses.dataclass
class NameTally:
    """Mention counts and the misses, for one corpus."""

    mentions: int = 0
    found: int = 0
    typed: int = 0
    traps: int = 0
    touched: int = 0
    misses: list[str] = dataclasses.field(default_factory=list)
    false_hits: list[str] = dataclasses.field(default_factory=list)


def _covered(findings: list[Finding], start: int, end: int) -> bool:
    return covered([(f.start, f.end) for f in findings], start, end)


def shipped(config: Path = DEFAULT_CONFIG) -> tuple[Detector, Policy]:
    """The detector (rules, NER model) and policy of ``config`` (the shipped one by default)."""
    settings = load_settings(config, environ={})
    return build_detector(settings), Policy(settings.policy)


def rewritten_findings(detector: Detector, policy: Policy, texts: list[str]) -> list[list[Finding]]:
    """Per text, the findings policy would pseudonymise, redact or block (not ``allow``)."""
    found = detector.detect_many(texts)
    return [
        [
            d.finding
            for d in policy.decide(text, findings)
            if d.action != "allow" and d.finding.entity_type not in CLINICAL_PHI
        ]
        for text, findings in zip(texts, found, strict=True)
    ]


def score_line(
    item: dict[str, object], text: str, rewritten: list[Finding], tally: NameTally
) -> None:
    """Add one corpus line to ``tally``."""
    for name in item.get("persons", []):  # type: ignore[attr-defined]
        for start, end in occurrences(text, str(name)):
            tally.mentions += 1
            tally.found += _covered(rewritten, start, end)
            person = [f for f in rewritten if f.entity_type == "PERSON"]
            if _covered(person, start, end):
                tally.typed += 1
            else:
                tally.misses.append(f"{name!r} in {text[max(0, start - 40) : end + 30]!r}")
    for trap in item.get("not_persons", []):  # type: ignore[attr-defined]
        for start, end in occurrences(text, str(trap)):
            tally.traps += 1
            hits = [f for f in rewritten if f.start < end and f.end > start]
            if hits:
                tally.touched += 1
                hit = f"{hits[0].entity_type}:{text[hits[0].start : hits[0].end]!r}"
                tally.false_hits.append(f"{trap!r} <- {hit}")


def evaluate(corpus: Path, detector: Detector, policy: Policy) -> NameTally:
    """Detection and policy over every line of ``corpus``."""
    items = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    texts = [str(item["text"]) for item in items]
    tally = NameTally()
    rewritten = rewritten_findings(detector, policy, texts)
    for item, text, line_rewritten in zip(items, texts, rewritten, strict=True):
        score_line(item, text, line_rewritten, tally)
    return tally


def summary(tally: NameTally) -> dict[str, object]:
    """Recall figures and trap counts as a JSON-ready dict."""
    return {
        "mentions": tally.mentions,
        "recall": round(tally.found / tally.mentions, 4) if tally.mentions else None,
        "person_recall": round(tally.typed / tally.mentions, 4) if tally.mentions else None,
        "traps": tally.traps,
        "traps_touched": tally.touched,
    }


def main() -> None:
    """Command-line entry point; see module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, nargs="*", default=DEFAULT_CORPORA)
    parser.add_argument("--json", action="store_true", help="one JSON object per corpus")
    parser.add_argument("--verbose", action="store_true", help="list misses and false hits")
    args = parser.parse_args()
    detector, policy = shipped()
    for corpus in args.corpus:
        tally = evaluate(corpus, detector, policy)
        result = {"corpus": corpus.name, **summary(tally)}
        print(json.dumps(result) if args.json else result)
        if args.verbose:
            print("\n".join(["misses:", *tally.misses, "false hits:", *tally.false_hits, ""]))


if __name__ == "__main__":
    main()
