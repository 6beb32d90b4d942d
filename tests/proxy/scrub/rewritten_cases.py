"""What the shipped detector and policy rewrite in a text, and the checks the table-driven
tests of found and kept strings make with it."""

from __future__ import annotations

from proxy.detection.detector import Detector
from proxy.detection.findings import Finding
from proxy.scrub.policy import Policy
from proxy.settings import Settings
from scripts.eval.genres import letters_covered


def rewritten(detector: Detector, settings: Settings, text: str) -> list[Finding]:
    """The findings policy rewrites in ``text``."""
    findings = detector.detect(text)
    decisions = Policy(settings.policy).decide(text, findings)
    return [d.finding for d in decisions if d.action != "allow"]


def assert_found(findings: list[Finding], text: str, values: tuple[str, ...]) -> None:
    """Every occurrence of each value has every letter and digit covered by ``findings``."""
    for value in values:
        starts = [i for i in range(len(text)) if text.startswith(value, i)]
        assert starts, value
        for start in starts:
            assert letters_covered(text, start, start + len(value), findings), (
                value,
                [(f.entity_type, text[f.start : f.end]) for f in findings],
            )


def assert_kept(findings: list[Finding], text: str, keeps: tuple[str, ...]) -> None:
    """No finding overlaps the first occurrence of any of ``keeps``."""
    for keep in keeps:
        start = text.index(keep)
        end = start + len(keep)
        touching = [text[f.start : f.end] for f in findings if f.start < end and start < f.end]
        assert not touching, (keep, touching)
