"""The official ``google-genai`` SDK through sladd, configured by ``GOOGLE_GEMINI_BASE_URL`` alone,
and deny by default on the Gemini route as a property (canaries anywhere in a body).

The blocking client runs in a worker thread: the fake upstream and sladd answer on this
test's event loop.
"""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest
from google import genai
from google.genai import errors, types
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fakes.llm_upstream import FakeUpstream
from tests.fakes.script import ToolCall
from tests.proxy.conftest import Sladd
from tests.proxy.patient import (
    PROMPT,
    VALUES,
    assert_clinical_content_kept,
    assert_nothing_identifying_reached,
)
from tests.proxy.test_deny_by_default_property import (
    SPLIT,
    Endpoint,
    hostile_bodies,
    send_and_check,
)

pytestmark = pytest.mark.filterwarnings(
    # google-genai's async client subclasses aiohttp.ClientSession, which aiohttp warns about.
    "ignore:Inheritance class AiohttpClientSession:DeprecationWarning"
)

MODEL = "gemini-2.5-flash"
KEY = "AIza-test-clinic-a"
SDK_VARIABLES = ("GOOGLE_API_KEY", "GEMINI_API_KEY", "GOOGLE_GENAI_USE_VERTEXAI")


@pytest.fixture
def gemini(sladd: Sladd, monkeypatch: pytest.MonkeyPatch) -> genai.Client:
    """A client whose only configuration is ``GOOGLE_GEMINI_BASE_URL`` (and its API key)."""
    for name in SDK_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GOOGLE_GEMINI_BASE_URL", f"{sladd.url}/gemini")
    return genai.Client(api_key=KEY)


async def test_generate_content_round_trip(gemini: genai.Client, upstream: FakeUpstream) -> None:
    config = types.GenerateContentConfig(system_instruction="Du hjelper fastlege Ola Hansen.")
    response = await gemini.aio.models.generate_content(model=MODEL, contents=PROMPT, config=config)
    assert response.text == PROMPT
    assert upstream.last.path.endswith(f"/models/{MODEL}:generateContent")
    assert upstream.last.headers["x-goog-api-key"] == KEY
    assert upstream.last.headers["x-goog-api-client"].startswith("google-genai-sdk/")
    assert "Ola Hansen" not in upstream.last.body.decode()
    assert_nothing_identifying_reached(upstream)
    assert_clinical_content_kept(upstream)


@pytest.mark.parametrize("chunk_size", [1, 7])
async def test_stream_round_trip(
    gemini: genai.Client, upstream: FakeUpstream, chunk_size: int
) -> None:
    upstream.script(chunk_size=chunk_size, thinking="Jeg leser notatet.")
    stream = await gemini.aio.models.generate_content_stream(model=MODEL, contents=PROMPT)
    chunks = [chunk async for chunk in stream]
    assert "".join(chunk.text or "" for chunk in chunks) == PROMPT
    assert len(chunks) > 1
    assert upstream.last.query == {"alt": "sse"}
    assert_nothing_identifying_reached(upstream)


async def test_blocking_client_whole_and_streamed(
    gemini: genai.Client, upstream: FakeUpstream
) -> None:
    def whole() -> str | None:
        return gemini.models.generate_content(model=MODEL, contents=PROMPT).text

    def streamed() -> str:
        stream = gemini.models.generate_content_stream(model=MODEL, contents=PROMPT)
        return "".join(chunk.text or "" for chunk in stream)

    assert await asyncio.to_thread(whole) == PROMPT
    assert await asyncio.to_thread(streamed) == PROMPT
    assert_nothing_identifying_reached(upstream)


async def test_function_call_round_trip(gemini: genai.Client, upstream: FakeUpstream) -> None:
    upstream.script(tool_call=ToolCall("lagre_notat", echo_key="notat"))
    tool = types.Tool(
        function_declarations=[
            types.FunctionDeclaration(
                name="lagre_notat",
                description="Lagrer et notat i journalen",
                parameters_json_schema={
                    "type": "object",
                    "properties": {"notat": {"type": "string"}},
                },
            )
        ]
    )
    config = types.GenerateContentConfig(tools=[tool])
    first = await gemini.aio.models.generate_content(model=MODEL, contents=PROMPT, config=config)
    assert first.function_calls is not None
    call = first.function_calls[0]
    assert (call.name, call.args) == ("lagre_notat", {"notat": PROMPT})
    upstream.script()  # echo the function response
    assert first.candidates is not None and first.candidates[0].content is not None
    reply = types.Part.from_function_response(name="lagre_notat", response={"lagret": PROMPT})
    turns = [
        types.Content(role="user", parts=[types.Part(text=PROMPT)]),
        first.candidates[0].content,
        types.Content(role="user", parts=[reply]),
    ]
    second = await gemini.aio.models.generate_content(model=MODEL, contents=turns, config=config)
    assert second.text == PROMPT
    sent = upstream.last.json
    assert isinstance(sent, dict)
    model_turn = sent["contents"][1]["parts"][0]["functionCall"]
    assert model_turn["args"]["notat"] == upstream.requests[0].at("contents", 0, "parts", 0, "text")
    assert_nothing_identifying_reached(upstream)


async def test_a_broken_stream_ends_with_an_error_the_sdk_raises(
    gemini: genai.Client, upstream: FakeUpstream
) -> None:
    upstream.script(chunk_size=3, reset_after_bytes=400)
    stream = await gemini.aio.models.generate_content_stream(model=MODEL, contents=PROMPT)
    received: list[str] = []

    async def read() -> None:
        async for chunk in stream:
            received.append(chunk.text or "")

    with pytest.raises(errors.ServerError) as failed:
        await read()
    assert received and PROMPT.startswith("".join(received))
    assert failed.value.code == 502
    assert failed.value.details["error"]["details"][0]["reason"] == "sladd_stream_failed"


