#!/usr/bin/env python3
"""Build tests/data/clinical_identifiers.jsonl, an independent evaluation corpus.

Every corpus line is a hand-written text (TEMPLATES, below the code). Only the
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

# The templates are prose; wrapping them to 100 columns would change the corpus.
# ruff: noqa: E501

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
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "clinical_identifiers.jsonl"

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
BANKS = ("1503", "1506", "1254", "1644", "3000", "9710", "1822", "6011", "1202", "9235",
         "3201", "1080", "4202", "2801", "3624", "1813", "9365", "4312", "8601", "0539")  # fmt: skip


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


# =============================================================================
# The texts. One entry = one corpus line. Written by hand, grouped by genre.
# =============================================================================
TEMPLATES: list[str] = []
T = TEMPLATES.append

# ---------------------------------------------------------------- henvisninger (bokmål)
T("""Henvisning til ortopedisk poliklinikk, Sykehuset Innlandet Gjøvik

Pasient: Arne Bakken, f.nr: {fnr@o1:sp}
Adresse: <<A|Sjøgata 7, 2815 Gjøvik>>
Tlf: {mob}

Problemstilling: Økende smerter i høyre kne siste år, rtg viser uttalt artrose. Ønsker vurdering mtp. protese. [[BMI 31]]. Bruker [[Paracet 1 g x 4]] og [[Ibux 400 mg]] ved behov.
Henvisende lege: Ingrid Holm, Gjøvik legesenter""")

T(
    """Henvisning hjertepoliklinikk. {age@1} år gammel mann, Pers.nr. {fnr@1}, med tung pust ved anstrengelse siste 3 mnd. EKG: sinusrytme, ingen ST-endringer. [[BT 158/94]], [[puls 88]]. [[NT-proBNP 1240]]. Står på [[Ramipril 5 mg x 1]]. Spørsmål om hjertesvikt. Pasienten kan nås på mobil {mob:c}. Mvh Lars Eriksen, fastlege, HPR-nr {hpr}"""
)

T("""Til: Gastromedisinsk poliklinikk, Haukeland universitetssjukehus
Fra: Åsane legesenter v/ dr. Hilde Sørensen (HPR {hpr:8})

Gjelder: Mona Kristiansen, fødselsnr. {fnr@1:dash}, <<A|Åsamyrane 112, 5116 Ulset>>

Jernmangelanemi uten kjent årsak. [[Hb 9,8]], [[ferritin 6]], [[MCV 71]]. Negativ [[iFOBT]]. Ber om gastroskopi/koloskopi. Pas. ønsker å bli kontaktet på {mob:+47}.""")

T("""HENVISNING – øre-nese-hals
Navn: Jonas Aas Lie   Fnr {fnr@c1}
Foresatte: Silje Aas, tlf {mob}
Gjentatte otitter siste vinter (5 episoder), behandlet med [[Apocillin]]. Vurdering mtp dren? Hørselstest ved helsestasjonen [[12.02.2024]] viste nedsatt hørsel venstre side.""")

T(
    """Henvises til hukommelsesklinikken. Pasient Kåre Haugland (f. {dob@o1:dmy}), bor alene i <<A|Granveien 4, 1850 Mysen>>. Kona døde i fjor. Datter Line (pårørende) ringer ofte: {mob:p}. [[MMSE 21/30]], klokketest patologisk. CT caput [[14.03.2024]]: sentral atrofi. Ingen kjent [[Parkinsons sykdom]]."""
)

T("""Henvisning til psykiatrisk poliklinikk (DPS Solli)
Pasient: Emilie Nygård
Fødselsnummer: {fnr@d19980723}
Mobil: {mob:c}  E-post: <<EM|emilie.nygaard98@gmail.com>>

Moderat depressiv episode ([[F32.1]]), [[PHQ-9 18]]. Startet [[Sertralin 50 mg]] i januar uten særlig effekt. Ingen suicidale planer. Ønsker samtaleterapi.""")

T(
    """Henv. revmatologisk avd., Diakonhjemmet. Pas. Geir Olsen, pnr {fnr@1:sp}. {age@1} år, morgenstivhet > 1 time i korsrygg, [[CRP 23]], [[SR 38]], HLA-B27 positiv. Mistanke om [[Bechterews sykdom]]. Henvisende: fastlege Anne Brekke, Ullevål legekontor, HPR-nr. {hpr}, tlf. {fast}."""
)

T("""Henvisning – gynekologisk pol.
Pasient: Sara Hussain, D-nr. {dnr@1}
Adresse: <<A|Tøyengata 33B, 0578 Oslo>>
Tolk: behov for urdu-tolk.
Uregelmessige blødninger siden [[2022]], UL hos fastlege viser myom ca [[4 cm]]. [[Hb 10,9]]. Kontaktes via mobil {mob:+47c}.""")

T("""Elektronisk henvisning, barne- og ungdomsklinikken, St. Olavs hospital
Barn: Ella Moe, født {dob@c1:dmy1}, fnr {fnr@c1:sp}
Mor: Tone Moe, tlf {mob}; far: Jan Ove Moe, tlf {mob}
Vektstagnasjon siste 6 mnd, vekt [[12,4 kg]], lengde [[88 cm]]. Løs avføring. Ønsker utredning for cøliaki ([[K90.0]]?). Transglutaminase-IgA [[> 128]].""")

T("""Henvisning fysioterapi
Til: Kongsberg fysikalske institutt, org.nr {org:sp}
Pasient: Trond Vik, {fnr@1:dash}, <<A|Nymoens torg 2, 3611 Kongsberg>>, mobil {mob:c}
Diagnose: [[L86]] ryggsyndrom med utstråling. 10 behandlinger ønskes.
Fastlege Maria Lund, HPR {hpr:8}""")

T(
    """henvisning nevrolog: pasienten, Rune Tangen fnr {fnr@1} har hatt 3 episoder med forbigående synstap høyre øye siste uke. [[ABCD2 4]]. Startet [[Albyl-E 75 mg]] og [[Atorvastatin 40 mg]]. Haster! Ring meg på {mob:c} om det er noe. Kari Haug, legevakt"""
)

T("""Henvisning til hudpoliklinikk
Navn: Ola Nordli
Pers.nr.: {fnr@o1}
Tlf. {fast:+47}
Pigmentert lesjon rygg, [[8 mm]], asymmetrisk, endret seg siste halvår. Dermatoskopi mistenkelig. Spørsmål om [[melanom]].""")

T(
    """Henvisning til ernæringsfysiolog. Pasient: Fatima Ali, DUF-nr {duf}, D-nummer {dnr@1:sp}. Type 2-diabetes ([[E11.9]]), [[HbA1c 67]], [[Metformin 1000 mg x 2]]. Pasienten bor på asylmottak i <<A|Industrivegen 15, 2212 Kongsvinger>>. Kontakt via mottaket: {fast}."""
)

T("""Til Barne- og ungdomspsykiatrisk poliklinikk (BUP) Tromsø
Gjelder: Nora Johansen f. {dob@c1:dmy}
Fødselsnummer: {fnr@c1:sp}
Foreldre: Marte og Kjetil Johansen, <<A|Storgata 88, 9008 Tromsø>>, tlf {mob}
Skolevegring siden høsten, angst. Skolen (Prestvannet skole) har meldt bekymring.""")

T(
    """Henvisning til urolog, Sørlandet sykehus Kristiansand. Pas: Per Arne Syvertsen, fnr. {fnr@o1:sp}, tlf {mob:sp}. [[PSA 8,4]] (var [[5,1]] i [[2023]]). Palpasjon: fast høyre lapp. Bruker [[Eliquis 5 mg x 2]] for atrieflimmer. Vennlig hilsen Bjørn Tveit, Vågsbygd legesenter."""
)

T(
    """Henvisning: Overvekt, vurdering for fedmekirurgi. Pasient Linda Strand, personnr {fnr@1}, <<A|Bakkevegen 19, 6413 Molde>>. Vekt [[128 kg]], høyde [[168 cm]], [[BMI 45,4]]. Komorbiditet: søvnapné, hypertensjon ([[K86]]). E-post: <<EM|linda.strand@hotmail.com>>. Mob: {mob:c}."""
)

T(
    """Henv. kardiologisk pol for [[24t blodtrykksmåling]] og ekko. Pasient: Mohammed Karimi, D-nummer {dnr@1:dash}, tlf {mob}. [[BT 172/104]] ved tre målinger. [[Amlodipin 5 mg]] startet [[03.04.2024]]."""
)

T(
    """Akutthenvisning gynekologisk vakt. Kvinne, Hanne Bråthen, f.nr {fnr@y1:sp}, gravid uke [[8+3]], sterke smerter venstre fossa, [[hCG 2450]]. Sendes med taxi fra Storslett legekontor. Pasientens mobil: {mob:c}. Samboer Stian, {mob:c}."""
)

# ---------------------------------------------------------------- epikriser (bokmål)
T("""EPIKRISE
Medisinsk avdeling, Sykehuset Østfold Kalnes
Pasient: Gunnar Berg   Fnr: {fnr@o1}
Innlagt: [[02.05.2024]]   Utskrevet: [[09.05.2024]]

Diagnoser: [[I50.1]] Venstresidig hjertesvikt. [[N18.3]] Kronisk nyresykdom.
Forløp: Innlagt med dekompensert hjertesvikt, diuretisk behandling med [[Furosemid 40 mg iv x 2]]. Vektnedgang [[4,2 kg]]. [[kreatinin 142]], [[eGFR 41]], [[K 4,8]] ved utreise.
Videre: Kontroll hos fastlege Siri Moen om 1 uke. Pårørende (sønn) Kjell Berg, mobil {mob}.""")

T("""Epikrise fra Kirurgisk avdeling, Sykehuset Telemark
Navn: Hege Lund
F.nr.: {fnr@1:dash}
Adresse: <<A|Hesselbergs gate 10, 3724 Skien>>
Innleggelsesdato: [[14.01.2024]]
Diagnose: [[K35.8]] Akutt appendisitt. Operert laparoskopisk [[15.01.2024]] kl [[02:40]]. Ukomplisert forløp. Sting fjernes hos fastlege etter [[10-12 dager]]. Sykmeldt 2 uker.""")

T(
    """Epikrise. Pas. Tor Inge Hansen, f. {dob@o1:long}, innlagt Lovisenberg Diakonale sykehus pga. pneumoni ([[J18.9]]). [[CRP 245]] ved innkomst, fallende til [[CRP 38]]. Behandlet med [[Benzylpenicillin 1,2 g x 4]] iv, overgang til [[Penicillin V 1 g x 4]] po i totalt 10 dager. Bor i omsorgsbolig, <<A|Sinsenveien 50, 0586 Oslo>>. Hjemmesykepleien Grünerløkka, tlf {fast}."""
)

T("""EPIKRISE – Barneavdelingen
Pasient: Oliver Pettersen (fnr {fnr@c1})
Født {dob@c1:dmy} – {age@c1} år.
Innlagt med RS-virus, [[SpO2 89 %]] ved innkomst. Fikk oksygen på nesekateter og sondemat. Utskrevet i god form. Mor: Julie Pettersen, mobil {mob:+47}.""")

T(
    """Epikrise ortopedisk avdeling, Haraldsplass. Pasient: Astrid Solheim, fnr {fnr@o1:sp}. Collum femoris-fraktur høyre ([[S72.0]]) etter fall i hjemmet. Operert med hemiprotese [[21.02.2024]]. [[Hb 9,4]] postop, fikk 2 SAG. Utskrives til korttidsplass, Fana sykehjem. Kontakt datter Randi, {mob:p}."""
)

T("""EPIKRISE
Nevrologisk avdeling, Stavanger universitetssjukehus

Pasient: Erik Tjelta
Født: {dob@1:dmy}
Fødselsnummer: {fnr@1:sp}

