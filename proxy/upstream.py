"""The one upstream HTTP client: header hygiene, timeouts, no compression.

Credentials (``Authorization``, ``x-api-key``, ``api-key``) are forwarded unchanged and never
logged. Hop-by-hop headers, ``Host``, ``Content-Length`` and sladd's own ``X-Sladd-*`` headers
are dropped; the upstream is asked for an uncompressed answer so it can be restored.
"""

from __future__ import annotations

from collections.abc import Mapping

import aiohttp
from multidict import CIMultiDict, CIMultiDictProxy

HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "trailers",
        "transfer-encoding",
        "upgrade",
    }
)
_REQUEST_DROP = HOP_BY_HOP | {"host", "content-length", "accept-encoding", "content-encoding"}
_RESPONSE_DROP = HOP_BY_HOP | {"content-length", "content-encoding"}


def _connection_listed(headers: Mapping[str, str]) -> set[str]:
    listed = headers.get("connection", "")
    return {name.strip().lower() for name in listed.split(",") if name.strip()}


def request_headers(incoming: Mapping[str, str]) -> CIMultiDict[str]:
    """Headers to send upstream for a client request (see module docstring)."""
    drop = _REQUEST_DROP | _connection_listed(incoming)
    headers: CIMultiDict[str] = CIMultiDict()
    for name, value in incoming.items():
        lowered = name.lower()
        if lowered not in drop and not lowered.startswith("x-sladd-"):
            headers.add(name, value)
    headers["Accept-Encoding"] = "identity"
    return headers


def response_headers(upstream: CIMultiDictProxy[str]) -> CIMultiDict[str]:
    """Headers to pass back to the client from an upstream response."""
    drop = _RESPONSE_DROP | _connection_listed(upstream)
    return CIMultiDict((k, v) for k, v in upstream.items() if k.lower() not in drop)


class Upstream:
    """Owns the shared :class:`aiohttp.ClientSession`; create in start-up, close on shutdown."""

    def __init__(self, connect_timeout: float, read_timeout: float) -> None:
        self._timeout = aiohttp.ClientTimeout(
            total=None, sock_connect=connect_timeout, sock_read=read_timeout
        )
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        """Open the session (no cookies, no automatic decompression surprises)."""
        self._session = aiohttp.ClientSession(
            timeout=self._timeout,
            cookie_jar=aiohttp.DummyCookieJar(),
            auto_decompress=True,
            trust_env=False,
        )

    async def close(self) -> None:
        """Close the session and its connections."""
        if self._session is not None:
            await self._session.close()

    def request(
        self, method: str, url: str, headers: CIMultiDict[str], body: bytes | None
    ) -> aiohttp.client._RequestContextManager:
        """Send a request; use as ``async with upstream.request(...) as response``."""
        assert self._session is not None, "Upstream.start() was not awaited"
        return self._session.request(method, url, headers=headers, data=body, allow_redirects=False)
