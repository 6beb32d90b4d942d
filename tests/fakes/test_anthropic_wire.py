"""Anthropic Messages wire format, as the official ``anthropic`` SDK parses it."""

from __future__ import annotations

import json

import aiohttp
import anthropic
from anthropic.types import MessageParam

from tests.fakes.anthropic_wire import signature_for
from tests.fakes.llm_upstream import FakeUpstream

CLAUDE = "claude-sonnet-5"  # the SDK warns (an error here) on deprecated model names
PATIENT = "Kari Nordmann, fnr 01017012345, bor i Storgata 1"
ARGS = '{"patient": "[PERSON_1]", "dose_mg": 5}'


def said(content: str) -> list[MessageParam]:
    return [{"role": "user", "content": content}]


async def test_non_stream(upstream: FakeUpstream, claude: anthropic.AsyncAnthropic) -> None:
    message = await claude.messages.create(
        model=CLAUDE,
        max_tokens=100,
        system="Du er en lege.",
        messages=[{"role": "user", "content": [{"type": "text", "text": PATIENT}]}],
    )
    block = message.content[0]
    assert block.type == "text"
    assert block.text == PATIENT
    assert message.stop_reason == "end_turn"
    assert upstream.last.path == "/v1/messages"
    # anthropic 2.x sends the API key as a bearer token, not as x-api-key
    assert upstream.last.headers["authorization"] == "Bearer sk-ant-test"
    assert "anthropic-version" in upstream.last.headers


async def test_stream_thinking_text_and_tool_use(
    upstream: FakeUpstream, claude: anthropic.AsyncAnthropic
) -> None:
    upstream.script(
        thinking="Pasienten [PERSON_1]…", reply="Ser på det.", tool_call=("prescribe", ARGS)
    )
    async with claude.messages.stream(model=CLAUDE, max_tokens=100, messages=said("hei")) as stream:
        kinds = [event.type async for event in stream]
        final = await stream.get_final_message()

    thinking, text, tool = final.content
    assert thinking.type == "thinking"
    assert thinking.thinking == "Pasienten [PERSON_1]…"
    assert thinking.signature == signature_for(thinking.thinking)
    assert text.type == "text"
    assert text.text == "Ser på det."
    assert tool.type == "tool_use"
    assert tool.input == json.loads(ARGS)
    assert final.stop_reason == "tool_use"
    assert kinds[0] == "message_start"
    assert kinds[-2:] == ["message_delta", "message_stop"]


async def test_raw_sse_frames(upstream: FakeUpstream, http: aiohttp.ClientSession) -> None:
    body = {"model": CLAUDE, "max_tokens": 5, "stream": True, "messages": said("abcd")}
    async with http.post(f"{upstream.base_url}/v1/messages", json=body) as response:
        raw = (await response.read()).decode()
    assert response.content_type == "text/event-stream"
    assert [frame.split("\n")[0] for frame in raw.split("\n\n") if frame] == [
        "event: message_start",
        "event: content_block_start",
        "event: ping",
        "event: content_block_delta",
        "event: content_block_delta",
        "event: content_block_stop",
        "event: message_delta",
        "event: message_stop",
    ]
    assert '"text_delta","text":"abc"' in raw


async def test_tool_use_streams_input_json_fragments(
    upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    upstream.script(tool_call=("prescribe", ARGS), chunk_size=1)
    body = {"model": CLAUDE, "max_tokens": 5, "stream": True, "messages": said("x")}
    async with http.post(f"{upstream.base_url}/v1/messages", json=body) as response:
        raw = (await response.read()).decode()
    datas = [json.loads(line[6:]) for line in raw.splitlines() if line.startswith("data: ")]
    fragments = [d["delta"]["partial_json"] for d in datas if d["type"] == "content_block_delta"]
    assert fragments == ["", *ARGS]


async def test_echoes_tool_result(claude: anthropic.AsyncAnthropic) -> None:
    messages: list[MessageParam] = [
        {"role": "user", "content": "slå opp"},
        {
            "role": "assistant",
            "content": [{"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}}],
        },
        {
            "role": "user",
            "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": PATIENT}],
        },
    ]
    message = await claude.messages.create(model=CLAUDE, max_tokens=10, messages=messages)
    block = message.content[0]
    assert block.type == "text"
    assert block.text == PATIENT


async def test_count_tokens(upstream: FakeUpstream, claude: anthropic.AsyncAnthropic) -> None:
    counted = await claude.messages.count_tokens(model=CLAUDE, messages=said("tre ord her"))
    assert counted.input_tokens == 3
    assert upstream.last.path == "/v1/messages/count_tokens"
