"""Record numbers labelled by the layout around them, for :mod:`recognizers.no.journalnummer`.

Exports and listings put a patient's local id in a column or a field without a label word
right before it. This module reads the layouts :func:`context.column_header` cannot:

- a bordered ASCII table (``+----+`` lines between the rows, or box-drawing lines ``├──┼``
  and bars ``│``) whose header cell names an id (``| pasient_id | navn |``), or any pipe or
  HTML table row whose cell holds an id-shaped code right before a ``Surname, Given`` cell
  (``<td>AB-1234567</td><td>Li, Ola</td>``);
- an SQL ``INSERT … (pasient_id, navn) VALUES (…)`` row: the first value under an id column;
- a bulleted list introduced by a line that asks for record numbers (``De trenger
  journalnr for:`` / ``- Berg, Ola: X-123456``);
- an XML element that names a local id by its tag or its ``type`` (``<LokalId
  type="DIPS">``, ``<Id type="LOKAL">``);
- a system prefix before a labelled number in digit groups (``EPJ-nr EPJ 12 345 678``).

It also says which values are never record numbers: a calendar date (``2024-06-12``
opening a log line).
"""

from __future__ import annotations

import re

from recognizers.no import context_words, journal_ident, journal_labels
from recognizers.no.base import Verdict

NEEDLES = ("<td", "<th", "lokalid", "localid", "│")
"""Strings that open a layout of this module without any label word of the others."""
_CALENDAR_DATE = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])")


def calendar_date(value: str) -> bool:
    """``value`` is an ISO date (``2024-06-12``): a timestamp, not a record number."""
    return _CALENDAR_DATE.fullmatch(value) is not None


_CODE = re.compile(r"(?:[A-Za-zÆØÅæøå]{1,5}[\-/#]?)?\d{5,12}|[A-Za-zÆØÅæøå]{1,5}-\d{4,12}")
"""An id-shaped cell: five digits or more, perhaps after a short letter prefix."""
_NAME_CELL = re.compile(
    r"[ \t]*[A-ZÆØÅ][\w'’\-]+(?:[ \-][A-ZÆØÅ][\w'’\-]+){0,3},[ \t]*[A-ZÆØÅ][\w\-]+"
)
"""A ``Surname, Given`` cell (surname of up to four words)."""
_BORDER = re.compile(r"[ \t]*[+|][\-=+:| \t]*\Z")
_BOX = str.maketrans("│┃║┼┬┴├┤┌┐└┘╋╬╪╫╞╡╟╢─━═", "|||+++++++++++++++++---")
"""Box-drawing bars, corners and lines read as the ASCII ones (``│`` as ``|``)."""
_BARS = ("|", "│", "┃", "║")
_MAX_ROWS_UP = 60


def _line_start(text: str, start: int) -> int:
    return text.rfind("\n", 0, start) + 1


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _pipe_header(text: str, start: int) -> str | None:
    """The header cell above ``start`` in a pipe table with border lines (``+----+``): the
    topmost row of the block of ``|`` and ``+`` lines, at the same column."""
    line_start = _line_start(text, start)
    column = text[line_start:start].translate(_BOX).count("|")
    top: str | None = None
    end = line_start - 1
    for _ in range(_MAX_ROWS_UP):
        if end < 0:
            break
        previous = _line_start(text, end)
        line = text[previous:end].translate(_BOX)
        stripped = line.lstrip(" \t")
        if not stripped or stripped[0] not in "|+":
            break
        if _BORDER.match(line) is None:
            top = line
        end = previous - 1
    if top is None:
        return None
    cells = top.split("|")
    if column >= len(cells):
        return None
    cell = cells[column].strip()
    return cell if cell and not any(c.isdigit() for c in cell) else None


def _in_pipe_row(text: str, start: int, value: str) -> bool:
    """A pipe table row: the header cell names an id, or the next cell is a name."""
    header = _pipe_header(text, start)
    if header is not None:
        return journal_labels.id_header(header, value)
    after = start + len(value)
    rest = text[after : _line_end(text, start)].translate(_BOX)
    bar = rest.find("|")
    if bar < 0 or rest[:bar].strip():
        return False
    return (
        _CODE.fullmatch(value) is not None and _NAME_CELL.match(text, after + bar + 1) is not None
    )


_TD_OPEN = re.compile(r"<t[dh](?:[ \t][^<>]{0,80})?>[ \t]*\Z", re.IGNORECASE)
_TD_NEXT = re.compile(r"[ \t]*</t[dh]>[ \t]*<t[dh](?:[ \t][^<>]{0,80})?>", re.IGNORECASE)


def _in_html_row(text: str, start: int, value: str) -> bool:
    """An HTML cell holding an id-shaped code right before a ``Surname, Given`` cell."""
    if _CODE.fullmatch(value) is None:
        return False
    if _TD_OPEN.search(text, max(0, start - 90), start) is None:
        return False
    nxt = _TD_NEXT.match(text, start + len(value))
    return nxt is not None and _NAME_CELL.match(text, nxt.end()) is not None


_SQL_ROW_OPEN = re.compile(r"(?:\(|(?i:values)[ \t]*\()[ \t]*\Z")
_SQL_COLUMNS = re.compile(r"\(([^()]{1,300})\)[ \t\r\n]*(?i:values)\b")
_SQL_REACH = 4000


