"""Keyless clients (no credential, no ``X-Sladd-Session``) never share a scope.

Otherwise one keyless client could send ``[PERSON_1]`` — or get a model to say it — and have
sladd restore another keyless client's patient into its answer.
"""

from __future__ import annotations

import json

import aiohttp

from proxy.http.scope import scope_for
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import Sladd

NAME = "Kari Nordmann"


async def _ollama_chat(
    http: aiohttp.ClientSession, sladd: Sladd, text: str, headers: dict[str, str] | None = None
) -> str:
    body = {"model": "llama", "messages": [{"role": "user", "content": text}], "stream": False}
    async with http.post(f"{sladd.url}/ollama/api/chat", json=body, headers=headers) as reply:
        assert reply.status == 200
        return str((await reply.json())["message"]["content"])


def test_keyless_requests_get_a_scope_each() -> None:
    assert scope_for({}) != scope_for({})
    assert scope_for({"authorization": "Bearer "}) != scope_for({"authorization": "Bearer "})
    assert scope_for({"authorization": "Bearer k"}) == scope_for({"authorization": "Bearer k"})
    assert scope_for({"x-sladd-session": "s"}) == scope_for({"x-sladd-session": "s"})
    assert scope_for({"x-sladd-session": "s"}) != scope_for({"x-sladd-session": "t"})


async def test_one_keyless_client_never_gets_anothers_values(
    sladd: Sladd, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    assert (
        await _ollama_chat(http, sladd, f"Pasient {NAME} har feber") == f"Pasient {NAME} har feber"
    )
    assert "[PERSON_1]" in json.dumps(upstream.last.json)
    # Client B echoes the token it guessed, then a model "says" it: neither restores A's value.
    assert await _ollama_chat(http, sladd, "Hvem er [PERSON_1]?") == "Hvem er [PERSON_1]?"
    upstream.script(reply="Svar om [PERSON_1]")
    assert await _ollama_chat(http, sladd, "hei") == "Svar om [PERSON_1]"
    assert NAME not in await _ollama_chat(http, sladd, "Hvem er [PERSON_1]?")


async def test_a_keyless_session_keeps_its_tokens_across_turns(
    sladd: Sladd, upstream: FakeUpstream, http: aiohttp.ClientSession
) -> None:
    session = {"X-Sladd-Session": "conversation-6f1c2a"}
    await _ollama_chat(http, sladd, f"Pasient {NAME} har feber", session)
    upstream.script(reply="Svar om [PERSON_1]")
    assert await _ollama_chat(http, sladd, "hei", session) == f"Svar om {NAME}"
    assert await _ollama_chat(http, sladd, "hei") == "Svar om [PERSON_1]"  # not for others
