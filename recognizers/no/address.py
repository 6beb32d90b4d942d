"""NO_ADDRESS and NO_POSTNUMMER: street addresses and postnummer with poststed.

A street is a word ending in a street word (``Storgata``, ``Furuveien``, ``Skolevegen``,
``Granlia``) or a name followed by a separate one (``Kong Oscars gate``, ``Gamle Drammens
vei``), then a house number with an optional letter, then optionally ``, NNNN Poststed``.
After an address word (adresse, bor i, bur i, bosatt) any capitalised name with a number will
do, and so will any capitalised name with a number followed by ``, NNNN Poststed``
(``Åsamyrane 112, 5116 Ulset``). A ``NNNN Poststed`` pair outside an address is a
postnummer when the poststed is known, in capitals or next to a postnummer word, or when the
number cannot be a year; never a plain year after a year word (``i 2019 Bergen``).
"""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.base import NUMBER_START, NorwegianRecognizer, Verdict, number_pattern
from recognizers.no.poststeder import POSTSTEDER

SCORE_STREET = 0.8
SCORE_STREET_WITH_POSTSTED = 0.95
SCORE_CONTEXT_ONLY = 0.7
SCORE_POSTNUMMER = 0.75
SCORE_POSTNUMMER_UNKNOWN_PLACE = 0.6

_SUFFIXES = (
    "gata|gate|gaten|gt\\.|veien|vegen|vei|veg|allé|alle|alléen|plass|plassen|stien|stigen|"
    "stig|bakken|svingen|ringen|lia|løkka|løkken|brygge|bryggen|torget|torg|tunet|kroken|"
    "haugen|åsen|jordet|vollen|grenda|sletta|myra|hagen|parken|terrassen|kaia|tangen|vika|"
    "stranda|toppen|lunden|berget|bråten|kollen|feltet|linna|tråkket|engen|enga|marka"
)
_SEPARATE = (
    "gate|gata|vei|veg|vegen|veien|allé|alle|plass|terrasse|stien|bakke|brygge|torg|torget|"
    "kai|park|ring|vegen|stredet|smug|løkke|tun|promenade"
)
_NAME = r"[A-ZÆØÅ][\wæøåéü'.\-]*"
_LETTER = r"[A-Za-z](?![\wæøå])"
_UNITS = r"år|mnd|uker|dager|kg|mg|cm|mm|ml|%|timer|min|ganger"
_HOUSE = rf"\d{{1,4}}(?:\s?{_LETTER})?(?![\d\wæøå]|[.,]\d|\s*(?:{_UNITS}))"
_PLACE_PREFIX = "Indre|Ytre|Nedre|Øvre|Nordre|Søndre|Vestre|Østre|Store|Lille|Nye|Gamle|Sør|Nord"
_PLACE = (
    rf"(?:(?:{_PLACE_PREFIX})\s)?[A-ZÆØÅa-zæøå][A-ZÆØÅa-zæøå\-]+"
    r"(?:\si\s[A-ZÆØÅ][a-zæøå]+|\s[A-ZÆØÅ]\b)?"
)
_POSTSTED = rf"(?:,\s?|\s)(\d{{4}})\s({_PLACE})"
_COMPOUND = rf"(?:{_NAME}\s){{0,3}}[A-ZÆØÅa-zæøå][\wæøåéü'\-]+?(?:{_SUFFIXES})"
_WITH_SEPARATE = rf"(?:{_NAME}\s){{1,3}}(?:{_SEPARATE})"

