"""Redis vault URLs: one server, a master found through Sentinel, or a Redis Cluster.

- ``redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]`` — one server (``rediss://``: TLS).
- ``redis+sentinel://[[USER]:PASSWORD@]HOST[:PORT][,HOST[:PORT]...]/SERVICE[/DB]`` — the
  master of ``SERVICE`` as the listed Sentinels name it (default port 26379), followed
  through failovers; ``rediss+sentinel://`` speaks TLS to the Sentinels and the master.
  USER and PASSWORD authenticate to the master; the Sentinels are asked without them.
- ``redis+cluster://[[USER]:PASSWORD@]HOST[:PORT][,HOST[:PORT]...][/0]`` — a Redis Cluster
  found through any of the listed nodes (default port 6379); ``rediss+cluster://``: TLS.
  A cluster has only database 0.

Parsing only: nothing here connects (:mod:`proxy.vault.redis_connect` does). Errors are
:class:`~proxy.vault.base.VaultConfigError` naming the URL with its password hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import unquote, urlsplit

from proxy.vault.base import VaultConfigError

Topology = Literal["server", "sentinel", "cluster"]

SCHEMES: dict[str, tuple[Topology, bool]] = {
    "redis": ("server", False),
    "rediss": ("server", True),
    "redis+sentinel": ("sentinel", False),
    "rediss+sentinel": ("sentinel", True),
    "redis+cluster": ("cluster", False),
    "rediss+cluster": ("cluster", True),
}
"""Scheme -> (topology, TLS)."""

FORMS = {
    "server": "redis://HOST:PORT/DB",
    "sentinel": "redis+sentinel://HOST:PORT[,HOST:PORT...]/SERVICE[/DB]",
    "cluster": "redis+cluster://HOST:PORT[,HOST:PORT...]",
}
DEFAULT_PORTS = {"server": 6379, "sentinel": 26379, "cluster": 6379}


@dataclass(frozen=True, slots=True)
class RedisTarget:
    """What a Redis vault URL names. ``shown`` is the URL with its password hidden."""

    topology: Topology
    tls: bool
    nodes: tuple[tuple[str, int], ...]
    """Sentinels or cluster seed nodes (for ``server``: the one server)."""
    db: int
    service: str | None
    """The Sentinel service (master) name; ``None`` unless ``topology == "sentinel"``."""
    shown: str
    username: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)


def parse_redis_url(url: str) -> RedisTarget:
    """The target ``url`` names; :class:`VaultConfigError` saying what is wrong."""
    scheme, _, rest = url.partition("://")
    shown = redacted_url(url)
    if scheme.lower() not in SCHEMES:
        raise VaultConfigError(f"bad vault URL {shown!r}: not a Redis URL")
    topology, tls = SCHEMES[scheme.lower()]
    bad = _Complaint(shown, topology)
    if "?" in rest or "#" in rest:
        if topology != "server":
            raise bad("options (?...) are not supported here")
        rest = rest.split("?", 1)[0].split("#", 1)[0]
    netloc, slash, path = rest.partition("/")
    userinfo, at, hosts = netloc.rpartition("@")
    username, _, password = userinfo.partition(":")
    nodes = tuple(_node(part, DEFAULT_PORTS[topology], bad) for part in hosts.split(","))
    if topology == "server" and len(nodes) > 1:
        raise bad("one host only (for several, use redis+sentinel:// or redis+cluster://)")
    service, db = _path(path if slash else "", topology, bad)
    return RedisTarget(
        topology,
        tls,
        nodes,
        db,
        service,
        shown,
        unquote(username) if at and username else None,
        unquote(password) if at and password else None,
    )


class _Complaint:
    def __init__(self, shown: str, topology: Topology) -> None:
        self._prefix = f"bad vault URL {shown!r}"
        self._form = FORMS[topology]

    def __call__(self, problem: str) -> VaultConfigError:
        return VaultConfigError(f"{self._prefix}: {problem} (expected {self._form})")


def _node(text: str, default_port: int, bad: _Complaint) -> tuple[str, int]:
    try:
        parts = urlsplit("//" + text)
        port = parts.port
    except ValueError:
        raise bad("a port is not a number") from None
    if not parts.hostname or parts.username is not None:
        raise bad("a host is missing")
    if port == 0:
        raise bad("port 0")
    return parts.hostname, default_port if port is None else port


def _path(path: str, topology: Topology, bad: _Complaint) -> tuple[str | None, int]:
    parts = path.split("/") if path else []
    service = None
    if topology == "sentinel":
        if not parts or not parts[0]:
            raise bad("the Sentinel service name is missing")
        service = unquote(parts.pop(0))
    if parts and parts[-1] == "":
        parts.pop()  # a trailing slash
    if len(parts) > 1:
        raise bad("too many path parts")
    database = parts[0] if parts else "0"
    if not database.isdigit():
        raise bad("the database must be a number")
    if topology == "cluster" and int(database) != 0:
        raise bad("a cluster has only database 0")
    return service, int(database)


def redacted_url(url: str) -> str:
    """``url`` with any password replaced by ``***``, for messages.

    Everything between the first ``:`` of the user part and the last ``@`` is hidden, so a
    password holding ``/``, ``@`` or ``,`` is hidden too (an odd URL may be over-redacted).
    """
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url if "@" not in url else "***"
    userinfo, at, after = rest.rpartition("@")
    user, colon, _ = userinfo.partition(":")
    if not at or not colon:
        return url
    return f"{scheme}://{user}:***@{after}"
