"""Capitals for the model: known names in a lower-case stretch are given a capital.

The model reads names far better in cased text than in lower case: in ``kan du ringe til liv``
it finds nothing, in ``kan du ringe til Liv`` it finds ``Liv``, and in ``hele mitt Liv`` or
``en Stein i nyra`` it still finds no one. So in a stretch with no capitalised word (a
speech-to-text transcript, a chat message; speaker labels such as ``Lege:`` or ``SPEAKER_00``
do not count), each run of name words is given capitals before the model reads it, and the
words around it decide whether it is a name. The text keeps its length, so the model's offsets
hold for the original.

* A run starts with a known first name or a surname that is no ordinary word (``stein``,
  ``liv``, ``heggelund``), and goes on over further names, surnames that are also words
  (``randi k. strøm``, ``ruth bakken``) and initials.
* Function words (``hans``, ``jo``, ``hu``, ``vår``), drugs, fillers and ``per`` (``milligram
  per døgn``) never start a run.
* A run followed by a word that is neither a common word nor a name (``therese vang``, ``fin
  monofilament``), or right after a word that is no ordinary word (``jusef abu salem``), is
  left as it is: the model judges such words better all in lower case than half capitalised.
* One name word right after ``i`` is left as it is: there it is a time or a place (``i
  helga``, ``i august``).
* A hyphenated word starts a run when each part does (``mette-marie``).

When the model reads a stretch given capitals here as a place, and every word of it is a known
name while the whole is no known place (``fra Heggelund på legekontoret``), it is a person:
``fra`` before a capital says place to the model, and the capital was ours
(:func:`capitalised_place`).
* Stretches in English (two or more English function words) are left as they are: English
  words are often names there (``i will write``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recognizers.ner.not_names import NAME_WORDS, NOT_PEOPLE
from recognizers.ner.prefilter import COMMON_WORDS
from recognizers.no.names import SURNAMES
from recognizers.no.person_lexicon import is_ordinary
from recognizers.no.person_speech import HESITATIONS
from recognizers.no.person_words import COMMON, FILLERS
from recognizers.no.places import is_health_unit, is_location

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_PART = re.compile(r"[^\W\d_]+")
_LABEL = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]*\][ \t]*)?"
    r"(?:[^\W\d_][\w.()]*(?:[ \t][\w()]+)?[ \t]*:|\[?[A-Z]+_\w+\]?)"
)
"""A speaker label opening a line (``Lege:``, ``[00:01] L:``, ``SPEAKER_00``, ``Taler 2:``)."""
_INITIAL_GAP = re.compile(r"\.?[ \t]+")
MIN_WORDS = 2
MIN_UNKNOWN = 3
_NEVER = COMMON | NOT_PEOPLE | HESITATIONS | FILLERS | frozenset({"per"})
_ENGLISH = frozenset(
    "the and is are you she he we they will of my your it was have with that this what a an "
    "do does not can would should me him our their there from about".split()
)
_MIN_ENGLISH = 2


def truecased(text: str) -> str:
    """``text`` with capitals on its runs of names, when nothing outside speaker labels is
    capitalised; otherwise ``text`` itself (module docstring)."""
    if text.isupper():
        return text
    body = _LABEL.sub(_blank, text) if ":" in text or "_" in text else text
    if not body.islower():  # a capital outside the labels, or no letter at all
        return text
    words = list(_WORD.finditer(body))
    if len(words) < MIN_WORDS or sum(w.group() in _ENGLISH for w in words) >= _MIN_ENGLISH:
        return text
    runs = _name_runs(body, words)
    if not runs:
        return text
    chars = list(text)
    for run in runs:
        for word in run:
            for part in _PART.finditer(word.group()):
                first = word.start() + part.start()
                upper = chars[first].upper()
                if len(upper) == 1:
                    chars[first] = upper
    return "".join(chars)


def _blank(label: re.Match[str]) -> str:
    return " " * len(label.group())


def _starts_run(lowered: str) -> bool:
    if lowered in _NEVER:
        return False
    if "-" in lowered:  # ``mette-marie``, ``haugen-tesfay``
        return all(_starts_run(part) for part in lowered.split("-"))
    return lowered in NAME_WORDS or (lowered in SURNAMES and not is_ordinary(lowered))


def _goes_on(lowered: str) -> bool:
    """A word that may go on a run of names: a name, a surname that is also a word, an
    initial."""
    return lowered not in _NEVER and (
        len(lowered) == 1 or lowered in NAME_WORDS or lowered in SURNAMES
    )


def _is_unknown(lowered: str) -> bool:
    """A word of three letters or more that is neither common nor ordinary (``jusef``)."""
    return (
        len(lowered) >= MIN_UNKNOWN
        and lowered not in COMMON_WORDS
        and lowered not in _NEVER
        and not is_ordinary(lowered)
    )


def _is_unsure(lowered: str) -> bool:
    """A word after a run that makes the run unsure: neither common nor a name."""
    return lowered not in COMMON_WORDS and lowered not in _NEVER


def _name_runs(body: str, words: Sequence[re.Match[str]]) -> list[list[re.Match[str]]]:
    runs: list[list[re.Match[str]]] = []
    k = 0
    while k < len(words):
        if not _starts_run(words[k].group()):
            k += 1
            continue
        run = [words[k]]
        # ``jusef abu salem``: a word that is no ordinary word right before the run
        unsure = k > 0 and _joined(body, words[k - 1], run[0]) and _is_unknown(words[k - 1].group())
        k += 1
        while k < len(words) and _joined(body, run[-1], words[k]):
            if not _goes_on(words[k].group()):
                unsure = unsure or _is_unsure(words[k].group())
                break
            run.append(words[k])
            k += 1
        # ``i helga``, ``i august``: one word after ``i`` is a time or a place
        in_time = len(run) == 1 and body.endswith((" i ", "\ti ", "\ni "), 0, run[0].start())
        if not unsure and not in_time:
            runs.append(run)
    return runs


def _joined(body: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Do the two words stand next to each other, with only spaces (and the dot of an
    initial: ``k. strøm``) between them?"""
    gap = _INITIAL_GAP.fullmatch(body, left.end(), right.start())
    return gap is not None and (gap.group()[0] != "." or len(left.group()) == 1)


def capitalised_place(span: str) -> str:
    """The entity for a stretch we capitalised that the model read as a place: ``PERSON``
    when every word is a known name and the whole is no known place or health unit (``fra
    Heggelund på legekontoret``), else ``LOCATION``."""
    names = all(_starts_run(word) or word in SURNAMES for word in _WORD.findall(span.lower()))
    if names and not is_location(span) and not is_health_unit(span):
        return "PERSON"
    return "LOCATION"
