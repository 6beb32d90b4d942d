"""Replicas of sladd on a shared Redis: a Cluster-backed round trip, and a replica with the
wrong key ring — its requests fail closed with the reason logged, and ``sladd serve`` refuses
to start with it."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from proxy.detection.detector import Detector
from proxy.settings import Settings
from proxy.vault.crypto import ENV_VAR, KeyRing, KeySource, VaultCipher
from proxy.vault.redis_vault import RedisVault
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import routed_settings, start_sladd

REPO = Path(__file__).resolve().parents[3]
HEADERS = {"Authorization": "Bearer clinic-key", "X-Sladd-Session": "conversation-7"}
FNR = "13097210181"


async def _chat(http: aiohttp.ClientSession, url: str, text: str) -> tuple[int, dict[str, object]]:
    body = {"model": "m", "messages": [{"role": "user", "content": text}]}
    async with http.post(f"{url}/v1/chat/completions", json=body, headers=HEADERS) as response:
        return response.status, await response.json()


def _content(reply: dict[str, object]) -> str:
    return str(reply["choices"][0]["message"]["content"])  # type: ignore[index]


def _ring_vault(url: str, ring: KeyRing, data_dir: Path) -> RedisVault:
    return RedisVault(url, VaultCipher(KeySource(data_dir, {ENV_VAR: ring.to_json()})))


async def test_two_replicas_on_a_cluster_restore_each_others_tokens(
    rules_only_settings: Settings,
    rule_detector: Detector,
    upstream: FakeUpstream,
    cluster_url: str,
    tmp_path: Path,
    http: aiohttp.ClientSession,
) -> None:
    settings = routed_settings(rules_only_settings, upstream)
    ring = KeyRing.generate()  # the shared ring, as `sladd vault new-key` prints it
    vaults = [_ring_vault(cluster_url, ring, tmp_path / name) for name in ("a", "b")]
    (server_a, a), (server_b, b) = [await start_sladd(settings, rule_detector, v) for v in vaults]
    try:
        status, reply = await _chat(http, a.url, f"Pasient med fnr {FNR}")
        assert (status, _content(reply)) == (200, f"Pasient med fnr {FNR}")
        sent = json.dumps(upstream.last.json)
        assert FNR not in sent and "[FNR_1]" in sent
        upstream.script(reply="Notat om [FNR_1]")
        status, reply = await _chat(http, b.url, "Skriv notatet")
        assert (status, _content(reply)) == (200, f"Notat om {FNR}")
    finally:
        for server in (server_a, server_b):
            await server.close()
        for vault in vaults:
            await vault.close()


async def test_a_replica_with_another_ring_fails_closed_and_logs_why(
    rules_only_settings: Settings,
    rule_detector: Detector,
    upstream: FakeUpstream,
    redis_url: str,
    tmp_path: Path,
    http: aiohttp.ClientSession,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = routed_settings(rules_only_settings, upstream)
    rings = [KeyRing.generate(), KeyRing.generate()]
    first, second = [_ring_vault(redis_url, r, tmp_path / str(i)) for i, r in enumerate(rings)]
    await first.assign("scope", "FNR", FNR, FNR)  # the vault now belongs to the first ring
    server, running = await start_sladd(settings, rule_detector, second)
    try:
        with caplog.at_level(logging.INFO):
            status, reply = await _chat(http, running.url, f"Pasient med fnr {FNR}")
        assert status == 503
        assert reply["error"]["type"] == "sladd_vault_unavailable"  # type: ignore[index]
        assert upstream.requests == []
        reasons = [r.getMessage() for r in caplog.records if r.name == "sladd.vault"]
        assert any("created with a different vault key ring" in m for m in reasons), reasons
        secrets = [ring.to_json() for ring in rings]
        for text in (caplog.text, json.dumps(reply)):
            assert FNR not in text
            for secret in secrets:
                for key in json.loads(secret)["keys"].values():
                    assert key not in text
                assert json.loads(secret)["index_key"] not in text
    finally:
        await server.close()
        await first.close()
        await second.close()


@pytest.mark.timeout(120)
async def test_serve_refuses_to_start_with_another_ring(redis_url: str, tmp_path: Path) -> None:
    stored, other = KeyRing.generate(), KeyRing.generate()
    vault = _ring_vault(redis_url, stored, tmp_path)
    await vault.check_key_ring()
    await vault.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLADD_")}
    env[ENV_VAR] = other.to_json()
    command = [sys.executable, "-m", "proxy.cli.main", "serve", "--port", "0"]
    command += ["--vault", redis_url, "--data-dir", str(tmp_path / "data")]
    done = subprocess.run(
        command, capture_output=True, text=True, cwd=REPO, env=env, timeout=90, check=False
    )
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("sladd: configuration error: Redis vault redis://127.0.0.1:")
    assert "created with a different vault key ring" in last
    assert "sladd vault new-key" in last
    assert "listening" not in done.stderr
    assert json.loads(other.to_json())["index_key"] not in done.stderr
