"""Record numbers beside a patient's name, for :mod:`recognizers.no.journalnummer`.

Ward lists, hand-over notes and mail-merge data put a patient's local id right by the name,
without a label word: in parentheses after ``Surname, Given`` (``Rom 201: Berg, Ola
(551-2093) – POD 2``), or as a cell of a delimited row next to the name cells
(``Lunde;Kari;6620-1174;kari@…``). A code of that kind — six to twelve digits, perhaps in
dash-apart groups or after a short letter prefix — is the patient's record number; a year
range, a date, a mobile number or a fødselsnummer is not.
"""

from __future__ import annotations

import re

from recognizers.no import context
from recognizers.no.person_lexicon import is_ordinary

_VALUE = re.compile(r"(?:[A-Za-z]{1,4}-?)?\d{2,7}(?:-\d{2,7}){0,2}")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d-(?:19|20)?\d\d")
_DATE = re.compile(r"\d{1,2}-\d{1,2}-\d{2,4}|\d{4}-\d{1,2}-\d{1,2}")
_MOBILE = re.compile(r"[49]\d{7}")
_MIN_DIGITS = 6
_MAX_DIGITS = 12
_FNR_DIGITS = 11

_NAME_WORD = r"[^\W\d_][\w'’\-]*"
_NAME_BEFORE_PAREN = re.compile(
    rf"(?:^|(?<=[\s:;–•*]))(?:{_NAME_WORD}[ ]){{0,2}}{_NAME_WORD},[ ]{_NAME_WORD}"
    rf"(?:[ ]{_NAME_WORD}){{0,3}}[ ]\(\Z",
    re.MULTILINE,
)
"""``Surname, Given (`` right before the value, on its line (surname and given names of up
to three and four words, any case: a hurried list writes ``hussain, ali``)."""
_PAREN_REACH = 90
_UNIT_AFTER = re.compile(
    r"\)[ \t]*(?:%|(?:mg|mcg|µg|g|kg|ml|l|mmol|µmol|ie|iu|e|stk|tbl|kr|x|cm|mm)(?![^\W\d_]))",
    re.IGNORECASE,
)
"""A unit after the parentheses: ``Paracetamol, Pinex (500-1000) mg`` is a dose range."""
_WORDS = re.compile(r"[^\W\d_]+")
_ABBREVIATION = 4
_NAME_CELL = re.compile(rf"{_NAME_WORD}(?:[ ,]+{_NAME_WORD}){{0,3}}")
_DELIMITERS = (";", "\t")
_CUE = re.compile(
    r",(?<=[^\W\d_],)[ ][^\W\d_][^()\n]{0,60}\([A-Za-z]{0,4}-?\d"
    r"|[;\t](?<=[^\W\d_][;\t])[^\W\d_][^;\t\n]{0,40}[;\t][A-Za-z]{0,4}-?\d"
)
"""A text without this cannot hold a code of this module (each branch opens with its
delimiter, so the scan jumps from one to the next)."""


def _cue(text: str) -> bool:
    return _CUE.search(text) is not None


def could_occur(text: str) -> bool:
    """Could a code of this module occur in ``text`` (worked out once per scan)?"""
    return context.remembered(text, "journal_rows: cue", _cue)


def _code(value: str) -> bool:
    if _VALUE.fullmatch(value) is None or _YEAR_RANGE.fullmatch(value) or _DATE.fullmatch(value):
        return False
    digits = "".join(c for c in value if c.isdigit())
    if not _MIN_DIGITS <= len(digits) <= _MAX_DIGITS or len(digits) == _FNR_DIGITS:
        return False
    return _MOBILE.fullmatch(digits) is None


def by_name(text: str, start: int, value: str) -> bool:
    """``value`` stands in parentheses right after ``Surname, Given``, or in a delimited row
    next to two name cells (or one ``Surname, Given`` cell)."""
    if not _code(value):
        return False
    end = start + len(value)
    if start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")":
        if _UNIT_AFTER.match(text, end) is not None:
            return False
        name = _NAME_BEFORE_PAREN.search(text, max(0, start - _PAREN_REACH), start)
        return name is not None and _a_name(name.group())
    return _in_name_row(text, start, end)


def _a_name(phrase: str) -> bool:
    """The words could be a person's name: one of them at least is no ordinary or clinical
    word, and none is a short abbreviation in capitals (``Hb, CRP``, ``Status;Aktiv``)."""
    words = _WORDS.findall(phrase)
    if any(len(word) <= _ABBREVIATION and word.isupper() for word in words):
        return False
    return any(not is_ordinary(word.lower()) for word in words)


def _in_name_row(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    for delimiter in _DELIMITERS:
        before, after = text[line_start:start], text[end:line_end]
        if not (before.endswith(delimiter) or after.startswith(delimiter)):
            continue
        if (before and not before.endswith(delimiter)) or (
            after and not after.startswith(delimiter)
        ):
            return False
        cells_before = before.split(delimiter)[:-1]
        cells_after = after.split(delimiter)[1:]
        return _names(cells_before[-2:]) or _names(cells_after[:2])
    return False


def _names(cells: list[str]) -> bool:
    """Two name cells, or one ``Surname, Given`` cell, among ``cells`` (a label before the
    first, ``Rad 1: Lunde``, set aside)."""
    stripped = [cell.rsplit(": ", 1)[-1].strip() for cell in cells]
    named = [cell for cell in stripped if cell and _NAME_CELL.fullmatch(cell)]
    if len(named) == len(stripped) == 2:
        return _a_name(" ".join(named))
    return any("," in cell and _a_name(cell) for cell in named)
