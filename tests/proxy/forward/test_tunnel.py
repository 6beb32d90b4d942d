"""tunnel_hosts: untouched pass-through, and private targets refused unless allowed."""

from __future__ import annotations

import asyncio
import datetime
import ssl
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from proxy.forward.tls import CertificateAuthority, create_ca, mint_leaf
from proxy.settings import Settings
from tests.proxy.forward.conftest import StartSladd, with_forward
from tests.proxy.forward.raw import close, get, send_connect, trusting


@pytest.fixture
def echo_ca(tmp_path: Path) -> CertificateAuthority:
    """A CA that is not sladd's: the echo server's own."""
    return create_ca(tmp_path / "echo-ca")


@pytest.fixture
async def echo_port(echo_ca: CertificateAuthority, tmp_path: Path) -> AsyncIterator[int]:
    """A TLS echo server on 127.0.0.1 with a certificate from ``echo_ca``."""
    cert, key = mint_leaf(echo_ca, "127.0.0.1", datetime.timedelta(days=1))
    (tmp_path / "echo.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "echo-key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "echo.pem", tmp_path / "echo-key.pem")

    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(await reader.read(1024))
        await writer.drain()
        await close(writer)

    server = await asyncio.start_server(echo, "127.0.0.1", 0, ssl=context)
    yield int(server.sockets[0].getsockname()[1])
    server.close()
    await server.wait_closed()


def _tunnelling(settings: Settings, *allowed: str) -> Settings:
    return with_forward(
        settings, tunnel_hosts=("127.0.0.1:*", "localhost:*"), allow_private_targets=allowed
    )


async def test_tunnel_passes_tls_through_untouched(
    forward_settings: Settings, start: StartSladd, echo_ca: CertificateAuthority, echo_port: int
) -> None:
    async with start(_tunnelling(forward_settings, "127.0.0.1/32")) as sladd:
        reader, writer, reply = await send_connect(sladd.url, f"127.0.0.1:{echo_port}")
        assert reply.status == 200
        await writer.start_tls(trusting(echo_ca), server_hostname="127.0.0.1")
        der = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
        assert x509.load_der_x509_certificate(der).issuer == echo_ca.cert.subject
        writer.write(b"ping through the tunnel")
        assert await asyncio.wait_for(reader.read(1024), 5) == b"ping through the tunnel"
        await close(writer)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
async def test_private_tunnel_target_is_refused_by_default(
    forward_settings: Settings, start: StartSladd, echo_port: int, host: str
) -> None:
    async with start(_tunnelling(forward_settings)) as sladd:
        _, writer, reply = await send_connect(sladd.url, f"{host}:{echo_port}")
    assert (reply.status, reply.error_type()) == (403, "sladd_forward_refused")
    assert "forward_proxy.allow_private_targets" in reply.message()
    await close(writer)


async def test_unreachable_tunnel_target_is_a_502(
    forward_settings: Settings, start: StartSladd, echo_port: int
) -> None:
    async with start(_tunnelling(forward_settings, "127.0.0.0/8")) as sladd:
        _, writer, reply = await send_connect(sladd.url, "127.0.0.1:1")
    assert (reply.status, reply.error_type()) == (502, "sladd_upstream_unreachable")
    await close(writer)


async def test_stopping_sladd_closes_open_tunnels_and_intercepted_connections(
    forward_settings: Settings, start: StartSladd, echo_port: int
) -> None:
    async with start(_tunnelling(forward_settings, "127.0.0.1/32")) as sladd:
        tunnel_reader, tunnel_writer, reply = await send_connect(
            sladd.url, f"127.0.0.1:{echo_port}"
        )
        assert reply.status == 200
        reader, writer, _ = await send_connect(sladd.url, "api.openai.com:443")
        await writer.start_tls(trusting(sladd.ca), server_hostname="api.openai.com")
        assert (await get(reader, writer, "/v1/models", "api.openai.com")).status == 200
    assert await asyncio.wait_for(tunnel_reader.read(), 5) == b""
    assert await asyncio.wait_for(reader.read(), 5) == b""
    await close(tunnel_writer)
    await close(writer)
