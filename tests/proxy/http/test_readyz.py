"""``GET /readyz``: 200 only while the models and the vault answer; 503 naming what failed.

Real components only: a Redis vault on a ``redis-server`` the test stops and starts again, a
Redis URL whose peer never answers, a real detection worker pool whose models are still
loading, and sladd's forward-proxy front for HTTPS_PROXY mode.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path

import aiohttp
from aiohttp import web

from proxy.detection.cache import CachedDetector
from proxy.detection.detector import Detector
from proxy.detection.findings import Finding
from proxy.detection.workers import DetectionPool
from proxy.forward.intercept import FrontOptions
from proxy.forward.site import ForwardProxySite
from proxy.forward.tls import CertificateAuthority, LeafCache, ensure_ca
from proxy.http.app import create_app
from proxy.http.readiness import PROBE_TEXT, READINESS, Readiness
from proxy.settings import Settings
from proxy.vault.crypto import KeySource, VaultCipher
from proxy.vault.redis_vault import RedisVault
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import routed_settings, scrubber_for
from tests.proxy.forward.raw import close, get, open_proxy, send_connect, trusting
from tests.proxy.http.gated_loader import load_when
from tests.proxy.http.running import GENEROUS_SECONDS, eventually, serving
from tests.proxy.patient import PROMPT
from tests.proxy.vault.conftest import RedisServer

READY = (200, {"status": "ready"})


def not_ready(*reasons: str) -> tuple[int, dict[str, object]]:
    return 503, {"status": "not ready", "reasons": list(reasons)}


async def readiness(http: aiohttp.ClientSession, url: str) -> tuple[int, dict[str, object]]:
    async with http.get(f"{url}/readyz") as response:
        assert response.headers["Content-Type"].startswith("application/json")
        assert response.headers["Cache-Control"] == "no-store"
        return response.status, await response.json()


async def chat_status(http: aiohttp.ClientSession, url: str) -> int:
    body = {"model": "m", "messages": [{"role": "user", "content": PROMPT}]}
    headers = {"Authorization": "Bearer sk-clinic"}
    async with http.post(f"{url}/v1/chat/completions", json=body, headers=headers) as response:
        return response.status


async def test_ready_with_loaded_models_and_a_memory_vault(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    async with serving(routed_settings(base_settings, upstream), detector) as url:
        assert await readiness(http, url) == READY
        async with http.get(f"{url}/healthz") as live:
            assert (live.status, await live.json()) == (200, {"status": "ok"})
    assert upstream.requests == []  # probes never reach a provider


async def test_readyz_follows_a_redis_vault_that_stops_and_comes_back(
    base_settings: Settings,
    detector: Detector,
    upstream: FakeUpstream,
    tmp_path: Path,
    http: aiohttp.ClientSession,
) -> None:
    (tmp_path / "redis").mkdir()
    redis = RedisServer(tmp_path / "redis")
    redis.start()
    vault = RedisVault(redis.url, VaultCipher(KeySource(tmp_path, {})))
    settings = routed_settings(base_settings, upstream)
    try:
        async with serving(settings, detector, vault) as url:
            assert await readiness(http, url) == READY
            redis.stop()
            async with http.get(f"{url}/readyz") as response:
                text = await response.text()
            assert (response.status, json.loads(text)) == not_ready("vault unavailable")
            assert str(redis.port) not in text and "redis" not in text.lower()
            assert await chat_status(http, url) == 503  # a replica to route around indeed
            async with http.get(f"{url}/healthz") as live:
                assert live.status == 200  # still alive: restarting it would not help

            redis.start()  # same port, empty: the vault's key ring is written again

            async def back() -> bool:
                return await readiness(http, url) == READY

            assert await eventually(back, 30.0)
            assert await chat_status(http, url) == 200
    finally:
        redis.stop()
        await vault.close()


@asynccontextmanager
async def silent_peer() -> AsyncIterator[int]:
    """A TCP server on 127.0.0.1 that accepts and reads, and never answers; its port."""
    writers: list[asyncio.StreamWriter] = []

    async def swallow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.append(writer)
        while await reader.read(4096):
            pass

    server = await asyncio.start_server(swallow, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        for writer in writers:
            writer.close()
        server.close()
        await server.wait_closed()


async def test_a_vault_that_never_answers_is_not_ready_within_the_probe_limit(
    base_settings: Settings,
    detector: Detector,
    upstream: FakeUpstream,
    tmp_path: Path,
    http: aiohttp.ClientSession,
) -> None:
    async with silent_peer() as port:
        vault = RedisVault(f"redis://127.0.0.1:{port}/0", VaultCipher(KeySource(tmp_path, {})))
        settings = routed_settings(base_settings, upstream)
        try:
            async with serving(settings, detector, vault, probe_seconds=0.3) as url:
                assert await readiness(http, url) == not_ready("vault unavailable")
        finally:
            await vault.close()


async def test_readyz_waits_for_a_worker_pool_still_loading_its_models(
    base_settings: Settings, upstream: FakeUpstream, tmp_path: Path, http: aiohttp.ClientSession
) -> None:
    gate = tmp_path / "models-may-load"
    pool = DetectionPool(partial(load_when, gate), 1, with_ner=False)
    settings = routed_settings(base_settings, upstream)
    try:
        async with serving(settings, CachedDetector(pool), probe_seconds=0.2) as url:
            assert await readiness(http, url) == not_ready("models loading")
            assert await readiness(http, url) == not_ready("models loading")
            async with http.get(f"{url}/healthz") as live:
                assert live.status == 200

            gate.touch()

            async def loaded() -> bool:
                return await readiness(http, url) == READY

            assert await eventually(loaded, 90.0)
    finally:
        gate.touch()
        pool.close()


class ProbeWaits(Detector):
    """Detection whose one-word readiness probe waits for ``release``, as a probe queued
    behind a saturated worker pool's work does; requests' texts are answered at once."""

    def __init__(self) -> None:
        super().__init__([])
        self.release = threading.Event()

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        if list(texts) == [PROBE_TEXT]:
            self.release.wait(60)
        return super().detect_many(texts)


async def test_busy_detection_that_answers_requests_is_not_loading(
    base_settings: Settings, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    detector = ProbeWaits()
    settings = routed_settings(base_settings, upstream)
    try:
        async with serving(settings, CachedDetector(detector), probe_seconds=0.2) as url:
            assert await readiness(http, url) == not_ready("models loading")
            assert await chat_status(http, url) == 200  # detection answered a request
            assert await readiness(http, url) == READY  # though the probe still waits
            assert await readiness(http, url) == not_ready("models loading")  # none since
            detector.release.set()

            async def answered() -> bool:
                return await readiness(http, url) == READY

            assert await eventually(answered, 30.0)
    finally:
        detector.release.set()


class ExplodingNer:
    """An NER engine that fails, as a crashed model would."""

    def analyze_batch(self, texts: Sequence[str]) -> list[list[object]]:
        raise RuntimeError("model crashed")


async def test_detection_that_fails_is_not_ready(
    base_settings: Settings, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    detector = Detector([], ExplodingNer())  # type: ignore[arg-type]
    async with serving(routed_settings(base_settings, upstream), detector) as url:
        assert await readiness(http, url) == not_ready("detection failed")


@asynccontextmanager
async def forward_sladd(
    settings: Settings, detector: Detector, data_dir: Path
) -> AsyncIterator[tuple[str, CertificateAuthority]]:
    """sladd behind its forward-proxy front (HTTPS_PROXY mode); its URL and CA."""
    ca, _ = ensure_ca(data_dir)
    scrubber = scrubber_for(settings, detector)
    app = create_app(settings, scrubber)
    app[READINESS] = Readiness(scrubber, GENEROUS_SECONDS)
    runner = web.AppRunner(app, shutdown_timeout=2.0)
    await runner.setup()
    leaves = LeafCache(ca, settings.forward_proxy.leaf_validity_days)
    site = ForwardProxySite(runner, "127.0.0.1", 0, leaves, FrontOptions(connect_timeout=5.0))
    await site.start()
    try:
        yield site.name, ca
    finally:
        await runner.cleanup()


async def test_readyz_in_https_proxy_mode_is_sladds_own_and_not_an_llm_hosts(
    base_settings: Settings,
    detector: Detector,
    upstream: FakeUpstream,
    tmp_path: Path,
    http: aiohttp.ClientSession,
) -> None:
    settings = routed_settings(base_settings, upstream)
    async with forward_sladd(settings, detector, tmp_path / "data") as (url, ca):
        assert await readiness(http, url) == READY  # a probe to sladd's own address
        async with http.get(f"{url}/readyz", proxy=url) as response:  # HTTP_PROXY set too
            assert (response.status, await response.json()) == READY
        reader, writer = await open_proxy(url)
        assert (await get(reader, writer, "/readyz", "127.0.0.1")).status == 200
        await close(writer)

        reader, writer, reply = await send_connect(url, "api.openai.com:443")
        assert reply.status == 200
        await writer.start_tls(trusting(ca), server_hostname="api.openai.com")
        reply = await get(reader, writer, "/readyz", "api.openai.com")
        assert (reply.status, reply.error_type()) == (404, "sladd_unknown_route")
        await close(writer)
    assert upstream.requests == []