def _in_sql_row(text: str, start: int, value: str) -> bool:
    """The first value of an SQL ``VALUES`` row whose first column names an id."""
    if _SQL_ROW_OPEN.search(text, max(0, start - 12), start) is None:
        return False
    lowered = text[max(0, start - _SQL_REACH) : start].lower()
    at = lowered.rfind("values")
    if at < 0:
        return False
    at += max(0, start - _SQL_REACH)
    found = list(_SQL_COLUMNS.finditer(text, max(0, at - 320), at + 6))
    if not found:
        return False
    first = found[-1].group(1).split(",")[0].strip(' \t\r\n`"[]')
    return journal_labels.id_header(first, value) or context_words.JOURNALNUMMER.matches(
        first.lower()
    )


_ITEM = re.compile(r"[ \t]*(?:[\-*•–]|\d{1,3}[.)])[ \t]+\S[^\n]*:[ \t]*\Z")
_ITEM_LINE = re.compile(r"[ \t]*(?:[\-*•–]|\d{1,3}[.)])[ \t]+\S")
_WORDS = re.compile(r"[\w.\-]+")
_MAX_ITEMS_UP = 40


def _in_asked_list(text: str, start: int, value: str) -> bool:
    """``value`` ends a list item after ``:`` and the line introducing the list names a
    record number (``De trenger journalnr for følgende:`` / ``- Berg, Ola: X-123456``)."""
    if _CODE.fullmatch(value) is None:
        return False
    line_start = _line_start(text, start)
    if _ITEM.match(text, line_start, start) is None:
        return False
    if text[start + len(value) : _line_end(text, start)].strip(" \t.,;)"):
        return False
    end = line_start - 1
    for _ in range(_MAX_ITEMS_UP):
        if end < 0:
            return False
        previous = _line_start(text, end)
        if _ITEM_LINE.match(text, previous, end) is None:
            words = [w.strip(".-").lower() for w in _WORDS.findall(text, previous, end)]
            return context_words.JOURNALNUMMER.matches_any(words)
        end = previous - 1
    return False


def labelled_by_layout(text: str, start: int, value: str) -> bool:
    """A table, SQL row, or asked-for list around ``value`` says it is a record number."""
    line_start = _line_start(text, start)
    head = text[line_start:start].lstrip(" \t")
    if head.startswith(_BARS):
        return _in_pipe_row(text, start, value)
    if head.startswith("(") or head.endswith("("):  # an SQL row, or ``… VALUES (``
        return _in_sql_row(text, start, value)
    if head.endswith(">"):
        return _in_html_row(text, start, value)
    return _in_asked_list(text, start, value)


XML_LOCAL = re.compile(
    r"<(?P<tag>[A-Za-z][\w\-]{0,30})(?P<attrs>[ \t][^<>]{0,120})?>[ \t]*"
    r"(?P<id>[A-Za-z0-9][A-Za-z0-9\-/]{2,29})[ \t]*</(?P=tag)>"
)
"""An XML element holding one id-shaped value; :func:`xml_local_record` decides."""
_LOCAL_TAGS = frozenset(
    """lokalid localid pasientid patientid pasientnr pasientnummer journalnr journalnummer
    mrn pid pasid""".split()
)
_TYPE = re.compile(r"""\btype\s*=\s*["']([^"']{1,20})["']""", re.IGNORECASE)
_LOCAL_TYPES = frozenset(
    "dips epj lokal local jnr journal pas pasientnr mrn pi mr pt pn intern internal".split()
)
_OTHER_TYPES = frozenset("fnr dnr hnr fhn duf hpr her enh rsh orgnr".split())


def xml_local_record(match: re.Match[str]) -> bool:
    """The element's tag names a local patient id (``LokalId``), or an ``…Id`` tag's ``type``
    does (``<Id type="LOKAL">``); the value holds three digits or more."""
    if sum(map(str.isdigit, match.group("id"))) < 3:
        return False
    tag = match.group("tag").lower()
    found = _TYPE.search(match.group("attrs") or "")
    kind = found.group(1).strip().lower() if found else ""
    if kind in _OTHER_TYPES:
        return False
    if tag in _LOCAL_TAGS:
        return True
    return tag.endswith("id") and kind in _LOCAL_TYPES


def judge_xml(match: re.Match[str], score: float) -> Verdict | None:
    """A KITH ``Ident`` whose ``TypeId`` names a local record (:mod:`journal_ident`), or an
    :data:`XML_LOCAL` element whose tag or ``type`` does: the id alone is reported."""
    if match.re is journal_ident.IDENT:
        local = journal_ident.is_local_record(match)
    else:
        local = xml_local_record(match)
    if not local:
        return None
    return Verdict(score, {"field": "xml"}, start=match.start("id"), end=match.end("id"))


_SYSTEM_PREFIX = re.compile(r"(?<![\w\-])[A-ZÆØÅ]{2,5}[ ]\Z")


def system_prefix_start(text: str, start: int) -> int | None:
    """Where an upper-case system prefix right before digit groups starts (``EPJ`` of
    ``EPJ-nr EPJ 77 10 43``), if a record label stands right before that prefix."""
    prefix = _SYSTEM_PREFIX.search(text, max(0, start - 6), start)
    if prefix is None:
        return None
    before = text[max(0, prefix.start() - 24) : prefix.start()].split()
    if not before:
        return None
    word = before[-1].strip(":.,").lower()
    return prefix.start() if context_words.JOURNALNUMMER.matches(word) else None
