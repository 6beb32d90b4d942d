"""Municipal care services named by the municipality they serve, in the forms the head-word
reading of :mod:`recognizers.no.care_units` does not take (issue 18).

- a service word and ``i`` or ``på`` and a municipality of the register, maybe with
  ``kommune`` or a district after it (``fysioterapitjenesten i Gran``, ``heimesjukepleia på
  Smøla``, ``Hukommelsesteamet i Færder``, ``fysioterapitenesta i Molde kommune``,
  ``Rus- og psykiatritenesta i Karmøy``, ``psykisk helsetjeneste i Lillesand``);
- a service word and a municipality with a part of it (``hjemmetjenesten Askøy nord``,
  ``FACT-team Bergen sentrum``) or a district (``Heimetenesta Ulstein, sone vest``);
- a service or ward and, after a comma, a municipality and ``kommune`` (``Psykisk helse og
  rus, Luster kommune``, ``Enhet for psykisk helse og rus, Trondheim kommune``,
  ``Kreftkoordinator, Nordre Follo kommune``), or the other way round (``Lier kommune, Enhet
  for psykisk helse``), or a district of Oslo and a service (``Bydel Alna, psykisk
  helsetjeneste``).

A service word is a word ending in ``-tjeneste``, ``-teneste``, ``-team``, ``-sykepleie``,
``-sjukepleie`` or ``-koordinator`` (and their definite forms) whose first part names care:
health, nursing, therapy, midwifery, substance use, psychiatry, memory, dementia, home care,
cancer, rehabilitation, FACT/ACT (:data:`_CARE_STEM`). ``barneverntjenesten i Molde``,
``PP-tjenesten i Sogn``, ``teknisk drift`` are none; a service in a village (``hjemmetjenesten
i Rasvåg``) is a service in a place, not a unit, as in :mod:`recognizers.no.care_units`.

The search starts from the municipalities the text names (the caller finds them among the
capitalised words it has already read) and reads the service around each: one scan of the
text for service words would cost more than the rest of the recognizer.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator

from recognizers.no.care_unit_parts import DISTRICT
from recognizers.no.places import name_key

_UPPER = "A-ZÆØÅÄÖÜ"
_SERVICE_WORD = (
    r"(?<![\w\-])[\w\-]*(?:tjenesten?|tjenestene|tenesta|teneste|tenestene|team(?:et)?"
    r"|sykepleien?|sjukepleia|sjukepleie|koordinator(?:en)?)"
)
_SERVICE = (
    rf"(?:[{_UPPER}a-zæøå][a-zæøå]*-[ ]og[ ])?(?:[Pp]sykisk[ ]|[Kk]ommunal[ ]|[Aa]mbulant[ ])?"
    rf"(?P<word>{_SERVICE_WORD})"
)
"""A service: a service word (module docstring), maybe with a coordinated first part (``Rus-
og psykiatritenesta``) or an adjective (``psykisk helsetjeneste``)."""
_CARE_STEM = re.compile(
    r"(?:[\w\-]*(?:helse|pleie|terapi)|rus|psyk|omsorg|jordmor|hukommelse|demens|hjemme|heime"
    r"|kreft|rehab|habil|f?act-|lindrende|palliativ|legevakt)",
    re.IGNORECASE,
)
_SECOND_WORD = re.compile(rf"[ ][{_UPPER}][\w\-]*")
_PART = r"(?:nord|sør|øst|vest|sentrum|indre|ytre)"
_SERVICE_AT_END = re.compile(
    rf"(?:{_SERVICE}|(?<![\w\-])[Hh]elsestasjon(?:en)?[ ]for[ ](?:barn[ ]og[ ])?(?:ungdom|unge"
    r"|studenter))\Z"
)
_ENDINGS = tuple(
    """tjeneste tjenesten tjenestene tenesta teneste tenestene team teamet sykepleie sykepleien
    sjukepleia sjukepleie koordinator koordinatoren ungdom unge studenter""".split()
)
"""The endings :data:`_SERVICE_AT_END` is tried after: service words, and the people a
``Helsestasjon for ungdom`` serves."""
_DISTRICT_WORD = re.compile(r"[ ](?:i[ ])?(?:[Bb]ydel|[Ss]one)[ ]")
_PART_AFTER = re.compile(rf"[ ]{_PART}(?![\w\-])|{DISTRICT}")
_KOMMUNE = re.compile(r"[ ]kommune(?![\w\-])")
_WARD_FOR = r"(?:Enhet|Avdeling|Seksjon|Senter|Tjeneste|Team)[ ]for(?:[ ][a-zæøå\-]+){1,5}"
_HEALTH = r"[Pp]sykisk[ ]helse(?:[ ]og[ ]rus)?"
_WARD_BEFORE = re.compile(
    rf"(?:(?<![\w\-]){_WARD_FOR}|(?<![\w\-]){_HEALTH}(?:tjenesten?)?|{_SERVICE}),[ ]\Z"
)
_WARD_AFTER = re.compile(rf",[ ](?:{_WARD_FOR}|{_HEALTH}|{_SERVICE})(?![\w\-])")
_DISTRICT_THEN_WARD = re.compile(
    rf"(?<![\w\-])[Bb]ydel[ ][{_UPPER}][\w\-]*(?:[ ][{_UPPER}][\w\-]*)?,[ ]"
    rf"(?:{_HEALTH}|{_SERVICE})(?![\w\-])"
)


def _is_care(word: str | None) -> bool:
    """The service word names care (:data:`_CARE_STEM`), not child welfare or roads."""
    return word is None or _CARE_STEM.match(word) is not None


def named_services(
    text: str, firsts: Iterable[str], municipalities: Container[str]
) -> list[tuple[int, int]]:
    """The spans of the services in ``text`` named by a municipality of ``municipalities``
    (lower-case keys) in the forms of the module docstring, in order; ``firsts`` are the
    capitalised words of ``text`` that start a municipality's name. Overlapping spans are
    left for the caller to merge."""
    spans: list[tuple[int, int]] = []
    for word in firsts:
        for start in _starts(text, word):
            if (place_end := _municipality_end(text, start, municipalities)) is not None:
                spans.extend(_around(text, start, place_end))
    if "ydel " in text or "sone " in text or "Sone " in text:
        spans.extend(_services_in_district(text))
    return sorted(spans)


def _starts(text: str, word: str) -> Iterator[int]:
    """Every offset where ``word`` starts a word of ``text``."""
    start = text.find(word)
    while start >= 0:
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-_"):
            yield start
        start = text.find(word, start + len(word))


def _municipality_end(text: str, start: int, municipalities: Container[str]) -> int | None:
    """Where the municipality's name at ``start`` ends (one or two words: ``Nordre Follo``)."""
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] == "-"):
        end += 1
    second = _SECOND_WORD.match(text, end)
    if second is not None and name_key(text[start : second.end()]) in municipalities:
        return second.end()
    return end if name_key(text[start:end]) in municipalities else None


