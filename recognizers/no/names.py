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


def read_words(*paths: Path) -> frozenset[str]:
    """The words of word-list files: whitespace-separated, ``#`` starts a comment line.

    Read a line at a time into one set: the lists of the US registers hold some 200,000
    names, and a list of their lines or a union of one set per file would lift every
    detection process's peak memory by tens of MB while they load."""
    words: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if not line.startswith("#"):
                    words.update(line.split())
    return frozenset(words)


FIRST_NAMES_HERE: frozenset[str] = frozenset().union(*(read_words(_HERE / n) for n in _SOURCES))
"""Lower-case first names of NorNE's PER annotations and the hand-written list: the names
most people in Norway have, which rules that read a capitalised first name as "a person,
not a place or a unit" (:mod:`recognizers.no.care_units`) go by."""
FIRST_NAMES_LISTED: frozenset[str] = read_words(
    *(_HERE / n for n in (*_SOURCES, "first_names_world.txt"))
)
"""Lower-case first names: :data:`FIRST_NAMES_HERE` and names of many origins from Faker's
lists (``scripts/corpus/world_names.py``); not the US registers'."""
FIRST_NAMES: frozenset[str] = FIRST_NAMES_LISTED | read_words(_HERE / "first_names_us.txt")
"""Lower-case first names: :data:`FIRST_NAMES_LISTED` and the first names of US birth
registrations (``scripts/corpus/us_names.py``)."""
COMMON_FIRST_NAMES: frozenset[str] = read_words(_HERE / _SOURCES[1])
"""The hand-written list only: common enough to count as a name on its own."""
SURNAMES_HERE: frozenset[str] = read_words(_HERE / "surnames.txt", _HERE / "surnames_extra.txt")
"""Lower-case surnames of NorNE's PER annotations and a hand-written list of common ones
(some are also words: ``bakke``, ``strand``)."""
SURNAMES_LISTED: frozenset[str] = SURNAMES_HERE | read_words(_HERE / "surnames_world.txt")
"""Lower-case surnames: :data:`SURNAMES_HERE` and Faker's surnames of many origins; not the
census's."""
SURNAMES: frozenset[str] = SURNAMES_LISTED | read_words(_HERE / "surnames_us.txt")
"""Lower-case surnames: :data:`SURNAMES_LISTED` and those of the 2010 US census
(``scripts/corpus/us_names.py``).

Rules that weigh a name against a place (:mod:`recognizers.no.locations`) go by the
``_LISTED`` sets: among 200,000 names of the US registers many are also the names of small
places here (``sør for Masi``, ``Gargia``), and there a name no Norwegian list holds is more
likely the place."""
COMMON_WORDS: frozenset[str] = read_words(_NER / "common_words.txt") | read_words(
    _NER / "clinical_words.txt"
)
"""Lower-case words of news and clinical text that never occur inside a NorNE name."""
