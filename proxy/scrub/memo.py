"""Recently scrubbed texts, per scope, so a resent chat history costs almost nothing.

Chat clients resend the whole conversation every turn. A text scrubbed in the same scope a
moment ago gets the same decisions and the same tokens, so its result is reused for
``seconds`` (bounded, least-recently-used). Keys are BLAKE2b MACs of scope and text under a
per-process random key; entries hold the scrubbed text (tokens where values were) and
offsets, never the values themselves. After ``sladd vault purge`` of a scope that is in use,
entries for it live on for at most ``seconds``.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

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
        self._max = max_entries
        self._clock = clock
        self._key = secrets.token_bytes(32)
        self._entries: OrderedDict[bytes, tuple[float, T]] = OrderedDict()

    def _digest(self, scope: str, text: str) -> bytes:
        data = scope.encode() + b"\x00" + text.encode("utf-8", "surrogatepass")
        return hashlib.blake2b(data, key=self._key).digest()

    def get(self, scope: str, text: str) -> T | None:
        """The result stored for ``text`` in ``scope`` within the last ``seconds``."""
        if self._seconds <= 0:
            return None
        digest = self._digest(scope, text)
        entry = self._entries.get(digest)
        if entry is None:
            return None
        stored_at, result = entry
        if self._clock() - stored_at > self._seconds:
            del self._entries[digest]
            return None
        self._entries.move_to_end(digest)
        return result

    def put(self, scope: str, text: str, result: T) -> None:
        """Remember ``result`` for ``text`` in ``scope``."""
        if self._seconds <= 0:
            return
        digest = self._digest(scope, text)
        self._entries[digest] = (self._clock(), result)
        self._entries.move_to_end(digest)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)
