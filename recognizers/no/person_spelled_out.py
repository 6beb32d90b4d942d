"""A name spelled out letter by letter, and the word it spells wherever it stands.

On the phone a caller spells a name that is hard to hear: ``ghebremedhin … g h e b r e m e d
h i n``, ``nei ruta r u t a``, ``a l bindestrek s a y e d``, ``t som i tore r som i rikard a
som i anna n som i nils``. Three or more single letters (each maybe with ``som i`` and the
word that names it), apart by spaces, commas or hyphens, with ``bindestrek`` for a hyphen,
spell a word. Unless that word is a common word or a listed drug, or has no consonant
(dialect ``æ, æ e``), the spelled run is a name, and so is every other occurrence of the word
in the text, in any case.

A text without three one-letter words in a row or ``som i`` pays one cheap search. The words
are found by plain substring search, not by a regex built from them: Python's ``re`` keeps
the patterns it compiles, and a name must not outlive the request.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recognizers.ner.not_names import NOT_PEOPLE
from recognizers.ner.prefilter import VOWELS
from recognizers.no import person_words as words
from recognizers.normalise.lexicon import SPELLING, lower
from recognizers.normalise.spoken import SPELLED_LETTER

SCORE = 0.75
Found = tuple[int, int, float, str]

_HYPHEN_WORDS = r"(?:bindestrek|strek|dash|hyphen)"
_SEPARATOR = rf"(?:[ ]*,[ ]*|[ ]+{_HYPHEN_WORDS}[ ]+|[ -])"
_RUN = re.compile(rf"(?<![\w-]){SPELLED_LETTER}(?:{_SEPARATOR}{SPELLED_LETTER}){{2,}}(?!\w)")
_PIECE = re.compile(rf"{_HYPHEN_WORDS}|(?=[^\W\d_])[{SPELLING}](?:[ ]+som[ ]+i[ ]+[^\W\d_][\w-]*)?")
_MIN_LETTERS = 3
_VOWELS = VOWELS | {"ė"}


_MAY_SPELL = re.compile(r"[^\w-][^\W\d_][ ,-]+[^\W\d_][ ,-]+[^\W\d_](?!\w)")
"""Three one-letter words in a row: what every spelled run without ``som i`` has (a cheap
test, searched in the text after a space)."""


def spelled_out_names(text: str) -> Iterator[Found]:
    """Spelled-out names and the words they spell (module docstring)."""
    lowered = lower(text)
    if " som i " not in lowered and _MAY_SPELL.search(" " + lowered) is None:
        return
    spelled: set[str] = set()
    for run in _RUN.finditer(lowered):
        word = _spelled_word(run.group())
        if not _may_be_name(word):
            continue
        spelled.add(word)
        yield run.start(), run.end(), SCORE, "spelled out"
    for word in spelled:
        for start in _whole_words(lowered, word):
            yield start, start + len(word), SCORE, "spelled out"


def _whole_words(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``text`` as a whole word (no letter, digit, ``_`` or ``-``
    next to it)."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if not (_joins(text, start - 1) or _joins(text, end)):
            yield start
        start = text.find(word, start + 1)


def _joins(text: str, position: int) -> bool:
    return 0 <= position < len(text) and (text[position].isalnum() or text[position] in "_-")


def _spelled_word(run: str) -> str:
    """The word a run spells: its letters, and a hyphen for each ``bindestrek``."""
    return "".join("-" if len(p) > 1 and " " not in p else p[0] for p in _PIECE.findall(run))


def _may_be_name(word: str) -> bool:
    letters = word.replace("-", "")
    if (
        len(letters) < _MIN_LETTERS
        or _VOWELS.isdisjoint(letters)
        or _VOWELS.issuperset(letters)  # ``æ, æ e``: dialect ``I``, said three times
        or word.strip("-") != word
    ):
        return False
    return not (word in words.COMMON or word in words.NOT_NAME_WORDS or word in NOT_PEOPLE)
