"""Identifiers in KITH / Norwegian health XML messages (henvisning, epikrise): an ``Ident``
element pairs an ``Id`` with a ``TypeId`` that says what it is::

    <Ident><Id>7712-0933</Id><TypeId V="XX" DN="Lokalt pasientnr"/></Ident>
    <Ident><Id>6630172</Id><TypeId V="HPR"/></Ident>

The code ``V`` (``FNR``, ``DNR``, ``HNR``, ``HPR``, ``HER``, ``ENH`` …) or the display name
``DN`` decides the kind, wherever the words around it stand.
"""

from __future__ import annotations

import re

IDENT = re.compile(
    r"<(?:[\w.\-]+:)?Id>[ \t]*(?P<id>[^<>\s][^<>\r\n]{0,38}?)[ \t]*</(?:[\w.\-]+:)?Id>\s{0,40}"
    r"<(?:[\w.\-]+:)?TypeId\b(?P<attrs>[^<>]{0,200})>"
)
"""An ``Id`` element and the ``TypeId`` right after it (its attributes in ``attrs``)."""
_V = re.compile(r"\bV\s*=\s*\"([^\"]*)\"")
_DN = re.compile(r"\bDN\s*=\s*\"([^\"]*)\"")
_HPR_CODES = frozenset({"HPR"})
_RECORD_CODES = frozenset({"PI", "MR", "PT", "PN", "JNR", "LPN", "PAS"})
"""Codes of a hospital's own record number (HL7's identifier types, KITH's local ones)."""
_OTHER_CODES = frozenset({"FNR", "DNR", "HNR", "FHN", "DUF", "HPR", "HER", "ENH", "RSH", "AKO"})
"""Codes of identifiers other recognizers claim (fødselsnummer, D- and H-nummer, HPR, HER,
organisation numbers)."""
_RECORD_WORDS = re.compile(r"(?i)pasientn|pasient-?id|journal|lokal|\bmrn\b|\bpid\b|record")


def _code(match: re.Match[str]) -> str:
    found = _V.search(match.group("attrs"))
    return found.group(1).strip().upper() if found else ""


def is_hpr(match: re.Match[str]) -> bool:
    """The ``TypeId`` says the ``Id`` is an HPR number."""
    if _code(match) in _HPR_CODES:
        return True
    name = _DN.search(match.group("attrs"))
    return name is not None and "helsepersonell" in name.group(1).lower()


def is_local_record(match: re.Match[str]) -> bool:
    """The ``TypeId`` says the ``Id`` is a hospital's own record or patient number: a record
    code, or another code (``XX``) whose display name names a record; the ``Id`` holds a
    digit."""
    if not any(c.isdigit() for c in match.group("id")):
        return False
    code = _code(match)
    if code in _RECORD_CODES:
        return True
    if code in _OTHER_CODES:
        return False
    name = _DN.search(match.group("attrs"))
    return name is not None and _RECORD_WORDS.search(name.group(1)) is not None
