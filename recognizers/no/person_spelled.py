"""A name said with how it is spelled: ``hasan med h``, ``lundetræ med æ``, ``Berit med én t``.

Spoken, a caller spells out the letter that tells their name from a similar one. The word
before ``med`` and one letter (maybe ``stor``, ``liten``, ``én``, ``to`` before it) is a name
when the letter is in it and the word is a known name or no ordinary word: ``kaffe med
melk`` has no letter after ``med``, ``vitamin med d`` an ordinary word before it. Other
occurrences of the name are echoes (:mod:`recognizers.no.name_echoes`).

One regex scan over the text, anchored on `` med ``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recognizers.no import person_words as words
from recognizers.no.person_lexicon import is_ordinary
from recognizers.no.person_qualify import is_known

SCORE = 0.75
Found = tuple[int, int, float, str]

_SPELLED = re.compile(
    r"(?<![\w\-])(?P<name>[^\W\d_][^\W\d_'’\-]{2,}(?:-[^\W\d_]{2,})?)[ \t]+med[ \t]+"
    r"(?:(?:stor|store|liten|lita|lille|én|ein|en|to|dobbel|dobbelt)[ \t]+)?"
    r"(?P<letter>[^\W\d_])(?![\w])",
    re.IGNORECASE,
)
_MIN_LETTERS = 3


def spelled_names(text: str) -> Iterator[Found]:
    """Names said with the letter that spells them (module docstring)."""
    if " med " not in text:
        return
    for match in _SPELLED.finditer(text):
        name, letter = match["name"], match["letter"].lower()
        lowered = name.lower()
        if letter not in lowered or len(lowered) < _MIN_LETTERS:
            continue
        if lowered in words.COMMON or lowered in words.NOT_NAME_WORDS:
            continue
        if is_known(lowered) or not is_ordinary(lowered):
            yield match.start("name"), match.end("name"), SCORE, "spelled"
