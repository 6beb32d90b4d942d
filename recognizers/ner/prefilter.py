"""Which parts of a text the NER model needs to see.

Running the NER model is the most expensive step of detection. A sentence can only hold a
name the model would find if it has a name-like word: a word that is not a common word
(``common_words.txt`` from NorNE's training split, ``clinical_words.txt``), a post town, a
known non-person term or a number, and whose case lets it be a name. In cased text that
means a capitalised word or one in capitals (``Fastlege HANSEN henviste``); in a sentence
without capitals (speech-to-text transcripts, chat) or in chat-style text, a lower-case word
too, since case says nothing there. Sentences without one are skipped whatever their case,
and of the others only the stretch around each name-like word is read. Measured by
``scripts/eval/names.py`` (recall) and ``scripts/bench/run.py`` (speed).
"""

from __future__ import annotations

import re
from pathlib import Path

from recognizers.ner.not_names import NOT_PEOPLE
from recognizers.no.names import FIRST_NAMES, read_words
from recognizers.no.person_words import AMBIGUOUS_FIRST_NAMES
from recognizers.no.poststeder import POSTSTEDER

_HERE = Path(__file__).resolve().parent
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?<=[^\s.]{4}[.!?])\s+(?=[A-ZÆØÅ0-9«\"(])")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
WINDOW_WORDS = 5


COMMON_WORDS = (
    (read_words(_HERE / "common_words.txt") | read_words(_HERE / "clinical_words.txt") | POSTSTEDER)
    - FIRST_NAMES
    - AMBIGUOUS_FIRST_NAMES
)
"""Words that are not names: common NorNE words that are not also first names (``rose``,
``per`` and ``liv`` stay name-like), clinical vocabulary, and post towns."""


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence: lines, split after ``.``/``!``/``?`` before a capital."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for gap in _SENTENCE_END.finditer(text, line.start(), line.end()):
            spans.append((start, gap.start()))
            start = gap.end()
        spans.append((start, line.end()))
    return spans


VOWELS = frozenset("aeiouyæøåäöüéèáíóúàâêôûã")
"""Vowels: a name has one; ``xxxxx``, ``gpt`` and ``llm`` have none."""
_JOINERS = str.maketrans("", "", "-'’")


def is_name_like(word: str, chat: bool, uncased: bool = True) -> bool:
    """Could ``word`` be (part of) a name the model should look at?

    ``chat``: the text is chat-style, so a known first name counts in lower case.
    ``uncased``: the word's sentence has no capitalised word, so any lower-case word with a
    vowel that is not a common word counts. The default suits callers that do not know the sentence
    (cutting a text where no word is name-like): it says yes wherever :func:`name_windows`
    might.
    Words in capitals count in any sentence when they look like names rather than
    abbreviations (:func:`_is_capitals_name`).
    """
    lowered = word.lower()
    if chat and lowered in FIRST_NAMES:
        return True
    if len(word) < 3 or lowered in COMMON_WORDS or lowered in NOT_PEOPLE:
        return False
    if word[0].isupper():
        return word[1:].islower() or "-" in word or _is_capitals_name(word)
    return (
        uncased
        and word.islower()
        and word.translate(_JOINERS).isalpha()
        and not VOWELS.isdisjoint(lowered)  # a name has a vowel; ``xxxxx`` or ``mmm`` not
    )


def _is_capitals_name(word: str) -> bool:
    """A word in capitals that may be a name (``HANSEN``, ``OLE``): letters and a vowel, and
    four letters or more unless a known first name (``BMI``, ``INR``, ``VAS`` are not)."""
    lowered = word.lower()
    return (
        word.isupper()
        and word.translate(_JOINERS).isalpha()
        and not VOWELS.isdisjoint(lowered)
        and (len(word) >= 4 or lowered in FIRST_NAMES or lowered in AMBIGUOUS_FIRST_NAMES)
    )


_LABEL_END = re.compile(r"[ \t]*(?:\([^)\n]{1,12}\))?[ \t]*:")


def _is_label(text: str, end: int) -> bool:
    """Does the word ending at ``end`` label a speaker (``Pasient:``, ``Lege (L):``)?"""
    return _LABEL_END.match(text, end) is not None


def _is_capitalised(word: str) -> bool:
    """Written with a capital then small letters (``Hansen``, ``Hb``), as cased text has."""
    return word[0].isupper() and word[1:2].islower()


def name_windows(
    text: str, start: int, end: int, chat: bool, width: int = WINDOW_WORDS
) -> list[tuple[int, int]]:
    """Stretches of the sentence ``text[start:end]`` around its name-like words.

    Each name-like word brings ``width`` words on either side (the model's features reach
    about four tokens); overlapping stretches are merged. A sentence without name-like words
    gives none. In a sentence of several words with no capitalised word (only lower case and
    capitals, as in ``SPEAKER_00: ja hei svitlana``; a speaker label opening it does not count,
    as in ``Pasient: ja det var selvaraj``), lower-case words may be name-like.
    """
    words = list(_WORD.finditer(text, start, end))
    # A lone lower-case word (a model name, an enum value: ``emb``, ``approximate``) gives
    # the model no context to judge by; a sentence of several lower-case words does.
    # a speaker label opening the sentence (``Pasient: ja kari``) says nothing of its case
    uncased = len(words) > 1 and not any(
        _is_capitalised(word.group()) and not (k == 0 and _is_label(text, word.end()))
        for k, word in enumerate(words)
    )
    windows: list[tuple[int, int]] = []
    for k, word in enumerate(words):
        if not is_name_like(word.group(), chat, uncased):
            continue
        left = words[max(0, k - width)].start()
        right = words[min(len(words) - 1, k + width)].end()
        if windows and left <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], right))
        else:
            windows.append((left, right))
    return windows
