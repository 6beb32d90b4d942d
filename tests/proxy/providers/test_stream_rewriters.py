"""Streamed responses are restored identically however the upstream bytes are split."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from proxy.providers.anthropic import ERRORS as ANTHROPIC_ERRORS
from proxy.providers.anthropic import AnthropicMessages
from proxy.providers.ollama import ERRORS as OLLAMA_ERRORS
from proxy.providers.ollama import OllamaChat, OllamaGenerate
from proxy.providers.openai_chat import OpenAIChat
from proxy.providers.openai_misc import OpenAICompletions
from proxy.providers.openai_responses import OpenAIResponses
from tests.proxy.providers.stream_helpers import (
    ARGS,
    ARGS_RESTORED,
    ORIGINAL,
    RESTORED,
    pieces,
    run_stream,
    sse,
)

CUTS = st.lists(st.integers(min_value=0, max_value=5000), max_size=15)


def _chat_stream(text_cuts: list[int]) -> bytes:
    meta = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m"}
    events: list[tuple[str | None, object]] = []
    for piece in pieces(ORIGINAL, text_cuts):
        events.append((None, {**meta, "choices": [{"index": 0, "delta": {"content": piece}}]}))
    call = {"index": 0, "id": "call_1", "type": "function", "function": {"name": "f"}}
    for number, piece in enumerate(pieces(ARGS, text_cuts)):
        function = {**call["function"], "arguments": piece} if number == 0 else {"arguments": piece}  # type: ignore[dict-item]
        delta_call = (
            {**call, "function": function} if number == 0 else {"index": 0, "function": function}
        )
        events.append(
            (None, {**meta, "choices": [{"index": 1, "delta": {"tool_calls": [delta_call]}}]})
        )
    for index in (0, 1):
        events.append(
            (None, {**meta, "choices": [{"index": index, "delta": {}, "finish_reason": "stop"}]})
        )
    events.append((None, {**meta, "choices": [], "usage": {"total_tokens": 3}}))
    events.append((None, "[DONE]"))
    return sse(events)


@settings(max_examples=60, deadline=None)
@given(text_cuts=CUTS, byte_cuts=CUTS)
async def test_openai_chat_content_and_tool_arguments(
    text_cuts: list[int], byte_cuts: list[int]
) -> None:
    events = await run_stream(OpenAIChat(), _chat_stream(text_cuts), byte_cuts)
    content, args = "", ""
    for event in events:
        if not isinstance(event, dict):
            continue
        for choice in event["choices"]:
            content += choice["delta"].get("content") or ""
            for call in choice["delta"].get("tool_calls") or []:
                args += call["function"].get("arguments") or ""
    assert content == RESTORED
    assert json.loads(args) == ARGS_RESTORED
    assert events[-1] == "[DONE]"
    assert events[-2]["usage"] == {"total_tokens": 3}  # type: ignore[index]


@settings(max_examples=40, deadline=None)
@given(text_cuts=CUTS, byte_cuts=CUTS)
async def test_legacy_completions(text_cuts: list[int], byte_cuts: list[int]) -> None:
    meta = {"id": "x", "object": "text_completion", "created": 1, "model": "m"}
    events: list[tuple[str | None, object]] = [
        (None, {**meta, "choices": [{"index": 0, "text": p, "finish_reason": None}]})
        for p in pieces(ORIGINAL, text_cuts)
    ]
    events += [
        (None, {**meta, "choices": [{"index": 0, "text": "", "finish_reason": "stop"}]}),
        (None, "[DONE]"),
    ]
    out = await run_stream(OpenAICompletions(), sse(events), byte_cuts)
    text = "".join(c["text"] for e in out if isinstance(e, dict) for c in e["choices"])
    assert text == RESTORED


def _responses_stream(text_cuts: list[int]) -> bytes:
    base = {"item_id": "msg_1", "output_index": 0, "content_index": 0}
    events: list[tuple[str | None, object]] = [
        (
            "response.created",
            {
                "type": "response.created",
                "response": {"instructions": "Om [PERSON_1]", "output": []},
            },
        )
    ]
    events += [
        ("response.output_text.delta", {"type": "response.output_text.delta", **base, "delta": p})
        for p in pieces(ORIGINAL, text_cuts)
    ]
    events.append(
        (
            "response.output_text.done",
            {"type": "response.output_text.done", **base, "text": ORIGINAL},
        )
    )
    fc = {"item_id": "fc_1", "output_index": 1}
    events += [
        (
            "response.function_call_arguments.delta",
            {"type": "response.function_call_arguments.delta", **fc, "delta": p},
        )
        for p in pieces(ARGS, text_cuts)
    ]
    events.append(
        (
            "response.function_call_arguments.done",
            {"type": "response.function_call_arguments.done", **fc, "arguments": ARGS},
        )
    )
    message = {"type": "message", "content": [{"type": "output_text", "text": ORIGINAL}]}
    call = {"type": "function_call", "arguments": ARGS, "name": "f"}
    events.append(
        (
            "response.completed",
            {"type": "response.completed", "response": {"output": [message, call]}},
        )
    )
    return sse([(n, {**d, "sequence_number": i}) for i, (n, d) in enumerate(events)])  # type: ignore[dict-item]


@settings(max_examples=60, deadline=None)
@given(text_cuts=CUTS, byte_cuts=CUTS)
async def test_openai_responses_every_place_agrees(
    text_cuts: list[int], byte_cuts: list[int]
) -> None:
    events = [
        e
        for e in await run_stream(OpenAIResponses(), _responses_stream(text_cuts), byte_cuts)
        if isinstance(e, dict)
    ]
    deltas = "".join(e["delta"] for e in events if e["type"] == "response.output_text.delta")
    args = "".join(
        e["delta"] for e in events if e["type"] == "response.function_call_arguments.delta"
    )
    (done,) = [e for e in events if e["type"] == "response.output_text.done"]
    (args_done,) = [e for e in events if e["type"] == "response.function_call_arguments.done"]
    (completed,) = [e for e in events if e["type"] == "response.completed"]
    assert (
        deltas
        == done["text"]
        == completed["response"]["output"][0]["content"][0]["text"]
        == RESTORED
    )
    assert json.loads(args) == json.loads(args_done["arguments"]) == ARGS_RESTORED
    assert json.loads(completed["response"]["output"][1]["arguments"]) == ARGS_RESTORED
    assert events[0]["response"]["instructions"] == "Om Kari Nordmann"
    numbers = [e["sequence_number"] for e in events]
    assert numbers == list(range(len(events)))


def _anthropic_stream(text_cuts: list[int]) -> bytes:
    events: list[tuple[str | None, object]] = [
        (
            "message_start",
            {"type": "message_start", "message": {"id": "m", "content": [], "role": "assistant"}},
        ),
        (
            "content_block_start",
            {
                "type": "content_block_start",
                "index": 0,
                "content_block": {"type": "thinking", "thinking": ""},
            },
        ),
        (
            "content_block_delta",
            {
                "type": "content_block_delta",
                "index": 0,
                "delta": {"type": "thinking_delta", "thinking": "om [PERSON_1]"},
            },
        ),
        (
            "content_block_delta",
            {
                "type": "content_block_delta",
                "index": 0,
                "delta": {"type": "signature_delta", "signature": "c2ln"},
            },
        ),
        ("content_block_stop", {"type": "content_block_stop", "index": 0}),
        (
            "content_block_start",
            {
                "type": "content_block_start",
                "index": 1,
                "content_block": {"type": "text", "text": ""},
            },
        ),
        ("ping", {"type": "ping"}),
    ]
    events += [
        (
            "content_block_delta",
            {"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": p}},
        )
        for p in pieces(ORIGINAL, text_cuts)
    ]
    events.append(("content_block_stop", {"type": "content_block_stop", "index": 1}))
    events.append(
        (
            "content_block_start",
            {
                "type": "content_block_start",
                "index": 2,
                "content_block": {"type": "tool_use", "id": "t", "name": "f", "input": {}},
            },
        )
    )
    events += [
        (
            "content_block_delta",
            {
                "type": "content_block_delta",
                "index": 2,
                "delta": {"type": "input_json_delta", "partial_json": p},
            },
        )
        for p in pieces(ARGS, text_cuts)
    ]
    events += [
        ("content_block_stop", {"type": "content_block_stop", "index": 2}),
        ("message_stop", {"type": "message_stop"}),
    ]
    return sse(events)


@settings(max_examples=60, deadline=None)
@given(text_cuts=CUTS, byte_cuts=CUTS)
async def test_anthropic_text_and_tool_input_restored_thinking_untouched(
    text_cuts: list[int], byte_cuts: list[int]
) -> None:
    events = [
        e
        for e in await run_stream(
            AnthropicMessages(), _anthropic_stream(text_cuts), byte_cuts, ANTHROPIC_ERRORS
        )
        if isinstance(e, dict)
    ]
    deltas = [e for e in events if e["type"] == "content_block_delta"]
    text = "".join(e["delta"].get("text", "") for e in deltas if e["index"] == 1)
    partial = "".join(e["delta"].get("partial_json", "") for e in deltas if e["index"] == 2)
    thinking = "".join(e["delta"].get("thinking", "") for e in deltas if e["index"] == 0)
    assert text == RESTORED
    assert json.loads(partial) == ARGS_RESTORED
    assert thinking == "om [PERSON_1]"
    stops = [
        i for i, e in enumerate(events) if e["type"] == "content_block_stop" and e["index"] == 1
    ]
    assert all(
        e["index"] != 1 for e in events[stops[0] + 1 :] if e["type"] == "content_block_delta"
    )


@settings(max_examples=40, deadline=None)
@given(text_cuts=CUTS, byte_cuts=CUTS)
async def test_ollama_chat_and_generate_ndjson(text_cuts: list[int], byte_cuts: list[int]) -> None:
    chat = [
        {"model": "m", "message": {"role": "assistant", "content": p}, "done": False}
        for p in pieces(ORIGINAL, text_cuts)
    ]
    chat.append({"model": "m", "message": {"role": "assistant", "content": ""}, "done": True})
    raw = b"".join(json.dumps(x).encode() + b"\n" for x in chat)
    out = await run_stream(OllamaChat(), raw, byte_cuts, OLLAMA_ERRORS)
    assert "".join(e["message"]["content"] for e in out if isinstance(e, dict)) == RESTORED
    generate = [{"model": "m", "response": p, "done": False} for p in pieces(ORIGINAL, text_cuts)]
    generate.append({"model": "m", "response": "", "done": True})
    raw = b"".join(json.dumps(x).encode() + b"\n" for x in generate)
    out = await run_stream(OllamaGenerate(), raw, byte_cuts, OLLAMA_ERRORS)
    assert "".join(e["response"] for e in out if isinstance(e, dict)) == RESTORED


async def test_broken_stream_ends_with_a_provider_shaped_error() -> None:
    raw = b'{"model": "m", "message": {"content": "Hei [PERS"}, "done": false}\nnot json\n'
    out = await run_stream(OllamaChat(), raw, [], OLLAMA_ERRORS)
    assert out[-1] == {
        "error": "sladd_stream_failed: the upstream stream failed (StreamFormatError); "
        "the answer is incomplete"
    }
    assert all("[PERS" not in json.dumps(e) for e in out)
