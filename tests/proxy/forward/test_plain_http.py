"""Absolute-form ``http://`` requests (HTTP_PROXY), e.g. a local Ollama, through the pipeline."""

from __future__ import annotations

import json

import aiohttp
import openai
import pytest

from proxy.settings import Settings
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.forward.conftest import StartSladd, with_forward
from tests.proxy.forward.raw import close, open_proxy, read_reply
from tests.proxy.patient import PROMPT, assert_nothing_identifying_reached

CHAT = {"model": "llama", "messages": [{"role": "user", "content": PROMPT}]}


def _ollama_known(settings: Settings, upstream: FakeUpstream, *allowed: str) -> Settings:
    authority = upstream.base_url.removeprefix("http://")
    return with_forward(settings, plain_hosts={authority: "ollama"}, allow_private_targets=allowed)


async def test_plain_ollama_chat_is_scrubbed_and_restored(
    forward_settings: Settings, start: StartSladd, upstream: FakeUpstream
) -> None:
    settings = _ollama_known(forward_settings, upstream, "127.0.0.0/8")
    async with start(settings) as sladd, aiohttp.ClientSession() as http:
        url = f"{upstream.base_url}/api/chat"
        async with http.post(url, json={**CHAT, "stream": False}, proxy=sladd.url) as response:
            assert response.status == 200
            reply = await response.json()
        async with http.post(url, json={**CHAT, "stream": True}, proxy=sladd.url) as response:
            lines = [json.loads(line) async for line in response.content if line.strip()]
    assert reply["message"]["content"] == PROMPT
    assert "".join(line["message"]["content"] for line in lines) == PROMPT
    assert [r.path for r in upstream.requests] == ["/api/chat", "/api/chat"]
    assert_nothing_identifying_reached(upstream)


async def test_openai_sdk_over_http_proxy_reaches_the_ollama_route(
    forward_settings: Settings,
    start: StartSladd,
    upstream: FakeUpstream,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = _ollama_known(forward_settings, upstream, "127.0.0.1/32")
    async with start(settings) as sladd:
        for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTP_PROXY", sladd.url)
        monkeypatch.setenv("http_proxy", sladd.url)
        async with openai.AsyncOpenAI(
            api_key="ollama", base_url=f"{upstream.base_url}/v1", max_retries=0
        ) as client:
            reply = await client.chat.completions.create(
                model="llama", messages=[{"role": "user", "content": PROMPT}]
            )
    assert reply.choices[0].message.content == PROMPT
    assert upstream.last.path == "/v1/chat/completions"
    assert_nothing_identifying_reached(upstream)


async def test_loopback_plain_host_is_refused_unless_allowed(
    forward_settings: Settings, start: StartSladd, upstream: FakeUpstream
) -> None:
    async with (
        start(_ollama_known(forward_settings, upstream)) as sladd,
        aiohttp.ClientSession() as http,
    ):
        url = f"{upstream.base_url}/api/chat"
        async with http.post(url, json=CHAT, proxy=sladd.url) as response:
            assert response.status == 403
            error = (await response.json())["error"]
    assert error["type"] == "sladd_forward_refused"
    assert "allow_private_targets" in error["message"]
    assert not upstream.requests


@pytest.mark.parametrize(
    ("target", "status", "text"),
    [
        ("http://203.0.113.9/api/chat", 403, "forward_proxy.plain_hosts"),
        ("http://169.254.169.254/latest/meta-data/", 403, "allow_private_targets"),
        ("https://api.openai.com/v1/models", 400, "must be http://"),
    ],
)
async def test_other_plain_targets_are_refused(
    forward_settings: Settings, start: StartSladd, target: str, status: int, text: str
) -> None:
    settings = with_forward(forward_settings, plain_hosts={"169.254.169.254": "ollama"})
    async with start(settings) as sladd:
        reader, writer = await open_proxy(sladd.url)
        writer.write(f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        reply = await read_reply(reader)
        await close(writer)
    assert reply.status == status
    assert text in reply.message()