Diagnose: Hjerneinfarkt ([[I63.4]]), venstre a. cerebri media.
Trombolyse kl [[14:22]]. [[NIHSS]] ved innkomst [[9 poeng]], ved utreise [[2 poeng]].
Medikamenter ved utreise: [[Clopidogrel 75 mg x 1]], [[Atorvastatin 80 mg x 1]].
Kan ikke kjøre bil på 3 måneder (førerkortforskriften).""")

T("""Epikrise – Føde/barsel
Mor: Camilla Hauge, f.nr {fnr@y1}
Barn: gutt, født {dob@d20240518:dmy} kl [[07:13]], [[3620 g]], [[51 cm]], Apgar [[9/10]]. Barnets fødselsnummer er tildelt: {fnr@d20240518}.
Adresse: <<A|Fjordgata 21, 7010 Trondheim>>
Hjemreise dag 2. Helsestasjon informert.""")

T(
    """Epikrise, Lungeavdelingen, Akershus universitetssykehus. Pas. Marit Dahl, pnr. {fnr@o1:dash}, KOLS-forverring ([[J44.1]]). [[pH 7,31]], [[pCO2 8,2]]. NIV 2 døgn. [[Prednisolon 30 mg]] i 5 dager. Utskrevet hjem til <<A|Furuveien 7 A, 2005 Rælingen>>. Hjemmesykepleie tlf {fast:c}."""
)

T(
    """Utskrivningsnotat. Ukjent mann funnet bevisstløs på Jernbanetorget, identitet ikke avklart ved innkomst, tildelt H-nummer {hnr@1}. Senere identifisert som Pavel Nowak, D-nr {dnr@2}. Pass: <<PASS|EK4471923>> (polsk). Alkoholintoks, [[S-etanol 3,1 promille]]. Utskrevet til Oslo kommunes natthjem."""
)

T(
    """Epikrise (kortversjon): Sigrid Aune, fødselsnummer {fnr@o1}, innlagt geriatrisk avdeling med delirium utløst av UVI. [[Nitrofurantoin 50 mg x 4]] i 5 dager. Tilbake til <<A|Kirkevegen 3, 7650 Verdal>>. Fastlege: dr. Hallvard Sve, tlf {fast}."""
)

# ---------------------------------------------------------------- journalnotater (bokmål)
T(
    """Konsultasjon [[11.03.2024]]. Kontroll diabetes. [[HbA1c 53]] (forrige [[58]]). [[BT 138/84]]. Vekt [[92 kg]]. Fotundersøkelse ua. Fortsetter [[Metformin 500 mg x 2]]. Ny kontroll om 3 mnd. /Dr. Eirik Lunde"""
)

T(
    """S: Hoste i 2 uker, litt feber første dagene. O: Temp [[37,8]], [[CRP 12]], lungeauskultasjon ua. [[SpO2 97 %]]. V: Trolig viral bronkitt ([[R78]]). P: Ingen antibiotika. Ta kontakt ved forverring."""
)

T(
    """Notat tlf-konsultasjon. Pasienten (Anita Bjerke, fnr {fnr@1}) ringer, har fått utslett etter oppstart [[Amoxicillin 500 mg x 3]]. Seponeres. Registrert som mulig penicillinallergi i kritisk info. Pasienten bekrefter mobilnr {mob:c}."""
)

T(
    """Journalnotat, legevakt. Mann, 34 år, kuttskade venstre hånd etter arbeid med kniv. Sydd med 4 sting ([[Ethilon 4-0]], lot [[LOT 2209341B]]). Tetanusvaksine sist [[2016]]. Sting fjernes om 10 dager."""
)

T(
    """Oppmøte akuttmottak kl [[23:15]]. Pas. Stian Rønning, fnr {fnr@1:sp}, pasientnr <<J|7734102>>. Innbragt med ambulanse etter MC-velt, motorsykkel <<PL|ME 4412>>. GCS 15, smerter venstre skulder. CT: klavikelfraktur. [[Hb 14,1]]."""
)

T(
    """Kontroll warfarin: [[INR 2,4]]. Uendret dose [[Marevan 2,5 mg]] (mandag, onsdag, fredag 1,5 tbl, øvrige dager 1 tbl). Ny INR om 4 uker. Pasienten husker dosene selv."""
)

T(
    """Tlf fra datter av pasient Ragnhild Iversen (fnr. {fnr@o1:sp}): mor har falt og slått hodet, bruker [[Eliquis]]. Rådet til å dra på legevakten. Datterens nummer: {mob}."""
)

T(
    """Årskontroll astma. Ung kvinne. [[FEV1 3,1 L]] ([[89 %]] av forventet). Bruker [[Symbicort 160/4,5]] 2 x 2 og ved behov. ACT [[22]]. Fortsetter som før."""
)

T(
    """Notat: Pasienten Hassan Yusuf, DUF {duf}, møtte til helseundersøkelse for asylsøkere. Tuberkulosescreening: IGRA negativ. Rtg thorax ua. Vaksinasjonsstatus uklar, starter innhentingsvaksinering. Tolk (somali) via tlf."""
)

T(
    """Konsultasjon. Innvandrer fra Eritrea, D-nr {dnr@1}, bor i <<A|Nordre gate 5, 7011 Trondheim>>. [[Hb 11,2]], [[ferritin 9]]. Starter [[Niferex 100 mg x 1]]. Fastlege: Kristin Aasen."""
)

T(
    """Legenotat: Samtale med pasienten om resultatet av [[colonoskopi]] [[06.02.2024]]: to små polypper fjernet, histologi tubulære adenomer med lavgradig dysplasi. Ny koloskopi om 5 år ([[2029]])."""
)

T("""Journalnr: <<J|2024-004518>>
Pasient: Amalie Vold, født {dob@c1:dmy}
Kontroll etter hjernerystelse (fotballtrening). Ingen hodepine siste uke. Gradvis tilbake til trening. Mor til stede.""")

T(
    """Vaksinasjon: Influensavaksine ([[Vaxigrip Tetra]], batch [[VX4312A]]) og pneumokokkvaksine gitt i venstre overarm [[09.10.2023]]. Pasient Finn Hovland, fnr {fnr@o1}, observert 20 min uten reaksjon."""
)

T("""Innkomstjournal
Pas: Liv Marie Opsahl, {fnr@o1:dash}
Pårørende: ektemann Odd Opsahl, tlf {fast}, mob {mob}
Adr: <<A|Lillevannsveien 12, 0788 Oslo>>
Innlagt med brystsmerter, [[troponin T 48]] -> [[112]]. EKG: ST-senkning V4-V6. NSTEMI ([[I21.4]]). Startet [[Brilique 90 mg x 2]].""")

T(
    """Konsultasjon med Ali Reza Ahmadi. PID: <<J|60213387>>. Smerter i korsryggen etter løft på jobb (lager, Posten). Ingen røde flagg. Råd om aktivitet. Sykmeldt 50 % i 2 uker."""
)

T(
    """Legevaktsnotat kl [[03:10]]: Kvinne f. {dob@y1:dmy2} kommer med sin 2 år gamle sønn, feber [[39,4]], ørevondt. Otoskopi: rød, bulende trommehinne høyre. [[Paracetamol mikstur 24 mg/ml]], [[7,5 ml]]. Kontroll fastlege ved manglende bedring."""
)

T(
    """Resept fornyet: [[Levaxin 100 mikrog]] x 1. [[TSH 2,1]], [[fritt T4 16]]. Neste blodprøve om ett år."""
)

T(
    """Kontroll gravid uke [[28+0]]. [[BT 118/72]], urin stix neg, [[SF-mål 28 cm]]. [[Hb 11,6]]. Anti-D gitt, batch [[RH2351]]. Neste kontroll uke 32 hos jordmor Elise Kvam."""
)

T(
    """Notat fra sosionom: Pasienten (Geir Arild Solberg, fnr {fnr@1}) har fått innvilget arbeidsavklaringspenger. Har ny adresse: <<A|Kongens gate 44, 8006 Bodø>>. Kontonummer for utbetaling oppdatert i NAV, ikke registrert hos oss."""
)

T(
    """Samtale med pasientens kone, Ingrid Fosse, {mob:p}. Hun opplyser at han har vært mer forvirret siste to uker og ikke tar [[Metoprolol 50 mg]] som han skal."""
)

T(
    """Pasient: Lars Tore Ødegård. Fnr: {fbad@1:sp} (ifølge henvisning). Tlf {mob:c}. Kommer til planlagt gastroskopi. Fastende fra kl [[24:00]]."""
)

T(
    """Innleggelse via AMK. Ukjent kvinne ca 40 år, tildelt hjelpenummer {hnr@1:sp}. Funnet i Frognerparken. Hypoglykemi, [[glukose 1,9]]. Etter glukose iv våken og orientert, oppgir navn Trine Hals."""
)

T(
    """Nyinnflyttet pasient. Flyttet fra Bergen til <<PN|9515 Alta>> i mars. Tidligere fastlege: Laksevåg legesenter. Journal rekvirert. Pasient: Kristoffer Eide, fnr {fnr@1}."""
)

# ---------------------------------------------------------------- sykepleienotater
T(
    """Sykepleienotat natt: Pasienten sov urolig, ringte på klokka 3 ganger. Fikk [[Paracet 1 g]] kl [[02:00]]. [[BT 145/90]], [[puls 76]], [[temp 37,2]]. Ingen kvalme. Rom [[312]]."""
)

T(
    """Spl.notat kveld. Pas. på rom [[4B]] har spist lite. Drukket ca [[800 ml]]. Urin: [[350 ml]] på kateter siden kl [[14]]. Sønnen Thomas var på besøk, ønsker å bli ringt ved endring: {mob}."""
)

T(
    """Innkomstsamtale sykepleier: Bor sammen med kona i enebolig, <<A|Åsveien 27, 3475 Sætre>>. Klarer seg selv med stell. Bruker stokk. Kona (Eva Thorsen) tlf {mob:c}. Allergier: ingen kjente."""
)

T(
    """Hjemmesykepleien, besøk kl [[08:30]]: Bruker (Else Marie Lie) var oppe og påkledd. Dosett for uka fylt, [[Albyl-E 75 mg]], [[Simvastatin 20 mg]], [[Furix 40 mg]]. Vekt [[67,3 kg]]. Ingen ødemer. Neste besøk i morgen."""
)

T(
    """Rapport hjemmetjenesten: Dørkode endret. Bruker bor nå hos datteren, <<A|Hagebyveien 6 C, 3040 Drammen>>. Nøkkelboks ved inngangen. Datter Gro: {mob:p}. Pasient ID <<J|HT-20931>> i Gerica må oppdateres."""
)

T(
    """Sykepleiar notat: Pasienten klaga over smerter i magen kl [[22]]. Fekk [[Oxynorm 5 mg]] med god effekt. Ligg no og søv. [[Metning 95 %]]."""
)

T(
    """Sårstell venstre legg, sår [[3 x 4 cm]], litt fibrinbelegg. Skylt med NaCl, lagt på [[Aquacel Ag]] og kompresjon. Skiftes tirsdag og fredag."""
)

T(
    """Overflyttet fra intensiv til sengepost 6 kl [[11:45]]. Pas. (fnr {fnr@1}) har CVK høyre v. jugularis, PVK venstre hånd. Mobiliseres med fysio i morgen. Kona ringer på {fast:+47} etter kl 16, hun ønsker oppdatering."""
)

T(
    """Natt: Ny pasient innlagt kl [[01:30]] uten ID, registrert med H-nr {hnr@1:dash}. Ca 70 år, mann. Urolig, desorientert. Fastvakt bestilt. Politiet kontaktet for identifisering."""
)

T(
    """Sjukepleiarnotat: Pasienten sin son, Eirik Vik, ringte i dag. Han bur i <<PN|6900 Florø>> og kjem på besøk laurdag. Han ønskjer at mor vert informert om at katten er henta. Tlf til sonen: {mob}."""
)

T(
    """Spl: Blodsukker kl 07 [[glukose 12,4]], gitt [[Novorapid 6 E]] sc etter skjema. Kl 11 [[glukose 7,8]]. Frokost spist."""
)

T(
    """Pasienten har fått med seg utskrivningspapirer og resept. Transport: drosje bestilt via pasientreiser til <<A|Ringveien 101, 1440 Drøbak>>. Hentes kl [[13:00]] ved hovedinngang."""
)

T(
    """Pårørende: kona Berit (tlf {mob:sp}) og sønn Håkon (tlf {mob:sp}). Berit ønsker å være førstekontakt. Pasienten har samtykket til at informasjon gis til begge."""
)

T(
    """Tilsyn fra sårsykepleier Marte Lien. Trykksår grad 2 på sacrum, [[2 x 2 cm]]. Anbefaler snuregime hver 2. time og trykkavlastende madrass. Se pleieplan."""
)

# ---------------------------------------------------------------- lab
T(
    """Prøvesvar fra Fürst medisinsk laboratorium. Rekvirent: Skjold legesenter. [[Hb 12,9]], [[leukocytter 7,1]], [[trombocytter 245]], [[kreatinin 88]], [[eGFR 78]], [[ALAT 32]], [[CRP < 5]]. Alle verdier innenfor referanseområdet."""
)

T(
    """Lab.kommentar: Prøve merket med fnr {fnr@1:sp} men navn på rør (Jørgen Hauge) stemmer ikke med rekvisisjonen (Jørund Hauge). Prøven kan ikke analyseres, ny prøve må tas. Kontakt lab. tlf {fast}."""
)

T(
    """Kritisk verdi ringt til lege kl [[16:42]]: [[kalium 6,8]] hos pasient med pasientnr <<J|4471920>>. Hemolyse ikke påvist. Mottatt av Dr. Nilsen."""
)

T(
    """Mikrobiologi: Urindyrking: > [[10^5 E. coli]]. Resistens: følsom for [[mecillinam]], [[nitrofurantoin]] og [[trimetoprim]]. Resistent mot [[ampicillin]]. Prøvetatt [[19.04.2024]]."""
)

T(
    """Svar patologi, prøvenr [[H24-08813]]: Hudbiopsi rygg. Basalcellekarsinom, nodulær type, fritt fra reseksjonsrender (minste margin [[2 mm]]). Ingen videre behandling nødvendig."""
)

T(
    """Blodbanken: Forlikelighetsprøve for pasient f. {dob@1:dmy}, fødselsnr {fnr@1}, blodtype [[O RhD neg]]. 2 enheter SAG klargjort, enhetsnr [[E0142 24 123456]] og [[E0142 24 123457]]. Gyldig til [[12.06.2024]] kl [[10:00]]."""
)

T(
    """Resultat: [[TSH 7,8]] ↑, [[fritt T4 11]]. Anti-TPO positiv. Tolkes som subklinisk hypotyreose. Ny kontroll om 3 måneder."""
)

T(
    """Lab: [[D-dimer 0,3]] (ref < 0,5), [[CRP 8]], [[troponin T < 5]]. Negativ for lungeemboli etter Wells-skår [[1]]. Prøvenummer [[LAB-2024-553201]]."""
)

T(
    """Svar PCR: SARS-CoV-2 ikke påvist. Influensa A påvist. Prøvetatt [[02.01.2024]] kl [[09:15]], rekvisisjon [[R-99812]]. Pasient: Henrik Aune, pnr {fnr@1}."""
)

T(
    """Kommentar fra laboratoriet: Rekvisisjonen mangler fødselsnummer, kun navn (Signe Hagen) og fødselsdato {dob@o1:dmy}. Prøven er registrert på hjelpenummer {fh} inntil ID er bekreftet."""
)

T(
    """Mikrobiologisk avdeling: Blodkultur positiv etter [[14 timer]], gram-positive kokker i klaser. Ringt til vakthavende lege kl [[03:52]]. Prøve-ID [[BK2405-1177]]. Endelig svar følger."""
)

T(
    """Glukosebelastning: fastende [[glukose 6,4]], 2 timer [[glukose 9,1]]. Svangerskapsdiabetes ([[O24.4]]). Henvises diabetespoliklinikk."""
)

# ---------------------------------------------------------------- apotek / legemidler
T(
    """Apotek 1 Storo: Resepten på [[Oxycodone 10 mg]] fra dr. Johansen (HPR {hpr}) er ekspedert [[22.03.2024]]. Pasient: Terje Moen, fnr {fnr@1}. Utlevert [[28 tabletter]]. Reseptnr [[2403221145]]."""
)

T(
    """Farmasøytnotat: Legemiddelsamstemming utført. Pasienten brukte hjemme [[Metformin 500 mg x 2]], [[Januvia 100 mg x 1]], [[Ramipril 10 mg x 1]] og [[Pravastatin 40 mg]]. Interaksjonssjekk ok. ATC: [[A10BA02]], [[A10BH01]], [[C09AA05]]."""
)

T(
    """Melding fra apoteket: Vi har ikke [[Ozempic 1 mg]] på lager, forventet levering [[uke 23]]. Kan vi bytte til annen pakning? Ring oss på {fast}. Hilsen Vitusapotek Lagunen, farmasøyt Ane Kolstad."""
)

T(
    """Bivirkningsmelding til RELIS/DMP. Pasient: kvinne, f. {dob@1:dmy1}, fnr {fnr@1:sp}. Mistenkt legemiddel: [[Tamoxifen 20 mg]], lot [[AB4471]]. Reaksjon: dyp venetrombose. Melder: lege Karianne Moe, HPR-nummer {hpr:8}."""
)

T(
    """Multidose: Endring i dosering fra [[04.06.2024]]. Seponert [[Sobril 10 mg]]. Ny: [[Mirtazapin 15 mg]] til kvelden. Bruker: Olaug Steinsland, pnr {fnr@o1}. Apotek: Boots Sandnes, org.nr. {org}."""
)

T(
    """Resept på H-resept: [[Humira 40 mg]] sprøyte hver 2. uke. Varenr [[063410]]. Pasient (D-nummer {dnr@1:sp}) henter på Sykehusapoteket i Tromsø."""
)

T(
    """Dosett kontrollert av spl: Mandag morgen mangler [[Levaxin 50 mikrog]]. Apoteket kontaktet. Batchnr [[24B07]] på multidoseruller."""
)

T(
    """Legemiddelgjennomgang sykehjem, avdeling 2. Beboer (f. {dob@o1:long}) bruker 11 faste legemidler. Foreslår seponering av [[Zopiklon 7,5 mg]] og reduksjon av [[Furosemid 40 mg]] til [[20 mg]]. [[kreatinin 112]], [[natrium 131]]."""
)

# ---------------------------------------------------------------- NAV / sykmelding
T("""Sykmelding
Arbeidstaker: Knut Rasmussen
Fødselsnummer: {fnr@1}
Arbeidsgiver: Rema 1000 Sentrum, org.nr. {org:sp}
Periode: [[01.04.2024]] – [[14.04.2024]], 100 %
Diagnose: [[L03]] Rygg symptomer/plager
Melding til NAV: Forventes tilbake i arbeid etter perioden.""")

T(
    """Legeerklæring til NAV ved arbeidsuførhet utover 8 uker. Pasient: Merete Wold, fnr. {fnr@1:sp}, <<A|Markveien 58, 0550 Oslo>>, tlf {mob}. Diagnose [[P76]] Depressiv lidelse. Funksjonsnivå: klarer ikke full stilling. Anbefaler gradert sykmelding 50 %."""
)

T(
    """NAV Kontaktsenter: Vi har mottatt søknad om grunnstønad for Hilde Sandberg (fnr {fnr@1}). Vi trenger legeerklæring. Send til NAV Skanning, Postboks 1400, <<PN|0109 Oslo>>. Spørsmål: ring {fast:c}."""
)

T(
    """Dialogmelding til NAV-veileder Stine Hammer: Pasienten (D-nummer {dnr@1}) har vært sykmeldt siden [[15.01.2024]]. Ønsker dialogmøte 2. Pasienten har ny e-post <<EM|tomasz.w@wp.pl>> og ny mobil {mob:+47}."""
)

T(
    """Sykmelding, gradert 40 %. Arbeidsgiver: Bergen kommune, Fana bydel (org.nr {org}). Tiltak: tilrettelegging med redusert løft. Kode [[ICPC-2 L84]]. Fom [[06.05.2024]] tom [[02.06.2024]]."""
)

T(
    """Søknad om pleiepenger. Barn: Sofie Lunde, født {dob@c1:long}, fnr {fnr@c1:sp}. Søker (mor): Karoline Lunde, fnr {fnr@y2:sp}. Barnet er innlagt på Ahus, barneavdelingen, med leukemi. Utbetaling til kontonr. {konto}."""
)

T(
    """Erklæring til NAV om behov for TT-kort/parkeringstillatelse for forflytningshemmede. Pasient: Roar Ellingsen, personnummer {fnr@o1}, bil <<PL|KH 55321>>. Kan gå maks [[50 meter]]."""
)

T(
    """Melding fra NAV om refusjon: Arbeidsgiver Veidekke Entreprenør AS, <<PH|21 05 50 00>>, orgnr {org:c}. Refusjonskrav for ansatt Ivar Nes, fnr {fnr@1}, periode [[mars 2024]]. Beløp [[kr 42 318]] overføres til {konto}."""
)

T(
    """Sykmelding for student (Rami Haddad, DUF {duf}, D-nr {dnr@y1}). Diagnose [[R80]] influensa. Periode 5 dager. Ingen arbeidsgiver, kopi til Studentsamskipnaden."""
)

# ---------------------------------------------------------------- pasientportal (Helsenorge)
T(
    """Hei! Jeg lurer på om jeg kan få fornyet resepten min på [[Ventoline]]? Jeg har også fått ny adresse: <<A|Solbergveien 14, 3045 Drammen>>. Mvh Ingvild Tangen, fnr {fnr@1}"""
)

T(
    """Hei. Jeg har byttet telefonnummer, det nye er {mob}. Kan dere oppdatere det? Hilsen Bjørnar Solli"""
)

T(
    """Hei doktor! Datteren min (Maja, født {dob@c1:dmy}) har hatt feber i 4 dager nå, [[39,5]] i går kveld. Hun drikker litt. Skal vi komme inn? Ring meg gjerne på {mob:c}. Hilsen Tina"""
)

T(
    """Melding via Helsenorge: Jeg har fått innkalling til MR [[17. juni]] kl [[08:20]], men kan ikke da pga. jobb. Kan jeg få ny time? Pasientnr på brevet: <<J|10099382>>. Mvh Vegard Lie"""
)

T(
    """Til legekontoret: Min mor, Solveig Nilsen (fnr {fnr@o1:sp}), trenger hjelp til å bestille time. Hun hører dårlig, så ring meg i stedet: {mob:p}. Jeg er datteren, Anne Grete."""
)

T(
    """Hei, jeg har ikke fått svar på blodprøvene fra [[forrige uke]]. Kan dere sende svar hit eller på e-post <<EM|petter.aasland@online.no>>? Takk. Petter Aasland"""
)

T(
    """Spørsmål til fastlegen: Kan jeg ta [[Ibux 400 mg]] sammen med [[Marevan]]? Har vondt i ryggen. [[INR]] var [[2,8]] sist. Hilsen Gerd"""
)

T(
    """Hei, sykmeldingen min går ut [[fredag]]. Jeg føler meg fortsatt ikke bra, kan vi ha en telefontime? Nummeret mitt er {mob:sp}. Mvh Hanna Eriksen, født {dob@1:dmy}"""
)

T(
    """Jeg ønsker å bytte fastlege til dr. Synnøve Aam. Mitt fødselsnummer er {fnr@1:sp}. Adressen min er <<A|Parkveien 3, 4611 Kristiansand S>>."""
)

T(
    """Heisann. Vil bare si takk for god behandling da jeg var innom legevakten. Kuttet på tommelen gror fint. Hilsen Åse."""
)

T(
    """Hei, jeg trenger legeerklæring for førerkort (klasse C). Jeg har time [[23.05.2024]]. Bilen min er <<PL|EV 80123>> om dere trenger det for skjemaet? Tor Magne Lien, fnr {fnr@1}"""
)

# ---------------------------------------------------------------- faktura / økonomi
T("""Faktura for legetjenester
Fra: Majorstuen legesenter AS, org.nr. {org:mva}
Til: Heidi Brun, <<A|Jacob Aalls gate 21, 0364 Oslo>>
Fakturanr [[240517-883]]  Forfall [[31.05.2024]]
Egenandel konsultasjon [[kr 170]], attest [[kr 650]]. Sum [[kr 820]].
Betales til konto {konto} med KID {kid}.""")

T(
    """Purring: Ubetalt egenandel [[kr 375]] for legevaktbesøk [[14.02.2024]]. Beløpet må innbetales til {konto} innen 14 dager. KID: {kid:11}. Spørsmål om fakturaen: ring {fast} (kl 9–15)."""
)

T(
    """Innbetalingsinformasjon: Tannlegekontoret Kari Berge AS (orgnr {org}) – kontonummer {konto:c}, KID-nummer {kid}. Beløp: [[kr 2 450,00]]. Behandling: [[2 fyllinger]], [[røntgen]]."""
)

T(
    """Refusjon fra Helfo: Utbetaling av [[kr 1 230]] for fysioterapi utbetales til pasientens kontonummer {konto}. Vedtak datert [[12.04.2024]]. Saksnummer [[24/118723]]."""
)

T(
    """Faktura 88312. Kunde: Sandnes kommune, Helse og velferd, org.nr {org:sp}. Gjelder kjøp av [[12 plasser]] korttidsopphold [[uke 18]]. Totalt [[kr 184 000]] eks. mva. Betal til IBAN {iban} (BIC DNBANOKKXXX) eller kontonr {konto}."""
)

T(
    """Utbetaling av tilskudd for legevaktssamarbeid. Mottaker: Hallingdal legevakt IKS, org.nr. {org}, IBAN: {iban:c}. Bilag [[nr 2024-1138]]."""
)

T(
    """Fra regnskap: Feil KID brukt ved innbetaling av pasient Ole Brenna (fnr {fnr@1}). Riktig KID er {kid}. Beløp [[kr 345]] er registrert, men må manuelt avstemmes mot ordrenummer {ref11}."""
)

T(
    """Kvittering egenandel: [[kr 275]], betalt med Vipps [[26.03.2024]] kl [[10:14]]. Transaksjons-ID [[9008771234]]. Egenandelstak 2024: [[kr 3 165]]. Du har nå betalt [[kr 1 920]]."""
)

T(
    """Fakturagrunnlag, hjelpemiddel: Rullator, artikkelnr [[166520]], hentet fra NAV Hjelpemiddelsentral Møre og Romsdal, <<A|Vestre Olsvikveg 10, 6019 Ålesund>>. Bruker: Asbjørn Flø, fnr {fnr@o1:sp}."""
)

T(
    """Betalingsinfo for private pasienter ved Aleris Frogner: Betal til konto {konto} eller utenlandsk betaling til {iban}. Merk betalingen med KID {kid:11}. Org nr: {org:mva}."""
)

T(
    """Kreditnota [[KN-2024-0042]] utstedt for dobbeltfakturert MR kne [[kr 4 950]]. Tilbakebetales til pasientens konto {konto:sp}. Referanse {ref11}."""
)

T(
    """Vi har mottatt kr 650 fra Lise Haugen, men uten KID. Beløpet er knyttet til faktura [[20240611]] manuelt. Ordrenr [[77120345]]. Ingen videre handling."""
)

# ---------------------------------------------------------------- LLM-prompter (bokmål)
T(
    '''Oppsummer dette notatet i tre setninger: "Pasient Kjersti Lindberg, fnr {fnr@1}, {age@1} år, innlagt med akutt pankreatitt ([[K85.9]]). [[Lipase 1840]]. Behandlet med væske og smertelindring. Utskrevet dag 5. Kontroll hos fastlege Even Riis."'''
)

T(
    """Skriv en henvisning til kardiolog basert på følgende opplysninger: pasient Trygve Hoff, født {dob@1:dmy}, bor i <<A|Eikeveien 9, 1415 Oppegård>>, mobil {mob}. Palpitasjoner, [[Holter]] viser paroksysmal atrieflimmer. [[CHA2DS2-VASc 2]]."""
)

T(
    """Lag en punktliste over legemidlene i denne epikrisen: [[Eliquis 5 mg x 2]], [[Bisoprolol 2,5 mg x 1]], [[Atorvastatin 20 mg x 1]], [[Pantoprazol 40 mg x 1]]. Ta med ATC-koder ([[B01AF02]], [[C07AB07]], [[C10AA05]], [[A02BC02]])."""
)

T(
    """Oppsummer: Pas. Ida Marie Ruud (pnr {fnr@1:sp}) ringte legevakten kl [[19:40]] med magesmerter. Ble bedt om å komme inn. Kom ikke. Ringt tilbake på {mob:c} kl [[21:00]], hun var da bedre."""
)

T(
    '''Kan du omformulere denne teksten til et brev til pasienten på enkelt språk? "Blodprøvene viser [[Hb 10,2]] og [[ferritin 8]], dvs. jernmangel. Vi anbefaler [[Duroferon 100 mg]] daglig i 3 mnd og ny kontroll i [[august]]."'''
)

T("""Prompt: Du er en erfaren fastlege. Les henvisningen under og vurder om den er komplett.

