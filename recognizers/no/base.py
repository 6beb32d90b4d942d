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

from recognizers.no.context import (
    lowered,
    remembered,
    scanning,
)
from recognizers.no.context_words import ContextWords

LANGUAGE = "no"
_DIGIT = re.compile(r"\d")
_NON_DIGIT = re.compile(r"\D")
NUMBER_START = r"(?<![\d+])(?<!\d[/:.])"
"""Regex guard: a number starts here, not inside a longer number, a time, a fraction or a
dotted number. ``fnr.01017012345``, ``Tlf:91234567``, a URL path (``/pasient/13097248022``)
and the second field of ``15031234562,1234567897`` still match; ``3.14159265358`` and
``2023/12345678`` do not."""
NUMBER_END = r"(?!\d)(?![.,]\d{1,2}(?!\d))"
"""Regex guard: the number ends here — no more digits and no decimal part (``,5``); a comma
followed by a longer number is a field separator (``42009558947,0911020865``)."""
DIGIT_SEPARATOR = r"(?:[ \t]-[ \t]|[ \t.\-_/])"
"""What people put between digit groups: a space, tab, dot, dash, underscore or slash, or a
dash with a space on each side (``13 - 09 - 72``). Nothing else joins two groups: ``91234567
/ 98765432`` is two numbers."""
CHAIN_START = r"(?<![\d+])(?<!\d[ \t.\-_/:])(?<!\d[ \t]-[ \t])"
"""Regex guard for :func:`grouped_digits`: the first group of a chain of digit groups, not
a later one (``12.05.23 14.30`` is one chain)."""
CHAIN_END = r"(?![ \t.\-_/]?\d)(?![ \t]-[ \t]\d)(?!,\d{1,2}(?!\d))"
"""Regex guard for :func:`grouped_digits`: the chain of digit groups ends here, so a match
holds a whole chain — eight digits of ``12 34 56 78 90`` are not a phone number."""
_CHAIN = re.compile(rf"\d(?:{DIGIT_SEPARATOR}?\d)*")
_DIGIT_RUN = re.compile(r"\d+")
NO_ARTIFACTS = cast(NlpArtifacts, None)
"""Rule-based recognizers take no NLP artifacts; Presidio's signatures want the type."""


def grouped_digits(count: int) -> str:
    """Regex for ``count`` digits in any grouping with at least one :data:`DIGIT_SEPARATOR`
    (``912.34.567``, ``4 8 3 8 3 0 0 3``, ``1309 7248 022``); guard it with
    :data:`CHAIN_START` and :data:`CHAIN_END`. Unbroken runs are left to a plain pattern."""
    return rf"(?!\d{{{count}}})\d(?:{DIGIT_SEPARATOR}?\d){{{count - 1}}}"


@dataclass(frozen=True, slots=True)
class _Starts:
    """Where the matches of a :func:`number_pattern` can begin."""

    runs: tuple[int, ...] = ()
    chain: int = 0


_AT_DIGIT_RUNS: dict[re.Pattern[str], _Starts] = {}


def number_pattern(
    regex: str, flags: int = 0, *, runs: Sequence[int] = (), chain: int = 0
) -> re.Pattern[str]:
    """Compile a pattern every match of which begins at the first digit of a run of digits
    (it consumes a digit first, and its look-behind rules out a digit before it — as
    ``NUMBER_START`` does). Narrower promises make it cheaper still: ``runs``, the lengths
    the first run of digits of every match has (``\\d{11}`` + ``NUMBER_END``: 11);
    ``chain``, the number of digits of the whole chain of digit groups every match is
    (:func:`grouped_digits` between ``CHAIN_START`` and ``CHAIN_END``).

    :meth:`NorwegianRecognizer.analyze` tries such a pattern only where such a run or chain
    starts, instead of at every character: the same matches (``tests/recognizers/no/
    test_number_patterns.py`` checks it), in a fraction of the time, since Python's ``re``
    cannot skip ahead over a pattern that opens with look-behinds.
    """
    pattern = re.compile(regex, flags)
    _AT_DIGIT_RUNS[pattern] = _Starts(tuple(runs), chain)
    return pattern


