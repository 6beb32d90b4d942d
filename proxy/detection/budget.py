"""The time budget of one request's scrub (``detection.max_seconds``).

``app.py`` runs a request's whole scrub — detection, policy, pseudonyms — through
:func:`within_budget`. When the time is up the scrub is cancelled and :class:`DetectionTimeoutError`
(503 ``sladd_detection_timeout``, in the provider's error shape) is raised in its place:
nothing is forwarded.

Detection runs in a thread of the event loop's pool (``asyncio.to_thread``, which copies the
context, so the thread sees :data:`BUDGET`) and from there in the worker processes. The
worker pool stops waiting when the deadline passes and gives up the request's work: its
queued units are cancelled, and a worker still running one of its long units is killed and
replaced (:mod:`proxy.detection.worker_set`), so a request that overran stops occupying the
workers. In-process detection (``detection.workers = 0``) checks the budget between
recognizers and before the model; it cannot stop the model's pass over a text part-way.

Anything that does not set a budget (``sladd scan``, tests) has none.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

from proxy.support.errors import SladdError


class DetectionTimeoutError(SladdError):
    """The scrub of a request took longer than ``detection.max_seconds``; nothing was
    forwarded."""


@dataclass(frozen=True, slots=True)
class Budget:
    """``seconds`` allowed, ending at ``deadline`` (``time.monotonic()``)."""

    seconds: float
    deadline: float

    def remaining(self) -> float:
        """Seconds left (negative once over)."""
        return self.deadline - time.monotonic()

    def exceeded(self) -> DetectionTimeoutError:
        """The error to answer with."""
        return DetectionTimeoutError(
            503,
            "sladd_detection_timeout",
            f"detection of this request took longer than detection.max_seconds "
            f"({self.seconds:g} s); nothing was forwarded",
        )


T = TypeVar("T")
BUDGET: ContextVar[Budget | None] = ContextVar("sladd_scrub_budget", default=None)
"""The budget of the scrub running in this context, if it has one."""


def check_budget() -> None:
    """Raise :class:`DetectionTimeoutError` if this context's budget is spent."""
    budget = BUDGET.get()
    if budget is not None and budget.remaining() <= 0:
        raise budget.exceeded()


async def within_budget(seconds: float, work: Awaitable[T]) -> T:
    """Await ``work`` within ``seconds``, else cancel it and raise
    :class:`DetectionTimeoutError` (see module docstring).

    A function, not an ``asynccontextmanager``: that would set ``__traceback__`` on the
    exceptions passing through it, which a frozen ``SladdError`` refuses."""
    budget = Budget(seconds, time.monotonic() + seconds)
    token = BUDGET.set(budget)
    try:
        async with asyncio.timeout(seconds) as timer:
            return await work
    except TimeoutError as exc:
        if timer.expired():
            raise budget.exceeded() from exc
        raise
    finally:
        BUDGET.reset(token)
