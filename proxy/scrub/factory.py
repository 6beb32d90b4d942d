"""Build the scrub pipeline from settings (recognizers, NER model, policy, token format)."""

from __future__ import annotations

from concurrent.futures import Executor

from proxy.scrub.detect import Detector
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.policy import Policy
from proxy.scrub.tokens import TokenFormat
from proxy.settings import Settings
from proxy.vault.base import Vault
from recognizers.registry import build_recognizers


def build_detector(settings: Settings) -> Detector:
    """All built-in recognizers plus the configured custom YAML ones."""
    recognizers = build_recognizers(settings.detection.custom_recognizers_dir)
    return Detector(recognizers)


def build_scrubber(settings: Settings, vault: Vault, executor: Executor | None = None) -> Scrubber:
    """The full pipeline; raises if a recognizer or the model cannot be loaded."""
    return Scrubber(
        build_detector(settings),
        Policy(settings.policy),
        vault,
        TokenFormat(settings.pseudonyms.token_format),
        executor,
    )
