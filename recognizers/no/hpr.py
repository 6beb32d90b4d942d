"""NO_HPR: HPR-nummer (health personnel register), only with an HPR word near."""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.base import (
    CHAIN_END,
    CHAIN_START,
    NUMBER_END,
    NUMBER_START,
    NorwegianRecognizer,
    Verdict,
    compact_digits,
    grouped_digits,
    number_pattern,
)
from recognizers.no.checksums import valid_hpr

SCORE_CHECKSUM = 0.9
SCORE_CONTEXT_ONLY = 0.7
ADJACENT_BONUS = 0.05

_HPR = number_pattern(NUMBER_START + r"(?<!-)\d{7,9}" + NUMBER_END, runs=(7, 8, 9))
_GROUPED = tuple(
    number_pattern(CHAIN_START + rf"(?<!-){grouped_digits(count)}" + CHAIN_END, chain=count)
    for count in (7, 8, 9)
)
"""Seven to nine digits in groups (``HPR 1173 9024``, ``HPR-nr. 1083 6622``): only with the
HPR word right before, since grouped digits are phone numbers' and dates' layout too."""
_RIGHT_BEFORE = 2
_DATE_LIKE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2}")
"""Digit groups written as a date (``11.03.2024``): a date, even right after an HPR number's
label (``HPR 1234567, 11.03.2024`` reads the number from the next field)."""


class HprRecognizer(NorwegianRecognizer):
    """7-9 digits after HPR / helsepersonellnummer; the unconfirmed checksum only adds score."""

    ENTITY = "NO_HPR"
    MIN_CHAIN_DIGITS = 7
    PATTERNS = (_HPR, *_GROUPED)
    CONTEXT_WORDS = context_words.HPR.entries()
    REQUIRED_CONTEXT = context_words.HPR

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Context required (within four words before or two after; right before for digits
        in groups); right before it wins over phone-number context for the same digits."""
        if match.re is not _HPR:
            if _DATE_LIKE.fullmatch(match.group()):
                return None
            before = context.words_before(text, match.start(), _RIGHT_BEFORE)
            if not context_words.HPR.matches_any(before):
                return None
        elif not context.context_near(text, match.span(), context_words.HPR, before=4, after=2):
            return None
        checksum = valid_hpr(compact_digits(match.group()))
        score = SCORE_CHECKSUM if checksum else SCORE_CONTEXT_ONLY
        if context_words.HPR.matches_any(context.words_before(text, match.start(), 2)):
            score = max(score, SCORE_CHECKSUM) + ADJACENT_BONUS
        return Verdict(score, {"checksum": "valid" if checksum else "unverified"})
