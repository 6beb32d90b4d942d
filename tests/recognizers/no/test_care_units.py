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
    # named after a person whose first name only the lists of many origins know
    ("Henvist til Martina Hansens hospital for vurdering.", "Martina Hansens hospital"),
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
    ("Innlagt ved BUP døgnenhet Tromsø i fjor.", "BUP døgnenhet Tromsø"),
    ("Time hos ABUP Arendal neste uke.", "ABUP Arendal"),
    # chains, laboratories and digital clinics, with their site
    ("Time hos Dr. Dropin Majorstuen i morgen.", "Dr. Dropin Majorstuen"),
    ("Legetime via Kry i går.", "Kry"),  # also a word: after a care word
    ("Prøver sendt til Fürst Medisinsk Laboratorium.", "Fürst Medisinsk Laboratorium"),
    # more heads: rehabilitation, TSB, omsorg+, acronyms and phrases after a head
    ("Henvist til Larvik rehabilitering.", "Larvik rehabilitering"),
    ("Sykepleienotat Tøyen omsorg+ i dag.", "Tøyen omsorg+"),
    ("Søkt plass i Fjellrokollektivet fra mars.", "Fjellrokollektivet"),
    ("Behandlet ved Rehabiliteringssenteret KRS i mai.", "Rehabiliteringssenteret KRS"),
    ("Notat fra Helsestasjon for ungdom Sagene.", "Helsestasjon for ungdom Sagene"),
    ("Innlagt på Hospital Universitario Virgen de la Arrixaca i Murcia.",
     "Hospital Universitario Virgen de la Arrixaca"),
    ("Opphold på Kystsykehuset i Florø.", "Kystsykehuset i Florø"),  # a place after it
    # any capitalised word before a head in mid-sentence; an owner before the name
    ("Henvist fra Torget legekontor i går.", "Torget legekontor"),
    ("Blå Kors Fjellvik behandlingssenter, statusmøte.", "Blå Kors Fjellvik behandlingssenter"),
    ("Inntak Stiftelsen Fjellrokollektivet 01.09.", "Stiftelsen Fjellrokollektivet"),
    # a definite head and its town; municipal services and their municipality or district
    ("Hun ble lagt inn på sykehuset i Kristiansund.", "sykehuset i Kristiansund"),
    ("Ring legevakta i Voss ved behov.", "legevakta i Voss"),
    ("Besøk av hjemmetjenesten i Alta daglig.", "hjemmetjenesten i Alta"),
    ("Notat frå heimesjukepleia i Luster.", "heimesjukepleia i Luster"),
    ("Rapport hjemmesykepleien sone sør om natta.", "hjemmesykepleien sone sør"),
    ("Brev til Hjemmetjenesten bydel Gamle Oslo.", "Hjemmetjenesten bydel Gamle Oslo"),
    ("Tromsø hjemmetjeneste har ringt.", "Tromsø hjemmetjeneste"),
    ("Samtaler med skolehelsetjenesten ved Nordahl Grieg videregående skole.",
     "skolehelsetjenesten ved Nordahl Grieg videregående skole"),
    # a ward joined to its unit by ``ved`` or ``på``; ``e-post`` is no ward
    ("Overflyttet Hjerteavdelingen ved Sørlandet sykehus Arendal i natt.",
     "Hjerteavdelingen ved Sørlandet sykehus Arendal"),
    ("Lege ved Akuttmottaket på Haukeland ringte.", "Akuttmottaket på Haukeland"),
    ("Svar på e-post ved Haukeland.", "Haukeland"),
    # a site closing the name before a preposition; two units apart by a dash
    ("Henvist fra Torget legekontor, Namsos til røntgen.", "Torget legekontor, Namsos"),
    ("Time ved Helse Nord – UNN Tromsø.", "Helse Nord – UNN Tromsø"),
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
    "Nevrologisk avdeling, SiV Larvik",  # a short name in mixed case
    "Sengepost 4A, Medisinsk klinikk, Sykehuset Namsos",  # a ward with its number
    "Bodø sykehjem, avd. 3",
    "Føde-/barselavdelinga, Førde sentralsjukehus",
    "Voksenpsykiatrisk poliklinikk (VOP), Nordlandssykehuset Bodø",
    "Habiliteringstenesta for vaksne, Helse Førde",
    "Ålesund sjukehus, DPS",  # a bare acronym head after a unit
]


