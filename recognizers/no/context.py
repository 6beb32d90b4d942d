"""Norwegian context words (bokmål and nynorsk) and the look-around that finds them.

Context is matched on lower-cased words around a candidate, not on lemmas, so no NLP
pipeline is needed: an entry matches a word that *starts with* it (``fødselsnummer``
matches ``fødselsnummeret``), unless it ends with ``$``, which asks for the whole word
(``pass$`` must not match ``passer``). An entry with a space (``pasient id``) matches two
adjacent words exactly. Punctuation around a word is ignored, dots inside it are kept
(``f.nr``, ``tlf.nr``), and each part of a hyphenated compound counts too
(``kontantkort-mobil`` matches ``mobil``).

What the look-around needs to know about a whole text — its lower-cased copy, where its
lines start, which lines form a table — is worked out once per :func:`scanning` block and
shared by every recognizer in it, so a long table costs linear time. Nothing is kept after
the block ends: no text outlives the detection call that read it.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

_WORD = re.compile(r"([^\s;,|=()\[\]{}<>\"«»:]+)(:?)")
_DELIMITERS = (";", "\t", "|", ",")
_MAX_HEADER_WORDS = 4
_PARTS = re.compile(r"[-/]")
_DIGIT_RUN = re.compile(r"\d+")
_EDGE_PUNCT = ",;:!?()[]{}\"'«»<>*=/\\|"


@dataclass(frozen=True, slots=True)
class ContextWords:
    """A set of context entries: prefixes, and whole words (written with a trailing ``$``)."""

    prefixes: tuple[str, ...]
    exact: frozenset[str]
    phrases: frozenset[str] = frozenset()
    needles: tuple[str, ...] = field(init=False, repr=False, compare=False)
    """Strings one of which must occur in a text for any entry to match (see might_occur)."""

    def __post_init__(self) -> None:
        needles = (*self.prefixes, *self.exact, *(p.split()[0] for p in self.phrases))
        object.__setattr__(self, "needles", needles)

    @classmethod
    def of(cls, *entries: str) -> ContextWords:
        """Build from entries: ``"fødselsnummer"`` (prefix), ``"pass$"`` (whole word),
        ``"pasient id"`` (two adjacent words)."""
        phrases = frozenset(e.rstrip("$") for e in entries if " " in e)
        words = [e for e in entries if " " not in e]
        prefixes = tuple(e for e in words if not e.endswith("$"))
        exact = frozenset(e[:-1] for e in words if e.endswith("$"))
        return cls(prefixes, exact, phrases)

    def matches(self, word: str) -> bool:
        """True when a normalised word, or a part of a hyphenated compound, is an entry."""
        if self._matches_one(word):
            return True
        parts = _PARTS.split(word)
        return len(parts) > 1 and any(self._matches_one(p) for p in parts if p)

    def matches_any(self, words: list[str]) -> bool:
        """True when any word, or any two adjacent words, match."""
        if any(self.matches(w) for w in words if w):
            return True
        return bool(self.phrases) and any(
            f"{a} {b}" in self.phrases for a, b in itertools.pairwise(words)
        )

    def _matches_one(self, word: str) -> bool:
        return word in self.exact or word.startswith(self.prefixes)

    def might_occur(self, lowered_text: str) -> bool:
        """Cheap prefilter: could any entry occur in this (lower-cased) text at all?"""
        return any(entry in lowered_text for entry in self.needles)

    def entries(self) -> list[str]:
        """All entries as plain words (for Presidio's ``context`` attribute)."""
        return [*self.prefixes, *sorted(self.exact), *sorted(self.phrases)]


class _Scan:
    """What the look-around works out once about one text; lives for one :func:`scanning`.

    Lines are numbered from 0; a line's delimiter and, per delimiter, the table header line
    of every line are computed at most once, each in one pass over the text.
    """

    __slots__ = (
        "_cells",
        "_delimiter_at",
        "_delimiters_in_text",
        "_digit_runs",
        "_header_lines",
        "_line_starts",
        "_lowered",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self._lowered: str | None = None
        self._line_starts: list[int] | None = None
        self._delimiter_at: dict[int, str | None] = {}
        self._header_lines: dict[str, list[int]] = {}
        self._delimiters_in_text: dict[str, list[int]] = {}
        self._cells: dict[tuple[int, str], list[str]] = {}
        self._digit_runs: list[int] | None = None

    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def digit_runs(self) -> list[int]:
        if self._digit_runs is None:
            self._digit_runs = [m.start() for m in _DIGIT_RUN.finditer(self.text)]
        return self._digit_runs

    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(self.text))]
        return self._line_starts

    def line_of(self, position: int) -> int:
        """The number of the line ``position`` is on (a newline ends its line)."""
        return bisect.bisect_right(self.line_starts(), position) - 1

    def bounds(self, line: int) -> tuple[int, int]:
        starts = self.line_starts()
        return starts[line], starts[line + 1] - 1 if line + 1 < len(starts) else len(self.text)

    def delimiter(self, line: int) -> str | None:
        if line not in self._delimiter_at:
            start, end = self.bounds(line)
            self._delimiter_at[line] = _delimiter(self.text[start:end])
        return self._delimiter_at[line]

    def header_line(self, line: int, delimiter: str) -> int:
        """The first line of the run of lines containing ``delimiter`` just above ``line``
        (``line`` itself when the line above has no ``delimiter``)."""
        headers = self._header_lines.get(delimiter)
        if headers is None:
            headers = self._header_lines[delimiter] = self._header_lines_for(delimiter)
        return headers[line]

    def _header_lines_for(self, delimiter: str) -> list[int]:
        # One pass: line i continues the table of line i-1 when line i-1 has the delimiter.
        text, starts = self.text, self.line_starts()
        headers = [0] * len(starts)
        for line in range(1, len(starts)):
            above = text.find(delimiter, starts[line - 1], starts[line] - 1) != -1
            headers[line] = headers[line - 1] if above else line
        return headers

    def count(self, delimiter: str, start: int, end: int) -> int:
        """How often ``delimiter`` occurs in ``text[start:end]``."""
        found = self._delimiters_in_text.get(delimiter)
        if found is None:
            found = [m.start() for m in re.finditer(re.escape(delimiter), self.text)]
            self._delimiters_in_text[delimiter] = found
        return bisect.bisect_left(found, end) - bisect.bisect_left(found, start)

    def cells(self, line: int, delimiter: str) -> list[str]:
        """The cells of ``line`` split at ``delimiter``."""
        key = (line, delimiter)
        if key not in self._cells:
            start, end = self.bounds(line)
            self._cells[key] = self.text[start:end].split(delimiter)
        return self._cells[key]


