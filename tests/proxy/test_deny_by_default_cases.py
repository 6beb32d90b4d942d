"""Each way a body leaked identifiers before deny by default, as a case of its own.

Every case is either refused by sladd (4xx, a ``sladd_`` error naming where, nothing
forwarded) or forwarded without the canary. Each one fails if its protection is removed: the
walk of every string, numbers as text, the fixed-field refusal, the shape checks, the empty
body refusal, or the neutralisation of token look-alikes in every field.
"""

from __future__ import annotations

import json

import aiohttp
import pytest

from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import ANTHROPIC_KEY, OPENAI_KEY, Sladd

CANARY = "Pasient Kari Nordmann, fnr 13097248022"
FORBIDDEN = ("Kari", "Nordmann", "13097248022")
OPENAI = {"Authorization": f"Bearer {OPENAI_KEY}"}
CLAUDE = {"x-api-key": ANTHROPIC_KEY, "anthropic-version": "2023-06-01"}
USER: dict[str, object] = {"role": "user", "content": "Hei"}
CHAT: dict[str, object] = {"model": "gpt-x", "messages": [USER]}
RESPONSES: dict[str, object] = {"model": "gpt-x", "input": "Hei"}
MESSAGES: dict[str, object] = {"model": "claude-x", "max_tokens": 100, "messages": [USER]}
SCHEMA = {
    "type": "object",
    "description": CANARY,
    "properties": {"navn": {"type": "string", "description": CANARY, "default": CANARY}},
}

FORWARDED_CLEAN: dict[str, tuple[str, dict[str, str], dict[str, object]]] = {
    "chat tools[].function description and parameters": (
        "/v1/chat/completions",
        OPENAI,
        CHAT
        | {
            "tools": [
                {
                    "type": "function",
                    "function": {"name": "f", "description": CANARY, "parameters": SCHEMA},
                }
            ]
        },
    ),
    "chat response_format.json_schema": (
        "/v1/chat/completions",
        OPENAI,
        CHAT
        | {
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": "notat", "description": CANARY, "schema": SCHEMA},
            }
        },
    ),
    "chat stop": ("/v1/chat/completions", OPENAI, CHAT | {"stop": [CANARY]}),
    "chat refusal part": (
        "/v1/chat/completions",
        OPENAI,
        CHAT
        | {
            "messages": [
                USER,
                {"role": "assistant", "content": [{"type": "refusal", "refusal": CANARY}]},
                USER,
            ]
        },
    ),
    "chat web_search_options.user_location": (
        "/v1/chat/completions",
        OPENAI,
        CHAT
        | {
            "web_search_options": {
                "user_location": {"type": "approximate", "approximate": {"city": CANARY}}
            }
        },
    ),
    "chat unknown top-level key": ("/v1/chat/completions", OPENAI, CHAT | {"pasient": CANARY}),
    "chat metadata value as a number": (
        "/v1/chat/completions",
        OPENAI,
        CHAT | {"metadata": {"fnr": 13097248022}},
    ),
    "chat metadata value as a float": (
        "/v1/chat/completions",
        OPENAI,
        CHAT | {"metadata": {"fnr": 13097248022.0}},
    ),
    "chat a name split over two text parts": (
        "/v1/chat/completions",
        OPENAI,
        CHAT
        | {
            "messages": [
                {
                    "role": "user",
                    "content": [
                        {"type": "text", "text": "Pasient Kari"},
                        {"type": "text", "text": "Nordmann har feber"},
                    ],
                }
            ]
        },
    ),
    "responses text.format schema": (
        "/v1/responses",
        OPENAI,
        RESPONSES
        | {"text": {"format": {"type": "json_schema", "name": "notat", "schema": SCHEMA}}},
    ),
    "responses tools": (
        "/v1/responses",
        OPENAI,
        RESPONSES
        | {"tools": [{"type": "function", "name": "f", "description": CANARY, "parameters": {}}]},
    ),
    "responses unknown item type with a user role": (
        "/v1/responses",
        OPENAI,
        RESPONSES | {"input": [{"type": "ny_type", "role": "user", "content": CANARY}]},
    ),
    "anthropic tools[].description": (
        "/v1/messages",
        CLAUDE,
        MESSAGES
        | {"tools": [{"name": "f", "description": CANARY, "input_schema": {"type": "object"}}]},
    ),
    "anthropic stop_sequences": ("/v1/messages", CLAUDE, MESSAGES | {"stop_sequences": [CANARY]}),
}

