"""A part of a fødselsnummer said again: read back to check it, or repeated in two goes.

``lege: tjuefire elleve nittini og så`` / ``pasient: to null to tre seks`` after
``24119920236``: the first six digits (the birth date, maybe written as one: ``24.11.99``)
or the last five (the personnummer) of a checksum-valid fødselsnummer in the same text
identify the patient as the whole number does.
"""

from __future__ import annotations

import re

from recognizers.no import context
from recognizers.no.base import (
    CHAIN_END,
    CHAIN_START,
    DIGIT_SEPARATOR,
    compact_digits,
    number_pattern,
)
from recognizers.no.checksums import validate_fnr

PART = number_pattern(CHAIN_START + rf"\d(?:{DIGIT_SEPARATOR}?\d){{4,9}}" + CHAIN_END)
"""Five to ten digits in any grouping: maybe part of a fødselsnummer said again."""
_WHOLE = re.compile(rf"(?<![\d+])\d(?:{DIGIT_SEPARATOR}?\d){{10}}(?![ \t.\-_/]?\d)")
_DATE_PART = 6
_PERSONNUMMER_PART = 5


def _numbers(text: str) -> frozenset[str]:
    """The checksum-valid fødselsnumre in ``text``, as digits."""
    found = (compact_digits(m.group()) for m in _WHOLE.finditer(text))
    return frozenset(digits for digits in found if validate_fnr(digits) is not None)


def said_again(text: str, match: re.Match[str]) -> bool:
    """``match`` holds the first six or the last five digits (or the first six to ten) of a
    valid fødselsnummer elsewhere in ``text``."""
    digits = compact_digits(match.group())
    for number in context.remembered(text, _numbers, _numbers):
        if len(digits) >= _DATE_PART and number.startswith(digits):
            return True
        if len(digits) == _PERSONNUMMER_PART and number.endswith(digits):
            return True
    return False
