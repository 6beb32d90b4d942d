"""Which parts of a text the NER model needs to see.

Running the NER model is the most expensive step of detection. A sentence can only hold a
name the model would find if it has a name-like word: a capitalised word that is not a
common word (``common_words.txt`` from NorNE's training split, ``clinical_words.txt``), a
post town or a known non-person term; in chat-style text, also a lower-case known first
name. Sentences without one are skipped, and of the others only the stretch around each
name-like word is read. Measured by ``scripts/eval_names.py`` (recall) and
``scripts/bench.py`` (speed).
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


def is_name_like(word: str, chat: bool) -> bool:
    """Could ``word`` be (part of) a name the model should look at?"""
    lowered = word.lower()
    if chat and lowered in FIRST_NAMES:
        return True
    if not word[0].isupper() or lowered in COMMON_WORDS or lowered in NOT_PEOPLE:
        return False
    return len(word) >= 3 and (word[1:].islower() or "-" in word)


def name_windows(
    text: str, start: int, end: int, chat: bool, width: int = WINDOW_WORDS
) -> list[tuple[int, int]]:
    """Stretches of the sentence ``text[start:end]`` around its name-like words.

    Each name-like word brings ``width`` words on either side (the model's features reach
    about four tokens); overlapping stretches are merged. A sentence without name-like words
    gives none.
    """
    words = list(_WORD.finditer(text, start, end))
    windows: list[tuple[int, int]] = []
    for k, word in enumerate(words):
        if not is_name_like(word.group(), chat):
            continue
        left = words[max(0, k - width)].start()
        right = words[min(len(words) - 1, k + width)].end()
        if windows and left <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], right))
        else:
            windows.append((left, right))
    return windows
