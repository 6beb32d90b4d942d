"""What people write around a street address that belongs to it: the flat or entrance
after the house number, and a ``c/o`` line before the street.

- after the house number: ``leil 3``, ``leil. 304``, ``leilighet 12``, ``oppgang B``,
  ``inngang 2``, ``blokk C``, maybe after a comma or in brackets (``Linderudsletta 6 (blokk
  C)``); then a postnummer and poststed may follow (``…, leil. 304, 8006 BODØ``). A floor
  (``3. etg``) or a building on a campus (``bygg 12``) is not taken: the identifier corpora
  list both as content that stays, and neither says whose address it is.
- before the street: ``c/o Popescu,`` (``c/o`` and up to four names): whom the post goes by,
  part of the address.
"""

from __future__ import annotations

import re

__all__ = ["care_of_start", "unit_end"]

_UNIT_WORD = (
    r"(?:leil(?:ighet|igheten)?\.?|lgh\.?|oppgang|inngang|blokk|hus|rom|"
    r"sokkel|hybel|entre|entré)"
)
_UNIT = rf"{_UNIT_WORD}(?:[ \t]|(?=\d))(?:nr\.?[ \t]?)?[\dA-Za-z]{{1,4}}"
_UNIT_TAIL = re.compile(
    rf"(?:[ \t]*,?[ \t]+{_UNIT}(?![\wæøå])|[ \t]+\([ \t]*{_UNIT}[ \t]*\))"
    rf"(?:[ \t]*,?[ \t]+{_UNIT}(?![\wæøå]))?",
    re.IGNORECASE,
)
"""One or two flat or entrance parts right after a house number."""
_POSTSTED_TAIL = re.compile(r",?[ \t]+\d{4}[ \t]+[^\W\d_][\wæøåÆØÅ-]+(?:[ \t][A-ZÆØÅ]\b)?")
_CARE_OF = re.compile(
    r"(?<![\w/])c/o[ \t]+[^\W\d_][\w'.-]*(?:[ \t]+[^\W\d_][\w'.-]*){0,3},?[ \t]*\Z",
    re.IGNORECASE,
)
_CARE_OF_REACH = 60


def unit_end(text: str, end: int) -> int:
    """Where an address ending at ``end`` ends with the flat or entrance parts after
    it, and a postnummer and poststed after those (``end`` when none follows)."""
    unit = _UNIT_TAIL.match(text, end)
    if unit is None:
        return end
    place = _POSTSTED_TAIL.match(text, unit.end())
    return place.end() if place is not None else unit.end()


def care_of_start(text: str, start: int) -> int:
    """Where an address starting at ``start`` starts with a ``c/o`` name before it (``c/o
    Popescu, Kongens gate 50``); ``start`` when there is none."""
    reach = max(0, start - _CARE_OF_REACH)
    if "c/o" not in text[reach:start].lower():
        return start
    care_of = _CARE_OF.search(text, reach, start)
    return care_of.start() if care_of is not None else start
