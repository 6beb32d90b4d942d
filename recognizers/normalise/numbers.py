"""Spoken numbers to digits: ``fire en fire nittiåtte fem tre sju`` → ``41498537``.

A *run* is number words and single digits linked by spaces, commas, ``og``, ``så`` or filler
words. Each number in it (:mod:`~recognizers.normalise.number_words`) contributes its digits,
without separators: that is how identifiers are dictated. A number said with ``hundre``
or ``tusen`` (``fire hundre og tjue``, ``to tusen og tolv``) stands alone. A run yielding fewer
than four digits stays words, so dosages (``to tabletter tre ganger``), ranges (``fire-fem
dager``: a hyphen ends a run) and ``tusen takk`` are left alone — except a house number right
after a street name (:mod:`~recognizers.normalise.streets`).

How people say numbers, kept in what is written: ``strek`` between two written numbers is a
dash (``tjuetjuetre strek null null fire ni åtte sju`` → ``2023-004987``), ``pluss`` before
a number with a country code its ``+``, and a false start taken back with ``nei`` (``ni eh
nitti nei ni åtte …``) is written over by the corrected number, so a finding covers it.
"""

from __future__ import annotations

import re
from itertools import repeat

from recognizers.no.poststeder import POSTSTEDER
from recognizers.normalise import lexicon
from recognizers.normalise.number_words import (
    BIG_WORD,
    DIGIT,
    NUMBER_WORD,
    Group,
    Kind,
    Token,
    groups,
    tokens,
)
from recognizers.normalise.offsets import TextView, ViewBuilder
from recognizers.normalise.streets import after_street, is_house_number, street_number_starts

MIN_DIGITS = 4

_TOKEN = rf"(?:{NUMBER_WORD}|{DIGIT})"
_GAP = r"(?:[ ]*,[ ]*|[ ]+)"
_LINK = rf"(?:{lexicon.words_pattern(lexicon.LINKS)})(?!\w)"
SEPARATOR = rf"{_GAP}(?:{_LINK}{_GAP})*"
START = r"(?<![\w+])(?<!\d[.,/:])"
"""A run starts at a word start, not right after ``+`` or inside a decimal or ratio."""
RUN = re.compile(rf"{START}{_TOKEN}(?:{SEPARATOR}{_TOKEN})*")
"""Number words and single digits in a row (one or more)."""
_DICTATED = re.compile(rf"{START}(?:{_TOKEN}(?:{SEPARATOR}{_TOKEN})+|{BIG_WORD})")
_DIGIT_WORD = lexicon.words_pattern(lexicon.UNITS)
_HYPHEN_GROUP = rf"(?:{_DIGIT_WORD})(?:-(?:{_DIGIT_WORD}))+"
_HYPHENATED = re.compile(
    rf"{START}(?:(?:{_DIGIT_WORD})(?:-(?:{_DIGIT_WORD})){{3,}}(?:[ ]*,[ ]*{_HYPHEN_GROUP})*"
    rf"|{_HYPHEN_GROUP}(?:[ ]*,[ ]*{_HYPHEN_GROUP}){{2,}})(?![\w-])"
)
"""Four or more digit words joined by hyphens, or three comma-apart groups of them: a number
dictated and typed out (``null-tre-null-fem``, ``ni-to-tre, fire-fire, en-null-sju``). Two
or three words (``fire-fem dager``) or two groups are a range or a count and stay words."""
_PLUS = re.compile(r"(?<!\w)(?P<word>pluss?)[ ]+$")
"""``pluss`` (or English ``plus``) said right before a number."""
_INTERNATIONAL_DIGITS = range(9, 16)
"""Digits of a number with a country code (E.164 allows 15)."""
_JOINT = re.compile(r"[ ]+(?:bindestrek|strek|(?P<slash>skråstrek))[ ]+")
_TAKEN_BACK = re.compile(
    rf"{START}{_TOKEN}(?:{SEPARATOR}{_TOKEN})*(?:[ ]*,)?[ ]+(?:nei|unnskyld)(?:[ ]*,)?[ ]+$"
)
"""Number words taken back with ``nei`` or ``unnskyld`` right before a number."""
_TAKEN_BACK_REACH = 80
_SINGLE_DIGITS = re.compile(rf"{START}\d(?: \d){{3,}}(?!\w)(?![.,/:]\d)")
_PLACE = re.compile(r"[ ]+([^\W\d_]+)")
_FILLER = re.compile(rf"(?<!\w)(?:{lexicon.words_pattern(lexicon.FILLERS)})(?!\w)")
"""A hesitation between written digits (``9 1 7 eh 4 4 2 0 3``) makes them one dictated run."""