Henvisning til ØNH: Pasient Hege Bakke, f.nr {fnr@1}, <<A|Hovinveien 17 B, 0576 Oslo>>, tlf {mob}. Nedsatt hørsel venstre øre i 2 mnd. Audiometri: [[30 dB]] tap. Ingen tinnitus.""")

T(
    """Oversett til engelsk: Pasienten ble innlagt [[03.03.2024]] med [[hjerneslag]]. [[BT 190/110]] ved innkomst. Fikk trombolyse. Utskrevet til rehabilitering Sunnaas."""
)

T(
    """Forklar denne labrapporten for en pasient: [[ALAT 112]], [[ASAT 87]], [[GT 245]], [[ALP 98]], [[bilirubin 14]]. Hva kan det bety?"""
)

T("""Skriv sammendrag av journalen under. Ta IKKE med personopplysninger.
---
Navn: Arvid Hovde
Fødselsnr: {fnr@o1:dash}
Journalnr: <<J|880213>>
Tlf: {fast:c}
Problem: Kronisk atrieflimmer, [[Marevan]] med ustabil [[INR 1,7–3,9]]. Vurdere bytte til [[DOAK]].""")

T(
    """Hjelp meg å skrive et svar til pasienten som spør om hun kan reise til Spania med [[Prednisolon 5 mg]] og [[Humira]]. Hun heter Wenche Tangen og reiser [[10. juli]]."""
)

T(
    """Lag en strukturert epikrise fra disse stikkordene: mann, født {dob@1:long}, D-nummer {dnr@1:sp}, polsk, innlagt med alkoholabstinens, [[CIWA-Ar 19]], behandlet med [[Oxazepam]], utskrevet dag 4. Arbeidsgiver: Byggmester Nilsen AS. Pass nr. <<PASS|EA7712450>>."""
)

T(
    """Gi meg en differensialdiagnostisk liste for: 28 år gammel kvinne, leddsmerter, utslett i ansiktet, [[ANA positiv]], [[SR 55]], [[komplement C3 lav]]."""
)

T("""Oppsummer følgende telefonsamtale til et journalnotat:
Ringte pasienten Even Sunde (fnr {fbad@1}) på {mob:c}. Han sier febern har gått ned, [[CRP]] tatt i går var [[35]]. Fortsetter [[Apocillin 1 g x 4]] ut kuren.""")

# ---------------------------------------------------------------- English prompts / notes
T(
    """Summarize this discharge summary for a Norwegian patient in plain English: Patient Bjørn Hagen, national ID {fnr@o1}, admitted to Oslo University Hospital with [[NSTEMI]] ([[I21.4]]). [[Troponin T 340]]. PCI to LAD on [[12.02.2024]]. Discharged on [[ticagrelor 90 mg bid]] and [[atorvastatin 80 mg]]."""
)

T(
    """You are a clinical coding assistant. Suggest ICD-10 codes for: 67-year-old woman with type 2 diabetes, diabetic nephropathy ([[eGFR 38]]) and hypertension. Current meds: [[metformin 500 mg]] (reduce?), [[empagliflozin 10 mg]], [[losartan 50 mg]]."""
)

T("""Translate this referral into English for the receiving clinic in Sweden:

