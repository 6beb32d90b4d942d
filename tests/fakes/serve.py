"""The fake upstream as a process, for the benchmark and the load test (the same fake the tests
use, so the scripts and the tests agree on every wire format)::

    python -m tests.fakes.serve [--port 0] [--preset echo|bench] [--record FILE]

prints ``fake upstream listening on http://127.0.0.1:PORT`` once it accepts connections and
serves until SIGTERM/SIGINT. Presets (:data:`PRESETS`): ``echo`` answers with the last user
turn, streamed in 3-character chunks so pseudonym tokens arrive split (the load test checks
every answer against what it sent); ``bench`` answers at once with ``Sammendrag: `` and the
first 300 characters of the last turn, streamed in 6-character chunks, as a model's summary
would hold tokens to restore. ``--record FILE`` appends one JSON line per request before it is
answered: ``{"id": <the X-Load-Request header>, "body": <the body as text>}``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from tests.fakes.llm_upstream import FakeUpstream, Recorded
from tests.fakes.script import Script

BENCH_PREFIX = "Sammendrag: "
BENCH_ECHO_CHARS = 300


def bench_reply(echo: str) -> str:
    """What the ``bench`` preset answers to a last turn ``echo``."""
    return BENCH_PREFIX + echo[:BENCH_ECHO_CHARS]


PRESETS: dict[str, Script] = {
    "echo": Script(),
    "bench": Script(compute=bench_reply, chunk_size=6),
}


def recorder(sink: TextIO) -> Callable[[Recorded], None]:
    """Append each request to ``sink`` as one JSON line (see the module docstring)."""

    def record(request: Recorded) -> None:
        line = {"id": request.headers.get("x-load-request", ""), "body": request.body.decode()}
        sink.write(json.dumps(line) + "\n")

    return record


async def serve(port: int, preset: str, record: Path | None) -> None:
    """Serve ``preset`` on 127.0.0.1:``port`` until SIGTERM/SIGINT."""
    sink = record.open("a", encoding="utf-8", buffering=1) if record else None
    upstream = FakeUpstream(
        PRESETS[preset],
        port=port,
        on_request=recorder(sink) if sink else None,
        keep_requests=False,
    )
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopped.set)
    try:
        async with upstream:
            print(f"fake upstream listening on {upstream.base_url}", flush=True)
            await stopped.wait()
    finally:
        if sink is not None:
            sink.close()


def main() -> None:
    """Command-line entry point; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--preset", choices=sorted(PRESETS), default="echo")
    parser.add_argument("--record", type=Path, help="JSON-lines file to append requests to")
    args = parser.parse_args()
    asyncio.run(serve(args.port, args.preset, args.record))


if __name__ == "__main__":
    main()
