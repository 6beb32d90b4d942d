"""The normalised text view and the builder every normalising step writes it with.

Every step rewrites left to right, so both offset maps are non-decreasing: the original span
behind a range of the view is the start of its first character to the end of its last.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextView:
    """``text`` is ``original`` rewritten for detection. ``starts[i]:ends[i]`` is the non-empty
    span of ``original`` that produced ``text[i]``; both arrays are non-decreasing."""

    original: str
    text: str
    starts: array[int]
    ends: array[int]

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        """Smallest span of ``original`` covering every original character that produced
        ``text[start:end]``: a finding on a spoken phone number maps to the first letter of
        its first number word through the last letter of its last one. An empty span maps to
        an empty span right after the original of the character before it (0 at the start).

        Raises ``ValueError`` unless ``0 <= start <= end <= len(text)``.
        """
        if not 0 <= start <= end <= len(self.text):
            msg = f"span {start}:{end} outside a view of {len(self.text)} characters"
            raise ValueError(msg)
        if start < end:
            return self.starts[start], self.ends[end - 1]
        point = self.ends[start - 1] if start else 0
        return point, point


class ViewBuilder:
    """Writes a view of ``source`` left to right.

    The cursor marks how much of ``source`` is accounted for: :meth:`keep` and :meth:`put`
    drop whatever lies between the cursor and their ``start`` and move the cursor to ``end``.
    Given a ``base`` view whose ``text`` is ``source``, the view is written straight onto
    ``base.original``: each step of a chain maps to the first original without a second pass.
    """

    __slots__ = ("_cursor", "_ends", "_from", "_original", "_parts", "_source", "_starts", "_to")

    def __init__(self, source: str, base: TextView | None = None) -> None:
        self._source = source
        self._parts: list[str] = []
        self._starts: array[int] = array("i")
        self._ends: array[int] = array("i")
        self._cursor = 0
        if base is None:
            counting = _counting(len(source) + 1)
            self._original = source
            self._from, self._to = counting, counting[1 : len(source) + 1]
        else:
            self._original = base.original
            self._from, self._to = base.starts, base.ends

    @property
    def cursor(self) -> int:
        """The end of the part of ``source`` already kept, rewritten or dropped."""
        return self._cursor

    def keep(self, start: int, end: int) -> None:
        """Copy ``source[start:end]`` unchanged, each character mapped where it was."""
        self._parts.append(self._source[start:end])
        self._starts.extend(self._from[start:end])
        self._ends.extend(self._to[start:end])
        self._cursor = max(self._cursor, end)

    def put(self, piece: str, start: int, end: int) -> None:
        """Write ``piece``, every character of it produced by ``source[start:end]``
        (``start < end``; ``start`` not before an earlier piece's start)."""
        self._parts.append(piece)
        self._starts.extend([self._from[start]] * len(piece))
        self._ends.extend([self._to[end - 1]] * len(piece))
        self._cursor = max(self._cursor, end)

    def skip_to(self, position: int) -> None:
        """Drop ``source[cursor:position]``."""
        self._cursor = max(self._cursor, position)

    def keep_to(self, position: int) -> None:
        """Copy ``source[cursor:position]`` unchanged."""
        if position > self._cursor:
            self.keep(self._cursor, position)

    def view(self) -> TextView | None:
        """The finished view (the rest of ``source`` kept), or None if its text is ``source``."""
        self.keep_to(len(self._source))
        text = "".join(self._parts)
        if text == self._source:
            return None
        return TextView(self._original, text, self._starts, self._ends)


def replaced(text: str, base: TextView | None, source: str) -> TextView:
    """The view of ``text``, written over ``source`` character for character (same length),
    onto ``base.original`` when ``base`` (whose text is ``source``) is given."""
    if base is not None:
        return TextView(base.original, text, base.starts, base.ends)
    counting = _counting(len(source) + 1)
    return TextView(source, text, counting[: len(source)], counting[1 : len(source) + 1])


_COUNTING: list[array[int]] = [array("i", range(4096))]


def _counting(size: int) -> array[int]:
    """``array("i", range(n))`` for some ``n >= size``: slices of it copy offsets in C."""
    if len(_COUNTING[0]) < size:
        _COUNTING[0] = array("i", range(max(size, 2 * len(_COUNTING[0]))))
    return _COUNTING[0]
