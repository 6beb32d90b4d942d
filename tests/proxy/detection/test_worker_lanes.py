"""Lanes: requests take turns on the workers, long calls leave a worker free, and an
abandoned lane stops occupying the workers. Orders are recorded as calls finish; nothing
here depends on how long a call took beyond a sleep keeping a worker busy."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest

from proxy.detection.worker_set import QUANTUM, WorkerSet
from tests.proxy.detection.test_worker_set import nothing, pid_after, stop_hard


def finishing_order(calls: dict[str, Future[int]]) -> list[str]:
    """The names of ``calls`` in the order they finish (all must finish)."""
    done: list[str] = []
    lock = threading.Lock()

    def note(name: str) -> None:
        with lock:
            done.append(name)

    for name, future in calls.items():
        future.add_done_callback(lambda _, name=name: note(name))  # type: ignore[misc]
    for future in calls.values():
        future.result(timeout=60)
    return done


@pytest.fixture
def two() -> Iterator[WorkerSet]:
    workers = WorkerSet(2, nothing, ())
    try:
        for future in workers.submit_to_each(pid_after, 0.0):
            future.result(timeout=60)
        yield workers
    finally:
        stop_hard(workers)


@pytest.mark.timeout(120)
def test_lanes_take_turns_a_quantum_each() -> None:
    one = WorkerSet(1, nothing, ())
    try:
        calls = {"busy": one.submit(pid_after, 0.5)}
        calls |= {f"a{n}": one.submit(pid_after, 0.0, "a", cost=QUANTUM) for n in range(4)}
        calls["b0"] = one.submit(pid_after, 0.0, "b", cost=QUANTUM)
        calls |= {f"c{n}": one.submit(pid_after, 0.0, "c", cost=QUANTUM // 4) for n in range(2)}
        order = finishing_order(calls)
        # A big lane sends one call a turn; the small ones' calls fit in one turn each.
        assert order == ["busy", "a0", "b0", "c0", "c1", "a1", "a2", "a3"]
    finally:
        one.shutdown()


@pytest.mark.timeout(120)
def test_long_calls_leave_one_worker_for_the_rest(two: WorkerSet) -> None:
    calls = {"long-a": two.submit(pid_after, 0.5, lane="a", long=True)}
    calls["long-b"] = two.submit(pid_after, 0.0, lane="b", long=True)  # waits: a worker idles
    calls["short-c"] = two.submit(pid_after, 0.0, lane="c")
    assert finishing_order(calls) == ["short-c", "long-a", "long-b"]


def eventually(condition: Callable[[], bool], seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


@pytest.mark.timeout(120)
def test_an_abandoned_lane_is_cancelled_and_its_long_call_killed(two: WorkerSet) -> None:
    before = set(two.pids())
    long = two.submit(pid_after, 120.0, lane="gone", long=True)
    short = two.submit(pid_after, 0.3, lane="gone")
    queued = [two.submit(pid_after, 0.0, lane="gone") for _ in range(3)]
    two.abandon("gone")
    assert all(future.cancelled() for future in queued)
    assert short.result(timeout=60) in before  # a short call just finishes
    with pytest.raises(BrokenProcessPool):
        long.result(timeout=60)  # its worker was killed ...
    assert eventually(lambda: len(set(two.pids()) - before) == 1), "... and replaced"
    assert not two.is_broken()
    assert eventually(lambda: not two.has_queued_work())  # the replacement has loaded
    assert two.submit(pid_after, 0.0).result(timeout=60) in two.pids()
