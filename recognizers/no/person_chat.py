"""Names in chat and messages by where they stand, with no cue word before them.

* Before a phone number: people give their name and number together (``torgeir 934 11 208``,
  ``halvard her 41 20 33 90``, ``SOLVEIG NESHEIM`` on the line above ``93 12 44 10``). The first
  word is a known first name (not one that is also a word, ``siv``), a second word is kept
  when it is a known name or no ordinary word, or written in the same capitals as the first.
* Before a birth word and a date (``ingrid solheim fødd 3.4.1938``): the same words.
* Inverted introduction: ``torunn heter hun``, ``solfrid heter jeg``: the word before
  ``heter`` and a personal pronoun, when it opens the clause and is a known name or no
  ordinary word.
* A message filled by names: after a time stamp or a sender (``Du: synnøve marie haugland``,
  ``[00:01.000 --> 00:03.200]  kjell-arne bøen``, ``08:10 Innbygger: idil warsame
  02.02.1970``) two or three lower-case words that are all known names, the first a first
  name, up to the end of the line or a number; or a double first name and one more word.
* A sender line of a copied chat: a name and a time alone on a line (``kjell-arne 20:15``),
  the name a known first name or repeated on two such lines.
* A message signed with a first name after a dash or a sentence at its very end (``Takk for hjelpen
  – sigrun``, ``… (min). grethe``), ambiguous first names included: nothing else stands there.
* A lower-case known first name in the genitive before a relative or role (``torbjørns
  lærer``, ``oles mor``): the owner is a person.
* A double first name in lower case (``ann-kristin``, ``kjell-arne``): both parts first names,
  one no ordinary word (:func:`recognizers.no.person_qualify.double_first_name`).

Each form is one regex scan over the text; the words are checked against the name lists and
the lexicon only where a form matched.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from recognizers.no import person_words as words
from recognizers.no.names import FIRST_NAMES
from recognizers.no.person_lexicon import is_ordinary
from recognizers.no.person_qualify import double_first_name, is_known
from recognizers.no.person_tokens import LETTERS, UPPER

SCORE = 0.75
Found = tuple[int, int, float, str]

_WORD = rf"[{UPPER}{LETTERS}]+(?:-[{UPPER}{LETTERS}]+)?"
_PHONE = re.compile(r"\d(?:[ \t.\-]?\d){7}(?!\d)")
"""Eight digits, maybe grouped: a Norwegian phone number (``+47`` before it is read with the
words before it)."""
_BIRTH = re.compile(r"(?:født|fødd|f\.)[ \t]*\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_NAME_BEFORE = rf"(?<![\w@.\-])(?P<first>{_WORD})(?:[ \t]+(?P<second>{_WORD}))?"
_BEFORE_PHONE = re.compile(rf"{_NAME_BEFORE}(?:[ \t]+her)?(?:[ \t]*,?[ \t]+|[ \t]*\n[ \t]*)\Z")
_BEFORE_BIRTH = re.compile(rf"{_NAME_BEFORE},?[ \t]+\Z")
_REACH = 48
"""How far before a number its name is looked for."""
_HETER_BEFORE = re.compile(
    rf"(?:^|[.!?,:;]|\b(?:hei|hallo|hej|ja|og))[ \t]*(?P<first>{_WORD})[ \t]+(?:heter|heiter)"
    r"[ \t]+(?:jeg|eg|hun|han|ho|hu|vi|me)\b",
    re.MULTILINE | re.IGNORECASE,
)
_LOWER = rf"[{LETTERS}]+(?:-[{LETTERS}]+)?"
_NAMES_LINE = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[ \t]+)?"
    rf"(?:[{UPPER}{LETTERS}][\w ]{{0,20}}:[ \t]+)?"
    rf"(?P<name>{_LOWER}(?:[ \t]{_LOWER}){{1,2}})[ \t]*(?:$|(?=\d))",
    re.MULTILINE,
)
_TIME_ENDS_LINE = re.compile(r"\d:\d\d[ \t]*$", re.MULTILINE)
_SENDER_TIME = re.compile(
    rf"[ \t]*(?P<name>{_WORD}(?:[ \t]{_WORD})?)[ \t]+\d{{1,2}}:\d{{2}}[ \t]*$"
)
"""A line of a name and a time, matched from the line's start (found by the time first)."""
_CLOSING = re.compile(
    rf"(?:(?<!\d)[.!)]|[ \t][–—-])[ \t]+(?P<first>[{LETTERS}]+(?:-[{LETTERS}]+)?)"
    r"[ \t]*[.!]?[ \t]*\Z"
)
_OWNED = words.RELATIVES | words.ROLES | words.TITLES | frozenset("lærer læreren lærar".split())
_OWNED_AFTER = re.compile(
    r"s[ \t]+(?P<noun>"
    + "|".join(re.escape(w) for w in sorted(_OWNED, key=len, reverse=True) if w.isalpha())
    + r")(?![\w])"
)
"""A genitive ``s`` and a relative or role after it; the owner's name is read backwards."""


