#!/usr/bin/env python3
"""Validate tests/data/clinical_identifiers.jsonl (stand-alone, standard library only).

Per line:
  * a JSON object with "text" (str), "entities" (list of {"type", "value"[, "checksum"]})
    and "keep" (list of str); known type names; every value and keep string occurs in text
  * checksum / format of every identifier (DESIGN.md §5): fødselsnummer family (ordinary,
    D, H, FH, synthetic month+65/+80, 2032 k1 rule), DUF, orgnr, kontonummer, KID (Luhn
    or mod 11), HPR (mod 11, weights 2-7 from the right), IBAN (NO, mod 97 + kontonummer),
    phone, postnummer, address, date of birth, licence plate, passport, journal number
  * {"checksum": "invalid"} marks a deliberate fødselsnummer typo: it must FAIL the rules
    and stand right after a fødselsnummer word
  * keep strings do not overlap entities; 11-digit keep strings fail the fødselsnummer and
    kontonummer checks and have no fødselsnummer word right before them
  * every run of 6+ digits is covered by an entity or a keep string, and no checksum-valid
    fødselsnummer is left unannotated
Corpus-wide: the coverage minimums below. Prints counts per type.

Usage: python tests/data/check_clinical_corpus.py [path.jsonl]   (exit 0 = pass)
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent / "clinical_identifiers.jsonl"

MIN_PER_TYPE = 12
MINIMUMS = {"NO_FODSELSNUMMER": 60, "PHONE_NUMBER": 40}
MIN_LINES = 250
MIN_NEGATIVE_LINES = 60
MIN_INVALID_FNR = 8

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
W_ORG = (3, 2, 7, 6, 5, 4, 3, 2)
W_DUF = (4, 6, 3, 2, 4, 6, 3, 2, 7, 5)

FNR_WORDS = re.compile(
    r"fødselsnummer|fødselsnr|f\.?\s?nr|fnr|personnummer|personnr|pers\.?\s?nr|pnr"
    r"|national id|id number|patient id",
    re.I,
)
CONTEXT: dict[str, tuple[re.Pattern[str], int]] = {
    "DATE_OF_BIRTH": (re.compile(r"født|fødd|\bf\.|fødselsdato|born", re.I), 25),
    "NO_KID": (re.compile(r"KID"), 30),
    "NO_HPR": (re.compile(r"HPR|helsepersonellnummer", re.I), 30),
    "NO_PASSPORT": (re.compile(r"pass", re.I), 30),
    "NO_JOURNALNUMMER": (
        re.compile(r"journalnr|journalnummer|pasientnr|pasientnummer|\bPID\b|pasient ?ID", re.I),
        60,
    ),
}
MONTHS = {
    m: i % 12 + 1
    for i, m in enumerate(
        "januar februar mars april mai juni juli august september oktober november desember "
        "january february march april may june july august september october november december"
        .split()
    )
}  # fmt: skip


@dataclass(frozen=True)
class Entity:
    type: str
    value: str
    expect_invalid: bool


@dataclass(frozen=True)
class Line:
    text: str
    entities: tuple[Entity, ...]
    keep: tuple[str, ...]


# ---------------------------------------------------------------- number rules
def _digits(s: str) -> list[int]:
    return [int(c) for c in s]


def _mod11(digits: list[int], weights: tuple[int, ...]) -> int | None:
    r = 11 - sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
    return {11: 0, 10: None}.get(r, r)


def _date_exists(day: int, month: int, yy: int) -> bool:
    for century in (1800, 1900, 2000):
        try:
            dt.date(century + yy, month, day)
        except ValueError:
            continue
        return True
    return False


def _century_ok(yy: int, indiv: int) -> bool:
    """Classic rule: the individnummer must map the year to a century."""
    return (
        indiv <= 499
        or (indiv <= 749 and yy >= 54)
        or (indiv >= 500 and yy <= 39)
        or (indiv >= 900 and yy >= 40)
    )


def _fnr_rule(d: list[int]) -> str | None:
    if (sum(a * b for a, b in zip(d[:10], W2, strict=True)) + d[10]) % 11 != 0:
        return None
    s1 = (sum(a * b for a, b in zip(d[:9], W1, strict=True)) + d[9]) % 11
    return {0: "classic", 1: "2032", 2: "2032", 3: "2032"}.get(s1)


def _date_kind(num: str) -> tuple[str, int, int]:
    """Variant name and the real day and month of a date-based number."""
    day, month = int(num[:2]), int(num[2:4])
    kind = "fnr"
    if 41 <= day <= 71:
        day, kind = day - 40, "dnr"
    for lo, hi, off, name in (
        (41, 52, 40, "hnr"),
        (66, 77, 65, "synth65"),
        (81, 92, 80, "synth80"),
    ):
        if lo <= month <= hi:
            month, kind = month - off, name if kind == "fnr" else f"{kind}+{name}"
    return kind, day, month


def fnr_kind(num: str) -> str | None:
    """Variant of a valid fødselsnummer-family number (fnr, dnr, hnr, fh, synth65,
    synth80; suffix -2032 when only the 2032 k1 rule holds), else None."""
    rule = _fnr_rule(_digits(num)) if re.fullmatch(r"\d{11}", num) and int(num) else None
    if rule is None or num[0] in "89":  # FH: no date, classic k1 only
        return "fh" if rule == "classic" else None
    kind, day, month = _date_kind(num)
    yy, indiv = int(num[4:6]), int(num[6:9])
    if not _date_exists(day, month, yy):
        return None
    if rule == "2032":  # century no longer encoded
        return f"{kind}-2032"
    century_ok = kind not in ("fnr", "dnr", "hnr") or _century_ok(yy, indiv)
    return kind if century_ok else None


def konto_ok(num: str) -> bool:
    return bool(re.fullmatch(r"\d{11}", num)) and _mod11(_digits(num[:10]), W2) == int(num[10])


def luhn_ok(num: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(_digits(num))):
        doubled = d * 2 if i % 2 else d
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0


def mod11_right_ok(num: str) -> bool:
    d = _digits(num)
    r = 11 - sum(x * (2 + i % 6) for i, x in enumerate(reversed(d[:-1]))) % 11
    return {11: 0, 10: None}.get(r, r) == d[-1]


# ---------------------------------------------------------------- per-type checks
# Each check returns an error message, or None when the value is fine.
def check_fnr(v: str, expect_invalid: bool) -> str | None:
    if not re.fullmatch(r"\d{6}[ -]?\d{5}", v):
        return "layout is not DDMMYYNNNNN, DDMMYY NNNNN or DDMMYY-NNNNN"
    kind = fnr_kind(re.sub(r"[ -]", "", v))
    if expect_invalid and kind:
        return f"marked invalid but is a valid {kind}"
    if not expect_invalid and not kind:
        return "fails the checksum/date rules"
    return None


def check_duf(v: str) -> str | None:
    n = v.replace(" ", "")
    if not re.fullmatch(r"(19|20)\d{10}", n):
        return "not 12 digits starting with a year"
    check = sum(a * b for a, b in zip(_digits(n[:10]), W_DUF, strict=True)) % 11
    return None if check == int(n[10:]) else "fails checksum"


def check_orgnr(v: str) -> str | None:
    m = re.fullmatch(r"(?:NO ?)?([89]\d{2} ?\d{3} ?\d{3})(?: ?MVA)?", v)
    n = m[1].replace(" ", "") if m else ""
    ok = m is not None and _mod11(_digits(n[:8]), W_ORG) == int(n[8])
    return None if ok else "bad layout or checksum"


def check_konto(v: str) -> str | None:
    ok = re.fullmatch(r"\d{4}([. ]?)\d{2}\1\d{5}", v) and konto_ok(re.sub(r"[. ]", "", v))
    return None if ok else "bad layout or checksum"


def check_kid(v: str) -> str | None:
    ok = re.fullmatch(r"\d{2,25}", v) and (luhn_ok(v) or mod11_right_ok(v))
    return None if ok else "fails Luhn and mod 11"


def check_hpr(v: str) -> str | None:
    return None if re.fullmatch(r"\d{7,9}", v) and mod11_right_ok(v) else "bad length or mod 11"


def check_iban(v: str) -> str | None:
    n = v.replace(" ", "")
    if not re.fullmatch(r"NO\d{13}", n):
        return "not NO + 13 digits"
    numeric = "".join(str(int(c, 36)) for c in n[4:] + n[:4])
    return None if int(numeric) % 97 == 1 and konto_ok(n[4:]) else "fails mod 97 / kontonummer"


def check_phone(v: str) -> str | None:
    body = re.sub(r"^(\+47|0047) ?", "", v)
    if not re.fullmatch(r"\d{8}|\d{3} \d{2} \d{3}|\d{2} \d{2} \d{2} \d{2}", body):
        return "not a Norwegian phone layout"
    ok = re.fullmatch(r"4[015-8]\d{6}|9\d{7}|[23567]\d{7}", body.replace(" ", ""))
    return None if ok else "not a Norwegian mobile or fixed-line series"


def check_email(v: str) -> str | None:
    return None if re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", v) else "malformed"


def _postnummer_ok(s: str) -> bool:
    return 1 <= int(s) <= 9991


def check_address(v: str) -> str | None:
    m = re.fullmatch(
        r"[A-ZÆØÅa-zæøå][\w .'-]*?\s\d{1,4}\s?[A-Za-z]?(?:,\s(\d{4})\s[A-ZÆØÅa-zæøå][\w .-]*)?", v
    )
    if not m:
        return "not street + house number [, postnummer poststed]"
    return None if m[1] is None or _postnummer_ok(m[1]) else "postnummer out of range"


def check_postnummer(v: str) -> str | None:
    m = re.fullmatch(r"(\d{4}) [A-ZÆØÅ][\w .-]*", v)
    return None if m and _postnummer_ok(m[1]) else "not 'NNNN Poststed'"


def parse_date(v: str) -> dt.date | None:
    def month(name: str) -> int:
        return MONTHS.get(name.lower(), 0)

    patterns: list[tuple[str, Callable[[re.Match[str]], tuple[int, int, int]]]] = [
        (r"(\d{1,2})[./](\d{1,2})[./](\d{4})", lambda m: (int(m[3]), int(m[2]), int(m[1]))),
        (r"(\d{1,2})[./](\d{1,2})[./](\d{2})", lambda m: (1900 + int(m[3]), int(m[2]), int(m[1]))),
        (r"(\d{4})-(\d{2})-(\d{2})", lambda m: (int(m[1]), int(m[2]), int(m[3]))),
        (r"(\d{1,2})\.? (\w+) (\d{4})", lambda m: (int(m[3]), month(m[2]), int(m[1]))),
        (r"(\w+) (\d{1,2}), (\d{4})", lambda m: (int(m[3]), month(m[1]), int(m[2]))),
    ]
    for pattern, ymd in patterns:
        m = re.fullmatch(pattern, v)
        if m:
            try:
                return dt.date(*ymd(m))
            except ValueError:
                return None
    return None


def check_dob(v: str) -> str | None:
    d = parse_date(v)
    ok = d is not None and dt.date(1890, 1, 1) <= d <= dt.date(2024, 12, 31)
    return None if ok else "not a plausible date"


def check_plate(v: str) -> str | None:
    return None if re.fullmatch(r"[A-Z]{2} ?\d{4,5}", v) else "not 2 letters + 4-5 digits"


def check_passport(v: str) -> str | None:
    return None if re.fullmatch(r"[A-Z0-9]{1,9}", v) else "not up to 9 alphanumerics"


def check_journal(v: str) -> str | None:
    return None if re.fullmatch(r"[\w-]{3,20}", v) else "malformed"


CHECKS: dict[str, Callable[[str], str | None]] = {
    "NO_DUF": check_duf,
    "NO_ORGNR": check_orgnr,
    "NO_KONTONUMMER": check_konto,
    "NO_KID": check_kid,
    "NO_HPR": check_hpr,
    "IBAN_CODE": check_iban,
    "PHONE_NUMBER": check_phone,
    "EMAIL_ADDRESS": check_email,
    "NO_ADDRESS": check_address,
    "NO_POSTNUMMER": check_postnummer,
    "DATE_OF_BIRTH": check_dob,
    "NO_LICENSE_PLATE": check_plate,
    "NO_PASSPORT": check_passport,
    "NO_JOURNALNUMMER": check_journal,
}
TYPES = {"NO_FODSELSNUMMER", *CHECKS}


# ---------------------------------------------------------------- parsing
def parse_line(raw: str) -> tuple[Line | None, list[str]]:
    """Turn one JSONL line into a Line, or report why it cannot be one."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        return None, [f"invalid JSON: {exc}"]
    if not isinstance(obj, dict) or set(obj) != {"text", "entities", "keep"}:
        return None, ["not an object with exactly text, entities, keep"]
    text, ents, keep = obj["text"], obj["entities"], obj["keep"]
    if not isinstance(text, str) or not isinstance(ents, list) or not isinstance(keep, list):
        return None, ["text must be a string, entities and keep lists"]
    problems, entities = [], []
    for e in ents:
        if not (isinstance(e, dict) and set(e) - {"checksum"} == {"type", "value"}):
            problems.append(f"bad entity {e!r}")
        elif not isinstance(e["value"], str) or not e["value"] or e["type"] not in TYPES:
            problems.append(f"bad entity type or value {e!r}")
        elif e.get("checksum", "invalid") != "invalid":
            problems.append(f"unknown checksum marker in {e!r}")
        else:
            entities.append(Entity(e["type"], e["value"], "checksum" in e))
    if not all(isinstance(k, str) and k for k in keep):
        problems.append("keep must hold non-empty strings")
        keep = [k for k in keep if isinstance(k, str) and k]
    return Line(text, tuple(entities), tuple(keep)), problems


