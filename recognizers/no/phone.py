"""PHONE_NUMBER: Norwegian phone numbers.

Eight digits; mobile numbers start with 4[015-8] or 9, fixed lines with 2, 3, 5, 6 or 7
(Nkom's numbering plan). With a ``+47`` / ``0047`` prefix, or in the grouped layouts
``XXX XX XXX`` and ``XX XX XX XX``, a number is reported on its own; a bare eight-digit run
(``91234567``, ``9123 4567``) only with a phone word near, because bare runs collide with
dates (``17052017``) and amounts.
"""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.base import NUMBER_END, NorwegianRecognizer, Verdict, number_pattern

SCORE_PREFIXED = 0.95
SCORE_GROUPED = 0.7
SCORE_WITH_CONTEXT = 0.9
SCORE_BARE_MOBILE = 0.6

_BODY = r"(?:\d{8}|\d{3}[ -]\d{2}[ -]\d{3}|\d{2}[ -]\d{2}[ -]\d{2}[ -]\d{2}|\d{4}[ -]\d{4})"
_END = NUMBER_END
_PREFIXED = re.compile(r"(?<![\w+])(?:\(\s?(?:\+|00)47\s?\)|(?:\+|00)47)[ -]?" + _BODY + _END)
_GROUPED = number_pattern(
    r"(?<![\w+/-])(?<!\d[.,:])(?:\d{3} \d{2} \d{3}|\d{2} \d{2} \d{2} \d{2})" + _END
)
_BARE = number_pattern(r"(?<![\w+/-])(?<!\d[.,:])(?:\d{8}|\d{4} \d{4})" + _END)


def is_mobile(national: str) -> bool:
    """Mobile numbers start with 4[015-8] or 9 (Nkom)."""
    return national[0] == "9" or (national[0] == "4" and national[1] in "015678")


def in_number_plan(national: str) -> bool:
    """True for an eight-digit mobile (4[015-8], 9) or fixed-line (2, 3, 5, 6, 7) number."""
    if len(national) != 8 or not national.isdigit():
        return False
    return national[0] in "23567" or is_mobile(national)


class PhoneRecognizer(NorwegianRecognizer):
    """Norwegian phone numbers; see module docstring for when layout alone suffices."""

    ENTITY = "PHONE_NUMBER"
    PATTERNS = (_PREFIXED, _GROUPED, _BARE)
    CONTEXT_WORDS = context_words.PHONE.entries()

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Number plan first; then prefix, grouped layout or context decide."""
        digits = re.sub(r"\D", "", match.group())
        if match.re is _PREFIXED:
            digits = digits[4:] if digits.startswith("0047") else digits[2:]
            return Verdict(SCORE_PREFIXED) if in_number_plan(digits) else None
        if not in_number_plan(digits):
            return None
        near = context.context_near(text, match.span(), context_words.PHONE, before=8, after=2)
        if match.re is _GROUPED:
            return Verdict(SCORE_WITH_CONTEXT if near else SCORE_GROUPED)
        if near:
            return Verdict(SCORE_WITH_CONTEXT)
        if is_mobile(digits) and not context.context_near(
            text, match.span(), context_words.ORDER_NUMBER, before=3, after=0
        ):
            return Verdict(SCORE_BARE_MOBILE)
        return None
