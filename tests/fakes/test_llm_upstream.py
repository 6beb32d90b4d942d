"""The fake upstream's scripting and recording: replies, errors, delays, resets, the request log."""

from __future__ import annotations

import asyncio
import json
import time

import aiohttp
import anthropic
import openai
import pytest
from openai.types.chat import ChatCompletionMessageParam

from tests.fakes.llm_upstream import FakeUpstream
from tests.fakes.script import Script, ToolCall

MODEL = "gpt-4o-mini"
CLAUDE = "claude-sonnet-5"
PATIENT = "Kari Nordmann, fnr 01017012345, bor i Storgata 1"


def chat(content: str) -> list[ChatCompletionMessageParam]:
    return [{"role": "user", "content": content}]


async def test_requests_are_recorded(upstream: FakeUpstream, oai: openai.AsyncOpenAI) -> None:
    await oai.chat.completions.create(model=MODEL, messages=chat(PATIENT), user="u-1")
    await oai.models.list()

    post, get = upstream.requests
    assert (post.method, post.path, post.query) == ("POST", "/v1/chat/completions", {})
    assert post.headers["content-type"] == "application/json"
    assert (
        json.loads(post.body)
        == post.json
        == {
            "messages": [{"role": "user", "content": PATIENT}],
            "model": MODEL,
            "user": "u-1",
        }
    )
    assert post.at("messages", -1, "content") == PATIENT
    with pytest.raises(KeyError, match="failed at 'text'"):
        post.at("messages", 0, "content", "text")
    assert (get.method, get.path, get.body, get.json) == ("GET", "/v1/models", b"", None)
    assert upstream.requests_to("/v1/models") == [get]
    assert upstream.last is get


async def test_fixed_reply_and_echo_prefix(upstream: FakeUpstream, oai: openai.AsyncOpenAI) -> None:
    upstream.script(reply="Fast svar", echo_prefix="Echo: ")
    completion = await oai.chat.completions.create(model=MODEL, messages=chat("hei"))
    assert completion.choices[0].message.content == "Fast svar"

    upstream.script(echo_prefix="Echo: ")
    completion = await oai.chat.completions.create(model=MODEL, messages=chat("hei"))
    assert completion.choices[0].message.content == "Echo: hei"


async def test_reply_text_alongside_tool_call(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI
) -> None:
    upstream.script(Script(reply="Slår opp.", tool_calls=(ToolCall("lookup"),)))
    completion = await oai.chat.completions.create(model=MODEL, messages=chat(PATIENT))
    message = completion.choices[0].message
    assert message.content == "Slår opp."
    assert message.tool_calls is not None
    assert message.tool_calls[0].type == "function"
    assert json.loads(message.tool_calls[0].function.arguments) == {"text": PATIENT}


async def test_chunk_size_one_splits_pseudonym_tokens(
    upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    upstream.script(chunk_size=1)
    body = {"model": MODEL, "stream": True, "messages": chat("[PERSON_1]")}
    async with http.post(f"{upstream.base_url}/v1/chat/completions", json=body) as response:
        raw = (await response.read()).decode()
    frames = [f for f in raw.split("\n\n") if f]
    assert frames[-1] == "data: [DONE]"
    deltas = [json.loads(f[6:])["choices"][0]["delta"] for f in frames[:-1]]
    assert [d["content"] for d in deltas if d.get("content")] == list("[PERSON_1]")


async def test_compressed_answers(
    upstream: FakeUpstream, http: aiohttp.ClientSession, oai: openai.AsyncOpenAI
) -> None:
    upstream.script(compress=True)
    stream = await oai.chat.completions.create(model=MODEL, messages=chat(PATIENT), stream=True)
    assert "".join([c.choices[0].delta.content or "" async for c in stream]) == PATIENT
    assert stream.response.headers["content-encoding"] == "gzip"

    body = {"model": MODEL, "messages": chat(PATIENT)}
    url = f"{upstream.base_url}/v1/chat/completions"
    async with http.post(url, json=body, headers={"Accept-Encoding": "gzip"}) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        answer = await response.json()
    assert answer["choices"][0]["message"]["content"] == PATIENT
    async with http.post(url, json=body | {"stream": True}) as response:
        assert response.headers["Content-Encoding"] in ("gzip", "deflate", "br", "zstd")
        assert PATIENT[:3] in (await response.text())


def test_script_or_fields_not_both() -> None:
    with pytest.raises(TypeError, match="not both"):
        FakeUpstream().script(Script(), reply="x")


async def test_queued_scripts_run_once_in_order(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI
) -> None:
    upstream.queue(Script(status=502, error_body="<html>Bad Gateway</html>"), Script(reply="to"))
    with pytest.raises(openai.InternalServerError) as raised:
        await oai.chat.completions.create(model=MODEL, messages=chat("x"))
    assert raised.value.status_code == 502
    assert raised.value.body == "<html>Bad Gateway</html>"
    replies = [
        (await oai.chat.completions.create(model=MODEL, messages=chat("x")))
        .choices[0]
        .message.content
        for _ in range(2)
    ]
    assert replies == ["to", "x"]


async def test_reset_forgets_everything(upstream: FakeUpstream, oai: openai.AsyncOpenAI) -> None:
    upstream.script(reply="fast")
    upstream.queue(Script(status=500), Script(status=500))
    with pytest.raises(openai.InternalServerError):
        await oai.models.list()
    upstream.reset()
    assert upstream.requests == []
    completion = await oai.chat.completions.create(model=MODEL, messages=chat("ekko"))
    assert completion.choices[0].message.content == "ekko"


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (401, openai.AuthenticationError),
        (429, openai.RateLimitError),
        (500, openai.InternalServerError),
    ],
)
async def test_openai_error_status(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI, status: int, error: type[Exception]
) -> None:
    upstream.script(status=status, headers=(("retry-after", "1"),))
    with pytest.raises(error) as raised:
        await oai.chat.completions.create(model=MODEL, messages=chat("x"))
    assert isinstance(raised.value, openai.APIStatusError)
    assert raised.value.response.headers["retry-after"] == "1"
    assert isinstance(raised.value.body, dict)
    assert set(raised.value.body) == {"message", "type", "param", "code"}


