"""Raw HTTP/1.1 over asyncio streams, for what SDKs cannot send: bad CONNECTs, odd headers."""

from __future__ import annotations

import asyncio
import contextlib
import json
import ssl
from dataclasses import dataclass

from yarl import URL

from proxy.forward.tls import CertificateAuthority


@dataclass(frozen=True)
class Reply:
    """A parsed HTTP response."""

    status: int
    headers: dict[str, str]
    body: bytes

    def error_type(self) -> str:
        """``error.type`` of a sladd JSON error body."""
        error = json.loads(self.body)["error"]
        assert isinstance(error, dict)
        return str(error["type"])

    def message(self) -> str:
        """``error.message`` of a sladd JSON error body."""
        return str(json.loads(self.body)["error"]["message"])


async def read_reply(reader: asyncio.StreamReader) -> Reply:
    """One response with a Content-Length body (or none, for a CONNECT 200)."""
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    body = await asyncio.wait_for(reader.readexactly(length), 10) if length else b""
    return Reply(status, headers, body)


async def open_proxy(proxy_url: str) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A plain TCP connection to sladd."""
    url = URL(proxy_url)
    assert url.host is not None
    assert url.port is not None
    return await asyncio.open_connection(url.host, url.port)


async def send_connect(
    proxy_url: str, target: str
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter, Reply]:
    """``CONNECT target`` on a new connection; the reader/writer and sladd's answer."""
    reader, writer = await open_proxy(proxy_url)
    writer.write(f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n\r\n".encode())
    return reader, writer, await read_reply(reader)


def trusting(ca: CertificateAuthority) -> ssl.SSLContext:
    """A client TLS context that trusts only ``ca``, with OpenSSL's strict X.509 checks on.

    Strict mode (the default from Python 3.13) demands what RFC 5280 demands of a CA and a
    leaf: critical basicConstraints, key identifiers, a subjectAltName.
    """
    context = ssl.create_default_context(cafile=str(ca.cert_path))
    context.verify_flags |= ssl.VERIFY_X509_STRICT
    context.set_alpn_protocols(["http/1.1"])
    return context


async def close(writer: asyncio.StreamWriter) -> None:
    """Close and wait, ignoring a peer that already went away."""
    writer.close()
    with contextlib.suppress(ConnectionError, ssl.SSLError):
        await writer.wait_closed()


async def get(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str, host: str
) -> Reply:
    """``GET path`` with ``Host: host`` on an open connection."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer k\r\n\r\n".encode())
    return await read_reply(reader)
