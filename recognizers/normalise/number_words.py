"""Spoken numbers, the grammar: number words (Norwegian, and English digits), the tokens a run
of them is made of, and the numbers those tokens stand for.

``fire hundre og tjue`` is 420, ``to tusen og tolv`` 2012, ``tjue-fem`` and old-order ``fem og
tjue`` 25, ``nitten`` and ``syttien`` two numbers (19, 71). ``førti tre`` is two numbers too:
written Norwegian joins a compound into one word, so a transcript that splits it heard a pause;
English ``twenty two`` is one (22), as English writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from recognizers.normalise import lexicon

_SMALL: dict[str, int] = lexicon.UNITS | lexicon.TEENS | lexicon.TENS | lexicon.COMPOUNDS
_MAGNITUDE_WORDS = lexicon.HUNDRED | lexicon.THOUSAND | lexicon.HUNDREDS.keys()
_WORDS = _SMALL.keys() | _MAGNITUDE_WORDS | lexicon.YEARS.keys()
_TENS_UNIT = (
    rf"{lexicon.words_pattern(lexicon.TENS)}-"
    rf"{lexicon.words_pattern(word for word, value in lexicon.UNITS.items() if value)}"
)
NUMBER_WORD = (
    rf"(?:{_TENS_UNIT}|{lexicon.words_pattern(_WORDS)}"
    rf"|{lexicon.ARTICLE}(?=[ ]+(?:hundre|tusen)))(?!\w)"
)
"""One number word (``tjue-fem`` too; ``et`` only before a magnitude)."""
DIGIT = r"\d(?!\w)(?![.,/:]\d)"
"""A single digit, not part of a decimal, ratio or time (``2,5``, ``4/5``). Longer digit groups
never join a run: ``en 78 år``, ``tre 500 mg`` and English ``2024 to 28`` are no identifiers."""
_BIG = {word for word, value in lexicon.HUNDREDS.items() if value >= 1000} | lexicon.YEARS.keys()
BIG_WORD = rf"{lexicon.words_pattern(_BIG)}(?!\w)"
"""One word for four digits: ``tjueåttehundre``, ``nittenåttini``."""
_PIECE = re.compile(r"\d+|[^\W\d_]+")


class Kind(Enum):
    """What a token in a run is."""

    DIGIT = "digit"
    UNIT = "unit"
    TEEN = "teen"
    TENS = "tens"
    COMPOUND = "compound"
    HUNDRED = "hundred"
    THOUSAND = "thousand"


_MEANINGS: dict[str, tuple[Kind, int]] = {
    **{word: (Kind.UNIT, value) for word, value in lexicon.UNITS.items()},
    **{word: (Kind.TEEN, value) for word, value in lexicon.TEENS.items()},
    **{word: (Kind.TENS, value) for word, value in lexicon.TENS.items()},
    **{word: (Kind.COMPOUND, value) for word, value in lexicon.COMPOUNDS.items()},
    **{word: (Kind.COMPOUND, value) for word, value in lexicon.YEARS.items()},
    lexicon.ARTICLE: (Kind.UNIT, 1),
    **dict.fromkeys(lexicon.HUNDRED, (Kind.HUNDRED, 100)),
    **{word: (Kind.HUNDRED, value) for word, value in lexicon.HUNDREDS.items()},
    **dict.fromkeys(lexicon.THOUSAND, (Kind.THOUSAND, 1000)),
}
_SMALL_KINDS = frozenset({Kind.UNIT, Kind.TEEN, Kind.TENS, Kind.COMPOUND})
_MAGNITUDES = frozenset({Kind.HUNDRED, Kind.THOUSAND})


@dataclass(frozen=True, slots=True)
class Token:
    """A number word or digit(s). What lies between it and the previous token: ``joined``,
    only spaces or a hyphen; ``hyphen``, a hyphen only; ``after_and``, the word ``og`` only."""

    kind: Kind
    value: int
    text: str
    start: int
    end: int
    joined: bool
    hyphen: bool
    after_and: bool


@dataclass(frozen=True, slots=True)
class Group:
    """The digits one number in a run stands for, and the span of its words."""

    digits: str
    start: int
    end: int
    magnitude: bool = False


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The number tokens of ``text[start:end]`` (a run); linking words are left out."""
    found: list[Token] = []
    previous = start
    for piece in _PIECE.finditer(text, start, end):
        token = _token(piece.group(), piece.start(), piece.end(), text[previous : piece.start()])
        if token is not None:
            found.append(token)
            previous = piece.end()
    return found


