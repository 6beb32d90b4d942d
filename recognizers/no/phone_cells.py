"""Phone numbers in the fields of exports, logs and mail that the chain rules of
:mod:`recognizers.no.phone` do not see whole.

- a tab-separated cell (a call log's ``01:12⇥0047 930 55 681⇥4412``): the tab joins the
  cells into one chain of digit groups, so a number must be read as its cell. ``+47`` /
  ``0047`` and eight digits, another country's code and nine to fifteen, or eight digits in
  the plan laid out ``XX XX XX XX`` / ``XXX XX XXX`` or as a bare mobile number are one, as
  outside a table; a cell under a column labelled as something else is none;
- a number a mail reply wrapped over two quoted lines (``+47 481`` / ``> 22 967``): with the
  country code, or in the plan with a phone word or ``eller`` some words before;
- the number components of an HL7 v2 XTN field (``^PRN^PH^^47^67021948``): the use and
  equipment codes say it is a phone number;
- ``47`` and a mobile number in one quoted CSV field (``"4745 0012 39"``): the country code
  without ``+``, the grouping off by two.
"""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.base import Verdict, compact_digits
from recognizers.no.phone_plan import in_number_plan, is_mobile

__all__ = ["QUOTED_CSV", "QUOTED_WRAP", "TAB_CELL", "XTN", "judge_cell_field", "patterns_for"]

SCORE_PREFIXED = 0.95
SCORE_FOREIGN = 0.85
SCORE_LAYOUT = 0.7
SCORE_WITH_WORD = 0.9
SCORE_XTN = 0.9
SCORE_QUOTED_CSV = 0.8

TAB_CELL = re.compile(
    r"(?<=\t)[ ]*((?:\+|00)?\d[\d .\-]{6,18}\d)[ ]*(?=\t|\r?\n|\Z)"
    r"|(?m:^)((?:\+|00)\d[\d .\-]{6,18}\d|\d{2,3}[ .]\d{2}[ .]\d{2,3}(?:[ .]\d{2})?)[ ]*(?=\t)"
)
"""A tab-delimited cell that holds only digits (maybe after ``+`` or ``00``) and separators;
in the first cell of a row only a prefixed or grouped number."""
_LAYOUT = re.compile(r"\d{3}([ .\-])\d{2}\1\d{3}|\d{2}([ .\-])\d{2}\2\d{2}\2\d{2}|\d{8}")
QUOTED_WRAP = re.compile(
    r"(?<![\w+])((?:\+|00)47[ \t]?)?(\d{1,4}(?:[ ]\d{1,4}){0,3})[ \t]*\r?\n"
    r"(?:>[ \t]?)+(\d{1,4}(?:[ ]\d{1,4}){0,3})(?![\d\w])"
)
"""Digit groups ending a line and digit groups opening the next, quoted (``>``) line."""
_OR_BEFORE = frozenset({"eller", "alternativt", "evt", "or"})
_WRAP_WORDS = 6
XTN = re.compile(
    r"\^(?:PRN|ORN|WPN|VHN|ASN|EMR|BPN|NET)\^(?:PH|CP|FX|MD|BP|SAT)\^[^\^|~\r\n]*"
    r"\^(\+?\d{1,3})?\^(\d{1,5}\^)?(\d{5,12})(?=[\^|~\r\n]|\Z)"
)
"""An XTN with use code, equipment type, (no) e-mail, country code, area code and number."""
QUOTED_CSV = re.compile(r'(?<=")47[ .\-]?\d(?:[ .\-]?\d){7}(?=")')
"""``47`` and eight digits, alone in a quoted field."""
_NATIONAL = 8
_FOREIGN_DIGITS = range(9, 16)


def patterns_for(text: str) -> list[re.Pattern[str]]:
    """This module's patterns whose delimiters occur in ``text``."""
    fields: list[re.Pattern[str]] = []
    if "\t" in text:
        fields.append(TAB_CELL)
    if "\n>" in text:
        fields.append(QUOTED_WRAP)
    if "^" in text and "|" in text:
        fields.append(XTN)
    if '"47' in text:
        fields.append(QUOTED_CSV)
    return fields


def judge_cell_field(text: str, match: re.Match[str]) -> Verdict | None:
    """Judge a match of one of this module's patterns."""
    if match.re is TAB_CELL:
        return _tab_cell(text, match)
    if match.re is QUOTED_WRAP:
        return _quoted_wrap(text, match)
    if match.re is XTN:
        return Verdict(SCORE_XTN, {"field": "HL7 XTN"}, start=match.start(3), end=match.end(3))
    national = compact_digits(match.group())[2:]
    if not is_mobile(national) and not _phone_header(text, match.start()):
        return None
    return Verdict(SCORE_QUOTED_CSV, {"field": "47 and a number"})


def _phone_header(text: str, start: int) -> bool:
    header = context.column_header(text, start)
    return header is not None and context_words.PHONE.matches(header)


def _tab_cell(text: str, match: re.Match[str]) -> Verdict | None:
    group = 1 if match.group(1) else 2
    value = match.group(group)
    digits = compact_digits(value)
    span = {"start": match.start(group), "end": match.end(group)}
    header = context.column_header(text, match.start(group))
    phone_header = header is not None and context_words.PHONE.matches(header)
    if header is not None and not phone_header and _other_label(header):
        return None
    prefix = 4 if value.startswith("0047") else 2
    if value.startswith(("+47", "0047")) and len(digits) == _NATIONAL + prefix:
        return Verdict(SCORE_PREFIXED, {"cell": "+47"}, **span)
    if value.startswith(("+", "00")):
        foreign = digits[2:] if value.startswith("00") else digits
        ok = len(foreign) in _FOREIGN_DIGITS and not foreign.startswith("47")
        return Verdict(SCORE_FOREIGN, {"cell": "foreign"}, **span) if ok else None
    if len(digits) != _NATIONAL or not in_number_plan(digits):
        return None
    if phone_header or (_LAYOUT.fullmatch(value) and (not value.isdigit() or is_mobile(digits))):
        return Verdict(SCORE_LAYOUT, {"cell": "layout"}, **span)
    return None


def _other_label(header: str) -> bool:
    """A column header naming something other than a phone number."""
    return any(
        words.matches(header)
        for words in (
            context_words.LABELLED_OTHERWISE,
            context_words.FODSELSNUMMER,
            context_words.JOURNALNUMMER,
            context_words.KONTONUMMER,
            context_words.HPR,
            context_words.ORGNR,
        )
    )


def _quoted_wrap(text: str, match: re.Match[str]) -> Verdict | None:
    national = match.group(2).replace(" ", "") + match.group(3).replace(" ", "")
    if len(national) != _NATIONAL:
        return None
    if match.group(1):
        return Verdict(SCORE_PREFIXED, {"wrapped": "quoted reply"})
    if not in_number_plan(national):
        return None
    words = context.words_before(text, match.start(), _WRAP_WORDS)
    near = any(context_words.PHONE.matches(w) or w in _OR_BEFORE for w in words)
    return Verdict(SCORE_WITH_WORD, {"wrapped": "quoted reply"}) if near else None
