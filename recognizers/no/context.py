"""The look-around that finds context words (:mod:`recognizers.no.context_words`).

Context is matched on lower-cased words around a candidate, not on lemmas, so no NLP
pipeline is needed. Punctuation around a word is ignored, dots inside it are kept (``f.nr``,
``tlf.nr``); ``?``, ``&`` and ``=`` end a word, so URL parameters are words (``?hpr=``).

What the look-around needs to know about a whole text — its lower-cased copy, where its
lines start, which lines form a table — is worked out once per :func:`scanning` block and
shared by every recognizer in it, so a long table costs linear time. Nothing is kept after
the block ends: no text outlives the detection call that read it.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import TypeVar, cast

# Re-exported for callers that write ``context.ContextWords`` (custom_yaml).
from recognizers.no.context_words import ContextWords as ContextWords  # noqa: PLC0414

_WORD = re.compile(r"([^\s;,|=()\[\]{}<>\"«»:?&]+)(:?)")
_DELIMITERS = (";", "\t", "|", ",")
_QUOTE_OR = {d: re.compile(f'"|{re.escape(d)}') for d in _DELIMITERS}
_MAX_HEADER_WORDS = 4
_TIMESTAMP = r"(?:[\[(]?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?[\])]?[ \t]+)?"
"""A time before a speaker label: ``[00:00:11] P:``, ``(01:02) Lege:``, ``14:02 Kari:``."""
_SPEAKER = re.compile(rf"[ \t]*{_TIMESTAMP}[^\W\d][\w .'-]{{0,30}}:[ \t]*")
_ANSWER_OPENING = 4
_CORRECTION_OPENING = 8
_QUESTION_WORDS = 12
_CORRECTION = ContextWords.of("nei$", "feil$", "unnskyld", "beklager", "mener$", "meiner$")
_DIGIT = re.compile(r"\d")
_EDGE_PUNCT = ",;:!?()[]{}\"'«»<>*=/\\|"
T = TypeVar("T")


class _Scan:
    """What the look-around works out once about one text; lives for one :func:`scanning`.

    Lines are numbered from 0; a line's delimiter and, per delimiter, the table header line
    of every line are computed at most once, each in one pass over the text.
    """

    __slots__ = (
        "_delimiter_at",
        "_fixed_headers",
        "_header_lines",
        "_line_starts",
        "_lowered",
        "_splits",
        "memo",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self._lowered: str | None = None
        self._line_starts: list[int] | None = None
        self._delimiter_at: dict[int, str | None] = {}
        self._header_lines: dict[str, list[int]] = {}
        self._fixed_headers: list[int] | None = None
        self._splits: dict[tuple[int, str], list[int]] = {}
        self.memo: dict[object, object] = {}

    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

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

    def fixed_header_line(self, line: int) -> int:
        """The first line of the run of fixed-width lines (fields apart by two spaces or more)
        ``line`` is in; ``line`` itself when the line above is none."""
        if self._fixed_headers is None:
            headers = list(range(len(self.line_starts())))
            rows = {self.line_of(gap.start()) for gap in _FIXED_GAP.finditer(self.text)}
            for row in sorted(rows):
                if row - 1 in rows:
                    headers[row] = headers[row - 1]
            self._fixed_headers = headers
        return self._fixed_headers[line]

    def splits(self, line: int, delimiter: str) -> list[int]:
        """Where the fields of ``line`` end: at each ``delimiter`` outside double quotes
        (``"Olsen, Tarjei",2090325`` has one field end, not two)."""
        key = (line, delimiter)
        found = self._splits.get(key)
        if found is None:
            start, end = self.bounds(line)
            found, quoted = [], False
            for mark in _QUOTE_OR[delimiter].finditer(self.text, start, end):
                if mark.group() == '"':
                    quoted = not quoted
                elif not quoted:
                    found.append(mark.start())
            self._splits[key] = found
        return found


_NEWLINE = re.compile("\n")
_SCANS = threading.local()
_FIXED_GAP = re.compile(r"\S[ ]{2,}(?=\S)")
"""Two spaces or more between two fields of a line: a fixed-width listing, maybe."""
_FIXED_CELL = re.compile(r"\S+(?:[ ]\S+)*")
"""One field of a fixed-width line: words apart by single spaces."""


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


def remembered(text: str, key: Hashable, compute: Callable[[str], T]) -> T:
    """``compute(text)``, worked out once per :func:`scanning` block and ``key`` (outside a
    block, every time): what several recognizers or candidates ask about the same text."""
    current: _Scan | None = getattr(_SCANS, "current", None)
    if current is None or current.text is not text:
        return compute(text)
    if key not in current.memo:
        current.memo[key] = compute(text)
    return cast(T, current.memo[key])


def could_occur(text: str, words: ContextWords) -> bool:
    """False only when no entry of ``words`` occurs anywhere in ``text`` (asked once per
    :func:`scanning` block; outside one, always True: the answer would cost a pass)."""
    current: _Scan | None = getattr(_SCANS, "current", None)
    if current is None or current.text is not text:
        return True
    key = ("could_occur", id(words))  # the memo keeps ``words`` alive: the id stays its own
    found = current.memo.get(key)
    if found is None:
        found = current.memo[key] = (words, words.might_occur(current.lowered()))
    return cast(tuple[ContextWords, bool], found)[1]


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
    commas), or a fixed-width listing (see :func:`_fixed_width_header`); its first line is
    the header. Headers with digits or many words are not.
    """
    scan = _scan_of(text)
    line = scan.line_of(position)
    if line == 0:
        return None
    delimiter = scan.delimiter(line)
    if delimiter is None:
        return _fixed_width_header(scan, line, position)
    header = scan.header_line(line, delimiter)
    if header == line:
        return None
    column = bisect.bisect_left(scan.splits(line, delimiter), position)
    first, last = scan.bounds(header)
    edges = [first - 1, *scan.splits(header, delimiter), last]
    cell = text[edges[column] + 1 : edges[column + 1]].strip() if column + 1 < len(edges) else ""
    if not cell or any(map(str.isdigit, cell)) or len(cell.split()) > _MAX_HEADER_WORDS:
        return None
    return _normalise(cell)


