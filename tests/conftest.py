"""Shared fixtures: the shipped settings and detection stacks (loaded once per session), the
fake LLM upstream and a plain HTTP client."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import aiohttp
import pytest

from proxy.build import build_detector
from proxy.detection.detector import Detector
from proxy.scrub.policy import Policy
from proxy.scrub.policy_settings import PolicySettings
from proxy.settings import Settings, load_settings
from recognizers.registry import CLINICAL_PHI, build_recognizers
from tests.fakes.llm_upstream import FakeUpstream

REPO = Path(__file__).resolve().parents[1]

Found = list[tuple[str, str]]


@pytest.fixture(scope="session")
def base_settings() -> Settings:
    """The shipped configuration, read without the environment."""
    return load_settings(REPO / "config" / "sladd.toml", environ={})


@pytest.fixture(scope="session")
def detector(base_settings: Settings) -> Detector:
    """Rule-based recognizers and the bundled NER model, as shipped, loaded once."""
    return build_detector(base_settings)


@pytest.fixture(scope="session")
def rules_only_settings(base_settings: Settings) -> Settings:
    """The shipped configuration with the NER model off (rule-based recognizers only)."""
    detection = dataclasses.replace(base_settings.detection, ner=False)
    return dataclasses.replace(base_settings, detection=detection)


@pytest.fixture
async def upstream() -> AsyncIterator[FakeUpstream]:
    """A started fake LLM upstream answering with the default script (echo the last user
    turn)."""
    async with FakeUpstream() as fake:
        yield fake


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    """A plain aiohttp client (Ollama, raw frames and checks)."""
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture(scope="session")
def rule_detector() -> Detector:
    """Every built-in rule-based recognizer, no NER, no custom YAML."""
    return Detector(build_recognizers())


@pytest.fixture(scope="session")
def spans(rule_detector: Detector) -> Callable[[str], list[tuple[str, int, int]]]:
    """``(entity_type, start, end)`` of each finding the default policy rewrites."""
    policy = Policy(PolicySettings())

    def run(text: str) -> list[tuple[str, int, int]]:
        decisions = policy.decide(text, rule_detector.detect(text))
        return [
            (d.finding.entity_type, d.finding.start, d.finding.end)
            for d in decisions
            if d.action != "allow"
        ]

    return run


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
    """Like ``find``, without PERSON and issue 18's clinical classes (dates, ages, places,
    care units): for tests about structured identifiers only."""

    def run(text: str) -> Found:
        return [
            (kind, value)
            for kind, value in find(text)
            if kind != "PERSON" and kind not in CLINICAL_PHI
        ]

    return run
