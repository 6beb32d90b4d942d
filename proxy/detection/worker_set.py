"""A set of worker processes, each at the end of its own pipe, fed fairly from lanes.

Each worker runs one call at a time. A call goes to an idle worker at once: it is pickled and
written to that worker's pipe by the submitting thread itself. Otherwise it waits in its
*lane* (one per request: :class:`~proxy.detection.workers.DetectionPool` submits each request's
units under a lane of their own), and a worker that finishes a call takes the next one from
the lanes by deficit round robin: the lane at the front sends calls while the credit of its
turn (:data:`QUANTUM`, in the callers' cost units) lasts, then goes to the back. A request cut
into many units therefore sends about one unit per turn, and a small request that arrives
meanwhile waits for the units already running and at most one more per lane ahead of it;
small requests, whose calls fit in one turn, are served first come, first served, which
finishes them soonest. A call marked ``long`` (the rule pass over one long text, which cannot
be cut) runs on at most ``size - 1`` workers at once, so one worker is always left for the
rest. Each worker's reader thread is the only one that reads its pipe: it hands each result
to its future and notices when the worker dies.

Only a call small enough to fit the pipe's buffer (``DIRECT_BYTES``) is written that way: an
idle worker has read everything sent before, so such a write never waits. A bigger one goes
to the worker's writer thread. A worker that has stopped reading (hung, or stopped by a
signal) can then hold up only that thread, never the caller, whose wait for the result times
out as usual: the pool is replaced and the call fails closed.

Why not ``ProcessPoolExecutor``: its calls reach the pipe through two thread hand-offs (its
manager thread, then its queue's feeder thread) and come back through a third, each a wait on
the critical path of a small request, and the slowest of them sets its tail. (A single
``ProcessPoolExecutor`` with several workers was worse still: its workers race for one shared
queue, so one call's units now and then ran one after the other on the same worker.)

Failure semantics are an executor's: when a worker dies, its running call and every queued
call raise ``BrokenProcessPool``, and so does any later submit to the set; a call to a set
that is shut down raises ``RuntimeError``. The owner decides what to replace. A lane given up
by its caller (:meth:`WorkerSet.abandon`) is different: its queued calls are cancelled, and a
worker running one of its long calls is killed and replaced by a new one, without breaking
the set.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import SpawnContext
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import ForkingPickler
from typing import Any, TypeVar

from proxy.detection.worker_process import Call, Worker

DIRECT_BYTES = 64 * 1024
"""Calls up to this size are written by the thread that submits them (see module docstring);
a socket pair's buffer holds ~200 KB."""
T = TypeVar("T")
A = TypeVar("A")


QUANTUM = 8_000
"""Credit a lane gets per turn, in its calls' cost units (the pool's: characters of text)."""


class _Lane:
    """A lane's queued calls and the credit it has left for its current turn."""

    __slots__ = ("calls", "credit")

    def __init__(self) -> None:
        self.calls: deque[Call] = deque()
        self.credit = QUANTUM


def ready(_: object) -> None:
    """A replacement worker's first call: answered once its initializer has run, so it gets
    no work before it has loaded its models."""


