"""The scrub budget: what runs out of it is cancelled and becomes a 503 error; everything
else passes through as it was; detection threads see the deadline."""

from __future__ import annotations

import asyncio
import time

import pytest

from proxy.detection.budget import (
    BUDGET,
    Budget,
    DetectionTimeoutError,
    check_budget,
    within_budget,
)
from proxy.detection.detector import Detector
from proxy.support.errors import SladdError
from recognizers.registry import build_recognizers


async def test_work_that_runs_out_of_time_is_cancelled_and_refused() -> None:
    cancelled = asyncio.Event()

    async def slow() -> None:
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    with pytest.raises(DetectionTimeoutError) as refused:
        await within_budget(0.05, slow())
    assert cancelled.is_set()
    assert (refused.value.status, refused.value.type) == (503, "sladd_detection_timeout")
    assert "detection.max_seconds (0.05 s)" in refused.value.message
    assert BUDGET.get() is None  # reset afterwards


async def test_errors_and_results_pass_through() -> None:
    async def refuse() -> None:
        raise SladdError(400, "sladd_invalid_request", "no")  # frozen: nothing may touch it

    async def inner_timeout() -> None:
        raise TimeoutError("the vault did not answer")

    async def answer() -> int:
        return 42

    with pytest.raises(SladdError, match="no"):
        await within_budget(60, refuse())
    with pytest.raises(TimeoutError, match="vault"):
        await within_budget(60, inner_timeout())
    assert await within_budget(60, answer()) == 42


async def test_a_detection_thread_sees_the_budget() -> None:
    def in_thread() -> float | None:
        budget = BUDGET.get()
        check_budget()  # not spent yet
        return None if budget is None else budget.seconds

    assert await within_budget(30, asyncio.to_thread(in_thread)) == 30
    assert await asyncio.to_thread(in_thread) is None  # no budget outside


def test_in_process_detection_stops_once_the_budget_is_spent() -> None:
    detector = Detector(build_recognizers())
    token = BUDGET.set(Budget(0.5, time.monotonic() - 1.0))  # as in a thread that overran
    try:
        with pytest.raises(DetectionTimeoutError):
            detector.detect("ring meg på 912 34 567")
    finally:
        BUDGET.reset(token)
    assert detector.detect("ring meg på 912 34 567")  # no budget, no limit
