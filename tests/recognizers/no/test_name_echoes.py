"""Other occurrences of a found name, in any case (issue 17)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.no.name_echoes import name_echoes


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Each name at its n-th occurrence for its n-th listing, as the recognizers report them."""
    spans: list[tuple[int, int]] = []
    for name in names:
        start = text.index(name, spans[-1][1] if spans and names.count(name) > 1 else 0)
        spans.append((start, start + len(name)))
    return spans


ECHOES = [
    # text, names found by the recognizers, the echoes
    (
        "Hei.\nKari Nordmann ble innlagt.\nkari nordmann ringte.",
        ["Kari Nordmann"],
        ["kari nordmann"],
    ),
    ("Kari Nordmann er innlagt. Nordmann har feber.", ["Kari Nordmann"], ["Nordmann"]),
    (
        "Kari Nordmann kom. KARI NORDMANN. kari. Nordmanns mor",
        ["Kari Nordmann"],
        ["KARI NORDMANN", "kari", "Nordmanns"],
    ),
    ("NORDMANN, Kari: innlagt. Nordmann har feber", ["NORDMANN, Kari"], ["Nordmann"]),
    ("Svitlana kom. svitlana ringte. SVITLANA", ["Svitlana"], ["svitlana", "SVITLANA"]),
    # a one-word name echoes only as itself, a part only when it has 3+ letters
    ("Ali Vu kom. Vu ringte. Ali ringte.", ["Ali Vu"], ["Ali"]),
    ("Ødegård kom. Liv kom.", ["Ødegård"], []),
    # names that are also words echo only as written
    (
        "Per Hansen kom. Per ringte. 2 tabletter per dag. hansen sa",
        ["Per Hansen"],
        ["Per", "hansen"],
    ),
    ("Liv Berg kom. Liv og helse. liv er viktig", ["Liv Berg"], ["Liv"]),
    # drugs and eponyms are not echoed
    ("Dr. Parkinson kom. Parkinsons sykdom. parkinson", ["Parkinson"], ["parkinson"]),
    ("Albyl Hansen kom. Tar Albyl-E. Hansen", ["Albyl Hansen"], ["Hansen"]),
    # common words are no parts
    ("Pasient Kari Nordmann. Pasient er innlagt, kari sover", ["Pasient Kari Nordmann"], ["kari"]),
    # nothing found, nothing echoed; the found occurrences themselves are no echoes
    ("Kari kom.", [], []),
    ("Kari kom. Kari gikk.", ["Kari", "Kari"], []),
    # a name written without its accents echoes it
    ("Etternavn Wójcik. det er wojcik med j", ["Wójcik"], ["wojcik"]),
    ("René Haug kom. rene haug ringte", ["René Haug"], ["rene haug"]),
    # names listed with a found one, and their echoes
    ("foreldrene Marit og Tesfay kom", ["Marit"], ["Tesfay"]),
    ("mora til sol og bo ringte. bo har feber", ["sol"], ["bo", "bo"]),
    ("Tir: Gro / Bo\nOns: Rose / Ingunn", ["Gro", "Ingunn"], ["Bo", "Rose"]),
]


@pytest.mark.parametrize(("text", "names", "echoes"), ECHOES)
def test_echoes(text: str, names: list[str], echoes: list[str]) -> None:
    assert [text[a:b] for a, b in name_echoes(text, _spans(text, names))] == echoes


def test_whole_words_only() -> None:
    text = "Kari Berg kom. Bergen, Karianne og Kari-Anne"
    assert [text[a:b] for a, b in name_echoes(text, [(0, 9)])] == ["Kari"]


@settings(deadline=None, max_examples=200)
@given(st.lists(st.sampled_from(["Kari", "Øverby", "kari", "ØVERBY", "per", "dag", ".", "\n"])))
def test_echoes_are_occurrences_outside_the_names(pieces: list[str]) -> None:
    text = "Kari Øverby " + " ".join(pieces)
    echoes = name_echoes(text, [(0, 11)])
    assert echoes == sorted(echoes)
    assert all(start >= 11 for start, _ in echoes)
    words = text[11:].lower().split()
    assert sum(len(text[a:b].split()) for a, b in echoes) == words.count("kari") + words.count(
        "øverby"
    )
