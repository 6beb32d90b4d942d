"""First-name lists for lower-case names in chat text (loaded once, at import)."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
_SOURCES = ("first_names.txt", "first_names_extra.txt")


def _read(name: str) -> set[str]:
    lines = (_HERE / name).read_text(encoding="utf-8").splitlines()
    return {word for line in lines if not line.startswith("#") for word in line.split()}


FIRST_NAMES: frozenset[str] = frozenset().union(*(_read(name) for name in _SOURCES))
"""Lower-case first names: NorNE's PER annotations plus a hand-written list."""
COMMON_FIRST_NAMES: frozenset[str] = frozenset(_read(_SOURCES[1]))
"""The hand-written list only: common enough to count as a name on its own."""
