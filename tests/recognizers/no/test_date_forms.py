"""Reading written dates and writing shifted ones in the same form (issue 18)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from recognizers.no.date_forms import (
    DateForm,
    DatePrecision,
    Day,
    Language,
    LetterCase,
    Month,
    MonthStyle,
    Part,
    Year,
    parse_date,
    render,
    shift,
)

TODAY = datetime.date(2025, 6, 1)
"""Two-digit years 00-26 are 20xx, 27-99 are 19xx."""
D = datetime.date

PARSED = [
    ("17.05.17", D(2017, 5, 17), DatePrecision.DAY),
    ("17.05.2017", D(2017, 5, 17), DatePrecision.DAY),
    ("17.5.17", D(2017, 5, 17), DatePrecision.DAY),
    ("17/5-2017", D(2017, 5, 17), DatePrecision.DAY),
    ("17/05/2017", D(2017, 5, 17), DatePrecision.DAY),
    ("2017-05-17", D(2017, 5, 17), DatePrecision.DAY),
    ("2017.5.7", D(2017, 5, 7), DatePrecision.DAY),
    ("1. mai 2015", D(2015, 5, 1), DatePrecision.DAY),
    ("1 mai 2015", D(2015, 5, 1), DatePrecision.DAY),
    ("10 . september 1963", D(1963, 9, 10), DatePrecision.DAY),
    ("3. Mars 2020", D(2020, 3, 3), DatePrecision.DAY),
    ("17. mai -15", D(2015, 5, 17), DatePrecision.DAY),
    ("17. mai '99", D(1999, 5, 17), DatePrecision.DAY),
    ("3. des. 2019", D(2019, 12, 3), DatePrecision.DAY),
    ("May 17, 2017", D(2017, 5, 17), DatePrecision.DAY),
    ("May 1st, 2017", D(2017, 5, 1), DatePrecision.DAY),
    ("17 May 2017", D(2017, 5, 17), DatePrecision.DAY),
    ("22nd of June 2017", D(2017, 6, 22), DatePrecision.DAY),
    ("Sept 3rd, 2019", D(2019, 9, 3), DatePrecision.DAY),
    ("17. mai", D(2000, 5, 17), DatePrecision.DAY_MONTH),
    ("29. februar", D(2000, 2, 29), DatePrecision.DAY_MONTH),
    ("17.5.", D(2000, 5, 17), DatePrecision.DAY_MONTH),
    ("august 2013", D(2013, 8, 1), DatePrecision.MONTH_YEAR),
    ("aug. 2013", D(2013, 8, 1), DatePrecision.MONTH_YEAR),
    ("MAI 2015", D(2015, 5, 1), DatePrecision.MONTH_YEAR),
    ("08/2013", D(2013, 8, 1), DatePrecision.MONTH_YEAR),
    ("2012", D(2012, 1, 1), DatePrecision.YEAR),
    ("17.05.26", D(2026, 5, 17), DatePrecision.DAY),
    ("17.05.27", D(1927, 5, 17), DatePrecision.DAY),
]

NOT_DATES = [
    "",
    "32.01.2017",
    "17.13.2017",
    "31.04.2017",
    "29.02.2017",
    "12.30",
    "v2.1",
    "2000 mg",
    "ICD-10",
    "1.5.2",
    "12345",
    "mai",
    " 17.05.2017",
    "17.05.2017.",
    "17. mAi 2015",  # mixed case: not a supported form
    "17st May 2017",  # the ordinal does not fit the day
    "17Th May 2017",
]


@pytest.mark.parametrize(("text", "value", "precision"), PARSED)
def test_parse_and_render_back(text: str, value: datetime.date, precision: DatePrecision) -> None:
    parsed = parse_date(text, today=TODAY)
    assert parsed is not None
    assert (parsed.value, parsed.precision) == (value, precision)
    assert parsed.form.precision is precision
    assert render(parsed.value, parsed.form) == text


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert parse_date(text, today=TODAY) is None


SHIFTED = [
    ("17.05.17", 14, "31.05.17"),
    ("1. mai 2015", 14, "15. mai 2015"),
    ("2017-05-17", 14, "2017-05-31"),
    ("17/5-2017", 14, "31/5-2017"),
    ("17.5.2017", 14, "31.5.2017"),
    ("17.5.2017", -14, "3.5.2017"),
    ("17.05.2017", -14, "03.05.2017"),
    ("17.10.2017", 21, "07.11.2017"),
    ("5.10.2017", 28, "2.11.2017"),
    ("17. mai", 14, "31. mai"),
    ("28. desember", 14, "11. januar"),
    ("10 . september 1963", 14, "24 . september 1963"),
    ("3. Mars 2020", 35, "7. April 2020"),
    ("17. MAI 2015", 21, "7. JUNI 2015"),
    ("May 17, 2017", 14, "May 31, 2017"),
    ("17 May 2017", 21, "7 June 2017"),
    ("May 1st, 2017", 7, "May 8th, 2017"),
    ("17. mai -15", 7, "24. mai -15"),
    ("31.12.99", 7, "07.01.00"),
    ("17 sept 2017", 14, "1 okt 2017"),
    ("3. des. 2019", 28, "31. des. 2019"),
    ("3. des. 2019", 35, "7. jan. 2020"),
    ("MAI 2015", 7, None),  # a month and year are kept, not shifted
    ("2012", 7, None),
    ("29. februar", 7, None),  # no leap day in a year that is not given
    ("ikke en dato", 7, None),
]


@pytest.mark.parametrize(("text", "days", "expected"), SHIFTED)
def test_shift(text: str, days: int, expected: str | None) -> None:
    assert shift(text, days, today=TODAY) == expected


def test_form_describes_the_layout() -> None:
    parsed = parse_date("10 . september 1963", today=TODAY)
    assert parsed is not None
    assert parsed.form.order == "DMY"
    assert parsed.form.separators == (" . ", " ")
    iso = parse_date("2017-05-17", today=TODAY)
    assert iso is not None
    assert iso.form.order == "YMD"
    english = parse_date("May 17, 2017", today=TODAY)
    assert english is not None
    month = english.form.parts[0]
    assert month == Month(MonthStyle.NAME, case=LetterCase.TITLE, language=Language.ENGLISH)


def test_reference_year_of_a_day_and_month() -> None:
    parsed = parse_date("17. mai", reference_year=2001)
    assert parsed is not None
    assert parsed.value == D(2001, 5, 17)
    assert parse_date("29. februar", reference_year=2001) is None


def test_shared_month_name_follows_the_language_given() -> None:
    assert shift("17 august 2017", 56, today=TODAY) == "12 oktober 2017"
    english = shift("17 august 2017", 56, today=TODAY, language=Language.ENGLISH)
    assert english == "12 october 2017"
    assert shift("17. August 2017", 56, today=TODAY) == "12. Oktober 2017"  # dot: Norwegian
    assert shift("17 August 2017", 56, today=TODAY) == "12 October 2017"  # title, no dot


# Generated forms: every written date reads back to itself.

_CASES = st.sampled_from(list(LetterCase))
_NUMERIC_SEPARATORS = st.sampled_from([".", "/", "-"])


@st.composite
def numeric_forms(draw: st.DrawFn, *, stable: bool = False) -> DateForm:
    """``17.05.2017`` and its kin; ``stable``: zero-padded, which survives any shift."""
    padded = True if stable else draw(st.booleans())
    day, month = Day(padded), Month(MonthStyle.NUMBER, padded=padded)
    if draw(st.booleans()):
        separator = draw(_NUMERIC_SEPARATORS)
        return DateForm((Year(4), separator, month, separator, day))
    year = Year(draw(st.sampled_from([2, 4])))
    first, second = draw(_NUMERIC_SEPARATORS), draw(_NUMERIC_SEPARATORS)
    return DateForm((day, first, month, second, year))


@st.composite
def norwegian_forms(draw: st.DrawFn, *, stable: bool = False) -> DateForm:
    """``1. mai 2015`` and its kin; ``stable``: forms whose language and padding survive any
    shift (a padded ``05. mai`` moved to ``19. mai`` no longer shows its padding)."""
    dotted = draw(st.booleans())
    case = draw(_CASES) if dotted or not stable else LetterCase.LOWER
    gap = draw(st.sampled_from([". ", ".", " . "])) if dotted else " "
    style = draw(st.sampled_from([MonthStyle.NAME, MonthStyle.ABBREVIATION]))
    padded = False if stable else draw(st.booleans())
    parts: list[Part] = [Day(padded), gap, Month(style, case=case)]
    year = draw(st.sampled_from([None, " ", " -", " '"]))
    if year is not None:
        if style is MonthStyle.ABBREVIATION and draw(st.booleans()):
            parts.append(".")  # ``3. des. 2019``
        parts += [year, Year(4 if year == " " else 2)]
    return DateForm(tuple(parts))


@st.composite
def english_forms(draw: st.DrawFn) -> DateForm:
    suffix = draw(st.sampled_from([None, LetterCase.LOWER]))
    style = draw(st.sampled_from([MonthStyle.NAME, MonthStyle.ABBREVIATION]))
    month = Month(style, case=LetterCase.TITLE, language=Language.ENGLISH)
    day = Day(False, suffix)
    if draw(st.booleans()):
        return DateForm((month, " ", day, ", ", Year(4)))
    return DateForm((day, " ", month, " ", Year(4)))


def _dates(form: DateForm) -> st.SearchStrategy[datetime.date]:
    """Dates a form can hold unambiguously: two-digit years within the pivot's century."""
    if Year(2) in form.parts:
        return st.dates(D(1927, 1, 1), D(2026, 12, 31))
    return st.dates(D(1900, 1, 1), D(2099, 12, 31))


