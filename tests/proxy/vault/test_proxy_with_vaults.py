"""The vault behind a running sladd: shared Redis replicas, SQLite restarts, fail closed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from proxy.detection.detector import Detector
from proxy.settings import Settings
from proxy.vault.crypto import KeySource, VaultCipher
from proxy.vault.redis_vault import RedisVault
from proxy.vault.sqlite_vault import SqliteVault
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import routed_settings, start_sladd
from tests.proxy.vault.conftest import RedisServer

REPO = Path(__file__).resolve().parents[3]
HEADERS = {"Authorization": "Bearer clinic-key", "X-Sladd-Session": "conversation-7"}
VALUES = ("Kari Nordmann", "13097210181")


async def _chat(http: aiohttp.ClientSession, url: str, text: str) -> tuple[int, dict[str, object]]:
    body = {"model": "m", "messages": [{"role": "user", "content": text}]}
    async with http.post(f"{url}/v1/chat/completions", json=body, headers=HEADERS) as response:
        return response.status, await response.json()


def _content(reply: dict[str, object]) -> str:
    return str(reply["choices"][0]["message"]["content"])  # type: ignore[index]


async def test_two_replicas_sharing_redis_restore_each_others_tokens(
    base_settings: Settings,
    detector: Detector,
    upstream: FakeUpstream,
    redis_url: str,
    tmp_path: Path,
    http: aiohttp.ClientSession,
) -> None:
    settings = routed_settings(base_settings, upstream)
    vaults = [RedisVault(redis_url, VaultCipher(KeySource(tmp_path, {}))) for _ in range(2)]
    (server_a, a), (server_b, b) = [await start_sladd(settings, detector, v) for v in vaults]
    try:
        _, reply = await _chat(http, a.url, "Pasient Kari Nordmann, fnr 13097210181")
        assert _content(reply) == "Pasient Kari Nordmann, fnr 13097210181"
        sent_to_a = json.dumps(upstream.last.json)
        upstream.script(reply="Notat om [PERSON_1] med [FNR_1]")
        _, reply = await _chat(http, b.url, "Skriv notatet")
        assert _content(reply) == "Notat om Kari Nordmann med 13097210181"
        upstream.script()
        await _chat(http, b.url, "Gjelder Kari Nordmann")
        assert "[PERSON_1]" in sent_to_a and "[PERSON_1]" in json.dumps(upstream.last.json)
    finally:
        for server in (server_a, server_b):
            await server.close()
        for vault in vaults:
            await vault.close()


async def test_restarted_sladd_with_sqlite_restores_earlier_tokens(
    base_settings: Settings,
    detector: Detector,
    upstream: FakeUpstream,
    tmp_path: Path,
    http: aiohttp.ClientSession,
) -> None:
    settings = routed_settings(base_settings, upstream)
    path = tmp_path / "vault.db"
    for turn in range(2):
        vault = await SqliteVault.open(path, VaultCipher(KeySource(tmp_path, {})))
        server, running = await start_sladd(settings, detector, vault)
        try:
            if turn == 0:
                await _chat(http, running.url, "Pasient Kari Nordmann, fnr 13097210181")
                upstream.script(reply="Om [PERSON_1] ([FNR_1])")
            else:
                _, reply = await _chat(http, running.url, "Skriv notatet")
                assert _content(reply) == "Om Kari Nordmann (13097210181)"
        finally:
            await server.close()
            await vault.close()
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("vault.db"))
    assert all(value.encode() not in stored for value in VALUES)


async def test_redis_down_fails_closed_and_recovers(
    base_settings: Settings,
    detector: Detector,
    upstream: FakeUpstream,
    tmp_path: Path,
    http: aiohttp.ClientSession,
) -> None:
    redis_server = RedisServer(tmp_path)
    redis_server.start()
    vault = RedisVault(redis_server.url, VaultCipher(KeySource(tmp_path, {})))
    server, running = await start_sladd(routed_settings(base_settings, upstream), detector, vault)
    try:
        redis_server.stop()
        status, reply = await _chat(http, running.url, "Pasient Kari Nordmann")
        assert status == 503
        assert reply["error"]["type"] == "sladd_vault_unavailable"  # type: ignore[index]
        assert upstream.requests == []
        redis_server.start()
        status, reply = await _chat(http, running.url, "Pasient Kari Nordmann")
        assert (status, _content(reply)) == (200, "Pasient Kari Nordmann")
    finally:
        await server.close()
        await vault.close()
        redis_server.stop()


def _sladd_vault(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "proxy.cli.main", "vault", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


@pytest.mark.timeout(120)
async def test_vault_cli_stats_rotate_and_purge(tmp_path: Path) -> None:
    vault = await SqliteVault.open(tmp_path / "vault.db", VaultCipher(KeySource(tmp_path, {})))
    await vault.assign("a" * 32, "PERSON", "kari nordmann", "Kari Nordmann")
    await vault.assign("b" * 32, "PERSON", "ola", "Ola")
    await vault.close()
    stats = _sladd_vault("stats", data_dir=tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert "scopes:       2" in stats.stdout and "entries:      2" in stats.stdout
    rotated = _sladd_vault("rotate-key", data_dir=tmp_path)
    assert rotated.returncode == 0, rotated.stderr
    purged = _sladd_vault("purge", "--scope", "a" * 32, data_dir=tmp_path)
    assert purged.returncode == 0, purged.stderr
    after = _sladd_vault("stats", data_dir=tmp_path)
    assert "scopes:       1" in after.stdout
    bad = _sladd_vault("purge", "--older-than", "soon", data_dir=tmp_path)
    assert bad.returncode == 2 and "bad duration" in bad.stderr
