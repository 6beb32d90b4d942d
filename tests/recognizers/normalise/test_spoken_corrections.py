"""Spoken numbers and dates as people correct and join them (issue 17): a false start taken
back with ``nei``, a dash said between two numbers, ``pluss`` before a foreign number, a day
and month said as plain numbers after a question about the birth date, and a year said as
``totusenogti``. Each written piece maps back to every word that was said for it.
"""

from __future__ import annotations

import pytest

from recognizers.normalise.spoken import spoken_view

WRITTEN = [
    # a false start taken back: the corrected number is written over it
    ("det er ni eh nitti nei ni åtte to fire sju sju null en", "det er 98247701"),
    ("født femte nei fjerde mai førtifem", "født 04.05.45"),
    # a dash or a slash said between two numbers joins them
    ("journalnummer tjuetjuetre strek null null fire ni åtte sju", "journalnummer 2023-004987"),
    ("saken to null to fire skråstrek sju sju åtte en to", "saken 2024/77812"),
    # pluss before a number with another country's code
    ("pluss førtiåtte fem null to åtte åtte fire en tre sju", "+48502884137"),
    ("pluss førtisju førtiåtte tjue femti null en", "+4748205001"),
    # day and month as plain numbers, after a birth word, when the date is all that is said
    ("og fødselsdatoen hans\nSPEAKER_01: atten åtte åttini", "18.08.89"),
    ("født tolv elleve nittiåtte", "født 12.11.98"),
    # a year said as one word with totusen
    ("født trettiførste desember totusenogti", "født 31.12.2010"),
    ("hun er født totusenfem", "hun er født 2005"),
]


@pytest.mark.parametrize(("text", "expected"), WRITTEN)
def test_written(text: str, expected: str) -> None:
    view = spoken_view(text)
    assert view is not None
    assert expected in view.text


KEPT = [
    # plain numbers without a birth word, or longer than a date, are numbers, not dates
    ("ring tolv elleve nittiåtte sju seks fem", "121198765"),
    ("fødselsnummeret\nb: tjue null en null tre fem ni tre femti", "20010359350"),
    # a dash between a number and a count is no identifier's dash
    ("leukocytter pluss to og fire fem seks sju strek to", "4567 strek to"),
]


@pytest.mark.parametrize(("text", "expected"), KEPT)
def test_not_a_date_or_joint(text: str, expected: str) -> None:
    view = spoken_view(text)
    assert view is not None
    assert expected in view.text


def test_plain_numbers_without_a_birth_word_stay_numbers() -> None:
    view = spoken_view("vi tok atten åtte åttini prøver")
    assert view is not None
    assert "18.08" not in view.text


SPANS = [
    # the first digit covers the whole false start, the dash the word said for it
    ("det er ni eh nitti nei ni åtte to fire sju", "9", "ni eh nitti nei ni"),
    ("nr tjuetjuetre strek null null fire ni", "-", " strek "),
    ("pluss førtiåtte fem null to åtte åtte fire en", "+", "pluss"),
    ("født femte nei fjerde mai førtifem", "04", "femte nei fjerde"),
]


@pytest.mark.parametrize(("text", "part", "source"), SPANS)
def test_span_in_original(text: str, part: str, source: str) -> None:
    view = spoken_view(text)
    assert view is not None
    start = view.text.index(part)
    begin, end = view.span_in_original(start, start + len(part))
    assert text[begin:end] == source
