"""Erasure is final (DESIGN §8.7) through a running sladd that reuses recent scrubs.

The incident: patient A's history is scrubbed in scope S, S is purged, and the app resends
the history with a new patient B. If the history came from the recent-scrub cache, B got
A's old token numbers and the answer about B came back naming A. Here the answer must name
B and never A — with the purge done in-process, by another replica on the same Redis, or by
``sladd vault purge`` in another process (SQLite file or Redis).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from proxy.detection.detector import Detector
from proxy.http.app import create_app
from proxy.http.scope import scope_for
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.policy import Policy
from proxy.scrub.tokens import TokenFormat
from proxy.settings import Settings
from proxy.vault.base import ManagedVault
from proxy.vault.crypto import ENV_VAR
from proxy.vault.memory import MemoryVault
from proxy.vault.open import open_vault
from proxy.vault.urls import default_vault_url
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import routed_settings
from tests.proxy.scrub.test_erasure import PurgingVault

REPO = Path(__file__).resolve().parents[3]
HEADERS = {"Authorization": "Bearer clinic-key", "X-Sladd-Session": "conversation-7"}
SCOPE = scope_for({name.lower(): value for name, value in HEADERS.items()})
PATIENT_A = "Pasient Kari Nordmann, fnr 13097210181"
PATIENT_B = "Ny pasient Per Olsen, fnr 13097248022"
A_VALUES = ("Kari Nordmann", "13097210181")
REUSE_SECONDS = 600.0


@asynccontextmanager
async def sladd(settings: Settings, detector: Detector, vault: ManagedVault) -> AsyncIterator[str]:
    """sladd on 127.0.0.1:0 reusing recent scrubs (as shipped); its base URL."""
    scrubber = Scrubber(
        detector,
        Policy(settings.policy),
        vault,
        TokenFormat(settings.pseudonyms.token_format),
        REUSE_SECONDS,
    )
    server = TestServer(create_app(settings, scrubber), host="127.0.0.1", port=0)
    await server.start_server()
    try:
        yield str(server.make_url("")).rstrip("/")
    finally:
        await server.close()


async def chat(http: aiohttp.ClientSession, url: str, *turns: str) -> str:
    """Send ``turns`` (user, assistant, user, ...); the answer's text."""
    roles = ("user", "assistant")
    messages = [{"role": roles[i % 2], "content": turn} for i, turn in enumerate(turns)]
    body = {"model": "m", "messages": messages}
    async with http.post(f"{url}/v1/chat/completions", json=body, headers=HEADERS) as response:
        reply = await response.json()
        assert response.status == 200, reply
    return str(reply["choices"][0]["message"]["content"])


def cli_purge(vault_url: str, data_dir: Path) -> None:
    """``sladd vault purge --scope S`` in its own process."""
    environ = {name: value for name, value in os.environ.items() if name != ENV_VAR}
    command = [sys.executable, "-m", "proxy.cli.main", "vault", "purge", "--scope", SCOPE]
    command += ["--vault", vault_url, "--data-dir", str(data_dir)]
    done = subprocess.run(
        command, capture_output=True, text=True, cwd=REPO, env=environ, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "erased scope" in done.stdout and "2 entries" in done.stdout


async def assert_answer_names_the_new_patient(
    http: aiohttp.ClientSession, url: str, upstream: FakeUpstream
) -> None:
    """The resent history plus patient B: the echoed answer is B's, never A's."""
    answer = await chat(http, url, PATIENT_A, "Notert.", PATIENT_B)
    assert answer == PATIENT_B
    assert all(value not in answer for value in A_VALUES)
    assert upstream.last.at("messages", 0, "content") == "Pasient [PERSON_1], fnr [FNR_1]"
    assert upstream.last.at("messages", 2, "content") == "Ny pasient [PERSON_2], fnr [FNR_2]"


async def test_an_in_process_purge_is_final(
    base_settings: Settings,
    detector: Detector,
    upstream: FakeUpstream,
    http: aiohttp.ClientSession,
) -> None:
    vault = MemoryVault()
    async with sladd(routed_settings(base_settings, upstream), detector, vault) as url:
        assert await chat(http, url, PATIENT_A) == PATIENT_A
        assert await vault.purge_scope(SCOPE) == 2
        await assert_answer_names_the_new_patient(http, url, upstream)


@pytest.mark.timeout(180)
@pytest.mark.parametrize(
    ("backend", "purge_by"),
    [("sqlite", "cli"), ("redis", "replica"), ("redis", "cli")],
)
async def test_a_purge_elsewhere_is_final_here(
    base_settings: Settings,
    detector: Detector,
    upstream: FakeUpstream,
    http: aiohttp.ClientSession,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    backend: str,
    purge_by: str,
) -> None:
    """Replica A serves patient A; the scope is purged by replica B (its own vault client on
    the same Redis) or by the CLI; A then serves the resent history and patient B."""
    url = request.getfixturevalue("redis_url") if backend == "redis" else None
    vault_url = url or default_vault_url(tmp_path)
    settings = routed_settings(base_settings, upstream)
    here, there = [await open_vault(vault_url, tmp_path, {}) for _ in range(2)]
    try:
        async with (
            sladd(settings, detector, here) as replica_a,
            sladd(settings, detector, there) as replica_b,
        ):
            assert await chat(http, replica_a, PATIENT_A) == PATIENT_A
            assert await chat(http, replica_b, PATIENT_A) == PATIENT_A
            if purge_by == "replica":
                assert await there.purge_scope(SCOPE) == 2
            else:
                cli_purge(vault_url, tmp_path)
            for replica in (replica_a, replica_b):
                await assert_answer_names_the_new_patient(http, replica, upstream)
    finally:
        await here.close()
        await there.close()


async def test_a_purge_during_the_request_refuses_it_and_sends_nothing(
    base_settings: Settings,
    detector: Detector,
    upstream: FakeUpstream,
    http: aiohttp.ClientSession,
) -> None:
    vault = PurgingVault()
    async with sladd(routed_settings(base_settings, upstream), detector, vault) as url:
        assert await chat(http, url, PATIENT_A) == PATIENT_A
        vault.purge_before = 3  # lands after the reused history, before patient B's numbers
        turns = [("user", PATIENT_A), ("assistant", "Notert."), ("user", PATIENT_B)]
        body = {"model": "m", "messages": [{"role": r, "content": c} for r, c in turns]}
        async with http.post(f"{url}/v1/chat/completions", json=body, headers=HEADERS) as response:
            reply = await response.json()
        assert response.status == 409
        assert reply["error"]["type"] == "sladd_scope_erased"
        assert len(upstream.requests) == 1
