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

Written in lists and chats: eight digits one space or tab after a fødselsnummer in the same
row (``rania haddad 1903 9246 118 41 55 23 90``), a trunk ``(0)`` after ``+47``, and a number
in the plan typed over two to four messages in a row after a phone word (``nummeret er
412`` / ``88`` / ``903``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from recognizers.no import (
    context,
    context_words,
    phone_cells,
    phone_shapes,
    phone_spacing,
    phone_turns,
)
from recognizers.no.base import (
    CHAIN_END,
    CHAIN_START,
    DIGIT_SEPARATOR,
    NUMBER_END,
    NUMBER_START,
    NorwegianRecognizer,
    Verdict,
    compact_digits,
    grouped_digits,
    longest_chain,
    number_pattern,
)
from recognizers.no.fodselsnummer import FNR_THEN_PHONE, row_starts_with_fnr
from recognizers.no.phone_plan import DIRECT as _DIRECT
from recognizers.no.phone_plan import in_number_plan, is_mobile

__all__ = ["PhoneRecognizer", "in_number_plan", "is_mobile"]

SCORE_PREFIXED = 0.95
SCORE_GROUPED = 0.7
SCORE_WITH_CONTEXT = 0.9
SCORE_OUTSIDE_PLAN_WITH_CONTEXT = 0.8
SCORE_BARE_MOBILE = 0.6

_EIGHT = rf"(?:\d{{8}}|{grouped_digits(8)})"
_PREFIXED = re.compile(
    r"(?<![\w+])(?:\(\s?(?:\+|00)47\s?\)|(?:\+|00)47)"
    + rf"(?:[ \t]?\(0\))?{DIGIT_SEPARATOR}?{_EIGHT}{CHAIN_END}"
)
"""``+47`` or ``0047`` and eight digits; the trunk ``(0)`` some write after the country code
(``+47 (0) 938 44 106``, the British habit) is part of the number."""
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
    for count in (7, 9, 10)
)
"""Seven, nine or ten digits in any grouping: a phone number with a digit missing or one or
two too many, when a phone word says so right before it (``ring meg plz 47 56 21 93 0``)."""
_LOOKS_LIKE_A_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TEN = 10
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
    if phone_spacing.date_and_hour(text, match):
        return True
    if phone_turns.not_a_phone_number(text, match):
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
    PATTERNS = (
        _PREFIXED,
        _FOREIGN_PLUS,
        _COUNTRY,
        _LAYOUT,
        _BARE,
        _ANY,
        _FOREIGN_ZEROS,
        FNR_THEN_PHONE,
    )
    CONTEXT_WORDS = context_words.PHONE.entries()

    def patterns_for(self, text: str) -> Sequence[re.Pattern[str]]:
        """The ``+47`` pattern (tried at every character) only where ``47`` occurs, the
        other country codes' only where a ``+`` does, mistyped numbers only near a phone word;
        without a chain of seven digits, only pieces typed over several messages."""
        pieces: list[re.Pattern[str]] = []
        labelled = context.could_occur(text, context_words.PHONE_LABELS)
        if "\n" in text and (context.could_occur(text, context_words.PHONE) or labelled):
            pieces = [_PIECE, phone_turns.MESSAGE_DIGITS]
        pieces += phone_cells.patterns_for(text)
        chain = longest_chain(text)
        if chain >= _MIN_CHAIN + 1 or " . " in text:
            pieces.append(phone_spacing.ODD)
        if "-" in text:
            pieces.append(phone_spacing.TRUNK_AREA)
        if chain < _MIN_CHAIN:
            return pieces
        patterns = [p for p in self.PATTERNS if p is not _PREFIXED or "47" in text]
        if "+47" in text or "0047" in text:
            patterns.append(phone_shapes.COUNTRY_CODE_MISTYPED)
        if ":" in text or "." in text:
            patterns.append(phone_shapes.AFTER_CLOCK)
        if "+" not in text:
            patterns.remove(_FOREIGN_PLUS)
        if (
            context.could_occur(text, _DIRECT)
            or context.could_occur(text, context_words.CORRECTION)
            or labelled
            or bool(pieces)
        ):
            patterns += _MISTYPED
        if "\t" in text or ";" in text or "|" in text:
            patterns.append(phone_turns.CELL)
        return patterns + pieces

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
        near = (
            _phone_word_near(text, match.span(), in_plan)
            or phone_turns.offered_after_address(text, match.start())
            or (in_plan and phone_shapes.offered_after_number(text, match.start()))
            or phone_shapes.called_further_before(text, match.start())
            or phone_spacing.compound_phone_word_before(text, match.start())
        )
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
        if match.re is _LAYOUT or (
            match.re is _ANY and phone_shapes.mobile_five_three(match.group())
        ):
            return Verdict(SCORE_GROUPED)
        if match.re is _COUNTRY and is_mobile(national) and _recipient_field(text, match.start()):
            return Verdict(SCORE_WITH_CONTEXT)
        if match.re is not _BARE or not is_mobile(national):
            return None
        order = context.context_near(
            text, match.span(), context_words.ORDER_NUMBER, before=3, after=0
        )
        if order or phone_spacing.labelled_as_other_thing(text, match.start()):
            return None
        return Verdict(SCORE_BARE_MOBILE)


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
    (``ring meg plz 47 56 21 93 0``), and not written as a date; ten only after an owned
    label (``nytt nummer``) or taken back by the right number."""
    if _LOOKS_LIKE_A_DATE.fullmatch(match.group()) or _ISO_DATE.match(match.group()):
        return None
    if phone_turns.answers_phone_question(text, match) or phone_turns.corrected_by_phone(
        text, match
    ):
        return Verdict(SCORE_MISTYPED, {"mistyped": "answer or taken back"})
    words = context.words_before(text, match.start(), _MISTYPED_BEFORE)
    if phone_shapes.owned_label_right_before(words):
        return Verdict(SCORE_MISTYPED, {"mistyped": "after an owned label"})
    called = [i for i, word in enumerate(words) if _DIRECT.matches(word)]
    if not called or len(compact_digits(match.group())) == _TEN:
        return None  # ten digits: only after an owned label or taken back
    between = words[called[-1] + 1 :]
    for word in between:
        if any(map(str.isdigit, word)) or any(labels.matches(word) for labels in _OTHER_LABELS):
            return None
    return Verdict(SCORE_MISTYPED)


def _after_fnr(text: str, match: re.Match[str]) -> Verdict | None:
    """The eight digits after a fødselsnummer in one row of a list (``rania haddad 1903 9246
    118 41 55 23 90``): a phone number when in the numbering plan or under a phone column."""
    national = compact_digits(match.group("phone"))
    if not row_starts_with_fnr(match) or national.startswith(_FREEPHONE):
        return None
    if context.labelled_otherwise(
        text, match.start(), context_words.PHONE, context_words.LABELLED_OTHERWISE
    ):
        return None
    header = context.column_header(text, match.start("phone"))
    labelled = header is not None and context_words.PHONE.matches(header)
    if not (in_number_plan(national) or labelled):
        return None
    return Verdict(
        SCORE_WITH_CONTEXT if labelled else SCORE_GROUPED,
        {"row": "fnr, phone"},
        start=match.start("phone"),
        end=match.end("phone"),
    )


_PIECE = number_pattern(NUMBER_START + r"(?<!\d[ \t])\d{1,4}(?=[ \t]*(?:\n|\Z))", runs=(1, 2, 3, 4))
"""A digit group that ends its line: a piece of a number typed over several chat messages
(``nummeret er 412`` / ``88`` / ``903``)."""
_MESSAGE_OPENING = re.compile(
    r"[ \t]*(?:\[?\d{1,2}[:.]\d{2}(?::\d{2})?\]?[ \t]*)?(?:[-–—][ \t]*)?"
    r"(?:[^\W\d][\w .'-]{0,30}:[ \t]*)?"
)
"""What opens a chat message: a time stamp, a dash, a sender and a colon, each optional."""
_LINE_DIGITS = re.compile(r"(\d{1,4})[ \t]*$")
_MAX_PIECES = 4
_MIN_CHAIN = 7
"""Every other pattern's match holds a chain of at least seven digits."""
_NATIONAL = 8