Pasient: Karin Lund, fødselsnummer {fnr@1:sp}
Adresse: <<A|Strandgata 5, 9600 Hammerfest>>
Tlf: {mob:+47}
Epilepsi ([[G40.9]]), velkontrollert på [[Lamotrigin 200 mg x 2]].""")

T(
    """Please draft a letter to the patient's employer. The patient is Lars Fjeld (born {dob@1:en}), who was on sick leave from [[4 March 2024]] to [[28 April 2024]]. Do not include diagnoses."""
)

T(
    """Can you check this Norwegian ID for me? The patient says her fødselsnummer is {fnr@1} but the lab label says fnr {fbad@1}. Which one is more likely correct? Her name is Nina Sæther."""
)

T(
    """Patient is a Polish construction worker, D-number {dnr@1}, passport number <<PASS|EA4098312>>, admitted after a fall from scaffolding. Contact: brother Marek, phone {mob:0047}. Summarize the injuries: [[L1 compression fracture]], [[distal radius fracture]] left."""
)

T(
    """Write a short handover note (SBAR) in English: 82 y/o man, ward 7, room [[714]], [[NEWS2 6]], [[RR 24]], [[SpO2 90 %]] on [[2 L O2]], [[temp 38,6]]. Suspected aspiration pneumonia. Wife Astrid wants to be called on {mob:c}."""
)

T(
    """Extract all medications and doses from this text and return JSON: "Bruker [[Metformin 1000 mg x 2]], [[Lantus 24 E]] om kvelden, [[Albyl-E 75 mg]] og [[Simvastatin 40 mg]]. Allergi: penicillin." """
)

T(
    """Help me reply to this email from a patient's daughter (<<EM|kristin.moe@outlook.com>>): she asks why her father, Henrik Moe (f. {dob@o1:dmy}), was moved to Sandnessjøen hospital without notice."""
)

T(
    """The following is a Norwegian lab report. Explain abnormal values: [[Hb 8,9]] (L), [[MCV 112]] (H), [[B12 98]] (L), [[folat 12]]. Patient ID {fnr@1:sp}."""
)

T(
    """Discharge note – Emergency Department, Stavanger University Hospital. Tourist from Germany, no Norwegian ID, assigned temporary number {hnr@1}. Sprained ankle, X-ray negative. Passport no. <<PASS|C01X00T47>>. Rental car <<PL|EK 20745>> was left at the hospital car park."""
)

T(
    """Rewrite this note in a more professional tone: "pas ringte igjen, klager på at ingen ringer tilbake. ring henne på {mob:c} før kl 15!! fnr {fnr@1}" """
)

T(
    """Summarize the following pharmacy note for the GP. Patient born {dob@o1:enus}, lives at <<A|Kirkegata 2, 3770 Kragerø>>. Dispensed [[Oxycodone 5 mg]] x [[20 tablets]] three times in two weeks from different pharmacies. Prescriber HPR {hpr}."""
)

T(
    """Is this referral complete? "Referral to dermatology. Pt: Siri Hamre, fnr {fnr@1}, phone {mob:+47c}. Psoriasis ([[L40.0]]), [[PASI 14]], failed [[methotrexate 15 mg]] weekly." """
)

T(
    """Given the guidelines, what is the target [[HbA1c]] for a frail 85-year-old with type 2 diabetes? Current value [[HbA1c 72]], on [[Glimepiride 2 mg]]. Recent falls."""
)

T(
    """I'm writing a research protocol. The cohort is patients admitted to Ahus [[2018]]–[[2022]] with [[ICD-10 I48]]. How should I describe the exclusion criteria (age < 18, [[eGFR < 15]], dialysis)?"""
)

T(
    """Draft a reply to the Norwegian Labour and Welfare Administration (NAV) regarding sick leave for Ingrid Berg, fnr {fnr@1:dash}, employer org.nr {org}. She is partially fit for work (50 %) from [[1 June]]."""
)

T(
    """patient email from portal: "hi, i moved to <<PN|4014 Stavanger>> last week, can u transfer my prescriptions to the pharmacy there? my new number is {mob:c}. thanks, Jonas Berg" — please write a polite answer."""
)

T(
    """Summarize in English: Epikrise. Pasient Rolf Aakre, fnr {f32@o1}, innlagt med [[hyponatremi]] ([[natrium 118]]). Årsak: [[SIADH]] sekundært til [[Sertralin]]. Væskerestriksjon [[1 L/døgn]]. Utskrevet [[natrium 131]]."""
)

T(
    """Explain the difference between a D-nummer and an H-nummer to a new nurse. Example from our ward today: {dnr} (seasonal worker) and {hnr} (unconscious patient, identity unknown)."""
)

T(
    """We received a test file from Norsk helsenett with synthetic patients. Please check the first record: Testpasient Line Test, fnr {s65@1}, born {dob@1:iso}, phone {mob}. Does the discharge summary template render correctly?"""
)

# ---------------------------------------------------------------- korte chatmeldinger, små bokstaver
T("""kan du sjekke om pasienten med fnr {fnr@1} har fått time hos ortoped? hun ringte i dag""")

T(
    """hei, kan du lage et utkast til svar til pasienten? hun heter kari, mobil {mob:c}, og lurer på om hun kan ta ibux sammen med [[marevan]]"""
)

T("""ring pårørende (sønn) på {mob} før visitt, han vil være med på samtalen""")

T(
    """pas på rom [[12]] klager på kvalme etter [[morfin 5 mg]] sc, gitt [[afipran 10 mg]] kl [[14:30]]"""
)

T(
    """lag et kort sammendrag: mann 60 år, [[hba1c 48]], [[bt 150/95]], røyker 10 sig/dag, ingen medisiner"""
)

T("""hva er normal [[crp]] hos barn? fikk svar [[crp 18]] på en 4-åring med feber i 2 dager""")

T(
    """trenger hjelp m epikrise til pas {fnr@1:sp}, innlagt m pneumoni, [[crp 210 → 40]], [[doxylin 100 mg]] x 1"""
)

T(
    """fnr {fbad@1} stemmer ikke i dips, kan noen sjekke papirhenvisningen? pas heter eldbjørg skaar"""
)

