"""A detection worker's loader that waits for a file: models 'loading' for as long as a test
wants, in a real :class:`~proxy.detection.workers.DetectionPool` worker process."""

from __future__ import annotations

import time
from pathlib import Path

from proxy.detection.detector import Detector
from recognizers.registry import build_recognizers


def load_when(gate: Path) -> Detector:
    """The rule-based detector, built once ``gate`` exists (runs in the worker process)."""
    while not gate.exists():
        time.sleep(0.02)
    return Detector(build_recognizers())
