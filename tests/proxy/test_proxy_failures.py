"""Refusals, failures and isolation: nothing leaves unscrubbed, errors say what and where."""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
import json
import re
import threading
import time
import zlib
from collections.abc import Sequence

import aiohttp
import anthropic
import brotli
import openai
import pytest
from backports import zstd

from proxy.cli.serve import apply_route_overrides
from proxy.detection.detector import Detector
from proxy.detection.findings import Finding
from proxy.scrub.policy_settings import PolicySettings
from proxy.settings import Settings
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import Sladd, routed_settings, start_sladd
from tests.proxy.faults import eventually
from tests.proxy.patient import PROMPT, VALUES, assert_nothing_identifying_reached

CHAT = {"model": "m", "messages": [{"role": "user", "content": PROMPT}]}
BODY = json.dumps(CHAT).encode()


async def test_healthz(sladd: Sladd, http: aiohttp.ClientSession) -> None:
    async with http.get(f"{sladd.url}/healthz") as response:
        assert response.status == 200
        assert await response.json() == {"status": "ok"}


async def test_block_policy_refuses_with_types_and_offsets_only(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream
) -> None:
    policy = dataclasses.replace(
        base_settings.policy, actions={**base_settings.policy.actions, "NO_FODSELSNUMMER": "block"}
    )
    settings = routed_settings(dataclasses.replace(base_settings, policy=policy), upstream)
    server, running = await start_sladd(settings, detector)
    try:
        async with openai.AsyncOpenAI(
            base_url=f"{running.url}/v1", api_key="k", max_retries=0
        ) as client:
            with pytest.raises(openai.UnprocessableEntityError) as error:
                await client.chat.completions.create(
                    model="m", messages=[{"role": "user", "content": PROMPT}]
                )
    finally:
        await server.close()
    message = str(error.value.message)
    start = PROMPT.index("13097210181")
    assert error.value.code == "sladd_blocked"
    assert f"NO_FODSELSNUMMER at messages[0].content[{start}:{start + 11}]" in message
    assert all(value not in message for value in VALUES)
    assert upstream.requests == []


class ExplodingNer:
    """An NER engine that fails, as a crashed model would."""

    def analyze_batch(self, texts: Sequence[str]) -> list[list[object]]:
        raise RuntimeError("model crashed on 'Kari Nordmann'")


async def test_detection_failure_fails_closed(
    base_settings: Settings, upstream: FakeUpstream, caplog: pytest.LogCaptureFixture
) -> None:
    detector = Detector([], ExplodingNer())  # type: ignore[arg-type]
    server, running = await start_sladd(routed_settings(base_settings, upstream), detector)
    try:
        async with anthropic.AsyncAnthropic(
            base_url=running.url, api_key="k", max_retries=0
        ) as client:
            with pytest.raises(anthropic.InternalServerError) as error:
                await client.messages.create(
                    model="c", max_tokens=5, messages=[{"role": "user", "content": PROMPT}]
                )
    finally:
        await server.close()
    assert error.value.body["error"]["type"] == "sladd_scrub_failed"  # type: ignore[index]
    assert upstream.requests == []
    assert "Kari" not in caplog.text
    assert "RuntimeError" in caplog.text


async def test_upstream_errors_pass_through(
    oai: openai.AsyncOpenAI, upstream: FakeUpstream
) -> None:
    upstream.script(status=429)
    with pytest.raises(openai.RateLimitError):
        await oai.chat.completions.create(model="m", messages=[{"role": "user", "content": PROMPT}])


async def test_upstream_down_is_a_provider_shaped_502(
    base_settings: Settings, detector: Detector, http: aiohttp.ClientSession
) -> None:
    settings = apply_route_overrides(base_settings, ["anthropic=http://127.0.0.1:9"])
    server, running = await start_sladd(settings, detector)
    try:
        body = {"model": "c", "max_tokens": 5, "messages": [{"role": "user", "content": PROMPT}]}
        async with http.post(f"{running.url}/v1/messages", json=body) as response:
            assert response.status == 502
            reply = await response.json()
    finally:
        await server.close()
    assert reply["type"] == "error"
    assert reply["error"]["type"] == "sladd_upstream_unreachable"


async def _collect(oai: openai.AsyncOpenAI, received: list[str]) -> None:
    stream = await oai.chat.completions.create(
        model="m", messages=[{"role": "user", "content": PROMPT}], stream=True
    )
    async for chunk in stream:
        received.extend(c.delta.content or "" for c in chunk.choices)


async def test_stream_cut_mid_way_ends_with_an_error_event(
    oai: openai.AsyncOpenAI, upstream: FakeUpstream
) -> None:
    upstream.script(chunk_size=2, reset_after_bytes=2500)
    received: list[str] = []
    with pytest.raises(openai.APIError, match=r"stream failed"):
        await _collect(oai, received)
    text = "".join(received)
    assert text
    assert PROMPT.startswith(text)
    assert not re.search(r"\[[A-Z_]+_\d+\]?", text)


