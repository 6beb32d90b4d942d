"""The HTTP measurements: the same requests straight to the fake upstream and through sladd.

Every sladd request is paired with the identical request sent directly; *added latency* is
(through sladd) - (direct) per pair, from sending the request to having read the whole answer.
At concurrency ``c`` a round sends ``c`` direct requests at once, then the same ``c`` through
sladd at once, and pairs them up. Single requests are new conversations (distinct message,
own ``X-Sladd-Session``), as an app serving many patients with one API key sends them.

A *conversation* resends the whole history every turn, plus a new ~2 KB user message and the
previous answer as the client received it (restored), under its own credential and session.
*TTFB* is the time from sending a streamed request to its first body byte.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import aiohttp

from scripts.bench.corpus import Doc, chat_body, encode, user_message
from scripts.bench.servers import BenchError, Servers

CHAT_PATH = "/v1/chat/completions"


@dataclass(frozen=True, slots=True)
class Answer:
    """One timed exchange."""

    seconds: float
    request_id: str | None
    body: bytes


@dataclass(frozen=True, slots=True)
class Pair:
    """The same request straight to the upstream and through sladd."""

    direct: Answer
    sladd: Answer
    sent_bytes: int

    @property
    def added_ms(self) -> float:
        """Latency sladd added to this request, in milliseconds."""
        return (self.sladd.seconds - self.direct.seconds) * 1000


class Messages:
    """Distinct ~2 KB user messages, in a fixed order (never the same one twice)."""

    def __init__(self, docs: Sequence[Doc]) -> None:
        if not docs:
            raise BenchError("the corpus is empty")
        self._docs = docs
        self._next = 0

    def take(self) -> str:
        """The next message."""
        self._next += 1
        return user_message(self._docs, self._next - 1)


def headers_for(credential: str, session: str) -> dict[str, str]:
    """Request headers: an API key and a per-conversation sladd session."""
    return {
        "Authorization": f"Bearer {credential}",
        "X-Sladd-Session": session,
        "Content-Type": "application/json",
    }


def new_headers() -> dict[str, str]:
    """Headers of a new conversation under the shared benchmark API key."""
    return headers_for("sk-bench", uuid.uuid4().hex)


async def post(
    http: aiohttp.ClientSession, url: str, body: bytes, headers: dict[str, str]
) -> Answer:
    """Send one chat request and read the whole answer; a non-200 answer is an error."""
    started = time.perf_counter()
    async with http.post(url + CHAT_PATH, data=body, headers=headers) as response:
        raw = await response.read()
        seconds = time.perf_counter() - started
        if response.status != 200:
            raise BenchError(f"{url}: HTTP {response.status}: {raw[:300]!r}")
        return Answer(seconds, response.headers.get("X-Sladd-Request-Id"), raw)


async def latency(
    http: aiohttp.ClientSession, servers: Servers, bodies: Sequence[bytes], concurrency: int
) -> list[Pair]:
    """Rounds of ``concurrency`` simultaneous requests, direct then through sladd."""
    pairs: list[Pair] = []
    for first in range(0, len(bodies), concurrency):
        batch = bodies[first : first + concurrency]
        heads = [new_headers() for _ in batch]
        direct = await asyncio.gather(
            *(post(http, servers.upstream_url, b, h) for b, h in zip(batch, heads, strict=True))
        )
        via = await asyncio.gather(
            *(post(http, servers.sladd_url, b, h) for b, h in zip(batch, heads, strict=True))
        )
        pairs += [Pair(d, s, len(b)) for d, s, b in zip(direct, via, batch, strict=True)]
    return pairs


def single_bodies(messages: Messages, count: int) -> list[bytes]:
    """``count`` one-message chat requests of about 2 KB each."""
    return [encode(chat_body(messages.take())) for _ in range(count)]


def answer_text(raw: bytes) -> str:
    """The assistant's text in a chat completion."""
    return str(json.loads(raw)["choices"][0]["message"]["content"])


async def conversation(
    http: aiohttp.ClientSession, servers: Servers, messages: Messages, turns: int
) -> list[Pair]:
    """One conversation of ``turns`` turns, each resending the whole history."""
    headers = headers_for(f"sk-bench-{uuid.uuid4().hex}", uuid.uuid4().hex)
    history: list[dict[str, str]] = []
    pairs = []
    for _ in range(turns):
        user = messages.take()
        body = encode(chat_body(user, history))
        direct = await post(http, servers.upstream_url, body, headers)
        via = await post(http, servers.sladd_url, body, headers)
        pairs.append(Pair(direct, via, len(body)))
        history += [
            {"role": "user", "content": user},
            {"role": "assistant", "content": answer_text(via.body)},
        ]
    return pairs


async def first_byte(http: aiohttp.ClientSession, url: str, body: bytes) -> float:
    """Seconds from sending a streamed request to its first body byte; reads the rest."""
    started = time.perf_counter()
    async with http.post(url + CHAT_PATH, data=body, headers=new_headers()) as response:
        first = await response.content.readany()
        seconds = time.perf_counter() - started
        rest = await response.read()
        if response.status != 200 or not first:
            raise BenchError(f"{url}: streamed HTTP {response.status}: {(first + rest)[:300]!r}")
    return seconds


async def ttfb_added(
    http: aiohttp.ClientSession, servers: Servers, messages: Messages, count: int
) -> list[float]:
    """Per streamed request: TTFB through sladd minus TTFB direct, in milliseconds."""
    added = []
    for _ in range(count):
        body = encode({**chat_body(messages.take()), "stream": True})
        direct = await first_byte(http, servers.upstream_url, body)
        via = await first_byte(http, servers.sladd_url, body)
        added.append((via - direct) * 1000)
    return added


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0..100), linear between closest ranks."""
    if not values:
        raise BenchError("no samples")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)
