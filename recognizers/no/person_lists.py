"""Names listed with a found name: ``Kine og Jamal``, ``sol og bo``, ``Kjersti / Bo``.

People are named together: parents (``foreldrene Kine og Jamal``), twins (``mora til sol og
bo``), a duty roster (``Tir: Kjersti / Bo``, ``Ons: Rose / Astrid``). Once one of them is
found, the word joined to it by ``og``, ``&``, ``/``, ``+`` or ``and`` (on either side) is a
name too when it may be one:

* a known first name or surname, the ambiguous ones (``bo``, ``rose``, ``live``) included;
* a capitalised word that is no ordinary word (``Jamal``), with one more such word after it
  (``Kine og Jamal Ahmed``);
* in a lower-case text, a lower-case word that is no ordinary word and no two run together.

Never a common or structural word, a relative or role (``øivind og dottera vår embla``), a
listed non-person (``Paracet og Ibux``), a post town or a street.
Found names extend the list in turn (``Kari, Per og Bo`` after ``Per``), a few rounds at most.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recognizers.ner.not_names import is_not_a_person
from recognizers.no import person_words as words
from recognizers.no.names import FIRST_NAMES, SURNAMES
from recognizers.no.person_lexicon import is_compound, is_ordinary
from recognizers.no.person_speech import HESITATIONS
from recognizers.no.person_tokens import LETTERS, UPPER
from recognizers.no.poststeder import POSTSTEDER

_WORD = rf"[{UPPER}{LETTERS}][{LETTERS}]*(?:-[{UPPER}{LETTERS}][{LETTERS}]+)?"
_JOIN = r"[ \t]*(?:&|/|\+)[ \t]*|[ \t]+(?:og|and|AND|OG)[ \t]+"
_AFTER = re.compile(rf"(?:{_JOIN})(?P<word>{_WORD})(?:[ \t]+(?P<more>{_WORD}))?(?![\w@.-]\w)")
_BEFORE = re.compile(rf"(?<![\w@.-])(?P<word>{_WORD})(?:{_JOIN})$")
_ROUNDS = 3
_LOOK_BACK = 40


_STREET_ENDINGS = ("gata", "gate", "veien", "vegen", "vei", "veg", "allé", "plass", "torget")


def _is_word(lowered: str) -> bool:
    """A common or structural word, a relative or role (``mannen min øivind og dottera vår``),
    a hesitation (``jonas og eh vetle``), a post town or a street (``Bergen``,
    ``Storgata``)."""
    return (
        lowered in words.COMMON
        or lowered in words.RELATIVES
        or lowered in words.ROLES
        or lowered in words.NOT_NAME_WORDS
        or lowered in HESITATIONS
        or lowered.capitalize() in words.STRUCTURAL
        or lowered in POSTSTEDER
        or lowered.endswith(_STREET_ENDINGS)
    )


def may_be_listed_name(word: str, lower_ok: bool) -> bool:
    """May ``word``, written next to a found name, be a name itself? A lower-case word that
    is in no list only when ``lower_ok`` (the found name is in lower case too)."""
    lowered = word.lower()
    if lowered in FIRST_NAMES or lowered in SURNAMES or lowered in words.AMBIGUOUS_FIRST_NAMES:
        return True
    if _is_word(lowered) or is_ordinary(lowered) or len(lowered) < 2:
        return False
    if word.islower() and is_compound(lowered):
        return False  # ``jonas og blodprøver``: two ordinary words run together
    return word[0].isupper() or (lower_ok and word.islower())


def _after(text: str, start: int, end: int) -> tuple[int, int] | None:
    match = _AFTER.match(text, end)
    if match is None or not may_be_listed_name(match["word"], text[start:end].islower()):
        return None
    more = match["more"]
    last = "more" if more and more[0].isupper() and may_be_listed_name(more, False) else "word"
    return match.start("word"), match.end(last)


def _before(text: str, start: int, end: int) -> tuple[int, int] | None:
    offset = max(0, start - _LOOK_BACK)
    match = _BEFORE.search(text[offset:start])
    if match is None or not may_be_listed_name(match["word"], text[start:end].islower()):
        return None
    return offset + match.start("word"), offset + match.end("word")


def listed_names(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names joined to the found ``spans`` by ``og``, ``/``, ``&`` … (module docstring);
    spans already found are not repeated."""
    known = set(spans)
    found: list[tuple[int, int]] = []
    frontier = list(spans)
    for _ in range(_ROUNDS):
        fresh = []
        for start, end in frontier:
            for span in (_after(text, start, end), _before(text, start, end)):
                if span is None or span in known or _overlaps(span, known):
                    continue
                if is_not_a_person(text, *span):
                    continue
                known.add(span)
                fresh.append(span)
        found.extend(fresh)
        frontier = fresh
        if not fresh:
            break
    return found


def _overlaps(span: tuple[int, int], spans: set[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)
