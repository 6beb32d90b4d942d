"""Anthropic Messages API: ``POST /v1/messages`` (JSON and SSE), ``…/count_tokens``."""

from __future__ import annotations

import base64
import hashlib

from tests.fakes.script import Plan
from tests.fakes.wire import (
    SSE,
    Answer,
    Call,
    JsonObj,
    cut_with_error,
    json_answer,
    json_object,
    new_id,
    objs,
    parts_text,
    sse_event,
    text,
    tokens,
)

_ERRORS: dict[int, tuple[str, str]] = {
    400: ("invalid_request_error", "Invalid request (scripted by the fake upstream)."),
    401: ("authentication_error", "invalid x-api-key"),
    403: ("permission_error", "Your API key does not have permission to use this resource."),
    404: ("not_found_error", "Not found."),
    413: ("request_too_large", "Request exceeds the maximum allowed number of bytes."),
    429: ("rate_limit_error", "Number of request tokens has exceeded your rate limit."),
    500: ("api_error", "Internal server error"),
    529: ("overloaded_error", "Overloaded"),
}


def error_body(status: int) -> JsonObj:
    """The Anthropic error JSON for ``status``."""
    fallback = ("api_error" if status >= 500 else "invalid_request_error", "Error.")
    kind, message = _ERRORS.get(status, fallback)
    error = {"type": kind, "message": message}
    return {"type": "error", "error": error, "request_id": new_id("req_011C")}


def signature_for(thinking: str) -> str:
    """The signature the fake puts on a thinking block (lets tests prove it came back intact)."""
    return base64.b64encode(hashlib.sha256(thinking.encode()).digest()).decode()


def messages_echo(body: JsonObj) -> str:
    """Echo source: the last user message's text blocks and tool_result contents."""
    for message in reversed(objs(body.get("messages"))):
        if message.get("role") != "user":
            continue
        content = message.get("content")
        if isinstance(content, str):
            return content
        return "\n".join(_block_text(block) for block in objs(content) if _block_text(block))
    return ""


def _block_text(block: JsonObj) -> str:
    if block.get("type") == "text":
        return text(block.get("text"))
    if block.get("type") == "tool_result":
        return parts_text(block.get("content"))
    return ""


def count_tokens(call: Call) -> Answer:
    """``POST /v1/messages/count_tokens``."""
    system = call.body.get("system")
    return json_answer({"input_tokens": tokens(parts_text(system), messages_echo(call.body))})


def messages(call: Call) -> Answer:
    """``POST /v1/messages``."""
    echo = messages_echo(call.body)
    plan = call.script.plan(echo)
    blocks = _blocks(plan)
    message: JsonObj = {"id": new_id("msg_01"), "type": "message", "role": "assistant"}
    message |= {"model": text(call.body.get("model"), "claude-sonnet-5")}
    usage: JsonObj = {"input_tokens": tokens(echo), "cache_creation_input_tokens": 0}
    usage |= {"cache_read_input_tokens": 0, "service_tier": "standard"}
    output = {"output_tokens": tokens(*(streamed for _, streamed in blocks))}
    stop: JsonObj = {"stop_reason": "tool_use" if plan.tool_calls else "end_turn"}
    stop["stop_sequence"] = None
    if call.body.get("stream") is not True:
        content = [block for block, _ in blocks]
        return json_answer(message | {"content": content} | stop | {"usage": usage | output})
    start = message | {"content": [], "stop_reason": None, "stop_sequence": None}
    start["usage"] = usage | {"output_tokens": 1}
    frames = [_event("message_start", message=start)]
    for index, (block, streamed) in enumerate(blocks):
        frames += _block_events(plan, index, block, streamed)
    frames.insert(min(2, len(frames)), _event("ping"))  # as the API does: after the first start
    frames.append(_event("message_delta", delta=stop, usage=output))
    frames.append(_event("message_stop"))
    return Answer(SSE, cut_with_error(frames, plan, _stream_error))


def _event(kind: str, **fields: object) -> bytes:
    return sse_event(kind, {"type": kind, **fields})


def _blocks(plan: Plan) -> list[tuple[JsonObj, str]]:
    """Final content blocks (thinking, text, tool_use), each with the text its deltas carry."""
    blocks: list[tuple[JsonObj, str]] = []
    if plan.thinking is not None:
        signature = signature_for(plan.thinking)
        thinking: JsonObj = {"type": "thinking", "thinking": plan.thinking}
        thinking["signature"] = signature
        blocks.append((thinking, plan.thinking))
    if plan.text is not None:
        blocks.append(({"type": "text", "text": plan.text}, plan.text))
    for call in plan.tool_calls:
        use: JsonObj = {"type": "tool_use", "id": call.id or new_id("toolu_01")}
        use |= {"name": call.name, "input": json_object(call.arguments)}
        blocks.append((use, call.arguments))
    return blocks


def _block_events(plan: Plan, index: int, block: JsonObj, streamed: str) -> list[bytes]:
    """content_block_start, its deltas (split every ``chunk_size``), content_block_stop."""
    pieces = plan.split(streamed)
    if block["type"] == "thinking":
        start = block | {"thinking": "", "signature": ""}
        deltas: list[JsonObj] = [{"type": "thinking_delta", "thinking": p} for p in pieces]
        deltas.append({"type": "signature_delta", "signature": block["signature"]})
    elif block["type"] == "text":
        start = block | {"text": ""}
        deltas = [{"type": "text_delta", "text": p} for p in pieces]
    else:
        start = block | {"input": {}}
        deltas = [{"type": "input_json_delta", "partial_json": p} for p in ["", *pieces]]
    frames = [_event("content_block_start", index=index, content_block=start)]
    frames += [_event("content_block_delta", index=index, delta=d) for d in deltas]
    frames.append(_event("content_block_stop", index=index))
    return frames


def _stream_error(_frames_sent: int) -> bytes:
    return _event("error", error={"type": "overloaded_error", "message": "Overloaded"})
