"""Name gazetteers and the ordinary-word test for lower-case and ALL-CAPS names (loaded once).

First names and surnames: NorNE's PER annotations (``scripts/corpus/name_lists.py`` rebuilds
them) plus hand-written lists of common ones. The NorNE
vocabulary (``recognizers/ner/common_words.txt``, ``clinical_words.txt``) tells a name part
from a common word when names echo (:mod:`recognizers.no.name_echoes`); the larger lexicon of
:mod:`recognizers.no.person_lexicon` decides whether an *unknown* word may be a name.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
_NER = _HERE.parent / "ner"
_SOURCES = ("first_names.txt", "first_names_extra.txt")


def read_words(path: Path) -> frozenset[str]:
    """The words of a word-list file: whitespace-separated, ``#`` starts a comment line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if not line.startswith("#") for word in line.split())


FIRST_NAMES_HERE: frozenset[str] = frozenset().union(*(read_words(_HERE / n) for n in _SOURCES))
"""Lower-case first names of NorNE's PER annotations and the hand-written list: the names
most people in Norway have, which rules that read a capitalised first name as "a person,
not a place or a unit" (:mod:`recognizers.no.care_units`) go by."""
FIRST_NAMES: frozenset[str] = FIRST_NAMES_HERE | read_words(_HERE / "first_names_world.txt")
"""Lower-case first names: :data:`FIRST_NAMES_HERE` and names of many origins from Faker's
lists (``scripts/corpus/world_names.py``)."""
COMMON_FIRST_NAMES: frozenset[str] = read_words(_HERE / _SOURCES[1])
"""The hand-written list only: common enough to count as a name on its own."""
SURNAMES_HERE: frozenset[str] = read_words(_HERE / "surnames.txt") | read_words(
    _HERE / "surnames_extra.txt"
)
"""Lower-case surnames of NorNE's PER annotations and a hand-written list of common ones
(some are also words: ``bakke``, ``strand``)."""
SURNAMES: frozenset[str] = SURNAMES_HERE | read_words(_HERE / "surnames_world.txt")
"""Lower-case surnames: :data:`SURNAMES_HERE` and Faker's surnames of many origins."""
COMMON_WORDS: frozenset[str] = read_words(_NER / "common_words.txt") | read_words(
    _NER / "clinical_words.txt"
)
"""Lower-case words of news and clinical text that never occur inside a NorNE name."""
