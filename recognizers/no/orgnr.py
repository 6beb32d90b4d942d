"""NO_ORGNR: organisasjonsnummer, bare, grouped, or as ``NO 999 999 999 MVA``.

An enkeltpersonforetak's number identifies its owner, so organisation numbers are found
like personal ones; whether they are scrubbed is policy.
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
from recognizers.no.checksums import valid_orgnr

SCORE = 0.6
SCORE_WITH_CONTEXT = 0.95
SCORE_MVA = 1.0

_MVA = re.compile(r"(?<![\w])NO\s?\d{3}[ \t]?\d{3}[ \t]?\d{3}(?:\s?MVA)?(?![\w])")
_PLAIN = number_pattern(NUMBER_START + r"(?<!-)\d{3}([ .]?)\d{3}\1\d{3}" + NUMBER_END, runs=(3, 9))


class OrgnrRecognizer(NorwegianRecognizer):
    """Nine digits starting with 8 or 9 and a valid modulus-11 control digit."""

    ENTITY = "NO_ORGNR"
    MIN_CHAIN_DIGITS = 9
    PATTERNS = (_MVA, _PLAIN)
    CONTEXT_WORDS = context_words.ORGNR.entries()

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Checksum required; the MVA layout and organisation words raise the score."""
        if not valid_orgnr(re.sub(r"\D", "", match.group())):
            return None
        if match.re is _MVA:
            return Verdict(SCORE_MVA if match.group().endswith("MVA") else SCORE_WITH_CONTEXT)
        near = context.context_near(text, match.span(), context_words.ORGNR)
        return Verdict(SCORE_WITH_CONTEXT if near else SCORE)
