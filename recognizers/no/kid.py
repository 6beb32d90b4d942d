"""NO_KID: payment reference (KID), only right after the word KID."""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.base import (
    NUMBER_START,
    NorwegianRecognizer,
    Verdict,
    number_pattern,
)
from recognizers.no.checksums import valid_kid

SCORE = 0.85
SCORE_RIGHT_AFTER_KID = 1.0

_KID = number_pattern(
    NUMBER_START + r"(?<!-)\d{2,25}(?:\s\d{1,25})*(?!\d)(?!\.\d{1,2}(?!\d))", runs=range(2, 26)
)
_DECIMALS = re.compile(r",\d{1,2}(?!\d)")
"""``,5`` after a number is its decimal part — except in a comma-separated table row, where
the comma ends the field (``42009558947,0911020865,1 250,00``)."""


class KidRecognizer(NorwegianRecognizer):
    """2-25 digits with a MOD10 or MOD11 control digit, at most three words after "KID"."""

    ENTITY = "NO_KID"
    MIN_CHAIN_DIGITS = 2
    PATTERNS = (_KID,)
    CONTEXT_WORDS = context_words.KID.entries()
    REQUIRED_CONTEXT = context_words.KID

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Context first (it is rare); then the whole grouped run, else its first group."""
        before = context.words_before(text, match.start(), 3)
        if not context_words.KID.matches_any(before):
            return None
        if _DECIMALS.match(text, match.end()) and not context.column_header(text, match.start()):
            return None
        score = SCORE_RIGHT_AFTER_KID if context_words.KID.matches_any(before[-1:]) else SCORE
        whole = re.sub(r"\s", "", match.group())
        if valid_kid(whole):
            return Verdict(score)
        first = match.group().split()[0]
        if first != match.group() and valid_kid(first):
            return Verdict(score, end=match.start() + len(first))
        return None
