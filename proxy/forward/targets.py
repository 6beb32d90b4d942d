"""Forward-proxy policy: which targets are intercepted, tunnelled, served plain, or refused.

A ``CONNECT`` is decided by :meth:`ForwardPolicy.connect_action`, in this order: a host *and
port* matching an intercept pattern is intercepted; any other port of such a host, a plain
host's own address, or a host in :data:`UNSCRUBBED_LLM_HOSTS` is refused (an LLM host never
travels unscrubbed, whatever the tunnel settings say); ``tunnel_hosts`` are tunnelled; with
``tunnel_other_hosts`` every remaining host is tunnelled; everything else is refused.

No socket is opened here; :meth:`ForwardPolicy.checked_address` resolves a name (the event
loop's resolver) and returns the one address sladd may connect to, so that a name cannot
resolve to a public address when checked and a private one when used (DNS rebinding).
Non-public addresses — private, loopback, link-local (169.254.169.254 cloud metadata),
shared, reserved, multicast, IPv4-mapped forms of those — are refused unless they fall inside
``forward_proxy.allow_private_targets``. Host names in messages are fine: they are endpoints,
not patient data.
"""

from __future__ import annotations

import asyncio
import fnmatch
import ipaddress
import socket
from dataclasses import dataclass

from proxy.providers.records import RECORDS
from proxy.settings.forward import ForwardProxySettings
from proxy.support.errors import SladdError

BUILTIN_INTERCEPTS = tuple(
    (host, record.route) for record in RECORDS.values() for host in record.intercept_hosts
)
"""(host pattern, route) from each provider record's ``intercept_hosts``."""
UNSCRUBBED_LLM_HOSTS = (
    "*.openai.com",  # eu.api.openai.com and other regional OpenAI endpoints
    "*.anthropic.com",
    "*.cognitiveservices.azure.com",
    "*.services.ai.azure.com",
    "*.openai.azure.com",
    "*aiplatform.googleapis.com",
    "generativelanguage.googleapis.com",
    "bedrock-runtime.*.amazonaws.com",
    "api.mistral.ai",
    "api.cohere.com",
    "api.cohere.ai",
    "api.groq.com",
    "api.together.xyz",
    "api.deepseek.com",
    "api.x.ai",
    "api.perplexity.ai",
    "api.fireworks.ai",
    "openrouter.ai",
)
"""Host patterns (any port) of LLM APIs that are never tunnelled: refused unless intercepted.
A courtesy against the obvious leaks, not a complete list of LLM APIs."""
HTTPS_PORT = 443
HTTP_PORT = 80
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Authority:
    """A target ``host:port``; ``host`` is lower-case, without brackets or a trailing dot."""

    host: str
    port: int

    @property
    def netloc(self) -> str:
        """``host:port`` as written in URLs and CONNECT lines (IPv6 in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    def url_base(self, scheme: str) -> str:
        """``scheme://host[:port]``, leaving out the scheme's default port."""
        default = HTTPS_PORT if scheme == "https" else HTTP_PORT
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{host}" if self.port == default else f"{scheme}://{host}:{self.port}"


def parse_authority(text: str, default_port: int | None) -> Authority:
    """``host[:port]`` -> :class:`Authority`; :class:`ValueError` when malformed."""
    host, port_text = text, ""
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port_text = rest.removeprefix(":") if rest.startswith(":") else rest
        ipaddress.IPv6Address(host)
    elif ":" in text:
        host, _, port_text = text.rpartition(":")
    host = host.rstrip(".").lower()
    if port_text:
        if not port_text.isdigit():
            raise ValueError("the port is not a number")
        port = int(port_text)
    elif default_port is None:
        raise ValueError("a port is required")
    else:
        port = default_port
    if not host or not 0 < port <= 65535 or any(c in host for c in "/@?# \t"):
        raise ValueError("not a host and port")
    return Authority(host, port)


def _matches(pattern: str, target: Authority, default_port: int) -> bool:
    try:
        wanted = parse_authority(pattern.replace(":*", ""), default_port)
    except ValueError:
        return False
    port_ok = pattern.endswith(":*") or wanted.port == target.port
    return port_ok and fnmatch.fnmatchcase(target.host, wanted.host)


