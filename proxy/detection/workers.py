"""Detection in worker processes, so one request and many requests use every core.

Each worker loads its own recognizers and NER model once (at start, ``spawn`` context, so no
event-loop state is inherited). A batch is cut into units of work
(:mod:`proxy.detection.work_plan`) — the rule-based pass over each text, and the stretches the
NER model must read (with a little context around them) — and the units are spread over the
workers, so even a single long message is detected on all cores at once. A batch of many small
texts (an embeddings request, a long history seen for the first time) is spread as whole texts
instead: each worker finds the sentences its texts need the model for itself, so this process
does not do it for all of them while the workers wait. So does every request that arrives while
the workers already have work queued (concurrent requests): cutting it up would not finish it
sooner, and would cost each worker the model's fixed cost per call and a hand-off more (the
README's figures for concurrency 16). A cut-up message is balanced by the cost of a model piece
relative to the rule pass, which the pool learns from the timings its workers report
(:mod:`proxy.detection.unit_costs`). A big batch is cut into many bounded units, and each
call's units go to the workers under a lane of their own, so requests take turns
(:mod:`proxy.detection.worker_set`).

A call made within a scrub budget (:mod:`proxy.detection.budget`) raises
:class:`~proxy.detection.budget.DetectionTimeoutError` once the budget is spent, and gives up
its lane: queued units are cancelled, a worker running its long unit is killed and replaced.

If a worker dies or hangs, that call raises :class:`DetectionWorkerError` — the request fails
closed — and the pool is replaced: its worker processes are killed (a hung one would otherwise
run on) and calls still waiting on it fail closed the same way.
"""

from __future__ import annotations

import contextlib
import gc
import queue
import threading
import time
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import CancelledError, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import TypeVar

from threadpoolctl import threadpool_limits

from proxy.detection.budget import BUDGET, Budget
from proxy.detection.detector import Detector
from proxy.detection.findings import Finding
from proxy.detection.unit_costs import UnitCosts, UnitTimes
from proxy.detection.views import detect_on_views
from proxy.detection.work_plan import WorkUnit, plan, segment_pieces
from proxy.detection.worker_set import WorkerSet

RESULT_TIMEOUT_SECONDS = 60.0
"""A call's units must make progress (one of them finish) at least this often, or the
workers are taken to be hung."""
_WORKER_DETECTOR: Detector | None = None


class DetectionWorkerError(RuntimeError):
    """A detection worker crashed or hung; nothing from this call may be forwarded."""


def _load_in_worker(load: Callable[[], Detector]) -> None:
    global _WORKER_DETECTOR  # noqa: PLW0603 - one detector per worker process
    _WORKER_DETECTOR = load()
    # One worker per core: BLAS threads of their own would only fight the other workers.
    # (After loading, so numpy's BLAS is certainly loaded for threadpoolctl to find.)
    threadpool_limits(limits=1, user_api="blas")
    # The loaded model and word lists live as long as the worker: keep them out of the
    # garbage collector's full passes, which otherwise stall a request now and then (~80 ms).
    gc.collect()  # start-up garbage first, so none of it is frozen for good
    gc.freeze()


T = TypeVar("T")
_Found = list[tuple[int, list[Finding]]]
"""Findings per text index (rule passes) or per piece's text index (NER)."""


def _work_in_worker(unit: WorkUnit) -> tuple[_Found, UnitTimes]:
    detector = _WORKER_DETECTOR
    assert detector is not None, "worker initializer did not run"
    started = time.perf_counter()
    found = [(index, detector.rules(text)) for index, text in unit.texts]
    ruled = time.perf_counter()
    if unit.whole:
        indices, texts = zip(*unit.whole, strict=True)
        found += zip(indices, detector.detect_plain(texts), strict=True)
    shifted = [*unit.pieces, *(p for s in unit.segments for p in segment_pieces(s))]
    pieces = [piece for piece, _ in shifted]
    modelled = time.perf_counter()
    for (piece, shift), findings in zip(shifted, detector.ner_pieces(pieces), strict=True):
        moved = [replace(f, start=f.start + shift, end=f.end + shift) for f in findings]
        found.append((piece.index, moved))
    times = UnitTimes(
        rule_chars=sum(len(text) for _, text in unit.texts),
        rule_seconds=ruled - started,
        piece_chars=sum(piece.end - piece.start for piece in pieces),
        piece_seconds=time.perf_counter() - modelled,
    )
    return found, times


