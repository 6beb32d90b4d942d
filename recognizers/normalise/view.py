"""The normalised view detection runs on: characters folded (and the letter O typed for a
zero in a number), then spoken Norwegian written.

Recognizers and the NER model see ``TextView.text``; each finding maps back to the original
with :meth:`TextView.span_in_original`.
"""

from __future__ import annotations

from recognizers.normalise.chars import fold_characters, fold_letter_zeros
from recognizers.normalise.offsets import TextView
from recognizers.normalise.spoken import spoken_view

__all__ = ["TextView", "text_view"]


def text_view(text: str) -> TextView | None:
    """The normalised view of ``text``, or None when normalising would change nothing.

    The common case is cheap and has no per-character Python loop: the character step is an
    ASCII check (or an NFKC quick check and one regex search), the spoken step a split into
    words, a dict lookup per word in C and one small regex over the result.
    """
    folded = fold_characters(text)
    folded = fold_letter_zeros(folded.text if folded else text, folded) or folded
    spoken = spoken_view(folded.text if folded else text, base=folded)
    return spoken or folded
