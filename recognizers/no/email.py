"""EMAIL_ADDRESS: e-mail addresses (no network look-ups, unlike Presidio's own recognizer)."""

from __future__ import annotations

import re

from recognizers.no import context_words
from recognizers.no.base import NorwegianRecognizer, Verdict

SCORE = 1.0

_EMAIL = re.compile(
    r"(?<![\w.+\-])[\w.%+\-]+@(?:[A-Za-z0-9æøåÆØÅ](?:[A-Za-z0-9æøåÆØÅ\-]*[A-Za-z0-9æøåÆØÅ])?\.)+"
    r"[A-Za-z]{2,24}(?![\w\-])"
)


class EmailRecognizer(NorwegianRecognizer):
    """Addresses of the form local@domain.tld, including Norwegian letters."""

    ENTITY = "EMAIL_ADDRESS"
    PATTERNS = (_EMAIL,)
    NEEDS_DIGIT = False
    REQUIRED_CHAR = "@"
    CONTEXT_WORDS = context_words.EMAIL.entries()

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """The regex is strict enough; a leading or doubled dot in the local part is not."""
        local = match.group().split("@", 1)[0]
        if local.startswith(".") or ".." in local:
            return None
        return Verdict(SCORE)
