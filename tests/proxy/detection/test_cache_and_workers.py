"""The per-text detection cache and the detection worker pool."""

from __future__ import annotations

import gc
import os
import signal
import time
from collections.abc import Iterator, Sequence

import pytest
from threadpoolctl import threadpool_info

from proxy.detection.cache import CachedDetector
from proxy.detection.detector import Detector
from proxy.detection.findings import Finding
from proxy.detection.unit_costs import UnitTimes
from proxy.detection.work_plan import WorkUnit, plan
from proxy.detection.workers import DetectionPool, DetectionWorkerError
from proxy.settings import Settings
from recognizers.ner.engine import RECOGNIZER_NAME
from recognizers.registry import build_recognizers
from tests.proxy.conftest import loaded_pool

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


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_plan_covers_every_text_once_and_spreads_the_work(workers: int) -> None:
    texts = ["Pasient Kari Nordmann kom inn. Hb 12,9.\nDatter Ingrid ringte.", "ok", "x" * 50]
    units = plan(texts, workers, with_ner=True)
    assert sorted(i for unit in units for i, _ in unit.texts) == [0, 1, 2]
    pieces = [piece for unit in units for piece, _ in unit.pieces]
    assert {p.index for p in pieces} == {0}
    assert len(units) <= workers
    if workers > 1:
        assert len(units) > 1


def test_many_small_texts_go_whole_and_a_long_one_is_cut_into_pieces() -> None:
    small = [f"Pasient Kari Nordmann nummer {n} kom inn." for n in range(20)]
    units = plan(small, 2, with_ner=True)
    assert len(units) == 2
    assert all(unit.whole and not unit.texts and not unit.pieces for unit in units)
    assert sorted(i for unit in units for i, _ in unit.whole) == list(range(20))
    units = plan(["\n".join(small), "ok"], 2, with_ner=True)
    assert not any(unit.whole for unit in units)
    assert sum(len(unit.pieces) for unit in units) == 20


def test_a_text_goes_whole_when_the_workers_are_busy() -> None:
    text = "\n".join(f"Pasient Kari Nordmann nummer {n} kom inn." for n in range(20))
    assert len(plan([text], 2, with_ner=True)) == 2  # idle workers share it
    (unit,) = plan([text], 2, with_ner=True, busy=True)
    assert unit.whole == [(0, text)] and not unit.texts and not unit.pieces


def test_pieces_carry_their_context_offset() -> None:
    text = "a" * 100 + " Pasient Kari Nordmann kom."
    ((piece, shift),) = [job for unit in plan([text], 1, with_ner=True) for job in unit.pieces]
    assert text[shift + piece.start : shift + piece.end] in text
    assert "Kari Nordmann" in piece.context[piece.start : piece.end]


@pytest.fixture(scope="module")
def pool(rules_only_settings: Settings) -> Iterator[DetectionPool]:
    with loaded_pool(rules_only_settings, 2) as workers:
        yield workers


def worker_state(_: object) -> tuple[list[int], int]:
    """Runs in a detection worker: its BLAS libraries' thread counts, and how many objects
    the garbage collector has frozen."""
    blas = [info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"]
    return blas, gc.get_freeze_count()


@pytest.mark.timeout(180)
def test_workers_run_single_threaded_blas_and_freeze_their_start_up_objects(
    pool: DetectionPool,
) -> None:
    blas_threads, frozen = pool._executor.submit(worker_state, None).result(timeout=60)
    assert blas_threads and set(blas_threads) == {1}
    assert frozen > 10_000


@pytest.mark.timeout(180)
def test_pool_gives_the_same_findings_as_in_process(
    pool: DetectionPool, rules_only_settings: Settings
) -> None:
    expected = Detector(build_recognizers(rules_only_settings.detection.custom_recognizers_dir))
    assert pool.detect_many(TEXTS * 5) == expected.detect_many(TEXTS * 5)


@pytest.mark.timeout(300)
def test_pool_with_ner_matches_in_process_detection(
    base_settings: Settings, detector: Detector
) -> None:
    texts = [*TEXTS, "Fastlege Hansen ringte om Parkinsons sykdom. Kona til Per er her."]
    many = [f"{text} ({n})" for n in range(8) for text in texts]
    assert not any(unit.whole for unit in plan(texts, 2, with_ner=True))
    assert all(unit.whole for unit in plan(many, 2, with_ner=True))
    with loaded_pool(base_settings, 2) as with_ner:
        found, found_many = with_ner.detect_many(texts), with_ner.detect_many(many)

    def order(findings: list[Finding]) -> list[tuple[int, int, str, str]]:
        return sorted((f.start, f.end, f.entity_type, f.recognizer) for f in findings)

    assert [order(f) for f in found] == [order(f) for f in detector.detect_many(texts)]
    assert [order(f) for f in found_many] == [order(f) for f in detector.detect_many(many)]
    assert any(f.recognizer == RECOGNIZER_NAME for f in found_many[-1])  # the model ran


def sleep_then_nothing(seconds: float) -> list[tuple[int, list[Finding]]]:
    """Runs in a detection worker: keeps it busy."""
    time.sleep(seconds)
    return []


def record_plans(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, float]]:
    """``(busy, piece_cost)`` of every plan the pool makes from now on."""
    seen: list[tuple[bool, float]] = []

    def recording_plan(
        texts: Sequence[str], workers: int, with_ner: bool, busy: bool, piece_cost: float
    ) -> list[WorkUnit]:
        seen.append((busy, piece_cost))
        return plan(texts, workers, with_ner, busy, piece_cost)

    monkeypatch.setattr("proxy.detection.workers.plan", recording_plan)
    return seen


@pytest.mark.timeout(180)
def test_the_pool_plans_whole_texts_while_work_is_queued(
    pool: DetectionPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = record_plans(monkeypatch)
    assert pool.detect_many(TEXTS)[0]
    sleeping = pool._executor.submit(sleep_then_nothing, 1.0)
    assert pool.detect_many(TEXTS) == pool.detect_many(TEXTS)
    sleeping.result(timeout=60)
    assert seen[0][0] is False and seen[1][0] is True


@pytest.mark.timeout(180)
def test_a_crashed_worker_fails_that_call_and_the_pool_recovers(pool: DetectionPool) -> None:
    for pid in pool._executor.pids():  # simulate a crash
        os.kill(pid, signal.SIGKILL)
    with pytest.raises(DetectionWorkerError, match="pool was restarted"):
        pool.detect_many(TEXTS)
    assert pool.detect_many(TEXTS)[0]


@pytest.mark.timeout(180)
def test_the_pool_plans_with_the_cost_it_learns_from_its_workers(
    pool: DetectionPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned = record_plans(monkeypatch)
    reported: list[UnitTimes] = []
    monkeypatch.setattr(pool.costs, "piece_cost", lambda: 7.5)
    monkeypatch.setattr(pool.costs, "observe", reported.append)
    texts = [TEXTS[0] * 20, "ok"]  # one long text: cut into rule passes, not sent whole
    pool.detect_many(texts)
    assert planned == [(False, 7.5)]
    assert sum(times.rule_chars for times in reported) == sum(map(len, texts))
    assert all(times.rule_seconds > 0 for times in reported if times.rule_chars)
