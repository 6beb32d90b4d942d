"""Fixtures for the fake upstream's own tests: SDK clients pointed at the started fake
(``upstream`` and ``http`` are in ``tests/conftest.py``).

OpenAI and Anthropic clients use ``_strict_response_validation=True``, so every response is
validated against the SDK's pydantic models instead of being constructed loosely.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import anthropic
import openai
import pytest

from tests.fakes.llm_upstream import FakeUpstream


@pytest.fixture
async def oai(upstream: FakeUpstream) -> AsyncIterator[openai.AsyncOpenAI]:
    """An OpenAI client on the fake, validating responses strictly."""
    async with openai.AsyncOpenAI(
        base_url=f"{upstream.base_url}/v1",
        api_key="sk-test",
        max_retries=0,
        _strict_response_validation=True,
    ) as client:
        yield client


@pytest.fixture
async def loose_oai(upstream: FakeUpstream) -> AsyncIterator[openai.AsyncOpenAI]:
    """An OpenAI client without strict validation, for what the SDK's models reject although
    the API sends it: base64 embeddings (decoded after validation) and ``finish_reason: null``
    in legacy completion chunks."""
    async with openai.AsyncOpenAI(
        base_url=f"{upstream.base_url}/v1", api_key="sk-test", max_retries=0
    ) as client:
        yield client


@pytest.fixture
async def claude(upstream: FakeUpstream) -> AsyncIterator[anthropic.AsyncAnthropic]:
    """An Anthropic client on the fake, validating responses strictly."""
    async with anthropic.AsyncAnthropic(
        base_url=upstream.base_url,
        api_key="sk-ant-test",
        max_retries=0,
        _strict_response_validation=True,
    ) as client:
        yield client