# ---------------------------------------------------------------- line checks
def spans(text: str, values: list[str]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for v in values for m in re.finditer(re.escape(v), text)]


def inside(span: tuple[int, int], spans_: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans_)


def overlaps(span: tuple[int, int], spans_: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans_)


def entity_problems(line: Line, stats: Counter[str]) -> list[str]:
    problems = []
    for e in line.entities:
        pos = line.text.find(e.value)
        if pos < 0:
            problems.append(f"{e.type} {e.value!r} not in text")
            continue
        if e.expect_invalid and e.type != "NO_FODSELSNUMMER":
            problems.append(f"{e.type} {e.value!r}: only fødselsnummer typos may be invalid")
        if e.type == "NO_FODSELSNUMMER":
            err = check_fnr(e.value, e.expect_invalid)
            near = FNR_WORDS.search(line.text[max(0, pos - 25) : pos])
            if e.expect_invalid and not near:
                err = err or "typo without a fødselsnummer word right before it"
            kind = fnr_kind(re.sub(r"[ -]", "", e.value)) or "invalid(typo)"
            stats[f"fnr:{kind}"] += 1
            sep = e.value[6] if e.value[6] in " -" else ""
            stats[f"layout:DDMMYY{sep}NNNNN"] += 1
        else:
            err = CHECKS[e.type](e.value)
        if e.type in CONTEXT and not err:
            pattern, width = CONTEXT[e.type]
            if not pattern.search(line.text[max(0, pos - width) : pos]):
                err = "no context word before it"
        if err:
            problems.append(f"{e.type} {e.value!r}: {err}")
    return problems


