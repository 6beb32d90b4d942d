"""Vault fixtures: a throwaway ``redis-server``, a fake clock and every backend.

``redis-server`` must be installed (``scripts/ensure_services.sh`` does it); without it the
Redis tests fail with a message saying so, they are never skipped.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import redis

from proxy.vault.base import ManagedVault
from proxy.vault.crypto import KeySource, VaultCipher
from proxy.vault.memory import MemoryVault
from proxy.vault.redis_vault import RedisVault
from proxy.vault.sqlite_vault import SqliteVault
from tests.proxy.vault.redis_topologies import ClusterSetup, SentinelSetup, free_port

TTL = 3600.0


class FakeClock:
    """A clock the test moves by hand (seconds)."""

    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class RedisServer:
    """One ``redis-server`` process on 127.0.0.1 without persistence; restartable."""

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        if shutil.which("redis-server") is None:
            pytest.fail(
                "redis-server is not installed: run scripts/ensure_services.sh "
                "(apt-get install -y redis-server); the vault tests need a real Redis",
                pytrace=False,
            )
        self.workdir = workdir
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.workdir)]
        self._process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                pytest.fail(f"redis-server exited at start (port {self.port})", pytrace=False)
            if self._ping():
                return
            time.sleep(0.02)
        self.stop()
        pytest.fail(f"redis-server did not answer on port {self.port}", pytrace=False)

    def _ping(self) -> bool:
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        try:
            return bool(client.ping())
        except redis.ConnectionError:
            return False
        finally:
            client.close()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover
            process.kill()
            process.wait()

    def client(self) -> redis.Redis:
        """A synchronous client for inspecting the server (close it)."""
        return redis.Redis(port=self.port)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A ``redis-server`` for the whole session."""
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def sentinel_setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SentinelSetup]:
    """A master, a replica and a Sentinel for the whole session (stopped at its end)."""
    setup = SentinelSetup(tmp_path_factory.mktemp("sentinel"))
    try:
        setup.start()
        yield setup
    finally:
        setup.stop()


@pytest.fixture(scope="session")
def cluster_setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClusterSetup]:
    """A three-master Redis Cluster for the whole session (stopped at its end)."""
    setup = ClusterSetup(tmp_path_factory.mktemp("cluster"))
    try:
        setup.start()
        yield setup
    finally:
        setup.stop()


@pytest.fixture
def sentinel_url(sentinel_setup: SentinelSetup) -> str:
    """``redis+sentinel://`` naming the session's Sentinel, its data emptied for this test."""
    sentinel_setup.flush()
    return sentinel_setup.url


@pytest.fixture
def cluster_url(cluster_setup: ClusterSetup) -> str:
    """``redis+cluster://`` naming two of the session cluster's nodes, emptied for this test."""
    cluster_setup.flush()
    return cluster_setup.url


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session server's URL, emptied for this test."""
    client = redis_server.client()
    try:
        client.flushall()
    finally:
        client.close()
    return redis_server.url


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def cipher(tmp_path: Path) -> VaultCipher:
    """A cipher over a fresh key file in ``tmp_path``."""
    return VaultCipher(KeySource(tmp_path, {}))


async def _backend(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock
) -> ManagedVault:
    cipher = VaultCipher(KeySource(tmp_path, {}))
    if kind == "memory":
        return MemoryVault(TTL, clock)
    if kind == "sqlite":
        return await SqliteVault.open(tmp_path / "vault.db", cipher, TTL, clock)
    return RedisVault(request.getfixturevalue("redis_url"), cipher, TTL, clock)


@pytest.fixture(params=["memory", "sqlite", "redis"])
async def vault(
    request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock
) -> AsyncIterator[ManagedVault]:
    """Each backend in turn, with a one-hour TTL and the fake clock."""
    backend = await _backend(request.param, request, tmp_path, clock)
    yield backend
    await backend.close()


@pytest.fixture(params=["memory", "sqlite"])
async def clocked_vault(
    request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock
) -> AsyncIterator[ManagedVault]:
    """The backends whose expiry follows the fake clock (Redis expires on its own clock)."""
    backend = await _backend(request.param, request, tmp_path, clock)
    yield backend
    await backend.close()
