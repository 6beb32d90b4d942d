"""Build the scrub pipeline from settings (recognizers, NER model, policy, token format)."""

from __future__ import annotations

import dataclasses
from functools import partial

from proxy.detection.cache import CachedDetector
from proxy.detection.detector import Detector
from proxy.detection.workers import DetectionPool
from proxy.review.feedback import read_allow_list, targets_for
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.policy import Policy
from proxy.scrub.policy_settings import PolicySettings
from proxy.scrub.tokens import TokenFormat
from proxy.settings import Settings
from proxy.vault.base import Vault
from recognizers.ner.engine import BUNDLED_MODEL, NorwegianNer, check_model
from recognizers.registry import build_recognizers


def build_detector(settings: Settings) -> Detector:
    """All built-in recognizers, the configured custom YAML ones and (if on) the NER model.

    Raises :class:`~recognizers.ner.engine.NerModelError` when NER is on and the model
    cannot be loaded: sladd does not run without the name detection it was configured for.
    """
    detection = settings.detection
    recognizers = build_recognizers(detection.custom_recognizers_dir)
    ner = NorwegianNer(detection.ner_model or BUNDLED_MODEL) if detection.ner else None
    return Detector(recognizers, ner)


def build_detection(settings: Settings) -> CachedDetector:
    """The detector the proxy uses: in-process or a worker pool (``detection.workers``),
    behind the per-text cache. Workers load their models before this returns."""
    workers = settings.detection.worker_count()
    inner: Detector | DetectionPool
    if workers > 0:
        _check_detection(settings)  # clear errors here, not a broken pool later
        inner = detection_pool(settings, workers)
        inner.warm_up()
    else:
        inner = build_detector(settings)
    return CachedDetector(inner, settings.detection.cache_entries)


def detection_pool(settings: Settings, workers: int) -> DetectionPool:
    """``workers`` detection processes, each with the detector :func:`build_detector` makes."""
    return DetectionPool(
        partial(build_detector, settings), workers, with_ner=settings.detection.ner
    )


def _check_detection(settings: Settings) -> None:
    """Load the custom recognizers and check the model folder, without loading the model."""
    detection = settings.detection
    build_recognizers(detection.custom_recognizers_dir)
    if detection.ner:
        check_model(detection.ner_model or BUNDLED_MODEL)


def build_scrubber(settings: Settings, vault: Vault) -> Scrubber:
    """The full pipeline; raises if a recognizer or the model cannot be loaded."""
    return Scrubber(
        build_detection(settings),
        Policy(policy_settings(settings)),
        vault,
        TokenFormat(settings.pseudonyms.token_format),
        settings.pseudonyms.reuse_seconds,
    )


def policy_settings(settings: Settings) -> PolicySettings:
    """``policy`` plus the values in the reviewers' allow list file (beside the config)."""
    reviewed = read_allow_list(targets_for(settings).allow_list)
    policy = settings.policy
    return dataclasses.replace(policy, allow_list=(*policy.allow_list, *reviewed))
