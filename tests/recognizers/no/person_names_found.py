"""The names :class:`PersonContextRecognizer` finds in a text, and where a word stands, for the
table-driven tests."""

from __future__ import annotations

from recognizers.no.person import PersonContextRecognizer

RECOGNIZER = PersonContextRecognizer()


def names_found(text: str) -> list[str]:
    """The text of every PERSON span, in the recognizer's order."""
    return [text[r.start : r.end] for r in RECOGNIZER.analyze(text)]


def word_at(text: str, word: str, occurrence: int = 0) -> tuple[int, int]:
    """``(start, end)`` of occurrence number ``occurrence`` (from 0) of ``word`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)
