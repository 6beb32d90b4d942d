"""``sladd demo``: a scrubbed round trip with a built-in offline echo upstream.

Starts a tiny OpenAI-compatible echo server and sladd on loopback ports, sends one chat
request full of Norwegian identifiers, and prints what the app sent, what the "LLM" received
and what the app got back — once whole, once streamed. No API key, no network.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from typing import TextIO

import aiohttp
from aiohttp import web

from proxy.build import build_scrubber
from proxy.cli.serve import apply_route_overrides
from proxy.http.app import create_app
from proxy.settings import Settings
from proxy.vault.memory import MemoryVault

SAMPLE = (
    "Oppsummer: Pasient Kari Nordmann (fnr 13097210181), Storgata 12B, 0155 Oslo, "
    "tlf 912 34 567, kari.nordmann@example.no. Hb 12,9, INR 2,4. Fastlege: dr. Ola Hansen."
)
ECHO_PREFIX = "Sammendrag: "
LAST_SEEN = web.AppKey("last_seen", list[str])


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
    text = ECHO_PREFIX + str(body["messages"][-1]["content"])
    request.app[LAST_SEEN].append(text.removeprefix(ECHO_PREFIX))
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


async def _round_trip(sladd_url: str, out: TextIO, stream: bool) -> None:
    payload = {"model": "echo", "messages": [{"role": "user", "content": SAMPLE}]}
    headers = {"Authorization": "Bearer demo-key"}
    async with aiohttp.ClientSession() as session:
        url = f"{sladd_url}/v1/chat/completions"
        async with session.post(url, json={**payload, "stream": stream}, headers=headers) as r:
            if not stream:
                answer = (await r.json())["choices"][0]["message"]["content"]
            else:
                answer = ""
                async for line in r.content:
                    data = line.decode().removeprefix("data: ").strip()
                    if data and data != "[DONE]":
                        answer += json.loads(data)["choices"][0]["delta"].get("content") or ""
    out.write(f"  app received ({'streamed' if stream else 'whole'}):\n    {answer}\n")


async def demo(settings: Settings, out: TextIO) -> None:
    """Run the demo; see module docstring."""
    echo_app = web.Application()
    echo_app[LAST_SEEN] = []
    echo_app.router.add_post("/v1/chat/completions", _echo)
    echo_runner, echo_url = await _start(echo_app)
    settings = apply_route_overrides(settings, [f"openai={echo_url}/v1"])
    in_process = dataclasses.replace(settings.detection, workers=0)
    settings = dataclasses.replace(settings, detection=in_process)
    sladd_runner, sladd_url = await _start(
        create_app(settings, build_scrubber(settings, MemoryVault()))
    )
    try:
        out.write(f"sladd demo: sladd at {sladd_url}, offline echo LLM at {echo_url}\n\n")
        out.write(f"  app sent:\n    {SAMPLE}\n")
        await _round_trip(sladd_url, out, stream=False)
        out.write(f"  the LLM saw:\n    {echo_app[LAST_SEEN][-1]}\n")
        await _round_trip(sladd_url, out, stream=True)
        out.write("\nSame person, same token on every turn; the provider never saw the values.\n")
    finally:
        await sladd_runner.cleanup()
        await echo_runner.cleanup()


def run_demo(settings: Settings, out: TextIO) -> None:
    """Blocking entry point for the CLI."""
    asyncio.run(demo(settings, out))
