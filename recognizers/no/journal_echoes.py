"""Echoes of a labelled record number (NO_JOURNALNUMMER), for
:mod:`recognizers.no.journalnummer`: the same value again anywhere later in the text, a
value set against a labelled one (``expected "000739184" got "793184"``), or one of the
same shape later in the same sentence (``Journalnr 58811-24 er slått saman med 58812-24``).
"""

from __future__ import annotations

import re

from recognizers.no import context, journal_labels

SHAPE = str.maketrans("0123456789", "9999999999")
"""Digits all alike: two numbers of one layout have one shape."""
_SENTENCE_BACK = 160
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_VALUES_SO_FAR = "journalnummer: labelled values so far"


def _no_values(_: str) -> set[str]:
    return set()


def values_so_far(text: str) -> set[str]:
    """The labelled values judged so far in this scan (add to it): the same value again
    later in the text is the same record number."""
    return context.remembered(text, _VALUES_SO_FAR, _no_values)


def echo(
    text: str, start: int, value: str, labelled: list[tuple[int, str]], *, run: bool
) -> str | None:
    """Why the unlabelled ``value`` at ``start`` (``run``: one unbroken run, not digit
    groups) is a record number all the same — ``"value"``, ``"contrast"`` or ``"shape"`` —
    or ``None``. ``labelled``: (end, shape) of the labelled ones before. The same shape
    counts outside a table only (there the column header says what a number is)."""
    if run and value in values_so_far(text):
        return "value"
    shape = value.translate(SHAPE)
    if labelled and journal_labels.contrasted(text, start, [end for end, _ in labelled]):
        return "contrast"
    in_table = context.column_header(text, start) is not None
    if labelled and not in_table and _same_sentence_echo(text, start, shape, labelled):
        return "shape"
    return None


def _same_sentence_echo(text: str, start: int, shape: str, labelled: list[tuple[int, str]]) -> bool:
    """A labelled number of ``shape`` ends earlier in the sentence that reaches ``start``."""
    window_start = max(0, start - _SENTENCE_BACK)
    ends = list(_SENTENCE_END.finditer(text, window_start, start))
    if ends:
        window_start = ends[-1].end()
    return any(window_start <= end <= start and s == shape for end, s in labelled)
