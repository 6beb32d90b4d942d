"""HTTPS_PROXY mode: CONNECT handling and TLS interception on the base-URL port.

:class:`ForwardProxySite` replaces aiohttp's ``TCPSite``. Each new connection first meets a
small front protocol that looks at its first bytes only:

* anything but ``CONNECT`` (base-URL requests, absolute-form ``http://`` requests) is handed,
  transport and bytes as they are, to the application's own aiohttp request handler — the
  same object ``TCPSite`` would have created, so base-URL mode is unchanged after that;
* ``CONNECT host:port`` to an intercepted LLM host is answered ``200``, TLS is terminated with
  a leaf for that host from sladd's CA (``loop.start_tls``), and the decrypted connection is
  served by an aiohttp request handler of the same application whose requests are marked with
  the CONNECT target (:data:`~proxy.forward.routing.INTERCEPTED`). ``handle`` then routes them
  by host (see :mod:`proxy.forward.routing`) and scrubs them exactly like base-URL requests;
* ``CONNECT`` to a ``tunnel_hosts`` entry, or with ``tunnel_other_hosts`` to any host that is
  not an LLM host, is relayed untouched (nothing decrypted, nothing read) to the address that
  was checked (:meth:`~proxy.forward.targets.ForwardPolicy.connect_action` decides);
* everything else gets a ``403`` (JSON, ``sladd_forward_refused``) and the connection closes.
"""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger, AbstractStreamWriter
from aiohttp.http import RawRequestMessage
from aiohttp.streams import StreamReader
from aiohttp.web_protocol import RequestHandler
from multidict import CIMultiDict

from proxy.access import ProxyKeys
from proxy.forward.relay import EarlyData, Relay, pair
from proxy.forward.routing import INTERCEPTED, Intercepted
from proxy.forward.targets import Authority, ForwardPolicy, Tunnel, forward_refused, parse_authority
from proxy.forward.tls import LeafCache
from proxy.providers.error_shapes import OPENAI_ERRORS
from proxy.support.errors import SladdError
from proxy.support.safe_logs import SafeAccessLogger

log = logging.getLogger("sladd")

CONNECT_PREFIX = b"CONNECT "
_ESTABLISHED = b"HTTP/1.1 200 Connection Established\r\n\r\n"
MAX_CONNECT_HEAD = 16 * 1024
RequestFactory = Callable[
    [RawRequestMessage, StreamReader, RequestHandler, AbstractStreamWriter, "asyncio.Task[None]"],
    web.BaseRequest,
]


@dataclass(frozen=True, slots=True)
class FrontOptions:
    """Timeouts (seconds) and the access logger of decrypted connections (by default the
    one that writes no request bytes, as in base-URL mode)."""

    head_timeout: float = 30.0
    handshake_timeout: float = 30.0
    connect_timeout: float = 10.0
    access_log_class: type[AbstractAccessLogger] = SafeAccessLogger