class DetectionPool:
    """A process pool with one detector per worker; see module docstring."""

    def __init__(self, load: Callable[[], Detector], workers: int, *, with_ner: bool) -> None:
        """``load`` builds a worker's detector in the worker; it is pickled to reach it
        (a ``functools.partial`` of a module-level function)."""
        self._load = load
        self.workers = workers
        self._with_ner = with_ner
        self._lock = threading.Lock()
        self._executor = self._start()
        self.costs = UnitCosts()
        """The piece cost the plan uses, learned from the units the workers report."""

    def _start(self) -> WorkerSet:
        return WorkerSet(self.workers, _load_in_worker, (self._load,))

    def warm_up(self) -> None:
        """Load the models in every worker now rather than on the first request."""
        self._run(lambda workers: workers.submit_to_each(_work_in_worker, WorkUnit([(0, "Kari")])))

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Findings per text, in input order; raises :class:`DetectionWorkerError`, or
        :class:`~proxy.detection.budget.DetectionTimeoutError` when this context's budget runs out.
        Texts are read through their normalised views (:mod:`proxy.detection.views`)."""
        return detect_on_views(texts, self._detect_plain)

    def _detect_plain(self, texts: Sequence[str]) -> list[list[Finding]]:
        per_text: list[list[Finding]] = [[] for _ in texts]
        with self._lock:
            busy = self._executor.has_queued_work()
        units = plan(texts, self.workers, self._with_ner, busy, self.costs.piece_cost())
        lane = object()  # this call's units take turns with other calls' (see worker_set)
        for found, times in self._run(lambda workers: _submit(workers, units, lane), lane):
            self.costs.observe(times)
            for index, findings in found:
                per_text[index].extend(findings)
        return per_text

    def _run(
        self,
        submit: Callable[[WorkerSet], list[Future[tuple[_Found, UnitTimes]]]],
        lane: Hashable = None,
    ) -> list[tuple[_Found, UnitTimes]]:
        """Submit work to the current workers and gather it; on a dead or hung worker the
        pool is replaced (see module docstring) and the call fails closed."""
        with self._lock:
            executor = self._executor
        try:
            futures = submit(executor)
        except BrokenProcessPool as exc:
            self._replace(executor)
            raise _failed(exc) from exc
        except RuntimeError as exc:  # submit() after shutdown: the pool was replaced or closed
            raise _cut_off(exc) from exc
        try:
            return _gather(futures, BUDGET.get())
        except (BrokenProcessPool, TimeoutError) as exc:
            self._replace(executor)
            raise _failed(exc) from exc
        except CancelledError as exc:  # another call replaced this pool, cancelling its queue
            raise _cut_off(exc) from exc
        except BaseException:  # out of time, or a unit raised: the rest is not wanted
            executor.abandon(lane)
            raise

    def _replace(self, broken: WorkerSet) -> None:
        """Swap in a new pool for ``broken``, unless another call has already done so."""
        with self._lock:
            if self._executor is not broken:
                return
            self._executor = self._start()
        processes = broken.processes()
        broken.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(OSError, ValueError):  # already gone
                process.kill()  # a hung worker ignores shutdown; SIGKILL cannot be ignored

    def close(self) -> None:
        """Stop the workers."""
        with self._lock:
            self._executor.shutdown(wait=True, cancel_futures=True)


def _submit(
    workers: WorkerSet, units: list[WorkUnit], lane: Hashable
) -> list[Future[tuple[_Found, UnitTimes]]]:
    """Submit the units under ``lane``; a long unit costs its lane nothing (the worker set
    limits long units apart), the others their characters."""
    return [
        workers.submit(_work_in_worker, unit, lane, unit.long, 0 if unit.long else unit.cost)
        for unit in units
    ]


def _gather(futures: list[Future[T]], budget: Budget | None) -> list[T]:
    """Every result, in order, once all are in; :class:`TimeoutError` when none has come in
    for :data:`RESULT_TIMEOUT_SECONDS`, and ``budget``'s error once it is spent. Raises what
    a unit raised, or ``CancelledError`` for a unit cancelled by a pool replacement."""
    finished: queue.SimpleQueue[Future[T]] = queue.SimpleQueue()
    for future in futures:
        future.add_done_callback(finished.put)  # called on cancel() too
    for _ in futures:
        left = RESULT_TIMEOUT_SECONDS if budget is None else budget.remaining()
        try:
            finished.get(timeout=max(0.0, min(left, RESULT_TIMEOUT_SECONDS))).result()
        except queue.Empty:
            if budget is not None and budget.remaining() <= 0:
                raise budget.exceeded() from None
            message = f"no detection unit finished in {RESULT_TIMEOUT_SECONDS:g} s"
            raise TimeoutError(message) from None
    return [future.result() for future in futures]


def _failed(exc: BaseException) -> DetectionWorkerError:
    return DetectionWorkerError(
        f"a detection worker failed ({type(exc).__name__}); the pool was restarted"
    )


def _cut_off(exc: BaseException) -> DetectionWorkerError:
    return DetectionWorkerError(
        f"detection was cut off ({type(exc).__name__}): the worker pool was restarted or closed"
    )
