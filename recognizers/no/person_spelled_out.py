"""A name spelled out letter by letter, and the word it spells wherever it stands.

On the phone a caller spells a name that is hard to hear: ``ghebremedhin … g h e b r e m e d
h i n``, ``nei ruta r u t a``, ``a l bindestrek s a y e d``, ``t som i tore r som i rikard a
som i anna n som i nils``. Three or more single letters (each maybe with ``som i`` and the
word that names it), apart by spaces, commas or hyphens, with ``bindestrek`` for a hyphen,
spell a word. When that word may be a name (a known name, or no ordinary word, common word
or drug: ``n i f e r e x`` spells a drug), the spelled run is a name, and so is every other
occurrence of the word in the text, in any case.

One regex scan over the lower-cased text; texts without three single letters in a row pay
only that scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recognizers.ner.not_names import NOT_PEOPLE
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
_VOWELS = frozenset("aeiouyæøåäöüéèáíóúàâêôûãė")


_MAY_SPELL = re.compile(r"[^\w-][^\W\d_][ ,-]+[^\W\d_][ ,-]+[^\W\d_](?!\w)")
"""Three one-letter words in a row: what every spelled run without ``som i`` has (a cheap
test, searched in the text after a space)."""


def spelled_out_names(text: str) -> Iterator[Found]:
    """Spelled-out names and the words they spell (module docstring)."""
    if " som i " not in text.lower() and _MAY_SPELL.search(" " + text) is None:
        return
    lowered = lower(text)
    spelled: set[str] = set()
    for run in _RUN.finditer(lowered):
        word = _spelled_word(run.group())
        if not _may_be_name(word):
            continue
        spelled.add(word)
        yield run.start(), run.end(), SCORE, "spelled out"
    for word in spelled:
        pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
        for echo in pattern.finditer(lowered):
            yield echo.start(), echo.end(), SCORE, "spelled out"


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