def raw_error(error: SladdError) -> bytes:
    """A complete ``Connection: close`` HTTP/1.1 response for ``error`` (OpenAI error shape)."""
    body = json.dumps(OPENAI_ERRORS.body(error)).encode()
    challenge = 'Proxy-Authenticate: Basic realm="sladd"\r\n' if error.status == 407 else ""
    head = (
        f"HTTP/1.1 {error.status} {HTTPStatus(error.status).phrase}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n{challenge}"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + body


def connect_target(head: bytes) -> Authority:
    """The ``host:port`` of a ``CONNECT`` request head; 400 when malformed."""
    parts = head.split(b"\r\n", 1)[0].split(b" ")
    if len(parts) == 3 and parts[0] == b"CONNECT" and parts[2] in (b"HTTP/1.1", b"HTTP/1.0"):
        try:
            return parse_authority(parts[1].decode("ascii"), None)
        except (UnicodeDecodeError, ValueError):
            pass
    raise SladdError(400, "sladd_invalid_request", "expected CONNECT host:port HTTP/1.1")


def head_headers(head: bytes) -> dict[str, str]:
    """The header fields of a request head (names as sent, last value wins)."""
    headers: dict[str, str] = {}
    for line in head.split(b"\r\n")[1:]:
        name, colon, value = line.decode("latin-1").partition(":")
        if colon:
            headers[name.strip()] = value.strip()
    return headers


def _check_proxy_key(keys: ProxyKeys, head: bytes) -> None:
    try:
        keys.check(CIMultiDict(head_headers(head)))
    except SladdError as error:
        raise SladdError(407, error.type, error.message) from None


def _refuse(transport: asyncio.Transport, error: SladdError) -> None:
    # The target is not logged: a refused one is whatever the client wrote (request bytes).
    log.info("CONNECT refused: %s %s", error.status, error.type)
    transport.write(raw_error(error))
    transport.close()


def _marking(factory: RequestFactory, intercepted: Intercepted) -> RequestFactory:
    def make(
        message: RawRequestMessage,
        payload: StreamReader,
        protocol: RequestHandler,
        writer: AbstractStreamWriter,
        task: asyncio.Task[None],
    ) -> web.BaseRequest:
        request = factory(message, payload, protocol, writer, task)
        request[INTERCEPTED] = intercepted
        return request

    return make


FORWARD_GATE = web.AppKey("forward_gate", tuple[ForwardPolicy, ProxyKeys])
"""Set by the HTTP app (:func:`proxy.http.app.create_app`): the policy and proxy keys its
forward-proxy site applies to every connection."""


class Front:
    """What every connection of one :class:`ForwardProxySite` shares."""

    def __init__(self, runner: web.AppRunner, leaves: LeafCache | None, options: FrontOptions):
        assert runner.server is not None, "call runner.setup() first"
        self.http = runner.server
        self.policy, self.keys = runner.app[FORWARD_GATE]
        self.options = options
        self._leaves = leaves
        self._tasks: set[asyncio.Task[None]] = set()
        self._tunnels: set[Relay] = set()
        self._intercepted: weakref.WeakSet[web.Server] = weakref.WeakSet()

    def announce(self) -> None:
        """Warn, once at start, when every host that is not an LLM host is tunnelled."""
        settings = self.policy.settings
        every_host = [p for p in settings.tunnel_hosts if not p.partition(":")[0].strip("*")]
        if settings.tunnel_other_hosts:
            setting = "forward_proxy.tunnel_other_hosts = true"
        elif every_host:
            setting = f"forward_proxy.tunnel_hosts = {every_host!r}"
        else:
            return
        if not settings.enabled or self._leaves is None:
            log.info("%s has no effect: forward-proxy mode is off", setting)
            return
        log.warning(
            "%s: CONNECT to ANY host that is not an LLM API is tunnelled UNSCRUBBED (sladd is "
            "no longer an egress allow-list); each tunnel is logged with its host:port",
            setting,
        )

    def connect(
        self, transport: asyncio.Transport, head: bytes, early: bytes
    ) -> asyncio.Task[None]:
        """Serve a CONNECT request (reading is paused) in a task of its own."""
        task = asyncio.get_running_loop().create_task(self._serve_connect(transport, head, early))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def close(self, timeout: float) -> None:
        """Stop CONNECTs in progress, close tunnels, let intercepted requests finish."""
        for task in list(self._tasks):
            task.cancel()
        for relay in list(self._tunnels):
            if relay.peer is not None:
                relay.peer.close()
        servers = list(self._intercepted)
        for server in servers:
            server.pre_shutdown()
        await asyncio.gather(*(server.shutdown(timeout) for server in servers))

    async def _serve_connect(self, transport: asyncio.Transport, head: bytes, early: bytes) -> None:
        """Answer one CONNECT; any failure before the ``200`` is an error response, then close."""
        try:
            target = connect_target(head)
            _check_proxy_key(self.keys, head)
            await self._dispatch(transport, target, early)
        except SladdError as error:
            _refuse(transport, error)
        except asyncio.CancelledError:
            transport.close()
            raise
        except Exception as exc:
            log.error("CONNECT failed internally (%s)", type(exc).__name__)
            _refuse(transport, SladdError(500, "sladd_internal_error", "internal error"))

    async def _dispatch(
        self, transport: asyncio.Transport, target: Authority, early: bytes
    ) -> None:
        if not self.policy.settings.enabled or self._leaves is None:
            raise forward_refused("forward-proxy mode is off (forward_proxy.enabled = false)")
        action = self.policy.connect_action(target)
        if isinstance(action, Tunnel):
            await self._tunnel(transport, target, early, action)
            return
        if early:
            message = "send nothing after CONNECT before the 200 answer"
            raise SladdError(400, "sladd_invalid_request", message)
        await self._intercept(transport, Intercepted(target, action), self._leaves)

    async def _intercept(
        self, transport: asyncio.Transport, intercepted: Intercepted, leaves: LeafCache
    ) -> None:
        context = leaves.context_for(intercepted.target.host)
        transport.write(_ESTABLISHED)
        held = EarlyData()
        loop = asyncio.get_running_loop()
        timeout = self.options.handshake_timeout
        try:
            tls = await loop.start_tls(
                transport, held, context, server_side=True, ssl_handshake_timeout=timeout
            )
        except (ssl.SSLError, OSError, TimeoutError) as exc:
            log.info(
                "CONNECT %s: TLS handshake failed (%s); does the client trust sladd's CA?",
                intercepted.target.netloc,
                type(exc).__name__,
            )
            transport.close()
            return
        if tls is None or held.lost:
            return
        self._serve_decrypted(tls, intercepted, held)

    def _serve_decrypted(
        self, tls: asyncio.Transport, intercepted: Intercepted, held: EarlyData
    ) -> None:
        factory = _marking(self.http.request_factory, intercepted)
        server = web.Server(
            self.http.request_handler,
            request_factory=factory,
            handler_cancellation=self.http.handler_cancellation,  # as in base-URL mode
            access_log_class=self.options.access_log_class,
        )
        self._intercepted.add(server)
        handler = server()
        tls.set_protocol(handler)
        handler.connection_made(tls)
        held.replay(handler)
        target, route = intercepted.target.netloc, intercepted.route
        log.info("CONNECT %s intercepted: TLS terminated, served by route %s", target, route)

    async def _tunnel(
        self, transport: asyncio.Transport, target: Authority, early: bytes, tunnel: Tunnel
    ) -> None:
        timeout = self.options.connect_timeout
        address = await self.policy.checked_address(target, timeout)
        client_side, upstream_side = Relay(self._tunnels.discard), Relay(self._tunnels.discard)
        loop = asyncio.get_running_loop()
        try:
            upstream, _ = await asyncio.wait_for(
                loop.create_connection(lambda: upstream_side, address, target.port), timeout
            )
        except (OSError, TimeoutError) as exc:
            message = f"cannot reach {target.netloc} ({type(exc).__name__})"
            raise SladdError(502, "sladd_upstream_unreachable", message) from exc
        self._tunnels.update((client_side, upstream_side))
        pair(transport, client_side, upstream, upstream_side)
        transport.write(_ESTABLISHED)
        if early:
            upstream.write(early)
        transport.resume_reading()
        # host:port only: the path and everything else is inside TLS, which sladd does not read.
        log.info(
            "CONNECT %s tunnelled by forward_proxy.%s (not scrubbed)", target.netloc, tunnel.setting
        )
