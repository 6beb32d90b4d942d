"""An address said in its written order, with no street word: a name, a house number, a
comma, a postnummer and a known poststed (``bor i vestre rosten sekstiåtte, sju null ni ni
trondheim``, which the normalised view reads ``… rosten sekstiåtte, 7099 trondheim``).

The pattern ``NAME NUMBER, NNNN POSTSTED`` is how Norwegian addresses are written; said after
an address or residence word (``bor i``, ``adressen er``) it is one even when the street's
name has no street word (``Vestre Rosten``, ``Bakkehaugen``) and the house number is a word.
"""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.base import NUMBER_START, Verdict, number_pattern
from recognizers.no.poststeder import POSTSTEDER
from recognizers.normalise import lexicon

SCORE = 0.8
POSTCODE_AFTER_COMMA = number_pattern(
    NUMBER_START + r"(?<=,[ ])(\d{4})[ ]([^\W\d_]+(?:[ ][^\W\d_]+)?)(?!\w)", runs=(4,)
)
"""``NNNN place`` right after a comma and a space: maybe the end of an address."""
_HOUSE_WORDS = lexicon.words_pattern(
    word
    for word, value in (lexicon.UNITS | lexicon.TEENS | lexicon.TENS | lexicon.COMPOUNDS).items()
    if value
)
_STREET_AND_HOUSE = re.compile(
    rf"(?<![\w-])((?:[^\W\d_][\w'-]*[ ]){{1,3}})(?:\d{{1,3}}|{_HOUSE_WORDS})(?:[ ][a-hA-H])?,[ ]\Z",
    re.IGNORECASE,
)
"""One to three words and a house number (digits or a number word), ending at the comma."""
_REACH = 80
_NOT_IN_NAMES = frozenset(
    """i på til ved er bor bur adresse adressen adressa og at du han hun ho eg jeg vi de dei
    det den som nå no fortsatt framleis""".split()
)
"""Words before a street's name that are none of it: ``bor i``, ``adressen er``."""
_CUE_WORDS = 3


def spoken_address(text: str, match: re.Match[str]) -> Verdict | None:
    """The address that ends with the postnummer and poststed ``match`` holds, when the
    poststed is known and an address or residence word comes right before the street."""
    place = match.group(2).lower()
    if place not in POSTSTEDER and place.split()[0] not in POSTSTEDER:
        return None
    end = match.end() if place in POSTSTEDER else match.start(2) + len(place.split()[0])
    street = _STREET_AND_HOUSE.search(text, max(0, match.start() - _REACH), match.start())
    if street is None:
        return None
    words = list(re.finditer(r"\S+", street.group(1)))
    while words and words[0].group().lower() in _NOT_IN_NAMES:
        words.pop(0)
    if not words:
        return None
    start = street.start(1) + words[0].start()
    before = context.words_before(text, start, _CUE_WORDS)
    if not context_words.ADDRESS.matches_any(before):
        return None
    return Verdict(SCORE, {"said": "name, number, postnummer"}, start=start, end=end)


_SPEAKER_LABEL_REST = re.compile(r"[ \t]*(?:\d{1,2}[ \t]*)?:")
"""What follows a speaker's name in a transcript's label: a number maybe, and the colon."""


def speaker_label_after_break(text: str, match: re.Match[str]) -> bool:
    """The word after a postnummer-shaped number (``match`` groups 1 and 2) opens the next
    line as a speaker's label (``… på 1520`` / ``Deltaker 2: …``): no poststed."""
    if "\n" not in text[match.end(1) : match.start(2)]:
        return False
    return _SPEAKER_LABEL_REST.match(text, match.end(2)) is not None
