"""A capitalised first name said alone, in any list, is a name unless it is a word or a place."""

from __future__ import annotations

import pytest

from recognizers.no.person import find_names
from tests.recognizers.no.person_names_found import names_found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Innringer: Jeg er kontaktlærer for en elev, Ousmane.", "Ousmane"),
        ("Legen: Hei Dario. Så Dariush har vondt i halsen?", "Dariush"),
        ("Hei! Kan Dariush få time i morgen?", "Dariush"),
        ("Vi ringte Oddvar i går, han svarte ikke.", "Oddvar"),
    ],
)
def test_a_lone_listed_first_name_is_found(text: str, name: str) -> None:
    assert name in names_found(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Turist fra Berlin, 58 år, falt under fottur.", "Berlin"),
        ("Far er frå Manila og snakker engelsk.", "Manila"),
        ("Funnet ca. 40 km sør for Masi i natt.", "Masi"),
        ("Han bruker Paracet ved behov.", "Paracet"),
        ("Henvist til Haukeland for utredning.", "Haukeland"),
    ],
)
def test_words_and_places_stay(text: str, word: str) -> None:
    spans = [text[start:end] for start, end in find_names(text)]
    assert not any(word in span for span in spans), spans