def test_a_service_outside_health_care_is_no_ward() -> None:
    text = "Møte mellom barneverntjenesten, BUP Asker og skolen."
    assert found(text) == ["BUP Asker"]


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
    "Hjemmesykepleien i Rasvåg kommer daglig.",  # a service in a village, not a unit
    "Hjemmetjenesten kommer to ganger daglig.",
    "Rehabilitering på Beitostølen er planlagt.",  # a name-first head with a name after
    "Hun var kry og glad etter turen.",
    "Kry og fornøyd.",  # an ambiguous chain without a care word
    "Han ble henvist til Nærmeste legevakt.",  # an adjective, not a name
    "Scored on the Hospital Anxiety and Depression Scale.",
    "Rapport fra Fastlegen i dag.",
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


LOWER_CASE = [
    ("pas. innlagt på ullevål i fjor, kontroll på lungepoliklinikken på st. olav.",
     ["ullevål", "lungepoliklinikken på st. olav"]),
    ("fastlege ved harstad legesenter, bor alene.", ["harstad legesenter"]),
    ("innlagt på kirurgisk avdeling på sykehuset i kristiansund i 2019.",
     ["kirurgisk avdeling på sykehuset i kristiansund"]),
    ("innlagt på sykehuset i molde i 2019.", []),  # a town that is also a word
    ("bor på aker, jobber i byen.", []),  # an ambiguous unit without a care word
]  # fmt: skip


@pytest.mark.parametrize(("text", "units"), LOWER_CASE)
def test_a_line_typed_in_lower_case_is_read_in_lower_case(text: str, units: list[str]) -> None:
    assert found(text) == units


def test_lower_case_names_are_read_only_in_a_line_typed_in_lower_case() -> None:
    assert found("Notat. Tidl. innlagt på ullevål i fjor.") == []
    assert found("Notat.\ntidl. innlagt på ullevål i fjor.") == ["ullevål"]


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


MUNICIPAL_AND_SHORT = [
    # a municipality's service, with ``kommune`` and a district
    (
        "Videre trening ved Modum kommune fysioterapitjeneste.",
        ["Modum kommune fysioterapitjeneste"],
    ),
    ("Kopi: Vinje kommune psykisk helse og rus.", ["Vinje kommune psykisk helse og rus"]),
    (
        "Referat: Tromsø kommune, hjemmetjenesten sone Kroken.",
        ["Tromsø kommune, hjemmetjenesten sone Kroken"],
    ),
    (
        "Overført Alta kommunale akutte døgnenhet (KAD) i går.",
        ["Alta kommunale akutte døgnenhet (KAD)"],
    ),
    ("Hjem med hjemmesykepleien i Hamar, sone Ajer.", ["hjemmesykepleien i Hamar, sone Ajer"]),
    ("Funnet av hjemmesykepleien sone Storsand nord.", ["hjemmesykepleien sone Storsand nord"]),
    # acronym heads and bare acronym wards
    ("Overført fra ØHD Lindås i natt.", ["ØHD Lindås"]),
    ("Utskrives til KAD-enheten i Orkland i dag.", ["KAD-enheten i Orkland"]),
    ("Innleggelse VOP, Sykehuset Innlandet Sanderud i går.", ["VOP, Sykehuset Innlandet Sanderud"]),
    ("Til Akutt sengepost, BUPA, Haukeland i dag.", ["Akutt sengepost, BUPA, Haukeland"]),
    # wards named by a participle or ``ambulant``; groups served; street and paired names
    ("Fulgt ved DPS Elverum, ambulant team.", ["DPS Elverum, ambulant team"]),
    (
        "Tilsyn fra lindrende team, Kristiansund sjukehus i morgen.",
        ["lindrende team, Kristiansund sjukehus"],
    ),
    ("Kontakt med Gjøvik helsestasjon for ungdom i vår.", ["Gjøvik helsestasjon for ungdom"]),
    ("Svar sendes Thereses gate legesenter.", ["Thereses gate legesenter"]),
    ("Henvist fra Nore og Uvdal legekontor.", ["Nore og Uvdal legekontor"]),
]


@pytest.mark.parametrize(("text", "expected"), MUNICIPAL_AND_SHORT)
def test_municipal_services_acronyms_and_joined_names(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pasienten bor i Bærum kommune.",
        "Søknad sendt Fjelltopp kommune hjemmetjeneste.",  # no municipality of the register
        "Bærum kommune har ansvar for tjenesten.",
    ],
)
def test_a_municipality_without_a_service_is_no_unit(text: str) -> None:
    assert found(text) == []
