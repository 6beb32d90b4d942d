"""Detection in worker processes, so one request and many requests use every core.

Each worker loads its own recognizers and NER model once (at start, ``spawn`` context, so no
event-loop state is inherited). A batch is cut into units of work — the rule-based pass over
each text, and each sentence the NER model must read (with a little context around it) —
and the units are spread over the workers by estimated cost, so even a single long message
is detected on all cores at once. A batch of many small texts (an embeddings request, a long
history seen for the first time) is spread as whole texts instead: each worker finds the
sentences its texts need the model for itself, so this process does not do it for all of them
while the workers wait (measured on the benchmark corpus: ~8 % less time per batch). So does
every request that arrives while the workers already have work queued (concurrent requests):
cutting it up would not finish it sooner, and would cost each worker the model's fixed cost
per call and a hand-off more (``bench.py``, alternating runs: c=16 p50 87-103 -> 70-75 ms).
A cut-up message is balanced by the cost of a model piece relative to the rule pass, which
the pool learns from the timings its workers report (:mod:`proxy.scrub.unit_costs`).

If a worker dies or hangs, that call raises :class:`DetectionWorkerError` — the request fails
closed — and the pool is replaced: its worker processes are killed (a hung one would otherwise
run on) and calls still waiting on it fail closed the same way.
"""

from __future__ import annotations

import contextlib
import gc
import heapq
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import CancelledError, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace

from threadpoolctl import threadpool_limits

from proxy.scrub.detect import Detector
from proxy.scrub.findings import Finding
from proxy.scrub.unit_costs import PRIOR_PIECE_COST, UnitCosts, UnitTimes
from proxy.scrub.worker_set import WorkerSet
from proxy.settings import Settings
from recognizers.ner.engine import Piece, ner_spans

RESULT_TIMEOUT_SECONDS = 60.0
CONTEXT_CHARS = 40
WHOLE_TEXTS_SHARE = 4
"""Detect whole texts in one worker when no text is longer than 1/4 of a worker's share of
the batch: then whole texts balance the workers well enough."""
_WORKER_DETECTOR: Detector | None = None


class DetectionWorkerError(RuntimeError):
    """A detection worker crashed or hung; nothing from this call may be forwarded."""


@dataclass
class WorkUnit:
    """What one worker does in one call: rule passes over texts and NER pieces."""

    texts: list[tuple[int, str]] = field(default_factory=list)
    """Texts for the rule pass only."""
    pieces: list[tuple[Piece, int]] = field(default_factory=list)
    """Pieces and the offset of each piece's context in its text."""
    whole: list[tuple[int, str]] = field(default_factory=list)
    """Texts detected entirely here: rule pass, and the model where the prefilter says."""


def _load_in_worker(settings: Settings) -> None:
    from proxy.scrub.factory import build_detector  # noqa: PLC0415 - runs in the worker only

    global _WORKER_DETECTOR  # noqa: PLW0603 - one detector per worker process
    _WORKER_DETECTOR = build_detector(settings)
    # One worker per core: BLAS threads of their own would only fight the other workers.
    # (After loading, so numpy's BLAS is certainly loaded for threadpoolctl to find.)
    threadpool_limits(limits=1, user_api="blas")
    # The loaded model and word lists live as long as the worker: keep them out of the
    # garbage collector's full passes, which otherwise stall a request now and then (~80 ms).
    gc.collect()  # start-up garbage first, so none of it is frozen for good
    gc.freeze()


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
        found += zip(indices, detector.detect_many(texts), strict=True)
    pieces = [piece for piece, _ in unit.pieces]
    modelled = time.perf_counter()
    for (piece, shift), findings in zip(unit.pieces, detector.ner_pieces(pieces), strict=True):
        moved = [replace(f, start=f.start + shift, end=f.end + shift) for f in findings]
        found.append((piece.index, moved))
    times = UnitTimes(
        rule_chars=sum(len(text) for _, text in unit.texts),
        rule_seconds=ruled - started,
        piece_chars=sum(piece.end - piece.start for piece in pieces),
        piece_seconds=time.perf_counter() - modelled,
    )
    return found, times


def _piece(index: int, text: str, start: int, end: int) -> tuple[Piece, int]:
    left, right = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    return Piece(index, text[left:right], start - left, end - left), left


