"""Phone-number shapes the rules of :mod:`recognizers.no.phone` leave out.

- a mobile number grouped five and three (``93412 588``), as phones' contact lists and some
  chat users write it: in the plan and laid out so, it is a phone number without a word;
- a grouped number right after a time of day (``kl 10:15 412 33 908``);
- a number in the plan offered as another way to reach the same person right after a phone
  number (``94 11 22 33 eller på jobb 2234 5678``, ``…, alternativt 2234 5678``);
- ``+47`` or ``0047`` and seven or nine digits: a number with Norway's country code and one
  digit too few or too many is still someone's (recall first), as dictation often gives it;
- ten digits right after an owned number label (``nytt nummer: 41 22 33 44 55``): a phone
  number with a digit too many;
- eight digits outside the plan some words after a word to call (``ring meg når du vet noe,
  44 55 66 77``): further than the plain phone-word window, but only for a direct word
  (``ring``, ``tlf``), not ``kontakt`` or ``nummer``.
"""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.base import (
    CHAIN_END,
    DIGIT_SEPARATOR,
    NUMBER_START,
    Verdict,
    number_pattern,
)
from recognizers.no.phone_plan import DIRECT, in_number_plan, is_mobile

__all__ = [
    "AFTER_CLOCK",
    "COUNTRY_CODE_MISTYPED",
    "called_further_before",
    "judge_after_clock",
    "judge_country_code_mistyped",
    "mobile_five_three",
    "offered_after_number",
    "owned_label_right_before",
]

SCORE_COUNTRY_CODE_MISTYPED = 0.8
SCORE_AFTER_CLOCK = 0.7
_FIVE_THREE = re.compile(r"\d{5}[ .]\d{3}")
COUNTRY_CODE_MISTYPED = re.compile(
    r"(?<![\w+])(?:\+|00)47"
    + rf"{DIGIT_SEPARATOR}?(?:\d(?:{DIGIT_SEPARATOR}?\d){{6}}|\d(?:{DIGIT_SEPARATOR}?\d){{8}})"
    + CHAIN_END
)
"""``+47`` or ``0047`` and seven or nine digits in any grouping (eight are ``phone``'s)."""
AFTER_CLOCK = number_pattern(
    NUMBER_START
    + r"(?<=\d[:.]\d\d[ \t])(?:\d{3}([ .])\d{2}\1\d{3}|\d{2}([ .])\d{2}\2\d{2}\2\d{2})"
    + CHAIN_END,
    runs=(2, 3),
)
"""A grouped number right after a time of day (``kl 10:15 412 33 908``): the time is no part
of it, though one space joins them into one chain of digit groups."""
_ALTERNATIVE = re.compile(
    r"(?<!\d)\d(?:[ .\-]?\d){7}[ \t]*,?[ \t]+(?:eller|alternativt|alternativ|evt\.?|ev\.?|or)"
    r"(?![\w])[^\d\n@]{0,24}\Z",
    re.IGNORECASE,
)
"""Eight digits, ``eller`` (or ``alternativt``, ``evt``) and a few words (``på jobb``)."""
_ALTERNATIVE_REACH = 64
_CALLED_BEFORE = 6
"""Words a direct word to call may stand before eight digits outside the plan."""


def mobile_five_three(value: str) -> bool:
    """A mobile number in the plan laid out five and three (``93412 588``)."""
    return _FIVE_THREE.fullmatch(value) is not None and is_mobile(value[:5] + value[6:])


def offered_after_number(text: str, start: int) -> bool:
    """The number at ``start`` follows another eight-digit number and ``eller`` (or
    ``alternativt``, ``evt``) with at most a few words between: a second way to reach the
    same person (``94 11 22 33 eller på jobb 2234 5678``)."""
    return _ALTERNATIVE.search(text, max(0, start - _ALTERNATIVE_REACH), start) is not None


def called_further_before(text: str, start: int) -> bool:
    """A direct word to call (``ring``, ``ringt``, ``tlf``) among the six words before
    ``start``, with no digits between it and the number."""
    words = context.words_before(text, start, _CALLED_BEFORE)
    for word in reversed(words):
        if any(map(str.isdigit, word)):
            return False
        if DIRECT.matches(word):
            return True
    return False


def owned_label_right_before(words: list[str]) -> bool:
    """The last two of ``words`` are an owner and a number label (``mitt nr``, ``nytt
    nummer``): what follows is that person's phone number, whatever its length."""
    if len(words) < 2:
        return False
    label = words[-1].rstrip(":")
    return label in context_words.PHONE_LABELS.exact and words[-2] in (
        context_words.PHONE_LABEL_OWNERS
    )


def judge_after_clock(text: str, match: re.Match[str]) -> Verdict | None:
    """An :data:`AFTER_CLOCK` match: a phone number when in the plan."""
    national = match.group().replace(" ", "").replace(".", "")
    if not in_number_plan(national):
        return None
    return Verdict(SCORE_AFTER_CLOCK, {"layout": "after a time of day"})


def judge_country_code_mistyped(text: str, match: re.Match[str]) -> Verdict | None:
    """A :data:`COUNTRY_CODE_MISTYPED` match: a phone number, one digit off."""
    return Verdict(SCORE_COUNTRY_CODE_MISTYPED, {"mistyped": "after country code"})
