"""Names in dialogue turns: answers to a question for a name, and ``linn her`` (issue 17)."""

from __future__ import annotations

import pytest

from tests.recognizers.no.person_names_found import names_found

FOUND = [
    ("SPEAKER_00: og etternavnet igjen\nSPEAKER_01: mirza m i r z a", ["mirza"]),
    ("lege: kan jeg få navnet\npasient: eh kavitha sivakumar", ["kavitha sivakumar"]),
    ("sekretær: og fornavnet\npasient: oleksandr", ["oleksandr"]),
    ("SPEAKER_00: og hun heter\nSPEAKER_01: ingrid sofie nakken", ["ingrid sofie nakken"]),
    ("SPEAKER_00: hjemmetjenesten linn her\nSPEAKER_01: hei", ["linn"]),
    ("asma qureshi her, fikk time 14.05", ["asma qureshi"]),
    ("pasient: hei det er mariam haddad jeg ringte i går", ["mariam haddad"]),
    ("pasient: ja æ e kona til hans petter som ligg hos dokker", ["hans petter"]),
    ("SPEAKER_00: takk rajkumar vi sender innkalling", ["rajkumar"]),
    # a name spoken to at the start of a turn, even one that is also a word
    ("sykepleier: tone du tar rom tre i dag", ["tone"]),
    ("lege: signe du kan gå hjem nå", ["signe"]),
    # a relative in apposition names the words before it
    ("pasient: ja og niillas mannen min henter resepten", ["niillas"]),
    ("Gjelder Marte Li og Live (datter).", ["Marte Li", "Live"]),
    ("jeg og tomasz broren min kommer", ["tomasz"]),
    # whose name is asked for
    ("SPEAKER_00: og fornavnet til gutten\nSPEAKER_01: ibrahim", ["ibrahim"]),
    ("lege: og navnet på datteren din\npasient: tesfanesh", ["tesfanesh"]),
]
NOT_FOUND = [
    "lege: kan jeg få navnet\npasient: unnskyld hva sa du",
    "SPEAKER_00: og etternavnet\nSPEAKER_01: ja",
    "jeg er her. vi er her nå",
    "sykepleier: hun er her\nlege: ok",
    "SPEAKER_00: takk skal du ha",
    "doctor: hello what's your name",
    "tisser og må ofte på do lege: urinstix positiv for nitritt",
    "sekretær: nittenåtti som tall",
    "navnet er feil stavet i journalen",
    "Sign. avdelingssykepleier",
    "hilsen familien",
    # a word spoken to that is no name, relatives after ordinary words
    "sykepleier: vil du ha mer vann",
    "lege: ja mannen min sier det samme",
    "det var kona mi som ringte",
    "nå har (datter) kommet",
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def testnames_found(text: str, names: list[str]) -> None:
    assert names_found(text) == names


@pytest.mark.parametrize("text", NOT_FOUND)
def test_notnames_found(text: str) -> None:
    assert names_found(text) == []
