"""NO_JOURNALNUMMER: local journal and patient numbers, only after journalnr / pasientnr / PID.

Formats are local to each hospital; site-specific layouts without a context word belong in a
custom YAML recognizer (see ``config/recognizers/``).
"""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.base import NorwegianRecognizer, Verdict

SCORE = 0.85

_JOURNAL = re.compile(
    r"(?<![\w\-/])(?=(?:[A-Za-z\-/]*[0-9]){3})[A-Za-z0-9][A-Za-z0-9\-/]{3,19}(?![\w\-/])"
)
"""A whole run of letters, digits, dashes and slashes with at least three digits in it (the
look-ahead: it stops at the first character outside the run, where every match ends). Most
words of a text are such runs without digits; they no longer reach :meth:`judge`."""


class JournalnummerRecognizer(NorwegianRecognizer):
    """Four to twenty letters, digits, dashes or slashes with at least three digits."""

    ENTITY = "NO_JOURNALNUMMER"
    PATTERNS = (_JOURNAL,)
    CONTEXT_WORDS = context_words.JOURNALNUMMER.entries()
    REQUIRED_CONTEXT = context_words.JOURNALNUMMER

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """A journal or patient-number word at most three words before."""
        if sum(c.isdigit() for c in match.group()) < 3:
            return None
        before = context.words_before(text, match.start(), 3)
        return Verdict(SCORE) if context_words.JOURNALNUMMER.matches_any(before) else None
