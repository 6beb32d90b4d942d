"""NO_LICENSE_PLATE: Norwegian vehicle registration (``EL 12345``, ``AB12345``, ``DN 1234``).

Capital letters only; never after lot, batch or order words, where the same layout is a
product code.
"""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.base import NorwegianRecognizer, Verdict

SCORE = 0.6
SCORE_WITH_CONTEXT = 0.95

_PLATE = re.compile(r"(?<![\w\-./])([A-Z]{2})[ \-]?\d{4,5}(?![\w\-]|[.,]\d)")
_NOT_PLATES = frozenset({"ID", "NO", "NR", "OK", "KL", "CA", "PK", "TT", "TM", "MG", "ML", "KG"})


class LicensePlateRecognizer(NorwegianRecognizer):
    """Two capital letters and four or five digits."""

    ENTITY = "NO_LICENSE_PLATE"
    PATTERNS = (_PLATE,)
    CONTEXT_WORDS = context_words.LICENSE_PLATE.entries()

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Layout suffices unless a lot/order word is near; vehicle words raise the score."""
        if match.group(1) in _NOT_PLATES:
            return None
        if context.context_near(text, match.span(), context_words.LOT_OR_ORDER, before=3, after=0):
            return None
        near = context.context_near(text, match.span(), context_words.LICENSE_PLATE)
        return Verdict(SCORE_WITH_CONTEXT if near else SCORE)
