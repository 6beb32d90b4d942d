"""A capitalised given name alone that the model reads as a place or an organisation.

In cased text the model sometimes labels a lone first name after a sentence break or in a
list as a place or an organisation (``Hjemmetjenesten. Oddvar i Fjellveien 3 har sluttet``,
``ikke samme familie som Juliane``): the words around it look like those around places.
A span of one capitalised word that is a first name of the Norwegian or Faker lists, and no
surname, place, health unit, agency, drug, listed term or ordinary word, is a person's name,
unless a preposition of place stands before it: Faker's first names hold towns (``frå
Manila``, ``fra Berlin``), and after ``i`` or ``fra`` the model's reading is the likelier.
The US registers' first names are not used here: among 77,000 of them are the names of
shops and brands the model rightly reads as organisations.
"""

from __future__ import annotations

import re

from recognizers.ner.not_names import AGENCIES, NOT_PEOPLE
from recognizers.no.names import FIRST_NAMES_LISTED, SURNAMES
from recognizers.no.person_lexicon import is_ordinary
from recognizers.no.places import is_health_unit, is_location

_CAPITALISED = re.compile(r"[^\W\d_][^\W\d_A-ZÆØÅ]+(?:-[^\W\d_][^\W\d_A-ZÆØÅ]+)?")
"""One word, a capital and then lower-case letters (``Oddvar``, ``Anne-Lise``); not ALL CAPS,
which is an organisation's shape (``NAV``)."""


_PLACE_BEFORE = re.compile(
    r"(?:^|[^\w])(?:i|på|pa|fra|frå|til|via|ved|mot|nær|utenfor|rundt|gjennom|bor|bur|in|from"
    r"|(?:nord|sør|øst|vest)\w{0,4} for)\s+\Z",
    re.IGNORECASE,
)
"""A preposition of place (also ``sør for``), or ``bor``/``bur``, right before a span."""


def place_before(text: str, start: int) -> bool:
    """A preposition of place (or ``bor``) stands right before ``start``: what follows is a
    place as often as a person (``fra Berlin``, ``frå Manila``)."""
    return bool(_PLACE_BEFORE.search(text, max(0, start - 16), start))


def is_given_name_only(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is one capitalised word that is a known first name and nothing else,
    with no preposition of place before it."""
    span = text[start:end]
    if not _CAPITALISED.fullmatch(span) or not span[0].isupper():
        return False
    if place_before(text, start):
        return False
    lowered = span.lower()
    return lowered in FIRST_NAMES_LISTED and lowered not in SURNAMES and is_nothing_else(span)


def is_nothing_else(word: str) -> bool:
    """``word`` is no drug, listed term, agency, ordinary word, place or health unit: a first
    name that stands alone names a person (here and in ``recognizers.no.person``)."""
    lowered = word.lower()
    return (
        lowered not in NOT_PEOPLE
        and lowered not in AGENCIES
        and not is_ordinary(lowered)
        and not is_location(word)
        and not is_health_unit(word)
    )