T(
    """hei! pasienten har ny adresse: <<A|furulia 12, 8800 sandnessjøen>> – oppdater før vi sender brev"""
)

T("""tlf til fastlegekontoret: {fast} (direkte til sykepleier, ikke sentralbord)""")

T(
    """sjekk om [[kreatinin 142]] er høyere enn forrige gang (var [[118]] i [[januar]]). pas bruker [[ibux]] daglig"""
)

T(
    """kan du oversette dette til polsk: "du skal faste fra kl [[24]] kvelden før operasjonen og møte kl [[07:30]] i resepsjonen, [[2. etasje]]" """
)

T(
    """pårørende vil ha kopi av epikrisen på mail: <<EM|hans.olav.berg@gmail.com>>. er det lov uten samtykke?"""
)

T(
    """skriv sykmelding for d-nr {dnr@1}, 2 uker, diagnose [[L84]], jobber på fiskebruket i båtsfjord"""
)

T(
    """ta kontakt m hjemmesykepleien på {fast:c} ang. dosett for pas i <<A|storgata 19b, 2000 lillestrøm>>"""
)

T(
    """fikk melding fra apoteket: pas med pnr {fnr@o1} har hentet [[zopiklon 7,5 mg]] 3 ganger på en mnd. ring henne?"""
)

T("""har vi fått svar på biopsien til ole? prøvenr [[H24-11872]], tatt [[28.05.2024]]""")

T(
    """pasient ringer og sier han er født {dob@1:dmy1}, ikke det som står i journalen. kan vi endre?"""
)

T(
    """hjelp meg skrive sms til pasient: time flyttet til [[tirsdag 11.06]] kl [[10:15]], møt opp i [[2. etg]]"""
)

T(
    """sender videre fra vakttelefonen: mor ringte om gutt (fnr {fnr@c1}) med utslett og feber, ring tilbake på {mob:c}"""
)

T(
    """glemte å skrive: pasientens bil står på p-plassen, reg <<PL|DN 34115>>, kona henter den i morgen"""
)

T("""hvilken dose [[paracetamol]] til barn på [[18 kg]]? mikstur [[24 mg/ml]]""")

# ---------------------------------------------------------------- nynorsk
T("""Tilvising til ortopedisk poliklinikk, Helse Førde
Pasient: Olav Hjelmeland, fødd {dob@o1:dmy}, fnr {fnr@o1:sp}
Adresse: <<A|Fjellvegen 3 B, 6800 Førde>>
Tlf: {mob}
Aukande smerter i venstre hofte sidan i fjor haust. Rtg syner artrose. Ønskjer vurdering med tanke på protese. Brukar [[Paracet 1 g x 3]].""")

T(
    """Epikrise frå Medisinsk avdeling, Helse Fonna Haugesund. Pasienten, Ingebjørg Tveit (fnr. {fnr@o1}), vart innlagd [[12.03.2024]] med lungebetennelse ([[J18.9]]). [[CRP 198]] ved innkomst. Fekk [[Benzylpenicillin]] iv. Utskriven i god form. Kontroll hos fastlegen om to veker."""
)

T(
    """Notat: Pasienten bur åleine i <<A|Kyrkjevegen 21, 6770 Nordfjordeid>>. Dotter, Sigrun, bur i Bergen, tlf {mob:sp}. Heimesjukepleia kjem to gonger dagleg."""
)

T(
    """Sjukepleiarnotat natt: Pasienten sov godt frå kl [[23]] til [[05]]. Ingen smerter. [[BT 132/78]], [[puls 68]]. Drakk [[200 ml]] saft."""
)

T(
    """Tilvising til BUP Voss. Gjeld: Kari Rasdal, fødd {dob@c1:long}. Fødselsnummer {fnr@c1}. Foreldre: Ingunn og Lars Rasdal, tlf {mob}. Skulevegring og tilbaketrekking sidan jul. Helsesjukepleiar på skulen har teke kontakt."""
)

T(
    """Epikrise, Kirurgisk avdeling, Førde sentralsjukehus. Pasient: Jostein Sande, f.nr {fnr@1:dash}. Diagnose: Gallestein med kolecystitt ([[K80.0]]). Operert laparoskopisk [[08.02.2024]]. Kan byrje å arbeide etter to veker."""
)

T(
    """Konsultasjon. Kontroll av blodtrykk. [[BT 146/92]] i dag, heimemålingar snitt [[138/86]]. Aukar [[Losartan]] til [[100 mg x 1]]. Ny kontroll om 6 veker. Pasienten er nøgd."""
)

T(
    """Lækjarnotat: Ringde pasienten på {mob:c} for å gje svar på blodprøvene. [[Hb 13,4]], [[ferritin 45]], [[TSH 1,9]]. Alt normalt. Pasienten var letta."""
)

T(
    """Melding frå pasient via Helsenorge: Hei, eg har fått ny adresse, <<A|Sjøgata 14, 6100 Volda>>, og nytt telefonnummer {mob}. Kan de oppdatere? Helsing Ragnhild Aarflot"""
)

T(
    """Sjukemelding. Arbeidstakar: Magnus Ottesen, fødselsnummer {fnr@1:sp}. Arbeidsgjevar: Sogn og Fjordane Energi AS, org.nr. {org}. Periode: [[15.04.2024]]–[[28.04.2024]]. Diagnose: [[L02]] Ryggsymptom. Ikkje behov for tilrettelegging."""
)

T(
    """Innkomstjournal. Kvinne, {age@o1} år, fødd {dob@o1:dmy1}, bur på Sunnmøre. Innlagd med brystsmerter som strålar ut i venstre arm. EKG: ST-elevasjon. Sendt vidare til Haukeland for PCI. [[Troponin T 412]]."""
)

T(
    """Helsestasjonen: 4-årskontroll. Guten er frisk og kjekk. Vekt [[17,2 kg]], høgd [[104 cm]]. Språk alderstilsvarande. Vaksinasjonar etter program. Neste kontroll ved skulestart."""
)

T(
    """Tilvising til gynekologisk poliklinikk, Sjukehuset i Volda. Pasient: Sunniva Bø, D-nummer {dnr@y1}. Adresse: <<A|Hamnegata 8, 6065 Ulsteinvik>>. Mobil: {mob:+47}. Kraftige menstruasjonsblødingar, [[Hb 10,1]]."""
)

T(
    """Notat frå heimesjukepleia: Brukaren hadde falle på badet i natt, vart funnen av nabo. Ingen brot. Dottera, Åshild, er varsla på {mob:p}. Ber om vurdering av tryggleiksalarm."""
)

T(
    """Epikrise. Pasient: Halvard Lothe, fødselsnr. {fnr@o1}, <<A|Tangvegen 2, 5600 Norheimsund>>. Diagnose: Hjartesvikt ([[I50.9]]). Medisinar ved utreise: [[Furosemid 40 mg x 1]], [[Entresto 49/51 mg x 2]], [[Bisoprolol 5 mg x 1]]. Vekt ved utreise [[81 kg]]."""
)

T(
    """Laboratoriet: Prøva er merka med fnr {fbad@1:sp}, men det stemmer ikkje med namnet på rekvisisjonen (Tore Hauge). Ny prøve må takast."""
)

T(
    """Telefon frå pårørande: Son til pasienten, Endre Myklebust, ringde og spurde korleis det gjekk med far hans. Gav generell informasjon etter samtykke. Endre si mobil: {mob:c}. Han bur i <<PN|5009 Bergen>>."""
)

T(
    """Lækjarnotat frå legevakta: Gut, 7 år, fall frå trampoline. Hevelse over venstre handledd. Rtg: ikkje brot. Gips ikkje naudsynt, fatle i ei veke. [[Paracetamol 250 mg]] ved behov."""
)

T(
    """Pasienten, Aslaug Kvamme, fødd {dob@o1:long}, har i dag fått informasjon om at [[MR]] viser [[meningeom]] på [[1,5 cm]]. Ho vil tenkje over vidare oppfølging. Kontakt: {fast}."""
)

T(
    """Apoteknotat: Pasient med fnr {fnr@1} henta [[Sobril 10 mg]], [[30 stk]]. Resepten er skriven av lækjar Torbjørn Midtbø, HPR-nr {hpr}. Ingen merknader."""
)

T(
    """Tilvising til fysioterapeut. Pasient: Brynjulf Rygg, pnr. {fnr@1}, tlf. {fast:c}. Skuldersmerter høgre etter fall på isen i februar. [[L92]] Skuldersyndrom. Ønskjer opptrening."""
)

T(
    """Søknad om sjukehjemsplass. Søkjar: Gudrun Elvebakk, fødd {dob@o1:dmy}, fødselsnummer {fnr@o1:sp}, bur i <<A|Elvegata 9, 8200 Fauske>>. Pårørande: sonen Kjell, tlf {mob}, e-post <<EM|kjell.elvebakk@online.no>>."""
)

T(
    """Legenotat: Kontroll etter hjerneslag. Pasienten går no utan stokk. Talen er betre. [[mRS 1]]. [[BT 128/76]]. Held fram med [[Albyl-E 75 mg]] og [[Atorvastatin 40 mg]]."""
)

T(
    """Melding til NAV: Pasienten, Vidar Nesheim (fnr {fnr@1}), har vore sjukmeld sidan [[01.02.2024]]. Han har ikkje fått utbetalt sjukepengar. Kontonummeret hans er {konto}. Ber om at saka vert sett på."""
)

T(
    """Epikrise frå Barneavdelinga, Sjukehuset i Nordland. Pasient: Emma Hoel, fødd {dob@c1:dmy}, fnr {fnr@c1:sp}. Innlagd med RS-virus. Fekk oksygen i to døgn. Foreldra, Marit og Geir Hoel, vart informerte. Mor tlf {mob}."""
)

T(
    """Tilvising: Eg tilviser Kåre Myrvang (f. {dob@o1:dmy2}) for vurdering av [[katarakt]] begge auge. Visus [[0,4]] hø, [[0,5]] ve. Han køyrer framleis bil, <<PL|SF 60231>>. Lækjar Mari Hustad, Sogndal legekontor."""
)

T(
    """Sjukepleiar: Pasienten har fått nytt PVK venstre underarm kl [[10:20]]. Antibiotika [[Cefotaksim 2 g x 3]] startar kl [[12]]. Ingen reaksjon."""
)

T(
    """Konsultasjon: Mann, 45 år, kjem for smerter i korsryggen etter arbeid på gard. Ingen raude flagg. Råd om aktivitet. [[Ibux 400 mg x 3]] i fem dagar."""
)

T(
    """Frå pasienten: Hei, eg har flytta til <<PN|7600 Levanger>> og vil gjerne byte fastlege. Mitt fødselsnummer er {fnr@1:sp}. Mvh Tone Skjærvø"""
)

T(
    """Innleggingsnotat. Ukjend kvinne innbrakt av ambulanse, tildelt hjelpenummer {hnr@1}. Truleg overdose. [[GCS 9]]. [[Nalokson 0,4 mg]] gitt intranasalt av ambulansepersonell."""
)

T(
    """Faktura frå Voss legesenter AS, org.nr {org:mva}. Eigendel [[kr 170]]. Betal til kontonummer {konto} innan [[30.06.2024]], KID {kid}."""
)

T(
    """Pasienten fekk [[Ozempic 0,25 mg]] første gong i dag, lot [[PP5F871]]. Informert om kvalme som biverknad. Dosen vert auka til [[0,5 mg]] om fire veker."""
)

T(
    """Tilvising til Barnehabiliteringa. Gjeld: Sindre Fossheim, fødd {dob@c1:dmy}, fnr {fnr@c1:dash}. Foreldre: Hilde og Arild Fossheim, <<A|Bjørkevegen 11, 6817 Naustdal>>, tlf {mob}. Motorisk forseinka, gjekk fyrst ved [[22 månader]]."""
)

T(
    """Lækjarerklæring til forsikringsselskap. Pasient: Torunn Aasen, fnr {fnr@1}. Skaden skjedde [[14.08.2023]] i samband med trafikkulukke, bil <<PL|VH 17290>>. Plager med nakken sidan."""
)

T(
    """Notat: Asylsøkjar frå Syria, DUF-nummer {duf}, busett på mottak i <<PN|6800 Førde>>. Helseundersøking gjennomført. Tuberkulose ikkje påvist. Tolk på arabisk."""
)

T(
    """Epikrise. Fødsel: Jente, fødd {dob@d20240402:dmy} kl [[15:40]], vekt [[3380 g]]. Mor: Ingrid Hatlevik, fnr {fnr@y1}. Ukomplisert forløp. Utskriven dag 3 til heimen."""
)

