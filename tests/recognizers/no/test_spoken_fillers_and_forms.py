"""Identifiers as people say and type them, beyond the first forms: discourse fillers inside
a dictated number, ``tjuen`` for ``tjueen``, a two-word domain and a hyphenated local part in
a spoken e-mail address, ``Nordre gate`` with a spoken house number, a poststed right after
the house number, Sami letters in street and place names, a birth year on its own, a year
written ``-93``, ``løpenr``, ``J-nr`` and ``DIPS-nr`` as record-number labels, the letter O
typed for a zero, a comma for the dot of a domain, an apostrophe in a local part, a tens word
split from its unit and ``i`` before a spoken year.

Every name, number and address below is made up. The texts go through the normaliser, as in
the proxy: ``find`` reports each value as written in the original.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

Find = Callable[[str], list[tuple[str, str]]]

FOUND = [
    # discourse fillers between the digits of a dictated number
    (
        "PHONE_NUMBER",
        "nummeret er fire åtte altså tre to liksom fem fem en null",
        "fire åtte altså tre to liksom fem fem en null",
    ),
    ("PHONE_NUMBER", "telefon: 4 1 2 eh 5 5 3 0 9", "4 1 2 eh 5 5 3 0 9"),
    ("PHONE_NUMBER", "ring nittifire tjuen trettito åtti", "nittifire tjuen trettito åtti"),
    # spoken e-mail addresses
    (
        "EMAIL_ADDRESS",
        "e-posten min er kontor krøllalfa fjord bygg punktum no",
        "kontor krøllalfa fjord bygg punktum no",
    ),
    (
        "EMAIL_ADDRESS",
        "e-post: sunniva bindestrek kb nittito alfakrøll gmail prikk com",
        "sunniva bindestrek kb nittito alfakrøll gmail prikk com",
    ),
    # street names with a prefix and a separate street word, a poststed after the number
    ("NO_ADDRESS", "pasient: adressa er Søndre gate fire a", "Søndre gate fire a"),
    ("NO_ADDRESS", "jeg bor i øvre vei tolv", "øvre vei tolv"),
    ("NO_ADDRESS", "eg bur i Strandgata ni bergen no", "Strandgata ni bergen"),
    ("NO_ADDRESS", "Adresse: Kirkeveien 14, Hamar. Tlf kommer", "Kirkeveien 14, Hamar"),
    # Sami letters in the street name and the poststed
    (
        "NO_ADDRESS",
        "Hætta Ánde, Čuoppusgeaidnu 3, 9520 Kautokeino",
        "Čuoppusgeaidnu 3, 9520 Kautokeino",
    ),
    ("NO_ADDRESS", "Ny adr.: Šiellabákti 7, 9730 Kárášjohka", "Šiellabákti 7, 9730 Kárášjohka"),
    # a birth year on its own, a two-digit year written with a dash or an apostrophe
    ("DATE_OF_BIRTH", "hun er født nittenfemtito og bor alene", "nittenfemtito"),
    ("DATE_OF_BIRTH", "Pasient fødd i 1948, kjem til kontroll", "1948"),
    (
        "DATE_OF_BIRTH",
        "eg er fødd i nittenfemtisju den fjerde mars",
        "nittenfemtisju den fjerde mars",
    ),
    ("DATE_OF_BIRTH", "Han er født 1950, 4. juli og bor i Moss", "1950, 4. juli"),
    ("DATE_OF_BIRTH", "eg er fødd 4. mars -87", "4. mars -87"),
    ("DATE_OF_BIRTH", "born 12 May '79, lives in Oslo", "12 May '79"),
    # løpenummer as a record-number label
    ("NO_JOURNALNUMMER", "løpenr 2023-004417 | innlagt 03.02", "2023-004417"),
    ("NO_JOURNALNUMMER", "Løpenummer: 88120", "88120"),
    ("NO_JOURNALNUMMER", "jour.nr 4471203", "4471203"),
    ("NO_JOURNALNUMMER", "J-nr: 550913", "550913"),
    ("NO_JOURNALNUMMER", "DIPS-nr 3390127 overført", "3390127"),
    # the letter O typed for a zero, a comma typed for the dot of a domain
    ("PHONE_NUMBER", "tlf: 4O4 55 216", "4O4 55 216"),
    ("EMAIL_ADDRESS", "mail: siri.dahl@gmail,com", "siri.dahl@gmail,com"),
    # an apostrophe in the local part, quotes around an address
    ("EMAIL_ADDRESS", "Kopi: liam.o'brien@firma.no", "liam.o'brien@firma.no"),
    ("EMAIL_ADDRESS", "send til 'tone@lege.no' i dag", "tone@lege.no"),
    # a tens word split from its unit by speech-to-text
    (
        "PHONE_NUMBER",
        "ring nitti åtte sju seks fem fire tre to",
        "nitti åtte sju seks fem fire tre to",
    ),
    # a spoken date with "i" before the year
    ("DATE_OF_BIRTH", "jeg er født femte mars i nittenåttifire", "femte mars i nittenåttifire"),
    # a day and month without a year after the birth word: recall first
    ("DATE_OF_BIRTH", "fødd 1. juni, ikkje noko meir", "1. juni"),
]


@pytest.mark.parametrize(("entity", "text", "value"), FOUND)
def test_found(find: Find, entity: str, text: str, value: str) -> None:
    assert (entity, value) in find(text)


NOT_FOUND = [
    "ta to tabletter altså tre ganger dagen",  # a dose with a filler: too few digits
    "han sa at helse norge punktum no var nede",  # plain "at" never joins a two-word domain
    "han gikk i store gate to ganger",  # a count after a street name is no house number
    "født til termin i 2019, 3400 g",  # a year, but not right after the birth word
    "født i uke 32 av 2019",
    "diabetes siden 1998, operert 2004",
    "modul=EPJ\n2024-09-23T08:15:02Z INFO open",  # EPJ names the record system
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(find_structured: Find, text: str) -> None:
    assert find_structured(text) == []
