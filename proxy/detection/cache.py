"""A bounded detection cache, keyed by a keyed hash of each text.

Chat clients resend the whole conversation every turn; without a cache, turn 20 costs twenty
times turn 1. Findings hold only types, offsets, scores and recognizer names; the key is a
BLAKE2b MAC of the text under a per-process random key, so the cache holds no text and its
keys cannot be matched against a guessed value from outside the process.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from proxy.detection.findings import Finding
from proxy.detection.keyed_lru import KeyedLru

DEFAULT_MAX_ENTRIES = 20_000


class DetectsMany(Protocol):
    """Anything with :meth:`detect_many` (a detector, a worker pool)."""

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Findings per text, in input order."""
        ...  # pragma: no cover


@runtime_checkable
class Closes(Protocol):
    """A detector that holds resources (a worker pool) to release when sladd stops."""

    def close(self) -> None:
        """Release them; detection is not used afterwards."""
        ...  # pragma: no cover


class CachedDetector:
    """Wraps a detector; texts seen before are answered from memory (LRU, bounded)."""

    def __init__(self, inner: DetectsMany, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        self.inner = inner
        self._entries: KeyedLru[tuple[Finding, ...]] = KeyedLru(max_entries)
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Findings per text; only the texts not cached reach the inner detector."""
        digests = [self._entries.digest(text) for text in texts]
        found: dict[int, tuple[Finding, ...]] = {}
        with self._lock:
            for index, digest in enumerate(digests):
                cached = self._entries.get(digest)
                if cached is not None:
                    found[index] = cached
        missing = [i for i in range(len(texts)) if i not in found]
        fresh = self.inner.detect_many([texts[i] for i in missing]) if missing else []
        with self._lock:
            self.hits += len(found)
            self.misses += len(missing)
            for index, findings in zip(missing, fresh, strict=True):
                found[index] = tuple(findings)
                self._entries.put(digests[index], found[index])
        return [list(found[i]) for i in range(len(texts))]

    def close(self) -> None:
        """Release the inner detector's resources (worker processes), if it holds any."""
        if isinstance(self.inner, Closes):
            self.inner.close()
