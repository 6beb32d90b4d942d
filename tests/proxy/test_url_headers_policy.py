"""Query strings and headers, deny by default: what is not known to be harmless never leaves.

A query parameter outside the route's record is scanned and the request refused (nothing
sent) when it holds a finding; a header outside the route's allow-list (plus
``routes.NAME.forward_headers``) is dropped. Base-URL and forward-proxy requests alike.
"""

from __future__ import annotations

import dataclasses
import json
import ssl
from pathlib import Path

import aiohttp
import anthropic
import openai
import pytest
from yarl import URL

from proxy.detection.detector import Detector
from proxy.forward.tls import ensure_ca
from proxy.http.query_policy import split_query
from proxy.providers.records import RECORDS, record_for
from proxy.settings import ConfigError, RouteSettings, Settings, load_settings
from proxy.support.toml_binding import bind
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import OPENAI_KEY, Sladd, routed_settings, start_sladd
from tests.proxy.forward.conftest import run_forward_sladd, with_forward

CANARIES = ("13097248022", "Kari", "Nordmann", "91234567", "kari.nordmann@gmail.com")
CHAT = {"model": "m", "messages": [{"role": "user", "content": "Hei, hvordan går det?"}]}
OLLAMA_CHAT = {**CHAT, "stream": False}
REFUSED = "sladd_identifying_query"


def _assert_no_canary(text: str) -> None:
    for canary in CANARIES:
        assert canary.casefold() not in text.casefold(), canary


@pytest.mark.parametrize(
    ("path", "body", "position"),
    [
        ("/v1/chat/completions?patient=Kari%20Nordmann&fnr=13097248022", CHAT, 1),
        ("/v1/chat/completions?stream=true&fnr=13097248022", CHAT, 2),
        ("/v1/chat/completions?who=Kari+Nordmann", CHAT, 1),
        ("/v1/chat/completions?Kari%20Nordmann=1", CHAT, 1),  # the name is the identifier
        ("/v1/chat/completions?limit=91234567", CHAT, 1),  # known name, not an API value
        ("/v1/chat/completions?x=%2531%2533%2530%2539%2537%2532%2534%2538%2530%2532%2532", CHAT, 1),
        ("/v1/models?mail=kari.nordmann%40gmail.com", None, 1),  # unscrubbed GET, no body
        ("/azure/openai/deployments/d/chat/completions?api-version=1;fnr=13097248022", CHAT, 2),
        ("/anthropic/v1/messages?beta=true&note=Kari%20Nordmann", CHAT, 2),
        ("/ollama/api/chat?user=Kari%20Nordmann", OLLAMA_CHAT, 1),
    ],
)
async def test_identifying_query_parameter_is_refused_and_nothing_sent(
    sladd: Sladd,
    upstream: FakeUpstream,
    http: aiohttp.ClientSession,
    path: str,
    body: object,
    position: int,
) -> None:
    method = "POST" if body is not None else "GET"
    # ``yarl.URL(..., encoded=True)``: the query reaches sladd byte for byte as written here.
    url = URL(f"{sladd.url}{path}", encoded=True)
    async with http.request(method, url, json=body) as response:
        assert response.status == 400
        text = await response.text()
    assert REFUSED in text
    assert f"query parameter {position} " in text
    _assert_no_canary(text)
    assert upstream.requests == []


@pytest.mark.parametrize(
    ("method", "path", "position"),
    [
        ("GET", "/v1/files/Kari%20Nordmann", 2),
        ("GET", "/v1/models/13097248022", 2),
        ("POST", "/azure/openai/deployments/pasient-13097248022/chat/completions", 2),
        ("GET", "/ollama/api/show/kari.nordmann%40gmail.com", 3),
    ],
)
async def test_identifying_path_segment_is_refused_and_nothing_sent(
    sladd: Sladd,
    upstream: FakeUpstream,
    http: aiohttp.ClientSession,
    method: str,
    path: str,
    position: int,
) -> None:
    """Protection: ``check_path``. The path after a route's base goes upstream as it came."""
    url = URL(f"{sladd.url}{path}", encoded=True)
    body = CHAT if method == "POST" else None
    async with http.request(method, url, json=body) as response:
        assert response.status == 400
        text = await response.text()
    assert "sladd_identifying_path" in text and f"path segment {position} " in text
    _assert_no_canary(text)
    assert upstream.requests == []