T(
    """Pasienten har vore på ferie i Spania og kjem tilbake med hoste og feber. [[CRP 64]]. Rtg thorax: infiltrat høgre underlapp. Startar [[Penicillin V 1 g x 4]] i 7 dagar."""
)

T(
    """Melding frå Helsenorge: Hei. Kan eg få fornya resepten på [[Levaxin 75 mikrog]]? Eg har berre tablettar att til [[måndag]]. Helsing Liv Sandvik"""
)

T(
    """Tilsyn frå sjukepleiar Anne Lise Berge: Trykksår på hælen, [[1 x 1 cm]], grad 1. Avlastning med pute. Hudpleie dagleg."""
)

T(
    """Dialogmelding frå fastlege Per Olav Hauge (HPR {hpr:8}) til Psykisk helseteam: Pasient Marit Lunde, fnr {fnr@1:sp}, treng oppfølging. Ho har mobil {mob:c}. Ho er samd i tilvisinga."""
)

T(
    """Oppsummer dette notatet: Pasienten, ein 70 år gammal mann, har KOLS ([[J44.9]]) og vart innlagd med forverring. [[pCO2 7,4]]. Fekk [[Prednisolon 40 mg]] og [[Doxycyklin]]. Utskriven dag 4."""
)

T(
    """Omsorgstenesta Sogndal: Brukaren flyttar frå <<A|Gravensteinsgata 4, 6856 Sogndal>> til omsorgsbustad. Ny adresse kjem. Kontaktperson i kommunen: Eli Kvåle, tlf {fast}."""
)

T(
    """Innkalling: Du har time på Medisinsk poliklinikk [[tysdag 18. juni]] kl [[09:30]]. Møt i resepsjonen [[2. etasje]]. Ta med liste over legemiddel du brukar."""
)

T(
    """Lækjarnotat, fastlegekontoret: Svar frå Haukeland. Pasienten, Oddvar Heggheim, fnr. {f32@o1}, er ferdigbehandla for prostatakreft. [[PSA 0,1]]. Kontroll med PSA kvar 6. månad."""
)

T(
    """Testdata frå Skatteetaten (Tenor): fnr {s80@1}, namn Kvit Banan, adresse <<A|Testvegen 1, 5003 Bergen>>. Berre for testing av integrasjonen."""
)

# ---------------------------------------------------------------- presisjonstekster (ingen identifikatorer)
T(
    """Pasienten har kjent [[Parkinsons sykdom]] siden [[2015]], bruker [[Madopar 125 mg x 4]]. Økende on/off-fenomener. Vurderes for pumpebehandling. Kona Turid er med på konsultasjonen."""
)

T(
    """Gutt med [[Downs syndrom]], årlig kontroll. [[TSH 3,2]], [[fritt T4 14]]. Hørsel og syn kontrollert i [[mars]]. Mor og far til stede, godt fornøyd med barnehagen."""
)

T(
    """Født til termin, uke [[40+2]], normal vaginal fødsel. Fødselsvekt [[3890 g]]. Ammes fullt. Helsesykepleier Randi Nes følger opp."""
)

T(
    """Ved akutt forverring: ring legevakt [[116 117]] eller ved livstruende tilstand [[113]]. Pasienten og kona Marianne har fått skriftlig informasjon."""
)

T(
    """Fakturanummer {ref11} gjelder dobbeltregistrert konsultasjon [[05.03.2024]]. Beløpet [[kr 282]] krediteres. Kontaktperson: Solveig Bakken, økonomiavdelingen."""
)

T(
    """Ordre {ref11} fra Norengros: [[200 stk]] sprøyter [[2 ml]], [[50 stk]] kanyler [[0,6 x 25 mm]]. Levert [[07.06.2024]] til lager, [[U1]]."""
)

T(
    """Referansenummer {ref11} oppgis ved henvendelse til Norsk pasientskadeerstatning. Saksbehandler: Jon Ragnar Sletten. Vedtak ventes innen [[6 måneder]]."""
)

T(
    """Bestilling av blodprøver: [[Hb]], [[CRP]], [[kreatinin]], [[elektrolytter]], [[HbA1c]], [[lipider]]. Tas fastende [[uke 25]]. Ingen endring i medisiner før prøvene."""
)

T(
    """Kontroll etter [[Bechterews sykdom]]-diagnose: [[BASDAI 3,1]], [[CRP 6]]. God effekt av [[Cosentyx 150 mg]]. Neste infusjon/injeksjon [[14.06.2024]]. Fortsetter fysioterapi hos Jorunn Eliassen."""
)

T(
    """Operasjonsbeskrivelse: Total kneprotese venstre. Komponenter: femur [[Size 5]], tibia [[Size 4]], insert [[10 mm]], ref [[REF 5515-F-501]], lot [[LOT 24031887]]. Sement: [[Palacos R+G]], lot [[LOT 77401256]]. Blødning [[250 ml]]. Operatør: Tom Erik Wang."""
)

T(
    """Vaksine gitt: [[Boostrix Polio]], batch [[AC37B412AD]], utløpsdato [[2025-08]]. Sted: høyre deltoid. Ingen umiddelbar reaksjon. Neste dose om [[10 år]]."""
)

T(
    """Kontroll KOLS: [[FEV1/FVC 0,58]], [[FEV1 1,6 L]] ([[54 %]]). Slutter å røyke i [[2023]], har holdt seg røykfri. Fortsetter [[Spiolto Respimat 2,5/2,5]] 2 inhalasjoner x 1."""
)

T(
    """Blodtrykksmålinger hjemme (Anne Marit): [[03.06]] [[142/88]], [[04.06]] [[138/85]], [[05.06]] [[145/91]], [[06.06]] [[136/84]]. Gjennomsnitt [[140/87]]."""
)

T(
    """Ernæringsstatus: Vekt [[54,2 kg]] (var [[61 kg]] i januar). [[BMI 19,8]]. Spiser halve porsjoner. Næringsdrikk [[Nutridrink]] 2 x daglig. Ernæringsfysiolog Hanne Lund kontaktet."""
)

T(
    """Visitt kl [[09:00]]: Pas. våken og orientert. [[Hb 10,8]], [[CRP 58]] (fallende). Kan mobiliseres. Planlagt utreise [[torsdag]]. Overlege Petter Solbakken."""
)

T(
    """Diagnoseliste: [[E11.9]] Diabetes type 2 uten komplikasjoner; [[I10]] Essensiell hypertensjon; [[E78.0]] Hyperkolesterolemi; [[M17.1]] Primær kneartrose. ICPC-2: [[T90]], [[K86]], [[T93]], [[L90]]."""
)

T("""Medisinliste per [[10.06.2024]]:
- [[Metformin 500 mg x 2]]
- [[Atorvastatin 20 mg x 1]] kveld
- [[Amlodipin 5 mg x 1]]
- [[Paracet 1 g]] inntil [[x 4]] ved behov
Allergier: ingen kjente. Fastlege: Ragnar Hovland.""")

T(
    """Kontroll etter fjerning av føflekk. Histologi: benignt nevus. Ingen videre oppfølging. Arret er fint. Pasienten er fornøyd."""
)

T(
    """Svar fra Ahus, radiologi: CT thorax [[22.04.2024]] – ingen lungeembolier. Liten pleuravæske høyre. Undersøkelsesnr [[RAD-24-084431]]. Sammenlignet med tidligere undersøkelse fra [[2021]]."""
)

T(
    """Timeavtale bekreftet: [[onsdag 19. juni]] kl [[13:45]], Poliklinikk [[B3]], [[rom 3.041]]. Forventet varighet [[45 min]]. Husk å ta med medisinliste. Hilsen Vigdis Ramberg, sekretær."""
)

T(
    """Prøvesvar: [[Kolesterol 6,8]], [[LDL 4,7]], [[HDL 1,1]], [[triglyserider 2,4]]. 10-årsrisiko ([[NORRISK 2]]) [[8 %]]. Starter [[Atorvastatin 20 mg]]."""
)

T(
    """Sårinfeksjon etter operasjon [[15.05.2024]]. Dyrking: [[Staphylococcus aureus]], følsom for [[dikloksacillin]]. Startet [[Diclocil 1 g x 4]] i 7 dager. Kontroll om en uke hos Wenche Nygaard."""
)

T(
    """Møtereferat tverrfaglig møte [[06.06.2024]]: Til stede: overlege Harald Lie, spl. Kine Bakke, fysio. Ole Martin Aas, ergoterapeut Ida Kvam. Pasienten i rom [[21]] skrives ut til rehab [[mandag]]. Behov for hjelpemidler vurderes."""
)

T(
    """Apotek: Byttet fra [[Zyrtec 10 mg]] til generisk [[Cetirizin Mylan 10 mg]]. Pakning [[30 stk]], pris [[kr 89,90]]. Varenr [[171943]]."""
)

T(
    """Helsestasjon: 6-ukerskontroll. Vekt [[4,9 kg]], lengde [[56 cm]], hodeomkrets [[38 cm]]. Smiler. Mor Camilla sover lite, vurdert [[EPDS 8]]."""
)

T(
    """Overlege Ingvild Brekke sier at pasienten med [[Crohns sykdom]] ([[K50.9]]) kan starte [[Remicade 5 mg/kg]] neste uke. Vekt [[71 kg]] gir [[355 mg]]. Infusjonsenheten, [[2. etg]]."""
)

T(
    """Ukesrapport smittevern: [[3]] tilfeller norovirus på avdeling [[5C]], [[1]] MRSA-bærer isolert. Rengjøring forsterket. Hygienesykepleier: Siv Helen Tangen."""
)

T(
    """Fakturagrunnlag [[mai 2024]]: [[412]] konsultasjoner, [[37]] tidsbruk-takster, [[18]] attester. Samlet refusjonskrav Helfo [[kr 198 430]]. Utarbeidet av Petra Olsen."""
)

T(
    """Resept: [[Amoxicillin 750 mg]] x 3 i 7 dager. [[21 tabletter]]. Pasienten informert om å fullføre kuren."""
)

T(
    """Ergoterapeut: Hjemmebesøk gjennomført [[03.06.2024]]. Anbefaler toalettforhøyer, dusjkrakk og fjerning av tepper. Hjelpemiddelsøknad sendes NAV. Kontaktperson i kommunen er Marit Sjøberg."""
)

T(
    """Lag en pasientvennlig forklaring av [[HbA1c 53 mmol/mol]] og hvorfor målet er under [[53]]. Pasienten heter Tor og er 58 år."""
)

T(
    """Oppsummer: 45 år gammel kvinne med [[migrene]], 6–8 anfall per måned. [[Sumatriptan 50 mg]] hjelper delvis. Forsøkt [[Propranolol 40 mg x 2]] uten effekt. Vurder [[CGRP-hemmer]]."""
)

T(
    """Hvilke interaksjoner finnes mellom [[Klaritromycin 500 mg]] og [[Simvastatin 40 mg]]? Pasienten er 72 år og har [[eGFR 58]]."""
)

T(
    """Skriv en kort tekst til pasientinformasjon om faste før gastroskopi: ikke spise etter kl [[24:00]], klart drikke inntil [[2 timer]] før. Oppmøte [[08:00]]."""
)

T(
    """Please summarize: 54-year-old male, smoker ([[30 pack-years]]), [[FEV1 62 %]], chronic cough. [[CT thorax]] shows [[8 mm]] nodule right upper lobe. Follow-up CT in [[3 months]] per Fleischner."""
)

T(
    """What does [[INR 4,1]] mean for a patient on [[warfarin]] who is scheduled for tooth extraction on [[Friday]]? The dentist is Dr. Halvorsen in Tromsø."""
)

T(
    """Draft a patient letter in Norwegian: the MRI from [[18 April]] showed a [[disc herniation L4/L5]]. No surgery needed. Physiotherapy recommended. Signed Dr. Siri Holm."""
)

T(
    """fikk [[inr 3,6]] i dag, pas står på [[marevan 5 mg]] man/ons/fre og [[2,5 mg]] resten. hvor mye skal jeg redusere?"""
)

T(
    """hei! husk teammøte kl [[14]] på [[rom 2.114]], vi går gjennom avvik fra [[uke 22]]. mvh sissel"""
)

T("""kan du sjekke om [[hb 7,9]] er kritisk? pas er 88 år, svimmel, ikke synlig blødning""")

T("""dosering [[gentamicin 5 mg/kg]] til pas på [[82 kg]], [[kreatinin 95]]?""")

T(
    """husk å bestille [[Ozempic]] til avdelingen, vi har bare [[3 penner]] igjen. lot [[RP5G233]] går ut [[07/2024]]"""
)

