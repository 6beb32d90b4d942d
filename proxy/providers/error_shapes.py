"""How a provider writes an error, so sladd's own refusals read like the provider's.

An :class:`ErrorShape` builds the JSON body of an error response and the event that ends a
stream that broke mid-way. Each provider record names its shape; the OpenAI shape is also
what sladd answers with before any route is known. The bodies carry sladd's
``sladd_...`` type where the provider's SDKs show it, and a message that never holds a value
from the request (see :class:`~proxy.support.errors.SladdError`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from proxy.providers.base import StreamEvent
from proxy.support.errors import SladdError


@dataclass(frozen=True, slots=True)
class ErrorShape:
    """One provider's error format: ``body`` builds the JSON error object; a broken stream
    ends with that object as one event, named ``stream_event_name`` when the provider names
    its stream events (Anthropic's ``event: error``)."""

    name: str
    body: Callable[[SladdError], dict[str, object]]
    stream_event_name: str | None = None

    def stream_event(self, error: SladdError) -> StreamEvent:
        """The event that ends a stream with ``error``."""
        return StreamEvent(self.body(error), self.stream_event_name)


def _openai_body(error: SladdError) -> dict[str, object]:
    return {
        "error": {"message": error.message, "type": error.type, "param": None, "code": error.type}
    }


OPENAI_ERRORS = ErrorShape("openai", _openai_body)
"""OpenAI's ``{"error": {"message", "type", "param", "code"}}`` (also Azure, Ollama's ``/v1``
and sladd's answers before a route is known)."""
