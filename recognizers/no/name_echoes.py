"""Once a name is found in a text, its other occurrences there are names too, in any case.

``Kari Nordmann ble innlagt. … kari nordmann ringte. … Nordmann har feber. … KARI NORDMANN``:
the recognizers and the model may see only the first; the rest echo it. Echoed are the whole
found name and, for a name of several words, each word of it with at least three letters that
is no common word (``recognizers/ner/common_words.txt``, ``clinical_words.txt``; a listed name
such as ``Nordmann`` is no common word here) and no known non-person (a drug, an eponym:
:func:`recognizers.ner.not_names.is_not_a_person`). A found name of one word echoes only as
itself. A first name that is also a word (``Per``, ``Liv``, ``Hans``), or a one-word name that
is a common word, echoes only written exactly as found, so ``per dag`` stays. A genitive ``s``
may follow (``Nordmanns``), and a name written without its accents echoes it (``zielinska``
for ``Zielińska``). Occurrences inside a found name, or that read as a non-person where they
stand (``Parkinsons sykdom``), are not echoes.

Before echoing, the names listed with the found ones are added
(:func:`recognizers.no.person_lists.listed_names`: ``foreldrene Kine og Jamal``); they are
returned and echoed like the others.

One scan over the words of the text per call, whatever the number of names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from recognizers.ner.not_names import is_not_a_person
from recognizers.no import person_words as words
from recognizers.no.names import COMMON_WORDS, FIRST_NAMES, SURNAMES
from recognizers.no.person_lexicon import is_ordinary
from recognizers.no.person_lists import listed_names

MIN_PART_LETTERS = 3
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_SCAN_WORD = re.compile(r"[^\W\d_][\w'’]*")
"""Words as the scan sees them: a hyphenated name is its parts (``Kari-Anne``)."""


def _is_common(lowered: str) -> bool:
    """A common or structural word (``pasient``, ``hei``), unless it is a listed name."""
    if lowered in FIRST_NAMES or lowered in SURNAMES:
        return False
    return (
        lowered in COMMON_WORDS
        or lowered in words.COMMON
        or lowered in words.NOT_NAME_WORDS
        or lowered.capitalize() in words.STRUCTURAL
    )


def _add_part(part: str, any_case: set[str], exact: set[str]) -> None:
    """A word of a multi-word name: echoed unless short, common or a non-person."""
    lowered = part.lower()
    letters = sum(map(str.isalpha, part))
    if letters < MIN_PART_LETTERS or _is_common(lowered) or is_not_a_person(part, 0, len(part)):
        return
    (exact if _wordlike(lowered) else any_case).add(part)


def _wordlike(lowered: str) -> bool:
    """A name part that is also a word: an ambiguous first name (``liv``), or an ordinary word
    in no name list (``Andre`` in ``Kevin Andre Olsen``, ``andre etasje``): echoed only as
    written."""
    if lowered in words.AMBIGUOUS_FIRST_NAMES:
        return True
    return lowered not in FIRST_NAMES and lowered not in SURNAMES and is_ordinary(lowered)


def _forms(text: str, spans: Sequence[tuple[int, int]]) -> tuple[set[str], set[str]]:
    """The forms to echo in any case, and those to echo only as written."""
    any_case: set[str] = set()
    exact: set[str] = set()
    names = {" ".join(text[start:end].split()).strip(" ,.;:()") for start, end in set(spans)}
    for found in names:  # each name once: the rules and the model often report the same one
        name = found.split("@", 1)[0]  # an address taken for a name: its domain is no name
        parts = _WORD.findall(name)
        if len(parts) > 1:
            any_case.add(name)
            for part in parts:
                _add_part(part, any_case, exact)
        elif parts:
            lowered = parts[0].lower()
            wordlike = _is_common(lowered) or _wordlike(lowered)
            (exact if wordlike else any_case).add(parts[0])
    folded = {form.lower() for form in any_case}
    return any_case, {form for form in exact if form.lower() not in folded}


_Form = tuple[str, ...]
_GENITIVE_ENDINGS = ("'s", "’s", "s", "'", "’")


def _index(any_case: set[str], exact: set[str]) -> dict[str, list[tuple[_Form, bool]]]:
    """Forms by their first word (lower-cased), longest first; ``True`` marks exact forms."""
    index: dict[str, list[tuple[_Form, bool]]] = {}
    for forms, exact_case in ((any_case, False), (exact, True)):
        for form in forms:
            parts = tuple(_SCAN_WORD.findall(form))
            if parts:
                key = parts[0].lower() if exact_case else fold(parts[0].lower())
                index.setdefault(key, []).append(
                    (parts if exact_case else _lower(parts), exact_case)
                )
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


_ACCENTED = "àáâãäçèéêëìíîïñòóôõöùúûüýÿńśźżćęąłčšžřďťňľőűğşțșđėįųūāēī"
_PLAIN = "aaaaaceeeeiiiinooooouuuuyynszzcealcszrdtnlougstsdeiuuaei"
_FOLD = str.maketrans(_ACCENTED, _PLAIN)
"""Letters folded to their base letter, so a name written without its accent echoes it
(``zielinska`` for ``Zielińska``, ``rene`` for ``René``, ``ruta`` for Lithuanian ``Rūta``);
æ, ø and å stay letters of their own."""


_TO_FOLD = re.compile(f"[{_ACCENTED}]")


def fold(lowered: str) -> str:
    """``lowered`` without the accents of :data:`_FOLD` (most texts have none: one search)."""
    return lowered.translate(_FOLD) if _TO_FOLD.search(lowered) else lowered


def _lower(parts: _Form) -> _Form:
    return tuple(fold(part.lower()) for part in parts)


def _same(word: str, part: str, last: bool) -> bool:
    """``word`` is ``part`` (already in the case to compare), a genitive allowed at the end."""
    if word == part:
        return True
    return last and any(word == part + ending for ending in _GENITIVE_ENDINGS)


def _match_at(
    text: str, found: list[re.Match[str]], i: int, form: _Form, exact_case: bool
) -> int | None:
    """End offset when ``form`` occurs at word ``i`` (words apart by white space or a hyphen)."""
    if i + len(form) > len(found):
        return None
    for k, part in enumerate(form):
        word = found[i + k].group()
        if k and text[found[i + k - 1].end() : found[i + k].start()].strip(" \t\n-"):
            return None
        if not _same(word if exact_case else fold(word.lower()), part, k == len(form) - 1):
            return None
    return found[i + len(form) - 1].end()


def _occurrences(text: str, index: dict[str, list[tuple[_Form, bool]]]) -> list[tuple[int, int]]:
    """Whole-word occurrences of the indexed forms, longest at each position, left to right.
    A word scan, not a pattern built from the names: nothing of them outlives the call (a
    compiled pattern would stay in ``re``'s cache)."""
    found = list(_SCAN_WORD.finditer(text))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(found):
        step = 1
        lowered = fold(found[i].group().lower())
        candidates = index.get(lowered) or index.get(lowered.rstrip("s'’"), [])
        for form, exact_case in candidates:
            end = _match_at(text, found, i, form, exact_case)
            if end is not None:
                spans.append((found[i].start(), end))
                step = len(form)
                break
        i += step
    return spans


def _inside(ordered: Sequence[tuple[int, int]], ends: Sequence[int], start: int, end: int) -> bool:
    """Does a span of ``ordered`` (sorted by start; ``ends`` their running maximum end)
    cover all of ``[start, end)``? A longer echo over a shorter found part still counts:
    ``kari`` found alone in ``kari nordmann`` does not cover the name."""
    index = bisect.bisect_right(ordered, (start, len(ends) and max(ends)))
    return index > 0 and ends[index - 1] >= end


def _may_recur(text: str, any_case: set[str], exact: set[str]) -> bool:
    """Could some form occur twice? Substring counts over-count whole words, so ``False`` is
    sure: each form occurs at most once, as the found name itself. Most texts stop here, at
    the cost of a few C-level passes instead of a scan of every word."""
    plain = " ".join(text.split())
    folded = fold(plain.lower())
    return any(plain.count(form) > 1 for form in exact) or any(
        folded.count(fold(form.lower())) > 1 for form in any_case
    )


def name_echoes(text: str, person_spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The names listed with the found ones (:func:`recognizers.no.person_lists.listed_names`)
    and the other occurrences (any case, whole words) of all of them and of their parts."""
    listed = listed_names(text, person_spans) if person_spans else []
    spans = [*person_spans, *listed]
    any_case, exact = _forms(text, spans)
    if not _may_recur(text, any_case, exact):
        return listed
    ordered = sorted(spans)
    ends: list[int] = []
    for _, end in ordered:
        ends.append(max(end, ends[-1]) if ends else end)
    echoes = []
    for start, end in _occurrences(text, _index(any_case, exact)):
        if not _inside(ordered, ends, start, end) and not is_not_a_person(text, start, end):
            echoes.append((start, end))
    return [*listed, *echoes]
