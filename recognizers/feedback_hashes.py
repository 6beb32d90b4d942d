"""Reviewer feedback as keyed hashes: allow-listed values and missed values, never in clear.

A value is kept as ``HMAC-SHA256(key, normalised(value))``. :func:`normalised` folds what a
writer varies without changing the value: Unicode form (NFKC), invisible characters, odd
spaces and dashes, case (``casefold``, as the policy allow list compares), whitespace and
separators. A value made of digits and separators only (``912 34 567``, ``1234.56.78903``)
becomes its digits; any other value becomes its words (``\\w+`` runs) joined by one space,
so ``Anne-Marie  Berg`` and ``anne marie berg`` are one value.

- :meth:`FeedbackHashes.is_allowed` tells whether a finding's text is an allow-listed value.
- :class:`HashedFeedbackRecognizer` finds missed values again: it hashes every candidate
  span — runs of 1 to :data:`MAX_WORDS` words (:data:`MAX_DIGIT_GROUPS` for digit groups)
  joined only by separators — and reports those whose hash was stored, with their type.

The key never appears in ``repr``; nothing here logs or raises with a value.
"""

from __future__ import annotations

import hmac
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.no.base import LANGUAGE
from recognizers.normalise.chars import DASHES, INVISIBLE, SPACES

MAX_WORDS = 4
"""Longest missed value, in words, that is recognised again (names, short phrases)."""
MAX_DIGIT_GROUPS = 6
"""Longest run of digit groups (``+47 91 23 45 67``) that is recognised again."""
RECOGNIZER_NAME = "SladdFeedbackRecognizer"
SCORE = 1.0
"""A missed value was confirmed by a reviewer: as sure as a deny list entry."""

_FOLD = str.maketrans(
    {**dict.fromkeys(INVISIBLE, ""), **dict.fromkeys(SPACES, " "), **dict.fromkeys(DASHES, "-")}
)
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"[\d\s.,/()+-]*\d[\d\s.,/()+-]*")
_SEPARATOR = re.compile(r"[ \t.,/()+'’:-]{1,3}")
"""What may stand between two words of one candidate span (no line breaks)."""


def normalised(value: str) -> str:
    """The form a value is hashed in (see the module docstring); ``""`` for no words."""
    folded = unicodedata.normalize("NFKC", value.translate(_FOLD)).casefold()
    if _NUMBER.fullmatch(folded):
        return "".join(c for c in folded if c.isdigit())
    return " ".join(_WORD.findall(folded))


def digest(key: bytes, value: str) -> bytes:
    """The keyed hash of ``value``'s normalised form."""
    return hmac.digest(key, normalised(value).encode("utf-8", "surrogatepass"), "sha256")


def recognisable(value: str) -> bool:
    """Whether ``value`` would be found again: it has words, and is itself one candidate span
    (not longer than :data:`MAX_WORDS` words, no line break inside)."""
    key = normalised(value)
    return bool(key) and any(normalised(value[s:e]) == key for s, e in candidate_spans(value))


def candidate_spans(text: str) -> Iterator[tuple[int, int]]:
    """Every span of 1 to :data:`MAX_WORDS` consecutive words joined only by separators
    (:data:`MAX_DIGIT_GROUPS` when all are digit groups); ``(start, end)``, word bounded."""
    words = [(m.start(), m.end(), m.group().isdigit()) for m in _WORD.finditer(text)]
    for first, (start, first_end, digits) in enumerate(words):
        yield start, first_end
        end, all_digits = first_end, digits
        for following in range(first + 1, min(first + MAX_DIGIT_GROUPS, len(words))):
            next_start, next_end, next_digits = words[following]
            if not _SEPARATOR.fullmatch(text, end, next_start):
                break
            all_digits = all_digits and next_digits
            if following - first >= MAX_WORDS and not all_digits:
                break
            end = next_end
            yield start, end


class FeedbackHashes:
    """The stored hashes and the key that made them; see the module docstring."""

    __slots__ = ("_allowed", "_key", "_missed")

    def __init__(
        self,
        key: bytes,
        allowed: Iterable[bytes] = (),
        missed: Mapping[str, Iterable[bytes]] | None = None,
    ) -> None:
        self._key = key
        self._allowed = frozenset(allowed)
        by_digest: dict[bytes, set[str]] = {}
        for entity_type, digests in (missed or {}).items():
            for one in digests:
                by_digest.setdefault(one, set()).add(entity_type)
        self._missed = {d: tuple(sorted(types)) for d, types in by_digest.items()}

    def __repr__(self) -> str:
        return f"FeedbackHashes(allowed={len(self._allowed)}, missed={len(self._missed)})"

    @property
    def missed_types(self) -> frozenset[str]:
        """The entity types of the stored missed values."""
        return frozenset(t for types in self._missed.values() for t in types)

    def is_allowed(self, value: str) -> bool:
        """Whether ``value`` (a finding's text) is on the hashed allow list."""
        return bool(self._allowed) and digest(self._key, value) in self._allowed

    def missed_in(self, text: str) -> Iterator[tuple[str, int, int]]:
        """``(entity type, start, end)`` of every stored missed value in ``text``."""
        if not self._missed:
            return
        for start, end in candidate_spans(text):
            for entity_type in self._missed.get(digest(self._key, text[start:end]), ()):
                yield entity_type, start, end

    def recognizer(self) -> HashedFeedbackRecognizer | None:
        """The recognizer for the missed values; ``None`` when there are none."""
        return HashedFeedbackRecognizer(self) if self._missed else None


class HashedFeedbackRecognizer(EntityRecognizer):
    """Finds the values reviewers reported as missed, by their keyed hashes."""

    def __init__(self, hashes: FeedbackHashes) -> None:
        self._hashes = hashes
        super().__init__(
            supported_entities=sorted(hashes.missed_types),
            name=RECOGNIZER_NAME,
            supported_language=LANGUAGE,
        )

    def load(self) -> None:
        """Nothing to load: the hashes came with the constructor."""

    def analyze(
        self, text: str, entities: list[str] | None, nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """A result for every stored missed value in ``text`` of a requested type."""
        metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: RECOGNIZER_NAME}
        return [
            RecognizerResult(entity_type, start, end, SCORE, recognition_metadata=dict(metadata))
            for entity_type, start, end in self._hashes.missed_in(text)
            if entities is None or entity_type in entities
        ]
