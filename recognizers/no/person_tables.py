"""Cells of a table's name column: rows below a header cell ``Navn``, ``Pasient``, ``Name`` ….

A table is a run of lines split by one delimiter (``|``, tab, ``;``, or ``,`` with double
quotes around cells that hold one, as in CSV). The header row is the first row of short cells
(three words at most) with a name header; every later row of the run gives the cell in that
column, when the cell looks like a name (letters, spaces, hyphens, apostrophes, dots and one
comma, no digits, at most six words). A Markdown rule row (``|---|---|``) is skipped; a blank
line or a line without the delimiter ends the table.

A fixed-width listing (cells apart by two spaces or more, ``Rom  Pasient  Ansvarlig``) is read
the same way, by where each cell starts: a row's cell belongs to the header cell it starts
under; a blank line ends the listing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

NAME_HEADERS = frozenset(
    {
        "navn",
        "namn",
        "name",
        "names",
        "pasient",
        "pasientnavn",
        "pasientens navn",
        "patient",
        "patient name",
        "etternavn",
        "fornavn",
        "mellomnavn",
        "fullt navn",
        "full name",
        "first name",
        "last name",
        "given name",
        "surname",
        "beboer",
        "bebuar",
        "pårørende",
        "pårørande",
        "kontaktperson",
        "lege",
        "fastlege",
        "sykepleier",
        "behandler",
        "ansvarlig",
    }
)
NAME_HEADER_WORDS = frozenset(
    {h for h in NAME_HEADERS if " " not in h}
    | set(
        "ansv ssp spl forvakt mellomvakt bakvakt vakt primærkontakt kontakt henvist henviser "
        "henvisende signatur sign utført terapeut jordmor fysioterapeut tolk given family "
        "forelder foresatt verge operatør kirurg assistent anestesilege kunde debitor".split()
    )
)
"""Words that make a header cell a name column (``Ansv. ssp``, ``Henvist av``, ``Forvakt``)
when every other word of the cell is one of them or of :data:`_HEADER_FILLERS`: ``Navn på
legemiddel`` names drugs. A cell below that holds a digit or an ``@`` is still no name."""
_HEADER_FILLERS = frozenset(
    "av fra og pasientens pasient pas pt fullt full hoved primær primary ansvarlig "
    "henvisende behandlende dr lege".split()
)
_HEADER_WORD = re.compile(r"[^\W\d_]+")
_DELIMITERS = ("|", "\t", ";", ",")
_RULE_ROW = re.compile(r"[\s|:+\-=]*")
_NAME_CELL = re.compile(r"[^\W\d_][\w'’.\- ]*(?:, ?[^\W\d_][\w'’.\- ]*)?")
_MAX_WORDS = 6
_MAX_HEADER_WORDS = 3
_HEADER_TRIM = " \t*_:#\"'"


def cells(line: str, offset: int, delimiter: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each cell of ``line`` (at ``offset`` in its text), trimmed of spaces
    and of the double quotes around a CSV cell."""
    spans: list[tuple[int, int]] = []
    if '"' not in line:  # the common case: no quoted cell can hold the delimiter
        start = 0
        for part in line.split(delimiter):
            spans.append((start, start + len(part)))
            start += len(part) + 1
    else:
        start, quoted = 0, False
        for i, char in enumerate(line):
            if char == '"':
                quoted = not quoted
            elif char == delimiter and not quoted:
                spans.append((start, i))
                start = i + 1
        spans.append((start, len(line)))
    trimmed = []
    for start, end in spans:
        a, b = start, end
        while a < b and line[a] in ' \t"':
            a += 1
        while b > a and line[b - 1] in ' \t"':
            b -= 1
        trimmed.append((offset + a, offset + b))
    return trimmed


def _delimiter(line: str) -> str | None:
    return next((d for d in _DELIMITERS if d in line), None)


