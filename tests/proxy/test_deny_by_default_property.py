"""Deny by default, as a property: canaries anywhere in a body never reach the upstream.

For each provider, Hypothesis takes a valid request body and puts canary identifiers at random
JSON places — an existing string or number replaced, an unknown key added to any object (with a
string, a number, a nested object or an identifier as its key), an unknown item appended to
any list, a name split over two text parts — and sends it through a real sladd to the real
fake upstream. Each request is either refused by sladd with nothing forwarded, or reaches the
upstream without any canary: not in the body bytes, the path, the query or the headers.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fakes.llm_upstream import FakeUpstream, Recorded
from tests.proxy.conftest import ANTHROPIC_KEY, OPENAI_KEY, Sladd

CANARY_TEXT = "Pasient Ola Hansen, fnr 13097248022, tlf 91234567"
CANARY_NUMBER = 13097248022
SPLIT = ("Pasient Kari", "Nordmann har feber")
"""Found as one name only when the two parts are scanned as one text ("Nordmann har feber"
alone is not)."""
FORBIDDEN = ("Ola Hansen", "Hansen", "Kari", "Nordmann", "13097248022", "91234567")
CANARY_VALUES = st.sampled_from(
    [
        CANARY_TEXT,
        CANARY_NUMBER,
        float(CANARY_NUMBER),
        {"notat": CANARY_TEXT},
        [CANARY_TEXT, {"nr": CANARY_NUMBER}],
    ]
).map(copy.deepcopy)  # later canaries may land inside this one: never share it
OPENAI_HEADERS = {"Authorization": f"Bearer {OPENAI_KEY}"}
ANTHROPIC_HEADERS = {"x-api-key": ANTHROPIC_KEY, "anthropic-version": "2023-06-01"}


@dataclass(frozen=True)
class Endpoint:
    """A provider's path, headers, a valid body, and its text part type (``None``: no parts)."""

    path: str
    headers: dict[str, str]
    body: dict[str, object]
    part_type: str | None


TOOL = {
    "type": "function",
    "function": {
        "name": "lagre",
        "description": "Lagrer et notat",
        "parameters": {"type": "object", "properties": {"notat": {"type": "string"}}},
    },
}
ENDPOINTS = {
    "openai_chat": Endpoint(
        "/v1/chat/completions",
        OPENAI_HEADERS,
        {
            "model": "gpt-x",
            "messages": [
                {"role": "system", "content": "Du er en hjelpsom assistent."},
                {"role": "user", "content": [{"type": "text", "text": "Hei, oppsummer."}]},
            ],
            "tools": [TOOL],
            "metadata": {"avdeling": "kardiologi"},
            "max_tokens": 1200,
        },
        "text",
    ),
    "openai_responses": Endpoint(
        "/v1/responses",
        OPENAI_HEADERS,
        {
            "model": "gpt-x",
            "instructions": "Svar kort.",
            "input": [
                {"role": "user", "content": [{"type": "input_text", "text": "Hei, oppsummer."}]}
            ],
            "text": {"format": {"type": "text"}},
        },
        "input_text",
    ),
    "openai_embeddings": Endpoint(
        "/v1/embeddings", OPENAI_HEADERS, {"model": "emb", "input": ["Hei", "på deg"]}, None
    ),
    "openai_completions": Endpoint(
        "/v1/completions", OPENAI_HEADERS, {"model": "c", "prompt": "Hei", "max_tokens": 5}, None
    ),
    "anthropic_messages": Endpoint(
        "/v1/messages",
        ANTHROPIC_HEADERS,
        {
            "model": "claude-x",
            "max_tokens": 1024,
            "system": [{"type": "text", "text": "Du er en hjelpsom assistent."}],
            "messages": [
                {"role": "user", "content": [{"type": "text", "text": "Hei, oppsummer."}]}
            ],
            "metadata": {"user_id": "bruker-a"},
        },
        "text",
    ),
    "ollama_chat": Endpoint(
        "/ollama/api/chat",
        {},
        {
            "model": "llama",
            "stream": False,
            "messages": [{"role": "user", "content": "Hei, oppsummer."}],
            "options": {"temperature": 0.2, "num_ctx": 4096},
        },
        None,
    ),
    "ollama_generate": Endpoint(
        "/ollama/api/generate",
        {},
        {"model": "llama", "stream": False, "prompt": "Hei", "system": "Svar kort."},
        None,
    ),
}


