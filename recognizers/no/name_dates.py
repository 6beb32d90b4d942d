"""A date written right after a person's name is that person's date of birth.

Admin lists, waiting lists and exports put the birth date next to the name without a birth
word: ``Kari Hansen (12.03.1954)``, ``Hansen, Kari, 12.03.1954``, ``KARI HANSEN 120354``.
A visit or admission date follows a verb or a preposition, not the name itself, so a full
date (day, month and year) separated from a found name only by spaces, a comma, a colon, a
semicolon, a bar or an opening parenthesis is taken as a date of birth. Recall first: if it
was an appointment date after all, it comes back in the answer. In a table the column header
says what a date is: under ``Dato``, ``Time`` or ``Henvist`` it is no date of birth (under
``Født`` the date-of-birth recognizer has it already).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recognizers.no import context, context_words

_GAP = r"[ \t]*(?:[,;:|(\[][ \t]*|-[ \t]+)?(?:f\.|født|fødd|f)?[ \t]*"
_DATE = re.compile(
    _GAP + r"(?P<date>"
    r"(?P<d>\d{1,2})[./\- ](?P<m>\d{1,2})[./\- ](?:\d{4}|\d{2})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"|(?P<cd>\d{2})(?P<cm>\d{2})(?:\d{4}|\d{2})"
    r")(?![\d.,]\d|\d)(?![ \t]*-?[ \t]*\d{5}(?!\d))",  # DDMMYY NNNNN: a fødselsnummer
    re.IGNORECASE,
)


def _plausible(match: re.Match[str]) -> bool:
    day = match.group("d") or match.group("id") or match.group("cd")
    month = match.group("m") or match.group("im") or match.group("cm")
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def dates_after_names(text: str, person_spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of full dates that follow one of ``person_spans`` directly (see module)."""
    found = []
    for end in sorted({end for _, end in person_spans}):
        match = _DATE.match(text, end)
        if match is not None and _plausible(match) and _birth_column(text, match.start("date")):
            found.append(match.span("date"))
    return found


def _birth_column(text: str, start: int) -> bool:
    """Not in a table column whose header names something else than the date of birth."""
    header = context.column_header(text, start)
    return header is None or context_words.DATE_OF_BIRTH.matches(header)
