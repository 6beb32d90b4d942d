"""Recently scrubbed texts, per scope, so a resent chat history costs almost nothing.

Chat clients resend the whole conversation every turn. A text scrubbed in the same scope a
moment ago gets the same decisions and the same tokens, so its result is reused for
``seconds`` (bounded, least-recently-used). Keys are BLAKE2b MACs of scope, epoch and text
under a per-process random key; entries hold the scrubbed text (tokens where values were)
and offsets, never the values themselves.

The epoch (:meth:`proxy.vault.base.Vault.epoch`, read from the vault once per request) is
what makes erasure final: ``sladd vault purge`` or expiry of a scope ends its epoch, on every
replica sharing the vault, so no entry made before can be found again — a resent history is
scrubbed afresh and gets new numbers consistent with the emptied vault. Callers store results
under the epoch their tokens were assigned in (:mod:`proxy.scrub.scope_epoch`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Generic, TypeVar

from proxy.detection.keyed_lru import KeyedLru

T = TypeVar("T")
DEFAULT_MAX_ENTRIES = 5_000


class RecentScrubs(Generic[T]):
    """A bounded, expiring map from (scope, text) to a scrub result."""

    def __init__(
        self,
        seconds: float,
        max_entries: int = DEFAULT_MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._seconds = seconds
        self._clock = clock
        self._max_entries = max_entries
        self._entries: KeyedLru[tuple[float, T]] = KeyedLru(max_entries)

    def clear(self) -> None:
        """Forget every result."""
        self._entries = KeyedLru(self._max_entries)

    @property
    def enabled(self) -> bool:
        """Whether results are kept at all (``seconds`` > 0)."""
        return self._seconds > 0

    def get(self, scope: str, epoch: str | None, text: str) -> T | None:
        """The result stored for ``text`` in ``scope`` under ``epoch`` within the last
        ``seconds``."""
        if self._seconds <= 0:
            return None
        digest = self._entries.digest(scope, epoch or "", text)
        entry = self._entries.get(digest)
        if entry is None:
            return None
        stored_at, result = entry
        if self._clock() - stored_at > self._seconds:
            self._entries.discard(digest)
            return None
        return result

    def put(self, scope: str, epoch: str | None, text: str, result: T) -> None:
        """Remember ``result`` for ``text`` in ``scope``; its tokens (if any) were assigned in
        ``epoch`` (``None`` only for results without tokens)."""
        if self._seconds <= 0:
            return
        digest = self._entries.digest(scope, epoch or "", text)
        self._entries.put(digest, (self._clock(), result))
