"""Functional-test fixtures: a fake LLM upstream, sladd in front of it, and SDK clients.

Both servers are real aiohttp servers on 127.0.0.1 with ephemeral ports. Detection (the
recognizers and the NER model) is loaded once per session (``tests/conftest.py``, with the
upstream and ``http`` fixtures); every test gets a fresh vault.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import anthropic
import openai
import pytest
from aiohttp.test_utils import TestServer

from proxy.build import detection_pool
from proxy.cli.serve import apply_route_overrides
from proxy.detection.cache import DetectsMany
from proxy.detection.detector import Detector
from proxy.detection.workers import DetectionPool
from proxy.http.app import create_app
from proxy.providers.records import RECORDS
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.policy import Policy
from proxy.scrub.tokens import TokenFormat
from proxy.settings import Settings
from proxy.vault.base import Vault
from proxy.vault.memory import MemoryVault
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.audit.exchanges import Recorded, record_exchanges

OPENAI_KEY = "sk-test-clinic-a"
ANTHROPIC_KEY = "sk-ant-test-clinic-a"


@contextmanager
def loaded_pool(settings: Settings, workers: int) -> Iterator[DetectionPool]:
    """Detection workers with their models loaded, as ``build_detection`` starts them;
    stopped on exit."""
    pool = detection_pool(settings, workers)
    try:
        pool.warm_up()
        yield pool
    finally:
        pool.close()


@dataclasses.dataclass
class Sladd:
    """A running sladd: its base URL, settings and scrubber (vault included)."""

    url: str
    settings: Settings
    scrubber: Scrubber


def routed_settings(base: Settings, upstream: FakeUpstream) -> Settings:
    """``base`` with every provider record's route pointing at the fake upstream."""
    url = upstream.base_url
    overrides = [f"{name}={record.upstream_at(url)}" for name, record in RECORDS.items()]
    return apply_route_overrides(base, overrides)


def scrubber_for(settings: Settings, detector: DetectsMany, vault: Vault | None = None) -> Scrubber:
    """The scrub pipeline of ``settings`` around ``detector`` (default vault: a fresh in-memory
    one); no allow-list file and no reuse of recent scrubs, so every request is detected."""
    return Scrubber(
        detector,
        Policy(settings.policy),
        vault or MemoryVault(),
        TokenFormat(settings.pseudonyms.token_format),
    )


async def start_sladd(
    settings: Settings, detector: Detector, vault: Vault | None = None
) -> tuple[TestServer, Sladd]:
    """Start sladd on 127.0.0.1:0 with ``vault`` (default: a fresh in-memory one)."""
    scrubber = scrubber_for(settings, detector, vault)
    server = TestServer(create_app(settings, scrubber), host="127.0.0.1", port=0)
    await server.start_server()
    return server, Sladd(str(server.make_url("")).rstrip("/"), settings, scrubber)


@pytest.fixture
async def sladd(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream
) -> AsyncIterator[Sladd]:
    """sladd with the shipped configuration, routed to the fake upstream."""
    server, running = await start_sladd(routed_settings(base_settings, upstream), detector)
    yield running
    await server.close()


@pytest.fixture
async def oai(sladd: Sladd) -> AsyncIterator[openai.AsyncOpenAI]:
    """The official OpenAI SDK with its base URL on sladd (``OPENAI_BASE_URL`` style)."""
    async with openai.AsyncOpenAI(
        base_url=f"{sladd.url}/v1", api_key=OPENAI_KEY, max_retries=0
    ) as client:
        yield client


@pytest.fixture
async def claude(sladd: Sladd) -> AsyncIterator[anthropic.AsyncAnthropic]:
    """The official Anthropic SDK with its base URL on sladd (``ANTHROPIC_BASE_URL`` style)."""
    async with anthropic.AsyncAnthropic(
        base_url=sladd.url, api_key=ANTHROPIC_KEY, max_retries=0
    ) as client:
        yield client


@pytest.fixture
async def recorded(tmp_path: Path, rule_detector: Detector) -> Recorded:
    """Three exchanges (forwarded, blocked, forwarded with a missed name) in ``tmp/data``: a
    real redaction log, for the audit, review and ``sladd logs`` tests."""
    return await record_exchanges(tmp_path / "data", rule_detector)
