"""Norwegian context words (bokmål and nynorsk) and the look-around that finds them.

Context is matched on lower-cased words around a candidate, not on lemmas, so no NLP
pipeline is needed: an entry matches a word that *starts with* it (``fødselsnummer``
matches ``fødselsnummeret``), unless it ends with ``$``, which asks for the whole word
(``pass$`` must not match ``passer``). An entry with a space (``pasient id``) matches two
adjacent words exactly. Punctuation around a word is ignored, dots inside it are kept
(``f.nr``, ``tlf.nr``), and each part of a hyphenated compound counts too
(``kontantkort-mobil`` matches ``mobil``).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

_WORD = re.compile(r"([^\s;,|=()\[\]{}<>\"«»:]+)(:?)")
_DELIMITERS = (";", "\t", "|", ",")
_MAX_HEADER_WORDS = 4
_PARTS = re.compile(r"[-/]")
_EDGE_PUNCT = ",;:!?()[]{}\"'«»<>*=/\\|"


@dataclass(frozen=True, slots=True)
class ContextWords:
    """A set of context entries: prefixes, and whole words (written with a trailing ``$``)."""

    prefixes: tuple[str, ...]
    exact: frozenset[str]
    phrases: frozenset[str] = frozenset()

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
        return any(entry in lowered_text for entry in self._needles())

    def _needles(self) -> tuple[str, ...]:
        return (*self.prefixes, *self.exact, *(p.split()[0] for p in self.phrases))

    def entries(self) -> list[str]:
        """All entries as plain words (for Presidio's ``context`` attribute)."""
        return [*self.prefixes, *sorted(self.exact), *sorted(self.phrases)]


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
        window_start = max(window_start, _line_bounds(text, start)[0])
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
    line_end = text.find("\n", end)
    window = text[end : min(end + 24 * count, line_end if line_end != -1 else len(text))]
    return [_normalise(word) for word, _ in _WORD.findall(window)[:count]]


def _line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


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
    line_start, line_end = _line_bounds(text, position)
    delimiter = _delimiter(text[line_start:line_end])
    if delimiter is None or line_start == 0:
        return None
    column = text[line_start:position].count(delimiter)
    header_start = line_start
    while header_start > 0:
        previous_start, previous_end = _line_bounds(text, header_start - 1)
        if delimiter not in text[previous_start:previous_end]:
            break
        header_start = previous_start
    if header_start == line_start:
        return None
    cells = text[header_start : _line_bounds(text, header_start)[1]].split(delimiter)
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


@functools.lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """``text.lower()``, remembered for the last few texts (every recognizer asks)."""
    return text.lower()
