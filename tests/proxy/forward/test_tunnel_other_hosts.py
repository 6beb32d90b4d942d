"""forward_proxy.tunnel_other_hosts: other hosts tunnelled untouched when on, refused when off,
LLM hosts never tunnelled, and the loud start-up warning."""

from __future__ import annotations

import asyncio
import datetime
import logging
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import openai
import pytest
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from openai.types.chat import ChatCompletionMessageParam

from proxy.forward.targets import Authority, ForwardPolicy, Tunnel
from proxy.forward.tls import CertificateAuthority, create_ca, mint_leaf
from proxy.settings import ConfigError, Settings, load_settings
from proxy.settings.forward import ForwardProxySettings
from proxy.support.errors import SladdError
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import OPENAI_KEY
from tests.proxy.forward.conftest import StartSladd, set_proxy_environment, with_forward
from tests.proxy.forward.raw import close, open_proxy, read_reply, send_connect, trusting
from tests.proxy.patient import PROMPT, assert_nothing_identifying_reached

SECRET_PATH = "/journal/pasient-4711"
"""A path only the origin may see: sladd cannot read inside a tunnel, so never logs it."""


@dataclass
class Origin:
    """A real HTTPS server on 127.0.0.1 with a certificate from its own CA (not sladd's)."""

    ca: CertificateAuthority
    port: int
    paths: list[str] = field(default_factory=list)


def _server_context(ca: CertificateAuthority, folder: Path) -> ssl.SSLContext:
    cert, key = mint_leaf(ca, "127.0.0.1", datetime.timedelta(days=1))
    (folder / "origin.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "origin-key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "origin.pem", folder / "origin-key.pem")
    return context


@pytest.fixture
async def origin(tmp_path: Path) -> AsyncIterator[Origin]:
    """An aiohttp HTTPS server answering ``hello from the origin`` on every path."""
    ca = create_ca(tmp_path / "origin-ca")
    seen: list[str] = []

    async def hello(request: web.Request) -> web.Response:
        seen.append(request.path)
        return web.Response(text="hello from the origin")

    app = web.Application()
    app.router.add_get("/{tail:.*}", hello)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=_server_context(ca, tmp_path))
    await site.start()
    try:
        yield Origin(ca, int(runner.addresses[0][1]), seen)
    finally:
        await runner.cleanup()


def _open(settings: Settings, *, tunnel_other_hosts: bool = True) -> Settings:
    """Loopback allowed (the origin lives there), so only the new setting decides."""
    return with_forward(
        settings, tunnel_other_hosts=tunnel_other_hosts, allow_private_targets=("127.0.0.1/32",)
    )


def _only_trusting(ca: CertificateAuthority) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(ca.cert_path))