def _service_before(text: str, end: int) -> re.Match[str] | None:
    """The care service whose word ends at ``end``, if one does (its ending tested first)."""
    first = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end)) + 1
    if not text.endswith(_ENDINGS, first, end):
        return None
    service = _SERVICE_AT_END.search(text, max(0, first - 30), end)
    return service if service is not None and _is_care(service["word"]) else None


def _around(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The services named by the municipality at ``text[start:end]``, read around it; the
    cheap tests of what is right before and after it come first."""
    kommune = _KOMMUNE.match(text, end)
    prep = 3 if text.endswith(" i ", 0, start) else 4 if text.endswith(" på ", 0, start) else 0
    if prep and (service := _service_before(text, start - prep)) is not None:
        last = end if kommune is None else kommune.end()  # ``i Molde kommune``
        part = _PART_AFTER.match(text, last)
        yield service.start(), last if part is None else part.end()
    elif (part := _PART_AFTER.match(text, end)) is not None:
        if (service := _service_before(text, start - 1)) is not None:
            yield service.start(), part.end()  # ``hjemmetjenesten Askøy nord``
    elif (
        text.endswith(", ", 0, start)
        and kommune is None
        and (service := _service_before(text, start - 2)) is not None
    ):
        yield service.start(), end  # ``Helsestasjon for ungdom, Færder``
    if kommune is None:
        return
    if text.endswith(", ", 0, start):
        ward = _WARD_BEFORE.search(text, max(0, start - 80), start)
        if ward is not None and _is_care(ward["word"]):
            yield ward.start(), kommune.end()  # ``Psykisk helse og rus, Luster kommune``
    ward = _WARD_AFTER.match(text, kommune.end())
    if ward is not None and _is_care(ward["word"]):
        yield start, ward.end()  # ``Lier kommune, Enhet for psykisk helse``


def _services_in_district(text: str) -> Iterator[tuple[int, int]]:
    """Services named by a district, after it (``Bydel Alna, psykisk helsetjeneste``) or
    before it (``fysioterapitjenesten i bydel Frogner``, ``Helsestasjon for ungdom, bydel
    Stovner``)."""
    for found in _DISTRICT_THEN_WARD.finditer(text):
        if _is_care(found["word"]):
            yield found.start(), found.end()
    for word in _DISTRICT_WORD.finditer(text):
        district = _PART_AFTER.match(text, word.start())
        end = word.start() - (1 if text.endswith(",", 0, word.start()) else 0)
        if district is not None and (service := _service_before(text, end)) is not None:
            yield service.start(), district.end()
