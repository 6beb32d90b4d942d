"""Each worker has its own pipe and queue: one call's units run on different workers, every
call gets its own answer, and a dead worker fails its calls as an executor's would."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from proxy.detection.worker_set import DIRECT_BYTES, WorkerSet


def pid_after(seconds: float) -> int:
    """Runs in a worker: its process id, after a pause that keeps it busy."""
    time.sleep(seconds)
    return os.getpid()


def stop_hard(workers: WorkerSet) -> None:
    """Shut ``workers`` down without waiting, killing processes still busy."""
    workers.shutdown(wait=False, cancel_futures=True)
    for process in workers.processes():
        process.kill()


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


def fail(message: str) -> None:
    """Runs in a worker: raises."""
    raise ValueError(message)


def echo_length(payload: bytes) -> tuple[int, bytes]:
    """Runs in a worker: the payload's length, and the payload back."""
    return len(payload), payload


def unpicklable(_: object) -> object:
    """Runs in a worker: a result that cannot be sent back."""
    return lambda: None


def exit_now(_: object) -> None:
    """Runs in a worker: the process dies mid-call."""
    os._exit(3)


def broken_initializer() -> None:
    """A worker initializer that fails (a model that will not load)."""
    raise RuntimeError("no model")


@pytest.fixture
def one() -> Iterator[WorkerSet]:
    workers = WorkerSet(1, nothing, ())
    try:
        yield workers
    finally:
        stop_hard(workers)


@pytest.mark.timeout(120)
def test_errors_and_results_come_back_to_their_own_calls(one: WorkerSet) -> None:
    failing = one.submit(fail, "bad input")
    big = b"x" * 5_000_000  # more than a pipe holds, both ways
    echoed = one.submit(echo_length, big)
    with pytest.raises(ValueError, match="bad input"):
        failing.result(timeout=60)
    assert echoed.result(timeout=60) == (len(big), big)
    with pytest.raises(RuntimeError, match="could not be sent"):
        one.submit(unpicklable, None).result(timeout=60)
    assert one.submit(pid_after, 0.0).result(timeout=60) in one.pids()  # still serving


@pytest.mark.timeout(120)
def test_queued_calls_run_in_order_after_the_running_one(one: WorkerSet) -> None:
    running = one.submit(pid_after, 0.3)
    queued = [one.submit(echo_length, bytes(n)) for n in range(5)]
    assert one.has_queued_work()
    assert [c.result(timeout=60) for c in queued] == [(n, bytes(n)) for n in range(5)]
    assert running.done() and not one.has_queued_work()


@pytest.mark.timeout(120)
def test_a_worker_that_dies_fails_its_running_and_queued_calls(one: WorkerSet) -> None:
    dying, queued = one.submit(exit_now, None), one.submit(pid_after, 0.0)
    for call in (dying, queued):
        with pytest.raises(BrokenProcessPool):
            call.result(timeout=60)
    assert one.is_broken()
    with pytest.raises(BrokenProcessPool):
        one.submit(pid_after, 0.0)


@pytest.mark.timeout(120)
def test_a_worker_whose_initializer_fails_is_broken() -> None:
    workers = WorkerSet(1, broken_initializer, ())
    try:
        with pytest.raises(BrokenProcessPool):
            workers.submit(pid_after, 0.0).result(timeout=60)
        assert workers.is_broken()
    finally:
        workers.shutdown()


@pytest.mark.timeout(120)
def test_shutdown_finishes_queued_calls_or_cancels_them() -> None:
    finishing = WorkerSet(1, nothing, ())
    first, second = finishing.submit(pid_after, 0.3), finishing.submit(pid_after, 0.0)
    finishing.shutdown(wait=True)
    assert first.result(timeout=1) == second.result(timeout=1)
    with pytest.raises(RuntimeError, match="after shutdown"):
        finishing.submit(pid_after, 0.0)
    cancelling = WorkerSet(1, nothing, ())
    running, waiting = cancelling.submit(pid_after, 0.3), cancelling.submit(pid_after, 0.0)
    cancelling.shutdown(wait=True, cancel_futures=True)
    assert running.result(timeout=1) and waiting.cancelled()
    assert cancelling.processes() == []


@pytest.mark.timeout(120)
def test_a_killed_worker_is_noticed_and_reaped(one: WorkerSet) -> None:
    """Killed while idle (as a replaced pool's workers are): the set is broken at once, and
    the process does not linger as a zombie."""
    (pid,) = one.pids()
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{pid}").exists(), "the killed worker was not reaped"
    assert one.is_broken()


@pytest.mark.timeout(120)
def test_a_worker_that_stopped_reading_never_blocks_the_caller(one: WorkerSet) -> None:
    """A call bigger than the pipe's buffer to a worker that is not reading: submit returns
    at once (the writer thread waits, not the caller), and the call completes once the
    worker reads again."""
    (pid,) = one.pids()
    big = b"x" * (20 * DIRECT_BYTES)
    os.kill(pid, signal.SIGSTOP)
    try:
        submitted: list[Future[tuple[int, bytes]]] = []
        caller = threading.Thread(target=lambda: submitted.append(one.submit(echo_length, big)))
        caller.start()
        caller.join(30)
        assert not caller.is_alive(), "submit blocked on a worker that does not read"
        with pytest.raises(TimeoutError):
            submitted[0].result(timeout=0.5)
    finally:
        os.kill(pid, signal.SIGCONT)
    assert submitted[0].result(timeout=60) == (len(big), big)
