#!/usr/bin/env python3
"""Build tests/data/clinical_identifiers.jsonl, an independent evaluation corpus.

Every corpus line is a hand-written text (``clinical_templates.txt``, beside this). Only the
checksum-bearing numbers are generated, so that every fødselsnummer, orgnr,
kontonummer, KID, DUF, HPR and IBAN is valid -- or, for the deliberate typo
cases, deliberately invalid. The output is deterministic (seeded).

Template mini-language
----------------------
{kind[@slot][:fmt]}  generated identifier, recorded as an entity:
    fnr dnr hnr fh s65 s80 f32 fbad   fødselsnummer family (fbad = typo of the
                                      slot's fnr); fmt c (DDMMYYNNNNN) | sp | dash
    dob     date of birth; fmt dmy dmy2 dmy1 iso slash long en enus
    mob     mobile; fmt sp (912 34 567) | p (91 23 45 67) | c | +47 | +47c | 0047
    fast    fixed line; fmt p (22 33 44 55) | sp | c | +47 | +47c
    org     c | sp | mva (NO 999 999 999 MVA) | mvac     konto  dot | c | sp
    kid     luhn | 11        duf  c | sp       hpr  7 | 8       iban  sp | c
  slot: placeholders with the same slot describe one person (shared birth date).
    'c…' child (2008-2023), 'o…' old (1925-1950), 'y…' young adult (1984-2003),
    'dYYYYMMDD' a fixed birth date, anything else 1946-2002; no slot: a new person.
{age@slot}   age of that person on 2024-06-01, plain text
{ref11}      11-digit reference number failing the fødselsnummer and kontonummer
             checksums; recorded as a keep string
<<T|value>>  literal entity; T in A (address), PN (postnummer), EM (e-mail),
             J (journalnummer), PASS, PL (licence plate), PH (phone), DOB
[[text]]     keep string (placeholders inside are expanded first)
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SEED = 20240611
OUT = Path(__file__).resolve().parents[2] / "tests" / "data" / "clinical_identifiers.jsonl"

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
W_ORG = (3, 2, 7, 6, 5, 4, 3, 2)
W_DUF = (4, 6, 3, 2, 4, 6, 3, 2, 7, 5)

MONTHS_NO = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
             "september", "oktober", "november", "desember")  # fmt: skip
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip

REF_DATE = dt.date(2024, 6, 1)
BIRTH_RANGES = {
    "c": (dt.date(2008, 1, 1), dt.date(2023, 12, 31)),
    "o": (dt.date(1925, 1, 1), dt.date(1950, 12, 31)),
    "y": (dt.date(1984, 1, 1), dt.date(2003, 12, 31)),
    "": (dt.date(1946, 1, 1), dt.date(2002, 12, 31)),
}
# fmt: off
BANKS = ("1503", "1506", "1254", "1644", "3000", "9710", "1822", "6011", "1202", "9235",
         "3201", "1080", "4202", "2801", "3624", "1813", "9365", "4312", "8601", "0539")
# fmt: on


# ---------------------------------------------------------------- checksums
def digits_of(s: str) -> list[int]:
    return [int(c) for c in s]


def mod11(digits: list[int], weights: tuple[int, ...]) -> int | None:
    """FNR-style control digit: 11 - (sum mod 11); 11 -> 0; 10 -> None."""
    r = 11 - sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
    return {11: 0, 10: None}.get(r, r)


def mod11_right(digits: list[int]) -> int | None:
    """Mod 11 with weights 2..7 cycling from the right (KID mod 11, HPR)."""
    r = 11 - sum(d * (2 + i % 6) for i, d in enumerate(reversed(digits))) % 11
    return {11: 0, 10: None}.get(r, r)


def luhn_digit(digits: list[int]) -> int:
    total = 0
    for i, d in enumerate(reversed(digits)):
        doubled = d * 2 if i % 2 == 0 else d
        total += doubled - 9 if doubled > 9 else doubled
    return (10 - total % 10) % 10


def fnr_rule(num: str) -> str | None:
    """'classic' or '2032' when an 11-digit number passes k1/k2, else None."""
    d = digits_of(num)
    if len(d) != 11 or num == "0" * 11:
        return None
    if (sum(a * b for a, b in zip(d[:10], W2, strict=True)) + d[10]) % 11 != 0:
        return None
    s1 = (sum(a * b for a, b in zip(d[:9], W1, strict=True)) + d[9]) % 11
    return {0: "classic", 1: "2032", 2: "2032", 3: "2032"}.get(s1)


def konto_ok(num: str) -> bool:
    d = digits_of(num)
    return len(d) == 11 and mod11(d[:10], W2) == d[10]


# ---------------------------------------------------------------- generator
# kind -> (day offset, month offset, individnummer follows century?, k1 rule)
FNR_KINDS: dict[str, tuple[int, int, bool, str]] = {
    "fnr": (0, 0, True, "classic"),
    "dnr": (40, 0, True, "classic"),
    "hnr": (0, 40, True, "classic"),
    "s65": (0, 65, False, "classic"),
    "s80": (0, 80, False, "classic"),
    "f32": (0, 0, False, "2032"),
}


class Gen:
    """Seeded source of unique, checksum-valid identifiers."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)  # noqa: S311 -- test data, not secrets
        self.used: set[str] = set()

    def uniq(self, make: Callable[[], str | None]) -> str:
        for _ in range(1000):
            v = make()
            if v is not None and v not in self.used:
                self.used.add(v)
                return v
        raise RuntimeError("could not make a unique value")

    def digits(self, n: int) -> str:
        return "".join(str(self.r.randint(0, 9)) for _ in range(n))

    def birthdate(self, slot: str | None) -> dt.date:
        if slot and re.fullmatch(r"d\d{8}", slot):
            return dt.date(int(slot[1:5]), int(slot[5:7]), int(slot[7:9]))
        key = slot[0] if slot and slot[0] in "coy" else ""
        lo, hi = BIRTH_RANGES[key]
        return lo + dt.timedelta(days=self.r.randint(0, (hi - lo).days))

    def individnummer(self, year: int) -> int:
        if 1900 <= year <= 1999:
            if year >= 1940 and self.r.random() < 0.25:
                return self.r.randint(900, 999)
            return self.r.randint(0, 499)
        if 2000 <= year <= 2039:
            return self.r.randint(500, 999)
        return self.r.randint(500, 749)  # 1854-1899

    def _check_digits(self, base: str, rule: str) -> str | None:
        d = digits_of(base)
        if rule == "classic":
            k1 = mod11(d, W1)
        else:  # 2032: the weighted sum including k1 is 1, 2 or 3 mod 11
            k1 = (self.r.choice([1, 2, 3]) - sum(a * b for a, b in zip(d, W1, strict=True))) % 11
            k1 = None if k1 == 10 else k1
        if k1 is None:
            return None
        k2 = mod11([*d, k1], W2)
        return None if k2 is None else f"{base}{k1}{k2}"

    def fnr(self, kind: str, bd: dt.date) -> str:
        if kind == "fh":
            return self.uniq(
                lambda: self._check_digits(self.r.choice("89") + self.digits(8), "classic")
            )
        day_off, month_off, by_century, rule = FNR_KINDS[kind]
        date = f"{bd.day + day_off:02d}{bd.month + month_off:02d}{bd.year % 100:02d}"

        def one() -> str | None:
            ind = self.individnummer(bd.year) if by_century else self.r.randint(0, 999)
            num = self._check_digits(f"{date}{ind:03d}", rule)
            assert num is None or fnr_rule(num) == rule, (num, rule)
            return num

        return self.uniq(one)

    def typo(self, good: str) -> str:
        """A mistyped copy of a valid fødselsnummer that fails the checksums."""

        def one() -> str | None:
            d = list(good)
            if self.r.random() < 0.5:  # one mistyped digit
                i = self.r.randint(6, 10)
                d[i] = str((int(d[i]) + self.r.randint(1, 9)) % 10)
            else:  # two neighbours swapped
                i = self.r.randint(6, 9)
                d[i], d[i + 1] = d[i + 1], d[i]
            num = "".join(d)
            return None if num == good or fnr_rule(num) or konto_ok(num) else num

        return self.uniq(one)

    def phone(self, mobile: bool) -> str:
        def one() -> str:
            if not mobile:
                first = self.r.choice("23567") + self.digits(1)
            elif self.r.random() < 0.7:
                first = "9" + self.digits(1)
            else:
                first = "4" + self.r.choice("015678")
            return first + self.digits(6)

        return self.uniq(one)

    def orgnr(self) -> str:
        def one() -> str | None:
            base = self.r.choice("8999") + self.digits(7)
            k = mod11(digits_of(base), W_ORG)
            return None if k is None else f"{base}{k}"

        return self.uniq(one)

    def kontonr(self) -> str:
        def one() -> str | None:
            base = self.r.choice(BANKS) + self.digits(6)
            k = mod11(digits_of(base), W2)
            num = f"{base}{k}"
            # a kontonummer that is also a valid fødselsnummer would blur the labels
            return None if k is None or fnr_rule(num) else num

        return self.uniq(one)

    def kid(self, kind: str) -> str:
        def one() -> str | None:
            d = [self.r.randint(1, 9), *digits_of(self.digits(self.r.randint(5, 15)))]
            k = mod11_right(d) if kind == "11" else luhn_digit(d)
            return None if k is None else "".join(map(str, d)) + str(k)

        return self.uniq(one)

    def duf(self) -> str:
        def one() -> str:
            base = f"{self.r.randint(2002, 2023)}{self.digits(6)}"
            check = sum(a * b for a, b in zip(digits_of(base), W_DUF, strict=True)) % 11
            return f"{base}{check:02d}"

        return self.uniq(one)

    def hpr(self, n: int) -> str:
        def one() -> str | None:
            d = [self.r.randint(1, 9), *digits_of(self.digits(n - 2))]
            k = mod11_right(d)
            return None if k is None else "".join(map(str, d)) + str(k)

        return self.uniq(one)

    def iban(self) -> str:
        bban = self.kontonr()
        return f"NO{98 - int(bban + '232400') % 97:02d}{bban}"

    def ref11(self) -> str:
        def one() -> str | None:
            num = str(self.r.randint(1, 9)) + self.digits(10)
            return None if fnr_rule(num) or konto_ok(num) else num

        return self.uniq(one)


