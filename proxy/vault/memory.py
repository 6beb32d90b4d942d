"""An in-process vault: for tests, ``sladd scan`` and single-process use without persistence."""

from __future__ import annotations

import asyncio


class MemoryVault:
    """Dictionaries behind a lock; implements :class:`proxy.vault.base.Vault`."""

    def __init__(self) -> None:
        self._forward: dict[tuple[str, str, str], int] = {}
        self._backward: dict[tuple[str, str, int], str] = {}
        self._counters: dict[tuple[str, str], int] = {}
        self._lock = asyncio.Lock()

    async def assign(self, scope: str, label: str, key: str, value: str) -> int:
        """See :meth:`proxy.vault.base.Vault.assign`."""
        async with self._lock:
            existing = self._forward.get((scope, label, key))
            if existing is not None:
                return existing
            number = self._counters.get((scope, label), 0) + 1
            self._counters[(scope, label)] = number
            self._forward[(scope, label, key)] = number
            self._backward[(scope, label, number)] = value
            return number

    async def lookup(self, scope: str, label: str, number: int) -> str | None:
        """See :meth:`proxy.vault.base.Vault.lookup`."""
        return self._backward.get((scope, label, number))
