"""Every example of identifiers written the way people speak and type them (issue 17),
through the shipped detector (normalised views, rules, NER model, name echoes) and policy.

``FIND`` rows: every occurrence of each listed value must be covered — every letter and
digit — by findings that policy rewrites. ``KEEP`` rows: each listed string (clinical
content, instructions, structure) must be overlapped by none of them.
"""

from __future__ import annotations

import pytest

from proxy.detection.detector import Detector
from proxy.settings import Settings
from tests.proxy.scrub.rewritten_cases import assert_found, assert_kept, rewritten

ZW = ("\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad")

FIND: list[tuple[str, tuple[str, ...]]] = [
    # Names in lower case or ALL CAPS.
    ("ja hei svitlana sett deg", ("svitlana",)),
    ("sykepleier roya tar blodprøvene nå", ("roya",)),
    ("jeg er moren hans altså liv ødegård", ("liv ødegård",)),
    ("PASIENTEN KARI NORDMANN HAR VONDT I MAGEN", ("KARI NORDMANN",)),
    ("Navn: INGRID BAKKE\nTime: 14.30", ("INGRID BAKKE",)),
    ("Fastlege HANSEN henviste pasienten til poliklinikken.", ("HANSEN",)),
    ("Hei.\nKari Nordmann ble innlagt.\nkari nordmann ringte.", ("Kari Nordmann", "kari nordmann")),
    ("Kari Nordmann er innlagt. Nordmann har feber i dag.", ("Kari Nordmann", "Nordmann")),
    # Names in other layouts.
    ("Pasientliste avd. 3:\nNORDMANN, Kari\nVOLD, Tobias\n", ("NORDMANN, Kari", "VOLD, Tobias")),
    (
        "| Navn | Født | Diagnose |\n|---|---|---|\n| Vold, Tobias | 1981 | J18.9 |\n",
        ("Vold, Tobias",),
    ),
    ("24.09.2024, 21:11 - hedvig: hei! får jeg time i dag?", ("hedvig",)),
    ("2024-03-02 10:14:55 INFO login ok bruker=minh.duong rolle=lege", ("minh.duong",)),
    ("pasienten heter hussain det staves h u s s a i n", ("hussain", "h u s s a i n")),
    ("Time hos fastlege for \u041ela Hansen i morgen.", ("\u041ela Hansen",)),
    *[(f"Time hos fastlege for Ka{z}ri Nordmann i morgen.", (f"Ka{z}ri Nordmann",)) for z in ZW],
    # Spoken numbers.
    (
        "ja du kan ring meg på fire en fire nittiåtte fem tre sju",
        ("fire en fire nittiåtte fem tre sju",),
    ),
    (
        "fødselsnummeret mitt er null seks null åtte sju en fire åtte seks fire tre",
        ("null seks null åtte sju en fire åtte seks fire tre",),
    ),
    (
        "mailen min er noori punktum dariush krøllalfa gmail punktum com",
        ("noori punktum dariush krøllalfa gmail punktum com",),
    ),
    ("hun er født sjette i åttende nitten syttien", ("sjette i åttende nitten syttien",)),
    # Separators and invisible characters.
    ("fnr 130972\u00a048022", ("130972\u00a048022",)),
    ("Pasient f. 13.09.72 48022 innlagt", ("13.09.72 48022",)),
    ("id 13-09-72-48022 i systemet", ("13-09-72-48022",)),
    ("fnr 1309 7248 022", ("1309 7248 022",)),
    *[(f"fnr 13097{z}248022", (f"13097{z}248022",)) for z in ZW],
    ("GET https://journal.example/pasient/13097248022/journal", ("13097248022",)),
    ("tlf 912.34.567", ("912.34.567",)),
    ("ring 486-30-287 etter kl 16", ("486-30-287",)),
    ("mobil 4 8 3 8 3 0 0 3", ("4 8 3 8 3 0 0 3",)),
    ("send til kari.nordmann\uff20gmail.com", ("kari.nordmann\uff20gmail.com",)),
    ("send til kari.nordmann (at) gmail.com", ("kari.nordmann (at) gmail.com",)),
    # Numbers plainly labelled but failing a rule.
    ("telefonnummeret mitt er 82573367", ("82573367",)),
    ("Tlf: 44 62 81 94", ("44 62 81 94",)),
    ("Kontakt +47 438 74 143 ved spørsmål.", ("438 74 143",)),
    ("Pasientens far, 12114928944, er genpositiv.", ("12114928944",)),
    ("Pårørende (Anne Cecilie Aam, 130558 01432) ringte.", ("Anne Cecilie Aam", "130558 01432")),
    ("Gutten er født 230100 og bor hjemme.", ("230100",)),
    ("Refusjon til konto 12345678901 innen fredag.", ("12345678901",)),
    ("ja det er postnummer null fem seks fem", ("null fem seks fem",)),
    ('{"navn": "x", "postnr": "7713", "sted": "Steinkjer"}', ("7713",)),
    ("Adresse: Stasjonsveien 121 B H0303, 3060 Svelvik", ("Stasjonsveien 121 B H0303",)),
]

KEEP: list[tuple[str, tuple[str, ...]]] = [
    ("Oppsummer: Pasienten har hatt feber i tre dager.", ("Oppsummer",)),
    ("Summarize: the patient was admitted with chest pain.", ("Summarize",)),
    ("Finn pasient med høyest CRP på avdelingen.", ("Finn pasient",)),
    ("Skriv et brev til fastlegen om videre oppfølging.", ("Skriv et brev",)),
    ("CRP 145. Behandlende lege Ola Hansen", ("CRP 145",)),
    ("ICD-10 F32.1. Pasienten Kåre Lien er utredet.", ("ICD-10 F32.1.",)),
    ("lege: ja hvordan går det med deg i dag\npasient: nei det går sånn passe", ("ja hvordan",)),
    ("Epikrisen sendes fastlege.", ("Epikrisen",)),
    ("Innkomststatus: Redusert allmenntilstand, afebril.", ("Innkomststatus: Redusert",)),
    ("Fornavn:\nEtternavn:\nFeltet for pårørende er tom.", ("Fornavn:", "tom")),
    ("Bruker Catapresan 75 mikrogram x 2 og Madopar 125 mg x 4.", ("Catapresan", "Madopar")),
]

FOUND_TOO: dict[str, tuple[str, ...]] = {
    "CRP 145. Behandlende lege Ola Hansen": ("Ola Hansen",),
    "ICD-10 F32.1. Pasienten Kåre Lien er utredet.": ("Kåre Lien",),
}


@pytest.mark.parametrize(("text", "values"), FIND, ids=[repr(t[:40]) for t, _ in FIND])
def test_found(
    detector: Detector, base_settings: Settings, text: str, values: tuple[str, ...]
) -> None:
    assert_found(rewritten(detector, base_settings, text), text, values)


@pytest.mark.parametrize(("text", "keeps"), KEEP, ids=[repr(t[:40]) for t, _ in KEEP])
def test_kept(
    detector: Detector, base_settings: Settings, text: str, keeps: tuple[str, ...]
) -> None:
    findings = rewritten(detector, base_settings, text)
    assert_kept(findings, text, keeps)
    assert_found(findings, text, FOUND_TOO.get(text, ()))
