"""HEALTH_CARE_UNIT: hospitals, DPS, BUP, legevakt, legekontor, sykehjem and their wards, as
one finding per multi-part name; generic heads, wards alone and other bodies left alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.ner.engine import SCORES as NER_SCORES
from recognizers.no.care_units import HealthCareUnitRecognizer, is_care_unit_name

RECOGNIZER = HealthCareUnitRecognizer()


def found(text: str) -> list[str]:
    results = sorted(RECOGNIZER.analyze(text, ["HEALTH_CARE_UNIT"], None), key=lambda r: r.start)
    return [text[r.start : r.end] for r in results]


FOUND = [
    # gazetteer names and short forms
    ("Kontroll ved Haukeland universitetssjukehus i mai.", "Haukeland universitetssjukehus"),
    ("Innlagt på St. Olavs hospital etter fallet.", "St. Olavs hospital"),
    ("Henvist til Modum Bad for døgnbehandling.", "Modum Bad"),
    ("Kontroll ved UNN Tromsø om tre måneder.", "UNN Tromsø"),
    ("Fløyet til Rikshospitalet for PCI.", "Rikshospitalet"),
    ("Innlagt på Riksen i fjor.", "Riksen"),  # ambiguous: after a care word
    ("Henvist til Haraldsplass diakonale sykehus.", "Haraldsplass diakonale sykehus"),
    ("Faktura fra Oslo universitetssykehus HF.", "Oslo universitetssykehus HF"),
    ("Operert ved Volvat Majorstuen.", "Volvat Majorstuen"),  # chain and site
    # a name before a head word
    ("Henvist fra Fjellhaug legesenter.", "Fjellhaug legesenter"),
    ("Kontakt med Voss legevakt i natt.", "Voss legevakt"),
    ("Utskrevet til Bjerketun sykehjem.", "Bjerketun sykehjem"),
    ("Time ved Nordfjord sjukehus.", "Nordfjord sjukehus"),
    ("Flytter til Lyngen helse- og omsorgssenter.", "Lyngen helse- og omsorgssenter"),
    ("Henvist til Kronstad DPS i går.", "Kronstad DPS"),
    ("Undersøkt ved Sámi klinihkká i Karasjok.", "Sámi klinihkká"),
    ("Time hos Malvik fysioterapi og trening.", "Malvik fysioterapi og trening"),
    ("Innlagt på Sørlandet sykehus Arendal.", "Sørlandet sykehus Arendal"),
    ("Var på CRUX Solberg behandlingssenter i fjor.", "CRUX Solberg behandlingssenter"),
    # a capitalised head with a name after it
    ("Overført til Sykehuset Innlandet Hamar.", "Sykehuset Innlandet Hamar"),
    ("Time hos BUP Follo neste uke.", "BUP Follo"),
    ("Henvist til DPS Vinderen.", "DPS Vinderen"),
    ("Brev fra Helse Møre og Romsdal.", "Helse Møre og Romsdal"),
    ("Kontakt Legevakta i Hallingdal.", "Legevakta i Hallingdal"),
    ("Notat fra Helsestasjonen på Torshov.", "Helsestasjonen på Torshov"),
    ("Søknad sendt Blå Kors Poliklinikk Bergen i går.", "Blå Kors Poliklinikk Bergen"),
    ("Innlagt på Hospital Clínica Marbella.", "Hospital Clínica Marbella"),
    # a capitalised compound of a name and a head
    ("Behandlet ved Trasoppklinikken.", "Trasoppklinikken"),
    ("Innlagt på Finnmarkssykehuset Kirkenes.", "Finnmarkssykehuset Kirkenes"),
    ("Korttidsopphold på Lindebergheimen.", None),  # no head the list knows: left alone
    ("Kontroll på Skadelegevakten om to dager.", "Skadelegevakten"),
    ("Flyttet til Grefsenhjemmet.", "Grefsenhjemmet"),
    # an outpatient head with a place after it
    ("Henvist til barne- og ungdomspsykiatrisk poliklinikk Mo i Rana.",
     "barne- og ungdomspsykiatrisk poliklinikk Mo i Rana"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "unit"), FOUND)
def test_found(text: str, unit: str | None) -> None:
    assert found(text) == ([unit] if unit else [])


MULTI_PART = [
    "Sykehuset Telemark, DPS Skien, poliklinikk Porsgrunn",
    "Ortopedisk avdeling, Sykehuset Østfold Kalnes",
    "Lungeavdelingen, Haukeland",
    "Lungeavdelingen, SUS",  # an ambiguous short form next to a ward
    "Avdeling for rus og avhengighet, Sandviken sykehus",
    "Regional seksjon for smertebehandling, Stavanger universitetssjukehus",
    "Barne- og ungdomsklinikken, Sykehuset i Vestfold",
    "Kronstad DPS, allmennpsykiatrisk poliklinikk",
    "Nyfødtintensiv, St. Olavs hospital",
    "Revmatismesykehuset, Lillehammer",  # a site closing the name
    "Bergen legevakt, Vestre Strømkaien",
    "Lindring og palliasjon, Nordlandssykehuset Vesterålen",
    "Hjarteavdelinga, Førde sentralsjukehus",
    "Kirurgisk avdeling, Akershus universitetssykehus HF",
]


@pytest.mark.parametrize("unit", MULTI_PART)
def test_a_multi_part_name_is_one_finding(unit: str) -> None:
    assert found(f"Epikrise, {unit}\nPasienten ble utskrevet.") == [unit]
    assert found(f"Overført til {unit} 12.03.2024.") == [unit]


NOT_FOUND = [
    "Ring legevakten ved behov.",
    "Kontakt sykehuset om feberen stiger.",
    "Fastlegen er informert.",
    "Sykehuset har ringt.",
    "Legevakten i dag var full.",
    "Sykehjemmet ringte i kveld.",
    "Kirurgisk avdeling har tilsyn.",  # a ward alone
    "Kvinneklinikken ringer henne.",
    "Kontroll på Smertepoliklinikken i morgen.",  # an outpatient clinic named by its field
    "Henvist til Revmatologisk poliklinikk.",
    "Henvises DPS for vurdering.",
    "Mor jobber på Sykehuset.",
    "Pasienten ønsker kontakt med Helse og omsorg.",
    "Innlagt på sykehus i Bodø.",  # generic head, the place is a LOCATION
    "Hjemmesykepleien i Rasvåg kommer daglig.",
    "NAV er orientert.",
    "Brev fra Helfo.",
    "Helsedirektoratet anbefaler dette.",
    "Sjekk med Statens vegvesen.",
    "Jobber i Equinor ASA.",
    "Aker Solutions har kontor der.",  # ambiguous short form without a care word
    "BOR I EGET HUS",
    "Scored on the Hospital Anxiety and Depression Scale.",
    "Møtet er på Poliklinikk B3, rom 4.",
    "Bor hos Kari Hansen.",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(text: str) -> None:
    assert found(text) == []


def test_a_residence_word_makes_a_shared_name_a_place() -> None:
    assert found("Pasienten bor på Haukeland.") == []
    assert found("Overflyttet til Haukeland samme dag.") == ["Haukeland"]


def test_score_beats_the_ner_location_score() -> None:
    [result] = RECOGNIZER.analyze("Kontroll ved DPS Lillehammer.", None, None)
    assert result.entity_type == "HEALTH_CARE_UNIT"
    assert result.score > NER_SCORES["LOCATION"]


def test_other_entities_are_not_analysed() -> None:
    assert RECOGNIZER.analyze("Kontroll ved Haukeland.", ["LOCATION"], None) == []


NAMES = [
    ("Bryne legesenter", True),
    ("Helse Bergen", True),
    ("Haukeland", True),
    ("Riksen", True),  # what the model calls an ORG stands on its own
    ("Sykehuset Innlandet", True),
    ("Trasoppklinikken", True),
    ("Kirurgisk avdeling, Sykehuset Levanger", True),
    ("St. Olavs hospital.", True),
    ("Blå Kors Borgestadklinikken", True),  # capitalised words before it are its name
    ("Sykehuset", False),
    ("Legevakten", False),
    ("DPS", False),
    ("Kirurgisk avdeling", False),
    ("Lungepoliklinikken", False),
    ("NAV", False),
    ("Helfo", False),
    ("Helsedirektoratet", False),
    ("Oslo kommune", False),
    ("Equinor", False),
    ("Statens vegvesen", False),
    ("Aker Solutions", False),  # a unit's name inside a longer one
    ("Lillehammer", False),
]


@pytest.mark.parametrize(("value", "expected"), NAMES)
def test_is_care_unit_name(value: str, expected: bool) -> None:
    assert is_care_unit_name(value) is expected


WARDS = ["Kirurgisk avdeling", "Lungeavdelingen", "Medisinsk klinikk", "Akuttmottaket"]
UNITS = ["Sykehuset Østfold Kalnes", "Haukeland universitetssjukehus", "Volda sjukehus"]
SITES = ["", ", Fredrikstad", ", Bergen"]


@settings(deadline=None, max_examples=60)
@given(st.sampled_from(WARDS), st.sampled_from(UNITS), st.sampled_from(SITES))
def test_ward_unit_and_site_are_one_finding(ward: str, unit: str, site: str) -> None:
    name = f"{ward}, {unit}{site}"
    assert found(f"Innkomstjournal {name} 2024-01-05\nPasient, 70 år.") == [name]
