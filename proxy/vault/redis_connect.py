"""Redis clients for the vault: one server, a Sentinel-managed master, or a Redis Cluster.

Every client connects lazily (the first command connects), never retries with back-off
(a request fails closed at once and the next one tries again), and follows the topology by
itself: the Sentinel client asks the Sentinels for the current master whenever it
(re)connects, the Cluster client follows ``MOVED`` redirections and refreshes its slot map.

**Key names and hash slots.** A scope is one Redis hash and every script touches only that
hash (``KEYS[1]``), so each operation runs on one node, atomically. On a cluster the scope's
key carries a hash tag, ``sladd:vault:scope:{<scope_id>}``: whatever the vault ever keeps
for one scope maps to one slot (the slot of its scope id). Single servers and Sentinel
masters keep the untagged names they have always used, so an existing vault stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass

from redis.asyncio import Redis
from redis.asyncio.cluster import ClusterNode, RedisCluster
from redis.asyncio.retry import Retry
from redis.asyncio.sentinel import Sentinel
from redis.backoff import NoBackoff
from redis.exceptions import RedisClusterException, RedisError

from proxy.vault.base import VaultConfigError
from proxy.vault.redis_urls import RedisTarget, parse_redis_url

PREFIX = "sladd:vault:"
META_KEY = PREFIX + "meta"
SCOPE_PATTERN = PREFIX + "scope:*"
CONNECT_TIMEOUT = 2.0
COMMAND_TIMEOUT = 5.0

FAILURES: tuple[type[BaseException], ...] = (RedisError, RedisClusterException, OSError)
"""What a Redis call raises when the server, a Sentinel or a cluster node cannot answer."""


@dataclass(frozen=True, slots=True)
class KeyLayout:
    """Names of the vault's keys; ``tagged`` adds a cluster hash tag around the scope id."""

    tagged: bool

    def scope_key(self, scope_id: str) -> str:
        """The key of the hash that holds one scope."""
        return f"{PREFIX}scope:{{{scope_id}}}" if self.tagged else f"{PREFIX}scope:{scope_id}"

    @staticmethod
    def scope_id_of(key: bytes) -> str:
        """The scope id in a scope key (tagged or not)."""
        return key.decode().rpartition(":")[2].strip("{}")


@dataclass(frozen=True, slots=True)
class Connection:
    """A client for a vault URL, how to name keys there, and the URL to show (no password)."""

    client: Redis | RedisCluster
    layout: KeyLayout
    shown: str
    sentinels: tuple[Redis, ...] = ()
    """The Sentinel clients behind ``client``, closed with it."""

    async def aclose(self) -> None:
        """Close the client and any Sentinel connections."""
        await self.client.aclose()
        for sentinel in self.sentinels:
            await sentinel.aclose()


def connect(url: str) -> Connection:
    """A lazily connecting client for ``url``; :class:`VaultConfigError` if it is malformed."""
    target = parse_redis_url(url)
    layout = KeyLayout(tagged=target.topology == "cluster")
    try:
        if target.topology == "sentinel":
            master, sentinels = _sentinel_master(target)
            return Connection(master, layout, target.shown, sentinels)
        return Connection(_client(url, target), layout, target.shown)
    except (ValueError, RedisClusterException) as exc:
        raise VaultConfigError(f"bad Redis vault URL {target.shown}: {exc}") from None


def _client(url: str, target: RedisTarget) -> Redis | RedisCluster:
    connect_timeout, timeout = CONNECT_TIMEOUT, COMMAND_TIMEOUT
    if target.topology == "server":
        return Redis.from_url(
            url,
            socket_connect_timeout=connect_timeout,
            socket_timeout=timeout,
            retry=Retry(NoBackoff(), 1),
        )
    return RedisCluster(
        startup_nodes=[ClusterNode(host, port) for host, port in target.nodes],
        username=target.username,
        password=target.password,
        ssl=target.tls,
        socket_connect_timeout=connect_timeout,
        socket_timeout=timeout,
        retry=Retry(NoBackoff(), 1),
    )


def _sentinel_master(target: RedisTarget) -> tuple[Redis, tuple[Redis, ...]]:
    connect_timeout, timeout = CONNECT_TIMEOUT, COMMAND_TIMEOUT
    asked: dict[str, object] = {"socket_connect_timeout": connect_timeout}
    asked |= {"socket_timeout": timeout, "ssl": target.tls}
    sentinel = Sentinel(list(target.nodes), sentinel_kwargs=asked)
    assert target.service is not None  # parse_redis_url requires it for Sentinel
    master: Redis = sentinel.master_for(
        target.service,
        db=target.db,
        username=target.username,
        password=target.password,
        ssl=target.tls,
        socket_connect_timeout=connect_timeout,
        socket_timeout=timeout,
        retry=Retry(NoBackoff(), 1),
    )
    return master, tuple(sentinel.sentinels)
