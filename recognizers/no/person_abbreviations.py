"""Abbreviations at the edge of a name span: ``hennes BPA``, ``Evensen, ICU``.

A word of two or three capitals that is no known name is an abbreviation (a role such as
``BPA``, a ward such as ``ICU``), as the NER prefilter reads it: it is cut from either end of
a name span, with the comma or space that joins it, and a span of nothing else is dropped.
``OLE``, ``LIE`` and ``KIM`` are names and stay.
"""

from __future__ import annotations

import re

from recognizers.no.person_qualify import is_known

_MAX_LETTERS = 3
_LAST = re.compile(r"[,\s]+([^\W\d_]+)\Z")
_FIRST = re.compile(r"([^\W\d_]+)[,\s]+")


def is_abbreviation(word: str) -> bool:
    """Two or three capitals that are no known name (``BPA``, ``ICU``; not ``OLE``)."""
    return (
        2 <= len(word) <= _MAX_LETTERS
        and word.isalpha()
        and word.isupper()
        and not is_known(word.lower(), ambiguous_ok=True)
    )


def without_abbreviations(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span ``text[start:end]`` with abbreviations cut from its ends; ``None`` when
    nothing else is left."""
    while True:
        if is_abbreviation(text[start:end]):
            return None
        last = _LAST.search(text, start, end)
        if last is not None and is_abbreviation(last.group(1)):
            end = last.start()
            continue
        first = _FIRST.match(text, start, end)
        if first is not None and is_abbreviation(first.group(1)):
            start = first.end()
            continue
        return start, end