async def test_count_tokens_is_scrubbed(gemini: genai.Client, upstream: FakeUpstream) -> None:
    counted = await gemini.aio.models.count_tokens(model=MODEL, contents=PROMPT)
    assert counted.total_tokens is not None and counted.total_tokens > 0
    assert upstream.last.path.endswith(":countTokens")
    assert_nothing_identifying_reached(upstream)


async def _tokens_for(gemini: genai.Client, upstream: FakeUpstream) -> str:
    """What the upstream received for ``PROMPT`` sent with ``x-goog-api-key``."""
    await gemini.aio.models.generate_content(model=MODEL, contents=PROMPT)
    scrubbed = upstream.last.at("contents", 0, "parts", 0, "text")
    assert isinstance(scrubbed, str) and "Kari Nordmann" not in scrubbed
    return scrubbed


async def _answer_with_query_key(
    sladd: Sladd, http: aiohttp.ClientSession, key: str
) -> dict[str, object]:
    url = f"{sladd.url}/gemini/v1beta/models/{MODEL}:generateContent?key={key}"
    body = {"contents": [{"role": "user", "parts": [{"text": "Hei"}]}]}
    async with http.post(url, json=body) as response:
        assert response.status == 200
        answer = await response.json()
    assert isinstance(answer, dict)
    return answer


async def test_query_key_and_header_key_are_one_scope(
    gemini: genai.Client, sladd: Sladd, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    scrubbed = await _tokens_for(gemini, upstream)
    upstream.script(reply=scrubbed)  # the model quotes the tokens it was sent
    same = await _answer_with_query_key(sladd, http, KEY)
    assert same["candidates"][0]["content"]["parts"][0]["text"] == PROMPT  # type: ignore[index]
    assert upstream.last.query["key"] == KEY  # forwarded: Google reads it there
    other = await _answer_with_query_key(sladd, http, "AIza-test-clinic-b")
    text = other["candidates"][0]["content"]["parts"][0]["text"]  # type: ignore[index]
    assert text == scrubbed
    assert not any(value in text for value in VALUES)


async def test_unknown_endpoint_is_refused_in_geminis_shape(
    gemini: genai.Client, upstream: FakeUpstream
) -> None:
    with pytest.raises(errors.ClientError) as refused:
        await gemini.aio.models.embed_content(model="text-embedding-004", contents=PROMPT)
    assert (refused.value.code, refused.value.status) == (403, "PERMISSION_DENIED")
    assert refused.value.details["error"]["details"][0]["reason"] == "sladd_unscrubbable_endpoint"
    assert not upstream.requests


async def test_unknown_part_kind_is_refused_and_nothing_sent(
    sladd: Sladd, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    url = f"{sladd.url}/gemini/v1beta/models/{MODEL}:generateContent"
    body = {"contents": [{"role": "user", "parts": [{"pasient": PROMPT}]}]}
    async with http.post(url, json=body, headers={"x-goog-api-key": KEY}) as response:
        answer = await response.json()
    assert response.status == 400
    assert answer["error"]["status"] == "INVALID_ARGUMENT"
    assert answer["error"]["details"][0]["reason"] == "sladd_unscrubbable_input"
    assert "pasient" not in json.dumps(answer)
    assert not upstream.requests


async def test_only_sdk_headers_with_sdk_values_are_forwarded(
    sladd: Sladd, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    url = f"{sladd.url}/gemini/v1beta/models/{MODEL}:generateContent?alt=json"
    headers = {
        "x-goog-api-key": KEY,
        "x-goog-api-client": "google-genai-sdk/3.6.1 gl-python/3.11.7",
        "x-goog-user-project": "Kari Nordmann",
        "X-Patient": "Kari Nordmann",
    }
    body = {"contents": [{"role": "user", "parts": [{"text": "Hei"}]}]}
    async with http.post(url, json=body, headers=headers) as response:
        assert response.status == 200
    sent = upstream.last.headers
    assert sent["x-goog-api-client"] == headers["x-goog-api-client"]
    assert "x-goog-user-project" not in sent and "x-patient" not in sent
    assert upstream.last.query == {"alt": "json"}


HOSTILE = Endpoint(
    f"/gemini/v1beta/models/{MODEL}:generateContent",
    {"x-goog-api-key": KEY},
    {
        "contents": [{"role": "user", "parts": [{"text": "Hei, oppsummer."}]}],
        "systemInstruction": {"parts": [{"text": "Svar kort."}]},
        "tools": [
            {
                "functionDeclarations": [
                    {
                        "name": "lagre",
                        "description": "Lagrer et notat",
                        "parameters": {
                            "type": "object",
                            "properties": {"notat": {"type": "string"}},
                        },
                    }
                ]
            }
        ],
        "generationConfig": {"temperature": 0.2, "maxOutputTokens": 1200},
    },
    None,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), split=st.booleans())
async def test_canaries_anywhere_never_reach_the_upstream(
    http: aiohttp.ClientSession,
    sladd: Sladd,
    upstream: FakeUpstream,
    data: st.DataObject,
    split: bool,
) -> None:
    """Deny by default on Gemini's body: unknown fields and part kinds are refused, every
    other string, number and key is scanned, a turn's text parts as one text (``split``: a
    name over two parts). Each request is refused with nothing sent, or arrives clean."""
    body = data.draw(hostile_bodies(HOSTILE))
    contents = body.get("contents")
    first = contents[0] if isinstance(contents, list) and contents else None
    if split and isinstance(first, dict):
        first["parts"] = [{"text": text} for text in SPLIT]
    await send_and_check(http, sladd, upstream, HOSTILE, body)
