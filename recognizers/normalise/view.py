"""The normalised view detection runs on: encodings decoded and quoted-reply wraps joined,
characters folded (and the letter O typed for a zero in a number), then spoken Norwegian
written.

Recognizers and the NER model see ``TextView.text``; each finding maps back to the original
with :meth:`TextView.span_in_original`.
"""

from __future__ import annotations

from collections.abc import Callable

from recognizers.normalise.chars import fold_characters, fold_letter_zeros
from recognizers.normalise.encodings import decode_encodings
from recognizers.normalise.offsets import TextView
from recognizers.normalise.reply_wraps import join_reply_wraps
from recognizers.normalise.spoken import spoken_view

__all__ = ["TextView", "text_view"]

STEPS: tuple[Callable[[str, TextView | None], TextView | None], ...] = (
    decode_encodings,
    join_reply_wraps,
    fold_characters,
    fold_letter_zeros,
)
"""In this order: a decoded ``=C3=B8`` or ``&nbsp;`` is a character to fold; a number is
joined across a quoted line before a letter O in it is read."""


def text_view(text: str) -> TextView | None:
    """The normalised view of ``text``, or None when normalising would change nothing.

    The common case is cheap and has no per-character Python loop: the encoding step is a few
    substring checks (and one regex search when a trigger character is there), the reply step
    one substring check, the character step an ASCII check (or an NFKC quick check and one
    regex search), the spoken step a split into words, a dict lookup per word in C and one
    small regex over the result.
    """
    view = None
    for step in STEPS:
        view = step(view.text if view else text, view) or view
    return spoken_view(view.text if view else text, base=view) or view
