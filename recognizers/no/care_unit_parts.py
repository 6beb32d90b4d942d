"""Municipal care services named by their municipality (issue 18): ``Bærum kommune
fysioterapitjeneste``, ``Sel kommune psykisk helse og rus``, ``Narvik kommune,
hjemmetjenesten sone Ankenes``.

A municipality of the register, ``kommune`` (``kommunes``, ``kommunale``) and, right after it
or after a comma, a service written in lower case: a word ending in ``-tjeneste``/``-teneste``
(and their definite forms) or ``psykisk helse (og rus)``; or ``kommunale`` and a unit
(``Senja kommunale akutte døgnenhet (KAD)``, ``Alta kommunale legevakt``). A district
(``sone Ankenes``, ``bydel Frogner``, ``sone Fetsund sør``) closes the name. ``Bærum
kommune`` alone is a place, not a unit; a service of no municipality of the register
(``Fjellet kommune hjemmetjeneste``) is none either.
"""

from __future__ import annotations

import re
from collections.abc import Container

from recognizers.no.places import name_key

_UPPER = "A-ZÆØÅÄÖÜ"
_PLACE = rf"[{_UPPER}][\w\-]*(?:[ ]og[ ][{_UPPER}][\w\-]*)?"
_SERVICE = (
    r"(?:[a-zæøå\-]*(?:tjenesten?|tjenestene|tjenester|tenest[ea]|tenestene)"
    r"|psykisk[ ]helse(?:-?[ ]og[ ]rus(?:tjenesten?|tjeneste)?)?)"
)
DISTRICT = (
    rf"(?:,?[ ](?:i[ ])?(?i:bydel|sone|distrikt)[ ](?:(?:St\.[ ])?[{_UPPER}][\w\-]*"
    rf"(?:[ ][{_UPPER}][\w\-]*)?"
    r"|[a-zæøå\-]+)(?:[ ](?:nord|sør|øst|vest|sentrum|indre|ytre))?)"
)
"""A district after a municipal service: ``sone nord``, ``i bydel Sagene``, ``, sone Jeløy``,
``sone Fetsund sør``, ``i bydel St. Hanshaugen``."""
_MUNICIPAL_SERVICE = re.compile(
    rf"(?<![\w\-])(?P<place>{_PLACE})[ ](?:kommune(?:s|ns)?,?[ ]{_SERVICE}(?![\w\-])(?:{DISTRICT})?"
    rf"|kommunale(?:[ ][a-zæøå]+){{0,2}}?[ ][a-zæøå]*(?:enhet|tjeneste|teneste|legevakt|senter)"
    r"(?:[ ]\((?-i:[A-ZÆØÅ]{2,6})\))?(?![\w\-]))"
)


def municipal_services(text: str, municipalities: Container[str]) -> list[tuple[int, int]]:
    """The spans of the services in ``text`` named by a municipality of ``municipalities``
    (lower-case keys), in order (module docstring)."""
    if " kommune" not in text:
        return []
    return [
        (found.start(), found.end())
        for found in _MUNICIPAL_SERVICE.finditer(text)
        if name_key(found["place"]) in municipalities
    ]