def _stop(lowered: str) -> bool:
    return (
        lowered in words.COMMON
        or lowered in words.NOT_NAME_WORDS
        or lowered in words.RELATIVES
        or lowered in words.ROLES
        or lowered.capitalize() in words.STRUCTURAL
    )


def _first_name(lowered: str) -> bool:
    return (lowered in FIRST_NAMES or double_first_name(lowered)) and not _stop(lowered)


def _may_follow(lowered: str) -> bool:
    """A second word of a name: a known name, or no ordinary word, and no stop word."""
    return not _stop(lowered) and (is_known(lowered) or not is_ordinary(lowered))


def _same_case(first: str, second: str) -> bool:
    """Two capitalised words, or two in capitals (``SOLVEIG NESHEIM``): one name, as written."""
    if _stop(second.lower()):
        return False
    return (first.isupper() and second.isupper()) or (
        first.istitle() and second.istitle() and not first.isupper()
    )


def _pair(match: re.Match[str]) -> tuple[int, int] | None:
    """The name of a ``first second`` match: the first word a known first name, the second
    kept when it may follow."""
    second = match["second"]
    if not _first_name(match["first"].lower()):
        if second and _first_name(second.lower()):  # ``kontakt meg halvard 41 20 33 90``
            return match.start("second"), match.end("second")
        return None
    if second and (_may_follow(second.lower()) or _same_case(match["first"], second)):
        return match.start("first"), match.end("second")
    return match.start("first"), match.end("first")


_NUMBER_LABELS = frozenset(
    "nummer nummeret nummar numer number nr tlf telefon telefonnummer mobil mobilnummer "
    "mobilnr phone".split()
)
"""Words a number follows: a word between one and the number is a verb, ``is`` in another
language (``mu nummar lea 900 …``), not a name."""


def _after_number_label(head: str, start: int) -> bool:
    before = head[:start].split()
    return bool(before) and before[-1].strip(".,:").lower() in _NUMBER_LABELS


def _before_numbers(text: str) -> Iterator[Found]:
    """Names right before a phone number or a birth word and date: each number is found
    first, then the words before it are read, only when a word that may be a name ends
    right before it (most numbers follow a label: ``tlf``, ``mobil:``)."""
    for number, before, why in (
        (_PHONE, _BEFORE_PHONE, "phone-name"),
        (_BIRTH, _BEFORE_BIRTH, "birth-name"),
    ):
        for found in number.finditer(text):
            offset = max(0, found.start() - _REACH)
            head = text[offset : found.start()]
            if head[-1:].isdigit():
                continue  # the end of a longer number
            head = head.removesuffix("+47 ").removesuffix("+47")
            tail = head.rstrip(" \t\n,")
            last = tail[max(tail.rfind(" "), tail.rfind("\n")) + 1 :].lower()
            if (
                not last.isalpha()
                or last in _NUMBER_LABELS
                or (last in words.COMMON and last != "her")
            ):
                continue
            match = before.search(head)
            span = None if match is None else _pair(match)
            if span is not None and not _after_number_label(head, span[0]):
                yield offset + span[0], offset + span[1], SCORE, why


