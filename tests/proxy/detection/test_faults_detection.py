"""Detection workers that die: the request they were scanning fails closed, sladd recovers.

Each test names the protection it checks and fails if that protection is removed.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Awaitable, Callable, Coroutine, Iterator

import aiohttp
import pytest

from proxy.detection.cache import CachedDetector
from proxy.detection.workers import DetectionPool
from proxy.settings import Settings
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import loaded_pool, routed_settings
from tests.proxy.faults import CHAT_PATH, chat, eventually, serving
from tests.proxy.patient import PROMPT


@pytest.fixture
def rules_only(rules_only_settings: Settings, upstream: FakeUpstream) -> Settings:
    return routed_settings(rules_only_settings, upstream)


@pytest.fixture
def pool(rules_only: Settings) -> Iterator[DetectionPool]:
    """Two loaded detection workers, as ``build_detection`` starts them."""
    with loaded_pool(rules_only, 2) as workers:
        yield workers


Reply = tuple[int, dict[str, object]]
Send = Callable[[], Coroutine[None, None, Reply]]


def signal_workers(pool: DetectionPool, signum: signal.Signals) -> None:
    for pid in pool._executor.pids():
        os.kill(pid, signum)


async def crash_in_flight(pool: DetectionPool, send: Send) -> Reply:
    """The workers freeze, the request's detection is queued, then the workers die."""
    signal_workers(pool, signal.SIGSTOP)
    request = asyncio.create_task(send())
    assert await eventually(pool._executor.has_queued_work, 10.0)
    signal_workers(pool, signal.SIGKILL)
    return await request


async def crash_while_idle(pool: DetectionPool, send: Send) -> Reply:
    """The workers die between requests; the pool has noticed before the next one."""
    signal_workers(pool, signal.SIGKILL)
    assert await eventually(pool._executor.is_broken, 10.0)
    return await send()


async def crash_then_two_requests(
    pool: DetectionPool,
    settings: Settings,
    upstream: FakeUpstream,
    crash: Callable[[DetectionPool, Send], Awaitable[Reply]],
) -> tuple[Reply, int, Reply]:
    """The reply to the request hit by the crash, how many requests reached the upstream
    by then, and the reply to the request after it."""
    detection = CachedDetector(pool, settings.detection.cache_entries)
    async with serving(settings, detection) as url, aiohttp.ClientSession() as http:

        async def send() -> Reply:
            async with http.post(f"{url}{CHAT_PATH}", json=chat(False)) as response:
                reply: dict[str, object] = await response.json()
                return response.status, reply

        hit = await crash(pool, send)
        forwarded = len(upstream.requests)
        return hit, forwarded, await send()


def assert_failed_closed(reply: Reply, forwarded: int) -> None:
    assert reply[0] == 500
    assert reply[1]["error"]["type"] == "sladd_scrub_failed"  # type: ignore[index]
    assert forwarded == 0


def assert_served_scrubbed(reply: Reply, upstream: FakeUpstream) -> None:
    assert reply[0] == 200, reply
    assert reply[1]["choices"][0]["message"]["content"] == PROMPT  # type: ignore[index]
    assert all("13097210181" not in r.body.decode() for r in upstream.requests)


@pytest.mark.timeout(240)
async def test_detection_worker_dying_mid_request_fails_closed_and_the_next_succeeds(
    pool: DetectionPool, rules_only: Settings, upstream: FakeUpstream
) -> None:
    """Protection: a detection worker dying during a request fails that request with ``500
    sladd_scrub_failed`` and forwards nothing; the pool is replaced, so the next request is
    scrubbed and served. Fails if a detection failure let the request through, or if the
    pool were not replaced (the next request would fail too)."""
    hit, forwarded, after = await crash_then_two_requests(
        pool, rules_only, upstream, crash_in_flight
    )
    assert_failed_closed(hit, forwarded)
    assert_served_scrubbed(after, upstream)


@pytest.mark.timeout(240)
async def test_detection_workers_dying_between_requests_never_leave_sladd_broken(
    pool: DetectionPool, rules_only: Settings, upstream: FakeUpstream
) -> None:
    """Workers die while idle (OOM killer, a segfault) and the executor has noticed before the
    next request: that request either fails closed (500, nothing forwarded) or is detected on
    a fresh pool; the one after it is served. Fails if ``submit`` on the broken executor
    escapes the pool's recovery (every later request would be a 500 until restart)."""
    hit, forwarded, after = await crash_then_two_requests(
        pool, rules_only, upstream, crash_while_idle
    )
    if hit[0] != 200:
        assert_failed_closed(hit, forwarded)
    assert_served_scrubbed(after, upstream)