REFUSED: dict[str, tuple[str, dict[str, str], bytes, str]] = {
    "chat messages[].name": (
        "/v1/chat/completions",
        OPENAI,
        json.dumps(CHAT | {"messages": [USER | {"name": "Kari Nordmann"}]}).encode(),
        "messages[0].name",
    ),
    "chat model as an e-mail address": (
        "/v1/chat/completions",
        OPENAI,
        json.dumps(CHAT | {"model": "kari.nordmann@example.no"}).encode(),
        "model",
    ),
    "chat user as a number": (
        "/v1/chat/completions",
        OPENAI,
        json.dumps(CHAT | {"user": 13097248022}).encode(),
        "user",
    ),
    "chat messages as a string": (
        "/v1/chat/completions",
        OPENAI,
        json.dumps(CHAT | {"messages": CANARY}).encode(),
        "messages",
    ),
    "chat messages as an object": (
        "/v1/chat/completions",
        OPENAI,
        json.dumps(CHAT | {"messages": {"role": "user", "content": CANARY}}).encode(),
        "messages",
    ),
    "chat content as an object": (
        "/v1/chat/completions",
        OPENAI,
        json.dumps(CHAT | {"messages": [{"role": "user", "content": {"text": CANARY}}]}).encode(),
        "messages[0].content",
    ),
    "responses input as an object": (
        "/v1/responses",
        OPENAI,
        json.dumps(RESPONSES | {"input": {"role": "user", "content": CANARY}}).encode(),
        "input",
    ),
    "anthropic messages as a string": (
        "/v1/messages",
        CLAUDE,
        json.dumps(MESSAGES | {"messages": CANARY}).encode(),
        "messages",
    ),
    "anthropic metadata.user_id as a number": (
        "/v1/messages",
        CLAUDE,
        json.dumps(MESSAGES | {"metadata": {"user_id": 13097248022}}).encode(),
        "metadata.user_id",
    ),
    "an empty POST body": ("/v1/chat/completions", OPENAI, b"", "empty"),
}


def assert_clean(upstream: FakeUpstream) -> None:
    """The upstream got exactly one request, with no canary in its body, path or query."""
    (recorded,) = upstream.requests
    seen = recorded.body.decode() + recorded.path + json.dumps(recorded.query)
    for canary in FORBIDDEN:
        assert canary not in seen, canary


@pytest.mark.parametrize("case", sorted(FORWARDED_CLEAN))
async def test_forwarded_without_the_canary(
    http: aiohttp.ClientSession, sladd: Sladd, upstream: FakeUpstream, case: str
) -> None:
    path, headers, body = FORWARDED_CLEAN[case]
    async with http.post(sladd.url + path, json=body, headers=headers) as reply:
        assert reply.status == 200, await reply.text()
    assert_clean(upstream)


@pytest.mark.parametrize("case", sorted(REFUSED))
async def test_refused_naming_where_and_nothing_forwarded(
    http: aiohttp.ClientSession, sladd: Sladd, upstream: FakeUpstream, case: str
) -> None:
    path, headers, raw, where = REFUSED[case]
    headers = headers | {"Content-Type": "application/json"}
    async with http.post(sladd.url + path, data=raw, headers=headers) as reply:
        status, answer = reply.status, await reply.text()
    assert status == 400, answer
    assert '"sladd_' in answer and where in answer, answer
    assert all(canary not in answer for canary in FORBIDDEN), answer
    assert upstream.requests == []


async def test_a_token_look_alike_in_any_item_cannot_reveal_another_request_s_patient(
    http: aiohttp.ClientSession, sladd: Sladd, upstream: FakeUpstream
) -> None:
    """One shared API key, no session header: patient A's values get [PERSON_1] / [FNR_1];
    a second user sends those tokens inside an ``item_reference`` item. The model sees
    neutralised look-alikes, and echoing them gives back the literal text, never A."""
    first = RESPONSES | {"input": CANARY}
    async with http.post(sladd.url + "/v1/responses", json=first, headers=OPENAI) as reply:
        assert reply.status == 200
    assert "[PERSON_1]" in upstream.requests[0].body.decode()
    looks_alike = "[PERSON_1] [FNR_1]"
    second = RESPONSES | {
        "input": [
            {"type": "item_reference", "id": "msg_1", "content": looks_alike},
            {"role": "user", "content": "Gjenta elementet over."},
        ]
    }
    async with http.post(sladd.url + "/v1/responses", json=second, headers=OPENAI) as reply:
        assert reply.status == 200
    seen = upstream.requests[1].at("input", 0, "content")
    assert isinstance(seen, str) and "[PERSON_1]" not in seen and "[FNR_1]" not in seen
    upstream.script(reply=seen)  # the model repeats what it was given
    async with http.post(sladd.url + "/v1/responses", json=second, headers=OPENAI) as reply:
        answer = await reply.text()
    assert looks_alike in answer
    assert all(canary not in answer for canary in FORBIDDEN)
