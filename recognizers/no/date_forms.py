"""Dates as written in Norwegian (and English) text: read one into a value and the way it is
written, and write another value the same way — what date shifting needs (issue 18).

A :class:`DateForm` is the written date cut into fields (:class:`Day`, :class:`Month`,
:class:`Year`) and the literal text between them, so every separator and space survives a
round trip: ``render(parse_date(s).value, parse_date(s).form) == s`` for every ``s``
:func:`parse_date` accepts (``10 . september 1963``, ``17/5-2017``, ``17. mai -15``,
``May 17th, 2017``). A shifted value keeps the form: ``17.05.17`` + 14 days is ``31.05.17``.

What the form cannot tell, and how it is decided:

- Zero padding of a two-digit field ``17``: taken from the other numeric field (``17.5.2017``:
  not padded; ``17.05.2017``: padded), else padded in numeric dates and not in dates with a
  month name (``1. mai``).
- Two-digit years: ``yy`` is 20yy when ``yy <= today.year % 100 + 1``, else 19yy
  (``today`` is a parameter; the clock by default).
- Month names: nynorsk writes them as bokmål does (``januar`` … ``desember``, ``jan`` …
  ``des``), so the languages are Norwegian and English. A name both languages share
  (``april``, ``august``, ``jun``) is Norwegian after an ordinal dot (``3. april``), English
  with a month-first order, an English ordinal (``17th``) or in title case without a dot
  (``17 August 2017``), and else ``language`` (default Norwegian). ``mai``/``May`` are full
  names, so an abbreviated form that lands in May comes back as a name (``jun`` → ``mai`` →
  ``juni``), and ``sept`` turns into ``sep`` once it has left September.
- Moving a date and moving it back returns the text it started from unless the moved text
  hides what the original showed: padding when both fields of the moved date have two digits
  (``5.10.2017`` → ``19.10.2017`` reads as padded), an abbreviation landing in May, ``sept``,
  or a shared month name whose language the moved text no longer tells.
- A month name in mixed case (``mAI``) or an English ordinal that does not fit the day
  (``17st``) is not a supported form: :func:`parse_date` returns ``None``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple


class DatePrecision(Enum):
    """What a written date gives: a day, a day and month without year, a month, a year."""

    DAY = "day"
    DAY_MONTH = "day_month"
    MONTH_YEAR = "month_year"
    YEAR = "year"


class Language(Enum):
    """The language of a month name (nynorsk month names are bokmål's)."""

    NORWEGIAN = "no"
    ENGLISH = "en"


class MonthStyle(Enum):
    """How a month is written: ``05``, ``mai``, ``aug``."""

    NUMBER = "number"
    NAME = "name"
    ABBREVIATION = "abbreviation"


class LetterCase(Enum):
    """``mai``, ``Mai``, ``MAI`` (and ``th`` / ``TH`` for an English ordinal)."""

    LOWER = "lower"
    TITLE = "title"
    UPPER = "upper"


@dataclass(frozen=True, slots=True)
class Day:
    """The day field; ``suffix`` is the case of an English ordinal (``17th``), if any."""

    padded: bool
    suffix: LetterCase | None = None


@dataclass(frozen=True, slots=True)
class Month:
    """The month field: a number (maybe zero-padded) or a name in a language and case."""

    style: MonthStyle
    padded: bool = False
    case: LetterCase = LetterCase.LOWER
    language: Language = Language.NORWEGIAN
    long_september: bool = False
    """``sept`` rather than ``sep`` (abbreviations only)."""


@dataclass(frozen=True, slots=True)
class Year:
    """The year field: ``digits`` is 2 or 4."""

    digits: int


Part = str | Day | Month | Year


@dataclass(frozen=True, slots=True)
class DateForm:
    """The written layout of a date: fields and the literal text around them, in order."""

    parts: tuple[Part, ...]

    @property
    def order(self) -> str:
        """The fields in written order: ``DMY``, ``YMD``, ``MDY``, ``DM``, ``MY`` or ``Y``."""
        letters = {Day: "D", Month: "M", Year: "Y"}
        return "".join(letters[type(p)] for p in self.parts if not isinstance(p, str))

    @property
    def precision(self) -> DatePrecision:
        """What the fields give (see :class:`DatePrecision`)."""
        fields = set(self.order)
        if "D" in fields:
            return DatePrecision.DAY if "Y" in fields else DatePrecision.DAY_MONTH
        return DatePrecision.MONTH_YEAR if "M" in fields else DatePrecision.YEAR

    @property
    def separators(self) -> tuple[str, ...]:
        """The literal text between (and around) the fields."""
        return tuple(p for p in self.parts if isinstance(p, str))


class ParsedDate(NamedTuple):
    """A parsed date: ``value`` is the day (the 1st of the month for ``MONTH_YEAR``, 1
    January for ``YEAR``, a day in the reference year for ``DAY_MONTH``)."""

    value: datetime.date
    precision: DatePrecision
    form: DateForm


_NO, _EN = Language.NORWEGIAN, Language.ENGLISH
_NAME_STYLE, _ABBREVIATED = MonthStyle.NAME, MonthStyle.ABBREVIATION
_SPELLINGS: dict[tuple[Language, MonthStyle], list[str]] = {
    (_NO, _ABBREVIATED): "jan feb mar apr mai jun jul aug sep okt nov des".split(),
    (_EN, _ABBREVIATED): "jan feb mar apr may jun jul aug sep oct nov dec".split(),
    (_NO, _NAME_STYLE): "januar februar mars april mai juni juli august september oktober "
    "november desember".split(),
    (_EN, _NAME_STYLE): "january february march april may june july august september october "
    "november december".split(),
}
_MONTH_WORDS: dict[str, dict[Language, tuple[MonthStyle, int]]] = {
    "sept": {_NO: (_ABBREVIATED, 9), _EN: (_ABBREVIATED, 9)}
}
for (_tongue, _style), _words in _SPELLINGS.items():  # names last: ``mai`` is a name
    for _number, _word in enumerate(_words, start=1):
        _MONTH_WORDS.setdefault(_word, {})[_tongue] = (_style, _number)

MONTH_PATTERN = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
"""Regex alternation of every month name and abbreviation (lower case; longest first)."""
REFERENCE_YEAR = 2000
"""The year of a ``DAY_MONTH`` value by default: a leap year, so ``29. februar`` is a date."""

_DAY = r"(?P<day>\d{1,2})(?P<suffix>st|nd|rd|th)?"
_NAME = rf"(?P<name>{MONTH_PATTERN})(?![^\W\d_])"
_DAY_GAP = r"(?:[ \t]*\.[ \t]*|[ \t]+(?:of[ \t]+)?)"
_YEAR_GAP = r"(?:\.?,?[ \t]*['’‘-]|\.?,?[ \t]+|\.)"
_NUM_SEP = r"[ \t]?[./-][ \t]?"
_GRAMMARS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"(?P<day>\d{{1,2}}){_NUM_SEP}(?P<number>\d{{1,2}}){_NUM_SEP}(?P<year>\d{{4}}|\d{{2}})",
        r"(?P<year>\d{4})(?P<sep>[./-])(?P<number>\d{1,2})(?P=sep)(?P<day>\d{1,2})",
        r"(?P<day>\d{1,2})[./](?P<number>\d{1,2})\.?",
        r"(?P<number>\d{1,2})[./-](?P<year>\d{4})",
        rf"{_DAY}{_DAY_GAP}{_NAME}{_YEAR_GAP}(?P<year>\d{{4}}|\d{{2}})",
        rf"{_DAY}{_DAY_GAP}{_NAME}",
        rf"{_NAME}\.?[ \t]+{_DAY},?[ \t]+(?P<year>\d{{4}})",
        rf"{_NAME}\.?[ \t]+{_DAY}",
        rf"{_NAME}{_YEAR_GAP}(?P<year>\d{{4}}|\d{{2}})",
        r"(?P<year>\d{4})",
    )
]


