"""Faults: clients that leave, upstreams that stall or break.

Each test names the protection it checks and fails if that protection is removed. sladd runs
as ``sladd serve`` runs it (``web.AppRunner``, see :func:`tests.proxy.faults.serving`);
``handler_cancellation`` is varied where it matters, because aiohttp's ``TestServer`` turns it
on while ``serve.py`` leaves it off.
"""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import json
import re

import aiohttp
import pytest

from proxy.detection.detector import Detector
from proxy.providers.base import Framing
from proxy.providers.framing import decoder
from proxy.settings import Settings
from tests.fakes import anthropic_wire, ollama_wire
from tests.fakes.llm_upstream import FakeUpstream
from tests.fakes.script import Script
from tests.fakes.wire import Call, Endpoint, obj
from tests.proxy.conftest import routed_settings
from tests.proxy.faults import CHAT_PATH, TOKEN_PIECE, chat, eventually, serving, sse_contents
from tests.proxy.patient import PROMPT, assert_nothing_identifying_reached


async def read_stream(http: aiohttp.ClientSession, url: str) -> str:
    async with http.post(f"{url}{CHAT_PATH}", json=chat(True)) as response:
        assert response.status == 200
        return sse_contents(await response.read())[0]


async def read_a_little_then_leave(http: aiohttp.ClientSession, url: str) -> None:
    async with http.post(f"{url}{CHAT_PATH}", json=chat(True)) as response:
        assert response.status == 200
        await response.content.readline()
        response.close()  # the client goes away mid-stream


@pytest.mark.parametrize("cancel_on_disconnect", [False, True])
async def test_client_gone_mid_stream_cancels_the_upstream_and_others_are_served(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream, cancel_on_disconnect: bool
) -> None:
    """Protection: when the client leaves, sladd stops reading the upstream stream (it does
    not drain a paid-for answer nobody reads) and other exchanges are unaffected. Fails if
    sladd keeps relaying to the end (``abandoned`` stays 0: the fake finishes normally)."""
    upstream.script(chunk_size=2, chunk_delay=0.01)  # ~1.7 s per answer
    settings = routed_settings(base_settings, upstream)
    async with (
        serving(settings, detector, cancel_on_disconnect=cancel_on_disconnect) as url,
        aiohttp.ClientSession() as http,
    ):
        other = asyncio.create_task(read_stream(http, url))
        await read_a_little_then_leave(http, url)
        assert await eventually(lambda: upstream.abandoned == 1, 10.0)
        assert await other == PROMPT
        upstream.script(Script())
        async with http.post(f"{url}{CHAT_PATH}", json=chat(False)) as response:
            answer = await response.json()
    assert answer["choices"][0]["message"]["content"] == PROMPT
    assert upstream.abandoned == 1
    assert_nothing_identifying_reached(upstream)


def with_read_timeout(settings: Settings, seconds: float) -> Settings:
    server = dataclasses.replace(settings.server, upstream_read_timeout=seconds)
    return dataclasses.replace(settings, server=server)


def error_type(reply: dict[str, object]) -> str:
    """The ``type`` of an OpenAI / Anthropic error body, the prefix of an Ollama one."""
    error = reply["error"]
    return str(obj(error).get("type") or str(error).split(":", 1)[0])


PATHS = {"openai": CHAT_PATH, "anthropic": "/v1/messages", "ollama": "/ollama/api/chat"}


@pytest.mark.parametrize("shape", sorted(PATHS))
async def test_upstream_slower_than_the_read_timeout_is_a_provider_shaped_504(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream, shape: str
) -> None:
    """Protection: ``server.upstream_read_timeout`` bounds the wait for an answer. Fails if
    the timeout is not applied (the answer arrives after ``delay`` and is a 200) or if the
    error is not in the provider's shape."""
    upstream.script(delay=3.0)
    settings = with_read_timeout(routed_settings(base_settings, upstream), 0.3)
    body = {**chat(False), "max_tokens": 5}
    loop = asyncio.get_running_loop()
    async with serving(settings, detector) as url, aiohttp.ClientSession() as http:
        started = loop.time()
        async with http.post(f"{url}{PATHS[shape]}", json=body) as response:
            status, reply = response.status, await response.json()
        elapsed = loop.time() - started
    assert (status, error_type(reply)) == (504, "sladd_upstream_timeout")
    assert elapsed < 2.0  # 0.3 s timeout; the answer would take 3 s
    assert_nothing_identifying_reached(upstream)


