"""Which route serves a request that arrived through the forward proxy.

Forwarded requests reach the same aiohttp application and the same ``handle`` as base-URL
requests; only the route lookup differs. The host names the route (its record's intercept
hosts, or the operator's ``forward_proxy`` tables), and the request's path is a path on that
provider's own host: the one :class:`~proxy.routes.RouteTable` reads it as the base-URL path
``{base_path}{path}`` (:func:`base_url_path`) and decides the adapter, upstream URL and error
shape — scrubbing, scope and restoring are then identical by construction:

==================================  =====================  ===========================
arrived as                          served as              route
==================================  =====================  ===========================
``https://api.openai.com/v1/X``     ``/openai/v1/X``       openai
``https://api.anthropic.com/v1/X``  ``/anthropic/v1/X``    anthropic
``https://R.openai.azure.com/X``    ``/azure/X``           azure (X starts ``openai/``)
``http://<plain host>/api/X``       ``/ollama/api/X``      ollama (also ``/v1/X``)
==================================  =====================  ===========================

An intercepted host whose record says ``upstream_from_host`` (Azure) is forwarded to itself
(``https://R.openai.azure.com``) when its route has no upstream. The query string is not
part of the match: ``handle`` checks it (:mod:`proxy.http.query_policy`) and appends it, for
every way a request arrives.
Intercepted requests are marked by the TLS front (see :mod:`proxy.forward.intercept`) with
:data:`INTERCEPTED`; plain ones are absolute-form requests (``POST http://host/path``).
Absolute-form requests to hosts outside ``plain_hosts`` are refused even with
``tunnel_other_hosts``: sladd would read them in clear and relay them unscrubbed, as an open
HTTP proxy; an app reaches such hosts directly (``NO_PROXY``, or no ``HTTP_PROXY`` at all).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from aiohttp import web
from yarl import URL

from proxy.forward.targets import Authority, ForwardPolicy, forward_refused, parse_authority
from proxy.providers.error_shapes import OPENAI_ERRORS, ErrorShape
from proxy.providers.records import RECORDS
from proxy.routes import RouteMatch, RouteTable
from proxy.support.errors import SladdError


@dataclass(frozen=True, slots=True)
class Intercepted:
    """The CONNECT target a decrypted connection belongs to, and its route."""

    target: Authority
    route: str


INTERCEPTED = web.RequestKey("sladd_intercepted", Intercepted)


def is_forwarded(request: web.BaseRequest) -> bool:
    """Whether ``request`` came through the forward proxy (intercepted TLS or absolute-form).

    An absolute-form request for sladd's own address (an app with both ``HTTP_PROXY`` and a
    base URL pointing at sladd) is a base-URL request.
    """
    if INTERCEPTED in request:
        return True
    absolute = request.raw_path.startswith(("http://", "https://"))
    return absolute and not _names_sladd_itself(request)


def refusal_shape(request: web.BaseRequest) -> ErrorShape:
    """The error shape for refusing ``request`` before its match is known: an intercepted
    host's route's, else OpenAI's."""
    intercepted = request.get(INTERCEPTED)
    if intercepted is None:
        return OPENAI_ERRORS
    record = RECORDS[intercepted.route]
    tail = record.tail_of(request.path)
    return record.error_shape if tail is None else record.shape_for(tail)


def base_url_path(route: str, path: str) -> str | None:
    """The base-URL mode path for ``path`` on a host served by ``route``, if it maps."""
    record = RECORDS[route]
    return record.base_path + path if path.startswith(record.host_paths) else None


def _routed(routes: RouteTable, route: str, origin: str, path: str) -> RouteMatch:
    match = routes.match_host(route, path)
    if match is None:
        raise SladdError(404, "sladd_unknown_route", f"no sladd route serves {origin}{path}")
    return match


def _check_host_header(request: web.BaseRequest, intercepted: Intercepted) -> None:
    try:
        named = parse_authority(request.headers.get("Host", ""), intercepted.target.port)
    except ValueError:
        named = None
    if named != intercepted.target:
        message = f"the Host header does not name {intercepted.target.netloc}, the CONNECT target"
        raise SladdError(421, "sladd_misdirected_request", message)


async def _intercepted_match(
    request: web.BaseRequest,
    routes: RouteTable,
    policy: ForwardPolicy,
    intercepted: Intercepted,
    timeout: float,
) -> RouteMatch:
    _check_host_header(request, intercepted)
    target, route = intercepted.target, intercepted.route
    origin = target.url_base("https")
    match = _routed(routes, route, origin, request.path)
    if RECORDS[route].upstream_from_host and not match.upstream_url:
        # sladd connects to the host the client named: its addresses must pass the check.
        await policy.checked_address(target, timeout)
        return dataclasses.replace(match, upstream_url=origin + request.path)
    return match


async def _plain_match(
    request: web.BaseRequest, routes: RouteTable, policy: ForwardPolicy, timeout: float
) -> RouteMatch:
    url = URL(request.raw_path)
    if url.scheme != "http" or not url.raw_host:
        raise SladdError(400, "sladd_invalid_request", "absolute-form requests must be http://")
    try:
        target = parse_authority(url.raw_authority, 80)
    except ValueError as exc:
        raise SladdError(400, "sladd_invalid_request", "the request URL has no valid host") from exc
    route = policy.plain_route(target)
    if route is None:
        raise forward_refused(
            f"{target.netloc} is not a known plain-HTTP LLM host; add it to "
            f"forward_proxy.plain_hosts (pattern = route). Other plain http:// targets are "
            f"never relayed (forward_proxy.tunnel_other_hosts covers CONNECT only)"
        )
    await policy.checked_address(target, timeout)
    return _routed(routes, route, target.url_base("http"), url.path)


def _names_sladd_itself(request: web.BaseRequest) -> bool:
    """An absolute-form request for sladd's own address (HTTP_PROXY and a base URL both set)."""
    local = request.transport.get_extra_info("sockname") if request.transport else None
    try:
        target = parse_authority(URL(request.raw_path).raw_authority, 80)
    except ValueError:
        return False
    if not isinstance(local, tuple) or target.port != local[1]:
        return False
    return target.host in {str(local[0]).lower(), "localhost"}


async def route_request(
    request: web.BaseRequest, routes: RouteTable, policy: ForwardPolicy, timeout: float
) -> RouteMatch | None:
    """The route for any request: forwarded (see module docstring) or base-URL mode.

    Raises :class:`SladdError` for refused forwarded requests; ``None``: no route.
    """
    intercepted = request.get(INTERCEPTED)
    if intercepted is not None:
        return await _intercepted_match(request, routes, policy, intercepted, timeout)
    if is_forwarded(request):
        if not policy.settings.enabled:
            raise forward_refused("forward-proxy mode is off (forward_proxy.enabled = false)")
        return await _plain_match(request, routes, policy, timeout)
    return routes.match(request.path)
