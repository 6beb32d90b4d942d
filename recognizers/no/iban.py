"""IBAN_CODE: Norwegian IBANs (``NO93 8601 1117 947``), mod-97 and kontonummer checksums."""

from __future__ import annotations

import re

from recognizers.no.base import NorwegianRecognizer, Verdict
from recognizers.no.checksums import valid_norwegian_iban

SCORE = 1.0

_IBAN = re.compile(r"(?<![\w])NO\d{2}(?:\s?\d){11}(?![\w])", re.IGNORECASE)


class NorwegianIbanRecognizer(NorwegianRecognizer):
    """NO + two check digits + an eleven-digit account number, grouped or not."""

    ENTITY = "IBAN_CODE"
    PATTERNS = (_IBAN,)
    CONTEXT_WORDS = ("iban", "konto", "account")

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Both the IBAN and the embedded kontonummer checksums must hold."""
        return Verdict(SCORE) if valid_norwegian_iban(match.group()) else None
