"""NO_PASSPORT: passport numbers (up to nine letters and digits), only after a passport word."""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.base import NorwegianRecognizer, Verdict

SCORE = 0.85

_PASSPORT = re.compile(r"(?<![\w\-])[A-Z0-9]{6,9}(?![\w\-])")


class PassportRecognizer(NorwegianRecognizer):
    """Six to nine capitals and digits, at least three digits, within three words after "pass"."""

    ENTITY = "NO_PASSPORT"
    PATTERNS = (_PASSPORT,)
    CONTEXT_WORDS = context_words.PASSPORT.entries()
    REQUIRED_CONTEXT = context_words.PASSPORT

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Context before the number is required."""
        if sum(map(str.isdigit, match.group())) < 3:
            return None
        before = context.words_before(text, match.start(), 3)
        return Verdict(SCORE) if context_words.PASSPORT.matches_any(before) else None
