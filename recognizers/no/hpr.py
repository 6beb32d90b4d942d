"""NO_HPR: HPR-nummer (health personnel register), only with an HPR word near."""

from __future__ import annotations

import re

from recognizers.no import context
from recognizers.no.base import NorwegianRecognizer, Verdict
from recognizers.no.checksums import valid_hpr

SCORE_CHECKSUM = 0.9
SCORE_CONTEXT_ONLY = 0.7

_HPR = re.compile(r"(?<![\d.,/+\-])\d{7,9}(?![\d]|[.,]\d)")


class HprRecognizer(NorwegianRecognizer):
    """7-9 digits after HPR / helsepersonellnummer; the unconfirmed checksum only adds score."""

    ENTITY = "NO_HPR"
    PATTERNS = (_HPR,)
    CONTEXT_WORDS = context.HPR.entries()

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Context required (within four words before or two after)."""
        if not context.context_near(text, match.span(), context.HPR, before=4, after=2):
            return None
        checksum = valid_hpr(match.group())
        score = SCORE_CHECKSUM if checksum else SCORE_CONTEXT_ONLY
        return Verdict(score, {"checksum": "valid" if checksum else "unverified"})
