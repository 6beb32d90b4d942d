"""sladd on 127.0.0.1:0 with the ``/readyz`` time limit a test chooses, and polling."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from aiohttp.test_utils import TestServer

from proxy.audit.writer import AuditLog
from proxy.detection.cache import DetectsMany
from proxy.http.app import create_app
from proxy.http.readiness import READINESS, Readiness
from proxy.settings import Settings
from proxy.vault.base import Vault
from tests.proxy.conftest import scrubber_for

GENEROUS_SECONDS = 60.0
"""A probe limit no loaded CI machine reaches, for tests that expect 'ready'."""


@asynccontextmanager
async def serving(
    settings: Settings,
    detector: DetectsMany,
    vault: Vault | None = None,
    *,
    probe_seconds: float = GENEROUS_SECONDS,
    audit: AuditLog | None = None,
) -> AsyncIterator[str]:
    """A started sladd (default vault: a fresh in-memory one); yields its base URL."""
    scrubber = scrubber_for(settings, detector, vault)
    app = create_app(settings, scrubber, audit)
    app[READINESS] = Readiness(scrubber, probe_seconds)
    server = TestServer(app, host="127.0.0.1", port=0)
    await server.start_server()
    try:
        yield str(server.make_url("")).rstrip("/")
    finally:
        await server.close()


async def eventually(check: Callable[[], Awaitable[bool]], seconds: float) -> bool:
    """Whether ``check`` comes true within ``seconds`` (polled; a bound, not a speed test)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while loop.time() < deadline:
        if await check():
            return True
        await asyncio.sleep(0.05)
    return await check()
