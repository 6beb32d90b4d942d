"""Random request bodies shaped enough like each provider's to reach its slot walkers.

Each wire format gets bodies in its own shape — messages, content parts and blocks, tool calls,
items — where any field may be missing and, one time in five, any JSON value instead of the
expected one. Tool-call ``arguments`` and tool ``output`` are JSON strings: mostly objects or
arrays, sometimes scalars, truncated JSON or plain text.
"""

from __future__ import annotations

import base64
import json

from hypothesis import strategies as st

from tests.proxy.fuzz.strategies import OPAQUE, SCALARS, TEXT_CHARS, json_values, short_text

S = st.SearchStrategy
IMAGE_URL = {"url": f"data:image/png;base64,{OPAQUE}iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB"}
IMAGE_SOURCE = {"type": "base64", "media_type": "image/png", "data": f"{OPAQUE}iVBORw0KGgo"}

any_json = json_values(8)
words = st.text(TEXT_CHARS, min_size=1, max_size=24)
opaque = words.map(lambda text: OPAQUE + base64.b64encode(text.encode()).decode())
"""Image data, signatures, encrypted reasoning: never a slot."""


def one_in(n: int, rare: S[object], usual: S[object]) -> S[object]:
    """``rare`` about one time in ``n``, else ``usual`` (which is also what shrinking prefers)."""
    return st.sampled_from([True] * (n - 1) + [False]).flatmap(lambda u: usual if u else rare)


def maybe(value: S[object]) -> S[object]:
    """Mostly ``value``; one time in five any JSON value instead."""
    return one_in(5, any_json, value)


def some(value: S[object], size: int = 3) -> S[object]:
    return maybe(st.lists(value, min_size=1, max_size=size) | st.just([]))


def json_strings() -> S[object]:
    """What arrives in ``arguments``: see module docstring."""
    values = st.one_of(words, words, any_json)
    objects = st.dictionaries(short_text, values, min_size=1, max_size=4)
    documents = one_in(4, st.lists(values, min_size=1, max_size=4), objects)
    valid = st.builds(json.dumps, documents, ensure_ascii=st.booleans())
    truncated = valid.filter(lambda s: len(s) > 1).map(lambda s: s[:-1])
    odd = st.one_of(st.builds(json.dumps, any_json), truncated, words)
    return maybe(one_in(3, odd, valid))


def part(kinds: tuple[str, ...], **fields: S[object]) -> S[dict[str, object]]:
    """A content part / block / item: a ``type`` from ``kinds`` and optional ``fields``."""
    return st.fixed_dictionaries({"type": st.sampled_from(kinds)}, optional=fields)


def openai_parts() -> S[dict[str, object]]:
    kinds = ("text", "input_text", "output_text", "refusal", "image_url", "input_audio", "file")
    return part(kinds, text=maybe(words), refusal=maybe(words), image_url=st.just(IMAGE_URL))


def chat_body() -> S[dict[str, object]]:
    function = st.fixed_dictionaries({"name": short_text}, optional={"arguments": json_strings()})
    call = st.fixed_dictionaries(
        {"id": short_text, "type": st.just("function")}, optional={"function": maybe(function)}
    )
    roles = st.sampled_from(["system", "developer", "user", "assistant", "tool"])
    message = st.fixed_dictionaries(
        {"role": roles},
        optional={
            "content": maybe(words | st.lists(openai_parts(), max_size=3)),
            "tool_calls": some(call),
            "refusal": maybe(words),
            "function_call": maybe(st.fixed_dictionaries({"arguments": json_strings()})),
        },
    )
    prediction = st.fixed_dictionaries({"content": maybe(words | st.lists(openai_parts()))})
    return st.fixed_dictionaries(
        {"model": short_text, "messages": some(message, 4)},
        optional={
            "user": maybe(words),
            "metadata": maybe(st.dictionaries(short_text, words)),
            "prediction": maybe(prediction),
            "stream": st.booleans(),
        },
    )


