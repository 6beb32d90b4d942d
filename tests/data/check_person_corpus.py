#!/usr/bin/env python3
"""Validate a PERSON-name evaluation corpus (JSON Lines) for sladd.

Each line must be one JSON object:

    {"text": "...", "persons": ["exact substring", ...], "not_persons": ["exact substring", ...]}

Errors (exit status 1):
  * a line is not valid JSON, not an object, or has wrong field types;
  * a `persons` / `not_persons` string is empty, padded with whitespace,
    listed twice, or does not occur verbatim in `text`;
  * the same string is listed both as a person and as a non-person;
  * an occurrence of a person string overlaps an occurrence of a non-person
    string (case-sensitive);
  * a person string occurs inside a longer word (e.g. "Per" inside "Persen"),
    which would make an occurrence-based evaluator count a bogus mention;
  * the same text appears on two lines;
  * a multi-word name (e.g. "Kari Nordby") is annotated on more lines than
    --max-full-name-reuse allows;
  * the file has fewer lines than --min-lines.

Warnings (printed, do not fail):
  * unknown extra keys;
  * a person string that also matches case-insensitively somewhere it is not
    annotated as a name (e.g. "Per" vs "per dag" on the same line);
  * a person string that starts with a title or role word (dr., lege, ...).

Counts printed per file: lines, annotated person strings, person mentions
(word-bounded occurrences, nested ones counted once), lines without persons,
lowercase-name count, English lines (heuristic), mixed English/Norwegian
lines, nynorsk-marked lines (heuristic), not_persons strings.

Usage:
    .venv/bin/python tests/data/check_person_corpus.py tests/data/person_names.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REQUIRED_KEYS = ("text", "persons", "not_persons")

TITLE_PREFIXES = (
    "dr ",
    "dr. ",
    "lege ",
    "fastlege ",
    "overlege ",
    "pasient ",
    "pas. ",
    "sykepleier ",
    "sjukepleiar ",
    "jordmor ",
    "fysioterapeut ",
    "psykolog ",
    "mr ",
    "mr. ",
    "mrs ",
    "mrs. ",
    "ms ",
    "ms. ",
    "herr ",
    "fru ",
    "lis ",
)

EN_WORDS = {
    # distinctly English function/content words; Norwegian homographs such as
    # "to", "be", "by", "do", "as", "is", "her", "me", "i", "for" are left out
    "the",
    "and",
    "of",
    "was",
    "with",
    "this",
    "that",
    "please",
    "patient",
    "patients",
    "can",
    "you",
    "your",
    "write",
    "summarise",
    "summarize",
    "translate",
    "letter",
    "email",
    "his",
    "she",
    "he",
    "has",
    "have",
    "what",
    "how",
    "should",
    "into",
    "a",
    "an",
    "my",
    "are",
    "it",
    "on",
    "at",
    "from",
    "about",
    "does",
    "will",
    "would",
    "explain",
    "draft",
    "make",
    "help",
    "give",
    "which",
    "who",
    "not",
    "or",
    "if",
    "need",
    "needs",
    "asked",
    "asks",
    "wants",
    "suggest",
    "simple",
    "short",
    "english",
    "norwegian",
    "him",
    "them",
    "their",
    "there",
    "here",
    "were",
    "been",
    "being",
    "while",
    "after",
    "before",
    "nurse",
    "wife",
    "daughter",
    "son",
    "note",
    "check",
    "summary",
    "handover",
    "discharge",
    "referral",
    "dear",
    "mr",
    "mrs",
    "woman",
    "care",
    "hey",
    "hi",
    "thanks",
    "thank",
    "why",
    "when",
}
NO_WORDS = {
    "og",
    "er",
    "det",
    "på",
    "til",
    "med",
    "som",
    "har",
    "ikke",
    "ikkje",
    "jeg",
    "eg",
    "hun",
    "ho",
    "han",
    "en",
    "ei",
    "et",
    "av",
    "pasienten",
    "ble",
    "vart",
    "kl",
    "dager",
    "dagar",
    "hos",
    "skal",
    "fra",
    "frå",
    "etter",
    "ingen",
    "hei",
    "mvh",
    "sier",
    "seier",
    "også",
    "òg",
    "ved",
}
# words that occur in nynorsk but (practically) never in bokmål; one is enough
NN_MARKERS = {
    "ikkje",
    "eg",
    "frå",
    "kva",
    "korleis",
    "kvifor",
    "vart",
    "kjem",
    "ein",
    "eit",
    "dotter",
    "dottera",
    "dotra",
    "sonen",
    "sjukepleiar",
    "sjukepleiaren",
    "lækjar",
    "lækjaren",
    "heime",
    "berre",
    "meir",
    "fekk",
    "gjekk",
    "seier",
    "fortel",
    "brukaren",
    "òg",
    "dei",
    "veke",
    "veka",
    "vere",
    "kome",
    "sjukdom",
    "hennar",
    "heitte",
    "ringje",
    "gonger",
    "kvar",
    "sjølv",
    "morgon",
    "natta",
    "tysdag",
    "måndag",
    "laurdag",
    "sundag",
    "ønskjer",
    "brukar",
    "sjukeheim",
    "sjukehus",
    "sjukehuset",
    "mykje",
    "noko",
    "nokon",
    "nokre",
    "heimesjukepleia",
    "heimesjukepleie",
    "heimesjukepleiar",
    "innlagd",
    "fødd",
    "bur",
    "heim",
    "hjå",
    "saman",
    "fleire",
    "medan",
    "sidan",
    "gjere",
    "dokker",
    "ho",
    "tek",
    "teke",
    "tilrådd",
    "vitjing",
    "månader",
    "veker",
    "blodprøvar",
    "ringde",
    "vore",
    "vert",
    "dagleg",
    "treng",
    "helsing",
    "foreldra",
    "snakka",
    "handlar",
    "funnen",
    "golvet",
    "framleis",
    "mogleg",
    "opererast",
    "doserast",
    "innleggingar",
    "tilviser",
    "tilvisar",
    "sambuaren",
    "sambuar",
    "songstunda",
    "roleg",
    "tilbod",
    "nevøen",
    "staden",
    "heiter",
    "veit",
    "ligg",
    "tablettar",
    "medisinane",
    "hovudverk",
    "eigen",
    "utgreiing",
    "høyrer",
    "teikn",
    "korttidsopphald",
    "utanfor",
    "brukarar",
    "hending",
    "hendingar",
    "fyrst",
    "rettleiing",
    "meiner",
}

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """All (start, end) spans of needle in text, overlapping allowed."""
    spans = []
    start = text.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def bounded(text: str, span: tuple[int, int]) -> bool:
    s, e = span
    before_ok = s == 0 or not _is_word_char(text[s - 1])
    after_ok = e == len(text) or not _is_word_char(text[e])
    return before_ok and after_ok


def classify_language(text: str) -> tuple[bool, bool, bool]:
    """Return (english, mixed, nynorsk) by crude stop-word counts."""
    words = [w.lower() for w in WORD_RE.findall(text)]
    en = sum(1 for w in words if w in EN_WORDS)
    no = sum(1 for w in words if w in NO_WORDS)
    nn = sum(1 for w in words if w in NN_MARKERS)
    english = en >= 2 and en > no
    mixed = en >= 2 and not english
    nynorsk = nn >= 1 and not english
    return english, mixed, nynorsk


def check_file(path: Path, min_lines: int, max_reuse: int, verbose: bool) -> int:  # noqa: PLR0912
    errors: list[str] = []
    warnings: list[str] = []
    seen_texts: dict[str, int] = {}
    full_name_lines: dict[str, list[int]] = defaultdict(list)
    stats: Counter[str] = Counter()

    try:
        raw_lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        print(f"{path}: cannot read: {exc}", file=sys.stderr)
        return 1

    for lineno, raw in enumerate(raw_lines, start=1):
        where = f"{path}:{lineno}"
        if not raw.strip():
            errors.append(f"{where}: blank line")
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: invalid JSON: {exc}")
            continue
        if not isinstance(obj, dict):
            errors.append(f"{where}: not a JSON object")
            continue
        missing = [k for k in REQUIRED_KEYS if k not in obj]
        if missing:
            errors.append(f"{where}: missing keys {missing}")
            continue
        extra = sorted(set(obj) - set(REQUIRED_KEYS))
        if extra:
            warnings.append(f"{where}: unknown keys {extra}")
        text, persons, not_persons = obj["text"], obj["persons"], obj["not_persons"]
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: 'text' must be a non-empty string")
            continue
        bad_type = False
        for key, values in (("persons", persons), ("not_persons", not_persons)):
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                errors.append(f"{where}: '{key}' must be a list of strings")
                bad_type = True
        if bad_type:
            continue

        stats["lines"] += 1
        if text in seen_texts:
            errors.append(f"{where}: duplicate text (first on line {seen_texts[text]})")
        else:
            seen_texts[text] = lineno

        for key, values in (("persons", persons), ("not_persons", not_persons)):
            counted: Counter[str] = Counter(values)
            for value, n in counted.items():
                if n > 1:
                    errors.append(f"{where}: {key} lists {value!r} {n} times")
            for value in values:
                if not value.strip():
                    errors.append(f"{where}: empty string in {key}")
                elif value != value.strip():
                    errors.append(f"{where}: {key} value {value!r} has surrounding whitespace")
                elif value not in text:
                    errors.append(f"{where}: {key} value {value!r} not found verbatim in text")

        both = set(persons) & set(not_persons)
        for value in sorted(both):
            errors.append(f"{where}: {value!r} is in both persons and not_persons")

        person_spans: dict[str, list[tuple[int, int]]] = {}
        for p in set(persons):
            if not p.strip() or p not in text:
                continue
            spans = occurrences(text, p)
            person_spans[p] = spans
            for span in spans:
                if not bounded(text, span):
                    s, e = span
                    ctx = text[max(0, s - 12) : e + 12].replace("\n", "⏎")
                    errors.append(f"{where}: person {p!r} occurs inside a longer word: …{ctx}…")
            low = p.lower()
            if any(low.startswith(t) for t in TITLE_PREFIXES):
                warnings.append(f"{where}: person {p!r} starts with a title/role word")
            # case-insensitive extra matches (evaluators that lower-case)
            ci = [
                (m.start(), m.end()) for m in re.finditer(re.escape(p), text, flags=re.IGNORECASE)
            ]
            extra_ci = [sp for sp in ci if sp not in spans and bounded(text, sp)]
            if extra_ci:
                s, e = extra_ci[0]
                warnings.append(
                    f"{where}: person {p!r} also matches case-insensitively at "
                    f"{text[s:e]!r} (not annotated as that exact string)"
                )

        for np_ in set(not_persons):
            if not np_.strip() or np_ not in text:
                continue
            for ns, ne in occurrences(text, np_):
                for p, spans in person_spans.items():
                    for ps, pe in spans:
                        if ps < ne and ns < pe:
                            errors.append(f"{where}: person {p!r} overlaps not_person {np_!r}")

        # mention counting: word-bounded occurrences, nested ones merged
        all_spans = sorted(
            {sp for spans in person_spans.values() for sp in spans if bounded(text, sp)},
            key=lambda sp: (sp[0], -sp[1]),
        )
        merged = 0
        last_end = -1
        for s, e in all_spans:
            if s >= last_end:
                merged += 1
                last_end = e
            else:
                last_end = max(last_end, e)
        stats["person_mentions"] += merged
        stats["person_strings"] += len(persons)
        stats["not_person_strings"] += len(not_persons)
        if not persons:
            stats["lines_without_persons"] += 1
        lower = [p for p in persons if p.strip() and p == p.lower() and p != p.upper()]
        stats["lowercase_names"] += len(lower)
        if lower:
            stats["lines_with_lowercase_names"] += 1

        english, mixed, nynorsk = classify_language(text)
        stats["english_lines"] += english
        stats["mixed_lines"] += mixed
        stats["nynorsk_lines"] += nynorsk

        for p in set(persons):
            tokens = [t for t in re.split(r"\s+", p.strip()) if t]
            if len(tokens) >= 2:
                full_name_lines[" ".join(tokens).casefold()].append(lineno)

    for name, lines in sorted(full_name_lines.items()):
        if len(lines) > max_reuse:
            errors.append(
                f"{path}: full name {name!r} annotated on {len(lines)} lines "
                f"{lines} (max {max_reuse})"
            )

    if stats["lines"] < min_lines:
        errors.append(f"{path}: only {stats['lines']} valid lines (need at least {min_lines})")

    print(f"== {path}")
    rows = [
        ("lines", stats["lines"]),
        ("person strings annotated", stats["person_strings"]),
        ("person mentions (occurrences)", stats["person_mentions"]),
        ("distinct multi-word names", len(full_name_lines)),
        ("lines without persons", stats["lines_without_persons"]),
        ("lowercase-name count", stats["lowercase_names"]),
        ("lines with lowercase names", stats["lines_with_lowercase_names"]),
        ("English lines (heuristic)", stats["english_lines"]),
        ("mixed English/Norwegian lines (heuristic)", stats["mixed_lines"]),
        ("nynorsk-marked lines (heuristic)", stats["nynorsk_lines"]),
        ("not_persons strings", stats["not_person_strings"]),
    ]
    width = max(len(label) for label, _ in rows)
    for label, count in rows:
        print(f"  {label:<{width}}  {count}")
    if verbose or warnings:
        for w in warnings:
            print(f"  warning: {w}")
    for problem in errors:
        print(f"  ERROR: {problem}")
    print(
        f"  {'OK' if not errors else f'FAILED ({len(errors)} errors)'}"
        f"{f', {len(warnings)} warnings' if warnings else ''}"
    )
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(
            "Validate a sladd PERSON-name corpus (JSONL with text / persons / "
            "not_persons) and print counts."
        ),
        epilog="Exit status 0 if every file passes, 1 otherwise.",
    )
    parser.add_argument(
        "files", metavar="FILE", nargs="+", type=Path, help="JSONL corpus file(s) to check"
    )
    parser.add_argument(
        "--min-lines", type=int, default=220, help="minimum number of lines per file (default: 220)"
    )
    parser.add_argument(
        "--max-full-name-reuse",
        type=int,
        default=2,
        help="max lines on which one multi-word name may be annotated (default: 2)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="always print warnings")
    args = parser.parse_args(argv)
    status = 0
    for path in args.files:
        status |= check_file(path, args.min_lines, args.max_full_name_reuse, args.verbose)
    return status


if __name__ == "__main__":
    sys.exit(main())
