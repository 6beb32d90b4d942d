"""The official Anthropic SDK and Ollama's native API through sladd."""

from __future__ import annotations

import json

import aiohttp
import anthropic
import pytest

from tests.fakes.llm_upstream import FakeUpstream
from tests.fakes.script import ToolCall
from tests.proxy.conftest import Sladd
from tests.proxy.patient import (
    PROMPT,
    assert_clinical_content_kept,
    assert_nothing_identifying_reached,
)


async def test_messages_round_trip(
    claude: anthropic.AsyncAnthropic, upstream: FakeUpstream
) -> None:
    message = await claude.messages.create(
        model="claude-x",
        max_tokens=100,
        system="Du hjelper fastlege Ola Hansen.",
        messages=[{"role": "user", "content": PROMPT}],
    )
    assert message.content[0].text == PROMPT  # type: ignore[union-attr]
    assert "Ola Hansen" not in json.dumps(upstream.last.json)
    assert_nothing_identifying_reached(upstream)
    assert_clinical_content_kept(upstream)


@pytest.mark.parametrize("chunk_size", [1, 4])
async def test_messages_stream_with_thinking_and_tool_use(
    claude: anthropic.AsyncAnthropic, upstream: FakeUpstream, chunk_size: int
) -> None:
    upstream.script(
        thinking="Jeg tenker på [PERSON_1]",
        tool_calls=(ToolCall("save_note"),),
        chunk_size=chunk_size,
    )
    async with claude.messages.stream(
        model="claude-x", max_tokens=100, messages=[{"role": "user", "content": PROMPT}]
    ) as stream:
        final = await stream.get_final_message()
    blocks = {block.type: block for block in final.content}
    assert blocks["thinking"].thinking == "Jeg tenker på [PERSON_1]"  # type: ignore[union-attr]
    assert blocks["tool_use"].input == {"text": PROMPT}  # type: ignore[union-attr]
    assert_nothing_identifying_reached(upstream)


async def test_text_stream_and_tool_history(
    claude: anthropic.AsyncAnthropic, upstream: FakeUpstream
) -> None:
    messages = [
        {"role": "user", "content": "Hent journal"},
        {
            "role": "assistant",
            "content": [
                {
                    "type": "tool_use",
                    "id": "toolu_1",
                    "name": "find",
                    "input": {"patient": "Kari Nordmann", "fnr": "13097210181"},
                }
            ],
        },
        {
            "role": "user",
            "content": [
                {
                    "type": "tool_result",
                    "tool_use_id": "toolu_1",
                    "content": [{"type": "text", "text": PROMPT}],
                },
                {"type": "text", "text": PROMPT},
            ],
        },
    ]
    async with claude.messages.stream(
        model="claude-x",
        max_tokens=100,
        messages=messages,  # type: ignore[arg-type]
    ) as stream:
        text = "".join([piece async for piece in stream.text_stream])
    assert text == f"{PROMPT}\n{PROMPT}"  # the fake echoes the tool result and the text
    assert_nothing_identifying_reached(upstream)


async def test_count_tokens_is_scrubbed(
    claude: anthropic.AsyncAnthropic, upstream: FakeUpstream
) -> None:
    counted = await claude.messages.count_tokens(
        model="claude-x", messages=[{"role": "user", "content": PROMPT}]
    )
    assert counted.input_tokens > 0
    assert_nothing_identifying_reached(upstream)


async def test_anthropic_prefixed_route(sladd: Sladd, upstream: FakeUpstream) -> None:
    async with anthropic.AsyncAnthropic(
        base_url=f"{sladd.url}/anthropic", api_key="k", max_retries=0
    ) as client:
        message = await client.messages.create(
            model="c", max_tokens=10, messages=[{"role": "user", "content": PROMPT}]
        )
    assert message.content[0].text == PROMPT  # type: ignore[union-attr]
    assert upstream.last.path == "/v1/messages"
    assert_nothing_identifying_reached(upstream)


@pytest.mark.parametrize("stream", [True, False])
async def test_ollama_chat(
    sladd: Sladd, upstream: FakeUpstream, http: aiohttp.ClientSession, stream: bool
) -> None:
    body = {"model": "llama", "messages": [{"role": "user", "content": PROMPT}], "stream": stream}
    async with http.post(f"{sladd.url}/ollama/api/chat", json=body) as response:
        assert response.status == 200
        lines = [json.loads(line) for line in (await response.read()).splitlines() if line.strip()]
    assert "".join(line["message"]["content"] for line in lines) == PROMPT
    assert lines[-1]["done"] is True
    assert_nothing_identifying_reached(upstream)


async def test_ollama_generate_and_openai_compatible(
    sladd: Sladd, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    async with http.post(
        f"{sladd.url}/ollama/api/generate", json={"model": "llama", "prompt": PROMPT}
    ) as response:
        lines = [json.loads(line) for line in (await response.read()).splitlines() if line.strip()]
    assert "".join(line["response"] for line in lines) == PROMPT
    body = {"model": "llama", "messages": [{"role": "user", "content": PROMPT}]}
    async with http.post(f"{sladd.url}/ollama/v1/chat/completions", json=body) as response:
        reply = await response.json()
    assert reply["choices"][0]["message"]["content"] == PROMPT
    assert upstream.last.path == "/v1/chat/completions"
    assert_nothing_identifying_reached(upstream)
