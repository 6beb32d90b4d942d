"""Detection: run every recognizer (rule-based and NER) over texts and report findings.

CPU-bound and synchronous; callers on an event loop run it in an executor. A recognizer that
raises makes the whole call raise — the caller fails closed, it never forwards half-scanned
text. Within a scrub budget (:mod:`proxy.detection.budget`) the call stops with
:class:`~proxy.detection.budget.DetectionTimeoutError` between recognizers and before the model
once the budget is spent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from presidio_analyzer import EntityRecognizer, RecognizerResult

from proxy.detection.budget import check_budget
from proxy.detection.findings import Finding
from proxy.detection.views import detect_on_views
from recognizers.ner.engine import Piece
from recognizers.no.base import NO_ARTIFACTS
from recognizers.no.context import scanning


class NerEngine(Protocol):
    """Named-entity detection over a batch of texts (the bundled spaCy model)."""

    def analyze_batch(self, texts: Sequence[str]) -> list[list[RecognizerResult]]:
        """Presidio results per text, in input order."""
        ...  # pragma: no cover

    def analyze_pieces(self, pieces: Sequence[Piece]) -> list[list[RecognizerResult]]:
        """Presidio results per piece, offsets into each piece's context."""
        ...  # pragma: no cover


def to_finding(result: RecognizerResult, default_name: str) -> Finding:
    """Convert a Presidio result, keeping only string metadata that is not bookkeeping."""
    meta = result.recognition_metadata or {}
    recognizer = str(meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) or default_name)
    skip = {
        RecognizerResult.RECOGNIZER_NAME_KEY,
        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY,
        RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY,
    }
    extra = {k: v for k, v in meta.items() if k not in skip and isinstance(v, str)}
    return Finding(
        result.entity_type, result.start, result.end, float(result.score), recognizer, extra
    )


class Detector:
    """All recognizers in one place; see module docstring for the failure contract."""

    def __init__(
        self, recognizers: Sequence[EntityRecognizer], ner: NerEngine | None = None
    ) -> None:
        self._recognizers = tuple(recognizers)
        self._ner = ner

    @property
    def entity_types(self) -> frozenset[str]:
        """Every entity type some rule-based recognizer can report."""
        return frozenset(e for r in self._recognizers for e in r.supported_entities)

    def detect(self, text: str) -> list[Finding]:
        """All findings in one text, overlapping and unfiltered."""
        return self.detect_many([text])[0]

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        """All findings per text, read through each text's normalised view
        (:mod:`proxy.detection.views`); the NER model sees the whole batch at once."""
        return detect_on_views(texts, self.detect_plain)

    def detect_plain(self, texts: Sequence[str]) -> list[list[Finding]]:
        """All findings per text as written, without normalising (texts already views)."""
        per_text = [self.rules(text) for text in texts]
        if self._ner is not None and texts:
            check_budget()
            for found, results in zip(per_text, self._ner.analyze_batch(texts), strict=True):
                found.extend(to_finding(r, "NER") for r in results)
        return per_text

    def ner_pieces(self, pieces: Sequence[Piece]) -> list[list[Finding]]:
        """NER findings per piece, offsets into each piece's context (none without NER)."""
        if self._ner is None or not pieces:
            return [[] for _ in pieces]
        return [[to_finding(r, "NER") for r in found] for found in self._ner.analyze_pieces(pieces)]

    def rules(self, text: str) -> list[Finding]:
        """Findings of the rule-based recognizers (regexes, checksums, context, YAML).

        The recognizers share one scan of ``text`` (its lines, tables, lower-cased copy),
        forgotten when this returns."""
        found: list[Finding] = []
        with scanning(text):
            for recognizer in self._recognizers:
                check_budget()
                entities = recognizer.supported_entities
                for result in recognizer.analyze(text, entities, NO_ARTIFACTS):
                    found.append(to_finding(result, type(recognizer).__name__))
        return found
