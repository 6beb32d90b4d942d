"""NO_JOURNALNUMMER: local journal and patient numbers, only after journalnr / pasientnr / PID.

Formats are local to each hospital; site-specific layouts without a context word belong in a
custom YAML recognizer (see ``config/recognizers/``). A second number of the same shape
later in the same sentence is one too (``Journalnr 58811-24 er slått saman med 58812-24``).
"""

from __future__ import annotations

import re

from recognizers.no import context, context_words
from recognizers.no.base import NorwegianRecognizer, Verdict

SCORE = 0.85
SCORE_SAME_SHAPE = 0.7
_SENTENCE_BACK = 160
_SHAPE = str.maketrans("0123456789", "9999999999")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_LABELLED_SO_FAR = "journalnummer: labelled so far"
"""Per-scan memo key: (end, shape) of the labelled journal numbers judged so far."""

_JOURNAL = re.compile(
    r"(?<![\w\-/])(?=(?:[A-Za-z\-/]*[0-9]){3})[A-Za-z0-9][A-Za-z0-9\-/]{3,19}(?![\w\-/])"
)
"""A whole run of letters, digits, dashes and slashes with at least three digits in it (the
look-ahead: it stops at the first character outside the run, where every match ends). Most
words of a text are such runs without digits; they no longer reach :meth:`judge`."""


class JournalnummerRecognizer(NorwegianRecognizer):
    """Four to twenty letters, digits, dashes or slashes with at least three digits."""

    ENTITY = "NO_JOURNALNUMMER"
    PATTERNS = (_JOURNAL,)
    CONTEXT_WORDS = context_words.JOURNALNUMMER.entries()
    REQUIRED_CONTEXT = context_words.JOURNALNUMMER

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """A journal or patient-number word at most three words before; or the same shape as
        such a number earlier in the sentence. Matches are judged in text order (as
        :meth:`analyze` does), so the labelled ones before are known."""
        if sum(map(str.isdigit, match.group())) < 3:
            return None
        labelled = context.remembered(text, _LABELLED_SO_FAR, _none_yet)
        shape = match.group().translate(_SHAPE)
        before = context.words_before(text, match.start(), 3)
        if context_words.JOURNALNUMMER.matches_any(before):
            labelled.append((match.end(), shape))
            return Verdict(SCORE)
        if labelled and _same_sentence_echo(text, match.start(), shape, labelled):
            return Verdict(SCORE_SAME_SHAPE)
        return None


def _none_yet(_: str) -> list[tuple[int, str]]:
    return []


def _same_sentence_echo(text: str, start: int, shape: str, labelled: list[tuple[int, str]]) -> bool:
    """A labelled number of ``shape`` ends earlier in the sentence that reaches ``start``."""
    window_start = max(0, start - _SENTENCE_BACK)
    ends = list(_SENTENCE_END.finditer(text, window_start, start))
    if ends:
        window_start = ends[-1].end()
    return any(window_start <= end <= start and s == shape for end, s in labelled)
