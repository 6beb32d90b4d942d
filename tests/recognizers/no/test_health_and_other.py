"""HPR, licence plates, passports, journal numbers; and clinical text that must stay intact."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Find = Callable[[str], list[tuple[str, str]]]

FOUND = [
    ("NO_HPR", "Fastlege Hansen, HPR-nr 1234560", "1234560"),
    ("NO_HPR", "helsepersonellnummer: 9876545", "9876545"),
    ("NO_HPR", "HPR 10000009 (sykepleier)", "10000009"),
    ("NO_HPR", "HPR-nummer 7654321", "7654321"),  # checksum unverified, context suffices
    ("NO_LICENSE_PLATE", "Kjørte bil med skilt EL 12345", "EL 12345"),
    ("NO_LICENSE_PLATE", "Reg.nr. DN1234", "DN1234"),
    ("NO_LICENSE_PLATE", "Parkert BR 56789 utenfor", "BR 56789"),
    ("NO_PASSPORT", "Passnummer: 29153795", "29153795"),
    ("NO_PASSPORT", "pass nr FH1234567", "FH1234567"),
    ("NO_PASSPORT", "Passport 31195855", "31195855"),
    ("NO_JOURNALNUMMER", "Journalnr: 2023/12345", "2023/12345"),
    ("NO_JOURNALNUMMER", "pasientnr AB-774411", "AB-774411"),
    ("NO_JOURNALNUMMER", "PID 88213377 i DIPS", "88213377"),
    ("NO_JOURNALNUMMER", "J.nr. 3307715 er lagt inn", "3307715"),
    ("NO_JOURNALNUMMER", "Journal nr. 3307715", "3307715"),
    ("NO_JOURNALNUMMER", "MRN 3307715", "3307715"),
]

NOT_FOUND = [
    "Hb 12,9 g/dL, INR 2,4, eGFR 58, BT 145/90, CRP 45",
    "HbA1c 53 mmol/mol, ALAT 34, kreatinin 88",
    "Metformin 500 mg x 2, Marevan 2,5 mg etter INR",
    "Paracet 1 g x 4 ved behov, Ibux 400 mg",
    "Diagnose E11.9 Diabetes mellitus type 2, ICPC-2 T90, ATC A10BA02",
    "ICD-10 I21.4 og J44.1; ICPC-2 K86 og R96",
    "Lot AB12345 utløper 2026",
    "Batch 1234567890 fra Pfizer",
    "Ordrenr 4711 0815 2233 sendt",
    "Kontroll i 2025, siste innleggelse 2019",
    "HPR er ikke registrert",
    "Pasienten passer på 12345678",  # "passer" is not "pass"
    "Bestillingsnr 123456 og 7654321",
    "Vaksine Comirnaty lot FK1234, dose 3",
    "Bursdagsfeiring 12.03.2024 på avdelingen",  # a party's date, not a birth date
]


@pytest.mark.parametrize(("entity", "text", "value"), FOUND)
def test_found(find: Find, entity: str, text: str, value: str) -> None:
    assert (entity, value) in find(text)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(find_structured: Find, text: str) -> None:
    assert find_structured(text) == []
