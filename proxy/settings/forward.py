"""The ``[forward_proxy]`` settings section: HTTPS_PROXY / HTTP_PROXY mode.

Host patterns are ``HOST`` or ``HOST:PORT`` where HOST may hold ``*`` and ``?`` globs
(``*.openai.azure.com``) and PORT may be ``*``; without a port, CONNECT patterns mean 443
and plain-HTTP patterns mean 80. Matching ignores case. IPv6 literals are written in brackets.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from proxy.providers.records import ROUTE_NAMES
from proxy.support.toml_binding import validator

_HOST_PATTERN = re.compile(
    r"^(?:[a-z0-9*?](?:[a-z0-9*?.-]*[a-z0-9*?])?|\[[0-9a-f:.]+\])(?::(?:\*|[0-9]{1,5}))?$",
    re.IGNORECASE,
)
MAX_LEAF_VALIDITY_DAYS = 397
"""The longest leaf lifetime browsers and TLS libraries accept."""


def _host_pattern(pattern: str) -> str | None:
    if not _HOST_PATTERN.match(pattern):
        return f"{pattern!r} is not a host pattern like api.example.com, *.example.com:8443"
    _, sep, port = pattern.rpartition(":")
    if sep and port != "*" and not pattern.endswith("]") and not 0 < int(port) <= 65535:
        return f"{pattern!r}: a TCP port is 1-65535"
    return None


def _host_patterns(value: tuple[str, ...]) -> str | None:
    for pattern in value:
        problem = _host_pattern(pattern)
        if problem:
            return problem
    return None


def _host_routes(value: Mapping[str, str]) -> str | None:
    for pattern, route in value.items():
        problem = _host_pattern(pattern)
        if problem:
            return problem
        if route not in ROUTE_NAMES:
            return f"{pattern}: {route!r} is not one of the routes {', '.join(ROUTE_NAMES)}"
    return None


def _networks(value: tuple[str, ...]) -> str | None:
    for network in value:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError:
            return f"{network!r} is not an IP address or network like 10.0.0.0/8"
    return None


def _validity_days(value: int) -> str | None:
    if 1 <= value <= MAX_LEAF_VALIDITY_DAYS:
        return None
    return f"{value} is not between 1 and {MAX_LEAF_VALIDITY_DAYS} days"


@dataclass(frozen=True, slots=True)
class ForwardProxySettings:
    """Which hosts sladd intercepts, tunnels or refuses as an HTTP(S) proxy.

    Every provider record's ``intercept_hosts`` (api.openai.com, api.anthropic.com,
    ``*.openai.azure.com`` ...) are always intercepted; ``intercept_hosts`` adds more
    (pattern -> route). ``plain_hosts`` maps plain ``http://``
    targets (pattern -> route). ``tunnel_hosts`` pass through unscrubbed. Targets resolving to
    private, loopback or link-local addresses are refused unless inside
    ``allow_private_targets``.

    ``tunnel_other_hosts`` (off by default) tunnels a ``CONNECT`` to *any* host that is not
    intercepted, untouched and unscrubbed, instead of refusing it: sladd stops being an egress
    allow-list. A host matching an intercept or plain-host pattern (on any port) or a known LLM
    API sladd does not scrub is still never tunnelled. Plain ``http://`` requests to other
    hosts stay refused either way.
    """

    enabled: bool = True
    intercept_hosts: dict[str, str] = field(default_factory=dict, metadata=validator(_host_routes))
    plain_hosts: dict[str, str] = field(default_factory=dict, metadata=validator(_host_routes))
    tunnel_hosts: tuple[str, ...] = field(default=(), metadata=validator(_host_patterns))
    tunnel_other_hosts: bool = False
    allow_private_targets: tuple[str, ...] = field(default=(), metadata=validator(_networks))
    leaf_validity_days: int = field(default=7, metadata=validator(_validity_days))
