"""The spoken step's fast path: could a text hold anything spoken at all?

A regex of number words is entered at almost every letter (number words begin with the most
common letters), which Python's engine does slowly. Instead the text is split into words in C,
each word mapped to a class letter through one dict (punctuation-attached forms are keys too),
and a small regex over those letters looks for what a rewrite needs: number words in a row
worth four digits (not ``fire-fem dager``), an ordinal day before a month, an at-word, three
single letters or one named (``h som i harald``); failing that, a number word right after a
street name (a house number). A match may lead to no rewrite; a rewrite without a match needs
a number word glued to unusual punctuation (``«fire»``).
"""

from __future__ import annotations

import re
from itertools import repeat

from recognizers.normalise import lexicon
from recognizers.normalise.streets import street_before_number

_GLUE = "-,@/:()[]"
"""Characters that end a number word without a space after them (``tlf:fire``, ``(fire)``)."""
_WORDS: dict[str, str] = {
    **dict.fromkeys(lexicon.SPELLING_LETTERS, "c"),  # a single letter (character)
    **dict.fromkeys(lexicon.UNITS, "u"),  # one digit, said
    **dict.fromkeys("0123456789", "i"),  # one digit, written
    **dict.fromkeys(lexicon.TEENS.keys() | lexicon.TENS.keys() | lexicon.COMPOUNDS.keys(), "t"),
    **dict.fromkeys(lexicon.HUNDRED, "t"),  # two digits or more
    **{word: "b" if value >= 1000 else "t" for word, value in lexicon.HUNDREDS.items()},
    **dict.fromkeys(lexicon.YEARS, "b"),  # four digits in one word
    **dict.fromkeys(lexicon.THOUSAND, "k"),
    **dict.fromkeys(lexicon.LINKS, "l"),
    **dict.fromkeys(lexicon.ORDINALS, "o"),
    **dict.fromkeys(lexicon.MONTHS, "m"),
    **dict.fromkeys((f"{month:02d}" for month in range(1, 13)), "n"),
    **dict.fromkeys(
        ("krøllalfa", "alfakrøll", "krølla", "krøll", "snabel", "snabela", "kanelbolle", "æt"),
        "a",
    ),
    "at": "p",
    **dict.fromkeys(("tegn", "tegnet"), "s"),
    "som": "w",
    **dict.fromkeys(("punktum", "punkt", "prikk", "dot", "dått", "dott", "."), "d"),
}
"""Lower-case words (no :data:`_GLUE` left in them) and their class letters."""
CLASSES: dict[str, str] = {
    word + after: kind for word, kind in _WORDS.items() for after in ("", ".", ";", "?", "!")
}
_SEQUENCE = re.compile(
    # Each branch starts with a class letter, so the engine skips the spaces between in C.
    # Number words and single digits enough for four digits, "og", "så" or "eh" between:
    r"[ui]l*(?:k|tl*[ui]|[ui]l*(?:t|[ui]l*[ui]))"  # "to tusen", "fire nitti en", "4 1 4 2"
    r"|tl*(?:[tk]|[ui]l*[uit])"  # "nitten syttien", "tretten hundre", "nitten fem ni"
    r"|kl*[uit]"  # "tusen ni hundre"
    r"|[ab]"  # "krøllalfa", "tjueåttehundre", "nittenåttini"
    r"|p(?:s|[^d]{1,4}d)"  # "at-tegn", "at live dot no"
    r"|o(?:c?[om]|c[uint])"  # "sjette august", "sjette i åttende", "sjette i 8"
    r"|[ut]c?[mo][tb]"  # "en januar femtitre", "ti åttende sekstisju"
    r"|ccc|cwc"  # "h u s s a i n", "h som i harald"
)
_SAID_NUMBERS = "ut"
"""The classes of a number word that may be a house number (``fjordvegen tjuetre``)."""
_SPACED_DOT = re.compile(r"@[^\W_]+(?:\.[ ]|[ ]\.|,)[^\W\d_]")
"""``kari@gmail. com``, ``kari@gmail,com``: a space typed next to the domain's dot, or a comma
for it."""
_AT_DOMAIN = re.compile(r" at [^\W_]+\.[^\W\d_]")


def may_be_spoken(text: str) -> bool:
    """False when no spoken rewrite can apply to ``text``; C-level work only."""
    lowered = spaced = text.lower()
    for glue in _GLUE:
        spaced = spaced.replace(glue, " ")
    words = spaced.split()
    classes = "".join(map(CLASSES.get, words, repeat(" ")))
    if _SEQUENCE.search(classes) or street_before_number(words, classes, _SAID_NUMBERS):
        return True
    if "@" in text and ("d" in classes or " @" in text or "@ " in text):
        return True
    if "@" in text and _SPACED_DOT.search(text) is not None:
        return True
    if "(at)" in lowered or "[at]" in lowered:
        return True
    return " at " in lowered and _AT_DOMAIN.search(lowered) is not None
