"""Postnumre, streets and e-mail addresses as a sixth corpus said them (issue 17): a
postnummer after a lower-case street, with a comma or ending the turn, after words about the
flat, after the dictated ``ny linje``, before ``i`` and the poststed; a postnummer asked for
at the end of a turn that holds a house number; a postnummer taken back and said again; four
digits after the place the text says someone lives; a street ending in ``-bodene``; and an
e-mail address's local part read back.

Every name, number and address below is made up. The texts go through the normaliser, as in
the proxy: ``find`` reports each value as written in the original.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from recognizers.normalise import spoken_view

Find = Callable[[str], list[tuple[str, str]]]

FOUND = [
    # a house number and a postnummer said after a lower-case street, a comma between,
    # nothing after them in the turn
    (
        "NO_POSTNUMMER",
        "sekretær: bur du i søndre løkkevegen sju, fire sju to ein\npasient: ja",
        "fire sju to ein",
    ),
    (
        "NO_ADDRESS",
        "sekretær: bur du i søndre løkkevegen sju, fire sju to ein\npasient: ja",
        "søndre løkkevegen sju",
    ),
    # ... no comma heard, the postnummer ending the turn
    (
        "NO_POSTNUMMER",
        "lege: og du bur\npasient: i øvre kirkevegen ni c fem tre null fire\nlege: fint",
        "fem tre null fire",
    ),
    # a street named after its boathouses (Bergen's -boder, -bodene)
    (
        "NO_ADDRESS",
        "sykepleier: og hvor bor hun\ninnringer: hun bor i nordnesbodene fjorten b",
        "nordnesbodene fjorten b",
    ),
    # words about the flat between the address and the postnummer
    (
        "NO_POSTNUMMER",
        "Innringer: Tollbugata 14C, inngang fra bakgården, 0158.\nOperatør: Ok.",
        "0158",
    ),
    # the dictated line break of speech-to-text
    (
        "NO_POSTNUMMER",
        "lege: linnéaveien tolv ny linje tolv sekstiåtte nordstrand ny linje",
        "tolv sekstiåtte",
    ),
    # a lower-case street with a separate street word, then "i" and the poststed
    (
        "NO_POSTNUMMER",
        "pasient: det er østre gate nitten a, tre sju null null i skien\nlege: takk",
        "tre sju null null",
    ),
    # the turn before asks for the postnummer after a house number
    (
        "NO_POSTNUMMER",
        "Operatør: lindeveien åtte og postnummer\nInnringer: null fem sju to\nOperatør: ok",
        "null fem sju to",
    ),
    # a postnummer taken back and said again
    (
        "NO_POSTNUMMER",
        "Operatør: hvor er du\nInnringer: i moss femten tretti nei femten trettito\nOperatør: ok",
        "femten trettito",
    ),
    # four digits after the place the text says the patient lives
    (
        "NO_POSTNUMMER",
        "sekretær: og du bur på lindås enno\npasient: ja lindås, fem ni fire fire\nsekretær: fint",
        "fem ni fire fire",
    ),
    # an address's local part read back: spaced letters and a number word, a spoken
    # hyphen, a spoken dot
    (
        "EMAIL_ADDRESS",
        "pasient: det er mai linh tran syttito krøllalfa gmail punktum com\n"
        "lege: mai linh tran syttito\npasient: ja",
        "mai linh tran syttito",
    ),
    (
        "EMAIL_ADDRESS",
        "pasient: det er k bindestrek vikane alfakrøll online punktum no\n"
        "lege: k bindestrek vikane\npasient: stemmer",
        "k bindestrek vikane",
    ),
    (
        "EMAIL_ADDRESS",
        "pasient: det er s i v punktum l i e krøllalfa gmail punktum com\n"
        "lege: siv punktum lie\npasient: ja",
        "siv punktum lie",
    ),
]


@pytest.mark.parametrize(("entity", "text", "value"), FOUND)
def test_found(find: Find, entity: str, text: str, value: str) -> None:
    assert (entity, value) in find(text)


NUMBERS = frozenset("NO_POSTNUMMER NO_ADDRESS EMAIL_ADDRESS".split())
NOT_FOUND = [
    # text, what no finding of these kinds may hold
    # the poststed on the next line belongs to no address
    ("sekretær: storgata 5, 5932\nmor: ja", "mor"),
    # a dose after the place someone lives
    ("pasient: jeg bor på tveita\nlege: hvor mye\npasient: tveita 1200 mg", "1200"),
    # a year after the place someone lives
    ("pasient: jeg bor på tveita\npasient: tveita 2019 var fint", "2019"),
    # a number taken back that was no postnummer
    ("lege: hun fikk 1000 nei 1500 mg paracetamol", "1500"),
    # a short local part said again is a name, not the address
    ("pasient: det er kari@nav.no\nlege: kari altså", "kari altså"),
]


@pytest.mark.parametrize(("text", "absent"), NOT_FOUND)
def test_not_found(find: Find, text: str, absent: str) -> None:
    found = [value for kind, value in find(text) if kind in NUMBERS]
    assert all(absent not in value for value in found), found


def test_house_number_and_postnummer_after_a_street_and_comma_are_two_numbers() -> None:
    view = spoken_view("bur du i søndre løkkevegen sju, fire sju to ein")
    assert view is not None
    assert view.text.endswith("søndre løkkevegen 7, 4721")