async def test_other_host_is_tunnelled_untouched_and_logged_without_its_path(
    forward_settings: Settings,
    start: StartSladd,
    origin: Origin,
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = f"https://127.0.0.1:{origin.port}{SECRET_PATH}"
    caplog.set_level(logging.INFO, logger="sladd")
    # The client trusts only the origin's CA: an intercepted (re-signed) TLS would fail.
    async with (
        start(_open(forward_settings)) as sladd,
        aiohttp.ClientSession() as http,
        http.get(url, proxy=sladd.url, ssl=_only_trusting(origin.ca)) as response,
    ):
        assert response.status == 200
        assert await response.text() == "hello from the origin"
    assert origin.paths == [SECRET_PATH]
    messages = [record.getMessage() for record in caplog.records]
    tunnelled = [m for m in messages if m.startswith("CONNECT") and "tunnelled" in m]
    assert tunnelled == [
        f"CONNECT 127.0.0.1:{origin.port} tunnelled by forward_proxy.tunnel_other_hosts "
        "(not scrubbed)"
    ]
    assert not any("pasient" in message for message in messages)


async def test_tunnel_presents_the_origins_own_certificate(
    forward_settings: Settings, start: StartSladd, origin: Origin
) -> None:
    async with start(_open(forward_settings)) as sladd:
        reader, writer, reply = await send_connect(sladd.url, f"127.0.0.1:{origin.port}")
        assert reply.status == 200
        await writer.start_tls(trusting(origin.ca), server_hostname="127.0.0.1")
        der = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
        issuer = x509.load_der_x509_certificate(der).issuer
        assert issuer == origin.ca.cert.subject
        assert issuer != sladd.ca.cert.subject
        writer.write(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{origin.port}\r\n\r\n".encode())
        assert (await read_reply(reader)).body == b"hello from the origin"
        await close(writer)


async def test_other_host_is_refused_by_default_naming_the_setting(
    forward_settings: Settings, start: StartSladd, origin: Origin
) -> None:
    async with start(_open(forward_settings, tunnel_other_hosts=False)) as sladd:
        async with aiohttp.ClientSession() as http:
            url = f"https://127.0.0.1:{origin.port}/"
            with pytest.raises(aiohttp.ClientHttpProxyError) as error:
                await http.get(url, proxy=sladd.url, ssl=_only_trusting(origin.ca))
            assert error.value.status == 403
        _, writer, reply = await send_connect(sladd.url, f"127.0.0.1:{origin.port}")
        await close(writer)
    assert (reply.status, reply.error_type()) == (403, "sladd_forward_refused")
    assert "forward_proxy.tunnel_other_hosts = true" in reply.message()
    assert origin.paths == []


async def test_private_targets_stay_refused_with_the_setting_on(
    forward_settings: Settings, start: StartSladd, origin: Origin
) -> None:
    settings = with_forward(forward_settings, tunnel_other_hosts=True)
    async with start(settings) as sladd:
        _, writer, reply = await send_connect(sladd.url, f"localhost:{origin.port}")
        await close(writer)
    assert (reply.status, reply.error_type()) == (403, "sladd_forward_refused")
    assert "forward_proxy.allow_private_targets" in reply.message()


async def test_llm_hosts_are_still_intercepted_and_scrubbed_with_the_setting_on(
    forward_settings: Settings,
    start: StartSladd,
    upstream: FakeUpstream,
    bundle: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    messages: list[ChatCompletionMessageParam] = [{"role": "user", "content": PROMPT}]
    async with start(_open(forward_settings)) as sladd:
        set_proxy_environment(monkeypatch, sladd.url, bundle)
        async with openai.AsyncOpenAI(api_key=OPENAI_KEY, max_retries=0) as client:
            reply = await client.chat.completions.create(model="gpt-x", messages=messages)
    assert reply.choices[0].message.content == PROMPT
    assert upstream.last.path == "/v1/chat/completions"
    assert_nothing_identifying_reached(upstream)


@pytest.mark.parametrize("host", ["API.OpenAI.com.", "clinic.openai.azure.com", "llm.example.no"])
async def test_intercepted_hosts_present_sladds_certificate_with_the_setting_on(
    forward_settings: Settings, start: StartSladd, host: str
) -> None:
    settings = with_forward(_open(forward_settings), intercept_hosts={"*.example.no": "openai"})
    async with start(settings) as sladd:
        _, writer, reply = await send_connect(sladd.url, f"{host}:443")
        assert reply.status == 200
        server_name = host.lower().rstrip(".")
        await writer.start_tls(trusting(sladd.ca), server_hostname=server_name)
        der = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
        assert x509.load_der_x509_certificate(der).issuer == sladd.ca.cert.subject
        await close(writer)


@pytest.mark.parametrize(
    "target",
    [
        "api.openai.com:8443",
        "API.OPENAI.COM.:8443",
        "clinic.openai.azure.com:8443",
        "eu.api.openai.com:443",
        "api.anthropic.com:80",
        "api.mistral.ai:443",
        "generativelanguage.googleapis.com:8443",
        "llm.example.no:8443",
        "a.b.example.no:9000",
    ],
)
async def test_llm_hosts_are_never_tunnelled(
    forward_settings: Settings, start: StartSladd, target: str
) -> None:
    settings = with_forward(
        _open(forward_settings),
        intercept_hosts={"*.example.no": "openai"},
        tunnel_hosts=("*:*",),  # not even an explicit tunnel-everything entry
    )
    async with start(settings) as sladd:
        _, writer, reply = await send_connect(sladd.url, target)
        await close(writer)
    assert (reply.status, reply.error_type()) == (403, "sladd_forward_refused")
    assert "never tunnels" in reply.message()
    assert "forward_proxy.intercept_hosts" in reply.message()


def test_connect_action_order() -> None:
    policy = ForwardPolicy(
        ForwardProxySettings(
            tunnel_other_hosts=True,
            tunnel_hosts=("git.example.com",),
            plain_hosts={"ollama.example.net:11434": "ollama"},
        )
    )
    assert policy.connect_action(Authority("api.openai.com", 443)) == "openai"
    assert policy.connect_action(Authority("git.example.com", 443)) == Tunnel("tunnel_hosts")
    other = Tunnel("tunnel_other_hosts")
    assert policy.connect_action(Authority("pypi.org", 443)) == other
    assert policy.connect_action(Authority("api.openai.com.evil.example", 443)) == other
    assert policy.connect_action(Authority("ollama.example.net", 443)) == other
    for llm in (Authority("ollama.example.net", 11434), Authority("x.openai.azure.com", 1)):
        with pytest.raises(SladdError) as refused:
            policy.connect_action(llm)
        assert refused.value.type == "sladd_forward_refused"


async def test_plain_http_to_other_hosts_stays_refused_with_the_setting_on(
    forward_settings: Settings, start: StartSladd, upstream: FakeUpstream
) -> None:
    async with start(_open(forward_settings)) as sladd:
        reader, writer = await open_proxy(sladd.url)
        target = f"{upstream.base_url}/v1/models"
        writer.write(f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        reply = await read_reply(reader)
        await close(writer)
    assert (reply.status, reply.error_type()) == (403, "sladd_forward_refused")
    assert "tunnel_other_hosts covers CONNECT only" in reply.message()
    assert not upstream.requests


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize(
    ("changes", "warned"),
    [
        ({"tunnel_other_hosts": True}, "forward_proxy.tunnel_other_hosts = true"),
        ({"tunnel_hosts": ("*:*",)}, "forward_proxy.tunnel_hosts = ['*:*']"),
        ({}, None),
        ({"tunnel_hosts": ("*.example.org",)}, None),
        ({"tunnel_other_hosts": True, "enabled": False}, None),
    ],
)
async def test_start_warns_loudly_when_every_other_host_is_tunnelled(
    forward_settings: Settings,
    start: StartSladd,
    caplog: pytest.LogCaptureFixture,
    changes: dict[str, object],
    warned: str | None,
) -> None:
    with caplog.at_level(logging.INFO, logger="sladd"):
        async with start(with_forward(forward_settings, **changes)):
            await asyncio.sleep(0)
    warnings = _warnings(caplog)
    if warned is None:
        assert warnings == []
    else:
        assert len(warnings) == 1
        assert warnings[0].startswith(warned)
        assert "UNSCRUBBED" in warnings[0]


def test_setting_loads_from_toml_and_a_bad_value_is_named(tmp_path: Path) -> None:
    path = tmp_path / "sladd.toml"
    path.write_text("[forward_proxy]\ntunnel_other_hosts = true\n", encoding="utf-8")
    assert load_settings(path, environ={}).forward_proxy.tunnel_other_hosts
    path.write_text("[forward_proxy]\ntunnel_other_hosts = 'yes'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings(path, environ={})
    assert "'forward_proxy.tunnel_other_hosts" in str(error.value)
    assert not ForwardProxySettings().tunnel_other_hosts
