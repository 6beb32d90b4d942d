"""The one upstream HTTP client: header hygiene, timeouts, no compression.

Request headers are allow-listed per route (:class:`~proxy.providers.record.ProviderRecord`
plus ``routes.NAME.forward_headers``); every other header is dropped, so an app's
``X-Patient: Kari Nordmann`` never leaves; a forwarded header whose value lacks its format
is dropped too, and ``User-Agent`` keeps only its product tokens (see the record's
docstring). Credentials (``Authorization``, ``x-api-key``, ``api-key``: each
record's credential headers) are forwarded unchanged and never logged. Hop-by-hop headers, ``Host``,
``Content-Length`` and sladd's own ``X-Sladd-*`` headers are dropped even when listed; the
upstream is asked for an uncompressed answer so it can be restored.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import aiohttp
from multidict import CIMultiDict, CIMultiDictProxy

from proxy.providers.record import ProviderRecord
from proxy.support.headers import HOP_BY_HOP, REQUEST_DROP

STREAMED_BODY_BYTES = 1 << 20
_RESPONSE_DROP = HOP_BY_HOP | {"content-length", "content-encoding"}


def _connection_listed(headers: Mapping[str, str]) -> set[str]:
    listed = headers.get("connection", "")
    return {name.strip().lower() for name in listed.split(",") if name.strip()}


def request_headers(incoming: Mapping[str, str], record: ProviderRecord) -> CIMultiDict[str]:
    """Headers to send upstream for a client request (see module docstring)."""
    drop = REQUEST_DROP | _connection_listed(incoming)
    headers: CIMultiDict[str] = CIMultiDict()
    for name, value in incoming.items():
        lowered = name.lower()
        if lowered in drop or lowered.startswith("x-sladd-"):
            continue
        forwarded = record.forwarded_value(lowered, value)
        if forwarded is not None:
            headers.add(name, forwarded)
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
        """Send a request; use as ``async with upstream.request(...) as response``.

        A body over :data:`STREAMED_BODY_BYTES` is sent from a file-like object, so writing
        it does not hold the event loop (aiohttp warns about large raw bytes)."""
        assert self._session is not None, "Upstream.start() was not awaited"
        data: bytes | io.BytesIO | None = body
        if body is not None and len(body) > STREAMED_BODY_BYTES:
            data = io.BytesIO(body)
        return self._session.request(method, url, headers=headers, data=data, allow_redirects=False)
