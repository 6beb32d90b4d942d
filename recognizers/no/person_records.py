"""Names found by where they stand in records, code and message closings.

* SQL: a quoted value of two to four capitalised words in a row of an ``INSERT … VALUES``
  statement (``(1042, 'Ada Lovaas', 'ada@…')``), unless every word is an ordinary word.
* Caret-joined name components outside an HL7 segment, as a log or error message quotes them
  (``navn=NORDMANN^KARI``, ``Nordmann^Kari^Elise``): family^given^middle.
* FHIR/JSON ``"family": "…"``: the family name of a HumanName, however many words; and each
  given name of its ``"given": ["…", "…"]``.
* Closings: the name on the line after ``Med hilsen``, ``Vennlig hilsen``, ``Mvh``, ``Best
  regards`` …, in capitalised words on a line of their own (``Med hilsen\\nKari Lund\\nSeksjon
  for …``); and a chat message signed after ``//`` at the end of its line (``… ring meg //
  tuva``, ``// marte j. marte@…``), in any case: one word that is no ordinary word, or
  words with a known name among them; text must precede ``//`` on its line.
* :func:`is_given_after_surname`: a known given name after ``Surname, ``; no place, whatever
  a model says (``Aune-Stokke, Henrik``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from recognizers.no import person_words as words
from recognizers.no.names import FIRST_NAMES, SURNAMES
from recognizers.no.person_lexicon import is_ordinary
from recognizers.no.person_tokens import LETTERS, UPPER

SCORE = 0.75
Found = tuple[int, int, float, str]

_CAP = rf"[{UPPER}](?:[{LETTERS}]+|[{UPPER}'’]+)(?:-[{UPPER}](?:[{LETTERS}]+|[{UPPER}'’]+))?"
_ANY = rf"[{LETTERS}{UPPER}]+(?:-[{LETTERS}{UPPER}]+)?"
_SQL_VALUES = re.compile(r"\bVALUES\b", re.IGNORECASE)
_SQL_NAME = re.compile(rf"(?<=[(,])[ \t]*'(?P<name>{_CAP}(?:[ \t]+{_CAP}){{1,3}})'[ \t]*(?=[,)])")
_CARET_NAME = re.compile(rf"(?<![\w^|])(?P<name>{_CAP}\^{_CAP}(?:\^{_CAP})?)(?![\w^])")
_FHIR_FAMILY = re.compile(rf"\"family\"[ \t]*:[ \t]*\"(?P<name>{_CAP}(?:[ \t]+{_CAP}){{0,3}})\"")
_FHIR_GIVEN = re.compile(r"\"given\"[ \t]*:[ \t]*\[(?P<names>[^\]\n]{1,300})\]")
_QUOTED = re.compile(rf"\"(?P<name>{_CAP}(?:[ \t]+{_CAP}){{0,3}})\"")
_CLOSING = re.compile(
    r"(?:^|[ \t])(?:[Mm]ed (?:vennlig |venleg )?(?:hilsen|helsing)|[Vv]ennlig hilsen|"
    r"[Vv]enleg helsing|[Mm]vh|[Hh]ilsen|[Bb]este hilsen|(?:[Kk]ind |[Bb]est )?[Rr]egards)"
    rf"[ \t]*,?[ \t]*\n[ \t]*(?P<name>{_CAP}(?:[ \t]+{_CAP}){{0,2}})[ \t]*$",
    re.MULTILINE,
)
_SLASH_SIGNED = re.compile(
    rf"(?<=\S)[ \t]*//[ \t]*(?P<name>{_ANY}(?:[ \t]+{_ANY}){{0,2}}(?:[ \t]+[{LETTERS}{UPPER}]\.)?)"
    r"[ \t]*(?=$|[ \t]+[\w.+\-]+@|[ \t]*\()",
    re.MULTILINE,
)
_ROLE_WORDS = words.SPEAKER_WORDS | words.ROLES | words.TITLES | words.RELATIVES
_DEFINITE = ("ene", "en", "et", "a")
_MIN_STEM = 4
_INITIAL = re.compile(rf"[{LETTERS}{UPPER}]\.")


def _known(word: str) -> bool:
    lowered = word.lower()
    return lowered in FIRST_NAMES or lowered in SURNAMES


def _may_be_name(parts: list[str]) -> bool:
    """No stop word, and a known name or a word that is no ordinary word among them."""
    names = [p for p in parts if not _INITIAL.fullmatch(p)]
    if not names or any(map(_is_stop, names)) or (len(names) == 1 and _is_definite(names[0])):
        return False
    return any(_known(p) or not is_ordinary(p.lower()) for p in names)


def _is_stop(word: str) -> bool:
    """A structure, role or speaker word."""
    lowered = word.lower()
    return lowered in words.NOT_NAME_WORDS or lowered in words.COMMON or lowered in _ROLE_WORDS


def _is_definite(word: str) -> bool:
    """Alone, the definite form of an ordinary word (``Ekspedisjonen``, ``Sekretariatet``): a
    unit signs so; unless a known name (``Hansen``)."""
    lowered = word.lower()
    stem = next((lowered[: -len(e)] for e in _DEFINITE if lowered.endswith(e)), "")
    return len(stem) >= _MIN_STEM and not _known(word) and is_ordinary(stem)


def record_names(text: str) -> Iterator[Found]:
    """Names in SQL rows, caret-joined components, FHIR family names and closings (module
    docstring)."""
    if "VALUES" in text.upper() and _SQL_VALUES.search(text):
        yield from _checked(_SQL_NAME.finditer(text), _may_be_name, " ", "sql")
    if "^" in text:
        yield from _checked(_CARET_NAME.finditer(text), _may_be_name, "^", "caret")
    if '"family"' in text:
        for match in _FHIR_FAMILY.finditer(text):
            yield match.start("name"), match.end("name"), SCORE, "fhir"
    if '"given"' in text:
        for match in _FHIR_GIVEN.finditer(text):
            for name in _QUOTED.finditer(text, match.start("names"), match.end("names")):
                yield name.start("name"), name.end("name"), SCORE, "fhir"
    yield from _checked(_CLOSING.finditer(text), _may_be_name, " ", "closing")
    if "//" in text:
        yield from _checked(_SLASH_SIGNED.finditer(text), _signed, " ", "signature")


def _checked(
    matches: Iterator[re.Match[str]], test: Callable[[list[str]], bool], joint: str, why: str
) -> Iterator[Found]:
    for match in matches:
        if test(match["name"].split(joint) if joint != " " else match["name"].split()):
            yield match.start("name"), match.end("name"), SCORE, why


def _signed(parts: list[str]) -> bool:
    """A signature after ``//``: one word that may be a name and is not in capitals (``//
    TODO``), or several with a known name among them (not a code comment)."""
    names = [p for p in parts if not _INITIAL.fullmatch(p)]
    if not _may_be_name(parts) or any(p.isupper() and not _known(p) for p in names):
        return False
    return len(names) == 1 or any(map(_known, names))


_SURNAME_COMMA_BEFORE = re.compile(rf"(?<![\w\-]){_CAP},[ \t]+\Z")


def is_given_after_surname(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a known first name right after ``Surname, `` (``Aune-Stokke,
    Henrik``): the given name of a ``Surname, Given`` pair, no place."""
    given = text[start:end].split()
    return (
        len(given) == 1
        and given[0].lower() in FIRST_NAMES
        and bool(_SURNAME_COMMA_BEFORE.search(text, max(0, start - 40), start))
    )
