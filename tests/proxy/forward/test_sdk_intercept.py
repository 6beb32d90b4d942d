"""Unmodified SDK clients, configured only by HTTPS_PROXY and SSL_CERT_FILE, through sladd."""

from __future__ import annotations

import json

import anthropic
import openai
import pytest
from anthropic.types import MessageParam
from openai.types.chat import ChatCompletionMessageParam

from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import ANTHROPIC_KEY, OPENAI_KEY
from tests.proxy.forward.conftest import ForwardSladd
from tests.proxy.patient import (
    PROMPT,
    assert_clinical_content_kept,
    assert_nothing_identifying_reached,
)

MESSAGES: list[ChatCompletionMessageParam] = [{"role": "user", "content": PROMPT}]
CLAUDE_MESSAGES: list[MessageParam] = [{"role": "user", "content": PROMPT}]


async def test_openai_chat_round_trip_is_byte_exact(
    proxy_env: ForwardSladd, upstream: FakeUpstream
) -> None:
    async with openai.AsyncOpenAI(api_key=OPENAI_KEY, max_retries=0) as client:
        assert str(client.base_url) == "https://api.openai.com/v1/"
        reply = await client.chat.completions.create(model="gpt-x", messages=MESSAGES)
    assert reply.choices[0].message.content == PROMPT
    assert upstream.last.path == "/v1/chat/completions"
    assert upstream.last.headers["authorization"] == f"Bearer {OPENAI_KEY}"
    assert_nothing_identifying_reached(upstream)
    assert_clinical_content_kept(upstream)


@pytest.mark.parametrize("chunk_size", [1, 5])
async def test_openai_chat_stream_round_trip(
    proxy_env: ForwardSladd, upstream: FakeUpstream, chunk_size: int
) -> None:
    upstream.script(chunk_size=chunk_size)
    async with openai.AsyncOpenAI(api_key=OPENAI_KEY, max_retries=0) as client:
        stream = await client.chat.completions.create(
            model="gpt-x",
            messages=MESSAGES,
            stream=True,
        )
        text = "".join([c.choices[0].delta.content or "" async for c in stream if c.choices])
    assert text == PROMPT
    assert_nothing_identifying_reached(upstream)


async def test_openai_responses_stream_round_trip(
    proxy_env: ForwardSladd, upstream: FakeUpstream
) -> None:
    async with (
        openai.AsyncOpenAI(api_key=OPENAI_KEY, max_retries=0) as client,
        client.responses.stream(model="gpt-x", input=PROMPT) as stream,
    ):
        final = await stream.get_final_response()
    assert final.output_text == PROMPT
    assert upstream.last.path == "/v1/responses"
    assert_nothing_identifying_reached(upstream)


async def test_anthropic_messages_round_trip_is_byte_exact(
    proxy_env: ForwardSladd, upstream: FakeUpstream
) -> None:
    async with anthropic.AsyncAnthropic(api_key=ANTHROPIC_KEY, max_retries=0) as client:
        assert str(client.base_url) == "https://api.anthropic.com"
        reply = await client.messages.create(
            model="claude-x",
            max_tokens=512,
            messages=CLAUDE_MESSAGES,
        )
    assert reply.content[0].type == "text"
    assert reply.content[0].text == PROMPT
    assert upstream.last.path == "/v1/messages"
    credential = upstream.last.headers.get("x-api-key") or upstream.last.headers["authorization"]
    assert credential.removeprefix("Bearer ") == ANTHROPIC_KEY
    assert_nothing_identifying_reached(upstream)


async def test_anthropic_messages_stream_round_trip(
    proxy_env: ForwardSladd, upstream: FakeUpstream
) -> None:
    upstream.script(chunk_size=2)
    async with (
        anthropic.AsyncAnthropic(api_key=ANTHROPIC_KEY, max_retries=0) as client,
        client.messages.stream(
            model="claude-x",
            max_tokens=512,
            messages=CLAUDE_MESSAGES,
        ) as stream,
    ):
        text = "".join([piece async for piece in stream.text_stream])
    assert text == PROMPT
    assert_nothing_identifying_reached(upstream)


async def test_azure_host_reaches_the_azure_route(
    proxy_env: ForwardSladd, upstream: FakeUpstream
) -> None:
    async with openai.AsyncAzureOpenAI(
        azure_endpoint="https://clinic-x.openai.azure.com",
        api_key="azure-key",
        api_version="2024-10-21",
        max_retries=0,
    ) as client:
        reply = await client.chat.completions.create(model="gpt-dep", messages=MESSAGES)
    assert reply.choices[0].message.content == PROMPT
    assert upstream.last.path == "/openai/deployments/gpt-dep/chat/completions"
    assert upstream.last.query["api-version"] == "2024-10-21"
    assert_nothing_identifying_reached(upstream)


async def test_intercepted_and_base_url_requests_share_a_scope(
    proxy_env: ForwardSladd, upstream: FakeUpstream
) -> None:
    """Same credential, same vault: the upstream sees identical scrubbed bodies."""
    async with openai.AsyncOpenAI(api_key=OPENAI_KEY, max_retries=0) as client:
        await client.chat.completions.create(model="gpt-x", messages=MESSAGES)
    async with openai.AsyncOpenAI(
        api_key=OPENAI_KEY, base_url=f"{proxy_env.url}/v1", max_retries=0
    ) as client:
        reply = await client.chat.completions.create(model="gpt-x", messages=MESSAGES)
    assert reply.choices[0].message.content == PROMPT
    intercepted, direct = (json.dumps(r.json) for r in upstream.requests)
    assert intercepted == direct
    assert_nothing_identifying_reached(upstream)