FORMS = st.one_of(numeric_forms(), norwegian_forms(), english_forms())
STABLE_FORMS = st.one_of(numeric_forms(stable=True), norwegian_forms(stable=True), english_forms())


@settings(deadline=None, max_examples=400)
@given(data=st.data(), form=FORMS)
def test_round_trip(data: st.DataObject, form: DateForm) -> None:
    value = data.draw(_dates(form))
    written = render(value, form)
    parsed = parse_date(written, today=TODAY)
    assert parsed is not None, written
    assert render(parsed.value, parsed.form) == written
    assert parsed.precision is form.precision
    if form.precision is DatePrecision.DAY:
        assert parsed.value == value
    else:
        assert (parsed.value.month, parsed.value.day) == (value.month, value.day)


def _lands_on_a_name(form: DateForm, before: datetime.date, after: datetime.date) -> bool:
    """An abbreviation that lands in May reads back as the name ``mai`` (module docstring)."""
    abbreviated = any(
        isinstance(p, Month) and p.style is MonthStyle.ABBREVIATION for p in form.parts
    )
    return abbreviated and after.month == 5 and before.month != 5


@settings(deadline=None, max_examples=400)
@given(data=st.data(), form=STABLE_FORMS, weeks=st.integers(-260, 260))
def test_shift_and_back(data: st.DataObject, form: DateForm, weeks: int) -> None:
    value = data.draw(_dates(form))
    written = render(value, form)
    moved = shift(written, 7 * weeks, today=TODAY)
    if form.precision is DatePrecision.DAY_MONTH and (value.month, value.day) == (2, 29):
        assert moved is None
        return
    assert moved is not None
    parsed = parse_date(moved, today=TODAY)
    assert parsed is not None
    assume(not _lands_on_a_name(form, value, parsed.value))
    assert shift(moved, -7 * weeks, today=TODAY) == written


@settings(deadline=None, max_examples=300)
@given(data=st.data(), form=STABLE_FORMS, weeks=st.integers(-260, 260))
def test_whole_weeks_keep_the_weekday(data: st.DataObject, form: DateForm, weeks: int) -> None:
    assume(form.precision is DatePrecision.DAY and Year(2) not in form.parts)
    value = data.draw(_dates(form))
    moved = shift(render(value, form), 7 * weeks, today=TODAY)
    assert moved is not None
    parsed = parse_date(moved, today=TODAY)
    assert parsed is not None
    assert parsed.value - value == datetime.timedelta(weeks=weeks)
    assert parsed.value.weekday() == value.weekday()