async def test_upstream_stalling_mid_stream_ends_it_with_an_error_event(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream
) -> None:
    """Protection: the read timeout also bounds each wait inside a stream, and the stream
    then ends with an error event and no token fragment. Fails if a stalled stream is
    waited out (this one would take ~20 s) or ends without the error event."""
    upstream.script(chunk_size=40, chunk_delay=2.0)
    settings = with_read_timeout(routed_settings(base_settings, upstream), 0.3)
    loop = asyncio.get_running_loop()
    async with serving(settings, detector) as url, aiohttp.ClientSession() as http:
        started = loop.time()
        async with http.post(f"{url}{CHAT_PATH}", json=chat(True)) as response:
            text, payloads = sse_contents(await response.read())
        elapsed = loop.time() - started
    assert elapsed < 1.5  # 0.3 s timeout; the next piece would come after 2 s
    assert payloads[-1]["error"]["type"] == "sladd_stream_failed"  # type: ignore[index]
    assert PROMPT.startswith(text)
    assert not TOKEN_PIECE.search(text)


RESETS: dict[str, tuple[str, Endpoint, Framing]] = {
    "anthropic": ("/v1/messages", anthropic_wire.messages, "sse"),
    "ollama": ("/ollama/api/chat", ollama_wire.chat, "ndjson"),
}


def streamed_text(event: dict[str, object]) -> str:
    """The answer text one Anthropic or Ollama stream event carries."""
    delta, message = obj(event.get("delta")), obj(event.get("message"))
    return str(delta.get("text") or message.get("content") or "")


def byte_inside_the_last_token(frames: list[bytes], framing: Framing) -> int:
    """A byte offset in the middle of the frame after the last one that ends inside a token."""
    text, sent, cut = "", 0, None
    for frame, following in itertools.pairwise(frames):
        for event in decoder(framing).feed(frame):
            text += streamed_text(obj(event.data))
        sent += len(frame)
        if re.search(r"\[[A-Z]+$", text):
            cut = sent + len(following) // 2
    assert cut is not None, "no token in the echoed answer"
    return cut


def client_events(raw: bytes, framing: Framing) -> list[dict[str, object]]:
    events = decoder(framing)
    return [obj(e.data) for e in [*events.feed(raw), *events.finish()]]


@pytest.mark.parametrize("provider", sorted(RESETS))
async def test_upstream_reset_inside_a_token_ends_with_the_provider_error_event(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream, provider: str
) -> None:
    """Protection: text that may be the start of a token is held back and, when the upstream
    connection breaks, dropped; the stream ends with the provider's error event. The cut is
    placed right after ``[PERS``-like text: fails if held-back text were flushed on error,
    if tokens were passed through unheld, or if the error event were missing."""
    path, wire, framing = RESETS[provider]
    body = {**chat(True), "max_tokens": 50}
    settings = routed_settings(base_settings, upstream)
    async with serving(settings, detector) as url, aiohttp.ClientSession() as http:
        async with http.post(f"{url}{path}", json=body) as response:
            assert response.status == 200
            whole = client_events(await response.read(), framing)
        script = Script(chunk_size=1)
        frames = wire(Call(obj(upstream.last.json), script)).frames
        cut = byte_inside_the_last_token(frames, framing)
        upstream.queue(dataclasses.replace(script, reset_after_bytes=cut))
        async with http.post(f"{url}{path}", json=body) as response:
            events = client_events(await response.read(), framing)
    assert "".join(streamed_text(e) for e in whole) == PROMPT
    text = "".join(streamed_text(e) for e in events[:-1])
    assert text == PROMPT[: PROMPT.index("1234.56.78903")]  # up to the cut (last) token
    assert "sladd_stream_failed" in json.dumps(events[-1])
    assert_nothing_identifying_reached(upstream)
