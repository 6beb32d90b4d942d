"""Recently scrubbed texts, per scope, so a resent chat history costs almost nothing.

Chat clients resend the whole conversation every turn. A text scrubbed in the same scope a
moment ago gets the same decisions and the same tokens, so its result is reused for
``seconds`` (bounded, least-recently-used). Keys are BLAKE2b MACs of scope and text under a
per-process random key; entries hold the scrubbed text (tokens where values were) and
offsets, never the values themselves. After ``sladd vault purge`` of a scope that is in use,
entries for it live on for at most ``seconds``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Generic, TypeVar

from proxy.scrub.keyed_lru import KeyedLru

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
        self._entries: KeyedLru[tuple[float, T]] = KeyedLru(max_entries)

    def get(self, scope: str, text: str) -> T | None:
        """The result stored for ``text`` in ``scope`` within the last ``seconds``."""
        if self._seconds <= 0:
            return None
        digest = self._entries.digest(scope, text)
        entry = self._entries.get(digest)
        if entry is None:
            return None
        stored_at, result = entry
        if self._clock() - stored_at > self._seconds:
            self._entries.discard(digest)
            return None
        return result

    def put(self, scope: str, text: str, result: T) -> None:
        """Remember ``result`` for ``text`` in ``scope``."""
        if self._seconds <= 0:
            return
        self._entries.put(self._entries.digest(scope, text), (self._clock(), result))
