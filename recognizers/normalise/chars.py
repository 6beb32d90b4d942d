"""Step 1: characters. NFKC, invisible characters out, odd spaces and dashes plain, and
Cyrillic/Greek look-alike letters folded to Latin inside words that mix scripts.

Fullwidth ``４１２``, a zero-width space inside ``150939·17747`` and the Cyrillic О of ``Оla``
must reach the recognizers as ``412``, ``15093917747`` and ``Ola``: a checksum or a gazetteer
cannot match through them. Tabs and newlines stay: tables are
found by their delimiters. A word written wholly in Cyrillic or Greek is left alone.
"""

from __future__ import annotations

import re
import unicodedata

import regex

from recognizers.normalise.offsets import TextView, ViewBuilder, replaced

INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\u3164\ufeff\uffa0"
)
"""Zero-width, format, bidi-control and Hangul filler characters: removed."""
SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" + (
    "\u202f\u205f\u3000"
)
"""Space-like characters: each becomes one plain space."""
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
"""Typographic dashes and the minus sign: each becomes ``-``."""

_PLAIN = str.maketrans({**dict.fromkeys(INVISIBLE, ""), **dict.fromkeys(SPACES, " ")}) | (
    str.maketrans(dict.fromkeys(DASHES, "-"))
)
_SPECIAL = re.compile(f"[{INVISIBLE}{SPACES}{DASHES}]")
_CLUSTER = regex.compile(r"[^\x00-\x7f]\p{M}*|[\x00-\x7f]\p{M}+")
"""A non-ASCII character or an ASCII one carrying combining marks, with its marks."""

_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_CYRILLIC_GREEK = "\u0370-\u03ff\u0400-\u052f"
_ANY_CYRILLIC_GREEK = re.compile(f"[{_CYRILLIC_GREEK}]")
_ODD = re.compile(f"[{INVISIBLE}{SPACES}{DASHES}{_CYRILLIC_GREEK}]")
_MIXED_WORD = re.compile(rf"(?<!\w)(?=\w*?[{_LATIN}])(?=\w*?[{_CYRILLIC_GREEK}])\w+")
LOOKALIKES = str.maketrans(
    "АВСЕНІЈКМОРЅТХУасеіјорѕхуԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧονρ",
    "ABCEHIJKMOPSTXYaceijopsxydqwABEZHIKMNOPTYXovp",
)
"""Cyrillic and Greek letters that look like Latin ones, by shape."""


def fold_characters(text: str, base: TextView | None = None) -> TextView | None:
    """The character-folded view of ``text``, or None when folding changes nothing. With
    ``base`` (a view whose text is ``text``) the view maps onto ``base.original``.

    The common case costs C-level scans only: ASCII text returns at once; other text needs a
    non-NFKC form, or one regex search to find a special character or a Cyrillic/Greek letter,
    before any per-character work is done.
    """
    if text.isascii():
        return None
    normal = unicodedata.is_normalized("NFKC", text)
    if normal and _ODD.search(text) is None:
        return None
    plain = None if normal and _SPECIAL.search(text) is None else _fold_clusters(text, base)
    return _fold_lookalikes(plain.text if plain else text, plain or base) or plain


def _fold_char(char: str) -> str:
    return unicodedata.normalize("NFKC", char.translate(_PLAIN)).translate(_PLAIN)


def _fold_clusters(text: str, base: TextView | None) -> TextView | None:
    """NFKC per character cluster, invisible characters out, spaces and dashes plain.

    A cluster that folds character by character maps each output to its own source character;
    one that composes (``a`` + combining ring → ``å``) maps its output to the whole cluster.
    """
    builder = ViewBuilder(text, base)
    for match in _CLUSTER.finditer(text):
        cluster = match.group()
        start = match.start()
        if len(cluster) == 1:
            folded = _fold_char(cluster)
            if folded != cluster:
                builder.keep_to(start)
                _put(builder, folded, start, start + 1)
            continue
        whole = unicodedata.normalize("NFKC", cluster.translate(_PLAIN)).translate(_PLAIN)
        if whole == cluster:
            continue
        builder.keep_to(start)
        pieces = [_fold_char(char) for char in cluster]
        if "".join(pieces) != whole:
            _put(builder, whole, start, match.end())
            continue
        for offset, piece in enumerate(pieces):
            _put(builder, piece, start + offset, start + offset + 1)
    return builder.view()


def _put(builder: ViewBuilder, piece: str, start: int, end: int) -> None:
    if piece:
        builder.put(piece, start, end)
    else:
        builder.skip_to(end)


def _fold_lookalikes(text: str, base: TextView | None) -> TextView | None:
    """Latin for look-alike letters inside words that mix Latin with Cyrillic or Greek (one
    letter for one: the offset map stays ``base``'s)."""
    if _ANY_CYRILLIC_GREEK.search(text) is None:
        return None
    folded = _MIXED_WORD.sub(lambda word: word.group().translate(LOOKALIKES), text)
    return None if folded == text else replaced(folded, base, text)


_LETTER_ZEROS = re.compile(r"(?<![\w.,])[\dOo]*\d[Oo]+\d[\dOo]*(?!\w)")
"""A number with the letter O typed for a zero between digits (``4O4 77 918``); a word with
other letters (``H2O2``) is no such number."""
_GROUP_ZEROS = re.compile(
    r"(?<![\w.,])(?:\d+[Oo]+\d*|[Oo]+\d+)(?=(?P<more>(?:[ .\-]\d{2,3}){2,})|[ .\-]\d\d)"
)
"""A digit group that ends or starts with the letter O, then the next group of the same
number (``41O 55 872``, ``9O 66 12 48``, ``98 O7 22 51``): the O sits at a group's edge, not
between digits. A group with one digit only when two more groups follow or one comes before
(``O2 12 l/min`` stays)."""
_LETTER_ONES = re.compile(r"(?<![\w.,])\d+[lI]\d+(?=[ .\-]\d\d)")
"""A digit group with the letter l or I typed for a one between digits, then the next group
(``9l2 44 307``)."""
_LETTER_BY_DIGIT = re.compile(r"\d[OolI]|[Oo]\d")
"""Every number these fold has a letter next to a digit: one cheap search rules most texts
out."""
_GROUP_BEFORE = re.compile(r"\d\d[ .\-]\Z")
_ONE = str.maketrans("lI", "11")
_MIN_DIGITS = 2


def fold_letter_zeros(text: str, base: TextView | None = None) -> TextView | None:
    """``text`` with each letter O typed between the digits of a number written as ``0`` (and
    an l or I typed for a one, as ``1``); one character for one, so the offset map stays
    ``base``'s. None when there is none."""
    if _LETTER_BY_DIGIT.search(text) is None:
        return None
    folded = _GROUP_ZEROS.sub(_group_zeros, _LETTER_ZEROS.sub(_zeros, text))
    folded = _LETTER_ONES.sub(lambda ones: ones.group().translate(_ONE), folded)
    return None if folded == text else replaced(folded, base, text)


def _group_zeros(number: re.Match[str]) -> str:
    start = number.start()
    if number.group("more") or _GROUP_BEFORE.search(number.string, max(0, start - 3), start):
        return number.group().translate(_ZERO)
    return _zeros(number)


def _zeros(number: re.Match[str]) -> str:
    digits = sum(char.isdigit() for char in number.group())
    return number.group().translate(_ZERO) if digits >= _MIN_DIGITS else number.group()


_ZERO = str.maketrans("Oo", "00")
