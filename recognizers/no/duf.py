"""NO_DUF: DUF-nummer, the immigration authorities' 12-digit case number (checksum)."""

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
from recognizers.no.checksums import valid_duf

SCORE = 0.7
SCORE_WITH_CONTEXT = 1.0

_DUF = number_pattern(NUMBER_START + r"\d{4}([ \-]?)\d{6}\1\d{2}" + NUMBER_END)


class DufRecognizer(NorwegianRecognizer):
    """``YYYYNNNNNNCC`` (also grouped ``YYYY NNNNNN CC``) with a valid control number."""

    ENTITY = "NO_DUF"
    PATTERNS = (_DUF,)
    CONTEXT_WORDS = context_words.DUF.entries()

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Checksum required; DUF / UDI words raise the score."""
        if not valid_duf(re.sub(r"\D", "", match.group())):
            return None
        near = context.context_near(text, match.span(), context_words.DUF)
        return Verdict(SCORE_WITH_CONTEXT if near else SCORE)
