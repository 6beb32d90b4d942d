"""Step 2: spoken Norwegian, as speech-to-text and patient chat write it, in the written form
identifiers have: spelled-out names, e-mail addresses, dates, then numbers (bokmål and
nynorsk, any capitalisation). Each rewrite is a pass over the previous one's text, written
straight onto the previous one's offset map.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from recognizers.normalise import dates, lexicon, mail, numbers
from recognizers.normalise.candidates import may_be_spoken
from recognizers.normalise.offsets import TextView, ViewBuilder

_LETTER = rf"(?=[^\W\d_])[{lexicon.SPELLING}]"
SPELLED_LETTER = rf"{_LETTER}(?:[ ]+som[ ]+i[ ]+[^\W\d_][\w-]*)?"
"""A letter, maybe with the word that names it: ``h som i harald`` (the spelling alphabet's
``H som i Harald``, or any word)."""
LETTERS = re.compile(
    rf"(?<![\w-]){SPELLED_LETTER}(?:(?:[ ]*,[ ]*|[ -]){SPELLED_LETTER}){{2,}}(?!\w)"
)
"""Three or more single letters apart by a space, comma or hyphen: ``h u s s a i n``,
``H-U-S``, ``h som i harald æ t t a``. A lone ``i`` (a word) is never such a run."""
_ONE_LETTER = re.compile(SPELLED_LETTER)


def rewrite_letters(text: str, base: TextView | None = None) -> TextView | None:
    """``text`` with each spelled-out run of letters joined: ``h u s s a i n`` → ``hussain``,
    ``h som i harald æ t t a`` → ``hætta``."""
    builder = ViewBuilder(text, base)
    lowered = lexicon.lower(text)
    for match in LETTERS.finditer(lowered):
        builder.keep_to(match.start())
        position = match.start()
        while position < match.end():
            letter = _ONE_LETTER.search(lowered, position, match.end())
            if letter is None:
                break
            builder.keep(letter.start(), letter.start() + 1)
            position = letter.end()
        builder.skip_to(match.end())
    return builder.view()


PASSES: tuple[Callable[[str, TextView | None], TextView | None], ...] = (
    rewrite_letters,
    mail.rewrite_mail,
    dates.rewrite_dates,
    numbers.rewrite_numbers,
)
"""In this order: a spelled name may be an address's local part; a date's year is numbers."""


def spoken_view(text: str, *, base: TextView | None = None) -> TextView | None:
    """The view of ``text`` with spoken identifiers written, or None when there are none.
    With ``base`` (a view whose text is ``text``) the view maps onto ``base.original``.

    Cheap when nothing is spoken: :func:`may_be_spoken` does C-level work only.
    """
    if not may_be_spoken(text):
        return None
    view = None
    for rewrite in PASSES:
        rewritten = rewrite(view.text if view else text, view or base)
        view = rewritten or view
    return view
