"""CONNECT handling: refusals, malformed requests, misdirected and unmapped intercepted requests."""

from __future__ import annotations

import asyncio
import ssl

import httpx2
import openai
import pytest
from cryptography import x509

from proxy.settings import Settings
from tests.proxy.forward.conftest import ForwardSladd, StartSladd, with_forward
from tests.proxy.forward.raw import close, get, open_proxy, read_reply, send_connect, trusting


async def test_unlisted_host_is_refused_with_a_clear_403(proxy: ForwardSladd) -> None:
    reader, writer, reply = await send_connect(proxy.url, "example.com:443")
    assert reply.status == 403
    assert reply.error_type() == "sladd_forward_refused"
    assert "example.com:443 is not an allow-listed LLM host" in reply.message()
    assert "forward_proxy.tunnel_hosts" in reply.message()
    assert await reader.read() == b""  # and the connection is closed
    await close(writer)


@pytest.mark.parametrize("port", [80, 8443])
async def test_llm_host_on_another_port_is_refused(proxy: ForwardSladd, port: int) -> None:
    _, writer, reply = await send_connect(proxy.url, f"api.openai.com:{port}")
    assert reply.status == 403
    await close(writer)


@pytest.mark.parametrize("line", [b"CONNECT api.openai.com HTTP/1.1", b"CONNECT a b c HTTP/1.1"])
async def test_malformed_connect_is_a_400(proxy: ForwardSladd, line: bytes) -> None:
    reader, writer = await open_proxy(proxy.url)
    writer.write(line + b"\r\n\r\n")
    reply = await read_reply(reader)
    assert (reply.status, reply.error_type()) == (400, "sladd_invalid_request")
    await close(writer)


async def test_sdk_with_an_unlisted_base_url_gets_nothing_through(
    proxy_env: ForwardSladd,
) -> None:
    async with openai.AsyncOpenAI(
        api_key="k", base_url="https://llm.example.net/v1", max_retries=0
    ) as client:
        with pytest.raises(openai.APIConnectionError) as error:
            await client.models.list()
    refusal = error.value.__cause__  # sladd's answer to the CONNECT, as the SDK saw it
    assert isinstance(refusal, httpx2.ProxyError)
    assert str(refusal).startswith("403 ")


async def test_forward_mode_off_refuses_every_connect(
    forward_settings: Settings, start: StartSladd
) -> None:
    async with start(with_forward(forward_settings, enabled=False)) as sladd:
        _, writer, reply = await send_connect(sladd.url, "api.openai.com:443")
    assert reply.status == 403
    assert "forward_proxy.enabled = false" in reply.message()
    await close(writer)


async def _intercepted(
    sladd: ForwardSladd, host: str
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A CONNECT to ``host:443`` that sladd accepted, with TLS up on sladd's minted leaf."""
    reader, writer, reply = await send_connect(sladd.url, f"{host}:443")
    assert reply.status == 200
    await writer.start_tls(trusting(sladd.ca), server_hostname=host)
    return reader, writer


async def test_presented_certificate_is_minted_for_the_host(proxy: ForwardSladd) -> None:
    _, writer = await _intercepted(proxy, "api.anthropic.com")
    der = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
    leaf = x509.load_der_x509_certificate(der)
    san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["api.anthropic.com"]
    leaf.verify_directly_issued_by(proxy.ca.cert)
    await close(writer)


async def test_host_header_must_name_the_connect_target(proxy: ForwardSladd) -> None:
    reader, writer = await _intercepted(proxy, "api.openai.com")
    reply = await get(reader, writer, "/v1/models", "evil.example")
    assert (reply.status, reply.error_type()) == (421, "sladd_misdirected_request")
    await close(writer)


@pytest.mark.parametrize("path", ["/v2/models", "/healthz", "/anthropic/v1/messages"])
async def test_unmapped_paths_on_an_intercepted_host_are_404(
    proxy: ForwardSladd, path: str
) -> None:
    reader, writer = await _intercepted(proxy, "api.openai.com")
    reply = await get(reader, writer, path, "api.openai.com")
    assert (reply.status, reply.error_type()) == (404, "sladd_unknown_route")
    assert f"https://api.openai.com{path}" in reply.message()
    await close(writer)


async def test_sni_naming_another_host_fails_the_handshake(proxy: ForwardSladd) -> None:
    _, writer, _ = await send_connect(proxy.url, "api.openai.com:443")
    context = trusting(proxy.ca)
    context.check_hostname = False
    with pytest.raises((ssl.SSLError, ConnectionResetError)):
        await writer.start_tls(context, server_hostname="evil.example")
    await close(writer)


async def test_untrusting_client_fails_and_sladd_carries_on(proxy: ForwardSladd) -> None:
    _, writer, _ = await send_connect(proxy.url, "api.openai.com:443")
    with pytest.raises(ssl.SSLCertVerificationError):
        await writer.start_tls(ssl.create_default_context(), server_hostname="api.openai.com")
    await close(writer)
    reader, writer = await _intercepted(proxy, "api.openai.com")
    assert (await get(reader, writer, "/v1/models", "api.openai.com")).status == 200
    await close(writer)


async def test_connect_after_a_request_on_the_same_connection_is_refused(
    proxy: ForwardSladd,
) -> None:
    reader, writer = await open_proxy(proxy.url)
    assert (await get(reader, writer, "/healthz", "127.0.0.1")).status == 200
    writer.write(b"CONNECT api.openai.com:443 HTTP/1.1\r\nHost: api.openai.com:443\r\n\r\n")
    reply = await read_reply(reader)
    assert reply.status == 404  # aiohttp's own: only a connection's first request may CONNECT
    await close(writer)
