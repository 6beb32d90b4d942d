"""Phone numbers typed with odd spacing, and digit chains that only look like one.

- a mobile number typed in odd groups (``9 8 4 . 0 2 . 7 7 1``, ``4 5 0 - 8 8 - 1 2 3``,
  ``95 1 44 0 27``): eight digits in three groups or more, a space, a dot or a dash (spaced
  or not) between. A chat user signs off with it (``jeg er Per 95 1 44 0 27``) without a
  phone word; a mobile number in the plan is one then, as a bare ``91234567`` is. Other
  numbers in the plan need a phone word, or an e-mail address right after them (contact
  details). A counting run (``4 5 6 7 8 9 10``), a date, a time of day or a decimal in it,
  a unit after it (``4 5 0 1 2 3 4 5 mg``), or, without a word, eight single digits apart by
  spaces alone (item scores: ``MADRS 9 8 4 2 0 1 7 7``) make it none;
- a date and the hour of a time stamp (``[21.11.24 08:16]``): no phone number, though one
  space joins them into a chain of eight digits;
- digits labelled as another thing's number (``Bestilling nr. 40028811``, ``Sak nr
  91234567``): no phone number without a phone word, unlike ``mitt nr``;
- a compound of ``telefon`` right before (``har fasttelefon 55 12 34 56``) is a phone word;
- a number with a trunk ``0``, an area code and a dash, as Swedes and others write numbers at
  home (``070-318 44 27``), after a phone word or ``eller``: someone's number abroad.
"""

from __future__ import annotations

import itertools
import re

from recognizers.no import context, context_words
from recognizers.no.base import NUMBER_START, Verdict, compact_digits, number_pattern
from recognizers.no.phone_plan import in_number_plan, is_mobile

__all__ = [
    "ODD",
    "TRUNK_AREA",
    "compound_phone_word_before",
    "date_and_hour",
    "judge_odd",
    "judge_trunk_area",
    "labelled_as_other_thing",
]

SCORE_ODD = 0.6
SCORE_ODD_WITH_WORD = 0.9
_SEP = r"(?:[ \t]?[.\-][ \t]?|[ \t])"
ODD = number_pattern(
    NUMBER_START
    + r"(?<!\d[ \t])(?<!\d[ \t][.\-][ \t])(?<!\d[.\-][ \t])(?<!\d[ \t][.\-])"
    + rf"\d(?:{_SEP}?\d){{7}}(?!{_SEP}?\d)(?![\w,]\d)",
    runs=range(1, 9),
)
"""Eight digits in any grouping, a spaced dot or dash allowed between groups; a whole chain."""
_GROUP = re.compile(r"\d+")
_EMAIL_AFTER = re.compile(r"[ \t,;/]*(?:e-?post:?[ \t]*|e-?mail:?[ \t]*)?[\w.+-]+[ \t]?@", re.I)
"""An e-mail address right after the number: the two are one person's contact details."""
TRUNK_AREA = number_pattern(
    NUMBER_START + r"(?<![\w\-.])0[1-9]\d{0,2}-\d{2,4}(?:[ ]\d{2,3}){1,3}(?![\w\-]|\.\d|[ ]?\d)",
    runs=(2, 3, 4),
)
"""A trunk ``0`` and area code, a dash, and the subscriber number in groups (``070-318 44
27``, ``08-123 456 78``)."""
_TRUNK_DIGITS = range(9, 12)
_OR_WORDS = frozenset({"eller", "or", "alternativt", "evt"})
_COMPOUND_PHONE = ("telefon", "telefonen", "telefonnummer", "telefonnummeret", "telefonnr")
SCORE_TRUNK_AREA = 0.6
_MIN_GROUPS = 3
_USUAL_SHAPES = frozenset({(3, 2, 3), (2, 2, 2, 2)})
"""The usual layouts, which :mod:`recognizers.no.phone` reads by its own rules."""
_DATE_OR_TIME = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2}|(?<![\d ])\d{1,2}[.:]\d{2}(?![\d ])")
_DECIMAL = re.compile(r"\d\.\d")
"""An unspaced dot between digits: a decimal or a dotted layout, which other rules read."""
_SPACES_ONLY = re.compile(r"\d(?: \d)*")
_UNIT_AFTER = re.compile(
    r"[ \t]*(?:mg|mcg|µg|g|kg|ml|l|dl|mmol|kr|nok|stk|x|%|ganger|timer|dager|døgn|år)(?!\w)",
    re.IGNORECASE,
)
_LABEL_BEFORE = re.compile(
    r"(?<![\w.])([^\W\d_][\w-]*)[ \t]+(?:nr|no|nummer|number|#)\.?[ \t]*:?[ \t]*\Z", re.I
)
"""A word and a number label ending right before a number; a speaker's ``Per:`` is no word."""
_LABEL_REACH = 40
_STAMP_HOUR = re.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})[ T]\d{1,2}")
_CLOCK_AFTER = re.compile(r":[0-5]\d(?!\d)")


