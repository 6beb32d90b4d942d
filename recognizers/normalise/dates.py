"""Spoken dates: an ordinal day, then ``i`` and a month number or a month name, then maybe a
year: ``sjette i åttende nitten syttien`` → ``06.08.1971``, ``første mai`` → ``01.05``.

The date recognizers know the written form ``DD.MM.YYYY``; a date of birth said aloud is as
identifying as a written one. A day taken back (``femte nei fjerde mai``) is part of the
date; a day and month said as plain numbers (``atten åtte åttini``) are one only after a birth
word and when the date is all the run of number words says.
"""

from __future__ import annotations

import re

from recognizers.normalise import lexicon
from recognizers.normalise.number_words import NUMBER_WORD, Group, groups, tokens
from recognizers.normalise.numbers import RUN, SEPARATOR
from recognizers.normalise.offsets import TextView, ViewBuilder

_MONTH_NUMBERS: dict[str, int] = {
    word: value
    for word, value in (lexicon.ORDINALS | lexicon.UNITS | lexicon.TEENS).items()
    if 1 <= value <= 12
}
_DAY = lexicon.words_pattern(lexicon.ORDINALS)
_MONTH_NUMBER = lexicon.words_pattern(_MONTH_NUMBERS)
_MONTH_NAME = lexicon.words_pattern(lexicon.MONTHS)
_MONTH_ORDINAL = lexicon.words_pattern(word for word, day in lexicon.ORDINALS.items() if day <= 12)
DATE = re.compile(
    rf"(?<!\w)(?P<day>{_DAY})(?!\w)"
    rf"(?:[ ]+i[ ]+(?P<number>{_MONTH_NUMBER}|0?[1-9]|1[0-2])(?![.,/:]\d)"
    rf"|[ ]+(?:i[ ]+)?(?P<name>{_MONTH_NAME})|[ ]+(?P<bare>{_MONTH_ORDINAL}))(?!\w)",
)
"""An ordinal day and a month: the start of a spoken date."""
_SPACES = re.compile(r"[ ]+")
_WRITTEN_YEAR = re.compile(r"(?:\d{4}|\d{2})(?!\w)(?![.,/:]\d)")


_TAKEN_BACK = re.compile(rf"(?<!\w)(?:{_DAY})[ ]*,?[ ]+(?:nei|unnskyld)[ ]*,?[ ]+$")
"""An ordinal day taken back right before a spoken date: ``femte nei fjerde mai``."""
_CARDINAL_DAY = lexicon.words_pattern(
    word
    for word, value in (lexicon.UNITS | lexicon.TEENS | lexicon.COMPOUNDS).items()
    if 1 <= value <= 31
)
_CARDINAL_MONTH = lexicon.words_pattern(
    word for word, value in (lexicon.UNITS | lexicon.TEENS).items() if 1 <= value <= 12
)
CARDINAL_DATE = re.compile(
    rf"(?<![\w+])(?P<day>{_CARDINAL_DAY})[ ]+(?:(?P<month>{_CARDINAL_MONTH})"
    rf"|(?:i[ ]+)?(?P<name>{_MONTH_NAME})|(?P<bare>{_MONTH_ORDINAL}))(?!\w)"
)
"""A day said as a plain number, and a month as one too (``atten åtte åttini``), by name
(``en januar femtitre``) or as an ordinal (``ti åttende sekstisju``): a date only when a year
follows and ends the run, and a birth word was said just before (see
:func:`_cardinal_dates`)."""
_NUMBER_BEFORE = re.compile(rf"(?:{NUMBER_WORD}|\d){SEPARATOR}$")
"""A number word or digit right before: the date would be the tail of a longer number."""
_BIRTH_WORD = re.compile(r"(?<!\w)(?:født|fødd|fødsels|fodt|fodd|bursdag)")
_BIRTH_REACH = 160
"""How far before a cardinal date a birth word is looked for: the question before."""


