"""An in-process vault: for tests, ``sladd scan`` and single-process use without persistence.

Values are held in plain process memory (nothing is written anywhere), so this backend does
not encrypt; it implements the same TTL and admin behaviour as the persistent backends.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from proxy.vault.base import DEFAULT_TTL_SECONDS, VaultStats, new_epoch


@dataclass(slots=True)
class _Scope:
    last_used: float
    forward: dict[tuple[str, str], int] = field(default_factory=dict)
    backward: dict[tuple[str, int], str] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    epoch: str | None = None


class MemoryVault:
    """Dictionaries behind a lock; implements :class:`proxy.vault.base.ManagedVault`."""

    def __init__(
        self,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._scopes: dict[str, _Scope] = {}
        self._ttl = ttl_seconds
        self._clock = clock
        self._lock = asyncio.Lock()

    def _live(self, scope: str) -> _Scope | None:
        entry = self._scopes.get(scope)
        if entry is not None and self._clock() - entry.last_used >= self._ttl:
            del self._scopes[scope]
            return None
        return entry

    async def assign(self, scope: str, label: str, key: str, value: str) -> int:
        """See :meth:`proxy.vault.base.Vault.assign`."""
        async with self._lock:
            entry = self._live(scope) or self._scopes.setdefault(scope, _Scope(self._clock()))
            entry.last_used = self._clock()
            existing = entry.forward.get((label, key))
            if existing is not None:
                return existing
            number = entry.counters.get(label, 0) + 1
            entry.counters[label] = number
            entry.forward[(label, key)] = number
            entry.backward[(label, number)] = value
            return number

    async def lookup(self, scope: str, label: str, number: int) -> str | None:
        """See :meth:`proxy.vault.base.Vault.lookup`."""
        entry = self._live(scope)
        if entry is None:
            return None
        value = entry.backward.get((label, number))
        if value is not None:
            entry.last_used = self._clock()
        return value

    async def epoch(self, scope: str, *, create: bool = False) -> str | None:
        """See :meth:`proxy.vault.base.Vault.epoch`."""
        entry = self._live(scope)
        if not create or (entry is not None and entry.epoch is not None):
            return None if entry is None else entry.epoch
        async with self._lock:
            entry = self._live(scope) or self._scopes.setdefault(scope, _Scope(self._clock()))
            if entry.epoch is None:
                entry.epoch = new_epoch()
            return entry.epoch

    async def close(self) -> None:
        """Nothing to release."""

    async def purge_scope(self, scope: str) -> int:
        """See :meth:`proxy.vault.base.ManagedVault.purge_scope`."""
        async with self._lock:
            entry = self._scopes.pop(scope, None)
            return 0 if entry is None else len(entry.backward)

    async def purge_older_than(self, seconds: float) -> int:
        """See :meth:`proxy.vault.base.ManagedVault.purge_older_than`."""
        async with self._lock:
            cutoff = self._clock() - seconds
            old = [s for s, entry in self._scopes.items() if entry.last_used < cutoff]
            return sum(len(self._scopes.pop(s).backward) for s in old)

    async def stats(self) -> VaultStats:
        """See :meth:`proxy.vault.base.ManagedVault.stats`."""
        live = [s for s in list(self._scopes) if self._live(s) is not None]
        entries = sum(len(self._scopes[s].backward) for s in live)
        return VaultStats("memory", len(live), entries, (), None)

    async def rotate_key(self) -> int:
        """Nothing is encrypted, so nothing is re-encrypted."""
        return 0
