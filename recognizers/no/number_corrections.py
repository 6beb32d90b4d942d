"""A year taken back right after a date: ``18.03.66 nei sekstisju``, ``18.03.1966 unnskyld
1967`` (speech-to-text of ``attende mars sekstiseks nei sekstisju``). The corrected year is
part of the date it corrects: left behind, it would tell the year of birth."""

from __future__ import annotations

import re

from recognizers.normalise import lexicon

_YEAR_WORD = lexicon.words_pattern(
    [*lexicon.TEENS, *lexicon.TENS, *lexicon.COMPOUNDS, *lexicon.YEARS]
)
"""A year said as words: ``sekstisju``, ``nitten``, ``nittensekstisju``."""

_YEAR_TAKEN_BACK = re.compile(
    r"[ \t]*,?[ \t]+(?:(?:eh|ehm|øh)[ \t]*,?[ \t]+)?(?:nei|unnskyld|sorry|beklager)[ \t]*,?"
    r"[ \t]+(?:(?:eh|ehm|øh|det|er|var|vent)[ \t]*,?[ \t]+){0,3}"
    rf"(?:\d{{4}}|\d{{2}}|(?:{_YEAR_WORD})(?:[ ]+(?:{_YEAR_WORD}))?)(?![\w.,/:]\d|\w)",
    re.IGNORECASE,
)


def year_taken_back(text: str, end: int) -> int | None:
    """The end of a year said right after ``end`` to take back the date's year, or None."""
    found = _YEAR_TAKEN_BACK.match(text, end)
    return found.end() if found is not None else None