# ---------------------------------------------------------------- formatting
def fmt_fnr(num: str, fmt: str) -> str:
    return {"": num, "c": num, "sp": f"{num[:6]} {num[6:]}", "dash": f"{num[:6]}-{num[6:]}"}[fmt]


def fmt_dob(d: dt.date, fmt: str) -> str:
    return {
        "": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dmy": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dmy2": f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
        "dmy1": f"{d.day}.{d.month}.{d.year}",
        "iso": d.isoformat(),
        "slash": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "long": f"{d.day}. {MONTHS_NO[d.month - 1]} {d.year}",
        "en": f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}",
        "enus": f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}",
    }[fmt]


def fmt_phone(n: str, fmt: str, mobile: bool) -> str:
    sp = f"{n[:3]} {n[3:5]} {n[5:]}"
    pairs = f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"
    default = sp if mobile else pairs
    return {"": default, "sp": sp, "p": pairs, "c": n, "+47": f"+47 {default}",
            "+47c": f"+47{n}", "0047": f"0047 {default}"}[fmt]  # fmt: skip


def fmt_org(n: str, fmt: str) -> str:
    sp = f"{n[:3]} {n[3:6]} {n[6:]}"
    return {"": n, "c": n, "sp": sp, "mva": f"NO {sp} MVA", "mvac": f"NO{n}MVA"}[fmt]


