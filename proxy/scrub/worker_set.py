"""A set of worker processes, each at the end of its own pipe; work goes to the least busy one.

Each worker runs one call at a time. A call submitted to an idle worker is pickled and
written to its pipe by the submitting thread itself; one submitted to a busy worker waits in
that worker's queue and is written by the worker's reader thread as soon as the call before
it returns. The reader thread is the only one that reads the pipe: it hands each result to
its future and notices when the worker dies.

Only a call small enough to fit the pipe's buffer (``DIRECT_BYTES``) is written that way: an
idle worker has read everything sent before, so such a write never waits. A bigger one (a
batch of many texts) goes to the worker's writer thread. A worker that has stopped reading
(hung, or stopped by a signal) can then hold up only that thread, never the caller, whose
wait for the result times out as usual: the pool is replaced and the call fails closed.

Why not ``ProcessPoolExecutor``: its calls reach the pipe through two thread hand-offs (its
manager thread, then its queue's feeder thread) and come back through a third. Measured
with a 2 KB message split over two workers, sladd's own share of the detection time (the
time not spent detecting) had a median of 1.66 ms and a 90th percentile of 4.3 ms through
one-process executors, 1.27 ms and 1.8 ms this way. (A single ``ProcessPoolExecutor`` with
several workers was worse still: its workers race for one shared queue, so one call's units
now and then ran one after the other on the same worker.)

Failure semantics are an executor's: when a worker dies, its running and queued calls raise
``BrokenProcessPool``, and so does any later submit to the set; a call to a set that is
shut down raises ``RuntimeError``. The owner decides what to replace.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import signal
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection, wait
from multiprocessing.context import SpawnContext
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import ForkingPickler
from typing import Any, TypeVar, cast

_GOODBYE = bytes(ForkingPickler.dumps(None))
"""What tells a worker to exit (``None``)."""
DIRECT_BYTES = 64 * 1024
"""Calls up to this size are written by the thread that submits them (see module docstring);
a socket pair's buffer holds ~200 KB."""
_REAP_SECONDS = 10.0
"""How long a worker's reader waits for the process to exit once its pipe has closed."""
T = TypeVar("T")
A = TypeVar("A")


