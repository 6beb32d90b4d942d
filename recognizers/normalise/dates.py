"""Spoken dates: an ordinal day, then ``i`` and a month number or a month name, then maybe a
year: ``sjette i åttende nitten syttien`` → ``06.08.1971``, ``første mai`` → ``01.05``.

The date recognizers know the written form ``DD.MM.YYYY``; a date of birth said aloud is as
identifying as a written one.
"""

from __future__ import annotations

import re

from recognizers.normalise import lexicon
from recognizers.normalise.number_words import Group, groups, tokens
from recognizers.normalise.numbers import RUN
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


def rewrite_dates(text: str, base: TextView | None = None) -> TextView | None:
    """``text`` with each spoken date written ``DD.MM``, ``DD.MM.YY`` or ``DD.MM.YYYY``."""
    builder = ViewBuilder(text, base)
    text = lexicon.lower(text)
    for match in DATE.finditer(text):
        if match.start() >= builder.cursor:
            _write_date(builder, text, match)
    return builder.view()


def _write_date(builder: ViewBuilder, text: str, match: re.Match[str]) -> None:
    """Day, month and year digits each map to their own words; a dot to the gap before.

    A month said as a cardinal (``i åtte``, ``i 8``) or as an ordinal without ``i``
    (``tolvte tolvte sekstien``) counts only with a year after it: ``de andre i to uker`` and
    ``den første andre gangen`` are no dates.
    """
    month_group = next(name for name in ("number", "name", "bare") if match[name])
    month_word = match[month_group]
    month_start, month_end = match.span(month_group)
    year = _year(text, month_end)
    if not year and month_group == "name":
        year = _year_after_i(text, month_end)
    sure = month_group == "name" or (month_group == "number" and month_word in lexicon.ORDINALS)
    if not (year or sure):
        return
    day_end = match.end("day")
    builder.keep_to(match.start())
    builder.put(f"{lexicon.ORDINALS[match['day']]:02d}", match.start(), day_end)
    builder.put(".", day_end, month_start)
    builder.put(f"{_month(month_word):02d}", month_start, month_end)
    if year:
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
    return _year_groups(groups(tokens(text, run.start(), run.end()))) if run else []


_I = re.compile(r"[ ]+i(?=[ ])")


def _year_after_i(text: str, position: int) -> list[Group]:
    """``femte mars i nittenåttifire``: a four-digit year after ``i`` and a month name (two
    digits there are a count: ``første mai i tjue år``)."""
    word = _I.match(text, position)
    year = _year(text, word.end()) if word else []
    return year if sum(len(group.digits) for group in year) == 4 else []


def _year_groups(found: list[Group]) -> list[Group]:
    """The leading groups that make a year: one of four digits, two of two, or one of two."""
    sizes = [len(group.digits) for group in found[:2]]
    if sizes[0] == 4:
        return found[:1]
    if sizes == [2, 2]:
        return found[:2]
    return found[:1] if sizes[0] == 2 else []