def _counting(groups: list[str]) -> bool:
    """``4 5 6 7 8 9 10``: each group one more (or one less) than the one before."""
    steps = {int(b) - int(a) for a, b in itertools.pairwise(groups)}
    return steps in ({1}, {-1})


def judge_odd(text: str, match: re.Match[str]) -> Verdict | None:
    """An :data:`ODD` match in three groups or more: a phone number when a mobile number, or
    a number in the plan with a phone word near; see the module docstring for what is none."""
    groups = _GROUP.findall(match.group())
    national = compact_digits(match.group())
    if _ruled_out(text, match, groups, national):
        return None
    if context.context_near(text, match.span(), context_words.PHONE, before=8, after=2):
        return Verdict(SCORE_ODD_WITH_WORD, {"layout": "odd groups"})
    if all(len(group) == 1 for group in groups) and _SPACES_ONLY.fullmatch(match.group()):
        return None  # ``9 8 4 2 0 1 7 7``: item scores as often as a number, without a word
    if is_mobile(national) or _EMAIL_AFTER.match(text, match.end()):
        return Verdict(SCORE_ODD, {"layout": "odd groups"})
    return None


def _ruled_out(text: str, match: re.Match[str], groups: list[str], national: str) -> bool:
    """Too few groups or a usual layout, outside the plan, a counting run, a date, time or
    decimal in it, a unit after it, or another label before it."""
    value = match.group()
    if len(groups) < _MIN_GROUPS or tuple(map(len, groups)) in _USUAL_SHAPES:
        return True
    if not in_number_plan(national) or _counting(groups):
        return True
    if _DATE_OR_TIME.search(value) or _DECIMAL.search(value):
        return True
    return (
        _UNIT_AFTER.match(text, match.end()) is not None
        or context.labelled_otherwise(
            text, match.start(), context_words.PHONE, context_words.LABELLED_OTHERWISE
        )
        or labelled_as_other_thing(text, match.start())
    )


def judge_trunk_area(text: str, match: re.Match[str]) -> Verdict | None:
    """A :data:`TRUNK_AREA` match of nine to eleven digits after a phone word or ``eller``."""
    if len(compact_digits(match.group())) not in _TRUNK_DIGITS:
        return None
    words = context.words_before(text, match.start(), 1)
    if (words and words[-1] in _OR_WORDS) or context.context_near(
        text, match.span(), context_words.PHONE, before=8, after=1
    ):
        return Verdict(SCORE_TRUNK_AREA, {"layout": "trunk and area code"})
    return None


def compound_phone_word_before(text: str, start: int) -> bool:
    """A compound of ``telefon`` among the three words before ``start`` (``fasttelefon``,
    ``arbeidstelefonen``)."""
    if "telefon" not in context.lowered(text):
        return False
    return any(w.endswith(_COMPOUND_PHONE) for w in context.words_before(text, start, 3))


def date_and_hour(text: str, match: re.Match[str]) -> bool:
    """The match is a date and the hour of a time stamp (``21.11.24 08`` of ``21.11.24
    08:16``)."""
    return (
        _STAMP_HOUR.fullmatch(match.group()) is not None
        and _CLOCK_AFTER.match(text, match.end()) is not None
    )


def labelled_as_other_thing(text: str, start: int) -> bool:
    """A number label right before ``start`` after a word that is neither a phone word nor an
    owner nor a speaker's name (``Bestilling nr.``, ``Sak nr``, not ``Per: nr``): the number
    of that thing, not a phone number."""
    label = _LABEL_BEFORE.search(text, max(0, start - _LABEL_REACH), start)
    if label is None:
        return False
    owner = label.group(1).lower()
    return not (
        owner in context_words.PHONE_LABEL_OWNERS
        or context_words.PHONE.matches(owner)
        or any(map(str.isdigit, owner))
    )
