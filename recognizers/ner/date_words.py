"""Is a word of a model PERSON span a date word where it stands (``4 March``, ``tom 02.06``)?

Month names and ``fom``/``tom`` ("fra og med", "til og med") are names only away from dates,
and ``tom`` is also "empty". Used by :mod:`recognizers.ner.person_trim`.
"""

from __future__ import annotations

import re

from recognizers.ner.not_names import NAME_WORDS

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "januar februar mars mai juni juli desember fom tom".split()
)
"""Month names, and "fra og med"/"til og med": no names next to a number (``1 June``)."""
_COPULAS = frozenset("er var ble blei blir vart står stod ligger is was".split())  # tom
_INTRODUCERS = frozenset("det dette eg jeg her this it i".split())  # det er tom
_NAME_LABELS = frozenset("navn namn name fornavn førenamn pasient pas patient".split())
_DIGIT_NEXT = re.compile(r"[\s,]*\d")
_DIGIT_BEFORE = re.compile(r"\d\S*\s*$")
_DAY_BEFORE = re.compile(r"\b\d{1,2}\.?\s+$")
_YEAR_NEXT = re.compile(r"\s+\d{4}\b")
_VALUE_END = re.compile(r"\s*(?:[.,;!?)]|$)", re.MULTILINE)


def is_date_word(text: str, start: int, end: int) -> bool:
    """A month name or ``fom``/``tom`` next to a number (``4 March 2024``, ``tom 02.06``; a
    month that is also a name only after a day or before a year: ``7. august``), or
    lower-case ``tom`` meaning "empty": a field value (``Allergier: tom``) or after a verb
    (``Bleien var tom.``), but not after a name label or in an introduction (``det er tom``)."""
    word, lowered = text[start:end], text[start:end].lower()
    ranges = lowered in ("fom", "tom")
    if lowered not in MONTHS or (ranges and not word.islower()):
        return False
    before = text[max(0, start - 40) : start]
    if lowered in NAME_WORDS and not ranges:  # "August, 7 år" is a name
        if _DAY_BEFORE.search(before) or _YEAR_NEXT.match(text, end):
            return True
    elif _DIGIT_NEXT.match(text, end) or _DIGIT_BEFORE.search(before):
        return True
    if word != "tom" or not _VALUE_END.match(text, end):
        return False
    if before.rstrip().endswith(":"):
        return before.split()[-1].strip(":").lower() not in _NAME_LABELS
    last = before.lower().split()[-2:]
    return len(last) == 2 and last[1] in _COPULAS and last[0] not in _INTRODUCERS