def rewrite_numbers(text: str, base: TextView | None = None) -> TextView | None:
    """``text`` with each run of four or more spoken digits written as one digit string, and
    each house number said right after a street name."""
    builder = ViewBuilder(text, base)
    text = lexicon.lower(text)
    written_end = -1
    for start, end in _runs(text):
        run = tokens(text, start, end)
        if all(token.kind is Kind.DIGIT for token in run) and not _FILLER.search(text, start, end):
            _write_single_digits(builder, text, start, end)
            continue
        street = after_street(text, start)
        if not (street or _spoken(run)):
            continue
        for numbers in map(_fitted, _numbers(groups(run)), repeat(text)):
            house = street and numbers[0].start == start
            for part in _split_postnummer(text, numbers, street=house):
                if _long_enough(text, part) or (house and part[0].start == start and _house(part)):
                    if written_end >= 0:
                        _write_joint(builder, text, written_end, part[0].start)
                    _write_groups(builder, text, part)
                    written_end = part[-1].end
    return builder.view()


def _runs(text: str) -> list[tuple[int, int]]:
    """The spans of dictated runs (two tokens or a four-digit word), and of runs of any
    length right after a street name, in order."""
    spans = {match.start(): match.end() for match in _DICTATED.finditer(text)}
    if "-" in text:
        spans.update((match.start(), match.end()) for match in _HYPHENATED.finditer(text))
    spans.update(street_number_starts(text, RUN))
    runs: list[tuple[int, int]] = []
    for start, end in sorted(spans.items()):
        if not runs or start >= runs[-1][1]:
            runs.append((start, end))
    return runs


def _house(part: list[Group]) -> bool:
    return is_house_number("".join(group.digits for group in part))


def _spoken(run: list[Token]) -> bool:
    """Two tokens (one at least a word, as all-digit runs are handled apart), or one word with
    four digits (``tjueåttehundre``, ``nittenåttini``) — not ``tusen`` in ``tusen takk``."""
    return len(run) > 1 or (run[0].value >= 1000 and run[0].kind is not Kind.THOUSAND)


def _long_enough(text: str, part: list[Group]) -> bool:
    """Four digits or more, and not a lone ``tusen`` (``tusen tusen takk``)."""
    if len(part) == 1 and text[part[0].start : part[0].end].lower() in lexicon.THOUSAND:
        return False
    return sum(len(group.digits) for group in part) >= MIN_DIGITS


def _numbers(found: list[Group]) -> list[list[Group]]:
    """The separate numbers of a run: a number said with ``hundre`` or ``tusen`` stands alone
    (``vitamin b tolv tre hundre og ti``, ``hundre og tolv, tre sju tretten skien``), unless it
    is the three-digit individnummer right after the six digits of a birth date (``ti null fem
    nittini fire hundre og nitti nittitre``). The groups between are one dictated number."""
    parts: list[list[Group]] = [[]]
    for group in found:
        after_date = sum(len(earlier.digits) for earlier in parts[-1]) == 6
        if group.magnitude and not (after_date and len(group.digits) == 3):
            parts += [[group], []]
        else:
            parts[-1].append(group)
    return [part for part in parts if part]


_CORRECTIONS = frozenset({"altså", "asså"})
_WHOLE_LENGTHS = frozenset({8, 11})
"""Digits of a phone number and of a fødselsnummer."""


def _corrected(found: list[Group], text: str) -> list[Group]:
    """``nittitre tjuen altså tjueen null null syttiåtte``: a speaker who corrects a group says
    the right one after ``altså``. The group before is dropped when the number has the length
    of a phone number or fødselsnummer only without it (otherwise ``altså`` is a filler)."""
    total = sum(len(group.digits) for group in found)
    if total in _WHOLE_LENGTHS:
        return found
    for index in range(1, len(found)):
        wrong, right = found[index - 1], found[index]
        said = text[wrong.end : right.start].replace(",", " ").split()
        same_size = len(wrong.digits) == len(right.digits)
        if same_size and _CORRECTIONS & set(said) and total - len(wrong.digits) in _WHOLE_LENGTHS:
            return found[: index - 1] + found[index:]
    return found


def _fitted(found: list[Group], text: str) -> list[Group]:
    """``found`` read as a phone number or fødselsnummer when only a correction or a tens word
    split from its unit makes it one (:func:`_corrected`, :func:`_joined_tens`)."""
    return _joined_tens(_corrected(found, text), text)


