"""House numbers said after a street name: ``fjordvegen tjuetre b``, ``haugavegen tolv``,
``kong oscars gate fem``.

A number below four digits stays words everywhere else (a dose, a count, a lab value), but
right after a street name it is a house number, as identifying as the street: it is written
as digits so the address recognizer sees ``fjordvegen 23 b``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recognizers.no.poststeder import STREET_SUFFIXES, STREET_WORDS, is_street_name
from recognizers.normalise import lexicon

_GENITIVE_STEM = 3
"""Letters of the name before a separate street word, genitive ``s`` included (``Olavs
gate``): ``på vei`` and ``i gata`` are no street names."""
PREFIXES = frozenset(
    "nordre søndre østre vestre øvre nedre indre ytre store lille nye gamle".split()
)
"""Words that name a street with a separate street word after them (``Nordre gate``, ``Øvre
vei``, ``Store gate``), as a genitive does."""
HOUSE_NUMBER_WORDS = frozenset({"nummer", "nr", "nr."})
"""Words said between a street name and its house number (``storgata nummer tolv``)."""
STREET_END = re.compile(
    rf"{lexicon.words_pattern({*STREET_SUFFIXES, *STREET_WORDS, *HOUSE_NUMBER_WORDS})}"
    r"(?=[ ]+[^\W_])",
)
"""The end of a word that may be a street name, before a space and a word. Searched on
lower-cased text; :func:`after_street` says whether the whole word is one."""


def after_street(text: str, position: int) -> bool:
    """True when ``text[:position]`` (lower case) ends with a street name and spaces."""
    if not text[position - 1 : position].isspace():
        return False
    return ends_with_street(text[max(0, position - 64) : position].split())


def ends_with_street(words: list[str]) -> bool:
    """True when the last of ``words`` (lower case) is a one-word street name (``solbakken``),
    or a separate street word after a genitive or a prefix (``kong oscars gate``, ``nordre
    gate``)."""
    if words and words[-1] in HOUSE_NUMBER_WORDS:  # "storgata nummer tolv"
        words = words[:-1]
    if not words:
        return False
    last = words[-1]
    if last in lexicon.SPOKEN_WORDS:  # "sekstien" ends like "stien"
        return False
    if last.endswith(STREET_SUFFIXES) and is_street_name(last):
        return True
    if len(words) < 2 or last not in STREET_WORDS:
        return False
    name = words[-2]
    genitive = len(name) >= _GENITIVE_STEM and name.endswith("s") and name.isalpha()
    return genitive or name in PREFIXES


def street_number_starts(text: str, run: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The spans of ``run`` matches (lower-cased ``text``) that start right after a street
    name, in order."""
    for end in STREET_END.finditer(text):
        gap = end.end()
        while gap < len(text) and text[gap] == " ":
            gap += 1
        match = run.match(text, gap)
        if match is not None and after_street(text, gap):
            yield match.span()


def is_house_number(digits: str) -> bool:
    """One to three digits, the first not 0 (a postnummer may begin with 0, a house number
    never does)."""
    return 1 <= len(digits) <= 3 and digits[0] != "0"


def street_before_number(words: list[str], classes: str, number_classes: str) -> bool:
    """True when a word whose class letter (``classes`` holds one a word, see
    :mod:`~recognizers.normalise.candidates`) is in ``number_classes`` follows a street name."""
    for kind in number_classes:
        position = classes.find(kind, 1)
        while position != -1:
            if ends_with_street(words[max(0, position - 3) : position]):
                return True
            position = classes.find(kind, position + 1)
    return False
