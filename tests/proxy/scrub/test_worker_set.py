"""Each worker has its own queue: one call's units run on different workers."""

from __future__ import annotations

import os
import time

import pytest

from proxy.scrub.worker_set import WorkerSet


def pid_after(seconds: float) -> int:
    """Runs in a worker: its process id, after a pause that keeps it busy."""
    time.sleep(seconds)
    return os.getpid()


def nothing() -> None:
    """A worker initializer with nothing to load."""


@pytest.mark.timeout(120)
def test_units_go_to_the_least_busy_worker_and_counts_drain() -> None:
    workers = WorkerSet(2, nothing, ())
    try:
        loaded = {f.result(timeout=60) for f in workers.submit_to_each(pid_after, 0.0)}
        assert loaded == set(workers.pids()) and len(loaded) == 2
        first, second = workers.submit(pid_after, 0.3), workers.submit(pid_after, 0.0)
        assert first.result(timeout=60) != second.result(timeout=60)
        assert not workers.has_queued_work()
        third = workers.submit(pid_after, 0.0)  # both idle again: any worker will do
        assert third.result(timeout=60) in loaded
    finally:
        workers.shutdown()
    assert workers.processes() == []


def test_a_set_needs_a_worker() -> None:
    with pytest.raises(ValueError, match="at least one worker"):
        WorkerSet(0, nothing, ())
