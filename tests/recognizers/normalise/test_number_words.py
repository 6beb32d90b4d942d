"""The number grammar: which numbers a run of number words stands for."""

from __future__ import annotations

import pytest

from recognizers.normalise.number_words import groups, tokens

NUMBERS = [
    ("nittiåtte", ["98"]),
    ("tjuefem", ["25"]),
    ("femtito", ["52"]),
    ("trettiåtte", ["38"]),
    ("syttien", ["71"]),
    ("tjue-fem", ["25"]),
    ("førti tre", ["40", "3"]),  # split in writing: two numbers
    ("fem og tjue", ["25"]),  # old order
    ("åtte og nitti", ["98"]),
    ("en og en", ["1", "1"]),
    ("fire hundre og tjue", ["420"]),
    ("fire hundre tjue", ["420"]),
    ("hundre og tolv", ["112"]),
    ("et hundre og fem", ["105"]),
    ("tjueåttehundre og femti", ["2850"]),
    ("to tusen og tolv", ["2012"]),
    ("tusen ni hundre og åtti", ["1980"]),
    ("nitten hundre og åtti", ["1980"]),
    ("nittenåttini", ["1989"]),
    ("nitten syttien", ["19", "71"]),
    ("null seks elleve ti", ["0", "6", "11", "10"]),
    ("fire, eh, nittiåtte og så sju", ["4", "98", "7"]),
    ("4 1 4 nittiåtte", ["4", "1", "4", "98"]),
    # nynorsk
    ("ein eitt tjuge sjuande", ["1", "1", "20"]),
    # English
    ("forty-two one hundred and five", ["42", "100", "5"]),
    ("two thousand twelve", ["2012"]),
]


@pytest.mark.parametrize(("words", "expected"), NUMBERS)
def test_groups(words: str, expected: list[str]) -> None:
    assert [group.digits for group in groups(tokens(words, 0, len(words)))] == expected


def test_group_spans_cover_their_words() -> None:
    text = "ring fire hundre og tjue, nittiåtte"
    found = groups(tokens(text, 5, len(text)))
    assert [text[group.start : group.end] for group in found] == [
        "fire hundre og tjue",
        "nittiåtte",
    ]
    assert [group.magnitude for group in found] == [True, False]
