"""Real round trips through sladd, then the redaction log, ``sladd logs``, the review page
and /metrics tell what was found and done per exchange — and the data dir holds no value."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import anthropic
import openai
import pytest
from aiohttp.test_utils import TestServer

from proxy.audit.reader import AuditReader
from proxy.audit.settings import AuditSettings
from proxy.cli.logs import build_parser, run
from proxy.detection.detector import Detector
from proxy.http.app import create_app
from proxy.review.serving import open_audit
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.policy import Policy
from proxy.scrub.tokens import TokenFormat
from proxy.settings import Settings
from proxy.vault.base import ManagedVault
from proxy.vault.open import open_vault
from proxy.vault.urls import default_vault_url
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.audit.exchanges import assert_no_value_in, assert_no_values
from tests.proxy.conftest import routed_settings
from tests.proxy.patient import PROMPT

ADMIN = "admin-token-for-the-e2e-test-000"
ENV = {"SLADD_ADMIN_TOKEN": ADMIN}


@dataclass
class Running:
    url: str
    settings: Settings
    vault: ManagedVault


@pytest.fixture
async def running(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream, tmp_path: Path
) -> AsyncIterator[Running]:
    data_dir = tmp_path / "data"
    settings = dataclasses.replace(
        routed_settings(base_settings, upstream),
        data_dir=data_dir,
        audit=AuditSettings(store_scrubbed_text=True),
    )
    vault = await open_vault(default_vault_url(data_dir), data_dir, {})
    scrubber = Scrubber(
        detector, Policy(settings.policy), vault, TokenFormat(settings.pseudonyms.token_format)
    )
    audit = open_audit(settings, settings.audit, vault.lookup, ENV)
    app = create_app(settings, scrubber, audit.log, audit.review)
    server = TestServer(app, host="127.0.0.1", port=0)
    await server.start_server()
    yield Running(str(server.make_url("")).rstrip("/"), settings, vault)
    await server.close()
    await vault.close()


def sladd_logs(settings: Settings, *args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    parsed = build_parser().parse_args([*args, "--data-dir", str(settings.data_dir)])
    assert run(parsed, out, err, {}) == 0, err.getvalue()
    return out.getvalue()


async def test_round_trips_are_recorded_and_nothing_identifying_is_kept(
    running: Running, upstream: FakeUpstream
) -> None:
    async with openai.AsyncOpenAI(
        base_url=f"{running.url}/v1", api_key="sk-a", max_retries=0
    ) as oai:
        reply = await oai.chat.completions.with_raw_response.create(
            model="gpt-x", messages=[{"role": "user", "content": PROMPT}]
        )
        chat_id = reply.headers["X-Sladd-Request-Id"]
        stream = await oai.chat.completions.create(
            model="gpt-x", messages=[{"role": "user", "content": PROMPT}], stream=True
        )
        async for _ in stream:
            pass
    async with anthropic.AsyncAnthropic(
        base_url=running.url, api_key="sk-b", max_retries=0
    ) as claude:
        await claude.messages.create(
            model="claude-x", max_tokens=100, messages=[{"role": "user", "content": PROMPT}]
        )
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{running.url}/nowhere", json={}) as missing:
            assert missing.status == 404
        metrics = await (await http.get(f"{running.url}/metrics")).text()
        headers = {"Authorization": f"Bearer {ADMIN}"}
        page = await (
            await http.get(f"{running.url}/_sladd/review/{chat_id}", headers=headers)
        ).text()
        assert (await http.get(f"{running.url}/_sladd/review")).status == 401

    records = list(AuditReader(running.settings.resolved_data_dir()).records())
    assert [r.outcome for r in records] == ["forwarded", "forwarded", "forwarded", "refused"]
    assert [r.route for r in records] == ["openai", "openai", "anthropic", "unknown"]
    chat = records[0]
    assert chat.request_id == chat_id
    assert chat.model == "gpt-x"
    assert chat.status == 200
    assert chat.scrub_ms is not None
    assert chat.counts["PERSON"] >= 2
    assert chat.counts["NO_FODSELSNUMMER"] == 1
    assert chat.scrubbed is not None
    assert all(f.token for f in chat.findings if f.action == "pseudonymised")
    forwarded = 'outcome="forwarded",provider="openai_chat",route="openai",status="200"'
    assert f"sladd_requests_total{{{forwarded}}} 2.0" in metrics
    assert "[PERSON_1]" in page
    assert "decrypted with the audit key" in page

    table = sladd_logs(running.settings)
    assert "Requests: 4   Blocked: 0" in table
    shown = sladd_logs(running.settings, "show", chat_id)
    assert "[FNR_1]" in shown
    assert "Hb 12,9" in shown
    for text in (metrics, page, table, shown, sladd_logs(running.settings, "--format", "json")):
        assert_no_values(text)
    assert_no_value_in(running.settings.resolved_data_dir())


@pytest.fixture
def blocking(base_settings: Settings) -> Settings:
    actions = {**base_settings.policy.actions, "NO_FODSELSNUMMER": "block"}
    policy = dataclasses.replace(base_settings.policy, actions=actions)
    return dataclasses.replace(base_settings, policy=policy)


async def test_a_blocked_exchange_is_recorded_with_its_findings(
    blocking: Settings, detector: Detector, upstream: FakeUpstream, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    settings = dataclasses.replace(routed_settings(blocking, upstream), data_dir=data_dir)
    vault = await open_vault(default_vault_url(data_dir), data_dir, {})
    scrubber = Scrubber(detector, Policy(settings.policy), vault, TokenFormat("[{type}_{n}]"))
    audit = open_audit(settings, settings.audit, vault.lookup, ENV)
    server = TestServer(create_app(settings, scrubber, audit.log, audit.review), port=0)
    await server.start_server()
    try:
        async with aiohttp.ClientSession() as http:
            body = {"model": "gpt-x", "messages": [{"role": "user", "content": PROMPT}]}
            async with http.post(server.make_url("/v1/chat/completions"), json=body) as reply:
                assert reply.status == 422
    finally:
        await server.close()
        await vault.close()
    (record,) = AuditReader(data_dir).records()
    assert record.outcome == "blocked"
    assert record.status == 422
    assert "blocked" in {f.action for f in record.findings}
    assert record.scrubbed is None
    assert not upstream.requests
    assert "Blocked: 1" in sladd_logs(settings)