async def test_unknown_endpoint_with_body_is_refused_and_names_the_setting(
    sladd: Sladd, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    async with http.post(f"{sladd.url}/v1/files", data=PROMPT.encode()) as response:
        assert response.status == 403
        reply = await response.json()
    assert "routes.openai.unscrubbed_paths" in reply["error"]["message"]
    assert upstream.requests == []
    async with http.get(f"{sladd.url}/v1/models") as response:
        assert response.status == 200
    async with http.get(f"{sladd.url}/nowhere") as response:
        assert response.status == 404
        assert (await response.json())["error"]["type"] == "sladd_unknown_route"


async def test_unscrubbed_paths_setting_lets_an_endpoint_through(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    routes = routed_settings(base_settings, upstream).routes
    openai_route = dataclasses.replace(routes.openai, unscrubbed_paths=("files*",))
    settings = dataclasses.replace(
        base_settings, routes=dataclasses.replace(routes, openai=openai_route)
    )
    server, running = await start_sladd(settings, detector)
    try:
        async with http.post(f"{running.url}/v1/files", data=b"binary") as response:
            await response.read()
    finally:
        await server.close()
    assert upstream.last.path == "/v1/files"


@pytest.mark.parametrize(
    ("data", "headers", "status", "kind"),
    [
        (b"{not json", {}, 400, "sladd_invalid_request"),
        (b"[1, 2]", {}, 400, "sladd_invalid_request"),
        (b'{"messages": "\xff"}', {}, 400, "sladd_invalid_request"),
        (BODY, {"Content-Encoding": "compress"}, 415, "sladd_unsupported_encoding"),
        (BODY, {"Content-Encoding": "gzip, br"}, 415, "sladd_unsupported_encoding"),
        (BODY, {"Content-Encoding": "gzip"}, 400, "sladd_invalid_request"),  # not gzip data
        (BODY, {"Content-Type": "text/plain"}, 415, "sladd_unsupported_media_type"),
        (BODY, {"Content-Type": "multipart/form-data; b=x"}, 415, "sladd_unsupported_media_type"),
        (b"[" * 100 + b"]" * 100, {}, 400, "sladd_invalid_request"),
    ],
)
async def test_bad_bodies_get_clear_errors(
    sladd: Sladd,
    upstream: FakeUpstream,
    http: aiohttp.ClientSession,
    data: bytes,
    headers: dict[str, str],
    status: int,
    kind: str,
) -> None:
    headers = {"Content-Type": "application/json", **headers}
    async with http.post(
        f"{sladd.url}/v1/chat/completions", data=data, headers=headers
    ) as response:
        assert response.status == status
        assert (await response.json())["error"]["type"] == kind
    assert upstream.requests == []


def _compress(data: bytes, encoding: str) -> bytes:
    if encoding == "gzip":
        return gzip.compress(data)
    if encoding == "deflate":
        return zlib.compress(data)
    if encoding == "br":
        return brotli.compress(data)  # type: ignore[no-any-return]
    return zstd.compress(data)


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br", "zstd"])
async def test_compressed_bodies_are_decoded_and_scrubbed(
    sladd: Sladd, upstream: FakeUpstream, http: aiohttp.ClientSession, encoding: str
) -> None:
    headers = {"Content-Type": "application/json", "Content-Encoding": encoding}
    url = f"{sladd.url}/v1/chat/completions"
    async with http.post(url, data=_compress(BODY, encoding), headers=headers) as response:
        assert response.status == 200
        assert (await response.json())["choices"][0]["message"]["content"] == PROMPT
    assert_nothing_identifying_reached(upstream)
    assert "content-encoding" not in upstream.last.headers


async def test_compression_bomb_is_refused_by_the_decoded_size(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    server_settings = dataclasses.replace(base_settings.server, max_body_bytes=64 * 1024)
    settings = routed_settings(dataclasses.replace(base_settings, server=server_settings), upstream)
    server, running = await start_sladd(settings, detector)
    bomb = {"model": "m", "messages": [{"role": "user", "content": "a" * 5_000_000}]}
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    try:
        data = gzip.compress(json.dumps(bomb).encode())
        assert len(data) < 64 * 1024
        async with http.post(f"{running.url}/v1/chat/completions", data=data, headers=headers) as r:
            assert r.status == 413
    finally:
        await server.close()
    assert upstream.requests == []


async def test_body_over_the_limit_is_413(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    server_settings = dataclasses.replace(base_settings.server, max_body_bytes=1024)
    settings = routed_settings(dataclasses.replace(base_settings, server=server_settings), upstream)
    server, running = await start_sladd(settings, detector)
    try:
        body = {"model": "m", "messages": [{"role": "user", "content": "x" * 5000}]}
        async with http.post(f"{running.url}/v1/chat/completions", json=body) as response:
            assert response.status == 413
            assert "server.max_body_bytes" in (await response.json())["error"]["message"]
    finally:
        await server.close()
    assert upstream.requests == []


async def test_unconfigured_azure_route_is_503(
    base_settings: Settings, detector: Detector, http: aiohttp.ClientSession
) -> None:
    server, running = await start_sladd(base_settings, detector)
    try:
        async with http.post(
            f"{running.url}/azure/openai/deployments/d/chat/completions", json=CHAT
        ) as response:
            assert response.status == 503
            assert "routes.azure.upstream" in (await response.json())["error"]["message"]
    finally:
        await server.close()


async def test_header_hygiene(
    sladd: Sladd, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    headers = {
        "Authorization": "Bearer sk-secret",
        "X-Sladd-Session": "conv-1",
        "Connection": "keep-alive, X-Hop",
        "X-Hop": "1",
        "Accept-Encoding": "gzip",
        "OpenAI-Organization": "org-1",
    }
    async with http.post(
        f"{sladd.url}/v1/chat/completions", json=CHAT, headers=headers
    ) as response:
        assert response.status == 200
        assert response.headers["X-Sladd-Request-Id"]
    sent = upstream.last.headers
    assert sent["authorization"] == "Bearer sk-secret"
    assert sent["openai-organization"] == "org-1"
    assert sent["accept-encoding"] == "identity"
    assert "x-sladd-session" not in sent and "x-hop" not in sent


async def test_scopes_are_isolated_and_token_lookalikes_neutralised(
    sladd: Sladd, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    async def ask(key: str, text: str, session: str = "") -> str:
        headers = {"Authorization": f"Bearer {key}", "X-Sladd-Session": session}
        body = {"model": "m", "messages": [{"role": "user", "content": text}]}
        async with http.post(
            f"{sladd.url}/v1/chat/completions", json=body, headers=headers
        ) as response:
            return str((await response.json())["choices"][0]["message"]["content"])

    assert await ask("key-a", "Pasient Kari Nordmann") == "Pasient Kari Nordmann"
    assert "[PERSON_1]" in json.dumps(upstream.last.json)
    stolen = await ask("key-b", "Hvem er [PERSON_1]?")
    assert stolen == "Hvem er [PERSON_1]?"
    assert "[PERSON_1]" not in json.dumps(upstream.last.json)
    upstream.script(reply="Svar om [PERSON_1]")
    assert await ask("key-b", "hei") == "Svar om [PERSON_1]"
    assert await ask("key-a", "hei", session="other-conversation") == "Svar om [PERSON_1]"
    assert await ask("key-a", "hei") == "Svar om Kari Nordmann"


class SlowDetector(Detector):
    """Detection that takes a while, to show it runs off the event loop: ``entered`` is set
    when a detection starts, ``done`` when it ends."""

    def __init__(self) -> None:
        super().__init__([])
        self.entered = threading.Event()
        self.done = threading.Event()

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        self.entered.set()
        time.sleep(1.5)
        self.done.set()
        return super().detect_many(texts)


async def test_slow_detection_does_not_stall_other_requests(
    base_settings: Settings, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    """Protection: detection runs off the event loop. Fails if it ran on the loop: the loop
    could then answer ``/healthz`` only after the detection finished."""
    detector = SlowDetector()
    server, running = await start_sladd(routed_settings(base_settings, upstream), detector)
    try:
        slow = asyncio.create_task(http.post(f"{running.url}/v1/chat/completions", json=CHAT))
        assert await eventually(detector.entered.is_set, 10.0)
        async with http.get(f"{running.url}/healthz") as response:
            assert response.status == 200
        assert not detector.done.is_set()
        (await slow).release()
    finally:
        await server.close()


async def test_policy_allow_list_and_redact(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream
) -> None:
    policy = PolicySettings(actions={"PHONE_NUMBER": "redact"}, allow_list=("Ola Hansen",))
    settings = routed_settings(dataclasses.replace(base_settings, policy=policy), upstream)
    server, running = await start_sladd(settings, detector)
    try:
        async with openai.AsyncOpenAI(
            base_url=f"{running.url}/v1", api_key="k", max_retries=0
        ) as client:
            reply = await client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": PROMPT}]
            )
    finally:
        await server.close()
    sent = json.dumps(upstream.last.json, ensure_ascii=False)
    assert "Ola Hansen" in sent
    assert "[REDACTED_PHONE]" in sent
    assert reply.choices[0].message.content == PROMPT.replace("912 34 567", "[REDACTED_PHONE]")


@pytest.mark.parametrize(
    "head",
    [
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nX-Bad: a\x00b\r\nContent-Length: 2\r\n",
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
        b"Transfer-Encoding: chunked\r\n",
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n folded: yes\r\n",
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 2, 2\r\n",
    ],
)
async def test_malformed_or_smuggling_requests_are_rejected(
    sladd: Sladd, upstream: FakeUpstream, head: bytes
) -> None:
    """aiohttp's strict parser stays on: injected, folded or ambiguous framing is a 400."""
    host, port = sladd.url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(head + b"\r\n{}")
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), 10)
    writer.close()
    await writer.wait_closed()
    assert status_line.split(b" ")[1] == b"400"
    assert upstream.requests == []
