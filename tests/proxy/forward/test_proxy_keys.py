"""Proxy keys: beyond loopback sladd is never an open relay (base-URL mode and CONNECT)."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import openai
import pytest

from proxy.access import ProxyKeyError, ProxyKeys, load_proxy_keys
from proxy.settings import Settings
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.forward.conftest import ForwardSladd, StartSladd, set_proxy_environment
from tests.proxy.forward.raw import close, open_proxy, read_reply
from tests.proxy.patient import PROMPT, assert_nothing_identifying_reached

KEY = "k3y-for-ward-clinic-0042"
CHAT = {"model": "m", "messages": [{"role": "user", "content": PROMPT}]}


@pytest.fixture
async def keyed(forward_settings: Settings, start: StartSladd) -> AsyncIterator[ForwardSladd]:
    async with start(forward_settings, keys=ProxyKeys(frozenset({KEY}))) as running:
        yield running


async def test_base_url_requests_need_the_key(
    keyed: ForwardSladd, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    url = f"{keyed.url}/v1/chat/completions"
    async with http.post(url, json=CHAT) as response:
        assert response.status == 401
        assert (await response.json())["error"]["type"] == "sladd_proxy_key_required"
    async with http.post(url, json=CHAT, headers={"X-Sladd-Key": "wrong-key-000000000"}) as r:
        assert r.status == 401
    assert upstream.requests == []
    async with http.post(url, json=CHAT, headers={"X-Sladd-Key": KEY}) as response:
        assert response.status == 200
    assert "x-sladd-key" not in upstream.last.headers
    assert_nothing_identifying_reached(upstream)


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer not-the-key-at-all", "Basic " + base64.b64encode(b"x:nope").decode()],
)
async def test_connect_without_a_key_is_407(keyed: ForwardSladd, authorization: str | None) -> None:
    reader, writer = await open_proxy(keyed.url)
    extra = f"Proxy-Authorization: {authorization}\r\n" if authorization else ""
    writer.write(f"CONNECT api.openai.com:443 HTTP/1.1\r\n{extra}\r\n".encode())
    reply = await read_reply(reader)
    assert reply.status == 407
    assert reply.headers["proxy-authenticate"] == 'Basic realm="sladd"'
    assert json.loads(reply.body)["error"]["type"] == "sladd_proxy_key_required"
    await close(writer)


async def test_sdk_with_the_key_in_https_proxy_works(
    keyed: ForwardSladd, upstream: FakeUpstream, bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy_url = keyed.url.replace("http://", f"http://{KEY}@")
    set_proxy_environment(monkeypatch, proxy_url, bundle)
    async with openai.AsyncOpenAI(api_key="sk-test", max_retries=0) as client:
        reply = await client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": PROMPT}]
        )
    assert reply.choices[0].message.content == PROMPT
    assert_nothing_identifying_reached(upstream)


def test_listening_beyond_loopback_requires_keys(tmp_path: Path) -> None:
    with pytest.raises(ProxyKeyError, match="not loopback"):
        load_proxy_keys(None, {}, "0.0.0.0")
    assert not load_proxy_keys(None, {}, "127.0.0.1").required
    assert load_proxy_keys(None, {"SLADD_PROXY_KEYS": KEY}, "0.0.0.0").accepts(KEY)


def test_key_file_must_be_private_and_keys_long(tmp_path: Path) -> None:
    path = tmp_path / "keys"
    path.write_text(f"# clinic A\n{KEY}\n", encoding="utf-8")
    path.chmod(0o644)
    with pytest.raises(ProxyKeyError, match="0600"):
        load_proxy_keys(path, {}, "10.0.0.5")
    path.chmod(0o600)
    assert load_proxy_keys(path, {}, "10.0.0.5").accepts(KEY)
    with pytest.raises(ProxyKeyError, match="at least 16"):
        load_proxy_keys(None, {"SLADD_PROXY_KEYS": "short"}, "127.0.0.1")