def _heter_before(text: str) -> Iterator[Found]:
    """Read around each ``heter``/``heiter`` only (found by a plain substring search)."""
    seen: set[int] = set()
    for verb in ("heter", "heiter", "Heter", "HETER"):
        at = text.find(verb)
        while at >= 0:
            for match in _HETER_BEFORE.finditer(text, max(0, at - _REACH), at + 16):
                lowered = match["first"].lower()
                if match.start("first") in seen or _stop(lowered):
                    continue
                if is_known(lowered) or not is_ordinary(lowered):
                    seen.add(match.start("first"))
                    yield match.start("first"), match.end("first"), SCORE, "heter-after"
            at = text.find(verb, at + 1)


def _names_lines(text: str) -> Iterator[Found]:
    for match in _NAMES_LINE.finditer(text):
        parts = match["name"].split()
        unambiguous = [p for p in parts if p not in words.AMBIGUOUS_FIRST_NAMES]
        if (
            (_first_name(parts[0]) or parts[0] in words.AMBIGUOUS_FIRST_NAMES)
            and len(unambiguous) >= len(parts) - 1
            and unambiguous
            and all(is_known(p) and not _stop(p) for p in unambiguous)
        ) or (len(parts) == 2 and double_first_name(parts[0]) and not _stop(parts[1])):
            yield match.start("name"), match.end("name"), SCORE, "names-line"


def _sender_times(text: str) -> Iterator[Found]:
    matches = []
    for time in _TIME_ENDS_LINE.finditer(text):
        line_start = text.rfind("\n", 0, time.start()) + 1
        match = _SENDER_TIME.match(text, line_start, time.end())
        if match is not None:
            matches.append(match)
    turns = Counter(match["name"].lower() for match in matches)
    for match in matches:
        parts = match["name"].lower().split()
        if any(_stop(p) or (is_ordinary(p) and not is_known(p)) for p in parts):
            continue
        if _first_name(parts[0]) or turns[match["name"].lower()] > 1:
            yield match.start("name"), match.end("name"), SCORE, "sender-time"


def _closing(text: str) -> Iterator[Found]:
    match = _CLOSING.search(text[-60:])
    if match is None:
        return
    lowered = match["first"]
    offset = max(0, len(text) - 60)
    if (lowered in FIRST_NAMES or lowered in words.AMBIGUOUS_FIRST_NAMES) and not _stop(lowered):
        yield offset + match.start("first"), offset + match.end("first"), SCORE, "closing"


def _word_start(text: str, end: int) -> int:
    """Where the lower-case word ending at ``end`` starts."""
    start = end
    while start > 0 and text[start - 1].isalpha() and text[start - 1].islower():
        start -= 1
    return start


def _genitive_owners(text: str) -> Iterator[Found]:
    for match in _OWNED_AFTER.finditer(text):
        start = _word_start(text, match.start())
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "@.-_"):
            continue
        name = text[start : match.start()]
        if len(name) >= 2 and _first_name(name):
            yield start, match.start() + 1, SCORE, "owner"


def _doubles(text: str) -> Iterator[Found]:
    """Hyphenated lower-case words, found by their hyphens."""
    seen: set[int] = set()
    at = text.find("-")
    while at >= 0:
        hyphen, at = at, text.find("-", at + 1)
        if not (0 < hyphen < len(text) - 1 and text[hyphen - 1].isalpha()):
            continue
        if not text[hyphen + 1].isalpha():
            continue
        start = _word_start(text, hyphen)
        if start in seen or (
            start > 0 and (text[start - 1].isalnum() or text[start - 1] in "@.-_")
        ):
            continue
        seen.add(start)
        end = hyphen + 1
        while end < len(text) and (
            text[end].isalpha()
            or (text[end] == "-" and end + 1 < len(text) and text[end + 1].isalpha())
        ):
            end += 1
        if end < len(text) and (text[end].isalnum() or text[end] in "@-_"):
            continue
        if end + 1 < len(text) and text[end] == "." and text[end + 1].isalnum():
            continue
        word = text[start:end]
        if word.islower() and double_first_name(word):
            yield start, end, SCORE, "double-name"


def chat_names(text: str) -> list[Found]:
    """Every name of ``text`` found by where it stands in a message (module docstring)."""
    return [
        *_before_numbers(text),
        *_heter_before(text),
        *_names_lines(text),
        *_sender_times(text),
        *_closing(text),
        *_genitive_owners(text),
        *_doubles(text),
    ]
