"""Detection in worker processes, so a machine with several cores detects in parallel.

Each worker loads its own recognizers and NER model once (at start, ``spawn`` context, so no
event-loop state is inherited). A batch of texts is split into contiguous chunks of similar
size, one per worker. If a worker dies, that call raises :class:`DetectionWorkerError` — the
request fails closed — and the pool is replaced so the next request works.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from proxy.scrub.detect import Detector
from proxy.scrub.findings import Finding
from proxy.settings import Settings

RESULT_TIMEOUT_SECONDS = 60.0
_WORKER_DETECTOR: Detector | None = None


class DetectionWorkerError(RuntimeError):
    """A detection worker crashed or hung; nothing from this call may be forwarded."""


def _load_in_worker(settings: Settings) -> None:
    from proxy.scrub.factory import build_detector  # noqa: PLC0415 - runs in the worker only

    global _WORKER_DETECTOR  # noqa: PLW0603 - one detector per worker process
    _WORKER_DETECTOR = build_detector(settings)


def _detect_in_worker(texts: list[str]) -> list[list[Finding]]:
    assert _WORKER_DETECTOR is not None, "worker initializer did not run"
    return _WORKER_DETECTOR.detect_many(texts)


def split_evenly(texts: Sequence[str], parts: int) -> list[list[str]]:
    """Contiguous chunks with about the same number of characters; at most ``parts``."""
    total = sum(len(t) for t in texts) or 1
    chunks: list[list[str]] = [[]]
    filled = 0
    for text in texts:
        if chunks[-1] and filled >= total * len(chunks) / parts and len(chunks) < parts:
            chunks.append([])
        chunks[-1].append(text)
        filled += len(text)
    return chunks


class DetectionPool:
    """A process pool with one detector per worker; see module docstring."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self._settings = settings
        self.workers = workers
        self._lock = threading.Lock()
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_in_worker,
            initargs=(self._settings,),
        )

    def warm_up(self) -> None:
        """Load the models in every worker now rather than on the first request."""
        futures = [self._executor.submit(_detect_in_worker, ["Kari"]) for _ in range(self.workers)]
        self._collect(futures)

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Findings per text, in input order; raises :class:`DetectionWorkerError`."""
        if not texts:
            return []
        with self._lock:
            executor = self._executor
        futures = [executor.submit(_detect_in_worker, c) for c in split_evenly(texts, self.workers)]
        return [findings for chunk in self._collect(futures) for findings in chunk]

    def _collect(self, futures: list[Future[list[list[Finding]]]]) -> list[list[list[Finding]]]:
        try:
            return [future.result(timeout=RESULT_TIMEOUT_SECONDS) for future in futures]
        except (BrokenProcessPool, TimeoutError) as exc:
            self._replace()
            raise DetectionWorkerError(
                f"a detection worker failed ({type(exc).__name__}); the pool was restarted"
            ) from exc

    def _replace(self) -> None:
        with self._lock:
            broken, self._executor = self._executor, self._start()
        broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers."""
        with self._lock:
            self._executor.shutdown(wait=True, cancel_futures=True)
