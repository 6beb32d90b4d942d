"""OpenAI (and Azure OpenAI) Chat Completions, legacy Completions, embeddings, models."""

from __future__ import annotations

import base64
import hashlib
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from tests.fakes.script import Plan
from tests.fakes.wire import (
    SSE,
    Answer,
    Call,
    JsonObj,
    cut_with_error,
    integer,
    json_answer,
    new_id,
    now,
    obj,
    objs,
    parts_text,
    sse_data,
    text,
    tokens,
)

FINGERPRINT = "fp_f4ke0penai"
DONE = b"data: [DONE]\n\n"
T = TypeVar("T")
MODELS = ("gpt-4o", "gpt-4o-mini", "gpt-4.1", "text-embedding-3-small", "gpt-3.5-turbo-instruct")
_ERRORS: dict[int, tuple[str, str | None, str]] = {
    400: ("invalid_request_error", None, "Invalid request (scripted by the fake upstream)."),
    401: ("invalid_request_error", "invalid_api_key", "Incorrect API key provided: sk-test."),
    403: ("invalid_request_error", "unsupported_country_region_territory", "Forbidden."),
    404: ("invalid_request_error", "model_not_found", "The model does not exist."),
    429: ("requests", "rate_limit_exceeded", "Rate limit reached. Please try again in 20ms."),
    500: ("server_error", None, "The server had an error while processing your request."),
    503: ("server_error", None, "The engine is currently overloaded, please try again later."),
}


def error_body(status: int) -> JsonObj:
    """The OpenAI error JSON for ``status``."""
    fallback = ("server_error" if status >= 500 else "invalid_request_error", None, "Error.")
    kind, code, message = _ERRORS.get(status, fallback)
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


def azure_error_body(status: int) -> JsonObj:
    """The Azure OpenAI error JSON for ``status``."""
    message = text(obj(error_body(status)["error"]).get("message"))
    return {"error": {"code": str(status), "message": message}}


def stream_error(_frames_sent: int) -> bytes:
    """The in-stream error OpenAI sends when a stream fails after it started."""
    return sse_data(error_body(500))


def chat_echo(body: JsonObj) -> str:
    """Echo source: content of the last ``user`` or ``tool`` message (text parts joined)."""
    for message in reversed(objs(body.get("messages"))):
        if message.get("role") in ("user", "tool"):
            return parts_text(message.get("content"))
    return ""


def chat_completions(call: Call) -> Answer:
    """``POST /v1/chat/completions`` (and Azure's deployment route)."""
    body = call.body
    azure = "deployment" in call.match_info
    model = text(body.get("model"), call.match_info.get("deployment", "gpt-4o-mini"))
    echo = chat_echo(body)
    plans = [call.script.plan(echo)] * integer(body.get("n"), 1)
    usage = _chat_usage(echo, plans)
    if body.get("stream") is not True:
        return json_answer(_chat_completion(plans, model, usage, azure=azure))
    options = obj(body.get("stream_options"))
    stream = _ChatStream(model, azure, options.get("include_obfuscation") is not False)
    include_usage = options.get("include_usage") is True
    return Answer(SSE, stream.frames(plans, usage if include_usage else None))


