"""Place and health-unit gazetteers (recognizers.no.places) and the script that builds them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.no.places import (
    AMBIGUOUS_PLACES,
    HEALTH_UNITS,
    LOCATIONS,
    health_unit_words,
    is_ambiguous_place,
    is_health_unit,
    is_location,
    name_key,
)
from scripts.corpus import places as build_places

REPO = Path(__file__).resolve().parents[3]
PLACES = REPO / "recognizers" / "no" / "places"

LOCATIONS_FOUND = [
    "Oslo", "Bergen", "Tromsø", "Hidra", "Flekkefjord", "Lillehammer", "Otta", "Leikanger",
    "Guovdageaidnu", "Kautokeino", "Kárášjohka", "Unjárga", "Nordre Follo", "Haram", "Kinn",
    "Akershus", "Finnmark", "Troms", "Vestland", "Mo i Rana", "Indre Arna", "Vik i Sogn",
    "Kristiansand S", "Longyearbyen", "Grünerløkka", "St. Hanshaugen", "Åsane", "Jæren",
    "Lofoten", "Sotra", "Moss", "Ski", "Bø", "Å", "OSLO", "  mo   i  rana ", "st hanshaugen",
]  # fmt: skip
NOT_LOCATIONS = ["pasient", "sykehus", "kjempebra", "Ola Nordmann", "Norge", "Sentrum", ""]
HEALTH_UNITS_FOUND = [
    "Haukeland", "Riksen", "UNN", "St. Olavs hospital", "St Olavs hospital", "st.olavs hospital",
    "AHUS", "Ahus", "Rikshospitalet", "Ullevål", "Radiumhospitalet", "OUS", "SUS", "Aker",
    "Gaustad", "Lovisenberg", "Diakonhjemmet", "Sørlandet sykehus", "Helse Bergen",
    "Haukeland universitetssjukehus", "Oslo universitetssykehus HF", "Helse Sør-Øst RHF",
    "Førde sentralsjukehus", "Sykehuset Innlandet Gjøvik", "Modum Bad",
]  # fmt: skip
NOT_HEALTH_UNITS = ["Oslo", "sykehus", "legevakt", "DPS", "pasient", "Ola Nordmann", ""]
HEAD_WORDS = """sykehus sjukehus sykehuset klinikk klinikken dps bup legevakt legevakta legekontor
legesenter legesenteret sykehjem sjukeheim helsesenter helsestasjon poliklinikk avdeling post
behandlingssenter rehabiliteringssenter helse universitetssykehus universitetssjukehus""".split()


@pytest.mark.parametrize("name", LOCATIONS_FOUND)
def test_location_found(name: str) -> None:
    assert is_location(name)


@pytest.mark.parametrize("name", NOT_LOCATIONS)
def test_not_a_location(name: str) -> None:
    assert not is_location(name)


@pytest.mark.parametrize("name", HEALTH_UNITS_FOUND)
def test_health_unit_found(name: str) -> None:
    assert is_health_unit(name)


@pytest.mark.parametrize("name", NOT_HEALTH_UNITS)
def test_not_a_health_unit(name: str) -> None:
    assert not is_health_unit(name)


def test_lists_are_large_lower_case_and_clean() -> None:
    assert len(LOCATIONS) > 2300
    assert len(HEALTH_UNITS) > 200
    for names in (LOCATIONS, HEALTH_UNITS, AMBIGUOUS_PLACES):
        assert all(n == n.lower() and n == " ".join(n.split()) and n for n in names)
        assert not any(n.startswith("#") or "\t" in n for n in names)


def test_every_current_county_and_some_new_municipalities_are_there() -> None:
    counties = """Østfold Akershus Oslo Innlandet Buskerud Vestfold Telemark Agder Rogaland
    Vestland Trøndelag Nordland Troms Finnmark""".split()
    counties.append("Møre og Romsdal")
    municipalities = ["Indre Østfold", "Lillestrøm", "Bjørnafjorden", "Hustadvika", "Ålesund"]
    assert all(is_location(name) for name in counties + municipalities)


def test_ambiguous_places_are_places_or_units_with_a_reason() -> None:
    for name in ["moss", "ski", "bø", "å", "os", "vik", "nes", "sand", "lund", "hus", "aker"]:
        assert is_ambiguous_place(name), name
    for name in ["lillehammer", "tromsø", "flekkefjord", "haukeland universitetssjukehus"]:
        assert not is_ambiguous_place(name), name
    assert AMBIGUOUS_PLACES <= LOCATIONS | HEALTH_UNITS
    lines = (PLACES / "ambiguous_places.txt").read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 2 for line in lines if not line.startswith("#"))


def test_health_unit_words_cover_the_usual_heads() -> None:
    words = health_unit_words()
    assert set(HEAD_WORDS) <= words
    assert all(word == word.lower() and " " not in word for word in words)


def test_name_key_ignores_case_whitespace_and_full_stops() -> None:
    assert name_key("  ST.OLAVS \t Hospital ") == "st olavs hospital"
    assert name_key("Mo  i\nRana") == "mo i rana"


@settings(deadline=None, max_examples=200)
@given(st.sampled_from(sorted(LOCATIONS)), st.sampled_from([" ", "  ", "\t"]))
def test_lookup_ignores_case_and_spacing(name: str, gap: str) -> None:
    variant = gap + gap.join(name.upper().split()) + gap
    assert is_location(variant)


def test_sources_are_documented_with_licences() -> None:
    text = (PLACES / "SOURCES.md").read_text(encoding="utf-8")
    for needle in ["CC BY 4.0", "MIT", "GeoNames", "scripts/corpus/places.py", "hand-written"]:
        assert needle in text
    for name in ["municipalities.txt", "postal_places.txt", "places_extra.txt"]:
        assert name in text


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Guovdageaidnu - Kautokeino", ["Guovdageaidnu", "Kautokeino"]),
        ("Porsanger - Porsáŋgu - Porsanki", ["Porsanger", "Porsáŋgu", "Porsanki"]),
        ("Herøy (Nordland)", ["Herøy"]),
        ("Voss herad", ["Voss herad", "Voss"]),
        ("Sogn-og-fjordane", ["Sogn og Fjordane"]),
        ("Utenfor fastlands-Norge (Svalbard)", []),
    ],
)
def test_split_parallel_names(name: str, parts: list[str]) -> None:
    assert build_places.split_parallel(name) == parts


def test_split_parallel_splits_unspaced_names_unless_known_or_directional() -> None:
    known = {"Aurskog-Høland"}
    assert build_places.split_parallel("Deatnu-Tana", known) == ["Deatnu", "Tana"]
    assert build_places.split_parallel("Aurskog-Høland", known) == ["Aurskog-Høland"]
    assert build_places.split_parallel("Nord-Odal", known) == ["Nord-Odal"]
    assert build_places.split_parallel("Máttá-Várjjat") == ["Máttá-Várjjat"]


@pytest.mark.parametrize(
    ("upper", "title"),
    [
        ("VIK I SOGN", "Vik i Sogn"),
        ("KRISTIANSAND S", "Kristiansand S"),
        ("NY-ÅLESUND", "Ny-Ålesund"),
        ("NES PÅ HEDMARKEN", "Nes på Hedmarken"),
        ("Å I ÅFJORD", "Å i Åfjord"),
    ],
)
def test_title_case_of_poststeder(upper: str, title: str) -> None:
    assert build_places.title_case(upper) == title


def test_postal_places_reads_the_register(tmp_path: Path) -> None:
    register = tmp_path / "postal_codes_no.tsv"
    register.write_text("0001\tOSLO\t0301\tOSLO\tP\n6893\tVIK I SOGN\t4639\tVIK\tG\n")
    assert build_places.postal_places(register) == {"Oslo", "Vik i Sogn"}


def test_ambiguity_reasons() -> None:
    lists = {"no-word": {"sand"}, "surname": {"sand", "lund"}}
    found = dict(build_places.ambiguity(["Sand", "Lund", "Bø", "Mo i Rana", "Tromsø"], lists))
    assert found == {"sand": "no-word,surname", "lund": "surname", "bø": "short"}


def test_write_list_keeps_the_hand_written_part(tmp_path: Path) -> None:
    out = tmp_path / "list.txt"
    out.write_text(f"# old\nOld\n{build_places.HAND_WRITTEN}\n# mine\nHidra\n")
    assert build_places.write_list(out, "# new\n", ["b", "A", "b"]) == 2
    text = out.read_text()
    assert text.startswith("# new\nA\nb\n")
    assert "Old" not in text
    assert text.endswith(f"{build_places.HAND_WRITTEN}\n# mine\nHidra\n")


def test_xlsx_rows_reads_shared_and_inline_values(tmp_path: Path) -> None:
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    strings = f"<sst {ns}><si><t>name</t></si><si><t>Halden</t></si></sst>"
    sheet = (
        f'<worksheet {ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
        '<c r="B1"><v>7</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c>'
        '<c r="B2"><v>1838</v></c></row></sheetData></worksheet>'
    )
    book = tmp_path / "book.xlsx"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("xl/sharedStrings.xml", strings)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    assert build_places.xlsx_rows(book) == [{"name": "Halden", "7": "1838"}]
