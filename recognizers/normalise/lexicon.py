"""Spoken Norwegian, bokmål and nynorsk: number words, ordinals, months and the words that
link them, plus a builder for regexes that match a word list quickly. English number words
too: an English-speaking patient dictates digits in English.

All entries are lower case, and so is the text the regexes built from them search
(:func:`lower`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_UNITS: dict[str, int] = {
    "null": 0,
    **dict.fromkeys(("en", "ein", "én", "ett", "eitt"), 1),
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    **dict.fromkeys(("sju", "syv"), 7),
    "åtte": 8,
    "ni": 9,
}
_TEENS: dict[str, int] = {
    "ti": 10,
    "elleve": 11,
    "tolv": 12,
    "tretten": 13,
    "fjorten": 14,
    "femten": 15,
    "seksten": 16,
    "sytten": 17,
    "atten": 18,
    "nitten": 19,
}
_TENS: dict[str, int] = {
    **dict.fromkeys(("tjue", "tyve", "tjuge"), 20),
    **dict.fromkeys(("tretti", "tredve"), 30),
    **dict.fromkeys(("førti", "firti", "fyrti", "førr"), 40),
    "femti": 50,
    "seksti": 60,
    "sytti": 70,
    "åtti": 80,
    "nitti": 90,
}
_ENGLISH = "zero one two three four five six seven eight nine ten eleven twelve thirteen".split()
_ENGLISH_TEENS = "fourteen fifteen sixteen seventeen eighteen nineteen".split()
_ENGLISH_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
UNITS: dict[str, int] = _UNITS | {word: value for value, word in enumerate(_ENGLISH[:10])}
TEENS: dict[str, int] = _TEENS | {
    word: value for value, word in enumerate(_ENGLISH[10:] + _ENGLISH_TEENS, 10)
}
TENS: dict[str, int] = _TENS | {word: value * 10 for value, word in enumerate(_ENGLISH_TENS, 2)}
"""Number words below a hundred, Norwegian and (for the English-speaking patient) English."""
ENGLISH_TENS = frozenset(_ENGLISH_TENS)
ENGLISH_UNITS = frozenset(_ENGLISH[1:10])
"""English writes ``twenty two`` apart: the two words are one number (22)."""
COMPOUNDS: dict[str, int] = {
    tens + unit: tens_value + unit_value
    for tens, tens_value in _TENS.items()
    for unit, unit_value in _UNITS.items()
    if unit_value
} | {
    tens[:-1] + unit: value + 1
    for tens, value in _TENS.items()
    if tens.endswith("e")
    for unit in ("en", "ein")
}
"""``tjuefem``, ``nittiåtte``, ``syttien``: tens and unit written as one word; ``tjuen`` as
``tjueen`` is said, the two e's run together."""
HUNDRED = frozenset({"hundre", "hundrede", "hundred"})
THOUSAND = frozenset({"tusen", "thousand"})
HUNDREDS: dict[str, int] = {
    word + hundred: value * 100
    for word, value in (_UNITS | _TEENS | _TENS | COMPOUNDS).items()
    if value
    for hundred in ("hundre", "hundrede")
} | {word + "tusen": value * 1000 for word, value in _UNITS.items() if value}
"""``tjueåttehundre``, ``femhundre``, ``totusen``: a multiple of a hundred written as one word
(``totusen og femten`` is 2015)."""
YEARS: dict[str, int] = {
    century + year: century_value * 100 + year_value
    for century, century_value in (_TEENS | dict.fromkeys(("tjue", "tyve", "tjuge"), 20)).items()
    for year, year_value in (_TEENS | _TENS | COMPOUNDS).items()
}
YEARS |= {
    "totusen" + link + year: 2000 + value
    for link in ("", "og")
    for year, value in (_UNITS | _TEENS | _TENS | COMPOUNDS).items()
    if value
}
"""``nittenåttini``, ``tjuetolv``, ``totusenogti``: a year written as one word."""
ARTICLE = "et"
"""``et hundre``, ``et tusen``: the article counts as one only before a magnitude."""
FILLERS = frozenset(
    {"eh", "ehm", "ehh", "eeh", "em", "øh", "øhm", "øhh", "hm", "hmm", "altså", "asså", "liksom"}
)
"""Hesitations and discourse fillers said mid-number (``ni to altså fire sju``)."""
AND = "og"
LINKS = FILLERS | {AND, "så"}
"""Words said between the numbers of one run: ``tolv null tre åtti og så tre ni``."""

