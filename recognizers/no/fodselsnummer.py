"""NO_FODSELSNUMMER: fødselsnummer, D-, H-, FH-nummer, synthetic test numbers, 2032 rule.

Layouts ``DDMMYYNNNNN``, ``DDMMYY NNNNN`` and ``DDMMYY-NNNNN``. A checksum-valid number is
reported on its own (the variant goes into the result's metadata); a checksum-invalid one only
when a fødselsnummer context word is near, at a lower score, because real records contain
typos. A bare number next to kontonummer words (and no fødselsnummer words) is left to the
kontonummer recognizer: every valid fødselsnummer also passes the kontonummer checksum.
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
from recognizers.no.checksums import validate_fnr

SCORE_VALID = 0.95
SCORE_VALID_2032_ONLY = 0.85
SCORE_WITH_CONTEXT = 1.0
SCORE_INVALID_WITH_CONTEXT = 0.5


class FodselsnummerRecognizer(NorwegianRecognizer):
    """Norwegian national identity numbers and their relatives (DESIGN.md §5)."""

    ENTITY = "NO_FODSELSNUMMER"
    PATTERNS = (number_pattern(NUMBER_START + r"(\d{6})([ \-]?)(\d{5})" + NUMBER_END),)
    CONTEXT_WORDS = context_words.FODSELSNUMMER.entries()

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Checksum and date first; context decides typos and kontonummer look-alikes."""
        digits = match.group(1) + match.group(3)
        near_fnr = context.context_near(text, match.span(), context_words.FODSELSNUMMER)
        verdict = validate_fnr(digits)
        if verdict is None:
            if near_fnr and len(set(digits)) > 1:
                return Verdict(SCORE_INVALID_WITH_CONTEXT, {"checksum": "invalid"})
            return None
        if not near_fnr and not match.group(2):
            near_konto = context.context_near(text, match.span(), context_words.KONTONUMMER)
            if near_konto:
                return None
        if near_fnr:
            score = SCORE_WITH_CONTEXT
        elif "2032" in verdict.features:
            score = SCORE_VALID_2032_ONLY
        else:
            score = SCORE_VALID
        return Verdict(score, {"variant": verdict.variant, "checksum": "valid"})
