"""One detection worker process at the end of its own pipe, and the calls sent to it.

:class:`~proxy.detection.worker_set.WorkerSet` decides which call a worker runs and when (see
its docstring); this module owns the process, the pipe and the two threads that use it: the
reader, the only thread that reads the pipe, and the writer, which writes the calls too big
to be written by the thread that sends them.
"""

from __future__ import annotations

import contextlib
import queue
import signal
import threading
from collections import deque
from collections.abc import Callable, Hashable
from concurrent.futures import Future, InvalidStateError
from multiprocessing.connection import Connection, wait
from multiprocessing.context import SpawnContext
from multiprocessing.reduction import ForkingPickler
from typing import Any, Protocol, cast

_GOODBYE = bytes(ForkingPickler.dumps(None))
"""What tells a worker to exit (``None``)."""
_REAP_SECONDS = 10.0
"""How long a worker's reader waits for the process to exit once its pipe has closed."""


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


class Call:
    """One pickled ``(fn, arg)``, its future, its lane, whether it is a long call, and what
    it costs its lane's turn (see :mod:`proxy.detection.worker_set`)."""

    __slots__ = ("cost", "future", "lane", "long", "payload")

    def __init__(
        self,
        payload: bytes,
        future: Future[Any],
        lane: Hashable = None,
        long: bool = False,
        cost: int = 0,
    ) -> None:
        self.payload = payload
        self.future = future
        self.lane = lane
        self.long = long
        self.cost = cost

    def resolve(self, ok: bool, value: object) -> None:
        """Hand the worker's answer to the future."""
        if ok:
            self.future.set_result(value)
        else:
            self.future.set_exception(cast(BaseException, value))

    def cancel(self) -> None:
        """Cancel the queued call, waking anyone waiting on it (``concurrent.futures.wait``
        is woken by the notification, not by ``cancel`` alone)."""
        if self.future.cancel():
            self.future.set_running_or_notify_cancel()

    def fail(self, error: BaseException) -> None:
        """Fail the future, unless it is done already (a cancelled one is)."""
        with contextlib.suppress(InvalidStateError):  # done, or cancelled meanwhile
            self.future.set_exception(error)


class Owner(Protocol):
    """What a worker's reader reports to (the worker set)."""

    def answered(self, worker: Worker, ok: bool, value: object) -> None:
        """The call ``worker`` ran returned (or raised) ``value``."""
        ...  # pragma: no cover

    def gone(self, worker: Worker) -> None:
        """``worker``'s process has exited."""
        ...  # pragma: no cover


class Worker:
    """A worker process, its pipe, its reader and writer threads, and the set's bookkeeping
    about it (``running``, ``pinned``, ``retired``), which the set guards with its lock."""

    def __init__(
        self,
        context: SpawnContext,
        start: tuple[Callable[..., object], tuple[object, ...]],
        number: int,
        owner: Owner,
    ) -> None:
        """Start the process: ``initializer(*initargs)`` from ``start``, then calls."""
        self.number = number
        self.running: Call | None = None
        self.pinned: deque[Call] = deque()
        """Calls for this worker only (``submit_to_each``), run before any lane's."""
        self.retired = False
        """Killed on purpose (its call was abandoned): it gets no more calls."""
        self._said_goodbye = False
        self._owner = owner
        self.conn, child_end = context.Pipe()
        self.process = context.Process(
            target=_serve,
            args=(child_end, *start),
            name=f"sladd-detection-{number}",
            daemon=True,  # never outlives sladd
        )
        self.process.start()
        child_end.close()
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._write_lock = threading.Lock()  # one writer at a time; the pipe closes under it
        self._reader = threading.Thread(
            target=self._read, name=f"sladd-detection-reader-{number}", daemon=True
        )
        self._reader.start()
        threading.Thread(
            target=self._write, name=f"sladd-detection-writer-{number}", daemon=True
        ).start()

    @property
    def open(self) -> bool:
        """May be given calls: not retired and not told to exit."""
        return not self.retired and not self._said_goodbye

    def running_long_of(self, lane: Hashable) -> bool:
        """Runs a long call of ``lane``."""
        return self.running is not None and self.running.long and self.running.lane == lane

    def send(self, payload: bytes, direct: bool) -> None:
        """Write one call: here and now (``direct``, small enough never to wait on an idle
        worker's pipe), else through the writer thread."""
        if direct:
            self._send(payload)
        else:
            self._outbox.put(payload)

    def say_goodbye(self) -> None:
        """Tell the idle worker to exit."""
        self._said_goodbye = True
        self._send(_GOODBYE)

    def kill(self) -> None:
        """SIGKILL the process (a busy or hung worker ignores anything gentler)."""
        with contextlib.suppress(OSError, ValueError):  # already gone
            self.process.kill()

    def join(self) -> None:
        """Wait until the process has exited and the reader has noticed."""
        self.process.join()
        self._reader.join()

    def _send(self, payload: bytes) -> None:
        """Write one message, unless the pipe is closed; if the worker is gone, its reader
        fails the call."""
        with self._write_lock, contextlib.suppress(OSError):
            if not self.conn.closed:
                self.conn.send_bytes(payload)

    def _write(self) -> None:
        """Write the big calls, one at a time; ``None`` (the worker is gone) closes the pipe
        and ends it."""
        while (payload := self._outbox.get()) is not None:
            self._send(payload)
        with self._write_lock:
            self.conn.close()

    def _read(self) -> None:
        """Report each answer, then the worker's exit, to the set."""
        while True:
            ready = wait([self.conn, self.process.sentinel])
            if self.conn not in ready:
                break
            try:
                ok, value = self.conn.recv()
            except (EOFError, OSError):
                break
            self._owner.answered(self, ok, value)
        self._outbox.put(None)  # the writer closes the pipe once it is done with it
        self._owner.gone(self)
        self.process.join(timeout=_REAP_SECONDS)  # reap it (a killed worker is not joined)