_TWO_DIGIT_YEAR = lexicon.words_pattern(
    word for word, value in (lexicon.TENS | lexicon.COMPOUNDS).items() if value >= 20
)
_CENTURIES: dict[str, int] = {"atten": 18, "nitten": 19, "tjue": 20, "tjuge": 20, "tyve": 20}
_LATE_YEAR = lexicon.words_pattern(
    word for word, value in (lexicon.TEENS | lexicon.TENS | lexicon.COMPOUNDS).items()
)
_YEAR_FIRST = re.compile(
    rf"(?<!\w)(?:(?P<century>{lexicon.words_pattern(_CENTURIES)})[ ]+(?P<late>{_LATE_YEAR})"
    rf"|(?P<whole>{lexicon.words_pattern(lexicon.YEARS)})|(?P<year>{_TWO_DIGIT_YEAR}))"
    rf"[ ]+(?:(?:den|{lexicon.words_pattern(lexicon.FILLERS)})[ ]+)*$"
)
"""A year said before a spoken date, maybe with ``den`` or a filler between: the year first,
as a birth date is often given (``i nittiåtte den femtende mai``, ``nitten nittini trettende
februar``)."""
_YEAR_REACH = 40


def rewrite_dates(text: str, base: TextView | None = None) -> TextView | None:
    """``text`` with each spoken date written ``DD.MM``, ``DD.MM.YY`` or ``DD.MM.YYYY``."""
    builder = ViewBuilder(text, base)
    text = lexicon.lower(text)
    found = sorted([*DATE.finditer(text), *_cardinal_dates(text)], key=lambda m: m.start())
    for match in found:
        if match.start() >= builder.cursor:
            _write_year_first(builder, text, match)
            _write_date(builder, text, match)
    return builder.view()


def _cardinal_dates(text: str) -> list[re.Match[str]]:
    """Day and month as plain numbers with a year after them, when nothing but the date is
    said (the date is the whole run of number words: ``tolv elleve nittiåtte sju …`` and
    ``tjue null en null tre fem ni tre femti`` are other numbers) and a birth word comes
    shortly before: ``fødselsdatoen hans`` / ``atten åtte
    åttini``."""
    if _BIRTH_WORD.search(text) is None:
        return []
    dates = []
    for match in CARDINAL_DATE.finditer(text):
        year = _year(text, match.end())
        if not year:
            continue
        run = RUN.match(text, match.start() if match["month"] else year[0].start)
        if run is None or run.end() != year[-1].end:
            continue
        if _NUMBER_BEFORE.search(text, max(0, match.start() - _BIRTH_REACH), match.start()):
            continue
        if _BIRTH_WORD.search(text, max(0, match.start() - _BIRTH_REACH), match.start()):
            dates.append(match)
    return dates


def _write_date(builder: ViewBuilder, text: str, match: re.Match[str]) -> None:
    """Day, month and year digits each map to their own words; a dot to the gap before.

    A month said as a cardinal (``i åtte``, ``i 8``) or as an ordinal without ``i``
    (``tolvte tolvte sekstien``) counts only with a year after it: ``de andre i to uker`` and
    ``den første andre gangen`` are no dates.
    """
    if match.re is CARDINAL_DATE:
        _write_cardinal_date(builder, text, match)
        return
    month_group = next(name for name in ("number", "name", "bare") if match[name])
    month_word = match[month_group]
    month_start, month_end = match.span(month_group)
    year = _year(text, month_end)
    if not year and month_group == "name":
        year = _year_after_i(text, month_end)
    sure = month_group == "name" or (month_group == "number" and month_word in lexicon.ORDINALS)
    if not (year or sure):
        return
    day_start, day_end = match.start(), match.end("day")
    taken_back = _TAKEN_BACK.search(text, max(0, day_start - 40), day_start)
    if taken_back is not None and taken_back.start() >= builder.cursor:
        day_start = taken_back.start()
    builder.keep_to(day_start)
    builder.put(f"{lexicon.ORDINALS[match['day']]:02d}", day_start, day_end)
    builder.put(".", day_end, month_start)
    builder.put(f"{_month(month_word):02d}", month_start, month_end)
    if year:
        builder.put(".", month_end, year[0].start)
        for group in year:
            builder.put(group.digits, group.start, group.end)


