"""NO_FODSELSNUMMER: fødselsnummer, D-, H-, FH-nummer, synthetic test numbers, 2032 rule.

Eleven digits, unbroken or in any grouping (``130972 48022``, ``13.09.72 48022``,
``13-09-72-48022``, ``1309 7248 022``), also in a URL path or query string. Recall first:

- a checksum-valid number is reported on its own (the variant goes into the metadata),
  even after a label that says it is something else — the checksum outweighs the label;
- a checksum-invalid one (real records contain typos) when a fødselsnummer word is near;
- without a word, when its first six digits are a real date and it is laid out as a
  fødselsnummer (unbroken, ``DDMMYY NNNNN`` with any separators inside the date, or
  ``DDMM YYNN NNN``) and not labelled as a lot, order or other number: a birth date
  followed by five digits is strong evidence on its own; also when a phone number follows
  it one space or tab apart in a list row (``1903 9246 118 41 55 23 90``);
- ten or twelve digits, unbroken or ``DDMMYY NNNN``, right after a fødselsnummer label.

Five digits are the personnummer part of one (individnummer and check digits) after a
personnummer label (``personnummer 49233``), or when they correct the end of a fødselsnummer
just said (``18015749237 nei vent 49233``).

A number next to kontonummer words, or in the account layout ``4.2.5``, and without
fødselsnummer words is left to the kontonummer recognizer: every valid fødselsnummer also
passes the kontonummer checksum.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recognizers.no import context, context_words, number_cells, number_echoes
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
from recognizers.no.checksums import fnr_date_plausible, validate_fnr

SCORE_VALID = 0.95
SCORE_VALID_2032_ONLY = 0.85
SCORE_WITH_CONTEXT = 1.0
SCORE_INVALID_WITH_CONTEXT = 0.6
SCORE_INVALID_DATE_LAYOUT = 0.5
SCORE_PERSONNUMMER_PART = 0.6
_DIGITS = 11

_UNBROKEN = number_pattern(NUMBER_START + r"\d{11}" + NUMBER_END, runs=(11,))
_GROUPED = number_pattern(CHAIN_START + grouped_digits(11) + CHAIN_END, chain=11)
_PART = number_pattern(NUMBER_START + r"\d{5}" + NUMBER_END, runs=(5,))
_AFTER_DASH = number_pattern(
    NUMBER_START + r"(?<=\d[ \t]-[ \t])\d{6}[ \t]\d{5}" + CHAIN_END, runs=(6,)
)
"""``DDMMYY NNNNN`` after a spaced dash that ends another number (``PID 1003928 – 130972
48022``): a list's next field, though the dash joins both into one chain of digit groups."""
_MISKEYED = number_pattern(NUMBER_START + r"(?:\d{10}|\d{12})" + NUMBER_END, runs=(10, 12))
"""Ten or twelve digits: a fødselsnummer with a digit missing or one too many, when a
fødselsnummer label stands right before it (``fødselsnummer 2102991697``)."""
_MISKEYED_GROUPED = tuple(
    number_pattern(CHAIN_START + grouped_digits(count) + CHAIN_END, chain=count)
    for count in (10, 12)
)
"""The same in digit groups (``fødselsnr 031080 0146``)."""
FNR_THEN_PHONE = number_pattern(
    CHAIN_START
    + rf"(?P<fnr>\d(?:{DIGIT_SEPARATOR}?\d){{10}})[ \t](?P<phone>\d(?:{DIGIT_SEPARATOR}?\d){{7}})"
    + CHAIN_END,
    chain=19,
)
"""A fødselsnummer and then a phone number in one row of a list or table, one space or tab
apart (``rania haddad 1903 9246 118 41 55 23 90``, ``14106245877<TAB>91 21 09 33``): one
chain of nineteen digits to the other patterns, two fields to a reader. The phone
recognizer reads the ``phone`` group of the same pattern."""
_NUMBER_LABEL = context_words.ContextWords.of(
    *"""fødselsnummer fødselsnr fødselsnum f.nr fnr$ personnummer personnr pers.nr pnr$
    d-nummer d-nr personidentifikator fodselsnummer fodselsnr""".split()
)
"""Labels that name the number itself (not ``født``, which a date follows)."""
_MISKEYED_BEFORE = 3
_CORRECTED = re.compile(r"(?<!\d)(\d(?:[ .]?\d){10})([^\d\n]{1,40})$")
"""An eleven-digit number and the words after it, up to a five-digit correction."""
_GROUP = re.compile(r"\d+")
_ACCOUNT_BREAKS = frozenset({4, 6})
_DATE_BREAKS = frozenset({2, 4, 6})
_DDMM_YYNN_NNN = frozenset({4, 8})


