"""NO_KONTONUMMER: Norwegian bank account numbers.

The ``4.2.5`` layout (``1234.56.78903``, ``1234 56 78903``, ``1234-56-78903``) is reported
on its checksum alone. Any other eleven digits — unbroken or in any grouping — are a
kontonummer only next to account words: without them they are either a fødselsnummer (that
recognizer decides) or an unrelated number. Next to account words the checksum only sets the
score (recall first: a mistyped account number still identifies its owner), unless a label
such as ``Faktura`` or ``Ordrenr`` is nearer than the account word. A letter O typed for a
zero in the ``4.2.5`` layout (``1234.5O.78903``) is read as the zero: an account number when
the checksum then holds, or, mistyped, in a text about accounts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recognizers.no import context, context_words
from recognizers.no.base import (
    CHAIN_END,
    CHAIN_START,
    NUMBER_END,
    NUMBER_START,
    NorwegianRecognizer,
    Verdict,
    compact_digits,
    grouped_digits,
    matches,
    number_pattern,
)
from recognizers.no.checksums import valid_kontonummer

SCORE_LAYOUT = 0.9
SCORE_WITH_CONTEXT = 1.0
SCORE_INVALID_WITH_CONTEXT = 0.5

_LAYOUT = number_pattern(NUMBER_START + r"\d{4}([. \-_])\d{2}\1\d{5}" + NUMBER_END, runs=(4,))
_BARE = number_pattern(NUMBER_START + r"\d{11}" + NUMBER_END, runs=(11,))
_ANY = number_pattern(CHAIN_START + grouped_digits(11) + CHAIN_END, chain=11)
_PAY_TO = re.compile(
    r"(?i)(?<![\w])(?:faktur\w*|betal\w*|innbetal\w*|utbetal\w*|overfør\w*|refus\w*)"
    r"[ \t]+(?:til|to)[ \t]*:?[ \t]*\Z"
    r"|(?<![\w])(?:pengene|pengane|beløpet|summen)[ \t]+(?:kan[ \t]+)?"
    r"(?:gå|går|sendes|sendast|settes[ \t]+inn|setjast[ \t]+inn|overføres)[ \t]+(?:til|på)"
    r"[ \t]*:?[ \t]*\Z"
)
"""A label that names where money goes (``Faktura til:``, ``Utbetales til``, ``pengene kan
gå til``): the number after it is the account paid to, not an invoice number."""
_PAY_TO_REACH = 32


_LETTER_O = number_pattern(
    NUMBER_START + r"(?<![\w.])\d{4}\.[\dOo]{2}\.[\dOo]{5}(?![\w]|\.\w)", runs=(4,)
)
"""The dotted account layout with a letter O for a zero somewhere after the first group."""
_O_FOR_ZERO = str.maketrans("Oo", "00")


def _has_letter_o(text: str) -> bool:
    """Whether a :data:`_LETTER_O` match occurs in ``text`` (searched once per scan)."""
    return context.remembered(
        text, _LETTER_O, lambda t: next(matches(_LETTER_O, t), None) is not None
    )


class KontonummerRecognizer(NorwegianRecognizer):
    """Bank account numbers, told apart from fødselsnummer by layout and context."""

    ENTITY = "NO_KONTONUMMER"
    MIN_CHAIN_DIGITS = 11
    PATTERNS = (_LAYOUT, _BARE, _ANY)
    CONTEXT_WORDS = context_words.KONTONUMMER.entries()

    def _worth_matching(self, text: str) -> bool:
        return super()._worth_matching(text) or _has_letter_o(text)

    def patterns_for(self, text: str) -> Sequence[re.Pattern[str]]:
        """The digit patterns; the letter-O layout where one occurs."""
        return (*self.PATTERNS, _LETTER_O) if _has_letter_o(text) else self.PATTERNS

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Account layout: checksum suffices. Other layouts: account words must be near."""
        if match.re is _LETTER_O:
            return _letter_o(text, match)
        pay_to = _PAY_TO.search(text, max(0, match.start() - _PAY_TO_REACH), match.start())
        if pay_to is None and context.labelled_otherwise(
            text, match.start(), context_words.KONTONUMMER, context_words.LABELLED_OTHERWISE
        ):
            return None
        valid = valid_kontonummer(compact_digits(match.group()))
        near = (
            pay_to is not None
            or context.context_near(text, match.span(), context_words.KONTONUMMER)
            or _under_account_header(text, match.start())
        )
        if match.re is not _LAYOUT and not self._account_words_decide(text, match, near):
            return None
        if valid:
            return Verdict(SCORE_WITH_CONTEXT if near else SCORE_LAYOUT)
        if near and len(set(compact_digits(match.group()))) > 1:
            return Verdict(SCORE_INVALID_WITH_CONTEXT, {"checksum": "invalid"})
        return None

    @staticmethod
    def _account_words_decide(text: str, match: re.Match[str], near: bool) -> bool:
        """Account words near, and no fødselsnummer word near nor KID right before."""
        if not near or context.context_near(text, match.span(), context_words.FODSELSNUMMER):
            return False
        return not context_words.KID.matches_any(context.words_before(text, match.start(), 1))


def _under_account_header(text: str, start: int) -> bool:
    """The number stands in a column headed by an account word (``Kontonr``), in a delimited
    table or a hand-typed listing (:func:`~recognizers.no.context.column_header_by_order`)."""
    header = context.column_header_by_order(text, start)
    return header is not None and context_words.KONTONUMMER.matches_any(header.split())


def _letter_o(text: str, match: re.Match[str]) -> Verdict | None:
    """The dotted layout with a letter O for a zero: an account number when the checksum
    holds with zeros, or, mistyped, in a text that speaks of accounts."""
    if match.group().replace(".", "").isdigit():
        return None
    if valid_kontonummer(match.group().translate(_O_FOR_ZERO).replace(".", "")):
        return Verdict(SCORE_LAYOUT, {"typed": "letter O for zero"})
    if context_words.KONTONUMMER.might_occur(context.lowered(text)):
        return Verdict(SCORE_INVALID_WITH_CONTEXT, {"typed": "letter O for zero"})
    return None