class WorkerSet:
    """``size`` worker processes started with ``initializer(*initargs)``; see module docstring."""

    def __init__(
        self, size: int, initializer: Callable[..., object], initargs: tuple[object, ...]
    ) -> None:
        if size < 1:
            raise ValueError(f"a worker set needs at least one worker, not {size}")
        self._context: SpawnContext = multiprocessing.get_context("spawn")  # no loop state
        self._start_args = (initializer, initargs)
        self._lock = threading.Lock()
        self._lanes: dict[Hashable, _Lane] = {}
        """Lanes with queued calls; the dict's order is the round robin's."""
        self._max_long = max(1, size - 1)
        self._long_running = 0
        self._broken = self._closing = False
        self._workers = [self._new_worker(n) for n in range(size)]

    def _new_worker(self, number: int) -> Worker:
        return Worker(self._context, self._start_args, number, self)

    def submit(
        self,
        fn: Callable[[A], T],
        arg: A,
        lane: Hashable = None,
        long: bool = False,
        cost: int = 0,
    ) -> Future[T]:
        """Run ``fn(arg)`` on an idle worker now, else in ``lane``'s turn, where it uses
        ``cost`` of the lane's credit (see module docstring)."""
        call = Call(_payload(fn, arg), Future(), lane, long, cost)  # pickling errors raise here
        with self._lock:
            self._check_open()
            worker = self._idle_worker() if self._may_start(call) else None
            if worker is not None:
                call.future.set_running_or_notify_cancel()  # new: cannot be cancelled yet
                self._run(worker, call)
            else:
                self._lanes.setdefault(lane, _Lane()).calls.append(call)
        return call.future

    def submit_to_each(self, fn: Callable[[A], T], arg: A) -> list[Future[T]]:
        """Run ``fn(arg)`` once on every worker (loading each one's models, for instance)."""
        with self._lock:
            self._check_open()
            calls = [Call(_payload(fn, arg), Future()) for _ in self._workers]
            for worker, call in zip(self._workers, calls, strict=True):
                if worker.running is None and worker.open:
                    call.future.set_running_or_notify_cancel()  # new: cannot be cancelled yet
                    self._run(worker, call)
                else:
                    worker.pinned.append(call)
        return [call.future for call in calls]

    def abandon(self, lane: Hashable) -> None:
        """The caller gave up on ``lane``: cancel its queued calls, and kill (and replace) any
        worker running one of its long calls. Its short running calls just finish."""
        with self._lock:
            for call in self._lanes.pop(lane, _Lane()).calls:
                call.cancel()
            doomed = [w for w in self._workers if w.running_long_of(lane)]
            for worker in doomed:
                worker.retired = True  # takes no more calls; its death does not break the set
        for worker in doomed:
            worker.kill()

    def _check_open(self) -> None:
        if self._closing:
            raise RuntimeError("cannot schedule new futures after shutdown")
        if self._broken:
            raise BrokenProcessPool("a detection worker has died")

    def _may_start(self, call: Call) -> bool:
        return not call.long or self._long_running < self._max_long

    def _idle_worker(self) -> Worker | None:
        return next((w for w in self._workers if w.running is None and w.open), None)

    def _run(self, worker: Worker, call: Call) -> None:
        """Send ``call`` (running, see ``Future.set_running_or_notify_cancel``) to the idle
        ``worker`` (the lock is held)."""
        worker.running = call
        self._long_running += call.long
        worker.send(call.payload, direct=len(call.payload) <= DIRECT_BYTES)

    def _next_call(self, worker: Worker) -> Call | None:
        """The idle ``worker``'s next call: its own first, then the lanes' (the lock is
        held)."""
        while worker.pinned:
            own = worker.pinned.popleft()
            if own.future.set_running_or_notify_cancel():
                return own
        return self._from_lanes()

    def _from_lanes(self) -> Call | None:
        """Deficit round robin: the lane at the front sends calls while its credit lasts,
        then goes to the back with :data:`QUANTUM` more credit for its next turn."""
        stuck = 0  # lanes in a row with nothing that may start now (long calls only)
        while self._lanes and stuck < len(self._lanes):
            key, lane = next(iter(self._lanes.items()))
            call = next((c for c in lane.calls if self._may_start(c)), None)
            if call is None or call.cost > lane.credit:
                del self._lanes[key]
                self._lanes[key] = lane  # to the back
                stuck += call is None
                lane.credit += QUANTUM if call is not None else 0
                continue
            lane.calls.remove(call)
            lane.credit -= call.cost
            if not lane.calls:
                del self._lanes[key]
            if call.future.set_running_or_notify_cancel():
                return call
            stuck = 0
        return None

    def _dispatch(self) -> None:
        """Give every idle worker its next call (the lock is held)."""
        for worker in self._workers:
            if worker.running is not None or not worker.open:
                continue
            call = None if self._broken else self._next_call(worker)
            if call is not None:
                self._run(worker, call)
            elif self._closing:
                worker.say_goodbye()

    def answered(self, worker: Worker, ok: bool, value: object) -> None:
        """From ``worker``'s reader: its call returned (or raised) ``value``."""
        with self._lock:
            call, worker.running = worker.running, None
            self._long_running -= call.long if call is not None else 0
            self._dispatch()
        if call is not None:
            call.resolve(ok, value)

    def gone(self, worker: Worker) -> None:
        """From ``worker``'s reader: the process has exited (see module docstring)."""
        with self._lock:
            failed = [*worker.pinned]
            call, worker.running = worker.running, None
            self._long_running -= call.long if call is not None else 0
            failed += [call] if call is not None else []
            worker.pinned.clear()
            if worker.retired and not (self._closing or self._broken):  # busy till loaded
                replacement = self._new_worker(worker.number)
                self._workers[self._workers.index(worker)] = replacement
                loading = Call(_payload(ready, None), Future())
                loading.future.set_running_or_notify_cancel()
                self._run(replacement, loading)
            elif not self._closing:
                self._broken = True
                failed += [c for queued in self._lanes.values() for c in queued.calls]
                self._lanes.clear()
        for lost in failed:
            lost.fail(BrokenProcessPool("a detection worker died or was stopped"))

    def processes(self) -> list[BaseProcess]:
        """The worker processes that have not exited."""
        with self._lock:
            workers = list(self._workers)
        return [w.process for w in workers if w.process.exitcode is None]

    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        return [p.pid for p in self.processes() if p.pid is not None]

    def has_queued_work(self) -> bool:
        """Some submitted call (or a worker's start) has not finished yet."""
        with self._lock:
            return bool(self._lanes) or any(w.running or w.pinned for w in self._workers)

    def is_broken(self) -> bool:
        """A worker died and its reader has noticed."""
        return self._broken

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop every worker once it is idle and nothing is queued (see
        ``Executor.shutdown``)."""
        with self._lock:
            self._closing = True
            if cancel_futures:
                for call in [c for lane in self._lanes.values() for c in lane.calls]:
                    call.cancel()
                self._lanes.clear()
                for worker in self._workers:
                    for call in worker.pinned:
                        call.cancel()
                    worker.pinned.clear()
            self._dispatch()
            workers = list(self._workers)
        if wait:
            for worker in workers:
                worker.join()


def _payload(fn: Callable[[Any], object], arg: object) -> bytes:
    return bytes(ForkingPickler.dumps((fn, arg)))
