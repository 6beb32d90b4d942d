"""DATE_OF_BIRTH: a date right after født / fødd / f. / fødselsdato (or English "born").

Numeric (``12.03.1954``, ``12.3.54``, ``12/3-54``, ``1954-03-12``) or with month names in
bokmål, nynorsk or English (``3. mars 1954``, ``March 3, 1954``). Other dates — visits,
admissions, lab results — are not personal identifiers on their own and are left alone.
"""

from __future__ import annotations

import re

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
_NUMERIC = r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./\-](?P<y>\d{4}|\d{2})"
_ISO = r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
_TEXTUAL = rf"(?P<td>\d{{1,2}})\.?\s(?P<tm>{_MONTH})\.?\s(?P<ty>\d{{4}})"
_ENGLISH = rf"(?P<em>{_MONTH})\.?\s(?P<ed>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<ey>\d{{4}})"
_DATE = re.compile(
    rf"(?<![\w])(?<!\d[.])(?:{_NUMERIC}|{_ISO}|{_TEXTUAL}|{_ENGLISH})(?![\w]|[.,]\d)", re.IGNORECASE
)


def _day_month(match: re.Match[str]) -> tuple[int, int]:
    groups = match.groupdict()
    if groups["d"]:
        return int(groups["d"]), int(groups["m"])
    if groups["iy"]:
        return int(groups["id"]), int(groups["im"])
    if groups["td"]:
        return int(groups["td"]), MONTHS[groups["tm"].lower()]
    return int(groups["ed"]), MONTHS[groups["em"].lower()]


class DateOfBirthRecognizer(NorwegianRecognizer):
    """Birth dates, recognised by the birth word right before them."""

    ENTITY = "DATE_OF_BIRTH"
    PATTERNS = (_DATE,)
    CONTEXT_WORDS = context_words.DATE_OF_BIRTH.entries()
    REQUIRED_CONTEXT = context_words.DATE_OF_BIRTH

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """A real calendar day and month, with a birth word at most three words before."""
        day, month = _day_month(match)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        before = context.words_before(text, match.start(), 3)
        if not context_words.DATE_OF_BIRTH.matches_any(before):
            return None
        return Verdict(SCORE)
