"""Waiting for the operator to stop a server (SIGINT or SIGTERM)."""

from __future__ import annotations

import asyncio
import signal


async def until_stopped() -> None:
    """Return when the process receives SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
