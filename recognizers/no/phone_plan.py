"""Norway's numbering plan for phone numbers (Nkom), and the words that say a number is one
to call; shared by :mod:`recognizers.no.phone` and :mod:`recognizers.no.phone_turns`."""

from __future__ import annotations

from recognizers.no import context_words

DIRECT = context_words.ContextWords.of(
    *"""tlf telefon mob mobil ring sms tel$ phone nås$ nåast$ treffes treffast whatsapp
    call$ called$ reach$ text$ cell$""".split()
)
"""Phone words that say the next number is one to call (not ``kontakt``, ``nummer``): only
they make a mistyped number a phone number."""


def is_mobile(national: str) -> bool:
    """Mobile numbers start with 4[015-8] or 9 (Nkom)."""
    return national[0] == "9" or (national[0] == "4" and national[1] in "015678")


def in_number_plan(national: str) -> bool:
    """True for an eight-digit mobile (4[015-8], 9) or fixed-line (2, 3, 5, 6, 7) number."""
    if len(national) != 8 or not national.isdigit():
        return False
    return national[0] in "23567" or is_mobile(national)
