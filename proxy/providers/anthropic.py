"""Anthropic Messages API.

Request: every string, number and identifier-like key is scanned (deny by default, under
:data:`RULES`). Thinking and redacted-thinking blocks are signed by the provider: scanned, never
rewritten. Base64 images and PDFs pass.

Streams: ``content_block_delta`` events carry ``text_delta.text`` and
``input_json_delta.partial_json`` fragments, one restorer per content block; held-back text is
released as one extra ``content_block_delta`` before that block's ``content_block_stop``.
Thinking and signature deltas pass untouched; other events are restored whole.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING

from proxy.providers.base import Framing, StreamEvent
from proxy.providers.error_shapes import ErrorShape
from proxy.providers.response_walk import restore_json
from proxy.providers.shapes_anthropic import check_messages
from proxy.providers.slots import SlotCollector, as_dict, dig
from proxy.providers.streams import StreamSet
from proxy.providers.walk import COMMON_FIXED, FieldRules, collect
from proxy.support.errors import SladdError

if TYPE_CHECKING:
    from proxy.scrub.restore import Restorer

_DELTA_FIELDS = {"text_delta": ("text", False), "input_json_delta": ("partial_json", True)}
RULES = FieldRules(
    fixed=COMMON_FIXED | {"tool_use_id"},
    opaque=frozenset({"signature", "data"}),
    data=frozenset({"metadata", "input", "input_schema"}),
    joined=frozenset({"content", "system"}),
    text_parts=frozenset({"text"}),
    signed_types=frozenset({"thinking", "redacted_thinking"}),
)
"""Messages: every string is scanned (see :mod:`proxy.providers.walk`); model, roles, type
tags, ids and names are fixed; thinking blocks are signed (scanned, never rewritten), their
signatures and base64 media opaque; ``tool_use.input``, tool schemas and metadata are the
client's data; text blocks of one message are scanned as one text."""


def _error_body(error: SladdError) -> dict[str, object]:
    return {"type": "error", "error": {"type": error.type, "message": error.message}}


ERRORS = ErrorShape("anthropic", _error_body, stream_event_name="error")
"""Anthropic's ``{"type": "error", "error": {"type", "message"}}``; in a stream, an
``event: error``."""


class AnthropicMessages:
    """``POST /v1/messages`` and ``/v1/messages/count_tokens``."""

    name = "anthropic_messages"
    framing: Framing = "sse"

    def request_slots(self, body: dict[str, object]) -> SlotCollector:
        """Checks the shape, then every string under :data:`RULES`."""
        check_messages(body)
        return collect(body, RULES)

    def is_streaming(self, body: dict[str, object], tail: str) -> bool:
        """``"stream": true``."""
        return body.get("stream") is True

    def stream_rewriter(self, restorer: Restorer) -> AnthropicStreamRewriter:
        """See :class:`AnthropicStreamRewriter`."""
        return AnthropicStreamRewriter(restorer)


class AnthropicStreamRewriter:
    """Restores Messages stream events; see module docstring."""

    def __init__(self, restorer: Restorer) -> None:
        self._streams = StreamSet(restorer)

    async def event(self, event: StreamEvent) -> list[StreamEvent]:
        """Deltas through their block's restorer; a block stop first releases held text."""
        data = as_dict(event.data)
        if data is None:
            return [event]
        kind = data.get("type")
        if kind == "content_block_delta":
            await self._delta(data)
            return [event]
        out: list[StreamEvent] = []
        if kind == "content_block_stop":
            out.extend(await self._release(data.get("index")))
        await restore_json(data, self._streams.restorer)
        return [*out, event]

    async def end(self) -> list[StreamEvent]:
        """Release anything still held (a stream cut before its block stop)."""
        return _delta_events(await self._streams.flush())

    async def _delta(self, data: dict[str, object]) -> None:
        delta = dig(data, "delta")
        kind = delta.get("type") if delta is not None else None
        if delta is None or not isinstance(kind, str) or kind not in _DELTA_FIELDS:
            return
        field, json_escape = _DELTA_FIELDS[kind]
        fragment = delta.get(field)
        if isinstance(fragment, str):
            key = (data.get("index"), kind)
            delta[field] = await self._streams.feed(key, fragment, json_escape=json_escape)

    async def _release(self, index: object) -> list[StreamEvent]:
        released = await self._streams.flush(lambda key: isinstance(key, tuple) and key[0] == index)
        return _delta_events(released)


def _delta_events(released: Mapping[Hashable, str]) -> list[StreamEvent]:
    """One ``content_block_delta`` per released (block index, delta kind) stream."""
    events = []
    for key, text in released.items():
        assert isinstance(key, tuple)
        index, kind = key
        delta = {"type": kind, _DELTA_FIELDS[kind][0]: text}
        data = {"type": "content_block_delta", "index": index, "delta": delta}
        events.append(StreamEvent(data, name="content_block_delta"))
    return events
