"""Shared fixtures: the rule-based detection stack as sladd runs it by default."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from proxy.scrub.detect import Detector
from proxy.scrub.policy import Policy
from proxy.settings import PolicySettings
from recognizers.registry import build_recognizers

Found = list[tuple[str, str]]


@pytest.fixture(scope="session")
def rule_detector() -> Detector:
    """Every built-in rule-based recognizer, no NER, no custom YAML."""
    return Detector(build_recognizers())


@pytest.fixture(scope="session")
def find(rule_detector: Detector) -> Callable[[str], Found]:
    """``(entity_type, value)`` for each finding the default policy acts on."""
    policy = Policy(PolicySettings())

    def run(text: str) -> Found:
        decisions = policy.decide(text, rule_detector.detect(text))
        return [
            (d.finding.entity_type, text[d.finding.start : d.finding.end])
            for d in decisions
            if d.action != "allow"
        ]

    return run


@pytest.fixture(scope="session")
def find_structured(find: Callable[[str], Found]) -> Callable[[str], Found]:
    """Like ``find``, without PERSON: for tests about structured identifiers only."""

    def run(text: str) -> Found:
        return [(kind, value) for kind, value in find(text) if kind != "PERSON"]

    return run
