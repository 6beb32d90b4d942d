"""Phone numbers given across turns of a conversation, in a table cell, or taken back.

The shapes a dialogue or a list gives a phone number in that the single-match rules of
:mod:`recognizers.no.phone` do not see:

- the answer to a question for a number, in the next turn (``lege: og telefon`` /
  ``pasient: 2389456 det er på jobben``): seven to nine digits at the start of the answer;
- one number typed over several chat messages that hold only digit groups, right after a
  message that asks for or offers a phone number (``ring meg`` / ``934 12`` / ``008``);
- seven to nine digits under a phone column of a delimited table (``Tlf`` over
  ``98 76 54 3 2``);
- seven or nine digits taken back at once by a phone number (``987 65 43 eller vent. 987 56
  432``): a wrong number said is still a number of someone's.

And two shapes that are no phone number: a time range (``kl 0800-0900``) and digits glued to
a letter code by a dash (``AV-2024-1187``, an incident id).
"""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.base import (
    DIGIT_SEPARATOR,
    NUMBER_START,
    Verdict,
    compact_digits,
    number_pattern,
)
from recognizers.no.phone_plan import DIRECT, in_number_plan

SCORE_PIECES = 0.6
SCORE_COLUMN = 0.9
_ANSWER_DIGITS = range(7, 10)
_OPENING = re.compile(
    r"[ \t]*(?:\[?[\d:./, -]{4,24}\]?[ \t]*)?(?:[-–—][ \t]*)?"
    r"(?:[^\W\d][\w .'()-]{0,30}:[ \t]*)?"
)
"""What opens a turn or chat message: a time stamp, a dash, a speaker and a colon."""
_FILLER_WORDS = 4
"""At most this many words (``ja det er``, ``eh``) before the number in an answer."""
_QUESTION_WORDS = 12
"""How many words at the end of the previous turn are read for a phone word."""
_WORD = re.compile(r"[^\W\d_][\w.-]*")
_ONLY_GROUPS = re.compile(r"\d{1,4}(?:[ ]\d{1,4}){0,3}[ \t]*")
MESSAGE_DIGITS = number_pattern(
    NUMBER_START + r"(?<![^\s:])\d{1,4}(?:[ ]\d{1,4}){0,3}(?=[ \t]*(?:\n|\Z))", runs=(1, 2, 3, 4)
)
"""A chat message that is only digit groups (``934 12``, ``008``): maybe a piece."""
_MAX_PIECES = 4
_NATIONAL = 8
_TAIL_GROUPS = re.compile(r"(?<=[ \t:])(\d{1,4}(?:[ ]\d{1,4}){0,2})[ \t]*\Z")
"""Digit groups that end a message with words before them: the first piece of a number
whose rest follows in the next messages (``ring meg på 958 31`` / ``977``)."""
CELL = number_pattern(
    NUMBER_START + r"(?<=[\t;|])\d(?:[ .\-]?\d){6,8}(?=[ ]*(?:[\t;|\n]|\Z))",
)
"""A delimited table cell that holds seven to nine digits in any grouping."""
_TIME_RANGE = re.compile(r"(\d\d)[.:]?(\d\d)[ \t]?-[ \t]?(\d\d)[.:]?(\d\d)")
_CODE_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]{1,6})-$")
_CORRECTED_BY = re.compile(
    rf"[\s.,!:;]{{0,3}}([^\d\n]{{1,24}}?)[\s.,!:;]{{0,3}}"
    rf"(\d(?:{DIGIT_SEPARATOR}?\d){{7}})(?![ .\-]?\d)"
)
"""After a number: a few words (a correction: ``eller vent.``) and eight digits."""


def _lines(text: str, position: int) -> tuple[int, int, int]:
    """Start of the line ``position`` is in, its end, and the start of the line before."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    before = text.rfind("\n", 0, max(0, start - 1)) + 1 if start else -1
    return start, len(text) if end < 0 else end, before


def _body(text: str, start: int, end: int) -> int:
    """Where the message or turn in ``text[start:end]`` begins, past its opening."""
    opening = _OPENING.match(text, start, end)
    return opening.end() if opening is not None else start


def _asks_for_phone(text: str, start: int, end: int) -> bool:
    """The turn in ``text[start:end]`` names a phone number (``og telefon``, ``ring meg``),
    or ends with an owned number label (``mitt nr``, ``nytt nummer``)."""
    words = [m.group().lower() for m in _WORD.finditer(text, _body(text, start, end), end)]
    if any(context_words.PHONE.matches(word) for word in words[-_QUESTION_WORDS:]):
        return True
    return (
        len(words) >= 2
        and words[-1] in context_words.PHONE_LABELS.exact
        and words[-2] in context_words.PHONE_LABEL_OWNERS
    )


def answers_phone_question(text: str, match: re.Match[str]) -> bool:
    """Seven to nine digits opening the turn after one that asks for a phone number, behind
    at most a few filler words (``ja det er``) and no other digits."""
    if len(compact_digits(match.group())) not in _ANSWER_DIGITS:
        return False
    start, _, before = _lines(text, match.start())
    if before < 0:
        return False
    lead = text[_body(text, start, match.start()) : match.start()]
    if any(map(str.isdigit, lead)) or len(lead.split()) > _FILLER_WORDS:
        return False
    return _asks_for_phone(text, before, start - 1)


def _pure_piece(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The digit groups that make up the whole message ``text[start:end]``, if they do (a
    message of only ``918 20`` is a piece, not a time stamp with nothing after it; ``2024``
    alone stays a year or a time)."""
    body = _body(text, start, end)
    if _ONLY_GROUPS.fullmatch(text, body, end) is None:
        line = text[start:end].strip(" \t")
        body = start + text[start:end].index(line[:1]) if line else end
        if " " not in line or _ONLY_GROUPS.fullmatch(text, body, end) is None:
            return None
    return body, body + len(text[body:end].rstrip(" \t"))