def _breaks(value: str) -> frozenset[int]:
    """Where separators fall, counted in digits (``13.09.72 48022`` -> {2, 4, 6})."""
    ends = [m.end() - m.start() for m in _GROUP.finditer(value)][:-1]
    return frozenset(sum(ends[: i + 1]) for i in range(len(ends)))


def _laid_out_as_fnr(value: str) -> bool:
    """Unbroken, ``DDMMYY NNNNN`` with any breaks inside the date, or ``DDMM YYNN NNN``;
    not the account layout ``DDMM.YY.NNNNN`` or a four-digit year (``13.09.2019 120``)."""
    breaks = _breaks(value)
    if breaks == _ACCOUNT_BREAKS:
        return False
    return breaks <= _DATE_BREAKS or breaks == _DDMM_YYNN_NNN


class FodselsnummerRecognizer(NorwegianRecognizer):
    """Norwegian national identity numbers and their relatives (README, "What is found")."""

    ENTITY = "NO_FODSELSNUMMER"
    MIN_CHAIN_DIGITS = 5
    PATTERNS = (_UNBROKEN, _GROUPED, _PART, FNR_THEN_PHONE)
    CONTEXT_WORDS = context_words.FODSELSNUMMER.entries()

    def patterns_for(self, text: str) -> Sequence[re.Pattern[str]]:
        """Eleven digits need a chain that long; five need a personnummer or correction word."""
        whole: tuple[re.Pattern[str], ...] = ()
        if longest_chain(text) >= _DIGITS - 1:
            whole = (_UNBROKEN, _GROUPED, FNR_THEN_PHONE, _AFTER_DASH)
            if context.could_occur(text, _NUMBER_LABEL):
                whole += (_MISKEYED, *_MISKEYED_GROUPED)
        if whole:
            whole += (number_echoes.PART,)
            if number_cells.worth_reading_cells(text):
                whole += (number_cells.ELEVEN_IN_CELL,)
        if context.could_occur(text, context_words.PERSONNUMMER) or (
            whole and context.could_occur(text, context_words.CORRECTION)
        ):
            return (*whole, _PART)
        return whole

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Checksum and date first; context and layout decide typos and look-alikes."""
        if match.re is _PART:
            return self._personnummer_part(text, match)
        if match.re is _MISKEYED or match.re in _MISKEYED_GROUPED:
            return _miskeyed(text, match)
        if match.re is FNR_THEN_PHONE or match.re is _AFTER_DASH:
            return _first_of_row(text, match) if match.re is FNR_THEN_PHONE else _after_dash(match)
        if match.re is number_echoes.PART:
            if not number_echoes.said_again(text, match):
                return None
            return Verdict(SCORE_PERSONNUMMER_PART, {"part": "said again"})
        return self._whole_number(text, match)

    def _whole_number(self, text: str, match: re.Match[str]) -> Verdict | None:
        digits = compact_digits(match.group())
        near_fnr = context.context_near(text, match.span(), context_words.FODSELSNUMMER)
        if not near_fnr and self._left_to_kontonummer(text, match):
            return None
        verdict = validate_fnr(digits)
        if verdict is not None:
            if near_fnr:
                score = SCORE_WITH_CONTEXT
            elif "2032" in verdict.features:
                score = SCORE_VALID_2032_ONLY
            else:
                score = SCORE_VALID
            return Verdict(score, {"variant": verdict.variant, "checksum": "valid"})
        if len(set(digits)) == 1:
            return None
        if near_fnr:
            return Verdict(SCORE_INVALID_WITH_CONTEXT, {"checksum": "invalid"})
        if self._birth_date_shaped(text, match, digits):
            return Verdict(SCORE_INVALID_DATE_LAYOUT, {"checksum": "invalid"})
        return None

    @staticmethod
    def _personnummer_part(text: str, match: re.Match[str]) -> Verdict | None:
        """Five digits after a personnummer label, or after a correction word that follows an
        eleven-digit number."""
        before = context.words_before(text, match.start(), 3)
        if context_words.PERSONNUMMER.matches_any(before):
            return Verdict(SCORE_PERSONNUMMER_PART, {"part": "personnummer"})
        corrected = _CORRECTED.search(text, max(0, match.start() - 64), match.start())
        if corrected is None:
            return None
        if context_words.CORRECTION.matches_any(corrected.group(2).lower().split()):
            return Verdict(SCORE_PERSONNUMMER_PART, {"part": "personnummer", "corrects": "yes"})
        return None

    @staticmethod
    def _left_to_kontonummer(text: str, match: re.Match[str]) -> bool:
        if _breaks(match.group()) == _ACCOUNT_BREAKS:
            return True
        return context.context_near(text, match.span(), context_words.KONTONUMMER)

    @staticmethod
    def _birth_date_shaped(text: str, match: re.Match[str], digits: str) -> bool:
        """A real date, a fødselsnummer layout, and no other label (nor KID) right before."""
        if not fnr_date_plausible(digits) or not _laid_out_as_fnr(match.group()):
            return False
        if context_words.KID.matches_any(context.words_before(text, match.start(), 3)):
            return False
        return not context.labelled_otherwise(
            text, match.start(), context_words.FODSELSNUMMER, context_words.LABELLED_OTHERWISE
        )


def row_starts_with_fnr(match: re.Match[str]) -> bool:
    """The ``fnr`` group of a :data:`FNR_THEN_PHONE` match is a fødselsnummer by itself:
    checksum-valid, or laid out as one with a real date first (recall first: a typo in a
    list is still someone's number)."""
    fnr = match.group("fnr")
    digits = compact_digits(fnr)
    if validate_fnr(digits) is not None:
        return True
    return len(set(digits)) > 1 and fnr_date_plausible(digits) and _laid_out_as_fnr(fnr)


def _first_of_row(text: str, match: re.Match[str]) -> Verdict | None:
    """The ``fnr`` group of a :data:`FNR_THEN_PHONE` match, unless labelled otherwise."""
    if not row_starts_with_fnr(match) or context.labelled_otherwise(
        text, match.start(), context_words.FODSELSNUMMER, context_words.LABELLED_OTHERWISE
    ):
        return None
    valid = validate_fnr(compact_digits(match.group("fnr"))) is not None
    score, checksum = (SCORE_VALID, "valid") if valid else (SCORE_INVALID_DATE_LAYOUT, "invalid")
    return Verdict(
        score,
        {"checksum": checksum, "row": "fnr, phone"},
        start=match.start("fnr"),
        end=match.end("fnr"),
    )


def _after_dash(match: re.Match[str]) -> Verdict | None:
    """An :data:`_AFTER_DASH` match: a fødselsnummer when its checksum holds."""
    if validate_fnr(compact_digits(match.group())) is None:
        return None
    return Verdict(SCORE_VALID, {"checksum": "valid", "after": "dash"})


def _miskeyed(text: str, match: re.Match[str]) -> Verdict | None:
    """Ten or twelve digits right after a fødselsnummer label (at most three words before,
    no other number between) whose first six digits are a real date: a fødselsnummer typed
    with a digit too few or too many is still one (recall first)."""
    digits = compact_digits(match.group())
    if match.re is not _MISKEYED and 6 not in _breaks(match.group()):
        return None
    if not fnr_date_plausible(digits[:6] + "00000"):
        return None
    before = context.words_before(text, match.start(), _MISKEYED_BEFORE)
    labels = [i for i, word in enumerate(before) if _NUMBER_LABEL.matches(word)]
    if not labels or any(any(map(str.isdigit, word)) for word in before[labels[-1] + 1 :]):
        return None
    return Verdict(SCORE_INVALID_WITH_CONTEXT, {"checksum": "invalid", "digits": str(len(digits))})