def _fixed_width_header(scan: _Scan, line: int, position: int) -> str | None:
    """The header of the column ``position`` is in, in a fixed-width listing (``PASNR  NAVN
    FØDT`` over ``00481127  BJELLAND TORKILD  19480926``): a header line of three cells or
    more without digits, fields apart by two spaces or more, and rows that line up with it
    (two fields start or end where a header cell does). The header cell is the one the
    field at ``position`` overlaps most."""
    header = scan.fixed_header_line(line)
    (first, last), (start, end) = scan.bounds(header), scan.bounds(line)
    text = scan.text
    if header == line or _DIGIT.search(text, first, last):
        return None
    heads, cells = _cells(text, first, last), _cells(text, start, end)
    starts, ends = {a for a, _ in heads}, {b for _, b in heads}
    if len(heads) < 3 or sum(a in starts or b in ends for a, b in cells) < 2:
        return None
    here = [(a, b) for a, b in cells if a <= position - start][-1:]
    if not here:
        return None
    ((a, b),) = here
    overlap, (head_start, head_end) = max((min(b, hb) - max(a, ha), (ha, hb)) for ha, hb in heads)
    cell = text[first + head_start : first + head_end]
    return _normalise(cell) if overlap > 0 and len(cell.split()) <= _MAX_HEADER_WORDS else None


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The fields of the fixed-width line ``text[start:end]``, as offsets into the line."""
    return [(m.start() - start, m.end() - start) for m in _FIXED_CELL.finditer(text, start, end)]


def question_words(text: str, start: int, count: int = 8) -> list[str]:
    """When ``start`` opens an answer — the first words of a speaker's turn after another
    speaker's turn (``lege: når er du født`` / ``pasient: 10.01.85``), or of a line after one
    ending in ``?`` or ``:`` — the last ``count`` words of the line before: the question it
    answers. Otherwise none (``HPR 5908078`` / ``Rekv.nr: 24031188`` is a form)."""
    scan = _scan_of(text)
    line = scan.line_of(start)
    if line == 0:
        return []
    line_start, _ = scan.bounds(line)
    previous_start, previous_end = scan.bounds(line - 1)
    label = _SPEAKER.match(text, line_start, start)
    head = text[label.end() if label else line_start : start]
    asker = _SPEAKER.match(text, previous_start, previous_end)
    question = text[asker.end() if asker else previous_start : previous_end].rstrip()
    if len(head.split()) > _ANSWER_OPENING or _DIGIT.search(question):
        return []  # not an opening, or the line before holds numbers: not a question
    if not (label and asker) and not question.endswith(("?", ":")):
        return []
    window = text[max(previous_start, previous_end - 24 * count) : previous_end]
    return [_normalise(word) for word, _ in _WORD.findall(window)[-count:]]


def turns_before(
    text: str, start: int, count: int, opening: int = _ANSWER_OPENING
) -> list[tuple[int, int]]:
    """When ``start`` opens a speaker's turn (``pasient: …``, at most ``opening`` words in),
    the spans of up to ``count`` turns right before it, nearest first, without their speaker
    labels; otherwise none."""
    scan = _scan_of(text)
    line = scan.line_of(start)
    line_start, _ = scan.bounds(line)
    label = _SPEAKER.match(text, line_start, start)
    if label is None or len(text[label.end() : start].split()) > opening:
        return []
    turns: list[tuple[int, int]] = []
    for previous in range(line - 1, max(-1, line - 1 - count), -1):
        first, last = scan.bounds(previous)
        asker = _SPEAKER.match(text, first, last)
        if asker is None:
            break
        turns.append((asker.end(), last))
    return turns


def corrects(text: str, start: int, words: ContextWords) -> bool:
    """``start`` is in a turn that takes back what the turn before said, and that turn named
    the value with one of ``words``: ``du står med postnummer 5007`` / ``nei det er feil det
    er 5014``."""
    turns = turns_before(text, start, 1, _CORRECTION_OPENING)
    if not turns or not could_occur(text, words):
        return False
    if not _CORRECTION.matches_any(words_before(text, start, _CORRECTION_OPENING)):
        return False
    return words.matches_any(words_after(text, turns[0][0], _QUESTION_WORDS))


def context_near(
    text: str, span: tuple[int, int], words: ContextWords, *, before: int = 6, after: int = 3
) -> bool:
    """True when a context word occurs within ``before`` words before or ``after`` words
    after, or in the question ``span`` answers (:func:`question_words`)."""
    if not could_occur(text, words):
        return False
    return (
        words.matches_any(words_before(text, span[0], before))
        or words.matches_any(words_after(text, span[1], after))
        or words.matches_any(question_words(text, span[0]))
    )


def labelled_otherwise(
    text: str, start: int, own: ContextWords, other: ContextWords, *, before: int = 3
) -> bool:
    """True when a word of ``other`` is among the ``before`` words before ``start`` and no
    word of ``own`` is nearer: ``Ordrenr 91234567`` is an order number, ``Faktura, betal til
    1234.56.78903`` an account."""
    if not could_occur(text, other):
        return False
    nearest_first = words_before(text, start, before)[::-1]
    for i, word in enumerate(nearest_first):
        phrase = f"{nearest_first[i + 1]} {word}" if i + 1 < len(nearest_first) else ""
        if own.matches(word) or phrase in own.phrases:
            return False
        if other.matches(word):
            return True
    return False


def column_header_by_order(text: str, position: int) -> str | None:
    """:func:`column_header`, or else, in a listing whose fields are apart by two spaces or
    more but do not line up with its header (typed by hand, a name longer than its column),
    the header cell in the same place as the field ``position`` is in: a row with exactly
    as many fields as a header of three cells or more without digits (``Navn  Kontonr  Beløp
    Feil`` over ``Shevchuk, Dmytro   30004977242      98,00  Mangler kvittering``)."""
    found = column_header(text, position)
    if found is not None:
        return found
    scan = _scan_of(text)
    line = scan.line_of(position)
    header = scan.fixed_header_line(line)
    (first, last), (start, end) = scan.bounds(header), scan.bounds(line)
    if header == line or _DIGIT.search(text, first, last):
        return None
    heads, cells = _cells(text, first, last), _cells(text, start, end)
    if len(heads) < 3 or len(cells) != len(heads):
        return None
    index = sum(1 for a, _ in cells if a <= position - start) - 1
    if index < 0:
        return None
    head_start, head_end = heads[index]
    cell = text[first + head_start : first + head_end]
    return _normalise(cell) if len(cell.split()) <= _MAX_HEADER_WORDS else None
