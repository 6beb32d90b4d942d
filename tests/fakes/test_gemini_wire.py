"""Gemini API wire format, as the official ``google-genai`` SDK parses it."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest
from google import genai
from google.genai import errors, types

from tests.fakes.llm_upstream import FakeUpstream
from tests.fakes.script import ToolCall

pytestmark = pytest.mark.filterwarnings(
    # google-genai's async client subclasses aiohttp.ClientSession, which aiohttp warns about.
    "ignore:Inheritance class AiohttpClientSession:DeprecationWarning"
)

MODEL = "gemini-2.5-flash"
PATIENT = "Kari Nordmann, fnr 01017012345, bor i Storgata 1"
ARGS = '{"patient": "[PERSON_1]", "dose_mg": 5}'


def client(upstream: FakeUpstream) -> genai.Client:
    options = types.HttpOptions(base_url=upstream.base_url, api_version="v1beta")
    return genai.Client(api_key="AIza-test", http_options=options)


async def test_generate_content(upstream: FakeUpstream) -> None:
    response = await client(upstream).aio.models.generate_content(
        model=MODEL,
        contents=PATIENT,
        config=types.GenerateContentConfig(system_instruction="Du er lege."),
    )
    assert response.text == PATIENT
    assert response.candidates is not None
    assert response.candidates[0].finish_reason == types.FinishReason.STOP
    assert upstream.last.path == f"/v1beta/models/{MODEL}:generateContent"
    assert upstream.last.headers["x-goog-api-key"] == "AIza-test"
    assert upstream.last.at("systemInstruction", "parts", 0, "text") == "Du er lege."


@pytest.mark.parametrize("chunk_size", [1, 5])
async def test_stream_in_several_chunks(upstream: FakeUpstream, chunk_size: int) -> None:
    upstream.script(chunk_size=chunk_size, thinking="Hmm.")
    stream = await client(upstream).aio.models.generate_content_stream(
        model=MODEL, contents="abcdefg"
    )
    chunks = [chunk async for chunk in stream]
    assert len(chunks) >= 7 // chunk_size
    assert "".join(chunk.text or "" for chunk in chunks) == "abcdefg"
    last = chunks[-1]
    assert last.candidates is not None and last.candidates[0].finish_reason == "STOP"
    assert last.usage_metadata is not None
    assert upstream.last.query == {"alt": "sse"}


async def test_function_call_and_response(upstream: FakeUpstream) -> None:
    upstream.script(tool_call=ToolCall("prescribe", ARGS))
    response = await client(upstream).aio.models.generate_content(model=MODEL, contents="x")
    assert response.function_calls is not None
    assert response.function_calls[0].name == "prescribe"
    assert response.function_calls[0].args == json.loads(ARGS)
    upstream.reset()
    reply = types.Part.from_function_response(name="prescribe", response={"result": PATIENT})
    turns = [
        types.Content(role="user", parts=[types.Part(text="x")]),
        response.candidates[0].content,  # type: ignore[index]
        types.Content(role="user", parts=[reply]),
    ]
    answer = await client(upstream).aio.models.generate_content(model=MODEL, contents=turns)
    assert answer.text == PATIENT


async def test_sync_client_and_count_tokens(upstream: FakeUpstream) -> None:
    gemini = client(upstream)  # blocking: off the loop the fake runs on
    counted = await asyncio.to_thread(gemini.models.count_tokens, model=MODEL, contents="tre ord")
    assert counted.total_tokens == 2
    assert upstream.last.path == f"/v1beta/models/{MODEL}:countTokens"


async def test_errors_have_googles_shape(upstream: FakeUpstream) -> None:
    upstream.script(status=429)
    with pytest.raises(errors.ClientError) as raised:
        await client(upstream).aio.models.generate_content(model=MODEL, contents="x")
    assert (raised.value.code, raised.value.status) == (429, "RESOURCE_EXHAUSTED")


async def test_in_stream_error(upstream: FakeUpstream, http: aiohttp.ClientSession) -> None:
    upstream.script(stream_error_after=1, chunk_size=1)
    url = f"{upstream.base_url}/v1/models/{MODEL}:streamGenerateContent?alt=sse"
    body = {"contents": [{"role": "user", "parts": [{"text": "abc"}]}]}
    async with http.post(url, json=body) as response:
        raw = (await response.read()).decode()
    events = [json.loads(block[6:]) for block in raw.split("\r\n\r\n") if block]
    assert events[0]["candidates"][0]["content"]["parts"] == [{"text": "a"}]
    assert events[-1]["error"]["status"] == "UNAVAILABLE"