def _serve(
    conn: Connection, initializer: Callable[..., object], initargs: tuple[object, ...]
) -> None:
    """The worker process: ``initializer(*initargs)``, then each ``(fn, arg)`` received is
    answered with ``(True, fn(arg))`` or ``(False, exception)``, until ``None`` or EOF.

    If the initializer raises, the process exits and its calls fail as a dead worker's.
    Ctrl-C in a terminal reaches the whole process group: the worker ignores it, since
    sladd stops its workers itself (and a worker whose pipe closes stops on its own).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    initializer(*initargs)
    while True:
        try:
            call = conn.recv()
        except EOFError:  # sladd is gone
            return
        if call is None:
            return
        fn, arg = call
        try:
            answer: tuple[bool, object] = (True, fn(arg))
        except BaseException as exc:  # handed to the caller, as an executor does
            answer = (False, exc)
        try:
            conn.send(answer)
        except Exception as exc:  # the result or exception would not pickle
            conn.send(
                (False, RuntimeError(f"a worker's answer could not be sent: {type(exc).__name__}"))
            )


class _Worker:
    """One worker process, its pipe, the call it is running and the calls queued for it."""

    def __init__(
        self,
        context: SpawnContext,
        initializer: Callable[..., object],
        initargs: tuple[object, ...],
        number: int,
    ) -> None:
        self.conn, child_end = context.Pipe()
        self.process = context.Process(
            target=_serve,
            args=(child_end, initializer, initargs),
            name=f"sladd-detection-{number}",
            daemon=True,  # never outlives sladd
        )
        self.process.start()
        child_end.close()
        self._lock = threading.Lock()
        self._running: Future[Any] | None = None
        self._queue: deque[tuple[bytes, Future[Any]]] = deque()
        self.broken = False
        self._closing = False
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._write_lock = threading.Lock()  # one writer at a time; the pipe closes under it
        self._reader = threading.Thread(
            target=self._read, name=f"sladd-detection-reader-{number}", daemon=True
        )
        self._reader.start()
        threading.Thread(
            target=self._write, name=f"sladd-detection-writer-{number}", daemon=True
        ).start()

    def load(self) -> int:
        """Calls running or queued here."""
        with self._lock:
            return len(self._queue) + (self._running is not None)

    def submit(self, fn: Callable[[A], T], arg: A) -> Future[T]:
        """Run ``fn(arg)`` here: sent now if idle (see :meth:`_start`), else queued."""
        payload = bytes(ForkingPickler.dumps((fn, arg)))  # a pickling error raises here
        future: Future[T] = Future()
        with self._lock:
            if self._closing:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if self.broken:
                raise BrokenProcessPool("a detection worker has died")
            if self._running is None:
                self._start(payload, future)
            else:
                self._queue.append((payload, future))
        return future

    def _start(self, payload: bytes, future: Future[Any]) -> None:
        """Send one call (the lock is held and nothing is running)."""
        future.set_running_or_notify_cancel()
        self._running = future
        if len(payload) > DIRECT_BYTES:
            self._outbox.put(payload)
        else:
            self._send(payload)

    def _send(self, payload: bytes) -> None:
        """Write one message, unless the pipe is closed; if the worker is gone, its reader
        fails the call."""
        with self._write_lock, contextlib.suppress(OSError):
            if not self.conn.closed:
                self.conn.send_bytes(payload)

    def _write(self) -> None:
        """Write the big calls, one at a time (see module docstring); ``None`` (the worker
        is gone or stopped) closes the pipe and ends it."""
        while (payload := self._outbox.get()) is not None:
            self._send(payload)
        with self._write_lock:
            self.conn.close()

    def _read(self) -> None:
        """Hand each answer to its call's future; fail every call once the worker is gone."""
        while True:
            ready = wait([self.conn, self.process.sentinel])
            if self.conn not in ready:
                break
            try:
                ok, value = self.conn.recv()
            except (EOFError, OSError):
                break
            self._answer(ok, value)
        self._fail_all()
        self.process.join(timeout=_REAP_SECONDS)  # reap it (a killed worker is not joined)

    def _answer(self, ok: bool, value: object) -> None:
        with self._lock:
            future, self._running = self._running, None
            while self._queue and self._running is None:
                payload, queued = self._queue.popleft()
                if not queued.cancelled():
                    self._start(payload, queued)
            if self._closing and self._running is None:
                self._say_goodbye()
        if future is not None:
            if ok:
                future.set_result(value)
            else:
                future.set_exception(cast(BaseException, value))

    def _fail_all(self) -> None:
        with self._lock:
            self.broken = not self._closing  # a worker told to stop did not break
            waiting = [f for f in (self._running, *(f for _, f in self._queue)) if f is not None]
            self._running = None
            self._queue.clear()
        self._outbox.put(None)  # the writer closes the pipe once it is done with it
        for future in waiting:
            if not future.done():  # a cancelled one is done
                future.set_exception(BrokenProcessPool("a detection worker died or was stopped"))

    def _say_goodbye(self) -> None:
        self._send(_GOODBYE)

    def shutdown(self, wait_for_it: bool, cancel_futures: bool) -> None:
        """Let the worker finish what it runs (and, unless cancelled, what is queued), then
        exit; with ``wait_for_it``, return once it has."""
        with self._lock:
            self._closing = True
            if cancel_futures:
                for _, future in self._queue:
                    future.cancel()
                self._queue.clear()
            if self._running is None and not self._queue:
                self._say_goodbye()
        if wait_for_it:
            self.process.join()
            self._reader.join()


class WorkerSet:
    """``size`` worker processes started with ``initializer(*initargs)``."""

    def __init__(
        self, size: int, initializer: Callable[..., object], initargs: tuple[object, ...]
    ) -> None:
        if size < 1:
            raise ValueError(f"a worker set needs at least one worker, not {size}")
        context = multiprocessing.get_context("spawn")  # no event-loop state inherited
        self._workers = [_Worker(context, initializer, initargs, n) for n in range(size)]
        self._lock = threading.Lock()

    def submit(self, fn: Callable[[A], T], arg: A) -> Future[T]:
        """Run ``fn(arg)`` on the worker with the least work queued."""
        with self._lock:
            worker = min(self._workers, key=_Worker.load)
            return worker.submit(fn, arg)

    def submit_to_each(self, fn: Callable[[A], T], arg: A) -> list[Future[T]]:
        """Run ``fn(arg)`` once on every worker (loading each one's models, for instance)."""
        with self._lock:
            return [worker.submit(fn, arg) for worker in self._workers]

    def processes(self) -> list[BaseProcess]:
        """The worker processes that have not exited."""
        return [w.process for w in self._workers if w.process.exitcode is None]

    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        return [p.pid for p in self.processes() if p.pid is not None]

    def has_queued_work(self) -> bool:
        """Some submitted call has not finished yet."""
        return any(worker.load() for worker in self._workers)

    def is_broken(self) -> bool:
        """A worker died and its reader has noticed."""
        return any(worker.broken for worker in self._workers)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop every worker (see ``Executor.shutdown``)."""
        for worker in self._workers:
            worker.shutdown(wait, cancel_futures)
