"""A fake OpenAI chat-completions upstream for the benchmark: answers at once, never waits.

The answer is ``REPLY_PREFIX`` plus the first ``ECHO_CHARS`` characters of the last message,
so answers through sladd contain tokens to restore, as a real model's would. With
``"stream": true`` it sends a role chunk and then the text in ``CHUNK_CHARS``-character
chunks as server-sent events, each written as soon as it is ready.

    python scripts/bench_upstream.py [--port 0]

prints ``bench upstream listening on http://127.0.0.1:PORT`` once it accepts connections and
serves until SIGTERM/SIGINT.
"""

from __future__ import annotations

import argparse
import asyncio

from aiohttp import web
from fake_upstream import chunk_event, envelope, serve

REPLY_PREFIX = "Sammendrag: "
ECHO_CHARS = 300
CHUNK_CHARS = 6
IDENT, MODEL = "chatcmpl-bench", "bench-llm"


def _event(delta: dict[str, str], finish: str | None = None) -> bytes:
    return chunk_event(delta, finish, ident=IDENT, model=MODEL)


def reply_text(body: dict[str, object]) -> str:
    """What the fake model answers to a chat request ``body``."""
    messages = body.get("messages")
    last = messages[-1].get("content", "") if isinstance(messages, list) and messages else ""
    return REPLY_PREFIX + str(last)[:ECHO_CHARS]


async def chat_completions(request: web.Request) -> web.StreamResponse:
    """``POST /v1/chat/completions``, whole or streamed (see module docstring)."""
    body = await request.json()
    text = reply_text(body)
    if not body.get("stream"):
        message = {"role": "assistant", "content": text}
        choice = {"index": 0, "message": message, "finish_reason": "stop"}
        return web.json_response(envelope("chat.completion", choice, ident=IDENT, model=MODEL))
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
    await response.prepare(request)
    await response.write(_event({"role": "assistant", "content": ""}))
    for start in range(0, len(text), CHUNK_CHARS):
        await response.write(_event({"content": text[start : start + CHUNK_CHARS]}))
    await response.write(_event({}, "stop") + b"data: [DONE]\n\n")
    await response.write_eof()
    return response


def make_app() -> web.Application:
    """The upstream application."""
    app = web.Application(client_max_size=64 * 1024 * 1024)  # bench_fair.py sends 2 MB
    app.router.add_post("/v1/chat/completions", chat_completions)
    return app


def main() -> None:
    """Command-line entry point; see module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0)
    asyncio.run(serve(make_app(), parser.parse_args().port, "bench upstream"))


if __name__ == "__main__":
    main()