def _joined_tens(found: list[Group], text: str) -> list[Group]:
    """``nitti åtte sju seks fem fire tre to``: speech-to-text may split ``nittiåtte`` in two.
    Each tens word and the unit right after it (a space between) are one number when the run
    has the length of a phone number or fødselsnummer only so."""
    total = sum(len(group.digits) for group in found)
    pairs = [
        index
        for index in range(1, len(found))
        if _tens(found[index - 1])
        and len(found[index].digits) == 1
        and found[index].digits != "0"
        and not text[found[index - 1].end : found[index].start].strip()
    ]
    if total in _WHOLE_LENGTHS or not pairs or total - len(pairs) not in _WHOLE_LENGTHS:
        return found
    joined = list(found)
    for index in reversed(pairs):
        tens, unit = joined[index - 1], joined[index]
        joined[index - 1 : index + 1] = [Group(tens.digits[0] + unit.digits, tens.start, unit.end)]
    return joined


def _tens(group: Group) -> bool:
    return len(group.digits) == 2 and group.digits[1] == "0" and group.digits[0] >= "2"


def _split_postnummer(text: str, found: list[Group], *, street: bool) -> list[list[Group]]:
    """``sju, seks ni null null florø``: a house number and a postnummer said in one breath are
    two numbers. The last four digits stand alone when a known poststed follows, or when a
    word follows and a comma or a ``street`` name before parts them from a house number (1-3
    digits, no leading 0), or when both a street name and a comma do (``nordre ringveg
    elleve, fem ni tre to`` at the end of a turn)."""
    place = _PLACE.match(text, found[-1].end)
    digits = 0
    for index in range(len(found) - 1, 0, -1):
        digits += len(found[index].digits)
        if digits > 4:
            break
        if digits == 4:
            house = "".join(group.digits for group in found[:index])
            comma = "," in text[found[index - 1].end : found[index].start]
            known = place is not None and place.group(1).lower() in POSTSTEDER
            parted = (street and comma) or (place is not None and (street or comma))
            if known or (parted and is_house_number(house)):
                return [found[:index], found[index:]]
    return [found]


def _write_groups(builder: ViewBuilder, text: str, found: list[Group]) -> None:
    """Write the digits of ``found``. A run of ``47`` and eight digits gets its ``+`` back
    (from ``pluss`` or ``plus`` if it was said) so it reads as the phone number it is, and so does a
    foreign number said after ``pluss``. A false start taken back with ``nei`` right before
    (``ni eh nitti nei ni åtte …``) is written over by the first digits: it is part of what
    was said."""
    digits = "".join(group.digits for group in found)
    first = found[0]
    plus = _PLUS.search(text, max(0, first.start - 12), first.start)
    taken_back = _TAKEN_BACK.search(text, max(0, first.start - _TAKEN_BACK_REACH), first.start)
    if plus is not None and (digits.startswith("47") or _international(digits)):
        builder.keep_to(plus.start())
        builder.put("+", plus.start(), plus.end("word"))
    elif taken_back is not None and taken_back.start() >= builder.cursor:
        builder.keep_to(taken_back.start())
        builder.put(first.digits, taken_back.start(), first.end)
        found = found[1:]
    else:
        builder.keep_to(first.start)
        if len(digits) == 10 and digits.startswith("47"):
            builder.put("+", first.start, first.end)
    for group in found:
        builder.put(group.digits, group.start, group.end)


def _international(digits: str) -> bool:
    return digits[0] != "0" and len(digits) in _INTERNATIONAL_DIGITS


def _write_joint(builder: ViewBuilder, text: str, end: int, start: int) -> None:
    """``tjuetjuetre strek null null fire ni åtte sju``: a dash (or slash) said between two
    written numbers is written as one, so they read as one identifier (``2023-004987``)."""
    joint = _JOINT.fullmatch(text, end, start)
    if joint is not None and builder.cursor == end:
        builder.put("/" if joint["slash"] else "-", end, start)


def _write_single_digits(builder: ViewBuilder, text: str, start: int, end: int) -> None:
    """``4 8 3 8 3 0 0 3`` → ``48383003``: four or more single digits apart by one space."""
    for match in _SINGLE_DIGITS.finditer(text, start, end):
        builder.keep_to(match.start())
        for position in range(match.start(), match.end(), 2):
            builder.keep(position, position + 1)
