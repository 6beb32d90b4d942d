"""NO_KID: payment reference (KID), only right after the word KID."""

from __future__ import annotations

import re

from recognizers.no import context
from recognizers.no.base import NorwegianRecognizer, Verdict
from recognizers.no.checksums import valid_kid

SCORE = 0.85

_KID = re.compile(r"(?<![\d.,/+\-])\d{2,25}(?:\s\d{1,25})*(?![\d]|[.,]\d)")


class KidRecognizer(NorwegianRecognizer):
    """2-25 digits with a MOD10 or MOD11 control digit, at most three words after "KID"."""

    ENTITY = "NO_KID"
    PATTERNS = (_KID,)
    CONTEXT_WORDS = context.KID.entries()

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Context first (it is rare); then the whole grouped run, else its first group."""
        before = context.words_before(text, match.start(), 3)
        if not any(context.KID.matches(w) for w in before):
            return None
        whole = re.sub(r"\s", "", match.group())
        if valid_kid(whole):
            return Verdict(SCORE)
        first = match.group().split()[0]
        if first != match.group() and valid_kid(first):
            return Verdict(SCORE, end=match.start() + len(first))
        return None