def _header_columns(text: str, line_cells: list[tuple[int, int]], delimiter: str) -> list[int]:
    """The indexes of the name header cells, if the row is a header row: short cells only
    (at least three of them for a comma, which also separates words in prose)."""
    values = [text[a:b] for a, b in line_cells]
    if len(values) < (3 if delimiter == "," else 2) or any(
        len(v.split()) > _MAX_HEADER_WORDS for v in values
    ):
        return []
    return [index for index, (a, b) in enumerate(line_cells) if is_name_header(text[a:b])]


def is_name_header(cell: str) -> bool:
    """Does a header cell name a column of names (``Navn``, ``Pasientens navn``, ``Ansv.
    ssp``)? The whole cell is a listed header, or its words are header words and fillers."""
    lowered = cell.strip(_HEADER_TRIM).lower()
    if lowered in NAME_HEADERS:
        return True
    words = _HEADER_WORD.findall(lowered)
    return any(word in NAME_HEADER_WORDS for word in words) and all(
        word in NAME_HEADER_WORDS or word in _HEADER_FILLERS for word in words
    )


def _may_name_a_column(line: str) -> bool:
    """Does a name header occur anywhere in ``line``? (Cheap; most lines are no header.)"""
    lowered = line.lower()
    return any(word in lowered for word in NAME_HEADER_WORDS)


def _is_name_cell(value: str) -> bool:
    return bool(_NAME_CELL.fullmatch(value)) and len(value.split()) <= _MAX_WORDS


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def column_cells(text: str) -> list[tuple[int, int]]:
    """Spans of the name cells of every table in ``text`` (module docstring)."""
    lowered = text.lower()
    if not any(word in lowered for word in NAME_HEADER_WORDS):
        return []
    found: list[tuple[int, int]] = []
    delimiter: str | None = None
    columns: list[int] = []
    for offset, line in _lines(text):
        if columns and delimiter is not None and delimiter in line:
            if not _RULE_ROW.fullmatch(line):
                row = cells(line, offset, delimiter)
                found.extend(
                    row[c] for c in columns if c < len(row) and _is_name_cell(text[slice(*row[c])])
                )
            continue
        delimiter = _delimiter(line)
        columns = (
            []
            if delimiter is None or not _may_name_a_column(line)
            else _header_columns(text, cells(line, offset, delimiter), delimiter)
        )
    if "  " in text:
        found.extend(fixed_width_cells(text))
    return found


_CHUNK = re.compile(r"\S+(?: \S+)*")
_MIN_FIXED_COLUMNS = 3
_ALIGNMENT_SLACK = 2


def _chunks(line: str) -> list[tuple[int, int]]:
    """The cells of a fixed-width line: runs of words apart by single spaces."""
    return [match.span() for match in _CHUNK.finditer(line)]


def _fixed_header(line: str) -> list[int]:
    """Where the name columns of a fixed-width header line start (none if it is not one):
    three cells or more apart by two spaces or more, short and without digits, no delimiter."""
    if "  " not in line or any(d in line for d in ("|", "\t", ";")):
        return []
    spans = _chunks(line)
    values = [line[a:b] for a, b in spans]
    if len(values) < _MIN_FIXED_COLUMNS or any(
        len(v.split()) > _MAX_HEADER_WORDS or any(map(str.isdigit, v)) for v in values
    ):
        return []
    return [a for (a, _), v in zip(spans, values, strict=True) if is_name_header(v)]


def fixed_width_cells(text: str) -> list[tuple[int, int]]:
    """Name cells of fixed-width listings: the header's name columns, in the rows below it up
    to a blank line, where a cell starts within two characters of its header."""
    found: list[tuple[int, int]] = []
    columns: list[int] = []
    for offset, line in _lines(text):
        if columns and line.strip():
            for a, b in _chunks(line):
                if any(abs(a - c) <= _ALIGNMENT_SLACK for c in columns) and _is_name_cell(
                    line[a:b]
                ):
                    found.append((offset + a, offset + b))
            continue
        columns = _fixed_header(line)
    return found