def _token(word: str, start: int, end: int, gap: str) -> Token | None:
    meaning = _meaning(word)
    if meaning is None:
        return None
    joined, hyphen = gap.strip(" -") == "", gap.strip(" ") == "-"
    after_and = gap.lower().split() == [lexicon.AND]
    return Token(*meaning, word, start, end, joined, hyphen, after_and)


def _meaning(word: str) -> tuple[Kind, int] | None:
    if word.isdigit():
        return Kind.DIGIT, 0
    return _MEANINGS.get(word.lower())


def groups(run: list[Token]) -> list[Group]:
    """The numbers a run of tokens stands for, in order."""
    found: list[Group] = []
    index = 0
    while index < len(run):
        first = run[index]
        if first.kind is Kind.DIGIT:
            found.append(Group(first.text, first.start, first.end))
            index += 1
            continue
        value, after = _number(run, index)
        magnitude = any(token.kind in _MAGNITUDES for token in run[index:after])
        found.append(Group(str(value), first.start, run[after - 1].end, magnitude))
        index = after
    return found


def _number(run: list[Token], index: int) -> tuple[int, int]:
    """A number of up to four digits from ``run[index]`` (not a digit group) on; the index
    after it."""
    value, after = _below_thousand(run, index)
    at_thousand = after < len(run) and run[after].kind is Kind.THOUSAND
    if at_thousand and value != 0 and (value is None or run[after].joined):
        tail, end = _tail(run, after + 1, allow_hundreds=True)
        return (value or 1) * 1000 + tail, end
    if value is None:
        msg = f"{run[index].text!r} starts no number"
        raise ValueError(msg)
    return value, after


def _below_thousand(run: list[Token], index: int) -> tuple[int | None, int]:
    """``fire``, ``fire hundre og tjue``, ``tjueåttehundre``; None when ``run[index]`` is
    ``tusen``."""
    small, after = _small(run, index)
    hundred = run[after] if after < len(run) and run[after].kind is Kind.HUNDRED else None
    if hundred and (small is None or (small and hundred.joined and hundred.value == 100)):
        # ``sjutusen fem hundre og tjue``: a thousand word takes hundreds after it (7520)
        tail, end = _tail(run, after + 1, allow_hundreds=hundred.value >= 1000)
        return (small or 1) * hundred.value + tail, end
    return small, after


def _tail(run: list[Token], index: int, *, allow_hundreds: bool) -> tuple[int, int]:
    """The ``og tjue`` after ``hundre`` or ``tusen``: (0, index) when there is none."""
    if index >= len(run) or not (run[index].joined or run[index].after_and):
        return 0, index
    kind = run[index].kind
    if kind in _SMALL_KINDS or (allow_hundreds and kind is Kind.HUNDRED):
        value, end = (_below_thousand if allow_hundreds else _small)(run, index)
        if value and not (end < len(run) and run[end].kind is Kind.THOUSAND):
            return value, end
    return 0, index


def _small(run: list[Token], index: int) -> tuple[int | None, int]:
    """A number below a hundred: one word, ``tjue-fem`` or old-order ``fem og tjue``.

    ``førti tre`` stays 40, 3: written Norwegian joins a compound number into one word, so a
    transcript that splits it heard a pause between two numbers.
    """
    token = run[index]
    if token.kind not in _SMALL_KINDS:
        return None, index
    after = index + 1
    if after < len(run):
        following = run[after]
        tens_unit = token.kind is Kind.TENS and following.kind is Kind.UNIT and following.hyphen
        unit_tens = token.kind is Kind.UNIT and following.kind is Kind.TENS and following.after_and
        english = (
            following.joined
            and token.text.lower() in lexicon.ENGLISH_TENS
            and following.text.lower() in lexicon.ENGLISH_UNITS
        )
        if ((tens_unit or english) and following.value) or (unit_tens and token.value):
            return token.value + following.value, after + 1
    return token.value, after
