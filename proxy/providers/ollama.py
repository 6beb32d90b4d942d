"""Ollama native API: ``/api/chat`` and ``/api/generate`` (NDJSON streams, on by default).

Request: every string, number and identifier-like key is scanned (deny by default, under
:data:`RULES`), including the model's earlier ``thinking`` sent back in the history (Ollama does
not sign it). Base64 images pass untouched; generate ``context`` (a token array from an earlier
answer) is scanned number by number like any other numbers.

Streams: each line's ``message.content`` / ``message.thinking`` (chat) or ``response`` /
``thinking`` (generate) goes through one restorer per field; held-back text is released into
the line with ``"done": true``. Ollama's OpenAI-compatible ``/v1`` endpoints use the OpenAI
providers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from proxy.providers.base import Framing, StreamEvent
from proxy.providers.error_shapes import ErrorShape
from proxy.providers.response_walk import restore_json
from proxy.providers.shapes_ollama import check_chat, check_generate
from proxy.providers.slots import SlotCollector, as_dict, as_list, dig
from proxy.providers.streams import StreamSet
from proxy.providers.walk import FieldRules, collect
from proxy.support.errors import SladdError

if TYPE_CHECKING:
    from proxy.scrub.restore import Restorer

RULES = FieldRules(
    opaque=frozenset({"images"}),
    json=frozenset(),
    data=frozenset({"arguments", "format", "options"}),
)
"""Ollama: model, roles, type tags and names are fixed; base64 images are opaque; tool-call
``arguments`` (objects), the output ``format`` schema and options are the client's data."""


def _error_body(error: SladdError) -> dict[str, object]:
    return {"error": f"{error.type}: {error.message}"}


ERRORS = ErrorShape("ollama", _error_body)
"""Ollama's ``{"error": "..."}`` (its native ``api/`` endpoints; its ``/v1`` ones answer in
OpenAI's shape), with sladd's type at the start of the message."""


class OllamaChat:
    """``POST /api/chat``."""

    name = "ollama_chat"
    framing: Framing = "ndjson"
    text_fields: tuple[str, ...] = ("content", "thinking")

    def request_slots(self, body: dict[str, object]) -> SlotCollector:
        """Checks the shape, then every string under :data:`RULES`."""
        check_chat(body)
        return collect(body, RULES)

    def is_streaming(self, body: dict[str, object], tail: str) -> bool:
        """Ollama streams unless ``"stream": false``."""
        return body.get("stream") is not False

    def stream_rewriter(self, restorer: Restorer) -> OllamaStreamRewriter:
        """Restores ``message.content`` / ``message.thinking`` fragments."""
        return OllamaStreamRewriter(restorer, "message", self.text_fields)


class OllamaGenerate:
    """``POST /api/generate``."""

    name = "ollama_generate"
    framing: Framing = "ndjson"

    def request_slots(self, body: dict[str, object]) -> SlotCollector:
        """Checks the shape, then every string under :data:`RULES`."""
        check_generate(body)
        return collect(body, RULES)

    def is_streaming(self, body: dict[str, object], tail: str) -> bool:
        """Ollama streams unless ``"stream": false``."""
        return body.get("stream") is not False

    def stream_rewriter(self, restorer: Restorer) -> OllamaStreamRewriter:
        """Restores ``response`` / ``thinking`` fragments."""
        return OllamaStreamRewriter(restorer, None, ("response", "thinking"))


class OllamaStreamRewriter:
    """Restores NDJSON lines; see module docstring."""

    def __init__(self, restorer: Restorer, container: str | None, fields: tuple[str, ...]) -> None:
        self._streams = StreamSet(restorer)
        self._container = container
        self._fields = fields
        self._last: dict[str, object] = {}

    async def event(self, event: StreamEvent) -> list[StreamEvent]:
        """One line in, one line out; the ``done`` line carries any held-back text."""
        line = as_dict(event.data)
        if line is None:
            return [event]
        self._last = line
        target = dig(line, self._container) if self._container else line
        if target is not None:
            for field in self._fields:
                value = target.get(field)
                if isinstance(value, str):
                    target[field] = await self._streams.feed(field, value)
            for field, text in (await self._release(line)).items():
                target[field] = str(target.get(field) or "") + text
            for call in as_list(target.get("tool_calls")):
                await restore_json(call, self._streams.restorer)
        if "error" in line:
            await restore_json(line, self._streams.restorer)
        return [event]

    async def end(self) -> list[StreamEvent]:
        """Release text held when the stream ended without a ``done`` line."""
        released = await self._streams.flush()
        if not released:
            return []
        fields = {str(k): v for k, v in released.items()}
        body: dict[str, object] = dict(fields)
        if self._container:
            body = {self._container: {"role": "assistant", **fields}}
        return [StreamEvent({"model": self._last.get("model"), **body, "done": False})]

    async def _release(self, line: dict[str, object]) -> dict[str, str]:
        if line.get("done") is not True:
            return {}
        return {str(k): v for k, v in (await self._streams.flush()).items()}
