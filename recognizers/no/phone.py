"""PHONE_NUMBER: Norwegian phone numbers.

Eight digits; mobile numbers start with 4[015-8] or 9, fixed lines with 2, 3, 5, 6 or 7
(Nkom's numbering plan). Recall first: eight digits in any grouping (``912.34.567``,
``4 8 3 8 3 0 0 3``) after a ``+47`` / ``0047`` / ``47`` prefix or right after a phone word
(``tlf``, ``mobil``, ``nås på``, a ``Tlf`` column header) are a phone number even outside the
numbering plan, because people mistype and the plan changes. Without a word, only the
layouts ``XXX XX XXX`` and ``XX XX XX XX`` (spaces, dots or dashes) and bare mobile numbers
in the plan count, because bare runs collide with dates (``17052017``) and amounts. A number
labelled as something else (``Ordrenr``, ``Lot``), written as a date (``17.05.2017``) or a
business's freephone number (``800 12 345``) is not one.

Other countries' numbers count too: nine to fifteen digits after ``+`` and a country code,
or after ``00`` with a phone word near (``Tel. 0048 512 774 093``). Seven or nine digits
right after a phone word are a mistyped phone number (``ring meg 47 56 21 93 0``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from recognizers.no import context, context_words
from recognizers.no.base import (
    CHAIN_END,
    CHAIN_START,
    DIGIT_SEPARATOR,
    NUMBER_END,
    NorwegianRecognizer,
    Verdict,
    compact_digits,
    grouped_digits,
    number_pattern,
)

SCORE_PREFIXED = 0.95
SCORE_GROUPED = 0.7
SCORE_WITH_CONTEXT = 0.9
SCORE_OUTSIDE_PLAN_WITH_CONTEXT = 0.8
SCORE_BARE_MOBILE = 0.6

_EIGHT = rf"(?:\d{{8}}|{grouped_digits(8)})"
_PREFIXED = re.compile(
    r"(?<![\w+])(?:\(\s?(?:\+|00)47\s?\)|(?:\+|00)47)" + rf"{DIGIT_SEPARATOR}?{_EIGHT}{CHAIN_END}"
)
_COUNTRY = number_pattern(CHAIN_START + r"47(?:[ \t]" + _EIGHT + r"|\d{8})" + CHAIN_END, chain=10)
"""``47 91234567``; run together (``4791234567``, as in ``sms?to=4791234567``) only next to a
phone word."""
_LAYOUT = number_pattern(
    r"(?<![\w+/-])"
    + CHAIN_START
    + r"(?:\d{3}([ .\-])\d{2}\1\d{3}|\d{2}([ .\-])\d{2}\2\d{2}\2\d{2})"
    + CHAIN_END,
    chain=8,
)
_BARE = number_pattern(
    r"(?<![\w+])(?<!(?<!\d{8})[/-])(?<!\d[.:])(?:\d{8}|\d{4} \d{4})" + NUMBER_END, runs=(4, 8)
)
"""Eight digits, or four and four; after a slash or dash only when eight digits come before
it (``91234567/98765432`` is two numbers, ``2023/12345678`` a case number)."""
_ANY = number_pattern(CHAIN_START + grouped_digits(8) + CHAIN_END, chain=8)
_GROUPS = rf"(?:{DIGIT_SEPARATOR}?\d){{8,14}}{CHAIN_END}"
_FOREIGN_PLUS = re.compile(r"\+(?<![\w+]\+)(?!47)[1-9]" + _GROUPS)
_FOREIGN_ZEROS = number_pattern(r"(?<![\w+])00(?!47)[1-9]" + _GROUPS)
"""A number with another country's code (``+48 502 884 137``, ``0048 512 774 093``):
recall first, a patient abroad or a relative's foreign number is still someone's number."""
_FOREIGN_DIGITS = range(9, 16)
"""Digits of an international number, country code included (E.164 allows 15)."""
_MISTYPED = tuple(
    number_pattern(
        CHAIN_START + rf"\d(?:{DIGIT_SEPARATOR}?\d){{{count - 1}}}" + CHAIN_END, chain=count
    )
    for count in (7, 9)
)
"""Seven or nine digits in any grouping: a phone number with a digit missing or one too
many, when a phone word says so right before it (``ring meg plz 47 56 21 93 0``)."""
_LOOKS_LIKE_A_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})")
_DIRECT = context_words.ContextWords.of(
    *"""tlf telefon mob mobil ring sms tel$ phone nås$ nåast$ treffes treffast whatsapp
    call$ called$ reach$ text$ cell$""".split()
)
"""Phone words that say the next number is one to call (not ``kontakt``, ``nummer``): only
they make a mistyped number a phone number."""
_MISTYPED_BEFORE = 3
_OTHER_LABELS = (
    context_words.LABELLED_OTHERWISE,
    context_words.HPR,
    context_words.JOURNALNUMMER,
    context_words.ORGNR,
    context_words.KONTONUMMER,
    context_words.FODSELSNUMMER,
    context_words.PASSPORT,
)
SCORE_FOREIGN = 0.85
SCORE_MISTYPED = 0.6
_FREEPHONE = "800"
"""Grønne nummer (800 xx xxx) belong to businesses, not people."""
_DATE = re.compile(r"(\d{2})([./\-])(\d{2})\2\d{4}|\d{4}([./\-])(\d{2})\4(\d{2})")


def is_mobile(national: str) -> bool:
    """Mobile numbers start with 4[015-8] or 9 (Nkom)."""
    return national[0] == "9" or (national[0] == "4" and national[1] in "015678")


def in_number_plan(national: str) -> bool:
    """True for an eight-digit mobile (4[015-8], 9) or fixed-line (2, 3, 5, 6, 7) number."""
    if len(national) != 8 or not national.isdigit():
        return False
    return national[0] in "23567" or is_mobile(national)


def _written_as_a_date(value: str) -> bool:
    """``17.05.2017``, ``17/05/2017``, ``2017-05-17`` with a real day and month."""
    date = _DATE.fullmatch(value)
    if date is None:
        return False
    day, month = (date[1], date[3]) if date[1] else (date[6], date[5])
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _not_a_phone_number(text: str, match: re.Match[str], national: str) -> bool:
    """A date, a business's freephone number, or the decimals of a number (``3,91234567``;
    in a CSV row, ``1988-02-11,94915407``, the comma ends a field)."""
    if _written_as_a_date(match.group()) or national.startswith(_FREEPHONE):
        return True
    start = match.start()
    if start < 2 or text[start - 1] != "," or not text[start - 2].isdigit():
        return False
    return context.column_header(text, start) is None


def _phone_word_near(text: str, span: tuple[int, int], in_plan: bool) -> bool:
    """A phone word nearby (closer for a number outside the plan), or a weak one right
    before (see :data:`~recognizers.no.context_words.PHONE_LABELS`)."""
    before, after = (8, 2) if in_plan else (4, 1)
    if context.context_near(text, span, context_words.PHONE, before=before, after=after):
        return True
    if not context.could_occur(text, context_words.PHONE_LABELS):
        return False
    words = context.words_before(text, span[0], 3)
    for i in (len(words) - 1, len(words) - 2):
        if i >= 0 and words[i] in context_words.PHONE_LABELS.exact:
            owner = words[i - 1] if i > 0 else ""
            owners = context_words.PHONE_LABEL_OWNERS
            return not owner or owner in owners or context_words.PHONE.matches(owner)
    return False


class PhoneRecognizer(NorwegianRecognizer):
    """Norwegian phone numbers; see module docstring for when layout alone suffices."""

    ENTITY = "PHONE_NUMBER"
    MIN_CHAIN_DIGITS = 7
    PATTERNS = (_PREFIXED, _FOREIGN_PLUS, _COUNTRY, _LAYOUT, _BARE, _ANY, _FOREIGN_ZEROS)
    CONTEXT_WORDS = context_words.PHONE.entries()

    def patterns_for(self, text: str) -> Sequence[re.Pattern[str]]:
        """The ``+47`` pattern (tried at every character) only where ``47`` occurs, the
        other country codes' only where a ``+`` does, mistyped numbers only near a phone word."""
        patterns = [p for p in self.PATTERNS if p is not _PREFIXED or "47" in text]
        if "+" not in text:
            patterns.remove(_FOREIGN_PLUS)
        if context.could_occur(text, _DIRECT):
            patterns += _MISTYPED
        return patterns

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Prefix and foreign or mistyped numbers first, each by its own rule; then the
        plan, phone words, other labels and the layout."""
        special = _SPECIAL_JUDGES.get(match.re)
        if special is not None:
            return special(text, match)
        national = compact_digits(match.group())[-8:]
        if _not_a_phone_number(text, match, national):
            return None
        in_plan = in_number_plan(national)
        near = _phone_word_near(text, match.span(), in_plan)
        spaced_country = match.re is _COUNTRY and not match.group().isdigit()
        if not (near or in_plan or spaced_country) or context.labelled_otherwise(
            text, match.start(), context_words.PHONE, context_words.LABELLED_OTHERWISE
        ):
            return None
        if spaced_country:
            return Verdict(SCORE_PREFIXED)
        if near:
            return Verdict(SCORE_WITH_CONTEXT if in_plan else SCORE_OUTSIDE_PLAN_WITH_CONTEXT)
        return self._by_layout(text, match, national)

    @staticmethod
    def _by_layout(text: str, match: re.Match[str], national: str) -> Verdict | None:
        """Without a phone word: the grouped layouts, or a bare mobile not after an order
        word (``Pakke 40001232``)."""
        if match.re is _LAYOUT:
            return Verdict(SCORE_GROUPED)
        if match.re is _COUNTRY and is_mobile(national) and _recipient_field(text, match.start()):
            return Verdict(SCORE_WITH_CONTEXT)
        if match.re is not _BARE or not is_mobile(national):
            return None
        order = context.context_near(
            text, match.span(), context_words.ORDER_NUMBER, before=3, after=0
        )
        return None if order else Verdict(SCORE_BARE_MOBILE)


_RECIPIENT_KEY = re.compile(
    r"(?<![\w.])(?:to|til|msisdn|mottaker|recipient|nr|number)[ \t]?[=:][ \t]?$", re.I
)
"""The key of a log or export field that holds a phone number (``to=4792350515``)."""


def _recipient_field(text: str, start: int) -> bool:
    """``47`` and a mobile number run together as the value of a recipient field in a log line
    (``2024-06-03 16:00 to=4792350515``): the country code without ``+``, as SMS gateways
    write it."""
    return _RECIPIENT_KEY.search(text, max(0, start - 12), start) is not None


def _foreign(text: str, match: re.Match[str]) -> Verdict | None:
    """Nine to fifteen digits with a country code: after ``+`` always, after ``00`` with a
    phone word near; never when labelled as something else."""
    digits = compact_digits(match.group())
    if match.re is _FOREIGN_ZEROS:
        digits = digits[2:]
    if len(digits) not in _FOREIGN_DIGITS or context.labelled_otherwise(
        text, match.start(), context_words.PHONE, context_words.LABELLED_OTHERWISE
    ):
        return None
    if match.re is _FOREIGN_ZEROS and not _phone_word_near(text, match.span(), in_plan=False):
        return None
    return Verdict(SCORE_FOREIGN)


def _mistyped(text: str, match: re.Match[str]) -> Verdict | None:
    """Seven or nine digits right after a phone word, with no other label or number between
    (``ring meg plz 47 56 21 93 0``), and not written as a date."""
    if _LOOKS_LIKE_A_DATE.fullmatch(match.group()):
        return None
    words = context.words_before(text, match.start(), _MISTYPED_BEFORE)
    called = [i for i, word in enumerate(words) if _DIRECT.matches(word)]
    if not called:
        return None
    between = words[called[-1] + 1 :]
    for word in between:
        if any(map(str.isdigit, word)) or any(labels.matches(word) for labels in _OTHER_LABELS):
            return None
    return Verdict(SCORE_MISTYPED)


def _prefixed(text: str, match: re.Match[str]) -> Verdict | None:
    """``+47`` or ``0047`` and eight digits: a Norwegian phone number, whatever they are."""
    return Verdict(SCORE_PREFIXED)


_SPECIAL_JUDGES: dict[re.Pattern[str], Callable[[str, re.Match[str]], Verdict | None]] = {
    _PREFIXED: _prefixed,
    _FOREIGN_PLUS: _foreign,
    _FOREIGN_ZEROS: _foreign,
    **dict.fromkeys(_MISTYPED, _mistyped),
}
"""The patterns judged by their own rules, not by the numbering plan."""
