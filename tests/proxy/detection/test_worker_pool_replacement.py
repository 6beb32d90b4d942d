"""Replacing a failed detection pool: once per failure, fail closed, no worker left running;
closing the scrubber closes the pool behind the detection cache.

Two calls that see the same pool break must not both replace it: the second replacement
would shut down the healthy new pool and cancel a third call's work, and that cancellation
reached the event loop as ``asyncio.CancelledError`` (dropped connection, no JSON error).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from proxy.detection import workers
from proxy.detection.cache import CachedDetector
from proxy.detection.detector import Detector
from proxy.detection.findings import Finding
from proxy.detection.unit_costs import UnitCosts, UnitTimes
from proxy.detection.workers import DetectionPool, DetectionWorkerError
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.policy import Policy
from proxy.scrub.policy_settings import PolicySettings
from proxy.scrub.tokens import TokenFormat
from proxy.settings import Settings
from proxy.vault.memory import MemoryVault
from tests.proxy.conftest import loaded_pool


class FakeExecutor:
    """Stands in for a :class:`~proxy.detection.worker_set.WorkerSet`; ``submit`` runs
    ``on_submit``."""

    def __init__(self, on_submit: Callable[[], Future[object]] | None = None) -> None:
        self.on_submit = on_submit
        self.shut_down = False

    def submit(self, fn: object, *args: object) -> Future[object]:
        if self.shut_down:
            raise RuntimeError("cannot schedule new futures after shutdown")
        if self.on_submit is not None:
            return self.on_submit()
        future: Future[object] = Future()
        future.set_result(([], UnitTimes(0, 0.0, 0, 0.0)))  # no findings, nothing timed
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.shut_down = True

    def processes(self) -> list[object]:
        return []

    def has_queued_work(self) -> bool:
        return False


def fake_pool(
    first: FakeExecutor, monkeypatch: pytest.MonkeyPatch
) -> tuple[DetectionPool, list[FakeExecutor]]:
    """A pool over ``first`` whose replacements are fake executors too (listed in order)."""
    started: list[FakeExecutor] = []

    def start() -> FakeExecutor:
        started.append(FakeExecutor())
        return started[-1]

    pool = DetectionPool.__new__(DetectionPool)
    pool.workers = 1
    pool._with_ner = False
    pool._lock = threading.Lock()
    pool._executor = first  # type: ignore[assignment]
    pool.costs = UnitCosts()
    monkeypatch.setattr(pool, "_start", start)
    return pool, started


def test_two_calls_on_one_broken_pool_replace_it_once(monkeypatch: pytest.MonkeyPatch) -> None:
    both_submitted = threading.Barrier(2, timeout=10)

    def broken() -> Future[object]:
        both_submitted.wait()  # both calls hold the old pool before either replaces it
        raise BrokenProcessPool("a worker died")

    pool, started = fake_pool(FakeExecutor(broken), monkeypatch)
    errors: list[BaseException] = []

    def call() -> None:
        try:
            pool.detect_many(["tekst"])
        except BaseException as exc:  # recorded, checked below
            errors.append(exc)

    threads = [threading.Thread(target=call) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert [type(e) for e in errors] == [DetectionWorkerError, DetectionWorkerError]
    assert len(started) == 1, "the healthy replacement was replaced again"
    assert id(pool._executor) == id(started[0])
    assert not started[0].shut_down
    assert pool.detect_many(["tekst"]) == [[]]


def test_work_cancelled_by_a_replacement_fails_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    def cancelled() -> Future[object]:
        future: Future[object] = Future()
        future.cancel()
        return future

    pool, _ = fake_pool(FakeExecutor(cancelled), monkeypatch)
    with pytest.raises(DetectionWorkerError, match="restarted or closed"):
        pool.detect_many(["tekst"])


def test_cancellation_reaches_the_event_loop_as_an_ordinary_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def cancelled() -> Future[object]:
        future: Future[object] = Future()
        future.cancel()
        return future

    pool, _ = fake_pool(FakeExecutor(cancelled), monkeypatch)

    async def detect() -> object:
        return await asyncio.get_running_loop().run_in_executor(None, pool.detect_many, ["x"])

    with pytest.raises(DetectionWorkerError):  # not asyncio.CancelledError (a BaseException)
        asyncio.run(detect())


def test_submitting_to_a_shut_down_pool_fails_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    closed = FakeExecutor()
    closed.shut_down = True
    pool, started = fake_pool(closed, monkeypatch)
    with pytest.raises(DetectionWorkerError, match="restarted or closed"):
        pool.detect_many(["tekst"])
    assert started == []  # a closed pool is not restarted


def _gone(pid: int) -> bool:
    """The process has exited (reaped, or a zombie waiting to be)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in {"Z", "X"}


@pytest.fixture
def one_worker(rules_only_settings: Settings) -> Iterator[DetectionPool]:
    with loaded_pool(rules_only_settings, 1) as pool:
        yield pool


@pytest.mark.timeout(180)
def test_a_hung_worker_is_killed_when_its_pool_is_replaced(
    one_worker: DetectionPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    hung = one_worker._executor
    hung.submit(time.sleep, 120)  # the only worker is stuck in a long job
    processes = hung.processes()
    pids = [process.pid for process in processes if process.pid is not None]
    monkeypatch.setattr(workers, "RESULT_TIMEOUT_SECONDS", 1.0)
    try:
        with pytest.raises(DetectionWorkerError, match="TimeoutError"):
            one_worker.detect_many(["ring meg på 91234567"])
        deadline = time.monotonic() + 15
        while not all(map(_gone, pids)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert all(map(_gone, pids)), "the hung worker is still running"
    finally:
        for process in processes:  # do not leave a sleeper behind if the check failed
            process.kill()
    monkeypatch.setattr(workers, "RESULT_TIMEOUT_SECONDS", 60.0)
    assert one_worker._executor is not hung
    assert one_worker.detect_many(["ring meg på 91234567"])[0]


class ClosingDetector:
    def __init__(self) -> None:
        self.closed = False

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        return [[] for _ in texts]

    def close(self) -> None:
        self.closed = True


def test_closing_the_scrubber_closes_the_pool_behind_the_cache() -> None:
    pool = ClosingDetector()
    scrubber = Scrubber(
        CachedDetector(pool), Policy(PolicySettings()), MemoryVault(), TokenFormat("[{type}_{n}]")
    )
    scrubber.close()
    assert pool.closed
    Scrubber(  # an in-process detector has nothing to close
        Detector([]), Policy(PolicySettings()), MemoryVault(), TokenFormat("[{type}_{n}]")
    ).close()


@pytest.mark.timeout(180)
def test_a_big_call_to_a_worker_that_stopped_reading_fails_closed_in_time(
    one_worker: DetectionPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The call is bigger than the pipe's buffer and the worker does not read: the caller's
    wait still times out, the pool is replaced, and the next call is served."""
    stopped = one_worker._executor
    (pid,) = stopped.pids()
    os.kill(pid, signal.SIGSTOP)
    monkeypatch.setattr(workers, "RESULT_TIMEOUT_SECONDS", 1.0)
    try:
        with pytest.raises(DetectionWorkerError, match="TimeoutError"):
            one_worker.detect_many(["ring meg på 91234567. " * 20_000])
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    monkeypatch.setattr(workers, "RESULT_TIMEOUT_SECONDS", 60.0)
    assert one_worker._executor is not stopped
    assert one_worker.detect_many(["ring meg på 91234567"])[0]
