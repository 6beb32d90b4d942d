"""Ollama's native API: NDJSON streams by default, one JSON object with ``"stream": false``."""

from __future__ import annotations

import json

import aiohttp

from tests.fakes.llm_upstream import FakeUpstream
from tests.fakes.script import ToolCall

PATIENT = "Kari Nordmann, fnr 01017012345, bor i Storgata 1"


async def test_chat_streams_ndjson_by_default(
    upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    body = {"model": "llama3.2", "messages": [{"role": "user", "content": PATIENT}]}
    async with http.post(f"{upstream.base_url}/api/chat", json=body) as response:
        lines = [json.loads(line) async for line in response.content]
    assert response.content_type == "application/x-ndjson"
    assert "".join(line["message"]["content"] for line in lines) == PATIENT
    assert [line["done"] for line in lines] == [False] * (len(lines) - 1) + [True]
    assert lines[-1]["done_reason"] == "stop"


async def test_chat_non_stream_tool_call(
    upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    upstream.script(tool_call=ToolCall("lookup"))
    body = {"model": "llama3.2", "stream": False, "messages": [{"role": "user", "content": "x"}]}
    async with http.post(f"{upstream.base_url}/api/chat", json=body) as response:
        answer = await response.json()
    assert answer["message"]["tool_calls"][0]["function"]["arguments"] == {"text": "x"}
    assert answer["done"] is True


async def test_generate_streams_thinking_then_response(
    upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    upstream.script(thinking="hmm")
    body = {"model": "llama3.2", "prompt": PATIENT}
    async with http.post(f"{upstream.base_url}/api/generate", json=body) as response:
        lines = [json.loads(line) async for line in response.content]
    assert "".join(line["response"] for line in lines) == PATIENT
    assert "".join(line.get("thinking", "") for line in lines) == "hmm"
    assert "context" in lines[-1]


async def test_tags(http: aiohttp.ClientSession, upstream: FakeUpstream) -> None:
    async with http.get(f"{upstream.base_url}/api/tags") as response:
        tags = await response.json()
    assert tags["models"][0]["name"] == "llama3.2:latest"