@dataclass(frozen=True, slots=True)
class _DigitIndex:
    """Where the runs of digits of a text start — all, by length, and where the chains of
    digit groups start, by how many digits they hold. Built in one pass, once per scan."""

    run_starts: list[int]
    runs: dict[int, list[int]]
    chains: dict[int, list[int]]
    longest_chain: int


def _index(text: str) -> _DigitIndex:
    run_starts: list[int] = []
    runs: dict[int, list[int]] = {}
    chains: dict[int, list[int]] = {}
    for chain in _CHAIN.finditer(text):
        value, start = chain.group(), chain.start()
        if value.isdigit():
            run_starts.append(start)
            runs.setdefault(len(value), []).append(start)
            chains.setdefault(len(value), []).append(start)
            continue
        for run in _DIGIT_RUN.finditer(value):
            run_starts.append(start + run.start())
            runs.setdefault(run.end() - run.start(), []).append(start + run.start())
        chains.setdefault(len(_NON_DIGIT.sub("", value)), []).append(start)
    return _DigitIndex(run_starts, runs, chains, max(chains, default=0))


def _digit_index(text: str) -> _DigitIndex:
    return remembered(text, _index, _index)


def longest_chain(text: str) -> int:
    """How many digits the longest chain of digit groups in ``text`` holds (once per scan)."""
    return _digit_index(text).longest_chain


def _starts(text: str, where: _Starts) -> list[int]:
    """The offsets where a pattern with the promise ``where`` is tried, once per scan."""
    index = _digit_index(text)
    if where.chain:
        return index.chains.get(where.chain, [])
    if not where.runs:
        return index.run_starts
    if len(where.runs) == 1:
        return index.runs.get(where.runs[0], [])
    return remembered(
        text, where, lambda _: sorted(s for n in where.runs for s in index.runs.get(n, ()))
    )


def matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``; for a :func:`number_pattern`, tried only where it can
    begin."""
    where = _AT_DIGIT_RUNS.get(pattern)
    if where is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for start in _starts(text, where):
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
    MIN_CHAIN_DIGITS: ClassVar[int] = 0
    """For number recognizers every match of which holds at least this many digits in one
    chain of digit groups (see :data:`DIGIT_SEPARATOR`): skip texts without such a chain."""
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

    def could_match(self, text: str) -> bool:
        """A cheap test run before anything else: False skips ``text`` (default: True)."""
        return True

    def patterns_for(self, text: str) -> Sequence[re.Pattern[str]]:
        """The patterns worth trying on ``text`` (all of ``PATTERNS`` unless a subclass can
        rule some out cheaply, e.g. when the word they need does not occur)."""
        return self.PATTERNS

    def candidates(self, text: str) -> Iterator[re.Match[str]]:
        """The regex matches to judge, pattern by pattern (see :meth:`patterns_for`)."""
        for pattern in self.patterns_for(text):
            yield from matches(pattern, text)

    def analyze(
        self,
        text: str,
        entities: list[str] | None = None,
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Find this recognizer's entity in ``text`` (``nlp_artifacts`` is not needed)."""
        if entities is not None and self.ENTITY not in entities:
            return []
        if not self._worth_scanning(text):
            return []
        results: dict[tuple[int, int], RecognizerResult] = {}
        with scanning(text):
            if self._worth_matching(text):
                for match in self.candidates(text):
                    verdict = self.judge(text, match)
                    if verdict is not None:
                        result = self._result(match, verdict)
                        results.setdefault((result.start, result.end), result)
        return list(results.values())

    def _worth_scanning(self, text: str) -> bool:
        if self.NEEDS_DIGIT and _DIGIT.search(text) is None:
            return False
        if self.REQUIRED_CHAR and self.REQUIRED_CHAR not in text:
            return False
        return self.could_match(text)

    def _worth_matching(self, text: str) -> bool:
        """The checks that share the scan: a context word, a long enough chain of digits."""
        if self.REQUIRED_CONTEXT and not self.REQUIRED_CONTEXT.might_occur(lowered(text)):
            return False
        return not self.MIN_CHAIN_DIGITS or longest_chain(text) >= self.MIN_CHAIN_DIGITS

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
    """The digits of ``value`` alone: separators between digit groups, and a ``+``, dropped."""
    return _NON_DIGIT.sub("", value)