def responses_body() -> S[dict[str, object]]:
    message = st.fixed_dictionaries(
        {"role": st.sampled_from(["user", "assistant"])},
        optional={
            "type": st.just("message"),
            "content": maybe(words | st.lists(openai_parts(), max_size=3)),
        },
    )
    call = part(("function_call",), arguments=json_strings(), call_id=short_text)
    output = part(
        ("function_call_output",), output=maybe(json_strings() | st.lists(openai_parts()))
    )
    summary = st.lists(part(("summary_text",), text=words), max_size=2)
    reasoning = part(("reasoning",), summary=summary, encrypted_content=opaque)
    items = st.one_of(message, call, call, output, reasoning, openai_parts())
    return st.fixed_dictionaries(
        {"input": maybe(one_in(3, words, some(items, 4)))},
        optional={
            "instructions": maybe(words),
            "user": maybe(words),
            "metadata": maybe(st.dictionaries(short_text, words)),
        },
    )


def anthropic_blocks(depth: int = 1) -> S[dict[str, object]]:
    inner = anthropic_blocks(depth - 1) if depth else part(("text",), text=maybe(words))
    source = maybe(st.just(IMAGE_SOURCE) | part(("text",), data=maybe(words)))
    return st.one_of(
        part(("text",), text=maybe(words)),
        part(("tool_use",), input=maybe(st.dictionaries(short_text, any_json)), id=short_text),
        part(("tool_result",), content=maybe(words | st.lists(inner, max_size=2))),
        part(("document",), source=source, context=maybe(words)),
        part(("image",), source=st.just(IMAGE_SOURCE)),
        part(("thinking",), thinking=words, signature=opaque),
        part(("redacted_thinking",), data=opaque),
    )


def anthropic_body() -> S[dict[str, object]]:
    content = maybe(words | st.lists(anthropic_blocks(), max_size=3))
    message = st.fixed_dictionaries(
        {"role": st.sampled_from(["user", "assistant"])}, optional={"content": content}
    )
    metadata = st.fixed_dictionaries({}, optional={"user_id": maybe(words)})
    return st.fixed_dictionaries(
        {"model": short_text, "messages": some(message, 4)},
        optional={
            "system": maybe(words | st.lists(anthropic_blocks(0), max_size=2)),
            "metadata": maybe(metadata),
        },
    )


def ollama_body() -> S[dict[str, object]]:
    arguments = maybe(st.dictionaries(short_text, SCALARS | words | st.lists(words)))
    call = st.fixed_dictionaries(
        {
            "function": maybe(
                st.fixed_dictionaries({"name": short_text}, optional={"arguments": arguments})
            )
        }
    )
    message = st.fixed_dictionaries(
        {"role": st.sampled_from(["user", "assistant", "tool"])},
        optional={"content": maybe(words), "tool_calls": some(call), "images": st.lists(opaque)},
    )
    return st.fixed_dictionaries({"model": short_text, "messages": some(message, 4)})


def generate_body() -> S[dict[str, object]]:
    return st.fixed_dictionaries(
        {"prompt": maybe(words)},
        optional={"system": maybe(words), "suffix": maybe(words), "images": st.lists(opaque)},
    )


def prompts_body() -> S[dict[str, object]]:
    """Embeddings / legacy completions: strings, lists of strings, token arrays, mixtures."""
    value = st.one_of(words, st.lists(words), st.lists(st.integers()), st.lists(SCALARS | words))
    return st.fixed_dictionaries(
        {"model": short_text},
        optional={
            "input": maybe(value),
            "prompt": maybe(value),
            "suffix": maybe(words),
            "user": maybe(words),
        },
    )


BODIES = {
    "openai_chat": chat_body,
    "openai_responses": responses_body,
    "openai_embeddings": prompts_body,
    "openai_completions": prompts_body,
    "anthropic_messages": anthropic_body,
    "ollama_chat": ollama_body,
    "ollama_generate": generate_body,
}


def bodies(provider: str) -> S[dict[str, object]]:
    """Bodies shaped for ``provider``, or (sometimes) for another one."""
    shaped = BODIES[provider]()
    others = st.sampled_from(sorted(BODIES)).flatmap(lambda name: BODIES[name]())
    return one_in(4, others, shaped)  # type: ignore[return-value]
