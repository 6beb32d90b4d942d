"""What the fake OpenAI upstreams of the benchmark and the load test share.

``bench_upstream.py`` (answers at once, whole or streamed) and ``load_upstream.py`` (streams
an echo, records every request) build their own handlers from these: the chat-completion
envelope, one ``chat.completion.chunk`` server-sent event, and serving an application on
127.0.0.1 until SIGTERM/SIGINT with the ``NAME listening on http://127.0.0.1:PORT`` line that
:func:`procs.start` waits for.
"""

from __future__ import annotations

import json

from aiohttp import web

from proxy.cli.signals import until_stopped


def envelope(kind: str, choice: dict[str, object], *, ident: str, model: str) -> dict[str, object]:
    """An OpenAI chat-completion object (``kind``) with one choice."""
    return {"id": ident, "object": kind, "created": 0, "model": model, "choices": [choice]}


def chunk_event(
    delta: dict[str, str], finish: str | None = None, *, ident: str, model: str
) -> bytes:
    """One ``chat.completion.chunk`` as a server-sent event (``data: ...`` and a blank line)."""
    choice = {"index": 0, "delta": delta, "finish_reason": finish}
    chunk = envelope("chat.completion.chunk", choice, ident=ident, model=model)
    return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode()


async def serve(app: web.Application, port: int, name: str) -> None:
    """Listen on 127.0.0.1:``port`` (0: any free port) until SIGTERM/SIGINT; prints
    ``NAME listening on http://127.0.0.1:PORT`` once it accepts connections."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    host, bound = runner.addresses[0][:2]
    print(f"{name} listening on http://{host}:{bound}", flush=True)
    try:
        await until_stopped()
    finally:
        await runner.cleanup()