def parse_date(
    text: str,
    *,
    today: datetime.date | None = None,
    reference_year: int = REFERENCE_YEAR,
    language: Language = Language.NORWEGIAN,
) -> ParsedDate | None:
    """``text`` — exactly a written date, nothing around it — as a value, its precision and
    its form; ``None`` when it is no date or no supported form (``31.04.2017``, ``mAI``).

    ``today`` sets the two-digit-year pivot (module docstring); ``reference_year`` is the year
    of a date written without one; ``language`` decides a month name both languages share.
    """
    for grammar in _GRAMMARS:
        match = grammar.fullmatch(text)
        if match is not None:
            return _parsed(match, today or datetime.date.today(), reference_year, language)
    return None


def _parsed(
    match: re.Match[str], today: datetime.date, reference_year: int, language: Language
) -> ParsedDate | None:
    groups = match.groupdict()
    day_padded, month_padded = _paddings(groups.get("day"), groups.get("number"))
    month = _month_field(match, language, month_padded)
    day = _day_field(match, day_padded)
    if month is None or day is False:
        return None
    fields: list[tuple[int, int, Part]] = []
    if groups.get("number") or groups.get("name"):
        fields.append((*match.span("name" if groups.get("name") else "number"), month))
    if isinstance(day, Day):
        end = match.end("suffix") if groups.get("suffix") else match.end("day")
        fields.append((match.start("day"), end, day))
    if groups.get("year"):
        fields.append((*match.span("year"), Year(len(groups["year"]))))
    form = _form(match.string, fields)
    value = _value(match, month, today, reference_year)
    return None if value is None else ParsedDate(value, form.precision, form)


