"""The per-text detection cache and the detection worker pool."""

from __future__ import annotations

import dataclasses
import os
import signal
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from proxy.scrub.cache import CachedDetector
from proxy.scrub.detect import Detector
from proxy.scrub.findings import Finding
from proxy.scrub.workers import DetectionPool, DetectionWorkerError, split_evenly
from proxy.settings import Settings, load_settings
from recognizers.registry import build_recognizers

REPO = Path(__file__).resolve().parents[3]
TEXTS = ["Pasient Kari Nordmann, fnr 13097210181", "Hb 12,9", "ring 912 34 567", "Ola Hansen"]


class CountingDetector:
    """Records which texts reach it."""

    def __init__(self) -> None:
        self.inner = Detector(build_recognizers())
        self.seen: list[str] = []

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        self.seen.extend(texts)
        return self.inner.detect_many(texts)


def test_cache_answers_repeated_texts_without_detecting_again() -> None:
    counting = CountingDetector()
    cached = CachedDetector(counting, max_entries=10)
    first = cached.detect_many(TEXTS)
    second = cached.detect_many([TEXTS[2], "ny tekst", TEXTS[0]])
    assert counting.seen == [*TEXTS, "ny tekst"]
    assert second[0] == first[2]
    assert second[2] == first[0]
    assert (cached.hits, cached.misses) == (2, 5)


def test_cache_is_bounded_and_keeps_no_text() -> None:
    cached = CachedDetector(CountingDetector(), max_entries=2)
    cached.detect_many(TEXTS)
    assert len(cached._entries) == 2
    assert all(isinstance(key, bytes) and b"Kari" not in key for key in cached._entries)


@pytest.mark.parametrize("parts", [1, 2, 3])
def test_split_evenly_keeps_order_and_everything(parts: int) -> None:
    texts = ["a" * n for n in (5, 50, 1, 30, 30, 2)]
    chunks = split_evenly(texts, parts)
    assert [t for chunk in chunks for t in chunk] == texts
    assert 1 <= len(chunks) <= parts


@pytest.fixture(scope="module")
def rules_settings() -> Settings:
    settings = load_settings(REPO / "config" / "sladd.toml", environ={})
    return dataclasses.replace(
        settings, detection=dataclasses.replace(settings.detection, ner=False)
    )


@pytest.fixture(scope="module")
def pool(rules_settings: Settings) -> Iterator[DetectionPool]:
    workers = DetectionPool(rules_settings, 2)
    workers.warm_up()
    yield workers
    workers.close()


@pytest.mark.timeout(180)
def test_pool_gives_the_same_findings_as_in_process(
    pool: DetectionPool, rules_settings: Settings
) -> None:
    expected = Detector(build_recognizers(rules_settings.detection.custom_recognizers_dir))
    assert pool.detect_many(TEXTS * 5) == expected.detect_many(TEXTS * 5)


@pytest.mark.timeout(180)
def test_a_crashed_worker_fails_that_call_and_the_pool_recovers(pool: DetectionPool) -> None:
    for pid in list(pool._executor._processes):  # simulate a crash
        os.kill(pid, signal.SIGKILL)
    with pytest.raises(DetectionWorkerError, match="pool was restarted"):
        pool.detect_many(TEXTS)
    assert pool.detect_many(TEXTS)[0]
