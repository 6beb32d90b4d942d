"""Synthetic Norwegian patients for the load test: valid fødselsnumre, phones, names, e-mail.

Fødselsnumre follow DESIGN.md §5: DDMMYY + individnummer (its range gives the century) + two
mod-11 check digits (remainder 10 is invalid, 11 becomes 0); one in five is a D-nummer (day +
40). Phone numbers are Norwegian mobiles (``4[015-8]`` or ``9``). Numbers and e-mail
addresses never repeat within one ``People``; names come from two lists of common ones.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from recognizers.no.checksums import mod11_check_digit

K1_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
K2_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
FIRST_NAMES = (
    "Kari Ingrid Anne Marit Liv Astrid Sigrid Ragnhild Solveig Randi Hilde Silje Ingeborg Nora "
    "Emma Ola Lars Knut Jan Bjørn Arne Svein Geir Terje Magnus Håkon Eirik Sindre Jonas Henrik "
    "Kristoffer Øyvind Tormod Halvard Torunn Gunnhild Synnøve Vigdis Aslak Ragnar"
).split()
SURNAMES = (
    "Nordmann Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen "
    "Johnsen Pettersen Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen "
    "Halvorsen Henriksen Lund Sørensen Jakobsen Moen Gundersen Iversen Strand Solberg Svendsen "
    "Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen Lie Amundsen Nguyen Rasmussen"
).split()
MOBILE_PREFIXES = ("9", "40", "41", "45", "46", "47", "48")
RELATIVES = ("datteren", "sønnen", "ektefellen", "samboeren", "søsteren", "broren")


def individual_range(year: int) -> range:
    """Individnumre that encode ``year``'s century (born 1940-2019 here)."""
    if year < 2000:
        return range(0, 500)
    return range(500, 1000)


def fodselsnummer(rng: random.Random, born: date, *, d_number: bool = False) -> str | None:
    """A valid fødselsnummer (or D-nummer) for ``born``, or ``None`` if the draw is invalid."""
    day = born.day + 40 if d_number else born.day
    individual = rng.choice(individual_range(born.year))
    head = f"{day:02d}{born.month:02d}{born.year % 100:02d}{individual:03d}"
    k1 = mod11_check_digit([int(d) for d in head], K1_WEIGHTS)
    if k1 is None:
        return None
    k2 = mod11_check_digit([int(d) for d in head + str(k1)], K2_WEIGHTS)
    return None if k2 is None else f"{head}{k1}{k2}"


ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "aa"})


@dataclass(frozen=True, slots=True)
class Patient:
    """One patient note and its identifying values as ``(kind, value)`` pairs."""

    message: str
    values: tuple[tuple[str, str], ...]


class People:
    """Draws patients whose identifying values never repeat (seeded, reproducible)."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
        self._used: set[str] = set()

    def _fresh(self, draw: object) -> str:
        for _ in range(1000):
            value = draw() if callable(draw) else None
            if isinstance(value, str) and value not in self._used:
                self._used.add(value)
                return value
        raise RuntimeError("ran out of distinct values")

    def _fnr(self) -> str:
        def draw() -> str | None:
            born = date(1940, 1, 1) + timedelta(days=self._rng.randrange(80 * 365))
            return fodselsnummer(self._rng, born, d_number=self._rng.random() < 0.2)

        return self._fresh(draw)

    def _phone(self) -> str:
        def draw() -> str:
            head = self._rng.choice(MOBILE_PREFIXES)
            digits = f"{head}{self._rng.randrange(10 ** (8 - len(head))):0{8 - len(head)}d}"
            return f"{digits[:3]} {digits[3:5]} {digits[5:]}"

        return self._fresh(draw)

    def _names(self) -> list[tuple[str, str]]:
        """Three different people (names may recur across patients; numbers never do)."""
        firsts = self._rng.sample(FIRST_NAMES, 3)
        return list(zip(firsts, self._rng.sample(SURNAMES, 3), strict=True))

    def patient(self) -> Patient:
        """A note about a new patient, a relative and their GP; numbers and e-mail new."""
        (first, last), relative, doctor = self._names()
        fnr, phone = self._fnr(), self._phone()
        local = f"{first}.{last}".lower().translate(ASCII)
        email = self._fresh(lambda: f"{local}{self._rng.randrange(1000)}@example.no")
        kinship = self._rng.choice(RELATIVES)
        message = (
            f"Oppsummer notatet. Pasient {first} {last} (fnr {fnr}) ble lagt inn med "
            f"brystsmerter og tung pust. Pårørende er {kinship} {' '.join(relative)}, tlf "
            f"{phone}. Fastlege er dr. {' '.join(doctor)}. E-post til pasienten: {email}. "
            "Hb 12,9, INR 2,4, CRP 45. Plan: ekkokardiografi og kontroll om to uker."
        )
        names = {first, last, *relative, *doctor}
        values = [("fnr", fnr), ("phone", phone), ("email", email)]
        return Patient(message, (*values, *(("name", name) for name in sorted(names))))
