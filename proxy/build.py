"""Build the scrub pipeline from settings (recognizers, NER model, policy, token format)."""

from __future__ import annotations

from functools import partial

from proxy.detection.cache import CachedDetector
from proxy.detection.detector import Detector
from proxy.detection.workers import DetectionPool
from proxy.review.feedback import targets_for
from proxy.review.feedback_store import load_hashes, migrate
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.policy import Policy
from proxy.scrub.tokens import TokenFormat
from proxy.settings import Settings
from proxy.vault.base import Vault
from recognizers.feedback_hashes import FeedbackHashes
from recognizers.ner.engine import BUNDLED_MODEL, NorwegianNer, check_model
from recognizers.registry import build_recognizers


def build_detector(settings: Settings, feedback: FeedbackHashes | None = None) -> Detector:
    """All built-in recognizers, the configured custom YAML ones, the reviewers' missed values
    in ``feedback`` (:func:`build_scrubber` loads them from the data dir) and (if on) the NER
    model.

    Raises :class:`~recognizers.ner.engine.NerModelError` when NER is on and the model
    cannot be loaded: sladd does not run without the name detection it was configured for.
    """
    detection = settings.detection
    recognizers = build_recognizers(detection.custom_recognizers_dir, feedback)
    ner = NorwegianNer(detection.ner_model or BUNDLED_MODEL) if detection.ner else None
    return Detector(recognizers, ner)


def build_detection(settings: Settings, feedback: FeedbackHashes | None = None) -> CachedDetector:
    """The detector the proxy uses: in-process or a worker pool (``detection.workers``),
    behind the per-text cache. Workers load their models before this returns."""
    workers = settings.detection.worker_count()
    inner: Detector | DetectionPool
    if workers > 0:
        _check_detection(settings)  # clear errors here, not a broken pool later
        inner = detection_pool(settings, workers, feedback)
        inner.warm_up()
    else:
        inner = build_detector(settings, feedback)
    return CachedDetector(inner, settings.detection.cache_entries)


def detection_and_policy(settings: Settings) -> tuple[CachedDetector, Policy]:
    """What a reload replaces (:mod:`proxy.cli.reload`): detection with the custom recognizers
    and the reviewers' missed values, and the policy with their allow list.

    Plain feedback files an older sladd wrote (``allow_list.txt``, ``feedback.yaml``) are
    first hashed into the data dir and deleted (:func:`~proxy.review.feedback_store.migrate`,
    logged). Detection then finds the reviewers' missed values again, and policy allows
    their allow-listed values, both by keyed hash.
    """
    targets = targets_for(settings)
    migrate(targets)
    feedback = load_hashes(targets)
    policy = Policy(settings.policy, feedback.is_allowed if feedback is not None else None)
    return build_detection(settings, feedback), policy


def detection_pool(
    settings: Settings, workers: int, feedback: FeedbackHashes | None = None
) -> DetectionPool:
    """``workers`` detection processes, each with the detector :func:`build_detector` makes."""
    return DetectionPool(
        partial(build_detector, settings, feedback), workers, with_ner=settings.detection.ner
    )


def _check_detection(settings: Settings) -> None:
    """Load the custom recognizers and check the model folder, without loading the model."""
    detection = settings.detection
    build_recognizers(detection.custom_recognizers_dir)
    if detection.ner:
        check_model(detection.ner_model or BUNDLED_MODEL)


def build_scrubber(settings: Settings, vault: Vault) -> Scrubber:
    """The full pipeline; raises if a recognizer, the model or the feedback store cannot be
    loaded (:class:`~proxy.review.feedback_store.FeedbackStoreError`: another audit key)."""
    detection, policy = detection_and_policy(settings)
    return Scrubber(
        detection,
        policy,
        vault,
        TokenFormat(settings.pseudonyms.token_format),
        settings.pseudonyms.reuse_seconds,
    )
