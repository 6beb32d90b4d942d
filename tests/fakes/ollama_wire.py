"""Ollama native API: ``/api/chat``, ``/api/generate`` (NDJSON unless ``"stream": false``), tags."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.fakes.script import Plan
from tests.fakes.wire import (
    NDJSON,
    Answer,
    Call,
    JsonObj,
    cut_with_error,
    json_answer,
    json_object,
    ndjson_line,
    new_id,
    objs,
    text,
    tokens,
)

_MODELS = ("llama3.2:latest", "qwen2.5:7b")


def error_body(status: int) -> JsonObj:
    """The Ollama error JSON for ``status``."""
    messages = {404: 'model "llama3.2" not found, try pulling it first'}
    return {"error": messages.get(status, f"scripted error (status {status})")}


def _stream_error(_frames_sent: int) -> bytes:
    return ndjson_line({"error": "an error was encountered while running the model"})


def chat_echo(body: JsonObj) -> str:
    """Echo source: content of the last ``user`` or ``tool`` message."""
    for message in reversed(objs(body.get("messages"))):
        if message.get("role") in ("user", "tool"):
            return text(message.get("content"))
    return ""


def chat(call: Call) -> Answer:
    """``POST /api/chat``: streamed ``message`` fragments, tool calls in one piece."""
    echo = chat_echo(call.body)
    plan = call.script.plan(echo)
    head = _head(call.body)
    final = head | {"done": True} | _stats(echo, plan)
    message: JsonObj = {"role": "assistant", "content": plan.text or ""}
    if plan.thinking is not None:
        message["thinking"] = plan.thinking
    if plan.tool_calls:
        message["tool_calls"] = _tool_calls(plan)
    if call.body.get("stream") is False:
        return json_answer(final | {"message": message})
    pieces: list[JsonObj] = []
    if plan.thinking is not None:
        pieces += [{"thinking": p} for p in plan.split(plan.thinking)]
    if plan.text is not None:
        pieces += [{"content": p} for p in plan.split(plan.text)]
    if plan.tool_calls:
        pieces.append({"tool_calls": message["tool_calls"]})
    lines = [
        head | {"message": {"role": "assistant", "content": ""} | p, "done": False} for p in pieces
    ]
    lines.append(final | {"message": {"role": "assistant", "content": ""}})
    return _ndjson(lines, plan)


def generate(call: Call) -> Answer:
    """``POST /api/generate``: streamed ``response`` fragments, a final line with ``context``."""
    prompt = text(call.body.get("prompt"))
    plan = call.script.plan(prompt)
    head = _head(call.body)
    final = head | {"done": True} | _stats(prompt, plan) | {"context": [1, 2, 3]}
    reply = text(plan.text)
    if call.body.get("stream") is False:
        done = final | {"response": reply}
        return json_answer(done if plan.thinking is None else done | {"thinking": plan.thinking})
    lines: list[JsonObj] = []
    if plan.thinking is not None:
        lines += [
            head | {"response": "", "thinking": p, "done": False} for p in plan.split(plan.thinking)
        ]
    lines += [head | {"response": p, "done": False} for p in plan.split(reply)]
    lines.append(final | {"response": ""})
    return _ndjson(lines, plan)


def tags(_call: Call) -> Answer:
    """``GET /api/tags``."""
    details = {"parent_model": "", "format": "gguf", "family": "llama", "families": ["llama"]}
    details |= {"parameter_size": "3.2B", "quantization_level": "Q4_K_M"}
    models = [
        {"name": name, "model": name, "modified_at": "2025-01-01T00:00:00Z", "size": 2019393189}
        | {"digest": new_id("", 64).lower(), "details": details}
        for name in _MODELS
    ]
    return json_answer({"models": models})


def _head(body: JsonObj) -> JsonObj:
    created = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    return {"model": text(body.get("model"), "llama3.2"), "created_at": created}


def _stats(echo: str, plan: Plan) -> JsonObj:
    stats: JsonObj = {"done_reason": "stop", "total_duration": 5_000_000, "load_duration": 1_000}
    stats |= {"prompt_eval_count": tokens(echo), "prompt_eval_duration": 1_000_000}
    outputs = (c.arguments for c in plan.tool_calls)
    stats |= {"eval_count": tokens(plan.text, *outputs), "eval_duration": 3_000_000}
    return stats


def _tool_calls(plan: Plan) -> list[JsonObj]:
    calls: list[JsonObj] = []
    for index, call in enumerate(plan.tool_calls):
        arguments = json_object(call.arguments)
        function = {"index": index, "name": call.name, "arguments": arguments}
        calls.append({"id": call.id or new_id("call_", 8).lower(), "function": function})
    return calls


def _ndjson(lines: list[JsonObj], plan: Plan) -> Answer:
    frames = [ndjson_line(line) for line in lines]
    return Answer(NDJSON, cut_with_error(frames, plan, _stream_error))
