"""Gemini API: ``POST /{v1,v1beta}/models/{model}:generateContent``, ``:streamGenerateContent``
(SSE, as with ``?alt=sse``: the only way the ``google-genai`` SDK asks) and ``:countTokens``."""

from __future__ import annotations

from tests.fakes.script import Plan
from tests.fakes.wire import (
    SSE,
    Answer,
    Call,
    JsonObj,
    cut_with_error,
    dumps,
    json_answer,
    json_object,
    new_id,
    objs,
    text,
    tokens,
)

VERSIONS = ("v1", "v1beta")
_ERRORS: dict[int, tuple[str, str]] = {
    400: ("INVALID_ARGUMENT", "Request contains an invalid argument."),
    401: ("UNAUTHENTICATED", "API key not valid. Please pass a valid API key."),
    403: ("PERMISSION_DENIED", "The caller does not have permission."),
    404: ("NOT_FOUND", "models/gemini-x is not found for API version v1beta."),
    429: ("RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota)."),
    500: ("INTERNAL", "An internal error has occurred."),
    503: ("UNAVAILABLE", "The model is overloaded. Please try again later."),
}


def is_gemini_path(path: str) -> bool:
    """Whether ``path`` is a model method of this API (``/v1beta/models/m:countTokens``)."""
    head, _, method = path.rpartition(":")
    return bool(method) and "/models/" in head and head.split("/")[1] in VERSIONS


def error_body(status: int) -> JsonObj:
    """The Gemini error JSON for ``status``."""
    fallback = ("INTERNAL" if status >= 500 else "INVALID_ARGUMENT", "Error.")
    name, message = _ERRORS.get(status, fallback)
    return {"error": {"code": status, "message": message, "status": name}}


def _part_text(part: JsonObj) -> str:
    if isinstance(part.get("text"), str) and part.get("thought") is not True:
        return text(part.get("text"))
    response = part.get("functionResponse")
    if isinstance(response, dict):
        return "\n".join(_strings(response.get("response")))
    return ""


def _strings(value: object) -> list[str]:
    """The strings inside a JSON value, in order (a function response's values)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def contents_echo(body: JsonObj) -> str:
    """Echo source: the last user turn's text parts and function-response values."""
    for content in reversed(objs(body.get("contents"))):
        if content.get("role") in (None, "user", "function"):
            pieces = (_part_text(part) for part in objs(content.get("parts")))
            return "\n".join(piece for piece in pieces if piece)
    return ""


def _usage(echo: str, plan: Plan) -> JsonObj:
    prompt = tokens(echo)
    answer = tokens(plan.text, *(c.arguments for c in plan.tool_calls))
    usage: JsonObj = {"promptTokenCount": prompt, "candidatesTokenCount": answer}
    return usage | {"totalTokenCount": prompt + answer}


def _function_call(call_id: str | None, name: str, arguments: str) -> JsonObj:
    call: JsonObj = {"name": name, "args": json_object(arguments)}
    return {"functionCall": ({"id": call_id} if call_id else {}) | call}


def _parts(plan: Plan) -> list[JsonObj]:
    """The final parts: thought summary, text, function calls."""
    parts: list[JsonObj] = []
    if plan.thinking is not None:
        parts.append({"text": plan.thinking, "thought": True})
    if plan.text is not None:
        parts.append({"text": plan.text})
    parts += [_function_call(c.id, c.name, c.arguments) for c in plan.tool_calls]
    return parts


def _response(call: Call, parts: list[JsonObj], finish: JsonObj, response_id: str) -> JsonObj:
    candidate: JsonObj = {"content": {"parts": parts, "role": "model"}} | finish | {"index": 0}
    model = call.match_info.get("model", "gemini-x")
    return {"candidates": [candidate], "modelVersion": model, "responseId": response_id}


def generate_content(call: Call) -> Answer:
    """``:generateContent``."""
    echo = contents_echo(call.body)
    plan = call.script.plan(echo)
    done: JsonObj = {"finishReason": "STOP"}
    answer = _response(call, _parts(plan), done, new_id("", 22))
    return json_answer(answer | {"usageMetadata": _usage(echo, plan)})


def stream_generate_content(call: Call) -> Answer:
    """``:streamGenerateContent``: thought and text parts every ``chunk_size`` characters, the
    function calls whole in the last chunk; the last chunk carries ``finishReason`` and usage."""
    echo = contents_echo(call.body)
    plan = call.script.plan(echo)
    response_id = new_id("", 22)
    pieces: list[list[JsonObj]] = []
    if plan.thinking is not None:
        pieces += [[{"text": p, "thought": True}] for p in plan.split(plan.thinking)]
    if plan.text is not None:
        pieces += [[{"text": p}] for p in plan.split(plan.text)]
    calls = [_function_call(c.id, c.name, c.arguments) for c in plan.tool_calls]
    if calls or not pieces:
        pieces.append(calls)
    chunks = [_response(call, parts, {}, response_id) for parts in pieces]
    chunks[-1] = _response(call, pieces[-1], {"finishReason": "STOP"}, response_id)
    chunks[-1]["usageMetadata"] = _usage(echo, plan)
    frames = [b"data: " + dumps(chunk) + b"\r\n\r\n" for chunk in chunks]
    return Answer(SSE, cut_with_error(frames, plan, _stream_error))


def count_tokens(call: Call) -> Answer:
    """``:countTokens`` (its ``contents`` or those of its ``generateContentRequest``)."""
    request = call.body.get("generateContentRequest")
    body = request if isinstance(request, dict) else call.body
    texts = [_part_text(p) for c in objs(body.get("contents")) for p in objs(c.get("parts"))]
    return json_answer({"totalTokens": tokens(*texts)})


def _stream_error(_frames_sent: int) -> bytes:
    return b"data: " + dumps(error_body(503)) + b"\r\n\r\n"
