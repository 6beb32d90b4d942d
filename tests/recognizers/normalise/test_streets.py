"""House numbers said after a street name, and the words that make a street name."""

from __future__ import annotations

import pytest

from recognizers.no.poststeder import is_street_name
from recognizers.normalise.candidates import may_be_spoken
from recognizers.normalise.spoken import spoken_view
from recognizers.normalise.streets import ends_with_street, is_house_number

WRITTEN = [
    ("jeg bor i løvåsveien sju", "jeg bor i løvåsveien 7"),
    ("bur i kyrkjevegen tjueein b no", "bur i kyrkjevegen 21 b no"),
    ("adressa er bjørkelia fire c", "adressa er bjørkelia 4 c"),
    ("Bor i Eikelundsvingen Tretten", "Bor i Eikelundsvingen 13"),
    ("olav kyrres gate hundre og fem", "olav kyrres gate 105"),
    ("furumoen nummer elleve", "furumoen nummer 11"),
    ("kvamli to", "kvamli 2"),
    # with a postnummer after it, said with or without a comma
    ("solåsen fjorten, sju fem null null stjørdal", "solåsen 14, 7500 stjørdal"),
    ("granstien åtte seks åtte null null vikersund", "granstien 8 6800 vikersund"),
    ("nedre torvgata hundre og tolv, tre en null to", "nedre torvgata 112, 3102"),
]


@pytest.mark.parametrize(("text", "expected"), WRITTEN)
def test_house_number_after_a_street_is_written(text: str, expected: str) -> None:
    view = spoken_view(text)
    assert view is not None
    assert view.text == expected


UNCHANGED = [
    "han datt i bakken to ganger",  # the ground, not a street
    "vi er på vei to timer",  # a separate street word needs a genitive before it
    "ute på gata tre ganger",
    "i juli to ganger",  # a month, not a street in -li
    "kali fire komma en",  # a lab value: the stem before -li is too short
    "han var i italia tre uker",
    "han er i barnehagen ni til fire",  # common words that end like a street name
    "endringen tre uker senere",
    "storgata null",  # no house number starts with 0
    "Storgata 5 B",  # already written
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_other_short_numbers_stay_words(text: str) -> None:
    assert spoken_view(text) is None


def test_a_number_word_that_ends_like_a_street_is_no_street() -> None:
    view = spoken_view("ring fire fem sekstien tre")  # "sekstien" ends like "stien"
    assert view is not None
    assert view.text == "ring 45613"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("bor i kyrkjevegen tjueein b", "tjueein"),
        ("olav kyrres gate hundre og fem", "hundre og fem"),
    ],
)
def test_house_number_maps_back_to_its_words(text: str, source: str) -> None:
    view = spoken_view(text)
    assert view is not None
    digits = next(i for i, char in enumerate(view.text) if char.isdigit())
    end = digits
    while end < len(view.text) and view.text[end].isdigit():
        end += 1
    begin, finish = view.span_in_original(digits, end)
    assert text[begin:finish] == source


STREET_NAMES = [
    ("solbakken", True),
    ("márkanvegen", True),
    ("bakkegjerdet", True),
    ("åsgården", True),
    ("solli", True),
    ("soltun", True),
    ("bakken", False),
    ("vegen", False),
    ("lia", False),
    ("juli", False),
    ("kali", False),
    ("bli", False),
    ("italia", False),
]


@pytest.mark.parametrize(("word", "street"), STREET_NAMES)
def test_street_names(word: str, street: bool) -> None:
    assert is_street_name(word) is street


WORDS_BEFORE = [
    (["bor", "i", "løvåsveien"], True),
    (["kong", "haakons", "gate"], True),
    (["storgata", "nummer"], True),
    (["på", "vei"], False),
    (["nitti", "sekstien"], False),
    ([], False),
]


@pytest.mark.parametrize(("words", "street"), WORDS_BEFORE)
def test_ends_with_street(words: list[str], street: bool) -> None:
    assert ends_with_street(words) is street


@pytest.mark.parametrize(
    ("digits", "house"), [("7", True), ("112", True), ("0", False), ("07", False), ("1234", False)]
)
def test_house_numbers(digits: str, house: bool) -> None:
    assert is_house_number(digits) is house


FAST_PATH = [
    ("jeg bor i åsveien fem c", True),
    ("kong haakons gate ni", True),
    ("h som i harald a som i anna", True),
    ("Storgata 5 B, 0155 Oslo", False),
    ("Han gikk i bakken en gang", False),
]


@pytest.mark.parametrize(("text", "spoken"), FAST_PATH)
def test_fast_path(text: str, spoken: bool) -> None:
    assert may_be_spoken(text) is spoken
