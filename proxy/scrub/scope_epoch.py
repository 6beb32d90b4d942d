"""One request's hold on its scope's epoch, so erased pseudonyms are never reused or mixed.

Results a process remembers for a scope (:class:`~proxy.scrub.memo.RecentScrubs`) are keyed
by the scope's epoch (:meth:`proxy.vault.base.Vault.epoch`), which a purge or expiry ends on
every replica. A request reads the epoch once, uses only results remembered under it, and
before its first new assignment *pins* it (creating one if the scope has none). If the scope
was erased while the request was being scrubbed, its tokens could come from two epochs — a
remembered ``[PERSON_1]`` for the erased patient and a fresh ``[PERSON_1]`` for another — so
:meth:`PinnedEpoch.confirm` reads the epoch again after the last assignment and the request
fails closed if it changed. Epochs are random, so an ended one can never match again.
"""

from __future__ import annotations

from dataclasses import dataclass

from proxy.support.errors import SladdError
from proxy.vault.base import Vault


@dataclass(frozen=True)
class ScopeErasedError(SladdError):
    """The scope was purged or expired while the request was being scrubbed (``409``)."""


def scope_erased() -> ScopeErasedError:
    """The refusal for a request whose scope ended under it; nothing was forwarded."""
    return ScopeErasedError(
        409,
        "sladd_scope_erased",
        "the pseudonym scope was erased while this request was being scrubbed; nothing was "
        "forwarded, send the request again",
    )


class PinnedEpoch:
    """A :class:`~proxy.vault.base.Vault` for one request in one scope: assignments happen
    in one epoch, or :meth:`confirm` refuses the request.

    Create with :meth:`read`; give it to :class:`~proxy.scrub.pseudonymise.ScopeNumbers`.
    """

    def __init__(self, vault: Vault, scope: str, epoch: str | None) -> None:
        self._vault = vault
        self._scope = scope
        self.read_epoch = epoch
        """The epoch when the request started: the key for reusing remembered results."""
        self._pinned = epoch
        self._assigned = False

    @classmethod
    async def read(cls, vault: Vault, scope: str, *, reuse: bool = True) -> PinnedEpoch:
        """The scope's epoch as the request starts (one vault read; none when the caller
        reuses no remembered results, ``reuse=False``: the epoch is pinned when needed)."""
        return cls(vault, scope, await vault.epoch(scope) if reuse else None)

    async def assign(self, scope: str, label: str, key: str, value: str) -> int:
        """:meth:`Vault.assign`, after pinning an epoch if the request has none yet."""
        if self._pinned is None:
            self._pinned = await self._vault.epoch(scope, create=True)
        self._assigned = True
        return await self._vault.assign(scope, label, key, value)

    async def lookup(self, scope: str, label: str, number: int) -> str | None:
        """:meth:`Vault.lookup`, unchanged."""
        return await self._vault.lookup(scope, label, number)

    async def epoch(self, scope: str, *, create: bool = False) -> str | None:
        """:meth:`Vault.epoch`, unchanged."""
        return await self._vault.epoch(scope, create=create)

    async def confirm(self) -> str | None:
        """The epoch this request's new results belong to; raises :class:`ScopeErasedError`
        if the scope's epoch changed since it was pinned (purge or expiry meanwhile).

        Without assignments the new results hold no tokens and belong to :attr:`read_epoch`.
        """
        if not self._assigned:
            return self.read_epoch
        if await self._vault.epoch(self._scope) != self._pinned:
            raise scope_erased()
        return self._pinned
