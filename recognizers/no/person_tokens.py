"""The words of a text as :mod:`recognizers.no.person` reads them: case, shouting, labels.

Each word gets a case: ``cap`` (``Kari``), ``low`` (``kari``), ``up`` (``KARI``) or ``other``.
A word in ALL CAPS on a line that is almost all capitals (``PASIENTEN KARI NORDMANN HAR
VONDT``) says no more about names than a lower-case word in a lower-case text, so it is read as
``low`` and its line counts as chat (``shouted``). In ordinary text an ALL-CAPS word stays ``up``:
a name after a title (``Fastlege HANSEN``), an abbreviation otherwise (``CRP``).

A word followed by a colon at the start of a line (after an optional time stamp), or by a
colon and a space inside one, or in brackets opening a line (``[Speaker 1]``), that names a
speaker (``lege:``, ``Pasient:``, ``SPEAKER_00:``, ``[00:01:02] L:``) is a ``label``:
transcript structure, not a title in front of a name.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from recognizers.no import person_words as words

LETTERS = (
    "a-zæøåéèêëáàâãäíìîïóòôõöúùûüñçłśźżćńęąđšžčăơưāēīūėįųşğıőűțșřťďňľýůа-яёіїєґ'’\u1e00-\u1eff"
)
UPPER = "A-ZÆØÅÉÈÊËÁÀÂÃÄÍÌÎÏÓÒÔÕÖÚÙÛÜÑÇŁŚŹŻĆŃĘĄĐŠŽČĂƠƯĀĒĪŪĖĮŲŞĞİŐŰȚȘŘŤĎŇĽÝŮА-ЯЁІЇЄҐ\u1e00-\u1eff"
"""Letters of names; U+1E00–U+1EFF holds both cases of the Vietnamese letters (``Nguyễn``)."""
"""Letters of names: Latin with the diacritics of the languages patients write in, and
Cyrillic (``Мене звати Дарина Іванчук``)."""
_TOKEN = re.compile(rf"[\w{LETTERS}.\-]+")
NAME_WORD = re.compile(
    rf"[{UPPER}][{LETTERS}]+(?:-[{UPPER}a-zæøå][{LETTERS}]+|[{UPPER}][{LETTERS}]+)?"
)
"""A capitalised word, hyphenated or run together (``Kari-Anne``, ``KjellArne``, ``McLeod``)."""
LOWER_WORD = re.compile(rf"[{LETTERS}]{{2,}}(?:-[{LETTERS}]{{2,}})?")
UPPER_WORD = re.compile(rf"[{UPPER}][{UPPER}'’]+(?:-[{UPPER}][{UPPER}'’]+)?")
_TIME = r"[\[(]?(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?[ \t]+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[\])]?"
_LABEL = re.compile(
    rf"^[ \t>*_]*(?:{_TIME}[ \t]*(?:[-–][ \t]*)?)?(?P<label>[^\W\d][\w.]*(?:[ \t]\d{{1,2}})?)"
    r"[ \t]*:",
    re.MULTILINE,
)
_BRACKET_LABEL = re.compile(
    r"^[ \t]*\[(?P<label>[^\W\d][\w.]*(?:[ \t][^\W_]{1,2})?)\][ \t]", re.MULTILINE
)
"""A speaker label in brackets opening a line, with no colon (``[Speaker 1] ja``, ``[Taler B]``)."""
_INLINE_LABEL = re.compile(r"(?<=[\s.!?])(?P<label>[^\W\d][\w.]*):[ \t]")
_SPEAKER_NUMBERED = re.compile(
    r"(?:speaker|taler|talar|spk|[a-zæøå]{1,5})_?\d{1,2}|(?:speaker|taler|talar|spk)_?[a-z]",
    re.IGNORECASE,
)
"""A numbered or lettered speaker: ``SPEAKER_00``, ``spk2``, ``SPEAKER_A``, and a role
abbreviation with a number (``p1``, ``spl2``, ``l1``)."""
SHOUTED_MIN_LETTERS = 6


class Token(NamedTuple):
    """One word: offsets, text, lower-cased forms and its case (see module docstring)."""

    start: int
    end: int
    text: str
    lower: str
    word: str
    """The token without a sentence-final dot (``Hansen.`` -> ``Hansen``)."""
    word_lower: str
    case: str
    shouted: bool
    """On a line of capitals: read as chat."""
    label: bool
    """A speaker label at the start of a line (``lege:``)."""


def _case(word: str, shouted: bool) -> str:
    if word[:1].islower():
        return "low" if LOWER_WORD.fullmatch(word) else "other"
    if word.isupper():
        if UPPER_WORD.fullmatch(word):
            return "low" if shouted else "up"
        return "other"
    return "cap" if NAME_WORD.fullmatch(word) else "other"


def shouted_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines written in capitals (nearly no lower-case letters)."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line.upper() != line and sum(map(str.islower, line)) * 10 > len(line):
            start += len(line) + 1  # many small letters: not shouted (the common, cheap case)
            continue
        letters = sum(map(str.isalpha, line))
        if letters >= SHOUTED_MIN_LETTERS and sum(map(str.islower, line)) * 10 <= letters:
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def is_speaker(label: str) -> bool:
    """True for a speaker label's text (``lege``, ``Speaker 1``, ``SPEAKER_00``, ``P``)."""
    lowered = label.lower().rstrip(".")
    first = lowered.split()[0]
    return (
        first in words.SPEAKER_WORDS
        or first in words.TITLES
        or first in words.ROLES
        or first in words.RELATIVES
        or words.is_profession(first)
        or bool(_SPEAKER_NUMBERED.fullmatch(lowered.replace(" ", "")))
    )