_NEWLINE = re.compile("\n")
_SCANS = threading.local()


@contextmanager
def scanning(text: str) -> Iterator[None]:
    """Within this block, facts about ``text`` are computed once and shared (see module
    docstring); they are dropped when the block ends. Blocks nest; per thread."""
    previous: _Scan | None = getattr(_SCANS, "current", None)
    if previous is not None and previous.text is text:
        yield
        return
    _SCANS.current = _Scan(text)
    try:
        yield
    finally:
        _SCANS.current = previous


def _scan_of(text: str) -> _Scan:
    """The open scan of ``text``, or a throw-away one outside :func:`scanning`."""
    current: _Scan | None = getattr(_SCANS, "current", None)
    return current if current is not None and current.text is text else _Scan(text)


def lowered(text: str) -> str:
    """``text.lower()``, computed once per :func:`scanning` block (every recognizer asks)."""
    return _scan_of(text).lowered()


def digit_run_starts(text: str) -> list[int]:
    """Where each run of digits in ``text`` starts, once per :func:`scanning` block (the
    number recognizers try their patterns only there)."""
    return _scan_of(text).digit_runs()


def _normalise(word: str) -> str:
    word = word.lower().strip(_EDGE_PUNCT)
    return word if word in {"f.", "f.d."} else word.rstrip(".").strip(_EDGE_PUNCT) or word


def words_before(text: str, start: int, count: int) -> list[str]:
    """Up to ``count`` normalised words ending right before ``start``, nearest last.

    A form label — a word ending in ``:`` that starts a line or a delimited field — closes the
    window: in ``HPR 5908078`` / ``Rekv.nr: 24031188`` the words before the second number are
    just ``rekv.nr``; in ``KID ved betaling: 7722...`` the label is a phrase and ``kid``
    stays. In a delimited table row only the row itself is read, and the cell's column header
    counts as the nearest word (``konto;KID`` above ``...;0911020865``).
    """
    header = column_header(text, start)
    window_start = max(0, start - 24 * count)
    if header:
        scan = _scan_of(text)
        window_start = max(window_start, scan.bounds(scan.line_of(start))[0])
    window = text[window_start:start]
    tokens = list(_WORD.finditer(window))
    labels = [i for i, token in enumerate(tokens) if token.group(2) and _opens_field(window, token)]
    if labels:
        tokens = tokens[labels[-1] :]
    words = [_normalise(token.group(1)) for token in tokens[-count:]]
    return [*words, header] if header else words


def _opens_field(window: str, token: re.Match[str]) -> bool:
    before = window[: token.start()].rstrip(" ")
    return before == "" or before[-1] in "\n;|,\t"


def words_after(text: str, end: int, count: int) -> list[str]:
    """Up to ``count`` normalised words right after ``end`` on the same line, nearest first."""
    scan = _scan_of(text)
    line_end = scan.bounds(scan.line_of(end))[1]
    window = text[end : min(end + 24 * count, line_end)]
    return [_normalise(word) for word, _ in _WORD.findall(window)[:count]]


def _delimiter(line: str) -> str | None:
    for delimiter in _DELIMITERS:
        if line.count(delimiter) >= (2 if delimiter == "," else 1):
            return delimiter
    return None


def column_header(text: str, position: int) -> str | None:
    """The normalised header of the table column ``position`` is in, if it is in one.

    A table is a run of lines sharing a delimiter (``;``, tab, ``|``, or two or more
    commas); its first line is the header. Headers with digits or many words are not.
    """
    scan = _scan_of(text)
    line = scan.line_of(position)
    if line == 0:
        return None
    delimiter = scan.delimiter(line)
    if delimiter is None:
        return None
    header = scan.header_line(line, delimiter)
    if header == line:
        return None
    column = scan.count(delimiter, scan.bounds(line)[0], position)
    cells = scan.cells(header, delimiter)
    cell = cells[column].strip() if column < len(cells) else ""
    if not cell or any(c.isdigit() for c in cell) or len(cell.split()) > _MAX_HEADER_WORDS:
        return None
    return _normalise(cell)


def context_near(
    text: str, span: tuple[int, int], words: ContextWords, *, before: int = 6, after: int = 3
) -> bool:
    """True when a context word occurs within ``before`` words before or ``after`` words after."""
    return words.matches_any(words_before(text, span[0], before)) or words.matches_any(
        words_after(text, span[1], after)
    )