T(
    """Eg lurer på om eg kan ta [[Paracet]] og [[Ibux]] samstundes? Har vondt i tanna. Helsing Eirin"""
)

T(
    """Legevakta: Jente, 15 år, kom med vondt i halsen. [[Strep A]] positiv. [[Penicillin V 660 mg x 4]] i 10 dagar. Mor var med."""
)

T(
    """Sjukepleiar: Drenet vart fjerna kl [[13:30]], totalt [[420 ml]] serøst. Såret ser fint ut. Pasienten mobiliserer sjølv til toalettet. Fysioterapeut Nils kjem [[i morgon]]."""
)

T(
    """Møtereferat: Fagdag for sjukepleiarar [[12.09.2024]] på Førde sentralsjukehus. Tema: Delirium hos eldre. Påmelding til Kari Solheim innan [[1. september]]."""
)

T(
    """Blodprøvesvar: [[Hb 12,1]], [[kreatinin 76]], [[eGFR > 90]], [[natrium 139]], [[kalium 4,1]]. Ingen avvik. Kontroll om eitt år."""
)

T(
    """Kontroll diabetes: [[HbA1c 61]]. Pasienten har auka mosjonen. Vi aukar [[Metformin]] til [[1000 mg x 2]]. Ny kontroll i [[september]]. Fastlege Bjarte Nes."""
)

T(
    """Vaksinering: [[Comirnaty]] oppfriskingsdose gitt [[15.10.2023]], lot [[HH7041]]. Ingen biverknader rapportert."""
)

T(
    """Tilbakemelding til avdelinga: Pasienten i [[rom 6]] har klaga på støy om natta. Vi flyttar han til [[rom 14]] i dag. Avdelingsleiar Kjersti Bøe."""
)

T(
    """Logistikk: Pakkenr {ref11} med prøvemateriale frå Nordfjordeid er motteke på laboratoriet [[kl 11:05]]. Temperatur i boksen [[4 °C]]."""
)

T(
    """Konsultasjon: Ryggsmerter sidan [[2019]]. MR: [[prolaps L5/S1]]. Ingen pareser. Fysioterapi [[2 x veke]]. Sjukmeldt [[50 %]] i 4 veker. Arbeidsgjevar er informert av pasienten sjølv."""
)


# ---------------------------------------------------------------- flere positive: innvandring, test-ID-er, økonomi, transport
T(
    """Helseundersøkelse for nyankomne flyktninger. Navn: Oleksandr Kovalenko. DUF: {duf}. D-nummer ikke tildelt ennå. Pass (ukrainsk): <<PASS|FE512908>>. Bor midlertidig på <<A|Hvalstadåsen 2, 1395 Hvalstad>>. Tlf {mob:+47}."""
)

T(
    """Til UDI: Legeerklæring for Amina Hassan, DUF-nr. {duf}, i forbindelse med søknad om familiegjenforening. Pasienten har [[type 1-diabetes]] ([[E10.9]]) og bruker insulinpumpe."""
)

T(
    """Tolkebestilling: Pasient med DUF {duf:sp}, språk tigrinja, time [[13.06.2024]] kl [[10:00]] hos lege Sverre Krogh, Helsestasjon for flyktninger. Kontakt koordinator: <<EM|flyktninghelse@bergen.kommune.no>>."""
)

T(
    """Innkomst: Mann, asylsøker, DUF-nummer {duf}, passnummer <<PASS|N02845731>> (afghansk). Ingen norsk ID. Registrert på H-nummer {hnr@1:sp}. Smerter i brystet, EKG normalt, [[troponin < 5]]."""
)

T(
    """Vaksinasjonskort for Yusuf Ahmed (DUF {duf}) overført fra mottaket i <<PN|8450 Stokmarknad>>. Mangler [[MMR]] dose 2. Settes ved neste besøk."""
)

T(
    """Bekreftelse til UDI: Barnet Nour Khalil, DUF {duf}, fødd {dob@c1:dmy}, er undersøkt ved helsestasjonen. Ingen smittsame sjukdommar påvist."""
)

T(
    """Integrasjonstest mot Helsenorge (Norsk helsenett testmiljø): pasient {s65@1:sp}, fødselsdato {dob@1:dmy}. Forventet: melding levert. Faktisk: 500-feil. Se logg [[2024-06-03T09:41:12]]."""
)

T(
    """Testpasienter fra Tenor brukt i opplæring av nye leger: {s80} (mann) og {s80} (kvinne). Husk at dette er syntetiske personer."""
)

T(
    """Vi fikk en henvisning med fødselsnummer {s65} – er dette et testnummer fra NHN? Pasienten heter visstnok Gul Bukett, og henvisende lege har HPR {hpr}."""
)

T(
    """Feilmelding fra EPJ: "Ugyldig fødselsnummer {s80@1:dash}" ved import av testdata. Leverandøren sier Tenor-numre (måned + 80) ikke er støttet i versjon [[4.2.1]]."""
)

T(
    """Pasienten har fått FH-nummer {fh} fordi hun ikke har norsk fødselsnummer eller D-nummer. Hun er svensk statsborger og bor på <<A|Tollbugata 1, 8006 Bodø>>."""
)

T(
    """Reservenummer: Pasienten kom uten legitimasjon og ble registrert med felles hjelpenummer (FH) {fh}. Senere bekreftet identitet: Nils Pettersen, fnr {fnr@o1}. Numrene er slått sammen i kjernejournal."""
)

T(
    """FH-nr. {fh}, kvinne, ca. 30 år, turist fra Nederland. Forstuet ankel. Reiseforsikring: polisenr [[7714-22-0938]]. Norsk kontantkort-mobil: {mob:c}."""
)

T(
    """Sjukehuset tildelte felles hjelpenummer {fh} til pasienten medan vi venta på D-nummer frå Skatteetaten. Seinare fekk ho D-nummer {dnr@1}."""
)

T(
    """Oppdatering fra Folkeregisteret: pasientens nye fødselsnummer er {f32@1} (tidligere D-nummer {dnr@1}). Oppdater i DIPS og send melding til fastlege."""
)

T(
    """Henvisning mottatt: Leif Aune, fnr {f32@o1:sp}, [[PSA 12,1]]. Time til biopsi [[20.06.2024]]. Pasientens mobil: {mob}."""
)

T(
    """Pasient: Synne Rustad, personnummer {f32@y1}, gravid [[uke 12]], [[NIPT]] ønsket. Jordmor: Eva Hagen."""
)

T(
    """Tilbakemelding frå sekretær: Fødselsnummeret {fbad@1} på tilvisinga er feil. Rett nummer er {fnr@1}. Pasienten, Solfrid Lie, stadfesta dette på telefon."""
)

T(
    """Fnr: {fbad@1:dash} – sjekk dette, DIPS sier ugyldig. Pas: Kjetil Brenden, innlagt med [[atrieflimmer]], [[puls 142]]."""
)

T(
    """OBS! Rekvisisjonen har feil fødselsnr: {fbad@o1:sp}. Prøve (Hb, CRP) holdt tilbake. Ring avdelingen på {fast} for å avklare."""
)

T(
    """Patient's ID number (fødselsnummer) {fbad@1} failed validation in our system. Could it be a typo? Name: Marius Dahl, born {dob@1:en}."""
)

T(
    """Pasienten (pnr {fbad@1:sp}) har byttet fastlege. Gammel lege: Ann-Kristin Wiik. Ny lege: Jens Lid, HPR {hpr:8}."""
)

T(
    """Henvisning retur: Feil fødselsnummer {fbad@1}. Navnet (Gry Solberg) finnes ikke på dette nummeret i Folkeregisteret. Send ny henvisning med korrekt ID."""
)

T(
    """Faktura fra Oslo universitetssykehus HF, org.nr {org:sp}. Pasient: Vebjørn Lie. Beløp: [[kr 3 210]]. Kontonr: {konto}, KID: {kid:11}. Betal innen [[20.07.2024]]."""
)

T(
    """Betaling fra utlandet: Use IBAN {iban} and BIC DNBANOKK. Reference: KID {kid}. Amount [[NOK 1 450]] for emergency treatment [[12.05.2024]]."""
)

T(
    """Pasienten, som bor i Sverige, spør hvordan hun betaler egenandelen. Svar: overfør til IBAN {iban}, merk med KID {kid}. Beløp [[kr 375]]."""
)

T(
    """Refusjon av reiseutgifter (Pasientreiser): utbetales til kontonummer {konto:c} tilhørende Gunhild Sørli, fnr {fnr@o1}. Beløp [[kr 612]], reise Hammerfest–Tromsø."""
)

T(
    """Leverandørfaktura: Medline Scandinavia, org.nr. {org:mvac}, IBAN {iban:c}. Fakturanr [[INV-2024-77812]]. Beløp [[kr 48 750,00]]."""
)

T(
    """Stipend til forskningsprosjekt utbetales til Helse Bergen HF, konto {konto}, IBAN {iban}. Prosjektnummer [[912345]]."""
)

T("""Betalingsinformasjon for pasienter bosatt i utlandet: IBAN {iban} – husk KID {kid:11}.""")

T(
    """Utbetaling frå kommunen: Omsorgsstønad til Astrid Moen, kontonummer {konto}, IBAN {iban} (for utanlandsk bank). Vedtak [[24/3318]]."""
)

T(
    """Gjeld faktura [[2024-0441]]: KID-nummer {kid} er ugyldig ifølgje nettbanken. Kan de sende ny faktura? Helsing Oddny Flatebø, tlf {mob}."""
)

T(
    """Purring 2: Egenandel [[kr 520]], forfalt [[15.04.2024]]. Betal til {konto} med KID {kid}. Ved spørsmål: <<EM|faktura@legevakt-drammen.no>>."""
)

T(
    """Journalnr. <<J|19920412>>. Merk: dette er ikke fødselsdato, men løpenummer i gamle papirjournaler fra Gjøvik sykehus."""
)

T(
    """Pasientnr <<J|3398127>>, DIPS. Overført fra Kongsberg sykehus [[30.05.2024]]. Epikrise etterspurt fra Ringerike."""
)

T(
    """Skanning av gammel papirjournal: journalnummer <<J|A-77312>>, pasient Ingrid Haugen, fødd {dob@o1:dmy}. 148 sider, ferdig skanna [[05.06.2024]]."""
)

T(
    """PID <<J|00488712>> – pasienten har reservert seg mot kjernejournal. Ikke hent opplysninger uten samtykke."""
)

T(
    """Merknad: Pasientnummer <<J|55120077>> er slått sammen med <<J|55120913>> (duplikat). Kontaktperson IKT: <<EM|dips.support@sthf.no>>."""
)

T(
    """Ambulanseoppdrag: Bil <<PL|AM 41027>> rykket ut kl [[07:42]] til trafikkulykke på E6 ved Støren. Involvert personbil <<PL|TR 88214>>. Fører, Hans Kvål, fnr {fnr@1}, kontaktbar."""
)

T(
    """Parkeringstillatelse for forflytningshemmede innvilget. Gjelder kjøretøy <<PL|CF 19263>>. Innehaver: Karl Nymoen, <<A|Bjørkeveien 22, 3182 Horten>>. Gyldig til [[01.06.2027]]."""
)

T(
    """Pasienten kjørte selv til mottak, bilen (<<PL|EL 23571>>) står ulovlig parkert ved akuttinngangen. Kona kontaktet på {mob:c} for å hente den."""
)

T(
    """Melding til Statens vegvesen: Førerett bør inndras midlertidig. Pasient: Torleif Hansen, fnr {fnr@o1:sp}, kjøretøy <<PL|NB 60142>>. Diagnose: demens ([[F03]])."""
)

T(
    """Passnummer: <<PASS|FK8821034>>. Pasienten skal reise til Thailand [[02.07]] og trenger legeerklæring for medisiner ([[Oxycodone]]). Navn: Randi Lie, fnr {fnr@1}."""
)

T(
    """Medisinsk attest for reise: Pasient Anders Holm (pass <<PASS|31964877>>) bruker [[Insulin]] og [[sprøyter]], som må medbringes i håndbagasjen."""
)

T(
    """Reiseattest (nynorsk): Pasienten, Hildegunn Vik, pass nr. <<PASS|FJ0043187>>, brukar [[Tegretol 200 mg x 2]] mot epilepsi og må ha medisinane med seg på flyet."""
)

T(
    """Patient is an American exchange student, passport <<PASS|A98235476>>, no Norwegian ID yet. Assigned FH number {fh}. Email <<EM|jessica.t.miller@gmail.com>>. Diagnosis: [[mononucleosis]]."""
)

