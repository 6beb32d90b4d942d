"""First-name lists for lower-case names in chat text (loaded once, at import)."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
_SOURCES = ("first_names.txt", "first_names_extra.txt")


def read_words(path: Path) -> frozenset[str]:
    """The words of a word-list file: whitespace-separated, ``#`` starts a comment line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if not line.startswith("#") for word in line.split())


FIRST_NAMES: frozenset[str] = frozenset().union(*(read_words(_HERE / name) for name in _SOURCES))
"""Lower-case first names: NorNE's PER annotations plus a hand-written list."""
COMMON_FIRST_NAMES: frozenset[str] = read_words(_HERE / _SOURCES[1])
"""The hand-written list only: common enough to count as a name on its own."""
