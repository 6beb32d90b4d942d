"""The shared vault for several sladd replicas: Redis — one server, a master found through
Sentinel, or a Redis Cluster (URL forms in :mod:`proxy.vault.redis_urls`).

One Redis hash per scope, ``sladd:vault:scope:<scope_id>`` (on a cluster
``sladd:vault:scope:{<scope_id>}``, see :mod:`proxy.vault.redis_connect`), expiring ``ttl``
after its last use (``PEXPIRE`` on every assign and successful lookup). Its fields::

    t                       last use (Unix time, for ``purge --older-than``)
    e                       the scope's epoch (see :meth:`proxy.vault.base.Vault.epoch`)
    n                       number of entries
    c:<label>               highest number issued for the label
    f:<entry_id>            forward index: keyed HMAC of the normalised value -> number
    v:<label>:<number>      envelope (AES-GCM, see :mod:`proxy.vault.crypto`)

``sladd:vault:meta`` holds the key-ring fingerprint, so a replica started with another ring
fails closed instead of writing entries the others cannot read: :meth:`RedisVault.check_key_ring`
(run at start by :func:`proxy.vault.open.open_vault`) refuses it, and each refused call logs
the reason (no key material) on the ``sladd.vault`` logger.

Every script reads and writes only ``KEYS[1]``, the scope's hash: one key, so one hash slot,
and the script is atomic on the node that owns it — on a single server, a Sentinel master
and a cluster alike.

Assignment is one Lua script (:data:`ASSIGN`), atomic on the server: it returns the existing
number, or creates the entry if the caller's proposed number is the next free one, or tells
the caller which number is next. The caller seals the value for that number (the associated
data binds it) and calls again; the first call only probes. Two replicas racing on one new
value therefore always end with one number, and the forward index never points to a number
without its value.

The epoch is a field of the scope's hash, so ``purge`` (``DEL``) and expiry end it together
with the entries, for every replica at once; reading it is one ``HGET``.

Every Redis failure becomes :class:`~proxy.vault.base.VaultError` (fail closed: there is no
local fallback, which would hand out tokens the other replicas cannot restore). The client
reconnects on the next call, so the vault recovers by itself once Redis is back.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

from proxy.vault.base import (
    DEFAULT_TTL_SECONDS,
    VaultConfigError,
    VaultError,
    VaultStats,
    new_epoch,
)
from proxy.vault.crypto import VaultCipher, key_id_of
from proxy.vault.redis_connect import FAILURES, META_KEY, PREFIX, SCOPE_PATTERN, connect

__all__ = ["PREFIX", "RedisVault"]

MAX_ASSIGN_ATTEMPTS = 100
log = logging.getLogger("sladd.vault")

ASSIGN = """
-- KEYS[1] scope hash; ARGV: forward field, counter field, proposed number (0 = probe),
-- value field for the proposed number, envelope, now, ttl in milliseconds.
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then
  redis.call('HSET', KEYS[1], 't', ARGV[6])
  redis.call('PEXPIRE', KEYS[1], ARGV[7])
  return {0, tonumber(existing)}
end
local nxt = (tonumber(redis.call('HGET', KEYS[1], ARGV[2])) or 0) + 1
if tonumber(ARGV[3]) ~= nxt then
  return {1, nxt}