def fmt_konto(n: str, fmt: str) -> str:
    dots = f"{n[:4]}.{n[4:6]}.{n[6:]}"
    return {"": dots, "dot": dots, "c": n, "sp": f"{n[:4]} {n[4:6]} {n[6:]}"}[fmt]


def fmt_iban(n: str, fmt: str) -> str:
    return n if fmt == "c" else " ".join(n[i : i + 4] for i in range(0, len(n), 4))


def fmt_duf(n: str, fmt: str) -> str:
    return f"{n[:4]} {n[4:10]} {n[10:]}" if fmt == "sp" else n


# ---------------------------------------------------------------- filling templates
LITERAL = {"A": "NO_ADDRESS", "PN": "NO_POSTNUMMER", "EM": "EMAIL_ADDRESS",
           "J": "NO_JOURNALNUMMER", "PASS": "NO_PASSPORT", "PL": "NO_LICENSE_PLATE",
           "PH": "PHONE_NUMBER", "DOB": "DATE_OF_BIRTH"}  # fmt: skip
FNR_FAMILY = {*FNR_KINDS, "fh", "fbad"}
TOKEN = re.compile(
    r"\{(?P<kind>[a-z0-9]+)(?:@(?P<slot>[a-z0-9]+))?(?::(?P<fmt>[^}]*))?\}"
    r"|<<(?P<lit>[A-Z]+)\|(?P<litval>.*?)>>"
    r"|\[\[(?P<keep>.*?)\]\]",
    re.S,
)


@dataclass
class Line:
    """The state of one template while it is filled in."""

    persons: dict[str, dt.date] = field(default_factory=dict)
    slot_fnr: dict[str, str] = field(default_factory=dict)
    entities: list[dict[str, str]] = field(default_factory=list)
    keep: list[str] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)


