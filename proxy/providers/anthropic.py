"""Anthropic Messages API.

Request slots: ``system`` (string or text blocks); message content as a string or blocks —
``text`` and its citations (``cited_text``, ``document_title``, ``title``, ``source``),
``tool_use`` / ``server_tool_use`` input (every string in the object), ``tool_result`` and
``mid_conv_system`` content, documents (``title``, ``context`` and a plain-text or content-block
source), ``search_result`` blocks (``title``, ``source``, text content), also inside tool
results; ``metadata.user_id``. Thinking and redacted-thinking blocks are signed by the provider
and pass untouched, as do images, PDFs and URL or file sources.

Streams: ``content_block_delta`` events carry ``text_delta.text`` and
``input_json_delta.partial_json`` fragments, one restorer per content block; held-back text is
released as one extra ``content_block_delta`` before that block's ``content_block_stop``.
Thinking and signature deltas pass untouched; other events are restored whole.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

from proxy.providers.base import Framing, StreamEvent
from proxy.providers.response_walk import restore_json
from proxy.providers.slots import SlotCollector, as_dict, as_list, dig
from proxy.providers.streams import StreamSet
from proxy.scrub.restore import Restorer

_DELTA_FIELDS = {"text_delta": ("text", False), "input_json_delta": ("partial_json", True)}
_CITATION_TEXT = ("cited_text", "document_title", "title", "source")
"""Citation fields that quote or name the cited source; indexes and ``encrypted_index`` pass."""


def _collect_blocks(slots: SlotCollector, owner: dict[str, object], key: str, where: str) -> None:
    if isinstance(owner.get(key), str):
        slots.text(owner, key, where)
        return
    for index, block in enumerate(as_list(owner.get(key))):
        block_dict = as_dict(block)
        if block_dict is not None:
            _collect_block(slots, block_dict, f"{where}.{key}[{index}]".lstrip("."))


def _collect_block(slots: SlotCollector, block: dict[str, object], where: str) -> None:
    kind = block.get("type")
    if kind == "text":
        slots.text(block, "text", where)
        for index, citation in enumerate(as_list(block.get("citations"))):
            citation_dict = as_dict(citation)
            if citation_dict is None:
                continue
            for key in _CITATION_TEXT:
                slots.text(citation_dict, key, f"{where}.citations[{index}]")
    elif kind in {"tool_use", "server_tool_use"}:
        slots.strings(block, "input", where)
    elif kind in {"tool_result", "mid_conv_system"}:
        _collect_blocks(slots, block, "content", where)
    elif kind == "document":
        source = dig(block, "source")
        if source is not None and source.get("type") == "text":
            slots.text(source, "data", f"{where}.source")
        if source is not None and source.get("type") == "content":
            _collect_blocks(slots, source, "content", f"{where}.source")
        slots.text(block, "title", where)
        slots.text(block, "context", where)
    elif kind == "search_result":
        slots.text(block, "title", where)
        slots.text(block, "source", where)
        _collect_blocks(slots, block, "content", where)


class AnthropicMessages:
    """``POST /v1/messages`` and ``/v1/messages/count_tokens``."""

    name = "anthropic_messages"
    framing: Framing = "sse"

    def request_slots(self, body: dict[str, object]) -> SlotCollector:
        """See module docstring."""
        slots = SlotCollector()
        _collect_blocks(slots, body, "system", "")
        for index, message in enumerate(as_list(body.get("messages"))):
            message_dict = as_dict(message)
            if message_dict is not None:
                _collect_blocks(slots, message_dict, "content", f"messages[{index}]")
        metadata = dig(body, "metadata")
        if metadata is not None:
            slots.text(metadata, "user_id", "metadata")
        return slots

    def is_streaming(self, body: dict[str, object]) -> bool:
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