def _paddings(day: str | None, month: str | None) -> tuple[bool, bool]:
    """Zero padding of the day and month digits; where a field does not show it, the other
    field's, else padded in a numeric date and not before a month name."""
    day_shows = _padding(day) if day else None
    month_shows = _padding(month) if month else None
    shown = day_shows if day_shows is not None else month_shows
    fallback = shown if shown is not None else month is not None
    return (
        fallback if day_shows is None else day_shows,
        fallback if month_shows is None else month_shows,
    )


def _form(text: str, fields: list[tuple[int, int, Part]]) -> DateForm:
    parts: list[Part] = []
    position = 0
    for start, end, field in sorted(fields, key=lambda f: f[0]):
        if start > position:
            parts.append(text[position:start])
        parts.append(field)
        position = end
    if position < len(text):
        parts.append(text[position:])
    return DateForm(tuple(parts))


def _value(
    match: re.Match[str], month: Month, today: datetime.date, reference_year: int
) -> datetime.date | None:
    groups = match.groupdict()
    if groups.get("number") is None and groups.get("name") is None:
        number = 1  # a year alone
    elif month.style is MonthStyle.NUMBER:
        number = int(groups["number"])
    else:
        number = _MONTH_WORDS[groups["name"].lower()][month.language][1]
    year = reference_year
    if groups.get("year"):
        year = _full_year(groups["year"], today)
    day = int(groups["day"]) if groups.get("day") else 1
    try:
        return datetime.date(year, number, day)
    except ValueError:
        return None


def _full_year(digits: str, today: datetime.date) -> int:
    if len(digits) == 4:
        return int(digits)
    century = today.year - today.year % 100
    pivot = today.year % 100 + 1
    return century + int(digits) if int(digits) <= pivot else century - 100 + int(digits)


def _month_field(match: re.Match[str], default: Language, padded: bool) -> Month | None:
    """The month field (a placeholder, never written, for a year alone); ``None`` for a
    name in mixed case."""
    word = match.groupdict().get("name")
    if word is None:
        return Month(MonthStyle.NUMBER, padded=padded)
    case = _case(word)
    if case is None:
        return None
    spellings = _MONTH_WORDS[word.lower()]
    language = _language(match, spellings, case, default)
    style = spellings[language][0]
    return Month(style, False, case, language, word.lower() == "sept")