@pytest.mark.parametrize(
    ("status", "error", "kind"),
    [
        (429, anthropic.RateLimitError, "rate_limit_error"),
        (500, anthropic.InternalServerError, "api_error"),
        (529, anthropic.OverloadedError, "overloaded_error"),
    ],
)
async def test_anthropic_error_status(
    upstream: FakeUpstream,
    claude: anthropic.AsyncAnthropic,
    status: int,
    error: type[Exception],
    kind: str,
) -> None:
    upstream.script(status=status)
    with pytest.raises(error) as raised:
        await claude.messages.create(
            model=CLAUDE, max_tokens=5, messages=[{"role": "user", "content": "x"}]
        )
    assert isinstance(raised.value, anthropic.APIStatusError)
    assert isinstance(raised.value.body, dict)
    assert raised.value.body["type"] == "error"
    assert raised.value.body["error"]["type"] == kind


async def test_azure_and_ollama_error_shapes(
    upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    upstream.script(status=429)
    azure = f"{upstream.base_url}/openai/deployments/d/chat/completions?api-version=2024-10-21"
    async with http.post(azure, json={"messages": []}) as response:
        assert response.status == 429
        assert (await response.json())["error"]["code"] == "429"
    async with http.post(f"{upstream.base_url}/api/chat", json={}) as response:
        assert response.status == 429
        assert isinstance((await response.json())["error"], str)


async def test_stream_error_mid_stream(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI, claude: anthropic.AsyncAnthropic
) -> None:
    upstream.script(stream_error_after=3)
    stream = await oai.chat.completions.create(
        model=MODEL, messages=chat("abcdefghijkl"), stream=True
    )
    with pytest.raises(openai.APIError, match="server had an error"):
        _ = [chunk async for chunk in stream]

    manager = claude.messages.stream(
        model=CLAUDE, max_tokens=5, messages=[{"role": "user", "content": "abcdefghijkl"}]
    )
    async with manager as message_stream:
        with pytest.raises(anthropic.APIStatusError, match="overloaded_error"):
            await message_stream.get_final_message()


async def test_reset_after_bytes_drops_the_connection(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI, http: aiohttp.ClientSession
) -> None:
    upstream.script(reset_after_bytes=50)
    body = {"model": MODEL, "stream": True, "messages": chat(PATIENT)}
    received = bytearray()

    async def read_all() -> None:
        async with http.post(f"{upstream.base_url}/v1/chat/completions", json=body) as response:
            async for chunk in response.content.iter_any():
                received.extend(chunk)

    with pytest.raises(aiohttp.ClientPayloadError):
        await read_all()
    assert len(received) == 50

    stream = await oai.chat.completions.create(model=MODEL, messages=chat(PATIENT), stream=True)
    with pytest.raises(openai.APIConnectionError):
        _ = [chunk async for chunk in stream]


async def test_delay_before_answer(upstream: FakeUpstream, oai: openai.AsyncOpenAI) -> None:
    upstream.script(delay=0.2)
    started = time.monotonic()
    await oai.chat.completions.create(model=MODEL, messages=chat("x"))
    assert time.monotonic() - started >= 0.2

    upstream.script(delay=1.0)
    with pytest.raises(openai.APITimeoutError):
        await oai.chat.completions.create(model=MODEL, messages=chat("x"), timeout=0.1)


async def test_chunk_delay_paces_the_stream(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI
) -> None:
    upstream.script(chunk_delay=0.05, chunk_size=10)
    stream = await oai.chat.completions.create(model=MODEL, messages=chat("x" * 30), stream=True)
    arrivals = [time.monotonic() async for _ in stream]
    assert arrivals[-1] - arrivals[0] >= 0.15


async def test_client_abandoning_a_stream_is_counted(
    upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    upstream.script(chunk_delay=0.02, chunk_size=1)
    body = {"model": MODEL, "stream": True, "messages": chat(PATIENT)}
    async with http.post(f"{upstream.base_url}/v1/chat/completions", json=body) as response:
        await response.content.readline()
        response.close()
    for _ in range(100):
        if upstream.abandoned:
            break
        await asyncio.sleep(0.01)
    assert upstream.abandoned == 1


async def test_unknown_path_is_recorded_404(
    upstream: FakeUpstream, oai: openai.AsyncOpenAI
) -> None:
    with pytest.raises(openai.NotFoundError):
        await oai.files.list()
    assert upstream.last.path == "/v1/files"


async def test_not_started_has_no_base_url() -> None:
    with pytest.raises(RuntimeError, match="not started"):
        _ = FakeUpstream().base_url
    with pytest.raises(ValueError, match="chunk_size"):
        Script(chunk_size=0)