def label_starts(text: str) -> set[int]:
    """Offsets of the first word of each speaker label (module docstring). Once one opens a
    line the text is a transcript, and a role word with a colon mid-line is the next turn
    run onto the same line (``Lege: og alderen? Pasient: Sekstiåtte``)."""
    starts = {match.start("label") for match in _LABEL.finditer(text) if is_speaker(match["label"])}
    if "[" in text:
        bracketed = _BRACKET_LABEL.finditer(text)
        starts.update(match.start("label") for match in bracketed if is_speaker(match["label"]))
    if starts:
        inline = _INLINE_LABEL.finditer(text)
        starts.update(match.start("label") for match in inline if is_speaker(match["label"]))
    return starts


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with case, shouting and labels (module docstring)."""
    shouted = shouted_lines(text)
    labels = label_starts(text)
    result, line = [], 0
    cases: dict[tuple[str, bool], str] = {}  # words repeat; forgotten when this returns
    for match in _TOKEN.finditer(text):
        token, start = match.group(), match.start()
        while line < len(shouted) and shouted[line][1] < start:
            line += 1
        loud = line < len(shouted) and shouted[line][0] <= start
        word = token[:-1] if token.endswith(".") and len(token) > 2 else token
        case = cases.get((word, loud))
        if case is None:
            case = cases[word, loud] = _case(word, loud)
        lower = token.lower()
        result.append(
            Token(
                start,
                match.end(),
                token,
                lower,
                word,
                lower if word is token else word.lower(),
                case,
                loud,
                start in labels,
            )
        )
    return result


_LABEL_BEFORE = re.compile(
    r"[ \t]*\[?(?P<label>[^\W\d][\w.]*(?:[ \t][^\W_]{1,2})?)(?:\][ \t]*|[ \t]*:[ \t]*)"
)


def after_speaker_label(text: str, start: int) -> bool:
    """Does ``start`` follow a speaker label that opens its line (``Lege: ``, ``[Speaker 1]``)
    in a text with turns (another line opens with one too)? Such a word has its capital
    because the turn opens there, and the label names a role that speaks, not the word after
    it (``Lege: Ketoner i urinen``); a form field (``Fastlege: Strand``) in a text without
    turns is no such label."""
    line_start = text.rfind("\n", 0, start) + 1
    match = _LABEL_BEFORE.fullmatch(text, line_start, start)
    return match is not None and is_speaker(match["label"]) and len(label_starts(text)) >= 2
