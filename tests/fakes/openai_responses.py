"""OpenAI Responses API: ``POST /v1/responses``, non-stream and the real SSE event sequence."""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.fakes.script import Plan
from tests.fakes.wire import (
    SSE,
    Answer,
    Call,
    JsonObj,
    cut_with_error,
    json_answer,
    new_id,
    now,
    obj,
    objs,
    parts_text,
    sse_event,
    text,
    tokens,
)

_INPUT_TEXT = ("input_text", "text", "output_text")


def responses_echo(body: JsonObj) -> str:
    """Echo source: ``input`` if a string, else the last user message or function_call_output."""
    raw = body.get("input")
    if isinstance(raw, str):
        return raw
    for item in reversed(objs(raw)):
        if item.get("type") == "function_call_output":
            return parts_text(item.get("output"), _INPUT_TEXT)
        if item.get("role") == "user" and item.get("type", "message") == "message":
            return parts_text(item.get("content"), _INPUT_TEXT)
    return ""


def responses(call: Call) -> Answer:
    """``POST /v1/responses``."""
    echo = responses_echo(call.body)
    plan = call.script.plan(echo)
    items = _output_items(plan)
    shell = _response_shell(call.body)
    usage = _usage(echo, plan)
    if call.body.get("stream") is not True:
        return json_answer(shell | {"status": "completed", "output": items, "usage": usage})
    return Answer(SSE, _stream(shell, plan, items, usage))


def _response_shell(body: JsonObj) -> JsonObj:
    """Every field of a Response except status/output/usage, echoing the request."""
    shell: JsonObj = {"id": new_id("resp_", 48), "object": "response", "created_at": now()}
    shell |= {"background": False, "error": None, "incomplete_details": None}
    shell |= {"instructions": body.get("instructions")}
    shell |= {"max_output_tokens": body.get("max_output_tokens")}
    shell |= {"model": text(body.get("model"), "gpt-4o-mini")}
    shell |= {"parallel_tool_calls": body.get("parallel_tool_calls", True)}
    shell |= {"previous_response_id": body.get("previous_response_id")}
    shell |= {"reasoning": {"effort": None, "summary": None}, "service_tier": "default"}
    shell |= {"store": body.get("store", True), "temperature": body.get("temperature", 1.0)}
    shell |= {"text": {"format": {"type": "text"}, "verbosity": "medium"}}
    shell |= {"tool_choice": body.get("tool_choice", "auto"), "tools": _tools(body)}
    shell |= {"top_p": body.get("top_p", 1.0), "truncation": "disabled"}
    shell |= {"user": body.get("user"), "metadata": obj(body.get("metadata"))}
    return shell


def _tools(body: JsonObj) -> list[JsonObj]:
    """Request tools as the API echoes them (function tools get description/strict filled)."""
    defaults: JsonObj = {"description": None, "strict": True, "parameters": {}}
    return [
        defaults | tool if tool.get("type") == "function" else tool
        for tool in objs(body.get("tools"))
    ]


def _usage(echo: str, plan: Plan) -> JsonObj:
    inp = tokens(echo)
    out = tokens(plan.text, *(c.arguments for c in plan.tool_calls))
    return {
        "input_tokens": inp,
        "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
        "output_tokens": out,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": inp + out,
    }


def _output_items(plan: Plan) -> list[JsonObj]:
    """Completed output items: a message (if there is text), then function calls."""
    items: list[JsonObj] = []
    if plan.text is not None:
        part = _text_part(plan.text)
        items.append(_message(new_id("msg_", 48), "completed", [part]))
    for call in plan.tool_calls:
        item: JsonObj = {"id": new_id("fc_", 48), "type": "function_call", "status": "completed"}
        item |= {"arguments": call.arguments, "call_id": call.id or new_id("call_")}
        items.append(item | {"name": call.name})
    return items


def _message(item_id: str, status: str, content: list[JsonObj]) -> JsonObj:
    return {
        "id": item_id,
        "type": "message",
        "status": status,
        "content": content,
        "role": "assistant",
    }


def _text_part(value: str) -> JsonObj:
    return {"type": "output_text", "annotations": [], "logprobs": [], "text": value}


@dataclass
class _Events:
    """Collects SSE frames and numbers them with ``sequence_number``."""

    frames: list[bytes] = field(default_factory=list)

    def emit(self, kind: str, **fields: object) -> None:
        payload = {"type": kind, "sequence_number": len(self.frames), **fields}
        self.frames.append(sse_event(kind, payload))


def _stream(shell: JsonObj, plan: Plan, items: list[JsonObj], usage: JsonObj) -> list[bytes]:
    events = _Events()
    pending = shell | {"status": "in_progress", "output": [], "usage": None}
    events.emit("response.created", response=pending)
    events.emit("response.in_progress", response=pending)
    for index, item in enumerate(items):
        if item["type"] == "message":
            _stream_message(events, plan, index, item)
        else:
            _stream_function_call(events, plan, index, item)
    done = shell | {"status": "completed", "output": items, "usage": usage}
    events.emit("response.completed", response=done)
    return cut_with_error(events.frames, plan, _stream_error)


def _stream_message(events: _Events, plan: Plan, index: int, item: JsonObj) -> None:
    item_id = text(item["id"])
    value = text(plan.text)
    where: JsonObj = {"item_id": item_id, "output_index": index, "content_index": 0}
    events.emit(
        "response.output_item.added", output_index=index, item=_message(item_id, "in_progress", [])
    )
    events.emit("response.content_part.added", **where, part=_text_part(""))
    for piece in plan.split(value):
        events.emit("response.output_text.delta", **where, delta=piece, logprobs=[])
    events.emit("response.output_text.done", **where, text=value, logprobs=[])
    events.emit("response.content_part.done", **where, part=_text_part(value))
    events.emit("response.output_item.done", output_index=index, item=item)


def _stream_function_call(events: _Events, plan: Plan, index: int, item: JsonObj) -> None:
    arguments = text(item["arguments"])
    where: JsonObj = {"item_id": item["id"], "output_index": index}
    added = item | {"arguments": "", "status": "in_progress"}
    events.emit("response.output_item.added", output_index=index, item=added)
    for piece in plan.split(arguments):
        events.emit("response.function_call_arguments.delta", **where, delta=piece)
    events.emit(
        "response.function_call_arguments.done", **where, name=item["name"], arguments=arguments
    )
    events.emit("response.output_item.done", output_index=index, item=item)


def _stream_error(sequence_number: int) -> bytes:
    payload = {"type": "error", "code": "server_error", "param": None}
    payload |= {"message": "The server had an error while processing your request."}
    return sse_event("error", payload | {"sequence_number": sequence_number})