T(
    """Innvandrer frå Litauen, passnummer <<PASS|23917845>>, D-nr {dnr@1}. Arbeider på fiskebruk i <<PN|6090 Fosnavåg>>. Kutt i handa, sydd med [[4 sting]]."""
)

T(
    """Flytting: Pasienten har flyttet fra Oslo til <<PN|9405 Harstad>> og ber om at journalen sendes ny fastlege, Harstad legesenter. Pasientens e-post: <<EM|m.stangeland@icloud.com>>."""
)

T(
    """Svar frå folkeregisteret: Pasienten har postadresse <<PN|5700 Voss>>, men bur mellombels hos søstera på <<A|Hellandsvegen 4, 5710 Skulestadmo>>."""
)

T(
    """Pasienten er utskrevet til korttidsplass i <<PN|2450 Rena>>. Ny kontaktperson: avdelingssykepleier Berit Haug, tlf {fast}."""
)

T(
    """Pasientreiser: Hent pasient på <<A|Trondheimsveien 235 B, 0589 Oslo>> kl [[06:45]], kjør til Radiumhospitalet. Retur samme dag. Pasientens mobil: {mob:c}. Rullestol, trenger bil med rampe."""
)

T(
    """Henvisning fra fastlege (HPR-nr.: {hpr}), Tromsø: Pasient Ellen Hætta, fnr {fnr@1:sp}, med uklar anemi ([[Hb 9,1]]). Samisk tolk ønskes. Bor i <<PN|9520 Kautokeino>>."""
)

T(
    """Attestert av overlege Jan Erik Brun, helsepersonellnummer {hpr:8}. Sted/dato: Tønsberg, [[07.06.2024]]."""
)

T(
    """Rekvirent: Lege i spesialisering Hanna Yttervik, HPR {hpr}. Kopi til fastlege Kjell Åge Nilsen, HPR {hpr:8}. Tlf vakthavende: {fast}."""
)

T(
    """Sykepleier Mona Brattli (HPR-nr {hpr:8}) har administrert [[Morfin 2,5 mg]] sc kl [[21:10]]. Kontrasignert av Linn Sørensen."""
)


T(
    """Gave til Barnekreftforeningen fra minnestund for Arnfinn Strøm: IBAN {iban}, KID {kid}. Takk fra familien. Spørsmål: <<EM|strom.familien@gmail.com>>."""
)

T(
    """Pasienten er tysk pensjonist bosatt i Lofoten. Refusjon fra HELFO går til tysk konto, men norsk konto oppgitt: {iban:c}. Adresse: <<A|Havnegata 6, 8310 Kabelvåg>>."""
)

T(
    """Forskuddsbetaling for behandling ved privat klinikk (Volvat Bergen), org.nr {org}: [[kr 12 500]] betales til IBAN {iban}. Pasientens D-nummer: {dnr@1}."""
)

T(
    """Legeerklæring, UDI-sak. Søkjar: Abdi Farah, DUF-nr {duf}, fødd {dob@y1:dmy}. Kontaktperson på mottaket: {mob}."""
)

T(
    """Barnet (DUF {duf}) og mor (DUF {duf}) kom til helsestasjonen i dag. Mor har pass nr <<PASS|P0834512>>. Innhentingsvaksinering starta."""
)

T(
    """Testmiljø NHN: fnr {s65@1} og {s65@2} feiler i e-resept-testen med kode [[E-104]]. Begge er syntetiske (måned + 65). Ansvarlig: Kristian Bø, <<EM|kristian.bo@nhn.no>>."""
)

T(
    """Opplæring i DIPS Arena: Bruk testpasient Fisk Sprudlende, fødselsnummer {s80@1:sp}, ved øving på innleggelse. Ikke bruk ekte pasienter. Testpasient nr. 2: {s65@2:sp}."""
)

T(
    """Henvisning fra fastlege, testdata fra Tenor (ikke ekte person): Navn: Rask Elg, fnr {s80@1}, tlf {mob}, <<A|Testgata 12, 0150 Oslo>>."""
)

T(
    """Oppsummer epikrisen: Pasient Jorun Haldorsen, fnr {f32@1:dash}, innlagt med [[pyelonefritt]], [[CRP 188]], behandlet med [[Cefotaksim 1 g x 3]] iv. Utskrevet på [[Ciprofloxacin 500 mg x 2]]."""
)

T(
    """Skadeoppgjør etter påkjørsel: Fotgjenger, Mette Hval, fnr {fnr@1}. Bilen som kjørte på henne hadde reg.nr <<PL|UB 22467>>. Politiets saksnr [[15248831]]."""
)

T(
    """Overflytting fra Ålesund: pasient Vegard Ona, f.nr. {fnr@1:dash}, journalnr <<J|770045>>, KID for fakturering {kid:11}. Ambulansebil <<PL|MR 10311>>."""
)

T(
    """Melding frå passkontoret: Passnummeret <<PASS|FP1207744>> er sperra. Pasienten må skaffe nødpass før reisa. Kontakt politiet i Bergen."""
)


# ---------------------------------------------------------------- lengre tekster
T("""EPIKRISE
Indremedisinsk avdeling, Sykehuset Innlandet Hamar
Pasient: Reidun Sveen   Fødselsnr: {fnr@o1:sp}
Adresse: <<A|Vangsvegen 63, 2317 Hamar>>
Innlagt: [[27.05.2024]] kl [[18:40]]   Utskrevet: [[04.06.2024]]

Diagnoser:
1. [[A41.9]] Sepsis, utgangspunkt urinveier
2. [[N39.0]] Urinveisinfeksjon
3. [[E11.9]] Diabetes mellitus type 2

Forløp: Innlagt med feber [[39,8]], [[BT 92/55]], [[laktat 3,4]], [[CRP 312]]. Blodkultur: [[E. coli]]. Behandlet med [[Cefotaksim 2 g x 3]] iv i 4 døgn, deretter [[Ciprofloxacin 500 mg x 2]] po, totalt 10 dager. Insulin justert underveis. [[kreatinin 164]] ved innkomst, [[kreatinin 96]] ved utreise.

Videre plan: Kontroll hos fastlege Øystein Nordby om 1–2 uker med CRP og kreatinin. Pårørende (datter Hilde Sveen, mobil {mob}) er informert.
Lege: Anette Grinde, LIS, HPR-nr {hpr}""")

T("""HENVISNING – Smerteklinikken, St. Olavs hospital

Henvisende lege: Petter Moxnes, Lade legesenter, <<A|Haakon VIIs gate 9, 7041 Trondheim>>
HPR: {hpr:8}   Tlf: {fast}   E-post: <<EM|petter.moxnes@ladelegesenter.no>>

Pasient: Tove Hammer
Fnr: {fnr@1}
Adresse: <<A|Jonsvannsveien 118 C, 7050 Trondheim>>
Mobil: {mob:+47}

Problemstilling: Langvarige, diffuse muskelsmerter siden [[2019]], tiltagende siste år. Utredet revmatologisk uten funn ([[CRP 3]], [[SR 8]], [[ANA negativ]]). Forsøkt [[Amitriptylin 10 mg]] og [[Pregabalin 75 mg x 2]] uten effekt. Sykmeldt 100 % siden [[januar 2024]] fra stilling som renholder. Ønsker vurdering og tverrfaglig smerteprogram.
Tolk: ikke nødvendig.""")

T("""EPIKRISE – Ortopedisk avdeling, Helse Førde
Pasient: Eldrid Sunde, fødd {dob@o1:dmy}, fnr {fnr@o1}
Adresse: <<A|Skulevegen 5, 6823 Sandane>>

Innlagd [[18.04.2024]] etter fall heime. Rtg: pertrokantært lårhalsbrot venstre side ([[S72.1]]). Operert med glideskrue [[19.04.2024]]. Postoperativt forløp utan komplikasjonar. [[Hb 10,2]] ved utreise. Mobilisert med gåbord, går [[20 meter]] med støtte.

Medisinar ved utreise: [[Paracet 1 g x 4]], [[Oxynorm 5 mg]] ved behov, [[Fragmin 5000 IE x 1]] i 4 veker, [[Calcigran Forte 1000 mg/800 IE x 1]].

Vidare: Utskriven til korttidsplass på Gloppen omsorgssenter. Sting fjernast etter 14 dagar. Kontakt ved spørsmål: sengepost 3, tlf {fast}. Pårørande: sonen Arve Sunde, {mob}.""")

T("""You are an assistant for a Norwegian GP office. Write a concise summary (max 5 bullet points) of the note below and suggest follow-up.

---
Konsultasjon [[05.06.2024]]
Pasient: Henning Ødegaard, pnr {fnr@1:dash}, tlf {mob:c}
S: Økende tungpust og hevelse i beina siste 3 uker. Sover med 3 puter.
O: [[BT 162/98]], [[puls 104]] uregelmessig, [[SpO2 93 %]]. Pitting ødem til knærne. [[NT-proBNP 3100]]. EKG: atrieflimmer.
V: Nyoppdaget atrieflimmer med hjertesvikt ([[I48]], [[I50.9]]).
P: Startet [[Furosemid 40 mg]] og [[Eliquis 5 mg x 2]]. Henvist hjertepoliklinikk, haster. Ny kontroll om 1 uke.
---""")

T("""Legeerklæring ved arbeidsuførhet (NAV)
Pasient: Sondre Bakkevold, fnr {fnr@1:sp}
Arbeidsgiver: Bama Gruppen AS, org.nr. {org:sp}
Pasientens kontonummer (for direkte utbetaling): {konto}

Diagnose: [[P02]] Akutt stressreaksjon / [[Z09]] Problem med arbeidssituasjon.
Sykehistorie: Pasienten har vært sykmeldt siden [[11.03.2024]]. Opplever konflikt på arbeidsplassen, søvnvansker og konsentrasjonsvansker. Har gått til samtaler hos psykolog (Bjørg Tønnesen) [[6 ganger]].
Funksjon: Klarer ikke å utføre arbeidet i dag. Forventet gradvis tilbakeføring fra [[juni]].
Tiltak: Dialogmøte med arbeidsgiver anbefales. Pasienten kan kontaktes på {mob}.""")

T("""Tverrfagleg møte, Geriatrisk poliklinikk, [[21.05.2024]]
Til stades: overlækjar Torstein Hauge, sjukepleiar Gunn Eide, ergoterapeut Marta Lid, fysioterapeut Jon Kleppe.

Pasienten er ein 84 år gammal mann med [[Alzheimers sjukdom]] ([[G30.1]]) og [[Parkinsons sjukdom]] ([[G20]]). [[MMSE 19/30]] (var [[23/30]] i [[2023]]). Brukar [[Donepezil 10 mg x 1]] og [[Madopar 125 mg x 3]]. Fall tre gonger siste månad. [[BT 118/64]] liggjande, [[96/58]] ståande – ortostatisk hypotensjon.

Tiltak: Redusere Madopar til [[62,5 mg x 3]]? Vurdere [[Midodrin]]. Tryggleiksalarm og dagsenter to dagar i veka. Ny vurdering om [[3 månader]]. Kona, Brita, vart informert etter møtet.""")

# ---------------------------------------------------------------- fleire nynorsk
T(
    """Kan du skrive eit samandrag av denne epikrisen på nynorsk? Pasienten, Sverre Hjelle (fnr {fnr@o1:sp}), vart innlagd med [[hjarteinfarkt]] og fekk PCI. [[Troponin T 1890]]. Utskriven på dag 3."""
)

T(
    """Heimesjukepleia: Brukaren, Jorunn Mo, fødd {dob@o1:long}, har fått ny dørkode. Nøkkelboks ved inngangen. Kontakt: dotter Hege på {mob:c}."""
)

T(
    """Eg har hatt vondt i halsen i tre dagar og feber [[38,5]]. Treng eg å kome inn, eller kan eg vente til [[måndag]]? Helsing Brynhild"""
)

T(
    """Tilvising til augelækjar: Pasient Ottar Vik, pnr {fnr@o1}, <<A|Strandvegen 31, 6140 Syvde>>. Spørsmål om diabetisk retinopati. [[HbA1c 71]]. Køyrer ikkje bil lenger."""
)

T("""lækjarvakta: ring tilbake til mor på {mob} ang. guten med feber, ho er uroleg""")

T(
    """kan du skrive om dette til bokmål: pasienten fekk [[paracet 1 g]] [[kl 08]] og [[ibux 400 mg]] [[kl 12]], ingen effekt, framleis vondt i hovudet"""
)


# =============================================================================
def build(seed: int = SEED) -> tuple[list[dict[str, object]], list[str]]:
    filler = Filler(Gen(seed))
    rows, variants = [], []
    for template in TEMPLATES:
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
