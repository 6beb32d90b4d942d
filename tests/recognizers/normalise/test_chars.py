"""Step 1, characters: NFKC, invisible characters, odd spaces and dashes, look-alike letters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.normalise.chars import (
    DASHES,
    INVISIBLE,
    SPACES,
    fold_characters,
    fold_letter_zeros,
)

FOLDED = [
    ("fnr 150939\u200b17747", "fnr 15093917747"),
    ("tlf 476\u206012\u2060803", "tlf 47612803"),
    ("Kristof\u00adfer", "Kristoffer"),
    ("\ufeffhei", "hei"),
    ("Ma\u200eri\u202ee\u202c", "Marie"),
    ("a\u034fb\u115f\u3164\uffa0c\u180e\u2062", "abc"),
    ("tlf 402\u202f18\u202f336", "tlf 402 18 336"),
    ("22\u00a045\u00a019\u00a080", "22 45 19 80"),
    ("a\u2003b\u3000c\u1680d\u205fe", "a b c d e"),
    ("fødselsnummer １４１１３９０８３９５", "fødselsnummer 14113908395"),
    ("cecilie.moe.dahl＠gmail.com", "cecilie.moe.dahl@gmail.com"),
    ("ＯＬＡ ｎｏｒｄｍａｎｎ", "OLA nordmann"),
    ("ﬁnn", "finn"),
    ("Fnr: 151081\u201145740", "Fnr: 151081-45740"),
    ("2018\u20132022 og 5\u2212 3 \u2014 ok", "2018-2022 og 5- 3 - ok"),
    ("A\u030as og Bjo\u0308rn", "Ås og Björn"),  # decomposed letters compose
    ("\u041ela Nordmann", "Ola Nordmann"),  # Cyrillic О in a Latin word
    ("T\u043ebias og B\u0435rg", "Tobias og Berg"),
    ("\u0421ecilie", "Cecilie"),
    ("\u039fla \u03bd\u03bf", "Ola \u03bd\u03bf"),  # Greek Ο in a Latin word; all-Greek stays
    ("O\u200b\u043ela", "Oola"),  # invisible character removed before words are judged
]
UNCHANGED = [
    "Pasienten er en 78 år gammel kvinne med hjertesvikt.",
    "Blåbærsyltetøy, Ærlig, Øystein, Åse, Émile, Zoë, Dvořák",
    "Пример текста по-русски",
    "Δοκιμή κειμένου",
    "Kolonne\tKolonne\nNy linje\r\n",
    "",
    "plain ascii - with a hyphen",
]


@pytest.mark.parametrize(("text", "expected"), FOLDED)
def test_folded(text: str, expected: str) -> None:
    view = fold_characters(text)
    assert view is not None
    assert view.text == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_unchanged(text: str) -> None:
    assert fold_characters(text) is None


SPANS = [
    # (original, view substring, original substring it maps back to)
    ("fnr 150939\u200b17747 ok", "15093917747", "150939\u200b17747"),
    ("navn \u041ela Nordmann", "Ola", "\u041ela"),
    ("tlf １２３", "123", "１２３"),
    ("x A\u030as y", "Ås", "A\u030as"),
    ("ﬁnn", "f", "ﬁ"),  # one source character, several view characters
]


@pytest.mark.parametrize(("text", "part", "source"), SPANS)
def test_span_in_original(text: str, part: str, source: str) -> None:
    view = fold_characters(text)
    assert view is not None
    start = view.text.index(part)
    begin, end = view.span_in_original(start, start + len(part))
    assert text[begin:end] == source


PLAIN = st.text(st.sampled_from("abcdefgh xyzæøå0123456789,.-:\n"), max_size=60)
NOISE = st.sampled_from([*INVISIBLE, *SPACES, *DASHES, *"０１２３４５６７８９＠"])


def _clean(char: str) -> str:
    if char in INVISIBLE:
        return ""
    if char in SPACES:
        return " "
    if char in DASHES:
        return "-"
    return chr(ord(char) - 0xFEE0) if "\uff01" <= char <= "\uff5e" else char


@settings(deadline=None, max_examples=300)
@given(PLAIN, st.lists(st.tuples(st.integers(0, 60), NOISE), max_size=8))
def test_noise_is_folded_and_mapped(plain: str, noise: list[tuple[int, str]]) -> None:
    """Inserted invisible, space-like, dash and fullwidth characters are removed or replaced,
    and each view character maps back to the one character that produced it."""
    text = plain
    for position, char in sorted(noise, reverse=True):
        text = text[:position] + char + text[position:]
    expected = "".join(map(_clean, text))
    view = fold_characters(text)
    if view is None:
        assert expected == text
        return
    assert view.text == expected
    for index, char in enumerate(view.text):
        begin, end = view.span_in_original(index, index + 1)
        assert end == begin + 1
        assert _clean(text[begin]) == char


LETTER_ZEROS = [
    ("tlf: 4O4 77 918", "tlf: 404 77 918"),
    ("fnr 15O39O17747", "fnr 15039017747"),
    ("ring 9O0 11 2o3", "ring 900 11 203"),
]
NO_LETTER_ZEROS = ["H2O2 3 %", "O2 2 l/min", "CO2 4,5 kPa", "1OO mg", "Ola Olsen"]


@pytest.mark.parametrize(("text", "expected"), LETTER_ZEROS)
def test_letter_zeros_in_numbers(text: str, expected: str) -> None:
    view = fold_letter_zeros(text)
    assert view is not None
    assert view.text == expected
    assert view.span_in_original(0, len(expected)) == (0, len(text))


@pytest.mark.parametrize("text", NO_LETTER_ZEROS)
def test_letter_o_outside_numbers_stays(text: str) -> None:
    assert fold_letter_zeros(text) is None
