"""The next cell after a trigger word: a value, or the next heading of a header row?

A trigger followed by a comma or a tab (``fornavn\\tfdato``, ``(id, navn, relasjon, tlf)``,
``dagvakt, Medisinsk post 3``) is a cell of a row, and the word after it starts the
next cell. That word is no name when the row is a header row (no digit on the line, and two
other cells or more are column headings: ``tlf``, ``epost``, ``postnr``, ``pas_id``),
or when it is an ordinary word that is no known name (``Medisinsk``): a name in the next cell
of a data row (``Pasient, Kari Nordmann``) is a known name or no ordinary word.

A trigger followed by an opening bracket (``resepsjonen (guro?)``) names the person in the
brackets only when they hold nothing else (:func:`bracketed`).
"""

from __future__ import annotations

import re

from recognizers.no.person_lexicon import is_ordinary
from recognizers.no.person_qualify import is_known

CELL_GAPS = frozenset({", ", ",\t", "\t", ","})
"""Gaps between a trigger and the next word that make the word the start of another cell."""
_HEADINGS = frozenset(
    """
    telefon tlf mobil mobilnr telefonnr epost e-post email e-mail mail adresse adr postnr
    postnummer poststed fnr fødselsnummer fodselsnummer født fodt fødd dato relasjon kjønn
    alder id phone address
    """.split()
)
_HEADING_ENDINGS = ("_id", "_nr", "navn", "namn", "name", "nummer", "dato", "_dato")
_CELL_SPLIT = re.compile(r"[\t,;|()]")


def _is_heading(cell: str) -> bool:
    lowered = cell.strip().lower()
    return lowered in _HEADINGS or lowered.endswith(_HEADING_ENDINGS)


def _header_row(text: str, position: int) -> bool:
    """Is the line at ``position`` a header row: no digit, two headings or more besides the
    trigger's own cell?"""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if any(c.isdigit() for c in line):
        return False
    return sum(1 for cell in _CELL_SPLIT.split(line) if _is_heading(cell)) >= 3


def next_cell_no_name(text: str, word: str, position: int) -> bool:
    """True when ``word``, starting the cell after a trigger at ``position``, is no name
    (module docstring)."""
    lowered = word.lower()
    if is_known(lowered):
        return False
    return is_ordinary(lowered) or _header_row(text, position)


_CLOSED = re.compile(r"[?!]?\)")


def bracketed(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """A name after a trigger and an opening bracket (``resepsjonen (guro?)``, ``mor (Kari)``)
    only when the bracket closes right after it and it is a known name or no ordinary word:
    ``Lege (Overlege)``, ``datter (voksen)`` are no names."""
    value = text[span[0] : span[1]]
    if not _CLOSED.match(text, span[1]):
        return None
    lowered = value.lower()
    if any(not is_known(w) and is_ordinary(w) for w in lowered.split()):
        return None
    return span
