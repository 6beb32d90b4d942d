"""The aiohttp application: routes, error handling, and the proxy handler.

``create_app`` takes a ready :class:`~proxy.scrub.pipeline.Scrubber` (models are loaded
before the server listens, so ``/healthz`` is 200 as soon as it answers; ``/readyz`` says
whether the models and the vault answer now, :mod:`proxy.http.readiness`). Every request to a
provider route is scrubbed before anything is sent upstream; any failure on that path answers
with an error in the provider's shape and sends nothing. Every answer to a provider request
carries the exchange's audit id (:mod:`proxy.http.reply_headers`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import uuid
from collections.abc import Awaitable
from dataclasses import dataclass, field
from time import perf_counter
from typing import TypeVar

import aiohttp
from aiohttp import web
from aiohttp.typedefs import Handler
from aiohttp.web_protocol import RequestPayloadError

from proxy.access import ProxyKeys
from proxy.audit.metrics import METRICS, Metrics, metrics_handler
from proxy.audit.settings import AuditSettings
from proxy.audit.trail import AUDIT, ExchangeTrail, audit_middleware, start_trail, trail_of
from proxy.audit.writer import AuditLog
from proxy.detection.budget import within_budget
from proxy.forward.intercept import FORWARD_GATE
from proxy.forward.routing import INTERCEPTED, is_forwarded, refusal_shape, route_request
from proxy.forward.targets import ForwardPolicy
from proxy.http.exchange import (
    BlockedError,
    offset_reader,
    restore_body,
    restore_stream,
    scrub_request,
    vault_resolver,
)
from proxy.http.query_policy import check_path, check_query
from proxy.http.readiness import READINESS, Readiness, ready_answer
from proxy.http.reply_headers import answer_headers, error_headers
from proxy.http.request_checks import check_encoding, check_json_media_type
from proxy.http.scope import scope_for
from proxy.http.upstream import Upstream, request_headers
from proxy.providers.error_shapes import OPENAI_ERRORS, ErrorShape
from proxy.review.page import ReviewContext, add_review_routes
from proxy.routes import RouteMatch, RouteTable, with_query
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.restore import Restorer
from proxy.settings import Settings
from proxy.support.errors import SladdError
from proxy.vault.base import VaultError

log = logging.getLogger("sladd")
T = TypeVar("T")

_STREAM_TYPES = ("text/event-stream", "application/x-ndjson")


@dataclass
class ProxyState:
    """Everything the handlers share."""

    settings: Settings
    scrubber: Scrubber
    routes: RouteTable
    upstream: Upstream
    forward: ForwardPolicy
    keys: ProxyKeys = field(default_factory=ProxyKeys)


STATE = web.AppKey("state", ProxyState)


def _json_error(shape: ErrorShape, error: SladdError, request_id: str) -> web.Response:
    headers = error_headers(request_id)
    return web.json_response(shape.body(error), status=error.status, headers=headers)


async def healthz(request: web.Request) -> web.StreamResponse:
    """200 once the models are loaded (they are, before the server listens)."""
    if is_forwarded(request):  # an LLM host's /healthz, not sladd's
        return await handle(request)
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.StreamResponse:
    """200 when the models answer and the vault answers, else 503 with the reasons
    (:mod:`proxy.http.readiness`); ``/healthz`` stays liveness."""
    if is_forwarded(request):  # an LLM host's /readyz, not sladd's
        return await handle(request)
    return await ready_answer(request.app[READINESS])


def _refusal_for(
    match: RouteMatch, method: str, has_body: bool, allowed_unscrubbed: bool
) -> SladdError | None:
    if not match.upstream_url:
        message = f"route '{match.route}' has no upstream; set routes.{match.route}.upstream"
        return SladdError(503, "sladd_route_not_configured", message)
    if match.provider is None and has_body and not allowed_unscrubbed:
        return SladdError(
            403,
            "sladd_unscrubbable_endpoint",
            f"sladd cannot scrub {method} {match.tail!r} on route '{match.route}', so it is "
            f"not forwarded; to forward it unscrubbed add it to "
            f"routes.{match.route}.unscrubbed_paths",
        )
    return None


async def handle(request: web.Request) -> web.StreamResponse:
    """Scrub, forward, restore; see module docstring."""
    state = request.app[STATE]
    request_id = uuid.uuid4().hex
    trail = start_trail(request, request_id)
    try:  # base-URL mode, or forwarded through the forward proxy (forward_routing.py)
        if INTERCEPTED not in request:  # intercepted traffic showed its key on CONNECT
            state.keys.check(request.headers)
        timeout = state.settings.server.upstream_connect_timeout
        match = await route_request(request, state.routes, state.forward, timeout)
    except SladdError as refusal:
        trail.error_type = refusal.type
        log.info("request %s refused: %s %s", request_id, refusal.status, refusal.type)
        return _json_error(refusal_shape(request), refusal, request_id)
    if match is None:
        error = SladdError(404, "sladd_unknown_route", f"no sladd route serves {request.path}")
        trail.error_type = error.type
        return _json_error(OPENAI_ERRORS, error, request_id)
    trail.route = match.route
    trail.provider = match.provider.name if match.provider is not None else "unscrubbed"
    try:
        return await _proxy(request, state, match, trail)
    except VaultError:
        error = _vault_unavailable(request_id)
        trail.error_type = error.type
        log.error("request %s: the vault is unavailable; nothing forwarded or restored", request_id)
        return _json_error(match.error_shape, error, request_id)
    except SladdError as error:
        trail.error_type = error.type
        if isinstance(error, BlockedError):
            trail.findings = error.findings
        log.info("request %s refused: %s %s", request_id, error.status, error.type)
        return _json_error(match.error_shape, error, request_id)


async def _proxy(
    request: web.Request, state: ProxyState, match: RouteMatch, trail: ExchangeTrail
) -> web.StreamResponse:
    request_id = trail.request_id
    check_encoding(request.headers)
    if match.provider is not None and request.can_read_body:
        check_json_media_type(request.headers)
    raw = await _read_body(request, state)
    allowed_unscrubbed = match.provider is None and state.routes.allows_unscrubbed(match)
    refusal = _refusal_for(match, request.method, bool(raw), allowed_unscrubbed)
    if refusal is not None:
        raise refusal
    record = state.routes.record(match.route)
    scope = scope_for(request.headers, record.credentials, request.rel_url.raw_query_string)
    trail.scope = scope
    work = _outbound(request, state, match, raw, trail)  # one budget for the whole scrub path
    return await _forward(request, state, await _fail_closed(state, request_id, work))


async def _outbound(
    request: web.Request, state: ProxyState, match: RouteMatch, raw: bytes, trail: ExchangeTrail
) -> Outbound:
    """The URL checked and the body scrubbed: what goes upstream, and how to read the answer."""
    match = await _checked_query(request, state, match)
    scope = trail.scope
    if match.provider is not None and (raw or request.method == "POST"):  # empty: refused
        started = perf_counter()
        scrubbed = await scrub_request(state.scrubber, match.provider, raw, scope, match.tail)
        trail.scrub_ms = (perf_counter() - started) * 1000
        trail.findings, trail.scrubbed = scrubbed.findings, scrubbed.scrubbed
        trail.model = scrubbed.model
        return Outbound(match, scrubbed.body, scrubbed.restorer, scrubbed.streaming, trail)
    # no body, or an unscrubbed path: answers may still quote this scope's tokens
    restorer = Restorer(
        state.scrubber.token_format,
        {},
        vault_resolver(state.scrubber, scope),
        offset_reader(state.scrubber, scope),
    )
    return Outbound(match, raw or None, restorer, False, trail)


async def _checked_query(request: web.Request, state: ProxyState, match: RouteMatch) -> RouteMatch:
    """``match`` with the request's query string appended once it and the path passed
    :func:`~proxy.http.query_policy.check_query` and ``check_path`` (forwarded requests too)."""
    raw_query = request.rel_url.raw_query_string
    record = state.routes.record(match.route)
    await check_path(match.tail, record, state.scrubber)
    await check_query(raw_query, record, state.scrubber)
    return dataclasses.replace(match, upstream_url=with_query(match.upstream_url, raw_query))


def _vault_unavailable(request_id: str) -> SladdError:
    message = f"the pseudonym vault is unavailable, so sladd refused the exchange ({request_id})"
    return SladdError(503, "sladd_vault_unavailable", message)


async def _read_body(request: web.Request, state: ProxyState) -> bytes:
    try:
        return await request.read()
    except RequestPayloadError as exc:
        encoding = request.headers.get("Content-Encoding", "identity")
        message = f"the request body could not be read as {encoding!r}"
        raise SladdError(400, "sladd_invalid_request", message) from exc
    except web.HTTPRequestEntityTooLarge as exc:
        limit = state.settings.server.max_body_bytes
        message = f"request body is larger than {limit} bytes (server.max_body_bytes)"
        raise SladdError(413, "sladd_body_too_large", message) from exc


async def _fail_closed(state: ProxyState, request_id: str, work: Awaitable[T]) -> T:
    """Await the scrub path (the URL checks and the body's scrub) within
    ``detection.max_seconds`` (else 503 ``sladd_detection_timeout``); any failure in it
    becomes a refusal that sends nothing."""
    try:
        return await within_budget(state.settings.detection.max_seconds, work)
    except SladdError:
        raise
    except VaultError as exc:
        raise _vault_unavailable(request_id) from exc
    except Exception as exc:
        name = type(exc).__name__
        log.error("request %s: scrubbing failed (%s); nothing forwarded", request_id, name)
        raise SladdError(
            500,
            "sladd_scrub_failed",
            f"sladd could not scrub this request, so nothing was forwarded (request {request_id})",
        ) from exc


@dataclass(frozen=True, slots=True)
class Outbound:
    """A request ready to go upstream and what is needed to read its answer."""

    match: RouteMatch
    body: bytes | None
    restorer: Restorer
    streaming: bool
    trail: ExchangeTrail

    @property
    def request_id(self) -> str:
        """The exchange's id (also in the ``X-Sladd-Request-Id`` header)."""
        return self.trail.request_id


async def _forward(request: web.Request, state: ProxyState, out: Outbound) -> web.StreamResponse:
    headers = request_headers(request.headers, state.routes.record(out.match.route))
    try:
        async with state.upstream.request(
            request.method, out.match.upstream_url, headers, out.body
        ) as upstream:
            out.trail.forwarded = True
            content_type = upstream.headers.get("Content-Type", "")
            if out.streaming and upstream.status == 200 and content_type.startswith(_STREAM_TYPES):
                return await _relay_stream(request, upstream, out)
            raw = await upstream.read()
            body = await restore_body(raw, out.restorer)
            reply_headers = answer_headers(upstream.headers, out.trail)
            return web.Response(body=body, status=upstream.status, headers=reply_headers)
    except (aiohttp.ClientConnectorError, aiohttp.ClientOSError) as exc:
        message = f"cannot reach the {out.match.route} upstream ({type(exc).__name__})"
        raise SladdError(502, "sladd_upstream_unreachable", message) from exc
    except (TimeoutError, aiohttp.ServerTimeoutError) as exc:
        message = f"the {out.match.route} upstream did not answer in time"
        raise SladdError(504, "sladd_upstream_timeout", message) from exc
    except aiohttp.ClientError as exc:
        message = f"the {out.match.route} upstream failed ({type(exc).__name__})"
        raise SladdError(502, "sladd_upstream_failed", message) from exc


async def _relay_stream(
    request: web.Request, upstream: aiohttp.ClientResponse, out: Outbound
) -> web.StreamResponse:
    provider = out.match.provider
    assert provider is not None
    reply_headers = answer_headers(upstream.headers, out.trail)
    response = web.StreamResponse(status=upstream.status, headers=reply_headers)
    await response.prepare(request)
    rewriter = provider.stream_rewriter(out.restorer)
    chunks = upstream.content.iter_any()
    try:
        async for piece in restore_stream(
            chunks, provider.framing, rewriter, out.match.error_shape
        ):
            await response.write(piece)
        await response.write_eof()
    except ConnectionResetError:
        log.info("request %s: the client left mid-stream; upstream closed", out.request_id)
    return response


async def metrics(request: web.Request) -> web.StreamResponse:
    """sladd's Prometheus metrics; an LLM host's ``/metrics`` via the forward proxy is proxied."""
    if is_forwarded(request):
        return await handle(request)
    return await metrics_handler(request)


@web.middleware
async def _unexpected_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Anything unforeseen becomes a 500 without details (details may hold values)."""
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        trail = trail_of(request)  # the audit record's id, when the exchange started one
        request_id = trail.request_id if trail is not None else uuid.uuid4().hex
        log.error("request %s failed internally (%s)", request_id, type(exc).__name__)
        error = SladdError(500, "sladd_internal_error", f"internal error (request {request_id})")
        return _json_error(OPENAI_ERRORS, error, request_id)


def create_app(
    settings: Settings,
    scrubber: Scrubber,
    audit: AuditLog | None = None,
    review: ReviewContext | None = None,
    keys: ProxyKeys | None = None,
) -> web.Application:
    """The proxy application; the upstream session opens on start-up and closes on cleanup.

    ``audit`` records every exchange (default: metrics only, no log); ``review`` serves the
    review page under ``/_sladd/``. ``/readyz``'s checks are ``app[READINESS]``, with their
    default time limit (:mod:`proxy.http.readiness`); replace it before start-up to change it.
    """
    app = web.Application(
        client_max_size=settings.server.max_body_bytes,
        middlewares=[audit_middleware, _unexpected_errors],
    )
    if audit is None:
        data_dir = settings.resolved_data_dir()
        audit = AuditLog(data_dir, AuditSettings(enabled=False), metrics=Metrics())
    app[AUDIT] = audit
    if settings.audit.metrics and audit.metrics is not None:
        app[METRICS] = audit.metrics
        app.router.add_get("/metrics", metrics)
    if review is not None:
        add_review_routes(app, review, passthrough=(is_forwarded, handle))
    server = settings.server
    upstream = Upstream(server.upstream_connect_timeout, server.upstream_read_timeout)
    forward = ForwardPolicy(settings.forward_proxy)
    routes = RouteTable(settings.routes)
    app[STATE] = ProxyState(settings, scrubber, routes, upstream, forward, keys or ProxyKeys())
    app[FORWARD_GATE] = (forward, app[STATE].keys)
    app[READINESS] = Readiness(scrubber)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_route("*", "/{tail:.*}", handle)

    async def start(_: web.Application) -> None:
        await upstream.start()

    async def stop(_: web.Application) -> None:
        app[READINESS].close()
        await upstream.close()
        audit.close()

    app.on_startup.append(start)
    app.on_cleanup.append(stop)
    return app