def keep_problems(line: Line, ent_spans: list[tuple[int, int]]) -> list[str]:
    problems = []
    for k in line.keep:
        found = spans(line.text, [k])
        if not found:
            problems.append(f"keep {k!r} not in text")
        elif any(overlaps(s, ent_spans) for s in found):
            problems.append(f"keep {k!r} overlaps an entity")
        elif re.fullmatch(r"\d{11}", k):
            if fnr_kind(k) or konto_ok(k):
                problems.append(f"keep {k!r} passes a fødselsnummer/kontonummer checksum")
            if any(FNR_WORDS.search(line.text[max(0, a - 30) : a]) for a, _ in found):
                problems.append(f"keep {k!r} has a fødselsnummer word right before it")
    return problems


def coverage_problems(line: Line, ent_spans: list[tuple[int, int]]) -> list[str]:
    covered = ent_spans + spans(line.text, list(line.keep))
    problems = [
        f"digit run {m[0]!r} is neither an entity nor a keep string"
        for m in re.finditer(r"\d{6,}", line.text)
        if not inside(m.span(), covered)
    ]
    for m in re.finditer(r"(?<![\d.])(\d{6})[ -]?(\d{5})(?![\d.])", line.text):
        if fnr_kind(m[1] + m[2]) and not inside(m.span(), ent_spans):
            problems.append(f"valid fødselsnummer {m[0]!r} not annotated")
    if "00000000000" in line.text:
        problems.append("degenerate 00000000000 in text")
    return problems