end
redis.call('HSET', KEYS[1], ARGV[1], nxt, ARGV[2], nxt, ARGV[4], ARGV[5], 't', ARGV[6])
redis.call('HINCRBY', KEYS[1], 'n', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[7])
return {2, nxt}
"""
"""Statuses: 0 existing, 1 propose this number, 2 created."""

LOOKUP = """
local value = redis.call('HGET', KEYS[1], ARGV[1])
if value then
  redis.call('HSET', KEYS[1], 't', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return value
"""

EPOCH = """
-- KEYS[1] scope hash; ARGV: a new epoch, now, ttl in milliseconds.
local epoch = redis.call('HGET', KEYS[1], 'e')
if epoch then return epoch end
redis.call('HSET', KEYS[1], 'e', ARGV[1])
redis.call('HSETNX', KEYS[1], 't', ARGV[2])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return ARGV[1]
"""
"""Get or create the epoch; a hash made here expires like any scope (its TTL is kept if set)."""

PURGE_IF_IDLE = """
local last = tonumber(redis.call('HGET', KEYS[1], 't'))
if last == nil or last >= tonumber(ARGV[1]) then return 0 end
local count = tonumber(redis.call('HGET', KEYS[1], 'n')) or 0
redis.call('DEL', KEYS[1])
return count
"""

PURGE = """
local count = tonumber(redis.call('HGET', KEYS[1], 'n')) or 0
redis.call('DEL', KEYS[1])
return count
"""

RESEAL = """
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  return 1
end
return 0
"""
"""Compare-and-set of one envelope: never resurrects an erased entry or undoes a newer write."""


class RedisVault:
    """Implements :class:`proxy.vault.base.ManagedVault` on a Redis server."""

    def __init__(
        self,
        url: str,
        cipher: VaultCipher,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Connect lazily: a Redis that is down fails calls, not construction."""
        self._connection = connect(url)
        self.url = self._connection.shown
        self._redis = self._connection.client
        self._layout = self._connection.layout
        self._cipher = cipher
        self._ttl_ms = max(1, round(ttl_seconds * 1000))
        self._clock = clock
        self._checked = False
        self._assign = self._redis.register_script(ASSIGN)
        self._lookup = self._redis.register_script(LOOKUP)
        self._epoch = self._redis.register_script(EPOCH)
        self._purge_if_idle = self._redis.register_script(PURGE_IF_IDLE)
        self._purge = self._redis.register_script(PURGE)
        self._reseal = self._redis.register_script(RESEAL)

    @asynccontextmanager
    async def _guard(self) -> AsyncIterator[None]:
        """Fail closed with the reason logged: a call that cannot be served raises
        :class:`VaultError` (a wrong key ring: :class:`VaultConfigError`)."""
        try:
            if not self._checked:
                await self.check_key_ring()
            yield
        except VaultConfigError as exc:
            log.error("vault refused: %s", exc)
            raise
        except FAILURES as exc:
            self._checked = False  # Redis may come back empty: check the ring again then
            error = VaultError(f"Redis vault {self.url} unavailable: {type(exc).__name__}")
            log.warning("%s", error)
            raise error from None

    async def check_key_ring(self) -> None:
        """Record this replica's key-ring fingerprint if the vault has none; else compare.

        :class:`VaultConfigError` if the vault was created with another ring (the message
        names the URL, never key material); the Redis client's own exceptions if it cannot
        be reached (callers outside :meth:`_guard` decide whether that is fatal).
        """
        fingerprint = self._cipher.fingerprint().encode()
        await self._redis.hsetnx(META_KEY, "key_fingerprint", fingerprint)
        stored = await self._redis.hget(META_KEY, "key_fingerprint")
        if stored != fingerprint:
            raise VaultConfigError(
                f"Redis vault {self.url} was created with a different vault key ring; every "
                "replica needs the same SLADD_VAULT_KEY (or vault.key): make one with "
                "`sladd vault new-key`"
            )
        self._checked = True

    def _key(self, scope: str) -> tuple[str, str]:
        scope_id = self._cipher.scope_id(scope)
        return scope_id, self._layout.scope_key(scope_id)

    async def assign(self, scope: str, label: str, key: str, value: str) -> int:
        """See :meth:`proxy.vault.base.Vault.assign`."""
        scope_id, name = self._key(scope)
        forward = "f:" + self._cipher.entry_id(scope_id, label, key)
        proposed, envelope = 0, b""
        async with self._guard():
            for _ in range(MAX_ASSIGN_ATTEMPTS):
                args: list[str | int | bytes] = [forward, "c:" + label, proposed]
                args += [f"v:{label}:{proposed}", envelope, repr(self._clock()), self._ttl_ms]
                status, number = await self._assign(keys=[name], args=args)
                if status != 1:
                    return int(number)
                proposed = int(number)
                envelope = self._cipher.seal(scope_id, label, proposed, value)
        raise VaultError("Redis vault: too much contention to assign a pseudonym number")

    async def lookup(self, scope: str, label: str, number: int) -> str | None:
        """See :meth:`proxy.vault.base.Vault.lookup`."""
        scope_id, name = self._key(scope)
        async with self._guard():
            args: list[str | int] = [f"v:{label}:{number}", repr(self._clock()), self._ttl_ms]
            envelope = await self._lookup(keys=[name], args=args)
        if envelope is None:
            return None
        return self._cipher.open(scope_id, label, number, envelope)

    async def epoch(self, scope: str, *, create: bool = False) -> str | None:
        """See :meth:`proxy.vault.base.Vault.epoch`."""
        name = self._key(scope)[1]
        async with self._guard():
            if create:
                args: list[str | int] = [new_epoch(), repr(self._clock()), self._ttl_ms]
                epoch = await self._epoch(keys=[name], args=args)
            else:
                epoch = await self._redis.hget(name, "e")
        return None if epoch is None else bytes(epoch).decode("ascii")

    async def close(self) -> None:
        """See :meth:`proxy.vault.base.ManagedVault.close`."""
        await self._connection.aclose()

    async def _scope_keys(self) -> list[bytes]:
        """Every scope key; on a cluster, of every primary."""
        return [key async for key in self._redis.scan_iter(match=SCOPE_PATTERN, count=500)]

    async def purge_scope(self, scope: str) -> int:
        """See :meth:`proxy.vault.base.ManagedVault.purge_scope`."""
        async with self._guard():
            return int(await self._purge(keys=[self._key(scope)[1]]))

    async def purge_older_than(self, seconds: float) -> int:
        """See :meth:`proxy.vault.base.ManagedVault.purge_older_than`."""
        cutoff = repr(self._clock() - seconds)
        async with self._guard():
            names = await self._scope_keys()
            erased = [await self._purge_if_idle(keys=[k], args=[cutoff]) for k in names]
        return sum(int(n) for n in erased)

    async def _envelopes(self, name: bytes) -> list[tuple[bytes, bytes]]:
        return [pair async for pair in self._redis.hscan_iter(name, match="v:*", count=500)]

    async def stats(self) -> VaultStats:
        """See :meth:`proxy.vault.base.ManagedVault.stats`."""
        per_key: dict[str, int] = {}
        async with self._guard():
            names = await self._scope_keys()
            for name in names:
                for _, envelope in await self._envelopes(name):
                    key_id = key_id_of(envelope)
                    per_key[key_id] = per_key.get(key_id, 0) + 1
        pairs = tuple(sorted(per_key.items()))
        entries = sum(per_key.values())
        return VaultStats("redis", len(names), entries, pairs, self._cipher.current_key_id)

    async def rotate_key(self) -> int:
        """See :meth:`proxy.vault.base.ManagedVault.rotate_key`."""
        self._cipher.rotate()
        done = 0
        async with self._guard():
            for name in await self._scope_keys():
                done += await self._reseal_scope(name, await self._envelopes(name))
        return done

    async def _reseal_scope(self, name: bytes, fields: Sequence[tuple[bytes, bytes]]) -> int:
        scope_id = self._layout.scope_id_of(name)
        done = 0
        for field, envelope in fields:
            if self._cipher.is_current(envelope):
                continue
            label, _, number = field.decode()[2:].rpartition(":")
            value = self._cipher.open(scope_id, label, int(number), envelope)
            resealed = self._cipher.seal(scope_id, label, int(number), value)
            done += int(await self._reseal(keys=[name], args=[field, envelope, resealed]))
        return done
