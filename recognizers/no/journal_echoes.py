"""Echoes of a labelled record number (NO_JOURNALNUMMER), for
:mod:`recognizers.no.journalnummer`: the same value again anywhere later in the text, a
value set against a labelled one (``expected "000739184" got "793184"``), one of the
same shape later in the same sentence (``Journalnr 58811-24 er slått saman med 58812-24``),
or one joined to a labelled one by ``og`` / ``eller``, each with the place it belongs to
(``journalnummeret er 44 10 92 på Aker og K-4410927 på Ullevål``).
"""

from __future__ import annotations

import re

from recognizers.no import context, journal_labels

SHAPE = str.maketrans("0123456789", "9999999999")
"""Digits all alike: two numbers of one layout have one shape."""
_SENTENCE_BACK = 160
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_VALUES_SO_FAR = "journalnummer: labelled values so far"
_PLACE = r"(?:[ \t]+(?:på|hos|ved|i|fra|at)[ \t]+[^\W\d_][\w\-.]*(?:[ \t]+[A-ZÆØÅ][\w\-.]*){0,2})?"
_JOINED = re.compile(
    rf"{_PLACE}[ \t]*(?:,[ \t]*|[ \t]+)(?:og|eller|samt|and|or)[ \t]+(?:(?:nr\.?|nummer)[ \t]+)?\Z"
)
"""What joins two values of one label: the place of the first (``på Aker``), then ``og``."""
_JOINED_REACH = 64
_JOINED_DIGITS = 5


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
    if labelled and run and _joined(text, start, value, labelled):
        return "joined"
    return None


def _joined(text: str, start: int, value: str, labelled: list[tuple[int, str]]) -> bool:
    """A labelled value ends right before, with only its place and a conjunction between;
    ``value`` holds five digits or more."""
    if sum(map(str.isdigit, value)) < _JOINED_DIGITS:
        return False
    window = max(0, start - _JOINED_REACH)
    return any(
        window <= end <= start and _JOINED.match(text, end, start) is not None
        for end, _ in labelled
    )


def _same_sentence_echo(text: str, start: int, shape: str, labelled: list[tuple[int, str]]) -> bool:
    """A labelled number of ``shape`` ends earlier in the sentence that reaches ``start``."""
    window_start = max(0, start - _SENTENCE_BACK)
    ends = list(_SENTENCE_END.finditer(text, window_start, start))
    if ends:
        window_start = ends[-1].end()
    return any(window_start <= end <= start and s == shape for end, s in labelled)
