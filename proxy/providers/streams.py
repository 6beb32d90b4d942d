"""Keyed stream restorers: one per text stream inside a streamed response."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from proxy.scrub.restore import Restorer, StreamRestorer


class StreamSet:
    """Stream restorers created on first use, keyed by (choice, block, tool call, item ...)."""

    def __init__(self, restorer: Restorer) -> None:
        self.restorer = restorer
        self._streams: dict[Hashable, StreamRestorer] = {}

    async def feed(self, key: Hashable, fragment: str, *, json_escape: bool = False) -> str:
        """Restored text that can be released for this stream now."""
        stream = self._streams.get(key)
        if stream is None:
            stream = self._streams[key] = self.restorer.stream(json_escape=json_escape)
        return await stream.feed(fragment)

    async def flush(
        self, matching: Callable[[Hashable], bool] = lambda _: True
    ) -> dict[Hashable, str]:
        """Release and forget the matching streams; only non-empty remainders are returned."""
        released: dict[Hashable, str] = {}
        for key in [k for k in self._streams if matching(k)]:
            text = await self._streams.pop(key).flush()
            if text:
                released[key] = text
        return released
