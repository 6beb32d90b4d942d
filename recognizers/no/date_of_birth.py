"""DATE_OF_BIRTH: a date right after født / fødd / f. / fødselsdato (or English "born").

Numeric with any of the usual separators (``12.03.1954``, ``12.3.54``, ``12/3-54``,
``12 03 1954``, ``1954-03-12``), run together (``120354``, ``12031954``: also what spoken
digits become) or with month names in bokmål, nynorsk or English (``3. mars 1954``,
``3 mar 54``, ``1. juni -93``, ``1. juni '93``, ``March 3, 1954``); a comma after it ends a
CSV field unless a decimal part follows (``1988-02-11,94915407``). A year alone right after
the birth word (``født 1942``, ``fødd i 1942``) is one too. The date of birth field of an
HL7 v2 PID segment (PID-7, ``YYYYMMDD`` and maybe a time) needs no birth word: the field says
what it is. Other dates — visits, admissions, lab results — are not personal identifiers on
their own and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recognizers.no import context, context_words
from recognizers.no.base import NorwegianRecognizer, Verdict

SCORE = 0.9

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "januar jan january",
            "februar feb february",
            "mars mar march",
            "april apr",
            "mai may",
            "juni jun june",
            "juli jul july",
            "august aug",
            "september sep sept",
            "oktober okt october oct",
            "november nov",
            "desember des december dec",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEP = r"(?:[ \t]?[./\-_][ \t]?|[ \t])"
_NUMERIC = rf"(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<y>\d{{4}}|\d{{2}})"
_ISO = r"(?P<iy>\d{4})[-./](?P<im>\d{1,2})[-./](?P<id>\d{1,2})"
_COMPACT = r"(?P<cd>\d{2})(?P<cm>\d{2})(?:\d{4}|\d{2})"
_TEXTUAL = rf"(?P<td>\d{{1,2}})\.?\s?(?P<tm>{_MONTH})\.?\s(?:\d{{4}}|['’‘-]?\d{{2}})"
_ENGLISH = rf"(?P<em>{_MONTH})\.?\s(?P<ed>\d{{1,2}})(?:st|nd|rd|th)?,?\s\d{{4}}"
_DATE = re.compile(
    rf"(?<![\w])(?<!\d[.])(?:{_NUMERIC}|{_ISO}|{_COMPACT}|{_TEXTUAL}|{_ENGLISH})"
    r"(?![\w]|\.\d|,\d{1,2}(?!\d))",
    re.IGNORECASE,
)

_BIRTH_YEAR = re.compile(
    r"(?<![\w.,/-])(?:18|19|20)\d{2}(?![\w]|[.,/-]\d)"
    rf"(?:,?[ \t](?:den[ \t])?(?:\d{{1,2}}\.\d{{1,2}}\.?|\d{{1,2}}\.?[ \t](?:{_MONTH}))"
    r"(?![\w]|\.?\d))?",
    re.IGNORECASE,
)
"""A year, maybe with the day and month after it; a date of birth when said right after the
birth word (``født 1942``, ``fødd i 1942 den 3. mai``): the birth year alone narrows a person
down, and is what a speaker often gives first."""
_BIRTH_YEAR_GAP = frozenset({"i", "in", "år", "året"})
"""Words between a birth word and the year (``født i 1942``, ``born in 1942``)."""

_HL7_BIRTH = re.compile(
    r"(?m)^[ \t]*PID\|(?:[^|\r\n]*\|){6}"
    r"(?P<birth>\d{4}(?P<hm>\d{2})(?P<hd>\d{2})(?:\d{2}){0,3})(?=[|^\r\n]|$)"
)
"""PID-7 of an HL7 v2 message: the patient's date (and time) of birth."""


def _day_month(match: re.Match[str]) -> tuple[int, int]:
    groups = match.groupdict()
    if groups["d"]:
        return int(groups["d"]), int(groups["m"])
    if groups["iy"]:
        return int(groups["id"]), int(groups["im"])
    if groups["cd"]:
        return int(groups["cd"]), int(groups["cm"])
    if groups["td"]:
        return int(groups["td"]), MONTHS[groups["tm"].lower()]
    return int(groups["ed"]), MONTHS[groups["em"].lower()]


class DateOfBirthRecognizer(NorwegianRecognizer):
    """Birth dates, recognised by the birth word right before them or in the question they
    answer (``lege: når er du født`` / ``pasient: 10.01.85``)."""

    ENTITY = "DATE_OF_BIRTH"
    PATTERNS = (_DATE, _BIRTH_YEAR, _HL7_BIRTH)
    CONTEXT_WORDS = context_words.DATE_OF_BIRTH.entries()

    def patterns_for(self, text: str) -> Sequence[re.Pattern[str]]:
        """Dates where a birth word may occur; the HL7 field where a PID segment does."""
        birth = context.could_occur(text, context_words.DATE_OF_BIRTH)
        dates = (_DATE, _BIRTH_YEAR) if birth else ()
        return (*dates, _HL7_BIRTH) if "PID|" in text else dates

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """A real calendar day and month, with a birth word at most three words before or in
        the question, or in the birth field of an HL7 PID segment."""
        if match.re is _HL7_BIRTH:
            real = 1 <= int(match["hd"]) <= 31 and 1 <= int(match["hm"]) <= 12
            return (
                Verdict(SCORE, start=match.start("birth"), end=match.end("birth")) if real else None
            )
        if match.re is _BIRTH_YEAR:
            return Verdict(SCORE) if _right_after_birth_word(text, match.start()) else None
        day, month = _day_month(match)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        before = context.words_before(text, match.start(), 3)
        asked = context.question_words(text, match.start())
        if not context_words.DATE_OF_BIRTH.matches_any(before + asked):
            return None
        return Verdict(SCORE)


def _right_after_birth_word(text: str, start: int) -> bool:
    """The word right before ``start`` is a birth word, maybe with ``i`` between."""
    before = context.words_before(text, start, 2)
    if before and before[-1] in _BIRTH_YEAR_GAP:
        before = before[:-1]
    return bool(before) and context_words.DATE_OF_BIRTH.matches(before[-1])
