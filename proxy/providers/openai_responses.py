"""OpenAI Responses API.

Request slots: ``instructions``; ``input`` as a string or items — messages (string or
``input_text`` / ``output_text`` parts); arguments (JSON strings) of ``function_call``,
``mcp_call`` and ``mcp_approval_request``; output (JSON or text) of ``function_call_output``,
``custom_tool_call_output`` and ``mcp_call``; ``custom_tool_call`` input and ``mcp_call`` error;
``prompt.variables`` (strings or ``input_text`` parts substituted into a stored prompt);
``user``, ``safety_identifier``, ``prompt_cache_key`` and ``metadata``. Reasoning items pass
untouched, as do images and files.

Streams: the same text appears in up to five places. Deltas (``response.output_text.delta``,
``response.refusal.delta``, ``response.function_call_arguments.delta``) go through one
restorer per (output item, content part); every other event — the ``.done`` events, parts,
items, ``response.completed`` — is restored whole. Text still held when a ``.done`` event
arrives is sent as one extra delta event before it; ``sequence_number`` is renumbered so it
stays strictly increasing.
"""

from __future__ import annotations

from collections.abc import Hashable

from proxy.providers.base import Framing, StreamEvent
from proxy.providers.openai_chat import END_USER_FIELDS, collect_content
from proxy.providers.response_walk import restore_json
from proxy.providers.slots import SlotCollector, as_dict, as_list, dig
from proxy.providers.streams import StreamSet
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


def _collect_item(slots: SlotCollector, item: dict[str, object], where: str) -> None:
    kind = item.get("type")
    if kind in {"function_call", "mcp_approval_request"}:
        slots.json_text(item, "arguments", where)
    elif kind == "mcp_call":
        slots.json_text(item, "arguments", where)
        slots.json_text(item, "output", where)
        slots.text(item, "error", where)
    elif kind == "custom_tool_call":
        slots.text(item, "input", where)
    elif kind in {"function_call_output", "custom_tool_call_output"}:
        if isinstance(item.get("output"), str):
            slots.json_text(item, "output", where)
        else:
            collect_content(slots, item, "output", where)
    elif kind == "message" or (kind is None and "role" in item):
        collect_content(slots, item, "content", where)
        for index, part in enumerate(as_list(item.get("content"))):
            part_dict = as_dict(part)
            if part_dict is not None and part_dict.get("type") in {"output_text", "refusal"}:
                slots.text(part_dict, "text", f"{where}.content[{index}]")
                slots.text(part_dict, "refusal", f"{where}.content[{index}]")


def _collect_prompt_variables(slots: SlotCollector, body: dict[str, object]) -> None:
    """``prompt.variables``: each value a string or an input part (only text is scrubbed).

    Variables are named by position (``prompt.variables{0}``), like metadata keys: their names
    are the client's and stay out of error messages and the audit log.
    """
    variables = dig(body, "prompt", "variables")
    if variables is None:
        return
    for position, (name, value) in enumerate(variables.items()):
        where = f"prompt.variables{{{position}}}"
        slots.text(variables, name, path=where)
        part = as_dict(value)
        if part is not None and part.get("type") == "input_text":
            slots.text(part, "text", where)


class OpenAIResponses:
    """``POST .../responses``."""

    name = "openai_responses"
    framing: Framing = "sse"

    def request_slots(self, body: dict[str, object]) -> SlotCollector:
        """See module docstring."""
        slots = SlotCollector()
        slots.text(body, "instructions")
        if isinstance(body.get("input"), str):
            slots.text(body, "input")
        for index, item in enumerate(as_list(body.get("input"))):
            item_dict = as_dict(item)
            if item_dict is not None:
                _collect_item(slots, item_dict, f"input[{index}]")
        _collect_prompt_variables(slots, body)
        for key in END_USER_FIELDS:
            slots.text(body, key)
        slots.strings(body, "metadata")
        return slots

    def is_streaming(self, body: dict[str, object]) -> bool:
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
