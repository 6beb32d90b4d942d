"""Names listed with a found name: ``Kine og Jamal``, ``Kjersti / Bo`` (issue 17)."""

from __future__ import annotations

import pytest

from recognizers.no.person_lists import listed_names


def _listed(text: str, names: list[str]) -> list[str]:
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    return [text[a:b] for a, b in listed_names(text, spans)]


LISTED = [
    # text, names found, names listed with them
    ("vi er foreldrene Hege og Abdirahim", ["Hege"], ["Abdirahim"]),
    ("Gjelder Per Lid og Live (datter)", ["Per Lid"], ["Live"]),
    ("Vakt: Ingrid / Bo", ["Ingrid"], ["Bo"]),
    ("Vakt: Rose / Ingrid", ["Ingrid"], ["Rose"]),
    ("Anne & Kwabena Mensah kommer", ["Anne"], ["Kwabena Mensah"]),
    ("mora til sol og bo", ["sol"], ["bo"]),
    ("tvillingene ylva og kaisa", ["ylva"], ["kaisa"]),
    # a listed name lists the next one
    ("Kari og Ola og Tesfamariam", ["Kari"], ["Ola", "Tesfamariam"]),
]
NOT_LISTED = [
    ("Kari og legen snakket", ["Kari"]),
    ("Kari og hun kom", ["Kari"]),
    ("Kari og Paracet", ["Kari"]),
    ("Kari og Bergen kommune", ["Kari"]),
    ("Ring Kari og Oslo", ["Kari"]),
    ("Kari og blodprøvene", ["Kari"]),
    ("Kari Hansen og behandlingen hennes", ["Kari Hansen"]),
    ("Kari og Storgata 4", ["Kari"]),
    ("Hansen, Kari og fortsatt", ["Hansen, Kari"]),
    ("Kari og mottakelse", ["Kari"]),
    ("Kari og feber", ["Kari"]),
]


@pytest.mark.parametrize(("text", "names", "listed"), LISTED)
def test_listed(text: str, names: list[str], listed: list[str]) -> None:
    assert _listed(text, names) == listed


@pytest.mark.parametrize(("text", "names"), NOT_LISTED)
def test_not_listed(text: str, names: list[str]) -> None:
    assert _listed(text, names) == []