_STREET = re.compile(rf"(?<![\wæøå])(?:{_COMPOUND}|{_WITH_SEPARATE})\s{_HOUSE}(?:{_POSTSTED})?")
_AFTER_CONTEXT = re.compile(rf"(?<![\wæøå])(?:{_NAME}\s){{1,3}}{_HOUSE}(?:{_POSTSTED})?")
_POSTSTED_AFTER_COMMA = rf",\s?(\d{{4}})\s(?=[A-ZÆØÅ])({_PLACE})"
_LOWER_SEPARATE = re.compile(
    rf"(?<![\wæøå.])(?:[a-zæøå][\wæøåéü'\-]*\s){{1,3}}(?:{_SEPARATE})\s{_HOUSE}(?:{_POSTSTED})?"
)
_WITH_POSTSTED = re.compile(
    rf"(?<![\wæøå])(?:(?:{_PLACE_PREFIX})\s)?{_NAME}\s{_HOUSE}{_POSTSTED_AFTER_COMMA}"
)
_POSTNUMMER = number_pattern(NUMBER_START + rf"(?<!-)(\d{{4}})\s(?=[A-ZÆØÅ])({_PLACE})")

_UNITS_IN_CAPITALS = frozenset({"MMOL", "KCAL", "MBQ", "MSV", "GBQ", "TBL", "AMP"})
_YEAR_WORDS = context.ContextWords.of(
    "i$",
    "år",
    "fra$",
    "til$",
    "siden$",
    "høsten$",
    "våren$",
    "sommeren$",
    "vinteren$",
    "ca$",
    "innen$",
    "in$",
    "since$",
    "januar$",
    "februar$",
    "mars$",
    "april$",
    "mai$",
    "juni$",
    "juli$",
    "august$",
    "september$",
    "oktober$",
    "november$",
    "desember$",
)


def _looks_like_a_place(place: str) -> bool:
    """Capitalised words, optionally joined by ``i`` (``Indre Arna``, ``Vik i Sogn``)."""
    return all(w == "i" or (w[:1].isupper() and w[1:].islower()) for w in place.split())


def _postnummer_plausible(number: str) -> bool:
    return 1 <= int(number) <= 9991


class AddressRecognizer(NorwegianRecognizer):
    """Norwegian street addresses, bokmål and nynorsk street words."""

    ENTITY = "NO_ADDRESS"
    PATTERNS = (_STREET, _AFTER_CONTEXT, _WITH_POSTSTED, _LOWER_SEPARATE)
    CONTEXT_WORDS = context_words.ADDRESS.entries()

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Street words suffice; a bare name and number needs an address word before it."""
        near = context.context_near(text, match.span(), context_words.ADDRESS, before=3, after=0)
        if match.re in (_AFTER_CONTEXT, _LOWER_SEPARATE) and not near:
            return None
        if match.re is _WITH_POSTSTED and not _postnummer_plausible(match.group(1)):
            return None
        postnummer = match.group(1)
        if postnummer and _postnummer_plausible(postnummer):
            return Verdict(SCORE_STREET_WITH_POSTSTED)
        score = SCORE_STREET if match.re in (_STREET, _LOWER_SEPARATE) else SCORE_CONTEXT_ONLY
        if not postnummer:
            return Verdict(score)
        street = text[match.start() : match.start(1)].rstrip(", ")
        return Verdict(score, end=match.start() + len(street))


class PostnummerRecognizer(NorwegianRecognizer):
    """A postnummer next to its poststed, outside a full address."""

    ENTITY = "NO_POSTNUMMER"
    PATTERNS = (_POSTNUMMER,)
    CONTEXT_WORDS = context_words.POSTNUMMER.entries()

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Known, context-backed or all-caps poststed; any capitalised word after a number
        that cannot be a year; never after a year word."""
        number, place = match.group(1), match.group(2)
        if not _postnummer_plausible(number):
            return None
        before = context.words_before(text, match.start(), 1)
        if 1900 <= int(number) <= 2099 and before and _YEAR_WORDS.matches(before[0]):
            return None
        near = context.context_near(text, match.span(), context_words.POSTNUMMER)
        if near or place.lower() in POSTSTEDER:
            return Verdict(SCORE_POSTNUMMER)
        if place.isupper() and len(place) >= 3 and place not in _UNITS_IN_CAPITALS:
            return Verdict(SCORE_POSTNUMMER)
        could_be_year = 1900 <= int(number) <= 2099
        if not could_be_year and len(place) >= 3 and _looks_like_a_place(place):
            return Verdict(SCORE_POSTNUMMER_UNKNOWN_PLACE)
        return None
