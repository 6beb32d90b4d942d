"""A bounded least-recently-used map keyed by a keyed hash of text, so it holds no text.

Keys are BLAKE2b MACs under a random key drawn when the map is made: they cannot be matched
against a guessed value from outside the process. Not thread-safe; callers that share one
between threads hold their own lock.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import OrderedDict
from collections.abc import Iterator
from typing import Generic, TypeVar

V = TypeVar("V")


class KeyedLru(Generic[V]):
    """Digest -> value, at most ``max_entries``; the least recently used goes first."""

    def __init__(self, max_entries: int) -> None:
        self._max = max_entries
        self._key = secrets.token_bytes(32)
        self._entries: OrderedDict[bytes, V] = OrderedDict()

    def digest(self, *parts: str) -> bytes:
        """The key for ``parts``; each is length-prefixed, so no two splits share a key."""
        mac = hashlib.blake2b(key=self._key)
        for part in parts:
            data = part.encode("utf-8", "surrogatepass")
            mac.update(len(data).to_bytes(8, "big"))
            mac.update(data)
        return mac.digest()

    def get(self, digest: bytes) -> V | None:
        """The value stored under ``digest``, now the most recently used; else ``None``."""
        value = self._entries.get(digest)
        if value is not None:
            self._entries.move_to_end(digest)
        return value

    def put(self, digest: bytes, value: V) -> None:
        """Store ``value`` under ``digest``; drop the least recently used beyond the bound."""
        self._entries[digest] = value
        self._entries.move_to_end(digest)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)

    def discard(self, digest: bytes) -> None:
        """Forget ``digest`` if it is stored."""
        self._entries.pop(digest, None)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[bytes]:
        """The digests, least recently used first."""
        return iter(self._entries)
