"""LOCATION: places below country level from the gazetteer and from context; countries,
streets, surnames, drugs, eponyms and the places inside care units' names left alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.no.care_units import AMBIGUOUS
from recognizers.no.locations import (
    SCORE_CONTEXT,
    SCORE_LISTED,
    SCORE_SHAPE,
    LocationRecognizer,
)
from recognizers.no.places import HEALTH_UNITS, LOCATIONS

RECOGNIZER = LocationRecognizer()


def found(text: str) -> list[str]:
    results = sorted(RECOGNIZER.analyze(text, ["LOCATION"], None), key=lambda r: r.start)
    return [text[r.start : r.end] for r in results]


def scored(text: str) -> list[tuple[str, float, str]]:
    results = sorted(RECOGNIZER.analyze(text, None, None), key=lambda r: r.start)
    return [
        (text[r.start : r.end], r.score, str(r.recognition_metadata["evidence"])) for r in results
    ]


FOUND = [
    # gazetteer names, capitalised or in a line of capitals
    ("Pasienten bor i Flekkefjord og jobber i Kristiansand.", ["Flekkefjord", "Kristiansand"]),
    ("Hun er fra Mo i Rana.", ["Mo i Rana"]),
    ("Opprinnelig fra Hermansverk/Leikanger.", ["Hermansverk", "Leikanger"]),
    ("Bor på Grünerløkka med samboer.", ["Grünerløkka"]),
    ("Født i Kautokeino, snakker samisk.", ["Kautokeino"]),
    ("Pasienten er oppvokst i Guovdageaidnu.", ["Guovdageaidnu"]),
    ("BOSTED: TROMSØ", ["TROMSØ"]),
    ("Lillehammer er nærmeste by.", ["Lillehammer"]),  # unambiguous: no context needed
    ("Han er fra Snåase-traktene.", ["Snåase"]),
    ("Vokste opp i Oslo-området.", ["Oslo"]),
    ("Bosted: Sauda", ["Sauda"]),
    ("Bor i Moss, Råde og Rygge.", ["Moss", "Råde", "Rygge"]),
    # names that are also words or person names, with a place context
    ("Flyttet til Moss i fjor.", ["Moss"]),
    ("Har hytte i Vik.", ["Vik"]),
    ("Bor i Ås kommune.", ["Ås"]),
    ("Familien bor på Os.", ["Os"]),
    ("Han kommer fra Sand.", ["Sand"]),
    ("Hun bor på Haukeland.", ["Haukeland"]),  # a residence word: a place, not the hospital
    # not in the gazetteer, with a place context and the shape of a place name
    ("Ulykke ved Storvatnet i går.", ["Storvatnet"]),
    ("Bodde lenge på Helgøya.", ["Helgøya"]),
    ("Hentet på Kvernhusvika med båt.", ["Kvernhusvika"]),
    # places abroad after a strong context
    ("Var på ferie i Alicante i mai.", ["Alicante"]),
    ("Flyktet fra Mogadishu i 2009.", ["Mogadishu"]),
    ("Kom hit fra Gdansk for tre år siden.", ["Gdansk"]),
    ("Reiste til Kreta med venner.", ["Kreta"]),
    ("Tur til Las Palmas i vinter.", ["Las Palmas"]),
    ("Far bor fortsatt i Dar es Salaam.", ["Dar es Salaam"]),
    ("Kom fra Asmara via Khartoum.", ["Asmara", "Khartoum"]),
    ("Ferie i Las Vegas i mai.", ["Las Vegas"]),  # a foreign name starting with a word
    # a point of the compass and ``for``; names listed after a place share its preposition
    ("Funnet 5 km sør for Gargia i natt.", ["Gargia"]),
    ("Familien bor i Vilnius og Kaunas.", ["Vilnius", "Kaunas"]),
    # short and Sami shapes; a shape that ends in ``s`` before a lower-case word
    ("Hytte på Bøneset.", ["Bøneset"]),
    ("Vokste opp ved Čoalmmijávri.", ["Čoalmmijávri"]),
    ("Går tur på Stokknes igjen.", ["Stokknes"]),
    # a farm-name surname after a residence word
    ("Hun bor alene på Skjelbred.", ["Skjelbred"]),
    # ``sentrum`` after a place
    ("Jobber i Bodø sentrum.", ["Bodø sentrum"]),
]


@pytest.mark.parametrize(("text", "places"), FOUND)
def test_found(text: str, places: list[str]) -> None:
    assert found(text) == places


NOT_FOUND = [
    # surnames, first names and titles
    "Kari Moss kom til kontroll.",
    "Anne Vik er sykepleier.",
    "Vik, Anne (f. 1980) er innkalt.",
    "Dr. Vik har tilsyn.",
    "Hilsen fra Kari i resepsjonen.",
    "Melding til Ahmed om timen.",
    # ordinary words at the start of a sentence
    "Sand i skoen gir gnagsår.",
    "Moss på taket.",
    # countries
    "Han har vært i Polen og Tyskland.",
    "Flyttet fra Somalia til Norge.",
    # streets and postnummer with poststed (the address recognizers' findings)
    "Bor i Storgata 5, 0182 Oslo.",
    "Pasienten bor i Thereses gate 4.",
    "Flyttet til Solbakken 12.",
    "7713;Steinkjer",
    # drugs, eponyms, institutions, systems and companies
    "Mistenkt Bechterews sykdom.",
    "Smerter i McBurneys punkt.",
    "Står på Marevan 2,5 mg.",
    "Byttet fra Marevan til Eliquis.",
    "Svar fra Helfo i dag.",
    "Registrert i Gerica.",
    "Vi tok samtalen i Teams.",
    "Vaksine fra Pfizer.",
    "Refusjon fra Statens vegvesen.",
    "Han jobber i Telenor.",
    "Ansatt i Equinor ASA.",
    "Skriv notatet i SOAP-format.",
    "Smerter i Januar.",
    # places inside a care unit's name
    "Henvist til Haukeland.",
    "Innlagt på Bodø sykehus.",
    "Kontroll ved DPS Lillehammer.",
    "Epikrise, Kirurgisk avdeling, Sykehuset Østfold Kalnes",
    # a gazetteer name in capitals outside a line of capitals is an acronym
    "Pasienten er HUS-eier i ÅS-området. Han jobber.",
    # a patronymic surname is no place, a country after a foreign first word neither
    "Hun bor på Hansen.",
    "Flyttet fra New Zealand i fjor.",
    # places inside municipal services and towns after a definite head
    "Besøk av hjemmetjenesten i Alta daglig.",
    "Innlagt på sykehuset i Kristiansund.",
    # lower case outside a line typed in lower case
    "Hun har vondt. Bor i tynset.",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(text: str) -> None:
    assert found(text) == []


LOWER_CASE = [
    ("bor på tynset, jobber i oslo sentrum.", ["tynset", "oslo sentrum"]),
    ("pas. kom fra kristiansund i går.", ["kristiansund"]),
    ("bor i moss, jobber i ski.", []),  # places that are also words want capitals
]


@pytest.mark.parametrize(("text", "places"), LOWER_CASE)
def test_a_line_typed_in_lower_case_is_read_in_lower_case(text: str, places: list[str]) -> None:
    assert found(text) == places


def test_scores_and_evidence() -> None:
    assert scored("Bor i Flekkefjord.") == [("Flekkefjord", SCORE_CONTEXT, "list and context")]
    assert scored("Flekkefjord er fin.") == [("Flekkefjord", SCORE_LISTED, "list")]
    assert scored("Flyktet fra Mogadishu.") == [("Mogadishu", SCORE_SHAPE, "context")]
    assert SCORE_CONTEXT == 0.8
    assert SCORE_LISTED == 0.7
    assert SCORE_SHAPE == 0.65


def test_a_column_of_places_is_context() -> None:
    table = "| Namn | Bustad |\n|---|---|\n| Ola | Vik |\n| Kari | Sand |"
    assert found(table) == ["Vik", "Sand"]


def test_a_column_of_surnames_is_not() -> None:
    table = "fornavn;etternavn;telefon\nBirgitte;Skarsvåg;912 34 567"
    assert found(table) == []


def test_other_entities_are_not_analysed() -> None:
    assert RECOGNIZER.analyze("Bor i Flekkefjord.", ["HEALTH_CARE_UNIT"], None) == []


_UNAMBIGUOUS = sorted(
    name
    for name in LOCATIONS
    if name not in AMBIGUOUS and name not in HEALTH_UNITS and name.isalpha()
)


@settings(deadline=None, max_examples=200)
@given(st.sampled_from(_UNAMBIGUOUS), st.sampled_from(["bor i", "flyttet til", "kommer fra"]))
def test_every_listed_place_is_found_after_a_residence_phrase(name: str, phrase: str) -> None:
    written = name[0].upper() + name[1:]
    assert scored(f"Pasienten {phrase} {written} sammen med kona.") == [
        (written, SCORE_CONTEXT, "list and context")
    ]