def _pieces_back(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int, int]:
    """The messages of only digit groups up to the line ``text[start:end]``, and the bounds
    of the line before them (``-1, -1`` when there is none)."""
    pieces: list[tuple[int, int]] = []
    while len(pieces) <= _MAX_PIECES:
        piece = _pure_piece(text, start, end)
        if piece is None:
            tail = _TAIL_GROUPS.search(text, _body(text, start, end), end)
            if tail is None:
                return pieces, start, end
            pieces.insert(0, tail.span(1))
            return pieces, start, tail.start(1)
        pieces.insert(0, piece)
        if start == 0:
            break
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
    return pieces, -1, -1


def _pieces_on(text: str, position: int, pieces: list[tuple[int, int]]) -> None:
    """Add the messages of only digit groups from ``position`` on to ``pieces``."""
    while position < len(text) and len(pieces) < _MAX_PIECES:
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        piece = _pure_piece(text, position, end)
        if piece is None:
            return
        pieces.append(piece)
        position = end + 1


def typed_over_messages(text: str, match: re.Match[str]) -> bool:
    """``match`` is one of two to four messages in a row that hold only digit groups, the
    run right after a message that names a phone number, and together they make a number in
    the plan or, after a word to call (``telefonnummer``, ``ring``), seven to nine digits."""
    line_start, line_end, _ = _lines(text, match.start())
    pieces, head_start, head_end = _pieces_back(text, line_start, line_end)
    if not pieces or head_start < 0 or not _asks_for_phone(text, head_start, head_end):
        return False
    _pieces_on(text, line_end + 1, pieces)
    if len(pieces) < 2:
        return False
    counts = [len(compact_digits(text[a:b])) for a, b in pieces]
    for n in range(2, len(pieces) + 1):
        digits = "".join(compact_digits(text[a:b]) for a, b in pieces[:n])
        if len(digits) == _NATIONAL and in_number_plan(digits):
            return match.start() < pieces[n - 1][1]
    return sum(counts) in _ANSWER_DIGITS and _calls(text, head_start, head_end)


def _calls(text: str, start: int, end: int) -> bool:
    words = [m.group().lower() for m in _WORD.finditer(text, start, end)]
    return any(DIRECT.matches(word) for word in words)


def under_phone_column(text: str, match: re.Match[str]) -> bool:
    """Seven to nine digits in a table cell whose column header is a phone word."""
    header = context.column_header(text, match.start())
    return header is not None and context_words.PHONE.matches(header)


def corrected_by_phone(text: str, match: re.Match[str]) -> bool:
    """Seven or nine digits followed at once by a correction word and eight digits in the
    plan that begin alike (``987 65 43`` / ``eller vent. 987 56 432``)."""
    after = _CORRECTED_BY.match(text, match.end())
    if after is None:
        return False
    words = after.group(1).lower().replace(".", " ").split()
    if not words or not any(context_words.CORRECTION.matches(word) for word in words):
        return False
    said, meant = compact_digits(match.group()), compact_digits(after.group(2))
    return in_number_plan(meant) and said[:2] == meant[:2]


_AFTER_ADDRESS = re.compile(
    r"@[\w.-]+\.[A-Za-z]{2,24}[ \t]*,?[ \t]*(?:alternativt|alternativ|eller|evt\.?|ev\.?)"
    r"[ \t]+(?:på[ \t]+|til[ \t]+)?\Z",
    re.IGNORECASE,
)
_ADDRESS_REACH = 80


def offered_after_address(text: str, start: int) -> bool:
    """The number is offered as another way to reach someone, right after an e-mail address
    (``svar på kari@nav.no, alternativt 12 34 56 70``): a phone number, in the plan or not."""
    return _AFTER_ADDRESS.search(text, max(0, start - _ADDRESS_REACH), start) is not None


def not_a_phone_number(text: str, match: re.Match[str]) -> bool:
    """A time range (``0800-0900``, ``08.00 - 09.30``) or digits that go on a letter code
    by a dash (``AV-2024-1187``) unless the code is a phone word (``tlf-91234567``)."""
    clock = _TIME_RANGE.fullmatch(match.group())
    if clock is not None:
        first, second = (int(clock[1]), int(clock[2])), (int(clock[3]), int(clock[4]))
        if all(h <= 24 and m < 60 for h, m in (first, second)) and first < second:
            return True
    code = _CODE_BEFORE.search(text, max(0, match.start() - 8), match.start())
    return code is not None and not context_words.PHONE.matches(code.group(1).lower())


def judge_message_piece(text: str, match: re.Match[str]) -> Verdict | None:
    """A :data:`MESSAGE_DIGITS` match: one of the messages a number was typed over."""
    if not typed_over_messages(text, match):
        return None
    return Verdict(SCORE_PIECES, {"typed": "in pieces"})


def judge_cell(text: str, match: re.Match[str]) -> Verdict | None:
    """A :data:`CELL` match: seven to nine digits under a phone column header (``Tlf`` over
    ``98 76 54 3 2``)."""
    if not under_phone_column(text, match) or not_a_phone_number(text, match):
        return None
    return Verdict(SCORE_COLUMN, {"column": "phone"})
