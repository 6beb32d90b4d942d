"""AGE: a person's age, in digits or number words (issue 18).

Found: ``46 år``, ``46 år gammel`` (nynorsk ``gamal``), ``46-årig``, ``46 årig``,
``46-åring``, ``46 åring``, ``seksåring``, ``i 60-årene``, ``i 60-åra``, ``30 års alder``,
``19 måneder``, ``19 mnd gammel``, ``3 uker gammel``, ``fire år gammel``, ``sekstiåtte år``,
``alder: 46``, ``i en alder av 30``, ``fylte 46``, a number in an ``Alder`` column, and
English ``46 y.o.``, ``46 years old``, ``46-year-old``.

A number of years or months alone is a duration as often as an age: ``2 år siden``,
``i fire år``, ``behandlet i 3 år``, ``for 2 år siden`` and ``3 år senere`` are durations,
told by the word before (skipping hedges: ``i ca. 3 år``) or after. Weeks and days are ages
only with ``gammel``. ``-årig`` is a duration before ``utdanning``, ``oppfølging`` and the
like (``3-årig studie``); a decade is an era after ``på`` (``på 60-årene``).

The metadata holds the age in whole years, ``years`` (``"46"``; ``19 måneder`` is ``"1"``,
weeks and days ``"0"``, a decade its first year: ``i 60-årene`` is ``"60"``), and ``unit``:
``year``, ``month``, ``week``, ``day`` or ``decade``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recognizers.no import context
from recognizers.no.base import NorwegianRecognizer, Verdict, matches, number_pattern
from recognizers.no.context_words import ContextWords
from recognizers.no.dates import UNITS, plain_words_before
from recognizers.normalise import lexicon
from recognizers.normalise.number_words import NUMBER_WORD, groups, tokens

SCORE = 0.85
OLDEST = 130

_OLD = r"(?:gammel|gammelt|gamle|gamal|gamalt|gammal)"
_UNITS = (
    r"(?:(?P<adjective>[ ]?-?[ ]?år(?:ige?|ing(?:en|er|ene|ar|ane)?))"
    r"|(?P<decade>-(?:årene|åra|årsalder(?:en)?))"
    r"|(?P<genitive>[ -]års[ -]?alder(?:en)?)"
    rf"|[ ](?P<year>år)(?P<year_old>[ ]{_OLD})?"
    rf"|[ ](?P<month>måneder|månader|måned|månad|mndr?)(?P<month_old>\.?[ ]{_OLD})?"
    rf"|[ ](?P<week>uker|uke|veker|veke)[ ]{_OLD}"
    rf"|[ ](?P<day>dager|dagar|dag|døgn)[ ]{_OLD}"
    r"|(?P<english>[ -]?(?:y\.o\.?|y/o|yo|yrs?[ -]old|years?[ -]old|years?[ ]of[ ]age)))"
    r"(?!\w)"
)
_DIGITS = number_pattern(
    rf"(?<![\w+])(?<![.,/:-])(?P<number>\d{{1,3}}(?:,5)?){_UNITS}", re.IGNORECASE, runs=(1, 2, 3)
)
_WORD_RUN = rf"{NUMBER_WORD}(?:(?:[ ]og[ ]|[ ]|-){NUMBER_WORD})*"
_WORDS = re.compile(rf"(?<![\w-])(?P<words>{_WORD_RUN}){_UNITS}")
"""Number words then a unit, searched in the lower-cased text."""
_SMALL_VALUES = lexicon.UNITS | lexicon.TEENS | lexicon.TENS | lexicon.COMPOUNDS
_SMALL = lexicon.words_pattern(word for word in _SMALL_VALUES if word.isalpha())
_COMPOUND = re.compile(
    rf"(?<![\w-])(?P<compound>{_SMALL})(?P<adjective>år(?:ige?|ing(?:en|er|ene|ar|ane)?))(?!\w)"
)
"""``seksåring``, ``toårig``: a number word and the unit written as one word."""
_LABELLED = number_pattern(r"(?<![\w+])(?<![.,/:-])\d{1,3}(?!\d)(?![.,/:]\d)", runs=(1, 2, 3))
"""A number after an age label (``alder: 46``, ``i en alder av 30``, ``fylte 46``)."""

AGE_LABELS = ContextWords.of("alder$", "alderen$", "age$", "aged$")
_TURNED = frozenset({"fylte", "fyller", "fyllte", "fylde", "fyl", "fyltes", "turned", "turning"})
DURATION_BEFORE = frozenset(
    """i på for om etter innen innan gjennom siden sidan hvert hver kvart kvar siste sist neste
    første fyrste de dei ytterligere ytterlegare ekstra varte varer vart varig med in after
    within during""".split()
)
"""Words before ``N år`` that make it a duration (``i 3 år``, ``om 2 år``)."""
HEDGES = frozenset(
    """ca cirka omtrent nesten nærmere nærare drøye drøyt godt vel over under bare berre
    kun minst maks rundt snart mer meir enn mindre lag""".split()
)
"""Words between a duration word and the number (``i ca. 3 år``, ``for nesten 2 år``)."""
DURATION_AFTER = frozenset(
    """siden sidan tilbake før etter seinere senere seinare etterpå til fram frem framover
    fremover med uten utan sammenhengende samanhengande ago later earlier overlevelse
    oppfølging oppfølgjing observasjon varighet""".split()
)
"""Words after ``N år`` that make it a duration (``2 år siden``, ``3 år senere``)."""
PERSON_NOUNS = frozenset(
    """mann kvinne kvinna dame herre gutt gut jente jenta barn barnet pasient pasienten pasienter
    pas pt kar man woman boy girl child patient male female""".split()
)
"""Words for a person right before ``N år``: what follows is the person's age, whatever comes
after it (``Mann 45 år med …``)."""
_DURATION_PAIRS = frozenset({("på", "rad"), ("i", "strekk"), ("i", "trekk")})
_DURATION_NOUNS = (
    "utdann studi studie oppfølg prosjekt periode program garanti kontrakt avtale behandl "
    "forløp plan løp observasjon perspektiv horisont engasjement vikariat stilling permisjon "
    "kurs skole historie overlevelse tidsrom"
).split()
"""Nouns after ``N-årig`` that make it a length of time (``3-årig utdanning``)."""
_ERA_BEFORE = frozenset({"på", "gjennom", "utover", "fra", "frå", "til", "etter", "før"})


class AgeRecognizer(NorwegianRecognizer):
    """Ages in digits or number words (module docstring)."""

    ENTITY = "AGE"
    NEEDS_DIGIT = False
    PATTERNS = (_DIGITS, _LABELLED, _WORDS, _COMPOUND)

    def candidates(self, text: str) -> Iterator[re.Match[str]]:
        """Digits in ``text``; number words in its lower-cased copy (same offsets)."""
        yield from matches(_DIGITS, text)
        lowered = context.lowered(text)
        if AGE_LABELS.might_occur(lowered) or "fyl" in lowered or "turn" in lowered:
            yield from matches(_LABELLED, text)
        if "år" in lowered or "mån" in lowered or "mnd" in lowered or "year" in lowered:
            words = lexicon.lower(text)
            yield from _WORDS.finditer(words)
            yield from _COMPOUND.finditer(words)

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """An age in range, told from a duration (module docstring)."""
        if match.re is _LABELLED:
            return _labelled(text, match)
        number = _number(match)
        if number is None:
            return None
        unit, years = _unit_and_years(match, number)
        if years is None or not _reads_as_age(text, match, unit):
            return None
        return Verdict(SCORE, {"years": str(years), "unit": unit})


def _number(match: re.Match[str]) -> float | None:
    found = match.groupdict()
    if found.get("number"):
        return float(found["number"].replace(",", "."))
    if found.get("compound"):
        return float(_SMALL_VALUES[found["compound"]])
    spoken = groups(tokens(match.string, *match.span("words")))
    return float(spoken[0].digits) if len(spoken) == 1 else None


def _unit_and_years(match: re.Match[str], number: float) -> tuple[str, int | None]:
    """The unit and the age in whole years; ``None`` years when out of range."""
    found = match.groupdict()
    if found.get("decade"):
        decade = number % 10 == 0 and 10 <= number <= OLDEST - 10
        in_range = decade or "alder" in found["decade"]
        return "decade", int(number) if in_range else None
    if found.get("month"):
        return "month", int(number) // 12 if number <= OLDEST * 12 else None
    if found.get("week"):
        return "week", int(number) // 52 if number <= 520 else None
    if found.get("day"):
        return "day", 0 if number <= 366 else None
    return "year", int(number) if number <= OLDEST else None


def _reads_as_age(text: str, match: re.Match[str], unit: str) -> bool:
    found = match.groupdict()
    if unit == "decade":
        before = plain_words_before(text, match.start(), 1)
        return "alder" in found["decade"] or not (before and before[-1] in _ERA_BEFORE)
    if found.get("adjective") and "åring" not in found["adjective"].lower():
        following = context.words_after(text, match.end(), 1)
        return not (following and following[0].startswith(tuple(_DURATION_NOUNS)))
    bare = (found.get("year") and not found.get("year_old")) or (
        found.get("month") and not found.get("month_old")
    )
    return not bare or not _duration(text, match.start(), match.end())


def _duration(text: str, start: int, end: int) -> bool:
    """A number of years or months that reads as a length of time (module docstring)."""
    after = context.words_after(text, end, 2)
    if after and after[0] in {"alder", "alderen", "age"}:
        return False  # ``sidan 19 måneder alder``
    before = plain_words_before(text, start)
    if before and before[-1] in PERSON_NOUNS:
        return False  # ``Mann 45 år med Bechterews``, ``Barn 2 år til vaksinasjon``
    while before and before[-1] in HEDGES:
        before.pop()
    if (before and before[-1] in DURATION_BEFORE) or before[-2:] == ["løpet", "av"]:
        return True
    if after and after[0] in DURATION_AFTER:
        return True
    return tuple(after) in _DURATION_PAIRS


def _labelled(text: str, match: re.Match[str]) -> Verdict | None:
    """A bare number after an age label; a number with a unit after it is another
    pattern's (``alder 46 år``) or no age (``alder 46 kg``)."""
    if int(match.group()) > OLDEST or _DIGITS.match(text, match.start()):
        return None
    following = context.words_after(text, match.end(), 1)
    if following and following[0].split("/", maxsplit=1)[0] in UNITS:
        return None
    before = context.words_before(text, match.start(), 2)
    labelled = bool(before) and (AGE_LABELS.matches(before[-1]) or before[-1] in _TURNED)
    alder_av = before[-2:] in (["alder", "av"], ["alderen", "av"], ["age", "of"])
    if not (labelled or alder_av):
        return None
    return Verdict(SCORE, {"years": match.group(), "unit": "year"})