async def test_harmless_and_known_parameters_are_forwarded_as_sent(
    sladd: Sladd, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    url = URL(f"{sladd.url}/v1/chat/completions?trace=abc%20def&x=1", encoded=True)
    async with http.post(url, json=CHAT) as response:
        assert response.status == 200
    assert upstream.last.query == {"trace": "abc def", "x": "1"}
    async with openai.AsyncAzureOpenAI(
        azure_endpoint=f"{sladd.url}/azure",
        api_key="azure-key",
        api_version="2024-10-21",
        max_retries=0,
    ) as azure:
        await azure.chat.completions.create(model="d", messages=[CHAT["messages"][0]])  # type: ignore[list-item]
    assert upstream.last.query == {"api-version": "2024-10-21"}
    assert upstream.last.headers["api-key"] == "azure-key"


async def test_query_is_checked_for_forward_proxy_requests(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream, tmp_path: Path
) -> None:
    """Plain ``http://`` (HTTP_PROXY, absolute-form) and intercepted ``https://`` (CONNECT)
    requests reach the same check."""
    authority = upstream.base_url.removeprefix("http://")
    settings = with_forward(
        routed_settings(base_settings, upstream),
        plain_hosts={authority: "ollama"},
        allow_private_targets=("127.0.0.0/8",),
    )
    ca, _ = ensure_ca(tmp_path / "data")
    trust = ssl.create_default_context(cafile=str(ca.cert_path))
    plain = URL(f"{upstream.base_url}/api/chat?u=Kari%20Nordmann", encoded=True)
    tls = URL("https://api.openai.com/v1/chat/completions?fnr=13097248022", encoded=True)
    async with (
        run_forward_sladd(settings, detector, ca) as sladd,
        aiohttp.ClientSession() as http,
    ):
        async with http.post(plain, json=OLLAMA_CHAT, proxy=sladd.url) as response:
            assert response.status == 400
            assert REFUSED in await response.text()
        async with http.post(tls, json=CHAT, proxy=sladd.url, ssl=trust) as response:
            assert response.status == 400
            assert REFUSED in await response.text()
        assert upstream.requests == []
        async with http.post(tls.with_query(None), json=CHAT, proxy=sladd.url, ssl=trust) as ok:
            assert ok.status == 200  # the same way in, without the query: forwarded
    assert len(upstream.requests) == 1


async def test_unlisted_headers_and_unexpected_values_are_dropped(
    sladd: Sladd, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    headers = {
        "Authorization": f"Bearer {OPENAI_KEY}",
        "OpenAI-Organization": "org-1",
        "X-Patient": "Kari Nordmann 13097248022",
        "X-Request-Id": "91234567",
        "Referer": "https://journal.example/pasient/13097248022",
        "Cookie": "user=kari.nordmann@gmail.com",
        "Forwarded": "for=kari.nordmann@gmail.com",
        "User-Agent": "Journal/2.1 (Kari Nordmann; 13097248022) kari.nordmann@gmail.com",
        "X-Stainless-Patient": "Kari Nordmann",
        "OpenAI-Project": "13097248022",
        "Accept": "text/plain; name=Kari",
    }
    async with http.post(f"{sladd.url}/v1/chat/completions", json=CHAT, headers=headers) as r:
        assert r.status == 200
    sent = upstream.last.headers
    assert sent["authorization"] == f"Bearer {OPENAI_KEY}"
    assert sent["openai-organization"] == "org-1"
    assert sent["content-type"].startswith("application/json")
    assert sent["user-agent"] == "Journal/2.1"
    dropped = ("x-patient", "x-request-id", "referer", "cookie", "forwarded")
    for name in (*dropped, "x-stainless-patient", "openai-project"):
        assert name not in sent
    assert sent.get("accept") in {None, "*/*"}  # aiohttp's own default, not the client's
    _assert_no_canary(json.dumps(sent))


async def test_the_sdks_headers_still_arrive(sladd: Sladd, upstream: FakeUpstream) -> None:
    async with openai.AsyncOpenAI(
        base_url=f"{sladd.url}/v1", api_key=OPENAI_KEY, max_retries=0, project="proj_abc1"
    ) as client:
        await client.chat.completions.create(model="m", messages=[CHAT["messages"][0]])  # type: ignore[list-item]
    sent = upstream.last.headers
    assert {"user-agent", "accept", "x-stainless-lang", "x-stainless-retry-count"} <= set(sent)
    assert sent["openai-project"] == "proj_abc1"
    async with anthropic.AsyncAnthropic(
        base_url=sladd.url, api_key="sk-ant-k", max_retries=0
    ) as claude:
        await claude.messages.create(
            model="c",
            max_tokens=10,
            messages=[{"role": "user", "content": "Hei"}],
            extra_headers={"anthropic-beta": "tools-2024-04-04", "x-api-key": "sk-ant-k"},
        )
    sent = upstream.last.headers
    assert sent["anthropic-version"] and sent["anthropic-beta"] == "tools-2024-04-04"
    assert sent["x-api-key"] == "sk-ant-k"


async def test_forward_headers_adds_names_to_one_route(
    base_settings: Settings, detector: Detector, upstream: FakeUpstream
) -> None:
    settings = routed_settings(base_settings, upstream)
    openai_route = dataclasses.replace(settings.routes.openai, forward_headers=("X-Tenant",))
    routes = dataclasses.replace(settings.routes, openai=openai_route)
    server, running = await start_sladd(dataclasses.replace(settings, routes=routes), detector)
    headers = {"x-tenant": "clinic-7", "X-Other": "1"}
    try:
        async with aiohttp.ClientSession(headers=headers) as http:
            async with http.post(f"{running.url}/v1/chat/completions", json=CHAT) as response:
                assert response.status == 200
            assert upstream.last.headers["x-tenant"] == "clinic-7"
            assert "x-other" not in upstream.last.headers
            async with http.post(f"{running.url}/ollama/api/chat", json=OLLAMA_CHAT) as response:
                assert response.status == 200
            assert "x-tenant" not in upstream.last.headers
    finally:
        await server.close()


@pytest.mark.parametrize("name", ["Host", "Connection", "Content-Length", "X-Sladd-Key", "a b"])
def test_forward_headers_refuses_names_sladd_owns(name: str) -> None:
    with pytest.raises(ConfigError, match=r"routes\.openai\.forward_headers"):
        bind(RouteSettings, {"forward_headers": [name]}, "test", "routes.openai.")


def test_forward_headers_from_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "sladd.toml"
    config.write_text('[routes.azure]\nforward_headers = ["X-Tenant"]\n', encoding="utf-8")
    settings = load_settings(config, environ={})
    assert settings.routes.azure.forward_headers == ("X-Tenant",)
    azure = record_for("azure", settings.routes.azure.forward_headers)
    assert azure.forwarded_value("x-tenant", "any value") == "any value"
    assert record_for("openai").forwarded_value("X-Tenant", "t") is None


def test_records_know_api_parameters_only_with_api_values() -> None:
    azure = RECORDS["azure"]
    assert azure.allows_param("api-version", "2024-10-21-preview")
    assert not azure.allows_param("api-version", "Kari Nordmann")
    assert not azure.allows_param("limit", "91234567")
    assert not azure.allows_param("after", "file-abc")  # ids are always scanned
    assert not RECORDS["openai"].allows_param("api-version", "2024-10-21")
    assert RECORDS["anthropic"].allows_param("beta", "true")


def test_records_forward_sdk_header_values_only() -> None:
    openai_route, claude = RECORDS["openai"], RECORDS["anthropic"]
    assert openai_route.forwarded_value("X-Stainless-Runtime-Version", "3.11.7") == "3.11.7"
    assert openai_route.forwarded_value("X-Stainless-OS", "Kari Nordmann") is None
    assert openai_route.forwarded_value("user-agent", "AsyncOpenAI/Python 1.99.0") == (
        "AsyncOpenAI/Python 1.99.0"
    )
    assert openai_route.forwarded_value("user-agent", "Kari Nordmann") is None
    multipart = "multipart/form-data; boundary=b1234567890"
    assert openai_route.forwarded_value("content-type", multipart) == multipart
    assert openai_route.forwarded_value("content-type", "application/json; who=Kari") is None
    assert claude.forwarded_value("anthropic-version", "2023-06-01") == "2023-06-01"
    assert claude.forwarded_value("openai-organization", "org-1") is None
    assert not any(r.forwarded_value("x-patient", "x") for r in RECORDS.values())


def test_split_query_decodes_and_splits_on_semicolons() -> None:
    params = split_query("a=Kari+Nordmann&b=%31%33;c&&d=")
    assert [(p.position, p.name, p.value) for p in params] == [
        (1, "a", "Kari Nordmann"),
        (2, "b", "13"),
        (3, "c", ""),
        (4, "d", ""),
    ]
