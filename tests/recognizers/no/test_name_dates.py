"""A full date right after a found name is that person's date of birth (issue 17)."""

from __future__ import annotations

import pytest

from recognizers.no.name_dates import dates_after_names

CASES = [
    # text, the name found, the date expected (None: no date taken)
    ("Kari Hansen (12.03.1954) er innkalt.", "Kari Hansen", "12.03.1954"),
    ("Hansen, Kari, 12.03.1954, Storgata 1", "Hansen, Kari", "12.03.1954"),
    ("KARI HANSEN 120354", "KARI HANSEN", "120354"),
    ("| Vold, Tobias | 1981-03-12 | J18.9 |", "Vold, Tobias", "1981-03-12"),
    ("Ola Nilsen f. 3.4.61 ringte", "Ola Nilsen", "3.4.61"),
    ("Ola Nilsen; født 03.04.1961", "Ola Nilsen", "03.04.1961"),
    # not a full date, not right after the name, or not a date at all
    ("Kari Hansen kom 12.03.2024 til kontroll.", "Kari Hansen", None),
    ("Kari Hansen 12.03 kl 14", "Kari Hansen", None),
    ("Kari Hansen 45.13.1954", "Kari Hansen", None),
    ("Kari Hansen 12.03.1954.5", "Kari Hansen", None),
    ("Kari Hansen 1203541", "Kari Hansen", None),
    ("Kari Hansen, 120354 12345", "Kari Hansen", None),  # a fødselsnummer, not a date
]


@pytest.mark.parametrize(("text", "name", "date"), CASES)
def test_dates_after_names(text: str, name: str, date: str | None) -> None:
    start = text.index(name)
    found = dates_after_names(text, [(start, start + len(name)), (start, start + len(name))])
    assert [text[a:b] for a, b in found] == ([date] if date else [])