def places(value: object) -> list[tuple[object, str | int]]:
    """Every (container, key) of ``value``, the body itself first as ``(None, 0)``."""
    found: list[tuple[object, str | int]] = []
    stack: list[object] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found += [(item, key) for key in item]
            stack += list(item.values())
        elif isinstance(item, list):
            found += [(item, index) for index in range(len(item))]
            stack += item
    return found


def containers(value: object) -> list[dict[str, object] | list[object]]:
    """Every object and array in ``value``, ``value`` first."""
    found: list[dict[str, object] | list[object]] = []
    stack: list[object] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict | list):
            found.append(item)
            stack += list(item.values()) if isinstance(item, dict) else item
    return found


@st.composite
def hostile_bodies(draw: st.DrawFn, endpoint: Endpoint) -> dict[str, object]:
    """``endpoint.body`` with one to three canaries put in random places (a split name last,
    so no other canary lands inside its parts)."""
    body = copy.deepcopy(endpoint.body)
    kinds = ["leaf", "key", "item"] + (["split"] if endpoint.part_type else [])
    chosen = draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=3))
    for kind in sorted(chosen, key=lambda k: k == "split"):  # the split parts stay whole
        if kind == "leaf":
            leaves = [(c, k) for c, k in places(body) if isinstance(c[k], str | int | float)]  # type: ignore[index]
            container, key = draw(st.sampled_from(leaves))
            container[key] = draw(CANARY_VALUES)  # type: ignore[index]
        elif kind == "key":
            objects = [c for c in containers(body) if isinstance(c, dict)]
            target = draw(st.sampled_from(objects))
            name = draw(st.sampled_from(["x_ukjent", "13097248022", "notat"]))
            target[name] = draw(CANARY_VALUES)
        elif kind == "item":
            arrays: list[list[object]] = [c for c in containers(body) if isinstance(c, list)]
            if arrays:
                item = {"type": "ukjent_type", "role": "user", "content": CANARY_TEXT}
                draw(st.sampled_from(arrays)).append(
                    draw(st.sampled_from([item, CANARY_TEXT]).map(copy.deepcopy))
                )
        else:
            split_into_parts(body, str(endpoint.part_type))
    return body


def split_into_parts(body: dict[str, object], part_type: str) -> None:
    """The first message's content becomes a name split over two text parts (if earlier
    canaries left a message object there)."""
    messages = body.get("messages", body.get("input"))
    first = messages[0] if isinstance(messages, list) and messages else None
    if isinstance(first, dict):
        first["content"] = [{"type": part_type, "text": text} for text in SPLIT]


def assert_no_canary(recorded: Recorded) -> None:
    """Nothing of the canaries in what the upstream received."""
    where = {
        "body": recorded.body.decode("utf-8", "replace"),
        "path": recorded.path,
        "query": json.dumps(recorded.query, ensure_ascii=False),
        "headers": json.dumps(recorded.headers, ensure_ascii=False),
    }
    for part, text in where.items():
        for canary in FORBIDDEN:
            assert canary not in text, (canary, part)


async def send_and_check(
    http: aiohttp.ClientSession,
    sladd: Sladd,
    upstream: FakeUpstream,
    endpoint: Endpoint,
    body: dict[str, object],
) -> None:
    """Send ``body``; assert it was refused with nothing forwarded, or forwarded clean."""
    before = len(upstream.requests)
    async with http.post(sladd.url + endpoint.path, json=body, headers=endpoint.headers) as reply:
        answer = await reply.read()
        status = reply.status
    forwarded = upstream.requests[before:]
    if not forwarded:  # a refusal: the client's fault, said clearly (not a scrub failure)
        assert 400 <= status < 500 and b'"sladd_' in answer, (status, answer[:200])
    for recorded in forwarded:
        assert_no_canary(recorded)


@pytest.mark.parametrize("name", sorted(ENDPOINTS))
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
async def test_canaries_anywhere_never_reach_the_upstream(
    http: aiohttp.ClientSession,
    sladd: Sladd,
    upstream: FakeUpstream,
    name: str,
    data: st.DataObject,
) -> None:
    """Protection: the deny-by-default walk (every string, number and key scanned, unknown
    fields and item types included, text parts joined) and the shape checks. Fails if any
    place of a body is forwarded unscanned, or a refusal still forwards."""
    endpoint = ENDPOINTS[name]
    body = data.draw(hostile_bodies(endpoint))
    await send_and_check(http, sladd, upstream, endpoint, body)
