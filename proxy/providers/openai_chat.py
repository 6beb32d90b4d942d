"""OpenAI Chat Completions (also Azure OpenAI and Ollama's OpenAI-compatible endpoint).

Request: every string, number and identifier-like key is scanned (deny by default, under
:data:`RULES`). Streams:
``choices[].delta.content`` / ``refusal`` and ``delta.tool_calls[].function.arguments``
fragments, one restorer per choice and tool call; held-back text is released into the chunk
that carries the choice's ``finish_reason``.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from proxy.providers.base import Framing, StreamEvent
from proxy.providers.response_walk import restore_json
from proxy.providers.shapes_openai import check_chat
from proxy.providers.slots import SlotCollector, as_dict, as_list, dig
from proxy.providers.streams import StreamSet
from proxy.providers.walk import COMMON_FIXED, FieldRules, collect

if TYPE_CHECKING:
    from proxy.scrub.restore import Restorer

RULES = FieldRules(
    fixed=COMMON_FIXED | {"tool_call_id"},
    opaque=frozenset({"url", "data", "file_data"}),
    data=frozenset({"metadata", "parameters", "schema", "logit_bias"}),
    joined=frozenset({"content"}),
    text_parts=frozenset({"text"}),
)
"""Chat Completions: every string is scanned (see :mod:`proxy.providers.walk`); model, roles,
type tags, ids and names are fixed; image and audio data are opaque; ``arguments`` hold JSON;
metadata and function-parameter schemas are the client's data; text parts of one message are
scanned as one text."""


class OpenAIChat:
    """``POST .../chat/completions``."""

    name = "openai_chat"
    framing: Framing = "sse"

    def request_slots(self, body: dict[str, object]) -> SlotCollector:
        """Checks the shape, then every string under :data:`RULES`."""
        check_chat(body)
        return collect(body, RULES)

    def is_streaming(self, body: dict[str, object], tail: str) -> bool:
        """``"stream": true``."""
        return body.get("stream") is True

    def stream_rewriter(self, restorer: Restorer) -> ChatStreamRewriter:
        """See :class:`ChatStreamRewriter`."""
        return ChatStreamRewriter(restorer)


class ChatStreamRewriter:
    """Restores ``chat.completion.chunk`` events; see module docstring."""

    def __init__(self, restorer: Restorer) -> None:
        self._streams = StreamSet(restorer)
        self._last_chunk: dict[str, object] = {}

    async def event(self, event: StreamEvent) -> list[StreamEvent]:
        """One chunk in, one chunk out (``[DONE]`` first releases anything still held)."""
        chunk = as_dict(event.data)
        if chunk is None:
            return [*await self.end(), event]
        self._last_chunk = chunk
        for choice in as_list(chunk.get("choices")):
            choice_dict = as_dict(choice)
            if choice_dict is not None:
                await self._choice(choice_dict)
        return [event]

    async def end(self) -> list[StreamEvent]:
        """Release text held for choices that never sent a ``finish_reason``."""
        released = await self._streams.flush()
        if not released:
            return []
        choices: dict[int, dict[str, object]] = {}
        for key, text in released.items():
            index = key[1] if isinstance(key, tuple) else 0
            delta: dict[str, object] = {}
            choice = choices.setdefault(
                index, {"index": index, "delta": delta, "finish_reason": None}
            )
            _put(dig(choice, "delta") or delta, key, text)
        meta = {k: v for k, v in self._last_chunk.items() if k not in {"choices", "usage"}}
        return [StreamEvent({**meta, "choices": list(choices.values())})]

    async def _choice(self, choice: dict[str, object]) -> None:
        index = choice.get("index", 0)
        delta = as_dict(choice.get("delta"))
        if delta is not None:
            await self._delta(index, delta)
        if choice.get("finish_reason") is not None:
            released = await self._streams.flush(lambda key: _choice_of(key) == index)
            if released:
                if delta is None:
                    delta = choice["delta"] = {}
                for key, text in released.items():
                    _put(delta, key, text)
        if "logprobs" in choice:
            choice["logprobs"] = await restore_json(choice["logprobs"], self._streams.restorer)

    async def _delta(self, index: object, delta: dict[str, object]) -> None:
        for field in ("content", "refusal"):
            value = delta.get(field)
            if isinstance(value, str):
                delta[field] = await self._streams.feed((field, index), value)
        for call in as_list(delta.get("tool_calls")):
            function = dig(call, "function")
            arguments = function.get("arguments") if function else None
            if function is not None and isinstance(arguments, str):
                key = ("arguments", index, (as_dict(call) or {}).get("index", 0))
                function["arguments"] = await self._streams.feed(key, arguments, json_escape=True)


def _choice_of(key: Hashable) -> object:
    return key[1] if isinstance(key, tuple) else None


def _put(delta: dict[str, object], key: Hashable, text: str) -> None:
    """Append released text to the right field of a delta."""
    assert isinstance(key, tuple)
    if key[0] in {"content", "refusal"}:
        current = delta.get(key[0])
        delta[key[0]] = (current if isinstance(current, str) else "") + text
        return
    calls = delta.setdefault("tool_calls", [])
    assert isinstance(calls, list)
    for call in calls:
        function = dig(call, "function")
        if function is not None and (as_dict(call) or {}).get("index") == key[2]:
            function["arguments"] = str(function.get("arguments") or "") + text
            return
    calls.append({"index": key[2], "function": {"arguments": text}})
