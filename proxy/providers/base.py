"""The Provider protocol: what sladd needs to know about one wire format.

A provider names the free-text slots of a request body, says whether the request streams,
and rewrites a streamed response event by event. Whole (non-streamed) responses are restored
by :func:`proxy.providers.response_walk.restore_json`, the same for every provider.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from proxy.providers.errors import UnscrubbableRequestError
from proxy.providers.slots import SlotCollector

if TYPE_CHECKING:
    from proxy.scrub.restore import Restorer

Framing = Literal["sse", "ndjson"]
__all__ = ["Framing", "Provider", "StreamEvent", "StreamRewriter", "UnscrubbableRequestError"]


@dataclass(slots=True)
class StreamEvent:
    """One event of a streamed response.

    ``data`` is the parsed JSON payload, or ``None`` when ``raw`` carries a non-JSON payload
    (``[DONE]``) that passes through untouched. ``name`` is the SSE ``event:`` field.
    """

    data: object
    name: str | None = None
    raw: str | None = None


class StreamRewriter(Protocol):
    """Restores one streamed response; keeps one stream restorer per text stream inside it."""

    async def event(self, event: StreamEvent) -> list[StreamEvent]:
        """Events to send for one upstream event (held-back text may add events)."""
        ...  # pragma: no cover

    async def end(self) -> list[StreamEvent]:
        """Events to send when the upstream stream ends (releases held-back text)."""
        ...  # pragma: no cover


class Provider(Protocol):
    """One wire format (OpenAI chat, Responses, Anthropic messages, Ollama chat, ...)."""

    name: str
    framing: Framing

    def request_slots(self, body: dict[str, object]) -> SlotCollector:
        """Every free-text slot in the request; raises :class:`UnscrubbableRequestError`."""
        ...  # pragma: no cover

    def is_streaming(self, body: dict[str, object], tail: str) -> bool:
        """Whether the upstream will answer with a stream: by the body (``"stream": true``)
        or by the path (``tail`` is the path after the route's base, for APIs with a
        streaming endpoint of their own)."""
        ...  # pragma: no cover

    def stream_rewriter(self, restorer: Restorer) -> StreamRewriter:
        """A fresh rewriter for one streamed response."""
        ...  # pragma: no cover