def _line_piece(text: str, start: int, end: int, *, whole: bool) -> tuple[int, int] | None:
    """The span of the digit group ending ``text[start:end]`` (a line), when the message is
    only that group (``whole``) or merely ends with it."""
    opening = _MESSAGE_OPENING.match(text, start, end)
    body = opening.end() if opening is not None else start
    found = _LINE_DIGITS.search(text, body, end)
    if found is None or (whole and found.start() != body):
        return None
    if not whole and found.start() > start and text[found.start() - 1].isdigit():
        return None
    return found.span(1)


def _pieces_around(text: str, start: int) -> list[tuple[int, int]]:
    """The digit groups of the run of messages ``start`` is in: a first line that ends with
    a group, then lines that hold only a group, from the same chat."""
    bounds = context.remembered(text, _line_bounds, _line_bounds)
    here = bisect.bisect_right(bounds, (start, len(text))) - 1
    first = here
    while first > 0 and _line_piece(text, *bounds[first], whole=True) is not None:
        if (
            _line_piece(text, *bounds[first - 1], whole=False) is None
            or here - first >= _MAX_PIECES
        ):
            break
        first -= 1
    pieces: list[tuple[int, int]] = []
    head = _line_piece(text, *bounds[first], whole=False)
    if head is None:
        return []
    pieces.append(head)
    for line in bounds[first + 1 : first + _MAX_PIECES]:
        piece = _line_piece(text, *line, whole=True)
        if piece is None:
            break
        pieces.append(piece)
    return pieces


