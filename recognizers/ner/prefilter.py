"""Which parts of a text the NER model needs to see.

Running the NER model is the most expensive step of detection. A sentence can only hold a
name the model would find if it has a name-like word: a capitalised word that is not a
common Norwegian word (``common_words.txt``, from NorNE's training split) nor a known
non-person term; in chat-style text, also a lower-case known first name. Sentences without
one are skipped. Measured by ``scripts/eval_names.py`` (recall) and ``scripts/bench.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

from recognizers.ner.not_names import NOT_PEOPLE
from recognizers.no.names import FIRST_NAMES
from recognizers.no.person_words import AMBIGUOUS_FIRST_NAMES

_HERE = Path(__file__).resolve().parent
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?<=[^\s.]{4}[.!?])\s+(?=[A-ZÆØÅ0-9«\"(])")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def _load_vocabulary() -> frozenset[str]:
    lines = (_HERE / "common_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


COMMON_WORDS = _load_vocabulary() - FIRST_NAMES - AMBIGUOUS_FIRST_NAMES
"""Common words that are not also first names (``rose``, ``per`` and ``liv`` stay name-like)."""


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


def needs_ner(text: str, start: int, end: int, chat: bool) -> bool:
    """True when ``text[start:end]`` has a name-like word (see module docstring)."""
    return any(is_name_like(m.group(), chat) for m in _WORD.finditer(text, start, end))
