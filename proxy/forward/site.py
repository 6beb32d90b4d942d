"""The listening side of the forward proxy: an aiohttp site that looks at each connection first.

See :mod:`proxy.forward.intercept` for what happens to a connection. Handing a non-CONNECT
connection to aiohttp costs one look at its first bytes, once per connection; its later
requests (keep-alive) go straight to aiohttp.
"""

from __future__ import annotations

import asyncio
from typing import cast

from aiohttp import web
from yarl import URL

from proxy.forward.intercept import CONNECT_PREFIX, MAX_CONNECT_HEAD, Front, FrontOptions, raw_error
from proxy.forward.tls import LeafCache
from proxy.support.errors import SladdError


class _FrontProtocol(asyncio.Protocol):
    """Reads a new connection's first bytes and gives it to aiohttp or to the CONNECT handler."""

    def __init__(self, front: Front) -> None:
        self._front = front
        self._buffer = bytearray()
        self._transport: asyncio.Transport | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._task: asyncio.Task[None] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = cast(asyncio.Transport, transport)
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(self._front.options.head_timeout, self._transport.close)

    def data_received(self, data: bytes) -> None:
        assert self._transport is not None
        self._buffer += data
        start = bytes(self._buffer[: len(CONNECT_PREFIX)])
        if not CONNECT_PREFIX.startswith(start):
            self._to_http(self._transport)
        elif len(start) == len(CONNECT_PREFIX):
            self._maybe_connect(self._transport)

    def _to_http(self, transport: asyncio.Transport) -> None:
        self._stop_timer()
        handler = self._front.http()
        transport.set_protocol(handler)
        handler.connection_made(transport)
        handler.data_received(bytes(self._buffer))
        self._buffer.clear()

    def _maybe_connect(self, transport: asyncio.Transport) -> None:
        end = self._buffer.find(b"\r\n\r\n")
        if end < 0:
            if len(self._buffer) > MAX_CONNECT_HEAD:
                self._stop_timer()
                error = SladdError(431, "sladd_invalid_request", "the CONNECT head is too large")
                transport.write(raw_error(error))
                transport.close()
            return
        self._stop_timer()
        transport.pause_reading()
        head, early = bytes(self._buffer[: end + 4]), bytes(self._buffer[end + 4 :])
        self._buffer.clear()
        self._task = self._front.connect(transport, head, early)

    def eof_received(self) -> bool:
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_timer()
        if self._task is not None:
            self._task.cancel()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


class ForwardProxySite(web.BaseSite):
    """Like ``web.TCPSite``, plus CONNECT (see :mod:`proxy.forward.intercept`).

    ``leaves`` is ``None`` when forward-proxy mode is off: CONNECT is then refused.
    """

    __slots__ = ("_bound_port", "_front", "_host", "_port", "_shutdown_timeout")

    def __init__(
        self,
        runner: web.AppRunner,
        host: str,
        port: int,
        leaves: LeafCache | None,
        options: FrontOptions | None = None,
    ) -> None:
        super().__init__(runner)
        self._host, self._port = host, port
        self._bound_port: int | None = None
        self._front = Front(runner, leaves, options or FrontOptions())
        self._shutdown_timeout = 60.0

    @property
    def port(self) -> int:
        """The bound port once started (also for port 0), else the requested one."""
        return self._bound_port if self._bound_port is not None else self._port

    @property
    def name(self) -> str:
        return str(URL.build(scheme="http", host=self._host, port=self.port))

    async def start(self) -> None:
        await super().start()
        loop = asyncio.get_running_loop()
        front = self._front
        self._server = await loop.create_server(
            lambda: _FrontProtocol(front), self._host, self._port, backlog=self._backlog
        )
        self._bound_port = int(self._server.sockets[0].getsockname()[1])
        front.announce()

    async def stop(self) -> None:
        """Stop listening, then close tunnels and let intercepted requests finish."""
        await super().stop()
        await self._front.close(self._shutdown_timeout)
