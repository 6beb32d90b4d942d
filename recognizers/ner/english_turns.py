"""Lower-case English words in an English line are no name.

Transcripts and chat hold whole turns in English (``doctor: we will talk about sick leave``,
``my husband has chest pain when he carries things``). The model, trained on Norwegian,
reads such lower-case words as names, and the relative rules take the word after ``father``
for one (``his father died``). A span is no name when:

* every word of it is in lower case and an English word (``recognizers/no/english_words.txt``,
  SCOWL; :mod:`scripts.corpus.english_words`) or an English function word, and none but
  the function words (``will``) is a known first name or surname (``zhang``, ``tonje``) or
  a name that is also a word (``rose``, ``hope``, ``mark``, ``ruby``);
* and its line, outside the span, holds at least ``MIN_FUNCTION_WORDS`` English function
  words: the turn is English. Norwegian words spelled as English ones (``is``, ``me``,
  ``do``) are not counted, so a Norwegian or nynorsk line does not pass for English.

A capitalised word stays a possible name (``Grace``, ``Will``); in a Norwegian line an
English word stays one too (``min datter grace``). The test serves the name rules as well
(``his father died``, ``can doctor call``).

The list is kept as hashes (:class:`recognizers.no.person_lexicon.HashedWords`, ~0.5 MB in
each detection process, not the ~6 MB a set of its words would take), read when the person
recognizer loads (``PersonContextRecognizer.load``), or else on first use.
"""

from __future__ import annotations

import re
from pathlib import Path

from recognizers.no.names import FIRST_NAMES, SURNAMES
from recognizers.no.person_lexicon import HashedWords
from recognizers.no.person_words import AMBIGUOUS_FIRST_NAMES, ENGLISH_WORD_NAMES

LEXICON = Path(__file__).resolve().parents[1] / "no" / "english_words.txt"
FUNCTION_WORDS = frozenset(
    "the and you she he we they will of my your it was have has had with that this what does "
    "not can would should him his her our their there from about when who been were are".split()
)
"""English function words that are no Norwegian word (``me``, ``is``, ``do``, ``a`` are)."""
MIN_FUNCTION_WORDS = 2
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_LOADED: list[HashedWords] = []


def english_lexicon() -> HashedWords:
    """The English words (read once; a module list, not a cache: caches in detection modules
    must stay empty, as they could hold request text)."""
    if not _LOADED:
        _LOADED.append(HashedWords(LEXICON.read_text(encoding="utf-8")))
    return _LOADED[0]


def _is_name(word: str) -> bool:
    return (
        word in FIRST_NAMES
        or word in SURNAMES
        or word in AMBIGUOUS_FIRST_NAMES
        or word in ENGLISH_WORD_NAMES
    )


def is_english_phrase(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is lower-case English words in an English line (module docstring)."""
    span = text[start:end]
    if not span.islower():
        return False
    words = span.split()
    if not words or not all(_WORD.fullmatch(w) for w in words):
        return False
    if any(w not in FUNCTION_WORDS and _is_name(w) for w in words):
        return False
    lexicon = english_lexicon()
    if not all(w in FUNCTION_WORDS or w in lexicon for w in words):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    around = text[line_start:start].lower().split() + text[end:line_end].lower().split()
    return sum(w.strip(".,;:!?") in FUNCTION_WORDS for w in around) >= MIN_FUNCTION_WORDS