def line_problems(line: Line, stats: Counter[str]) -> list[str]:
    ent_spans = spans(line.text, [e.value for e in line.entities])
    return (
        entity_problems(line, stats)
        + keep_problems(line, ent_spans)
        + coverage_problems(line, ent_spans)
    )


# ---------------------------------------------------------------- corpus
def report(counts: Counter[str], stats: Counter[str], n_lines: int, n_negative: int) -> bool:
    """Print the summary; True when the corpus meets the coverage minimums."""
    ok = n_lines >= MIN_LINES and n_negative >= MIN_NEGATIVE_LINES
    print(f"{n_lines} lines (min {MIN_LINES}), ", end="")
    print(f"{n_negative} without identifiers (min {MIN_NEGATIVE_LINES})")
    print("entities per type:")
    for t in sorted(TYPES):
        need = MINIMUMS.get(t, MIN_PER_TYPE)
        ok &= counts[t] >= need
        print(f"  {t:20s} {counts[t]:4d}{'' if counts[t] >= need else f'   < minimum {need}'}")
    print(f"  {'total':20s} {sum(counts.values()):4d}")
    print("fødselsnummer family:")
    for k in sorted(stats):
        print(f"  {k:26s} {stats[k]:4d}")
    ok &= stats["fnr:invalid(typo)"] >= MIN_INVALID_FNR
    return ok


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    counts: Counter[str] = Counter()
    stats: Counter[str] = Counter()
    seen: set[str] = set()
    n_lines = n_negative = n_bad = 0
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        n_lines += 1
        line, problems = parse_line(raw)
        if line is not None:
            problems += line_problems(line, stats)
            problems += ["duplicate text"] if line.text in seen else []
            seen.add(line.text)
            counts.update(e.type for e in line.entities)
            n_negative += not line.entities
        for p in problems:
            print(f"line {lineno}: {p}")
        n_bad += bool(problems)
    print(f"\n{path}: {n_bad} lines with problems")
    ok = report(counts, stats, n_lines, n_negative) and n_bad == 0
    print("OK" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
