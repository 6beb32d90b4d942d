"""NO_KONTONUMMER: Norwegian bank account numbers.

The ``4.2.5`` layout (``1234.56.78903``, ``1234 56 78903``) is reported on its checksum alone.
A bare 11-digit run is only a kontonummer next to account words: without them it is either a
fødselsnummer (that recognizer decides) or an unrelated number.
"""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.base import (
    NUMBER_END,
    NUMBER_START,
    NorwegianRecognizer,
    Verdict,
    number_pattern,
)
from recognizers.no.checksums import valid_kontonummer

SCORE_LAYOUT = 0.9
SCORE_WITH_CONTEXT = 1.0
SCORE_INVALID_WITH_CONTEXT = 0.5

_GROUPED = number_pattern(NUMBER_START + r"\d{4}([. ])\d{2}\1\d{5}" + NUMBER_END)
_BARE = number_pattern(NUMBER_START + r"\d{11}" + NUMBER_END)


class KontonummerRecognizer(NorwegianRecognizer):
    """Bank account numbers, told apart from fødselsnummer by layout and context."""

    ENTITY = "NO_KONTONUMMER"
    PATTERNS = (_GROUPED, _BARE)
    CONTEXT_WORDS = context_words.KONTONUMMER.entries()

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Grouped layout: checksum suffices. Bare digits: account words must be near."""
        digits = re.sub(r"\D", "", match.group())
        near = context.context_near(text, match.span(), context_words.KONTONUMMER)
        valid = valid_kontonummer(digits)
        if match.re is _BARE:
            right_before = context.words_before(text, match.start(), 1)
            if (
                not near
                or context.context_near(text, match.span(), context_words.FODSELSNUMMER)
                or context_words.KID.matches_any(right_before)
            ):
                return None
            return Verdict(SCORE_WITH_CONTEXT) if valid else None
        if valid:
            return Verdict(SCORE_WITH_CONTEXT if near else SCORE_LAYOUT)
        return Verdict(SCORE_INVALID_WITH_CONTEXT, {"checksum": "invalid"}) if near else None