_ORDINAL_UNITS: dict[str, int] = {
    **dict.fromkeys(("første", "fyrste"), 1),
    **dict.fromkeys(("andre", "annen"), 2),
    "tredje": 3,
    "fjerde": 4,
    "femte": 5,
    "sjette": 6,
    **dict.fromkeys(("sjuende", "syvende", "sjuande"), 7),
    **dict.fromkeys(("åttende", "åttande"), 8),
    **dict.fromkeys(("niende", "niande"), 9),
}
_ORDINAL_TEENS: dict[str, int] = {
    **dict.fromkeys(("ellevte", "elvte"), 11),
    "tolvte": 12,
    "tyvende": 20,
    "tredevte": 30,
    **{
        stem + ending: value
        for stem, value in (
            *(("ti", 10), ("trett", 13), ("fjort", 14), ("femt", 15), ("sekst", 16)),
            *(("sytt", 17), ("att", 18), ("nitt", 19), ("tju", 20), ("tjug", 20), ("tretti", 30)),
        )
        for ending in ("ende", "ande")
    },
}
_OLD_ORDER_TENS: dict[str, int] = {
    **dict.fromkeys(("tjuende", "tjuande", "tyvende"), 20),
    **dict.fromkeys(("trettiende", "trettiande", "tredevte"), 30),
}
"""The tens ordinal a unit is put before in the old order: ``to-og-tjuende`` (22nd)."""
ORDINALS: dict[str, int] = {
    **_ORDINAL_UNITS,
    **_ORDINAL_TEENS,
    **{
        tens + unit: value + unit_value
        for tens, value in _TENS.items()
        if value in (20, 30)
        for unit, unit_value in _ORDINAL_UNITS.items()
        if value + unit_value <= 31
    },
    **{
        unit + AND + tens: value + unit_value
        for tens, value in _OLD_ORDER_TENS.items()
        for unit, unit_value in _UNITS.items()
        if unit_value > 0 and value + unit_value <= 31
    },
}
"""Day ordinals 1-31 (``sjette``, ``tjuefemte``, ``trettiførste``; nynorsk ``fyrste``,
``sjuande``; old-order ``toogtjuende``; ``elvte`` as ``ellevte`` is said)."""
_MONTH_NAMES = "januar februar mars april mai juni juli august september oktober november desember"
MONTHS: dict[str, int] = {name: number for number, name in enumerate(_MONTH_NAMES.split(), 1)}
MAIL_WORDS = frozenset(
    {"krøllalfa", "alfakrøll", "krølla", "krøll", "snabel", "tegn", "at", "punktum", "punkt"}
    | {"prikk", "æt"}
    | {"dot", "dått", "dott", "bindestrek", "strek", "understrek", "kanelbolle"}
)
SPOKEN_WORDS: frozenset[str] = (
    frozenset().union(UNITS, TEENS, TENS, COMPOUNDS, HUNDREDS, YEARS, ORDINALS, MONTHS)
    | HUNDRED
    | THOUSAND
    | LINKS
    | MAIL_WORDS
    | {ARTICLE, "pluss", "plus"}
)
"""Every word the spoken-Norwegian step gives a meaning to."""

SPELLING = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
"""The letters a spelled-out name is made of (Latin, Greek, Cyrillic), as a regex class body."""
SPELLING_LETTERS = frozenset(
    form
    for code in (*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x370, 0x500))
    if chr(code).isalpha()
    for form in (chr(code), chr(code).lower())
)
"""Each letter :data:`SPELLING` matches, and its lower case."""

Trie = dict[str, "Trie"]


def lower(text: str) -> str:
    """``text`` in lower case, one character for one (``İ`` → ``i``), so offsets carry over:
    the rewrites search the lower-cased text with case-sensitive regexes, which Python's engine
    runs several times faster than case-insensitive ones."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower()[0] for char in text)


def words_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, factored into a trie so a word start that begins no
    entry fails at its first character. The caller adds word boundaries: the alternation
    prefers the longest entry and backtracks to shorter ones."""
    trie: Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: Trie) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items())]
    branches = [branch for branch in branches if branch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
