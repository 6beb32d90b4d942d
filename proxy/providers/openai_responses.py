"""OpenAI Responses API.

Request: every string, number and identifier-like key is scanned (deny by default, under
:data:`RULES`); reasoning items are scanned and never rewritten, images and files pass.

Streams: the same text appears in up to five places. Deltas (``response.output_text.delta``,
``response.refusal.delta``, ``response.function_call_arguments.delta``) go through one
restorer per (output item, content part); every other event — the ``.done`` events, parts,
items, ``response.completed`` — is restored whole. Text still held when a ``.done`` event
arrives is sent as one extra delta event before it; ``sequence_number`` is renumbered so it
stays strictly increasing.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from proxy.providers.base import Framing, StreamEvent
from proxy.providers.response_walk import restore_json
from proxy.providers.shapes_openai import check_responses
from proxy.providers.slots import SlotCollector, as_dict
from proxy.providers.streams import StreamSet
from proxy.providers.walk import COMMON_FIXED, FieldRules, collect

if TYPE_CHECKING:
    from proxy.scrub.restore import Restorer

_DELTAS = {
    "response.output_text.delta": ("text", False),
    "response.refusal.delta": ("refusal", False),
    "response.function_call_arguments.delta": ("arguments", True),
}
_DONE_OF = {
    "response.output_text.done": ("text", "response.output_text.delta"),
    "response.refusal.done": ("refusal", "response.refusal.delta"),
    "response.function_call_arguments.done": (
        "arguments",
        "response.function_call_arguments.delta",
    ),
}


RULES = FieldRules(
    fixed=COMMON_FIXED | {"previous_response_id", "item_id", "conversation"},
    opaque=frozenset({"encrypted_content", "image_url", "url", "data", "file_data"}),
    json=frozenset({"arguments", "output"}),
    data=frozenset({"metadata", "parameters", "schema", "variables"}),
    joined=frozenset({"content"}),
    text_parts=frozenset({"input_text", "output_text", "text"}),
    signed_types=frozenset({"reasoning"}),
)
"""Responses: every string is scanned (see :mod:`proxy.providers.walk`); model, roles, type
tags, ids and names are fixed; encrypted reasoning and image or file data are opaque, and
reasoning items are scanned but never rewritten; ``arguments`` and tool ``output`` hold JSON;
metadata, schemas and prompt variables are the client's data; text parts of one message are
scanned as one text."""


class OpenAIResponses:
    """``POST .../responses``."""

    name = "openai_responses"
    framing: Framing = "sse"

    def request_slots(self, body: dict[str, object]) -> SlotCollector:
        """Checks the shape, then every string under :data:`RULES`."""
        check_responses(body)
        return collect(body, RULES)

    def is_streaming(self, body: dict[str, object], tail: str) -> bool:
        """``"stream": true``."""
        return body.get("stream") is True

    def stream_rewriter(self, restorer: Restorer) -> ResponsesStreamRewriter:
        """See :class:`ResponsesStreamRewriter`."""
        return ResponsesStreamRewriter(restorer)


def _stream_key(kind: str, data: dict[str, object]) -> Hashable:
    return (kind, data.get("output_index"), data.get("content_index"))


class ResponsesStreamRewriter:
    """Restores Responses API stream events; see module docstring."""

    def __init__(self, restorer: Restorer) -> None:
        self._streams = StreamSet(restorer)
        self._next_number: int | None = None

    async def event(self, event: StreamEvent) -> list[StreamEvent]:
        """Deltas through their stream restorer, everything else restored whole."""
        data = as_dict(event.data)
        if data is None:
            return [event]
        kind = str(data.get("type"))
        out: list[StreamEvent] = []
        if kind in _DELTAS and isinstance(data.get("delta"), str):
            field, json_escape = _DELTAS[kind]
            key = _stream_key(field, data)
            data["delta"] = await self._streams.feed(
                key, str(data["delta"]), json_escape=json_escape
            )
        else:
            if kind in _DONE_OF:
                out.extend(await self._release(kind, data))
            await restore_json(data, self._streams.restorer)
        out.append(event)
        return [self._renumbered(e) for e in out]

    async def end(self) -> list[StreamEvent]:
        """Nothing should be held at the end; release it as plain deltas if it is."""
        released = await self._streams.flush()
        return [
            StreamEvent({"type": "response.output_text.delta", "delta": text})
            for text in released.values()
        ]

    async def _release(self, kind: str, done: dict[str, object]) -> list[StreamEvent]:
        field, delta_type = _DONE_OF[kind]
        key = _stream_key(field, done)
        released = await self._streams.flush(lambda k: k == key)
        if key not in released:
            return []
        delta = {
            k: v for k, v in done.items() if k not in {"text", "arguments", "refusal", "logprobs"}
        }
        delta.update({"type": delta_type, "delta": released[key]})
        if field == "text":
            delta["logprobs"] = []
        return [StreamEvent(delta, name=delta_type)]

    def _renumbered(self, event: StreamEvent) -> StreamEvent:
        data = as_dict(event.data)
        number = data.get("sequence_number") if data is not None else None
        if data is not None and isinstance(number, int):
            if self._next_number is None:
                self._next_number = number
            data["sequence_number"] = self._next_number
            self._next_number += 1
        return event