def _line_bounds(text: str) -> list[tuple[int, int]]:
    """Start and end of every line (the end before its newline); once per scan."""
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    return list(zip(starts, ends, strict=True))


def _typed_in_pieces(text: str, match: re.Match[str]) -> Verdict | None:
    """One piece of eight digits typed over two to four messages in a row, the first after a
    phone word (``14:31 Bjarne: nummeret er 412`` / ``14:31 Bjarne: 88`` / ``… 903``), that
    together make a number in the plan (a time and a date do not: ``kl 14`` / ``12`` /
    ``2024``)."""
    pieces = _pieces_around(text, match.start())
    counts = [b - a for a, b in pieces]
    whole = next((n for n in range(2, len(pieces) + 1) if sum(counts[:n]) == _NATIONAL), 0)
    if match.span() not in pieces[:whole]:
        return None
    national = "".join(text[a:b] for a, b in pieces[:whole])
    if not in_number_plan(national) or not _phone_word_near(text, pieces[0], in_plan=False):
        return None
    return Verdict(SCORE_MISTYPED, {"typed": "in pieces"})


def _prefixed(text: str, match: re.Match[str]) -> Verdict | None:
    """``+47`` or ``0047`` and eight digits: a Norwegian phone number, whatever they are."""
    return Verdict(SCORE_PREFIXED)


_SPECIAL_JUDGES: dict[re.Pattern[str], Callable[[str, re.Match[str]], Verdict | None]] = {
    _PREFIXED: _prefixed,
    _FOREIGN_PLUS: _foreign,
    _FOREIGN_ZEROS: _foreign,
    **dict.fromkeys(_MISTYPED, _mistyped),
    FNR_THEN_PHONE: _after_fnr,
    _PIECE: _typed_in_pieces,
    phone_turns.MESSAGE_DIGITS: phone_turns.judge_message_piece,
    phone_turns.CELL: phone_turns.judge_cell,
    phone_shapes.COUNTRY_CODE_MISTYPED: phone_shapes.judge_country_code_mistyped,
    phone_shapes.AFTER_CLOCK: phone_shapes.judge_after_clock,
    phone_spacing.ODD: phone_spacing.judge_odd,
    phone_spacing.TRUNK_AREA: phone_spacing.judge_trunk_area,
    **dict.fromkeys(
        (phone_cells.TAB_CELL, phone_cells.QUOTED_WRAP, phone_cells.XTN, phone_cells.QUOTED_CSV),
        phone_cells.judge_cell_field,
    ),
}
"""The patterns judged by their own rules, not by the numbering plan."""