def _host_matches(pattern: str, host: str) -> bool:
    """Whether ``host`` matches the host part of ``pattern``, whatever the ports."""
    try:
        wanted = parse_authority(pattern.replace(":*", ""), HTTPS_PORT)
    except ValueError:
        return False
    return fnmatch.fnmatchcase(host, wanted.host)


@dataclass(frozen=True, slots=True)
class Tunnel:
    """A ``CONNECT`` relayed untouched; ``setting`` names the one that allowed it."""

    setting: str


def _is_public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def forward_refused(message: str) -> SladdError:
    """The 403 every forward-proxy refusal uses."""
    return SladdError(403, "sladd_forward_refused", message)


class ForwardPolicy:
    """Decisions about forward-proxy targets, from ``[forward_proxy]`` settings."""

    def __init__(self, settings: ForwardProxySettings) -> None:
        self.settings = settings
        self._intercepts = (*settings.intercept_hosts.items(), *BUILTIN_INTERCEPTS)
        self._allowed = tuple(
            ipaddress.ip_network(n, strict=False) for n in settings.allow_private_targets
        )

    def intercept_route(self, target: Authority) -> str | None:
        """The route serving intercepted TLS to ``target``, or ``None``."""
        for pattern, route in self._intercepts:
            if _matches(pattern, target, HTTPS_PORT):
                return route
        return None

    def plain_route(self, target: Authority) -> str | None:
        """The route serving plain ``http://`` requests to ``target``, or ``None``."""
        for pattern, route in self.settings.plain_hosts.items():
            if _matches(pattern, target, HTTP_PORT):
                return route
        return None

    def is_tunnel(self, target: Authority) -> bool:
        """Whether ``target`` is listed in ``tunnel_hosts`` (see :meth:`connect_action`)."""
        return any(_matches(p, target, HTTPS_PORT) for p in self.settings.tunnel_hosts)

    def is_llm_host(self, target: Authority) -> bool:
        """Whether ``target`` must never be tunnelled: its host matches an intercept pattern
        (on any port) or :data:`UNSCRUBBED_LLM_HOSTS`, or it is a plain host's address."""
        patterns = (*(p for p, _ in self._intercepts), *UNSCRUBBED_LLM_HOSTS)
        return any(_host_matches(p, target.host) for p in patterns) or (
            self.plain_route(target) is not None
        )

    def connect_action(self, target: Authority) -> str | Tunnel:
        """The route intercepting a ``CONNECT`` to ``target``, or the :class:`Tunnel` carrying
        it untouched; ``403 sladd_forward_refused`` (naming the setting) otherwise."""
        route = self.intercept_route(target)
        if route is not None:
            return route
        if self.is_llm_host(target):
            raise forward_refused(
                f"{target.netloc} is an LLM API host that sladd does not intercept there, and "
                f"sladd never tunnels one unscrubbed; to have it scrubbed, add it to "
                f"forward_proxy.intercept_hosts (pattern = route)"
            )
        if self.is_tunnel(target):
            return Tunnel("tunnel_hosts")
        if self.settings.tunnel_other_hosts:
            return Tunnel("tunnel_other_hosts")
        raise forward_refused(
            f"{target.netloc} is not an allow-listed LLM host, so sladd will not carry "
            f"traffic to it; pass it through unscrubbed with forward_proxy.tunnel_hosts, "
            f"or every such host with forward_proxy.tunnel_other_hosts = true"
        )

    def address_allowed(self, address: IPAddress) -> bool:
        """Public, or inside ``allow_private_targets``."""
        return _is_public(address) or any(address in net for net in self._allowed)

    async def checked_address(self, target: Authority, timeout: float) -> str:
        """The address to connect to for ``target``; 403 when any resolves non-public."""
        loop = asyncio.get_running_loop()
        try:
            infos = await asyncio.wait_for(
                loop.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM), timeout
            )
        except (OSError, TimeoutError) as exc:
            message = f"cannot resolve {target.host} ({type(exc).__name__})"
            raise SladdError(502, "sladd_upstream_unreachable", message) from exc
        addresses = [ipaddress.ip_address(str(info[4][0]).partition("%")[0]) for info in infos]
        refused = [a for a in addresses if not self.address_allowed(a)]
        if refused or not addresses:
            raise forward_refused(
                f"{target.netloc} resolves to a private, loopback or link-local address "
                f"({refused[0] if refused else 'none'}); allow it with "
                f"forward_proxy.allow_private_targets"
            )
        return str(addresses[0])