def _write_year_first(builder: ViewBuilder, text: str, match: re.Match[str]) -> None:
    """Write the year said before a spoken date with a month name, when a birth word was said
    shortly before (``født`` / ``i nittiåtte den femtende mai`` → ``i 98 den 15.05``,
    ``nitten nittini trettende februar`` → ``1999 13.02``): the date of birth recognizer reads
    the year and the date together."""
    if match.re is not DATE or not match["name"]:
        return
    year = _YEAR_FIRST.search(text, max(builder.cursor, match.start() - _YEAR_REACH), match.start())
    if year is None:
        return
    if _BIRTH_WORD.search(text, max(0, year.start() - _BIRTH_REACH), year.start()) is None:
        return
    small = lexicon.TEENS | lexicon.TENS | lexicon.COMPOUNDS
    if year["century"]:
        value = f"{_CENTURIES[year['century']] * 100 + small[year['late']]}"
    elif year["whole"]:
        value = f"{lexicon.YEARS[year['whole']]}"
    else:
        value = f"{small[year['year']]:02d}"
    builder.keep_to(year.start())
    builder.put(value, year.start(), year.end(year.lastgroup or "year"))


def _write_cardinal_date(builder: ViewBuilder, text: str, match: re.Match[str]) -> None:
    """``atten åtte åttini`` → ``18.08.89``, ``en januar femtitre`` → ``01.01.53``, each field
    mapped to its own words."""
    year = _year(text, match.end())
    values = lexicon.UNITS | lexicon.TEENS | lexicon.COMPOUNDS
    month_group = next(name for name in ("month", "name", "bare") if match[name])
    month_word = match[month_group]
    month = values[month_word] if month_group == "month" else _month(month_word)
    month_start, month_end = match.span(month_group)
    builder.keep_to(match.start())
    builder.put(f"{values[match['day']]:02d}", match.start(), match.end("day"))
    builder.put(".", match.end("day"), month_start)
    builder.put(f"{month:02d}", month_start, month_end)
    builder.put(".", month_end, year[0].start)
    for group in year:
        builder.put(group.digits, group.start, group.end)


def _month(word: str) -> int:
    if word.isdigit():
        return int(word)
    return lexicon.MONTHS.get(word) or _MONTH_NUMBERS[word]


def _year(text: str, position: int) -> list[Group]:
    """The year said right after ``position``: four digits (``nitten syttien``, ``to tusen og
    tolv``, ``1971``) or two (``åttiåtte``, ``88``); empty when none follows."""
    gap = _SPACES.match(text, position)
    if gap is None:
        return []
    written = _WRITTEN_YEAR.match(text, gap.end())
    if written is not None:
        return [Group(written.group(), written.start(), written.end())]
    run = RUN.match(text, gap.end())
    return _year_groups(_paused(text, groups(tokens(text, run.start(), run.end())))) if run else []


_TENS_DIGITS = re.compile(r"[2-9]0")
_CENTURY_DIGITS = frozenset({"18", "19", "20"})


def _paused(text: str, found: list[Group]) -> list[Group]:
    """``found`` with a tens word and a unit word said apart at its end joined into one
    two-digit number: a year said last splits no number at a pause (``sytti ni`` is 79,
    ``nitten sytti fem`` 1975), though elsewhere a pause parts two numbers (see
    :func:`~recognizers.normalise.number_words.groups`) and more digits after make a
    dictation (``nitti to tre fire``)."""
    if len(found) < 2:
        return found
    tens, unit = found[-2], found[-1]
    if not (
        _TENS_DIGITS.fullmatch(tens.digits)
        and not tens.magnitude
        and len(unit.digits) == 1
        and unit.digits != "0"
        and not text[unit.start : unit.end].isdigit()
        and text[tens.end : unit.start].strip(" ") == ""
    ):
        return found
    return [*found[:-2], Group(tens.digits[0] + unit.digits, tens.start, unit.end)]


_I = re.compile(r"[ ]+i(?=[ ])")


def _year_after_i(text: str, position: int) -> list[Group]:
    """``femte mars i nittenåttifire``: a four-digit year after ``i`` and a month name (two
    digits there are a count: ``første mai i tjue år``)."""
    word = _I.match(text, position)
    year = _year(text, word.end()) if word else []
    return year if sum(len(group.digits) for group in year) == 4 else []


def _year_groups(found: list[Group]) -> list[Group]:
    """The leading groups that make a year: one of four digits, two of two, a century, a zero
    and a digit (``nitten null fem``), or one of two."""
    sizes = [len(group.digits) for group in found[:2]]
    if sizes[0] == 4:
        return found[:1]
    if (
        len(found) >= 3
        and found[0].digits in _CENTURY_DIGITS
        and found[1].digits == "0"
        and len(found[2].digits) == 1
    ):
        return found[:3]  # "nitten null fem": 1905
    if sizes == [2, 2]:
        return found[:2]
    return found[:1] if sizes[0] == 2 else []
