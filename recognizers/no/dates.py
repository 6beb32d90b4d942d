"""DATE: dates that are not dates of birth — visits, admissions, results (issue 18).

What is found, each checked by :func:`recognizers.no.date_forms.parse_date` (the span is
always one the date shifter can read back):

- numeric: ``17.05.17``, ``17.5.2017``, ``17/05/2017``, ``17/5-17``, ``2017-05-17`` (and a
  date range ``17.05.2017-18.05.2017`` as two dates);
- with a month name: ``1. mai 2015``, ``1 mai 2015``, ``10 . september 1963``,
  ``17. mai -15``, ``May 17, 2017``, ``17 May 2017`` and without a year ``17. mai``;
- a month and a year: ``august 2013``, ``aug. 2013``, ``08/2013``;
- ``den 17.5.`` (a day and month in digits only after ``den``: alone they are decimals);
- a year (1900-2099) only after a word that makes it one: ``i 2012``, ``siden 2012``,
  ``høsten 2012``, ``in 2012``, ``i løpet av 2012``.

Clinical content is no date: a match followed by a unit (``2000 mg``, ``12.5 mmol/l``) or
after a version or section word (``versjon 1.2.12``), decimals (``Hb 12.5``), times
(``12.30``), ratios (``BT 140/90``), codes (``F32.1``, ``ICD-10``), scores (``Apgar
8-9-10``) and digit groups longer than a date (``22-12-12-34``) are left alone. A day or year
right after a birth word is ``DATE_OF_BIRTH`` (:mod:`recognizers.no.date_of_birth`) and is
not reported here; a day and month (unless a two-digit year follows: ``14 august 65``) or a
month and year after one is, since that recognizer wants a full date. Written
dates only: spoken dates become digits in normalisation first. The metadata says what the
date gives: ``precision`` is ``day``, ``day_month``, ``month_year`` or ``year``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recognizers.no import context, context_words
from recognizers.no.base import NorwegianRecognizer, Verdict, number_pattern
from recognizers.no.date_forms import MONTH_PATTERN, DatePrecision, parse_date

SCORES = {
    DatePrecision.DAY: 0.85,
    DatePrecision.DAY_MONTH: 0.8,
    DatePrecision.MONTH_YEAR: 0.75,
    DatePrecision.YEAR: 0.6,
}

_NUMERIC = number_pattern(
    r"(?<![\w+])(?<!\d[.,:])"
    r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|(?:19|20)\d{2}(?P<s>[./-])\d{1,2}(?P=s)\d{1,2})"
    r"(?!\d)(?!\.\d)(?!,\d{1,2}(?!\d))",
    runs=(1, 2, 4),
)
_DAY_MONTH = number_pattern(
    r"(?<![\w+])(?<!\d[.,/:-])\d{1,2}[./]\d{1,2}\.?(?!\d)(?![.,/]\d)", runs=(1, 2)
)
_MONTH_YEAR = number_pattern(
    r"(?<![\w+])(?<!\d[.,/:-])(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}(?!\w)(?![.,/:]\d)", runs=(1, 2)
)
_YEAR = number_pattern(
    r"(?<![\w+])(?<![.,/:-])(?:19|20)\d{2}(?!\w)(?![.,/:]\d)(?!-\d{1,2}(?!\d))", runs=(4,)
)
_MONTH = rf"(?P<month>{MONTH_PATTERN})(?![^\W\d_])"
_TEXTUAL = re.compile(
    r"(?<![\w.,/])(?:"
    rf"(?:{MONTH_PATTERN})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d{{2}}"
    rf"|(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?P<gap>[ \t]*\.[ \t]*|[ \t]+(?:of[ \t]+)?))?"
    rf"{_MONTH}(?:(?:\.?,?[ \t]*['’‘-]\d{{2}}|(?:\.?,?[ \t]+|\.)\d{{4}})(?!\w)(?![.,]\d))?"
    r")(?!\w)",
    re.IGNORECASE,
)
"""A date with a month name; the day and year are optional (a month name alone is no
date: the judge drops it). A two-digit year needs its mark (``-15``, ``'15``): ``17. mai 15
pasienter`` is a day and month and a count."""

_MONTH_HINT = re.compile(r"jan|feb|mar|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[sc]")
"""What every month word starts with: a text without any has no date with a month name."""

UNITS = frozenset(
    """mg g kg mcg µg ug ng ml l dl cl mmol µmol umol nmol mol ie iu e u enheter % ‰ kr
    kroner nok eur usd stk tabl tablett tabletter kapsler doser dose dråper pust mmhg bpm
    slag cm mm km meter kcal kj pasienter personer tilfeller ganger prøver sek min""".split()
)
"""Words after a number that make it a measurement, a dose or a count, not a date."""
_NOT_DATE_BEFORE = frozenset(
    """versjon version ver v pkt punkt kap kapittel avsnitt paragraf § tabell figur fig
    side s nr ip atc icd icd-10 icpc apgar score skår""".split()
)
"""Words before numbers with dots that are versions, sections or codes (``versjon
1.2.12``)."""
YEAR_WORDS = frozenset(
    """i fra frå til siden sidan innen innan før etter mellom høsten hausten våren sommeren
    sommaren vinteren år året in since from until during before after innlagt operert
    diagnostisert behandlet behandla utskrevet utskriven henvist""".split()
)
"""Words that make four digits a year (``i 2012``, ``siden 2012``)."""
_PERIOD_WORDS = frozenset(
    "løpet begynnelsen byrjinga slutten starten midten utgangen utgongen".split()
)
"""``i løpet av 2012``, ``i slutten av 2012``: a year after ``av`` after one of these."""
_YEAR_HEADERS = frozenset({"år", "årstal", "årstall", "year"})
_SHORT_DASHED = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{2})")
_DECADE = re.compile(r"-(?:tallet|talet|årene|åra)\b", re.IGNORECASE)
_GIVEN_NAMES = frozenset({"jan", "mai"})
"""Month words that are also first names: ``rom 17 Jan Olsen``."""
_ENGLISH_ONLY = frozenset("january february march may june july october december oct dec".split())
_FULL_DATE = r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|(?:19|20)\d{2}-\d{1,2}-\d{1,2})"
_DATE = re.compile(_FULL_DATE + r"(?!\d)")
_DATE_BEFORE = re.compile(rf"(?<![\d./-])(?P<date>{_FULL_DATE})[ \t]?[-/][ \t]?$")
_JOIN_AFTER = re.compile(r"[ \t]?[-/][ \t]?(?=\d)")
_JOIN_BEFORE = re.compile(r"\d[ \t]?[-/][ \t]?$")


class DateRecognizer(NorwegianRecognizer):
    """Dates in digits or with a month name, and years after a year word (module docstring)."""

    ENTITY = "DATE"
    PATTERNS = (_NUMERIC, _TEXTUAL, _MONTH_YEAR, _DAY_MONTH, _YEAR)

    def patterns_for(self, text: str) -> Sequence[re.Pattern[str]]:
        """``den 17.5.`` only where ``den`` occurs, month names only where one may."""
        lowered = context.lowered(text)
        skip = set()
        if "den" not in lowered:
            skip.add(_DAY_MONTH)
        if _MONTH_HINT.search(lowered) is None:
            skip.add(_TEXTUAL)
        return tuple(p for p in self.PATTERNS if p not in skip) if skip else self.PATTERNS

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """A date ``parse_date`` reads, in a place where dates are written (module
        docstring); its precision in the metadata."""
        parsed = parse_date(match.group())
        if parsed is None or not self._fits(text, match, parsed.precision):
            return None
        if _followed_by_unit(text, match.end()):
            return None
        if _birth_date(text, match, parsed.precision):
            return None
        return Verdict(SCORES[parsed.precision], {"precision": parsed.precision.value})

    def _fits(self, text: str, match: re.Match[str], precision: DatePrecision) -> bool:
        before = plain_words_before(text, match.start())
        if match.re is _NUMERIC:
            numbered = bool(before) and _numbering(before[-1])
            return _alone(text, match) and not numbered and not _score(match.group())
        if match.re is _TEXTUAL:
            return _textual_fits(match, precision)
        if match.re is _DAY_MONTH:
            return bool(before) and before[-1] == "den"
        year_word = bool(before) and before[-1] in YEAR_WORDS
        year_word = year_word or context.column_header(text, match.start()) in _YEAR_HEADERS
        if match.re is _MONTH_YEAR:
            return year_word or match.group().index("/") == 2
        period = len(before) >= 2 and before[-1] == "av" and before[-2] in _PERIOD_WORDS
        bracketed = text[match.start() - 1 : match.start()] == "(" and text[
            match.end() :
        ].startswith(")")
        return (year_word or period or bracketed) and _DECADE.match(text, match.end()) is None


_PLAIN_WORD = re.compile(r"[^\W\d_][\w.]*")


def plain_words_before(text: str, start: int, count: int = 5) -> list[str]:
    """Up to ``count`` lower-cased words before ``start`` on its line, nearest last, without
    trailing dots: what the sentence says (:func:`recognizers.no.context.words_before` gives
    a table's column header as the nearest word instead)."""
    line_start = text.rfind("\n", 0, start) + 1
    window = text[max(line_start, start - 12 * count) : start]
    return [word.rstrip(".").lower() for word in _PLAIN_WORD.findall(window)][-count:]


def _alone(text: str, match: re.Match[str]) -> bool:
    """Not one group of a longer chain of digit groups (``22-12-12-34``), unless the chain is
    a range of two dates (``17.05.2017-18.05.2017``, ``2017-05-17/2017-05-20``)."""
    joined = _JOIN_AFTER.match(text, match.end())
    if joined is not None:
        following = _DATE.match(text, joined.end())
        if following is None or parse_date(following.group()) is None:
            return False
    start = match.start()
    if _JOIN_BEFORE.search(text, max(0, start - 4), start):
        before = _DATE_BEFORE.search(text, max(0, start - 16), start)
        return before is not None and parse_date(before.group("date")) is not None
    return True


def _score(value: str) -> bool:
    """``9-10-10``, ``8-9-10``: three numbers up to 10 with dashes are an Apgar score."""
    dashed = _SHORT_DASHED.fullmatch(value)
    return dashed is not None and all(int(number) <= 10 for number in dashed.groups())


def _numbering(word: str) -> bool:
    """A word that says the number after it is a version, section or code (``versjon``,
    ``programversjon``, ``pkt``)."""
    return word in _NOT_DATE_BEFORE or word.endswith(("versjon", "version"))


def _textual_fits(match: re.Match[str], precision: DatePrecision) -> bool:
    """A month name with a day or a year; without a year, a day with an ordinal dot or a
    month word that is no first name (``17 Jan Olsen``) and no English verb (``17 may``)."""
    if precision is not DatePrecision.DAY_MONTH:
        return precision is not DatePrecision.YEAR
    if "." in (match.group("gap") or ""):
        return True
    word = match.group("month")
    if word.lower() in _ENGLISH_ONLY and word.islower():
        return False
    return not (word.lower() in _GIVEN_NAMES and not word.islower())


def _followed_by_unit(text: str, end: int) -> bool:
    """A unit or count right after the match, or after ``til 2000`` (``fra 1000 til 2000
    mg``): the numbers are measurements."""
    after = context.words_after(text, end, 3)
    if after and _is_unit(after[0]):
        return True
    ranged = len(after) == 3 and after[0] in {"til", "to", "-", "–", "og", "and"}
    return ranged and after[1].replace(",", "").isdigit() and _is_unit(after[2])


def _is_unit(word: str) -> bool:
    return word.split("/", maxsplit=1)[0] in UNITS


def _birth_date(text: str, match: re.Match[str], precision: DatePrecision) -> bool:
    """A day or a year, or a day and month with a two-digit year after it (``14 august 65``),
    after a birth word: :class:`recognizers.no.date_of_birth.DateOfBirthRecognizer` reports
    it. A day and month alone or a month and year it does not take, so they stay DATEs."""
    if precision is DatePrecision.DAY_MONTH:
        if _TWO_DIGIT_YEAR.match(text, match.end()) is None:
            return False
    elif precision is DatePrecision.MONTH_YEAR:
        return False
    return _after_birth_word(text, match.start())


_TWO_DIGIT_YEAR = re.compile(r"[ \t]+\d{2}(?!\d)")


def _after_birth_word(text: str, start: int) -> bool:
    """A birth word within three words before, or in the question answered."""
    if not context.could_occur(text, context_words.DATE_OF_BIRTH):
        return False
    before = context.words_before(text, start, 3)
    asked = context.question_words(text, start)
    return context_words.DATE_OF_BIRTH.matches_any(before + asked)
