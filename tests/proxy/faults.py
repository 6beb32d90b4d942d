"""Shared pieces of the fault tests: sladd served as ``sladd serve`` serves it, and polling."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from aiohttp import web

from proxy.detection.cache import DetectsMany
from proxy.http.app import create_app
from proxy.settings import Settings
from tests.proxy.conftest import scrubber_for
from tests.proxy.patient import PROMPT

TOKEN_PIECE = re.compile(r"\[[A-Za-z_]*\d*\]?")
CHAT_PATH = "/v1/chat/completions"


@asynccontextmanager
async def serving(
    settings: Settings, detector: DetectsMany, *, cancel_on_disconnect: bool = False
) -> AsyncIterator[str]:
    """sladd on 127.0.0.1:0 as ``serve.py`` runs it; yields its base URL."""
    scrubber = scrubber_for(settings, detector)
    app = create_app(settings, scrubber)
    runner = web.AppRunner(app, access_log=None, handler_cancellation=cancel_on_disconnect)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


async def eventually(condition: Callable[[], bool], seconds: float) -> bool:
    """Whether ``condition`` holds within ``seconds`` (polled)."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return True
        await asyncio.sleep(0.02)
    return condition()


def chat(stream: bool) -> dict[str, object]:
    return {"model": "m", "stream": stream, "messages": [{"role": "user", "content": PROMPT}]}


def sse_contents(raw: bytes) -> tuple[str, list[dict[str, object]]]:
    """The streamed ``delta.content`` text and every decoded ``data:`` payload."""
    payloads = [
        json.loads(line.removeprefix("data: "))
        for line in raw.decode().split("\n")
        if line.startswith("data: {")
    ]
    text = "".join(c["delta"].get("content") or "" for p in payloads for c in p.get("choices", []))
    return text, payloads
