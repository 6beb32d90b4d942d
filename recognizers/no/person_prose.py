"""Names in prose by the words around them, where no trigger stands right before them.

* A change of doctor: ``bytte fastlege fra Kvamsdal til Rørvik``: the capitalised words after
  ``fastlege fra`` and ``til``, unless a known place or a common word (``fra Bergen til
  Oslo``).
* A doctor's office: ``kontoret til Haugstad``, ``legekontoret til Dr. Moe``: a capitalised word
  that is a known name or no ordinary word.
* A surname reporting advice at the start of a sentence: ``Johannessen anbefaler ny prøve``,
  ``Løvlie sier …``: a known surname that is no ordinary word, before a verb of saying.
* A surname at the start of a line before a role: ``> Nordbø, fastlege``.
* ``jeg (hilde)``: the writer's own name in brackets after ``jeg``, a known first name.
* A lower-case ``surname, given`` opening a list item or following its label (``* Rom 12:
  solheim, ingrid marie (…)``): the given name a known first name, the surname a known name or
  no ordinary word.

Each form is one regex scan with a literal anchor, checked against the name lists only where
it matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recognizers.no import person_words as words
from recognizers.no.names import FIRST_NAMES, SURNAMES
from recognizers.no.person_lexicon import is_ordinary
from recognizers.no.person_qualify import is_known
from recognizers.no.person_tokens import LETTERS, UPPER
from recognizers.no.places import is_location

SCORE = 0.75
Found = tuple[int, int, float, str]

_CAP = rf"[{UPPER}][{LETTERS}]+(?:-[{UPPER}][{LETTERS}]+)?"
_LOW = rf"[{LETTERS}]+(?:-[{LETTERS}]+)?"
_CHANGE = re.compile(rf"[Ll]egen?[ \t]+fra[ \t]+(?P<a>{_CAP})[ \t]+til[ \t]+(?P<b>{_CAP})")
"""``(fast)lege(n) fra X til Y``; the word before ``lege`` is not read."""
_OFFICE = re.compile(
    rf"[Kk]ontoret[ \t]+til[ \t]+(?:(?:[Dd]r\.?|[Dd]oktor|[Ll]ege)[ \t]+)?(?P<a>{_CAP})"
)
_SAY_VERBS = frozenset(
    " anbefal| sier| sa | mener| meinte| skriv| skrev| forsl| foreslå| foreslo| tilr".split("|")
)
"""Substrings of the verbs of saying: the sentence scan runs only when one is there."""
_SAYS = re.compile(
    rf"(?P<a>{_CAP})[ \t]+(?:anbefaler|anbefalte|sier|sa|mener|meinte|skriver|"
    r"skrev|foreslår|foreslo|tilrår|tilrådde)\b"
)
_BEFORE_ROLE = re.compile(
    rf"^[ \t>*\-]*(?P<a>{_CAP}(?:[ \t]{_CAP})?),[ \t]+(?P<role>[{LETTERS}]+)[ \t]*$", re.MULTILINE
)
_MY_NAME = re.compile(rf"(?<![^\W\d_])[Jj]eg[ \t]+\((?P<a>[{LETTERS}]+)\)")
_LOWER_SURNAME_GIVEN = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*|\d{1,3}[.)][ \t]*)(?:[^\n:]{1,24}:[ \t]*)?"
    rf"(?P<last>{_LOW}),[ \t]+(?P<first>{_LOW}(?:[ \t]{_LOW}){{0,2}})"
    r"(?=[ \t]*(?:$|[(,;|]|[–-][ \t]))",
    re.MULTILINE,
)
_ROLE_WORDS = words.ROLES | words.TITLES | frozenset("fastlege lege overlege turnuslege".split())


def _name_or_unknown(word: str) -> bool:
    lowered = word.lower()
    if lowered in words.COMMON or lowered in words.NOT_NAME_WORDS:
        return False
    return is_known(lowered) or not is_ordinary(lowered)


def _no_place(word: str) -> bool:
    return not is_location(word) and _name_or_unknown(word)


def _changes(text: str) -> Iterator[Found]:
    """Both ends of a change of doctor are doctors, whatever the word (``til Rørvik``), unless
    a place or a common word; a doctor's office is a person's, a place name too (``Haugstad``)."""
    for match in _CHANGE.finditer(text):
        for group in ("a", "b"):
            word = match[group]
            if not is_location(word) and word.lower() not in words.COMMON:
                yield match.start(group), match.end(group), SCORE, "doctor-change"
    for match in _OFFICE.finditer(text):
        if _name_or_unknown(match["a"]):
            yield match.start("a"), match.end("a"), SCORE, "office"


def _sayers(text: str) -> Iterator[Found]:
    for match in _SAYS.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[max(line_start, match.start() - 4) : match.start()].rstrip(" \t")
        if before and before[-1] not in ".!?":
            continue  # ``… ringte Hansen sier`` is no sentence opening
        lowered = match["a"].lower()
        if lowered in SURNAMES and not is_ordinary(lowered) and not is_location(match["a"]):
            yield match.start("a"), match.end("a"), SCORE, "sayer"


def _before_roles(text: str) -> Iterator[Found]:
    for match in _BEFORE_ROLE.finditer(text):
        role = match["role"].lower()
        if (role in _ROLE_WORDS or words.is_profession(role)) and all(
            _no_place(word) for word in match["a"].split()
        ):
            yield match.start("a"), match.end("a"), SCORE, "before-role"


def _own_names(text: str) -> Iterator[Found]:
    for match in _MY_NAME.finditer(text):
        if match["a"].lower() in FIRST_NAMES:
            yield match.start("a"), match.end("a"), SCORE, "own-name"


def _lower_surname_given(text: str) -> Iterator[Found]:
    for match in _LOWER_SURNAME_GIVEN.finditer(text):
        given = match["first"].split()
        if given[0] not in FIRST_NAMES or given[0] in words.AMBIGUOUS_FIRST_NAMES:
            continue
        if _name_or_unknown(match["last"]) and all(map(_name_or_unknown, given[1:])):
            yield match.start("last"), match.end("first"), SCORE, "surname-given"


def prose_names(text: str) -> list[Found]:
    """Every name of ``text`` found by the words around it (module docstring)."""
    found: list[Found] = []
    if "ege fra" in text or "egen fra" in text or "ontoret til" in text:
        found.extend(_changes(text))
    if any(verb in text for verb in _SAY_VERBS):
        found.extend(_sayers(text))
    if "," in text:
        found.extend(_before_roles(text))
        found.extend(_lower_surname_given(text))
    if "eg (" in text:
        found.extend(_own_names(text))
    return found
