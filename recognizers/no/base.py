"""A Presidio recognizer base for rule-based Norwegian identifiers.

Each subclass declares its entity type, its regular expressions and a ``judge`` method that
looks at one regex match (and the words around it) and returns a :class:`Verdict` or ``None``.
Context scoring happens inside the recognizer on plain lower-cased words, so recognizers work
with any Presidio NLP engine — including none — and return scores that are already final
(Presidio's own context enhancer is told to leave them alone).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, cast

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.no.context import ContextWords, digit_run_starts, lowered, scanning

LANGUAGE = "no"
_DIGIT = re.compile(r"\d")
NUMBER_START = r"(?<![\d/+])(?<!\d:)(?<!\d\.)"
"""Regex guard: a number starts here, not inside a longer number, a time or a dotted number.
``fnr.01017012345``, ``Tlf:91234567`` and the second field of ``15031234562,1234567897``
still match; ``3.14159265358`` does not."""
NUMBER_END = r"(?!\d)(?![.,]\d{1,2}(?!\d))"
"""Regex guard: the number ends here — no more digits and no decimal part (``,5``); a comma
followed by a longer number is a field separator (``42009558947,0911020865``)."""
_AT_DIGIT_RUNS: set[re.Pattern[str]] = set()
NO_ARTIFACTS = cast(NlpArtifacts, None)
"""Rule-based recognizers take no NLP artifacts; Presidio's signatures want the type."""


def number_pattern(regex: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pattern every match of which begins at the first digit of a run of digits
    (it consumes a digit first, and its look-behind rules out a digit before it — as
    ``NUMBER_START`` does).

    :meth:`NorwegianRecognizer.analyze` tries such a pattern only where a run of digits
    starts, instead of at every character: the same matches (``tests/recognizers/no/
    test_number_patterns.py`` checks it), in a fraction of the time, since Python's ``re``
    cannot skip ahead over a pattern that opens with look-behinds.
    """
    pattern = re.compile(regex, flags)
    _AT_DIGIT_RUNS.add(pattern)
    return pattern


def matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``; for a :func:`number_pattern`, tried only at digit runs."""
    if pattern not in _AT_DIGIT_RUNS:
        yield from pattern.finditer(text)
        return
    end = 0
    for start in digit_run_starts(text):
        if start < end:
            continue
        match = pattern.match(text, start)  # look-behinds still see text before ``start``
        if match is not None:
            yield match
            end = max(match.end(), start + 1)


@dataclass(frozen=True, slots=True)
class Verdict:
    """A judged match: the span to report (defaults to the regex match) and why."""

    score: float
    metadata: Mapping[str, str] = field(default_factory=dict)
    start: int | None = None
    end: int | None = None


class NorwegianRecognizer(EntityRecognizer):
    """Regex candidates judged by checksum, layout and context; see module docstring."""

    ENTITY: ClassVar[str]
    PATTERNS: ClassVar[Sequence[re.Pattern[str]]]
    NEEDS_DIGIT: ClassVar[bool] = True
    REQUIRED_CHAR: ClassVar[str] = ""
    REQUIRED_CONTEXT: ClassVar[ContextWords | None] = None
    """For recognizers that need a context word: skip texts where none can occur."""
    CONTEXT_WORDS: ClassVar[Sequence[str]] = ()

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[self.ENTITY],
            name=type(self).__name__,
            supported_language=LANGUAGE,
            context=list(self.CONTEXT_WORDS),
        )
        self.label: str = type(self).__name__

    def load(self) -> None:
        """Nothing to load: patterns are compiled at import time."""

    def judge(self, text: str, match: re.Match[str]) -> Verdict | None:
        """Decide whether ``match`` is this entity; ``None`` drops it."""
        raise NotImplementedError

    def analyze(
        self,
        text: str,
        entities: list[str] | None = None,
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Find this recognizer's entity in ``text`` (``nlp_artifacts`` is not needed)."""
        if entities is not None and self.ENTITY not in entities:
            return []
        if self.NEEDS_DIGIT and _DIGIT.search(text) is None:
            return []
        if self.REQUIRED_CHAR and self.REQUIRED_CHAR not in text:
            return []
        with scanning(text):
            if self.REQUIRED_CONTEXT and not self.REQUIRED_CONTEXT.might_occur(lowered(text)):
                return []
            results: dict[tuple[int, int], RecognizerResult] = {}
            for pattern in self.PATTERNS:
                for match in matches(pattern, text):
                    verdict = self.judge(text, match)
                    if verdict is not None:
                        result = self._result(match, verdict)
                        results.setdefault((result.start, result.end), result)
        return list(results.values())

    def _result(self, match: re.Match[str], verdict: Verdict) -> RecognizerResult:
        start = match.start() if verdict.start is None else verdict.start
        end = match.end() if verdict.end is None else verdict.end
        return self.result(start, end, verdict)

    def result(self, start: int, end: int, verdict: Verdict) -> RecognizerResult:
        """A Presidio result for ``text[start:end]`` judged as ``verdict``."""
        metadata: dict[str, object] = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.label,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
            **verdict.metadata,
        }
        explanation = AnalysisExplanation(
            recognizer=self.label,
            original_score=verdict.score,
            textual_explanation=f"{self.label}: {dict(verdict.metadata) or 'layout'}",
        )
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=verdict.score,
            analysis_explanation=explanation,
            recognition_metadata=metadata,
        )


def compact_digits(value: str) -> str:
    """Drop spaces, dots and dashes used as digit-group separators."""
    return re.sub(r"[\s.\-]", "", value)
