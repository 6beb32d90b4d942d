"""The names :class:`PersonContextRecognizer` finds in a text, for the table-driven tests."""

from __future__ import annotations

from recognizers.no.person import PersonContextRecognizer

RECOGNIZER = PersonContextRecognizer()


def names_found(text: str) -> list[str]:
    """The text of every PERSON span, in the recognizer's order."""
    return [text[r.start : r.end] for r in RECOGNIZER.analyze(text)]
