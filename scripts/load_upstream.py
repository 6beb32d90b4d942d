"""A streaming OpenAI-compatible echo upstream for the load test, on loopback only.

``POST /v1/chat/completions`` with ``"stream": true`` answers with the last user message,
verbatim, as ``chat.completion.chunk`` server-sent events of 1-8 characters each (so pseudonym
tokens arrive split), then ``[DONE]``. Every request body is appended to the record file as
one JSON line ``{"id": <X-Load-Request header>, "body": <body as text>}`` before it is
answered, so the load test can prove no raw value reached the "LLM".

    python scripts/load_upstream.py --record FILE [--port 0]

prints ``load upstream listening on http://127.0.0.1:PORT`` and serves until SIGTERM/SIGINT.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
from pathlib import Path
from typing import TextIO

from aiohttp import web
from fake_upstream import chunk_event, serve

RECORD = web.AppKey("record", TextIO)
MAX_CHUNK_CHARS = 8


def _chunk(delta: dict[str, str], finish: str | None = None) -> bytes:
    return chunk_event(delta, finish, ident="chatcmpl-load", model="load-echo")


def last_user_text(body: object) -> str:
    """The content of the last user message (a string), or ``""``."""
    messages = body.get("messages") if isinstance(body, dict) else None
    for message in reversed(messages if isinstance(messages, list) else []):
        if isinstance(message, dict) and message.get("role") == "user":
            content = message.get("content")
            return content if isinstance(content, str) else ""
    return ""


async def chat_completions(request: web.Request) -> web.StreamResponse:
    """Record, then stream the echo (see module docstring)."""
    raw = await request.text()
    request_id = request.headers.get("X-Load-Request", "")
    request.app[RECORD].write(json.dumps({"id": request_id, "body": raw}) + "\n")
    text = last_user_text(json.loads(raw))
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
    await response.prepare(request)
    await response.write(_chunk({"role": "assistant", "content": ""}))
    rng = random.Random(request_id)  # noqa: S311 - chunk sizes, not security
    start = 0
    while start < len(text):
        size = rng.randint(1, MAX_CHUNK_CHARS)
        await response.write(_chunk({"content": text[start : start + size]}))
        start += size
    await response.write(_chunk({}, "stop") + b"data: [DONE]\n\n")
    return response


def make_app(record: TextIO) -> web.Application:
    """The upstream application, appending to ``record``."""
    app = web.Application(client_max_size=64 * 1024 * 1024)
    app[RECORD] = record
    app.router.add_post("/v1/chat/completions", chat_completions)
    return app


async def serve_recording(port: int, record: Path) -> None:
    """Serve until SIGTERM/SIGINT; the record file is line-buffered and closed at the end."""
    with record.open("a", encoding="utf-8", buffering=1) as sink:
        await serve(make_app(sink), port, "load upstream")


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--record", type=Path, required=True, help="JSON-lines file to append to")
    args = parser.parse_args()
    asyncio.run(serve_recording(args.port, args.record))


if __name__ == "__main__":
    main()