def _language(
    match: re.Match[str],
    spellings: dict[Language, tuple[MonthStyle, int]],
    case: LetterCase,
    default: Language,
) -> Language:
    if len(spellings) == 1:
        return next(iter(spellings))
    groups = match.groupdict()
    if groups.get("day") and "." in match.string[match.end("day") : match.start("name")]:
        return Language.NORWEGIAN
    month_first = groups.get("day") and match.start("name") < match.start("day")
    if month_first or groups.get("suffix"):
        return Language.ENGLISH
    if groups.get("day") and case is LetterCase.TITLE:
        return Language.ENGLISH
    return default


def _day_field(match: re.Match[str], padded: bool) -> Day | bool | None:
    """The day field, ``None`` when there is no day, ``False`` for an English ordinal in
    mixed case or one that does not fit the day (``17st``)."""
    groups = match.groupdict()
    digits = groups.get("day")
    if digits is None:
        return None
    written = groups.get("suffix")
    if not written:
        return Day(padded)
    suffix = _case(written)
    if suffix is LetterCase.TITLE or written.lower() != _ordinal_suffix(int(digits)):
        return False
    return Day(padded, suffix)


def _padding(digits: str) -> bool | None:
    """True for ``05``, False for ``5``, None for ``17`` (it does not show)."""
    if len(digits) == 1:
        return False
    return True if digits.startswith("0") else None


def _case(word: str) -> LetterCase | None:
    if word.islower():
        return LetterCase.LOWER
    if word.isupper():
        return LetterCase.UPPER
    if word[0].isupper() and word[1:].islower():
        return LetterCase.TITLE
    return None


def _ordinal_suffix(day: int) -> str:
    if day % 10 == 1 and day != 11:
        return "st"
    if day % 10 == 2 and day != 12:
        return "nd"
    return "rd" if day % 10 == 3 and day != 13 else "th"


def render(value: datetime.date, form: DateForm) -> str:
    """``value`` written in ``form``: the fields the form has, the literal text as it is."""
    return "".join(_render(value, part) for part in form.parts)


def _render(value: datetime.date, part: Part) -> str:
    if isinstance(part, str):
        return part
    if isinstance(part, Day):
        day = f"{value.day:02d}" if part.padded else str(value.day)
        if part.suffix is None:
            return day
        return day + _cased(_ordinal_suffix(value.day), part.suffix)
    if isinstance(part, Year):
        return f"{value.year % 100:02d}" if part.digits == 2 else f"{value.year:04d}"
    if part.style is MonthStyle.NUMBER:
        return f"{value.month:02d}" if part.padded else str(value.month)
    word = _SPELLINGS[part.language, part.style][value.month - 1]
    if part.style is MonthStyle.ABBREVIATION and value.month == 9 and part.long_september:
        word = "sept"
    return _cased(word, part.case)


def _cased(word: str, case: LetterCase) -> str:
    if case is LetterCase.UPPER:
        return word.upper()
    return word.title() if case is LetterCase.TITLE else word


_CYCLE_YEAR = 2001  # any year that is not a leap year


def shift(
    text: str,
    days: int,
    *,
    today: datetime.date | None = None,
    language: Language = Language.NORWEGIAN,
) -> str | None:
    """``text`` moved by ``days`` and written in its own form; ``None`` when it is no date,
    or gives no day (``MONTH_YEAR`` and ``YEAR`` are kept as they are by the policy).

    A ``DAY_MONTH`` date moves in a 365-day year (no leap day), so moving back by ``-days``
    always returns ``text``; ``29. februar`` without a year cannot move (``None``). A date
    moved out of ``datetime.date``'s range gives ``None`` too.
    """
    parsed = parse_date(text, today=today, language=language)
    if parsed is None:
        return None
    if parsed.precision is DatePrecision.DAY:
        try:
            return render(parsed.value + datetime.timedelta(days=days), parsed.form)
        except OverflowError:
            return None
    if parsed.precision is DatePrecision.DAY_MONTH:
        value = parsed.value
        if (value.month, value.day) == (2, 29):
            return None
        day_of_year = datetime.date(_CYCLE_YEAR, value.month, value.day).timetuple().tm_yday
        moved = datetime.date(_CYCLE_YEAR, 1, 1) + datetime.timedelta(
            (day_of_year - 1 + days) % 365
        )
        return render(moved, parsed.form)
    return None
