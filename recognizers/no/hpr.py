"""NO_HPR: HPR-nummer (health personnel register), only with an HPR word near."""

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
from recognizers.no.checksums import valid_hpr

SCORE_CHECKSUM = 0.9
SCORE_CONTEXT_ONLY = 0.7
ADJACENT_BONUS = 0.05

_HPR = number_pattern(NUMBER_START + r"(?<!-)\d{7,9}" + NUMBER_END, runs=(7, 8, 9))


class HprRecognizer(NorwegianRecognizer):
    """7-9 digits after HPR / helsepersonellnummer; the unconfirmed checksum only adds score."""

    ENTITY = "NO_HPR"
    MIN_CHAIN_DIGITS = 7
    PATTERNS = (_HPR,)
    CONTEXT_WORDS = context_words.HPR.entries()
    REQUIRED_CONTEXT = context_words.HPR

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Context required (within four words before or two after); right before it wins
        over phone-number context for the same digits."""
        if not context.context_near(text, match.span(), context_words.HPR, before=4, after=2):
            return None
        checksum = valid_hpr(match.group())
        score = SCORE_CHECKSUM if checksum else SCORE_CONTEXT_ONLY
        if context_words.HPR.matches_any(context.words_before(text, match.start(), 2)):
            score = max(score, SCORE_CHECKSUM) + ADJACENT_BONUS
        return Verdict(score, {"checksum": "valid" if checksum else "unverified"})
