"""``sladd demo``: a two-turn conversation through sladd with a built-in offline echo "LLM".

Starts a tiny OpenAI-compatible echo server (it answers ``Ekko: `` plus the newest message)
and sladd on loopback ports, then has a short chat: turn 1 sends a message full of Norwegian
identifiers (answer whole), turn 2 resends the conversation, as chat apps do, with a new
question about the same patient (answer streamed). For each turn it prints, in order, what
the app sent, what the LLM saw, what the LLM answered and what the app received; the last
line names the tokens the second turn shares with the first. No API key, no network.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from dataclasses import dataclass, field
from typing import TextIO

import aiohttp
from aiohttp import web

from proxy.build import build_scrubber
from proxy.cli.serve import apply_route_overrides
from proxy.http.app import create_app
from proxy.scrub.tokens import TokenFormat
from proxy.settings import Settings
from proxy.vault.memory import MemoryVault

TURNS = (
    "Oppsummer: Pasient Kari Nordmann (fnr 13097210181), Storgata 12B, 0155 Oslo, "
    "tlf 912 34 567, kari.nordmann@example.no. Hb 12,9, INR 2,4. Fastlege: dr. Ola Hansen.",
    "Skriv et kort brev til Kari Nordmann om ny kontroll hos dr. Ola Hansen.",
)
"""The user's message of each turn; the second refers to the patient of the first."""
ECHO_PREFIX = "Ekko: "
SHORT = 64
"""Resent history is shown cut to this many characters (the newest message is shown whole)."""

Message = tuple[str, str]  # (role, content)


@dataclass
class EchoLog:
    """What the echo LLM saw (every message of each request) and answered, per request."""

    seen: list[list[Message]] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)


ECHO_LOG = web.AppKey("echo_log", EchoLog)


def _chunk(text: str, finish: str | None) -> bytes:
    chunk = {
        "id": "chatcmpl-demo",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "echo",
        "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": finish}],
    }
    return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode()


async def _echo(request: web.Request) -> web.StreamResponse:
    body = await request.json()
    messages = [(str(m["role"]), str(m["content"])) for m in body["messages"]]
    text = ECHO_PREFIX + messages[-1][1]
    request.app[ECHO_LOG].seen.append(messages)
    request.app[ECHO_LOG].answered.append(text)
    if not body.get("stream"):
        message = {"role": "assistant", "content": text}
        return web.json_response(
            {
                "id": "chatcmpl-demo",
                "object": "chat.completion",
                "created": 0,
                "model": "echo",
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            }
        )
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
    await response.prepare(request)
    for start in range(0, len(text), 4):
        await response.write(_chunk(text[start : start + 4], None))
    await response.write(_chunk("", "stop") + b"data: [DONE]\n\n")
    return response


async def _start(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return runner, f"http://{host}:{port}"


async def _ask(sladd_url: str, history: list[Message], stream: bool) -> str:
    """Send the conversation as the app would; the answer's text as the app receives it."""
    messages = [{"role": role, "content": content} for role, content in history]
    payload = {"model": "echo", "messages": messages, "stream": stream}
    headers = {"Authorization": "Bearer demo-key"}  # one key: one scope for the whole chat
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{sladd_url}/v1/chat/completions", json=payload, headers=headers) as r,
    ):
        if not stream:
            return str((await r.json())["choices"][0]["message"]["content"])
        answer = ""
        async for line in r.content:
            data = line.decode().removeprefix("data: ").strip()
            if data and data != "[DONE]":
                answer += json.loads(data)["choices"][0]["delta"].get("content") or ""
        return answer


def _conversation(messages: list[Message]) -> str:
    """One line per message, ``role: content``; all but the newest cut to :data:`SHORT`."""
    lines = []
    for number, (role, content) in enumerate(messages, 1):
        shown = content
        if number < len(messages) and len(content) > SHORT:
            shown = content[:SHORT].rsplit(" ", 1)[0] + " …"  # whole words, whole tokens
        lines.append(f"     {role + ':':<11}{shown}\n")
    return "".join(lines)


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn as the app saw it: the conversation it sent and the answer it received."""

    number: int
    stream: bool
    sent: list[Message]
    received: str


def _write_turn(out: TextIO, turn: Turn, log: EchoLog) -> None:
    """The four steps of one turn, in the order the request and its answer travel."""
    how = "streamed" if turn.stream else "whole"
    resent = "; the app resends the conversation, as chat apps do" if turn.number > 1 else ""
    out.write(f"Turn {turn.number} (answer {how}{resent})\n")
    out.write(f"  1. the app sent:\n{_conversation(turn.sent)}")
    out.write(f"  2. the LLM saw:\n{_conversation(log.seen[-1])}")
    out.write(f"  3. the LLM answered:\n     {log.answered[-1]}\n")
    out.write(f"  4. the app received:\n     {turn.received}\n\n")


def _shared_tokens(log: EchoLog, tokens: TokenFormat) -> list[str]:
    """Tokens the LLM saw in the first turn's message and again in the last turn's."""
    first = {m.group(0) for m in tokens.pattern.finditer(log.seen[0][-1][1])}
    last = [m.group(0) for m in tokens.pattern.finditer(log.seen[-1][-1][1])]
    return sorted(set(last) & first, key=last.index)


async def demo(settings: Settings, out: TextIO) -> None:
    """Run the demo; see module docstring."""
    echo_app = web.Application()
    echo_app[ECHO_LOG] = log = EchoLog()
    echo_app.router.add_post("/v1/chat/completions", _echo)
    echo_runner, echo_url = await _start(echo_app)
    settings = apply_route_overrides(settings, [f"openai={echo_url}/v1"])
    in_process = dataclasses.replace(settings.detection, workers=0)
    settings = dataclasses.replace(settings, detection=in_process)
    sladd_runner, sladd_url = await _start(
        create_app(settings, build_scrubber(settings, MemoryVault()))
    )
    try:
        out.write(f"sladd demo: sladd at {sladd_url}, offline echo LLM at {echo_url}\n")
        out.write(f"(the echo LLM answers {ECHO_PREFIX.strip()!r} plus the newest message)\n\n")
        history: list[Message] = []
        for number, (question, stream) in enumerate(zip(TURNS, (False, True), strict=True), 1):
            history.append(("user", question))
            received = await _ask(sladd_url, history, stream)
            _write_turn(out, Turn(number, stream, list(history), received), log)
            history.append(("assistant", received))
        shared = _shared_tokens(log, TokenFormat(settings.pseudonyms.token_format))
        out.write(
            f"Turn 2 used turn 1's {', '.join(shared) or '(no tokens: detection failed)'}: "
            "same person, same token on every turn; the provider never saw the values.\n"
        )
    finally:
        await sladd_runner.cleanup()
        await echo_runner.cleanup()


def run_demo(settings: Settings, out: TextIO) -> None:
    """Blocking entry point for the CLI."""
    asyncio.run(demo(settings, out))
