#!/usr/bin/env python3
"""Validate the genre evaluation corpora (transcripts, chat, admin text) for sladd.

Each line must be one JSON object:

    {"text": "...", "entities": [{"type": T, "value": V}, ...], "keep": ["...", ...]}

`value` and every `keep` string are exact substrings of `text`; every occurrence of a listed
value counts as one entity mention, so the evaluator can treat anything else the detector
rewrites as a false positive.

Errors (exit status 1):
  * a line is not valid JSON, not an object, or has missing or wrongly typed fields;
  * an entity type outside TYPES;
  * an empty or whitespace-padded value or keep string, or one listed twice on a line;
  * a value or keep string that does not occur verbatim in `text`;
  * an occurrence of a keep string that overlaps an occurrence of an entity value.
Warnings (printed, do not fail):
  * an entity value that also occurs inside a longer word ("Per" inside "Persen"), which an
    occurrence-based evaluator would count as a bogus mention;
  * occurrences of two entity values that overlap, unless one lies inside the other and both
    have the same type (a given name inside the full name is one mention of one person).

Prints, per file, the number of lines and per type the annotated values and occurrences.

Usage:
    .venv/bin/python tests/data/genres/check_genres.py [file.jsonl ...]
(default: every *.jsonl next to this script; exit 0 = no errors)
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

TYPES = frozenset(
    {
        "PERSON",
        "PHONE_NUMBER",
        "NO_FODSELSNUMMER",
        "EMAIL_ADDRESS",
        "NO_ADDRESS",
        "NO_POSTNUMMER",
        "DATE_OF_BIRTH",
        "NO_KONTONUMMER",
        "NO_JOURNALNUMMER",
        "NO_HPR",
    }
)

Span = tuple[int, int]


def occurrences(text: str, needle: str) -> list[Span]:
    """Every (possibly overlapping) occurrence of `needle` in `text`."""
    spans: list[Span] = []
    start = text.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _nested(a: Span, b: Span) -> bool:
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def _inside_word(text: str, span: Span) -> bool:
    before = text[span[0] - 1] if span[0] > 0 else " "
    after = text[span[1]] if span[1] < len(text) else " "
    return (before.isalnum() and text[span[0]].isalnum()) or (
        after.isalnum() and text[span[1] - 1].isalnum()
    )


def _strings_ok(where: str, text: str, items: list[str], errors: list[str]) -> None:
    for item in items:
        if not item or item != item.strip():
            errors.append(f"{where}: empty or whitespace-padded {item!r}")
        elif item not in text:
            errors.append(f"{where}: {item!r} does not occur in text")
    for item, n in Counter(items).items():
        if n > 1:
            errors.append(f"{where}: {item!r} listed {n} times")


def _parse(where: str, raw: str, errors: list[str]) -> tuple[str, list[tuple[str, str]], list[str]]:
    """Text, (type, value) pairs and keep strings of one line; ("", [], []) when malformed."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        errors.append(f"{where}: invalid JSON ({exc})")
        return "", [], []
    if not isinstance(obj, dict):
        obj = {}
    text, ents, keep = obj.get("text"), obj.get("entities"), obj.get("keep")
    ok_ents = isinstance(ents, list) and all(
        isinstance(e, dict) and isinstance(e.get("type"), str) and isinstance(e.get("value"), str)
        for e in ents
    )
    ok_keep = isinstance(keep, list) and all(isinstance(k, str) for k in keep)
    if not (isinstance(text, str) and text and ok_ents and ok_keep):
        errors.append(f"{where}: needs text (str), entities ([{{type, value}}]) and keep ([str])")
        return "", [], []
    assert isinstance(ents, list)
    assert isinstance(keep, list)
    return text, [(e["type"], e["value"]) for e in ents], [str(k) for k in keep]


def _span_warnings(where: str, text: str, ents: list[tuple[str, str]]) -> list[str]:
    """Entity occurrences inside longer words, and overlaps other than a same-type nesting."""
    spans = [(v, s) for _, v in ents for s in occurrences(text, v)]
    type_of = {v: t for t, v in ents}
    out = [
        f"{where}: {v!r} also occurs inside a longer word"
        for v, s in spans
        if _inside_word(text, s)
    ]
    pairs = {
        (a, b)
        for a, sa in spans
        for b, sb in spans
        if a < b and _overlaps(sa, sb) and not (type_of[a] == type_of[b] and _nested(sa, sb))
    }
    return out + [f"{where}: entity values {a!r} and {b!r} overlap" for a, b in sorted(pairs)]


def check_line(
    where: str, raw: str, errors: list[str], warnings: list[str], types: frozenset[str] = TYPES
) -> Counter[str]:
    """Validate one line; return per-type counts ("T" values, "T#" occurrences)."""
    counts: Counter[str] = Counter()
    text, ents, keep = _parse(where, raw, errors)
    if not text:
        return counts
    errors.extend(f"{where}: unknown type {t!r}" for t, _ in ents if t not in types)
    _strings_ok(where, text, [v for _, v in ents], errors)
    _strings_ok(where, text, keep, errors)
    ent_spans = [(v, s) for _, v in ents for s in occurrences(text, v)]
    for k in keep:
        for ks in occurrences(text, k):
            hits = {v for v, es in ent_spans if _overlaps(ks, es)}
            errors.extend(f"{where}: keep {k!r} overlaps entity {v!r}" for v in sorted(hits))
    warnings.extend(_span_warnings(where, text, ents))
    for t, v in ents:
        counts[t] += 1
        counts[t + "#"] += len(occurrences(text, v))
    counts["keep"] += len(keep)
    counts["lines without entities"] += not ents
    return counts


def check_file(path: Path, types: frozenset[str] = TYPES) -> int:
    """Validate one file and print its report; return the number of errors."""
    errors: list[str] = []
    warnings: list[str] = []
    totals: Counter[str] = Counter()
    lines = path.read_text(encoding="utf-8").splitlines()
    for no, raw in enumerate(lines, 1):
        if raw.strip():
            totals += check_line(f"{path.name}:{no}", raw, errors, warnings, types)
    print(f"== {path} ({sum(1 for r in lines if r.strip())} lines)")
    for t in sorted(types):
        print(f"  {t:<18} values {totals[t]:>4}   occurrences {totals[t + '#']:>4}")
    empty = totals["lines without entities"]
    print(f"  keep strings {totals['keep']}, lines without entities {empty}")
    for msg in warnings:
        print(f"  warning: {msg}")
    for msg in errors:
        print(f"  ERROR: {msg}")
    return len(errors)


def main(argv: list[str], types: frozenset[str] = TYPES, folder: Path | None = None) -> int:
    """Check the files in ``argv`` (default: every ``*.jsonl`` in ``folder``, this one's)."""
    here = folder or Path(__file__).resolve().parent
    paths = [Path(a) for a in argv] or sorted(here.glob("*.jsonl"))
    failures = sum(check_file(p, types) for p in paths)
    print("OK" if not failures else f"{failures} error(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