class Filler:
    def __init__(self, gen: Gen) -> None:
        self.g = gen
        self.makers: dict[str, Callable[[str, Line, str | None], tuple[str, str]]] = {
            "dob": lambda f, ln, s: ("DATE_OF_BIRTH", fmt_dob(self.person(ln, s), f)),
            "mob": lambda f, ln, s: ("PHONE_NUMBER", fmt_phone(self.g.phone(True), f, True)),
            "fast": lambda f, ln, s: ("PHONE_NUMBER", fmt_phone(self.g.phone(False), f, False)),
            "org": lambda f, ln, s: ("NO_ORGNR", fmt_org(self.g.orgnr(), f)),
            "konto": lambda f, ln, s: ("NO_KONTONUMMER", fmt_konto(self.g.kontonr(), f)),
            "kid": lambda f, ln, s: ("NO_KID", self.g.kid(f or "luhn")),
            "duf": lambda f, ln, s: ("NO_DUF", fmt_duf(self.g.duf(), f)),
            "hpr": lambda f, ln, s: ("NO_HPR", self.g.hpr(int(f or 7))),
            "iban": lambda f, ln, s: ("IBAN_CODE", fmt_iban(self.g.iban(), f)),
        }

    def person(self, line: Line, slot: str | None) -> dt.date:
        if slot is None:
            return self.g.birthdate(None)
        if slot not in line.persons:
            line.persons[slot] = self.g.birthdate(slot)
        return line.persons[slot]

    def fnr_family(self, kind: str, slot: str | None, fmt: str, line: Line) -> dict[str, str]:
        bd = self.person(line, slot)
        if kind in ("fnr", "fbad"):
            # a typo and the correct number of one person share their digits
            key = slot or f"_anon{len(line.slot_fnr)}"
            if key not in line.slot_fnr:
                line.slot_fnr[key] = self.g.fnr("fnr", bd)
            good = line.slot_fnr[key]
            num = good if kind == "fnr" else self.g.typo(good)
        else:
            num = self.g.fnr(kind, bd)
        line.variants.append(kind)
        ent = {"type": "NO_FODSELSNUMMER", "value": fmt_fnr(num, fmt)}
        if kind == "fbad":
            ent["checksum"] = "invalid"
        return ent

    def plain(self, m: re.Match[str], line: Line) -> str:
        """Expand a placeholder that yields text but no entity ({age}, {ref11})."""
        if m["kind"] == "age":
            bd = self.person(line, m["slot"])
            before = (REF_DATE.month, REF_DATE.day) < (bd.month, bd.day)
            return str(REF_DATE.year - bd.year - before)
        if m["kind"] == "ref11":
            return self.g.ref11()
        raise ValueError(f"entity placeholder {m[0]} where plain text is expected")

    def token(self, m: re.Match[str], line: Line) -> str:
        kind, slot, fmt = m["kind"], m["slot"], m["fmt"] or ""
        if m["keep"] is not None:
            text = TOKEN.sub(lambda inner: self.plain(inner, line), m["keep"])
            line.keep.append(text)
            return text
        if m["lit"] is not None:
            line.entities.append({"type": LITERAL[m["lit"]], "value": m["litval"]})
            return str(m["litval"])
        if kind in ("age", "ref11"):
            text = self.plain(m, line)
            if kind == "ref11":
                line.keep.append(text)
            return text
        if kind in FNR_FAMILY:
            ent = self.fnr_family(kind, slot, fmt, line)
        else:
            typ, value = self.makers[kind](fmt, line, slot)
            ent = {"type": typ, "value": value}
        line.entities.append(ent)
        return ent["value"]

    def fill(self, template: str) -> tuple[dict[str, object], list[str]]:
        line = Line()
        text = TOKEN.sub(lambda m: self.token(m, line), template)
        for e in line.entities:
            assert e["value"] in text, (e, text)
        for k in line.keep:
            assert k in text, (k, text)
        row: dict[str, object] = {
            "text": text,
            "entities": line.entities,
            "keep": list(dict.fromkeys(line.keep)),
        }
        return row, line.variants


TEMPLATES_FILE = Path(__file__).resolve().parent / "clinical_templates.txt"


def read_templates(path: Path = TEMPLATES_FILE) -> list[str]:
    """The hand-written texts, one per corpus line: each entry of ``path`` ends with a line
    ``%%``; lines starting with ``#`` between entries are comments."""
    templates: list[str] = []
    entry: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line == "%%":
            templates.append("\n".join(entry))
            entry = []
        elif entry or (line and not line.startswith("#")):
            entry.append(line)
    return templates


# =============================================================================
def build(seed: int = SEED) -> tuple[list[dict[str, object]], list[str]]:
    filler = Filler(Gen(seed))
    rows, variants = [], []
    for template in read_templates():
        row, v = filler.fill(template)
        rows.append(row)
        variants.extend(v)
    return rows, variants


def main() -> int:
    rows, variants = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    negatives = 0
    for row in rows:
        entities = row["entities"]
        assert isinstance(entities, list)
        negatives += not entities
        for e in entities:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
    print(f"wrote {len(rows)} lines to {OUT}")
    for k in sorted(counts):
        print(f"  {k:20s} {counts[k]}")
    print("  fødselsnummer variants:", {v: variants.count(v) for v in sorted(set(variants))})
    print("  lines without entities:", negatives)
    return 0


if __name__ == "__main__":
    sys.exit(main())