@dataclass(frozen=True, slots=True)
class _Job:
    cost: float
    text: tuple[int, str] | None = None
    piece: tuple[Piece, int] | None = None
    whole: tuple[int, str] | None = None


def _whole_texts_balance(texts: Sequence[str], workers: int) -> bool:
    share = sum(map(len, texts)) / workers
    return max(map(len, texts), default=0) * WHOLE_TEXTS_SHARE <= share


def _jobs(
    texts: Sequence[str], workers: int, with_ner: bool, busy: bool, piece_cost: float
) -> list[_Job]:
    if busy or _whole_texts_balance(texts, workers):
        return [_Job(float(len(text)), whole=(index, text)) for index, text in enumerate(texts)]
    jobs: list[_Job] = []
    for index, text in enumerate(texts):
        jobs.append(_Job(float(len(text)), text=(index, text)))
        for start, end in ner_spans(text) if with_ner else []:
            jobs.append(_Job((end - start) * piece_cost, piece=_piece(index, text, start, end)))
    return jobs


def plan(
    texts: Sequence[str],
    workers: int,
    with_ner: bool,
    busy: bool = False,
    piece_cost: float = PRIOR_PIECE_COST,
) -> list[WorkUnit]:
    """Spread the work over ``workers`` units by estimated cost: whole texts when they
    balance or when the workers are ``busy`` (see module docstring), else rule passes and
    NER pieces, a piece costing ``piece_cost`` per character where a text's rule pass costs
    1 (see :mod:`proxy.scrub.unit_costs`)."""
    units = [WorkUnit() for _ in range(workers)]
    heap = [(0.0, n) for n in range(workers)]
    jobs = _jobs(texts, workers, with_ner, busy, piece_cost)
    for job in sorted(jobs, key=lambda j: -j.cost):
        load, n = heapq.heappop(heap)
        unit = units[n]
        if job.piece is not None:
            unit.pieces.append(job.piece)
        elif job.text is not None:
            unit.texts.append(job.text)
        elif job.whole is not None:
            unit.whole.append(job.whole)
        heapq.heappush(heap, (load + job.cost, n))
    return [unit for unit in units if unit.texts or unit.pieces or unit.whole]


class DetectionPool:
    """A process pool with one detector per worker; see module docstring."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self._settings = settings
        self.workers = workers
        self._with_ner = settings.detection.ner
        self._lock = threading.Lock()
        self._executor = self._start()
        self.costs = UnitCosts()
        """The piece cost the plan uses, learned from the units the workers report."""

    def _start(self) -> WorkerSet:
        return WorkerSet(self.workers, _load_in_worker, (self._settings,))

    def warm_up(self) -> None:
        """Load the models in every worker now rather than on the first request."""
        self._run(lambda workers: workers.submit_to_each(_work_in_worker, WorkUnit([(0, "Kari")])))

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Findings per text, in input order; raises :class:`DetectionWorkerError`."""
        per_text: list[list[Finding]] = [[] for _ in texts]
        with self._lock:
            busy = self._executor.has_queued_work()
        units = plan(texts, self.workers, self._with_ner, busy, self.costs.piece_cost())
        for found, times in self._run(
            lambda workers: [workers.submit(_work_in_worker, unit) for unit in units]
        ):
            self.costs.observe(times)
            for index, findings in found:
                per_text[index].extend(findings)
        return per_text

    def _run(
        self, submit: Callable[[WorkerSet], list[Future[tuple[_Found, UnitTimes]]]]
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
            done = [future.result(timeout=RESULT_TIMEOUT_SECONDS) for future in futures]
        except (BrokenProcessPool, TimeoutError) as exc:
            self._replace(executor)
            raise _failed(exc) from exc
        except CancelledError as exc:  # another call replaced this pool, cancelling its queue
            raise _cut_off(exc) from exc
        return done

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


def _failed(exc: BaseException) -> DetectionWorkerError:
    return DetectionWorkerError(
        f"a detection worker failed ({type(exc).__name__}); the pool was restarted"
    )


def _cut_off(exc: BaseException) -> DetectionWorkerError:
    return DetectionWorkerError(
        f"detection was cut off ({type(exc).__name__}): the worker pool was restarted or closed"
    )
