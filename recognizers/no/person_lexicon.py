"""Is a lower-case word an ordinary Norwegian word? Decides whether an unknown word may be a name.

After a greeting or a role (``hei svitlana``, ``sykepleier roya``) a word that is in no name
list is taken as a name unless it is an ordinary word. The NorNE vocabulary alone lacks most
inflected and clinical words (``blodprøvene``, ``fortell``, ``diabetiker``), so the test also
reads ``ordinary_words.txt``: the word forms of Norsk Ordbank (bokmål, CC BY 4.0; source, licence
and rebuild command in the file's header), 3 to 12 letters. A longer word is ordinary when it is
two of them run together (:func:`is_compound`): most long Norwegian words are compounds, long
names (``wojciechowska``, ``sivapalasundaram``) are not.

The list is kept as the sorted hashes of its words (:class:`HashedWords`: under 3 MB, not the
tens a set of strings would take in every detection process), read on first use.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path

import numpy

from recognizers.no import person_words as words
from recognizers.no.names import COMMON_WORDS
from recognizers.no.person_speech import ENGLISH_WORDS

LEXICON = Path(__file__).resolve().parent / "ordinary_words.txt"
LONGEST = 12
"""Words longer than this are not in the file and count as ordinary."""


class HashedWords:
    """The words of a newline-separated file (``#`` lines are comments), kept as the sorted
    hashes of the words in one array: ~8 bytes a word, where a set of strings would take
    tens of MB in every detection process, and a look-up is one hash and a bisection in C
    (~1 µs; bisecting the sorted text itself in Python took ~13 µs).

    Membership is by 64-bit hash, so a word outside the file is taken for one of its words
    only if the hashes collide: about one chance in 5·10^13 per look-up for this list.
    Hashes are Python's own (:func:`hash`), computed when the file is read, in the process
    that asks."""

    def __init__(self, text: str) -> None:
        # Built a word at a time into one int64 array: a list of the words, or a set of
        # their hashes, would lift every detection process's peak memory by ~60 MB.
        hashes = numpy.fromiter(map(hash, _words(text)), dtype=numpy.int64)
        hashes.sort()
        if len(hashes) > 1:
            hashes = hashes[numpy.concatenate(([True], hashes[1:] != hashes[:-1]))]
        self._hashes = array("q", hashes.tobytes())

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        key = hash(word)
        index = bisect_left(self._hashes, key)
        return index < len(self._hashes) and self._hashes[index] == key


def _words(text: str) -> Iterator[str]:
    """The lines of ``text`` that are words: not empty, not a ``#`` comment."""
    position = 0
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if end > position and text[position] != "#":
            yield text[position:end]
        position = end + 1


_LOADED: list[HashedWords] = []


def lexicon() -> HashedWords:
    """The Ordbank word forms (read once, on first use). Kept in a module list rather than a
    ``functools.cache``: caches in detection modules must stay empty, as they could hold
    request text (``tests/recognizers/test_table_context_scaling.py``)."""
    if not _LOADED:
        _LOADED.append(HashedWords(LEXICON.read_text(encoding="utf-8")))
    return _LOADED[0]


_NUMBER_WORD = re.compile(
    r"(?:null|en|ett|ei|eitt|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv|tretten|"
    r"fjorten|femten|seksten|sytten|atten|nitten|tjue|tretti|førti|femti|seksti|sytti|åtti|"
    r"nitti|hundre|tusen|og)+"
)


CLINICAL_ENDINGS = tuple(
    "diabetes emi itt ose algi patologi terapi skopi grafi tomi plan status kontroll "
    "undersøkelse vaksine prøve plager smerter symptomer svikt infarkt sykdom syndrom "
    "fraktur artrose sjon metri barn liste oversikt skjema lengde register rapport itus "
    "itis flimmer flutter".split()
)
"""Endings of clinical compounds and headings (``Svangerskapsdiabetes``, ``Vaksinasjonsstatus``,
``Spirometri``, ``Timeliste``): a word of eight letters or more with one is ordinary."""
_ENDING_MIN_LETTERS = 8


def is_number_word(lowered: str) -> bool:
    """A number said as a word or words run together (``åtti``, ``trettini``, ``nittenåtti``)."""
    return bool(_NUMBER_WORD.fullmatch(lowered))


def is_ordinary(lowered: str) -> bool:
    """True when the lower-cased word is a common, clinical, dictionary or everyday English
    word (:data:`recognizers.no.person_speech.ENGLISH_WORDS`), a number said
    as a word (``nittenåtti``), an institution (``legekontoret``), a clinical compound
    (``ekkokardiografi``), or, longer than any word the
    dictionary file holds, two dictionary words run together (``allmenntilstanden``, not
    ``wojciechowska``). A hyphenated word is ordinary when it is listed or all its parts of
    three letters or more are (``k-vitamin``, ``hjerte-lunge``; not ``nowak-kowalczyk`` or
    ``haugen-tesfay``)."""
    if (
        lowered in words.COMMON
        or lowered in words.NOT_NAME_WORDS
        or lowered in COMMON_WORDS
        or lowered in ENGLISH_WORDS
        or lowered.endswith(words.INSTITUTION_SUFFIXES)
        or (len(lowered) >= _ENDING_MIN_LETTERS and lowered.endswith(CLINICAL_ENDINGS))
        or is_number_word(lowered)
        or lowered in lexicon()
    ):
        return True
    if "-" in lowered:
        parts = [part for part in lowered.split("-") if len(part) >= MIN_PART]
        return all(map(is_ordinary, parts))
    return len(lowered) > LONGEST and is_compound(lowered)


_LINKS = ("s", "e")
MIN_PART = 3


def is_compound(lowered: str) -> bool:
    """Two ordinary words run together, with or without a linking ``s`` or ``e``
    (``allergitest``, ``psykologtime``, ``kontrolltimen``). Many farm-name surnames are built
    the same way (``nordhus``), so a word the lexicon could hold is tested so only where a name
    is a mere possibility (after ``gjelder``); a longer one always (:func:`is_ordinary`)."""
    known = lexicon()
    for cut in range(MIN_PART, len(lowered) - MIN_PART + 1):
        head, tail = lowered[:cut], lowered[cut:]
        if tail not in known:
            continue
        if head in known or (head.endswith(_LINKS) and head[:-1] in known):
            return True
    return False
