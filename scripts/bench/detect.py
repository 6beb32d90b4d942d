"""Detection throughput and recall: sladd's scrub pipeline against stock Presidio.

**sladd** is measured through ``build_scrubber(settings, vault).detect(texts)``: the detector
``build_detector`` makes, run the way the proxy runs it (in the Scrubber's executor). The whole
corpus goes in one call, so batching or a process pool inside sladd is used if it has one.
Its recall counts what the Scrubber's policy would rewrite (pseudonymise, redact or block).

**Stock Presidio** is an ``AnalyzerEngine`` whose registry is
``RecognizerRegistry.load_predefined_recognizers(languages=["en"], nlp_engine=...)``: exactly
Presidio's default recognizer set and configuration (enabled recognizers, regexes, context
words, thresholds) plus its ``SpacyRecognizer`` fed by a ``SpacyNlpEngine`` that maps ``en``
to sladd's bundled Norwegian model with sladd's label mapping (the same settings as
``recognizers.ner.engine.presidio_nlp_engine``, which declares ``no``). The predefined
recognizers are declared for ``en`` only, so analysing as ``en`` is what "stock Presidio +
this model" means; the language code only selects recognizers and the model. Texts go through
``AnalyzerEngine.analyze`` one at a time (its API has no batch call); results with score >= 0.5
of any entity type count for recall.

Two adjustments, neither of which changes what Presidio detects:

* tldextract (used by Presidio's ``EmailRecognizer``) would try to download the public suffix
  list on first use; there is no network here, so its module-level extractor is replaced by
  ``TLDExtract(cache_dir=None, suffix_list_urls=())``, which uses the snapshot bundled with
  tldextract.
* Presidio looks predefined recognizers up by class name among *all* loaded
  ``EntityRecognizer`` subclasses, and sladd's own ``EmailRecognizer`` and ``PhoneRecognizer``
  share those names; the look-up is pinned to ``presidio_analyzer``'s classes while loading.

Each timed repetition appends ``rep + 1`` spaces to every text, so no cache keyed on message
text can turn a repetition into look-ups; the untimed warm-up pass on the unchanged texts
gives the recall.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, cast
from unittest import mock

import tldextract
import tldextract.tldextract
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from presidio_analyzer.recognizer_registry.recognizers_loader_utils import RecognizerListLoader

from proxy.scrub.pipeline import Scrubber
from recognizers.ner.engine import BUNDLED_MODEL, LABELS, SCORES
from scripts.bench.corpus import Span

PRESIDIO_LANGUAGE = "en"
PRESIDIO_THRESHOLD = 0.5
Analyse = Callable[[Sequence[str]], list[list[Span]]]


@dataclass(frozen=True, slots=True)
class EngineRun:
    """One engine on the corpus: median throughput, every timed run, the warm-up's spans."""

    chars_per_s: float
    seconds: tuple[float, ...]
    spans: list[list[Span]]


def offline_tldextract() -> None:
    """Make ``tldextract.extract`` use its bundled suffix list, never the network."""
    offline = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=())
    tldextract.tldextract.TLD_EXTRACTOR = offline


def _presidio_classes_only() -> AbstractContextManager[object]:
    """Resolve predefined recognizer names to ``presidio_analyzer``'s classes (see above)."""
    original = RecognizerListLoader.get_existing_recognizer_cls

    def presidio_class(recognizer_name: str) -> type[Any]:
        for cls in RecognizerListLoader.get_all_existing_recognizers():
            if cls.__name__ == recognizer_name and cls.__module__.startswith("presidio_analyzer"):
                return cast(type[Any], cls)
        return cast(type[Any], original(recognizer_name=recognizer_name))

    lookup = "get_existing_recognizer_cls"
    return mock.patch.object(RecognizerListLoader, lookup, staticmethod(presidio_class))


def stock_presidio() -> AnalyzerEngine:
    """Presidio's predefined recognizers plus the bundled NER model (see module docstring)."""
    offline_tldextract()
    configuration = NerModelConfiguration(
        model_to_presidio_entity_mapping=LABELS, default_score=SCORES["PERSON"]
    )
    model = {"lang_code": PRESIDIO_LANGUAGE, "model_name": str(BUNDLED_MODEL)}
    nlp_engine = SpacyNlpEngine(models=[model], ner_model_configuration=configuration)
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=[PRESIDIO_LANGUAGE])
    with _presidio_classes_only():
        registry.load_predefined_recognizers(languages=[PRESIDIO_LANGUAGE], nlp_engine=nlp_engine)
    return AnalyzerEngine(
        registry=registry, nlp_engine=nlp_engine, supported_languages=[PRESIDIO_LANGUAGE]
    )


def presidio_analyse(analyzer: AnalyzerEngine) -> Analyse:
    """Spans with score >= 0.5, per text, one ``analyze`` call per text."""

    def analyse(texts: Sequence[str]) -> list[list[Span]]:
        spans = []
        for text in texts:
            results = analyzer.analyze(text=text, language=PRESIDIO_LANGUAGE)
            kept = [r for r in results if r.score >= PRESIDIO_THRESHOLD]
            spans.append([(int(r.start), int(r.end)) for r in kept])
        return spans

    return analyse


def sladd_analyse(scrubber: Scrubber) -> Analyse:
    """Spans the Scrubber's policy would rewrite, per text, one ``detect`` call per batch."""

    def analyse(texts: Sequence[str]) -> list[list[Span]]:
        found = asyncio.run(scrubber.detect(list(texts)))
        spans = []
        for text, findings in zip(texts, found, strict=True):
            decisions = scrubber.policy.decide(text, findings)
            spans.append(
                [(d.finding.start, d.finding.end) for d in decisions if d.action != "allow"]
            )
        return spans

    return analyse


def varied(texts: Sequence[str], rep: int) -> list[str]:
    """The texts with ``rep + 1`` trailing spaces: same findings, different cache keys."""
    return [text + " " * (rep + 1) for text in texts]


def measure(analyse: Analyse, texts: Sequence[str], reps: int) -> EngineRun:
    """Warm up (and keep the spans), then time ``reps`` passes; median chars per second."""
    spans = analyse(texts)
    seconds = []
    chars = []
    for rep in range(reps):
        batch = varied(texts, rep)
        started = time.perf_counter()
        analyse(batch)
        seconds.append(time.perf_counter() - started)
        chars.append(sum(map(len, batch)))
    rates = [c / s for c, s in zip(chars, seconds, strict=True)]
    return EngineRun(statistics.median(rates), tuple(seconds), spans)