def _chat_usage(echo: str, plans: Sequence[Plan]) -> JsonObj:
    out = sum(tokens(p.text, *(c.arguments for c in p.tool_calls)) for p in plans)
    prompt = tokens(echo)
    return {
        "prompt_tokens": prompt,
        "completion_tokens": out,
        "total_tokens": prompt + out,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": 0,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    }


def _finish_reason(plan: Plan) -> str:
    return "tool_calls" if plan.tool_calls else "stop"


def _call_ids(plan: Plan) -> list[str]:
    return [c.id or new_id("call_") for c in plan.tool_calls]


def _chat_message(plan: Plan) -> JsonObj:
    message: JsonObj = {"role": "assistant", "content": plan.text, "refusal": None}
    message["annotations"] = []
    if plan.tool_calls:
        message["tool_calls"] = [
            {"id": cid, "type": "function", "function": {"name": c.name, "arguments": c.arguments}}
            for cid, c in zip(_call_ids(plan), plan.tool_calls, strict=True)
        ]
    return message


def _chat_completion(plans: list[Plan], model: str, usage: JsonObj, *, azure: bool) -> JsonObj:
    choices: list[JsonObj] = []
    for index, plan in enumerate(plans):
        choice: JsonObj = {"index": index, "message": _chat_message(plan), "logprobs": None}
        choice["finish_reason"] = _finish_reason(plan)
        if azure:
            choice["content_filter_results"] = {}
        choices.append(choice)
    completion: JsonObj = {"id": new_id("chatcmpl-"), "object": "chat.completion"}
    completion |= {"created": now(), "model": model, "choices": choices, "usage": usage}
    completion |= {"service_tier": "default", "system_fingerprint": FINGERPRINT}
    if azure:
        completion["prompt_filter_results"] = [{"prompt_index": 0, "content_filter_results": {}}]
    return completion


def _choice_deltas(plan: Plan) -> list[tuple[JsonObj, str | None]]:
    """One choice's stream: role, content pieces, tool-call header + argument pieces, finish."""
    first: JsonObj = {"role": "assistant", "content": None if plan.text is None else ""}
    deltas: list[tuple[JsonObj, str | None]] = [(first | {"refusal": None}, None)]
    if plan.text is not None:
        deltas += [({"content": piece}, None) for piece in plan.split(plan.text)]
    for index, (cid, call) in enumerate(zip(_call_ids(plan), plan.tool_calls, strict=True)):
        head = {"index": index, "id": cid, "type": "function"}
        head["function"] = {"name": call.name, "arguments": ""}
        deltas.append(({"tool_calls": [head]}, None))
        deltas += [
            ({"tool_calls": [{"index": index, "function": {"arguments": piece}}]}, None)
            for piece in plan.split(call.arguments)
        ]
    deltas.append(({}, _finish_reason(plan)))
    return deltas


def interleave(per_choice: Sequence[Sequence[T]]) -> list[tuple[int, T]]:
    """Round-robin over choices: (choice index, item) for step 0 of every choice, then step 1…"""
    longest = max((len(items) for items in per_choice), default=0)
    return [
        (index, items[step])
        for step in range(longest)
        for index, items in enumerate(per_choice)
        if step < len(items)
    ]


@dataclass(frozen=True)
class _ChatStream:
    """Chat chunk framing: Azure's leading content-filter chunk, obfuscation padding."""

    model: str
    azure: bool
    obfuscate: bool

    def frames(self, plans: list[Plan], usage: JsonObj | None) -> list[bytes]:
        """Interleaved choice chunks, the usage chunk (if ``usage``), ``[DONE]``."""
        head: JsonObj = {"id": new_id("chatcmpl-"), "object": "chat.completion.chunk"}
        head |= {"created": now(), "model": self.model, "service_tier": "default"}
        head["system_fingerprint"] = FINGERPRINT
        frames: list[bytes] = []
        if self.azure:
            filters = [{"prompt_index": 0, "content_filter_results": {}}]
            empty = {"choices": [], "created": 0, "id": "", "model": "", "object": ""}
            frames.append(sse_data(empty | {"prompt_filter_results": filters}))
        for index, (delta, finish) in interleave([_choice_deltas(p) for p in plans]):
            choice = {"index": index, "delta": delta, "logprobs": None, "finish_reason": finish}
            chunk = head | {"choices": [choice]}
            if usage is not None:
                chunk["usage"] = None
            if self.obfuscate:
                chunk["obfuscation"] = new_id("", 6)
            frames.append(sse_data(chunk))
        if usage is not None:
            frames.append(sse_data(head | {"choices": [], "usage": usage}))
        return [*cut_with_error(frames, plans[0], stream_error), DONE]


def completions(call: Call) -> Answer:
    """``POST /v1/completions`` (legacy): one choice per prompt times ``n``."""
    body = call.body
    prompts = _prompts(body.get("prompt"))
    n = integer(body.get("n"), 1)
    texts = [text(call.script.plan(p).text) for p in prompts for _ in range(n)]
    prompt_tokens = tokens(*prompts)
    out = sum(tokens(t) for t in texts)
    usage: JsonObj = {"prompt_tokens": prompt_tokens, "completion_tokens": out}
    usage["total_tokens"] = prompt_tokens + out
    head: JsonObj = {"id": new_id("cmpl-"), "object": "text_completion", "created": now()}
    head |= {"model": text(body.get("model"), "gpt-3.5-turbo-instruct")}
    head["system_fingerprint"] = None
    if body.get("stream") is not True:
        choices = [_text_choice(i, t, "stop") for i, t in enumerate(texts)]
        return json_answer(head | {"choices": choices, "usage": usage})
    include_usage = obj(body.get("stream_options")).get("include_usage") is True
    return Answer(SSE, _completion_frames(head, texts, call.script.plan(""), usage, include_usage))


def _prompts(prompt: object) -> list[str]:
    """A string prompt or a batch of them; a token array counts as one (unreadable) prompt."""
    if isinstance(prompt, list) and prompt and all(isinstance(p, str) for p in prompt):
        return [text(p) for p in prompt]
    return [text(prompt)]


def _completion_frames(
    head: JsonObj, texts: list[str], plan: Plan, usage: JsonObj, include_usage: bool
) -> list[bytes]:
    steps = [[*((piece, None) for piece in plan.split(t)), ("", "stop")] for t in texts]
    frames = [
        sse_data(head | {"choices": [_text_choice(i, piece, finish)]})
        for i, (piece, finish) in interleave(steps)
    ]
    if include_usage:
        frames.append(sse_data(head | {"choices": [], "usage": usage}))
    return [*cut_with_error(frames, plan, stream_error), DONE]


def _text_choice(index: int, value: str, finish: str | None) -> JsonObj:
    return {"text": value, "index": index, "logprobs": None, "finish_reason": finish}


def embedding_for(value: str, dimensions: int = 8) -> list[float]:
    """The deterministic vector the fake returns for ``value`` (float32-exact)."""
    digest = hashlib.sha256(value.encode()).digest()
    while len(digest) < dimensions:
        digest += hashlib.sha256(digest).digest()
    return [(b - 127.5) / 128 for b in digest[:dimensions]]


def embeddings(call: Call) -> Answer:
    """``POST /v1/embeddings``: strings, string lists and token arrays; float or base64."""
    body = call.body
    raw = body.get("input")
    items: list[object] = raw if isinstance(raw, list) and raw and not _is_tokens(raw) else [raw]
    dims = integer(body.get("dimensions"), 8)
    as_base64 = body.get("encoding_format") == "base64"
    data = []
    for index, item in enumerate(items):
        vector = embedding_for(item if isinstance(item, str) else repr(item), dims)
        encoded: object = _b64(vector) if as_base64 else vector
        data.append({"object": "embedding", "index": index, "embedding": encoded})
    used = tokens(*(i for i in items if isinstance(i, str)))
    usage = {"prompt_tokens": used, "total_tokens": used}
    model = text(body.get("model"), "text-embedding-3-small")
    return json_answer({"object": "list", "data": data, "model": model, "usage": usage})


def _is_tokens(items: list[object]) -> bool:
    return all(isinstance(i, int) for i in items)


def _b64(vector: list[float]) -> str:
    return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()


def models(_call: Call) -> Answer:
    """``GET /v1/models``."""
    data = [
        {"id": m, "object": "model", "created": 1700000000, "owned_by": "system"} for m in MODELS
    ]
    return json_answer({"object": "list", "data": data})
