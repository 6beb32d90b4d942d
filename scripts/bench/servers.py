"""The benchmark's server processes on loopback: the fake upstream and ``sladd serve``.

Both are started and stopped by :mod:`procs` (each in its own session; stopping one stops its
children too). sladd runs as a subprocess exactly as deployed, with the benchmark's config
file::

    python -m proxy.cli.main serve --config CONFIG --port 0 --route openai=UPSTREAM/v1
        --vault memory:// --data-dir TMP

Its log goes to ``TMP/sladd.log`` (the upstream's to ``TMP/upstream.log``); the line
``sladd listening on URL`` gives the port. Peak memory is the sum of the ``VmHWM`` (peak
resident set) of the sladd process and of each descendant process it has when read (a
detection pool's workers, multiprocessing's resource tracker), just before it is stopped.
The per-exchange ``latency_ms`` and ``scrub_ms`` come from sladd's own audit log in the data
dir.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from scripts.procs import (
    ServerError,
    descendants,
    sladd_serve_args,
    start,
    status_kb,
    stop,
)


class BenchError(ServerError):
    """The benchmark could not run (a request failed, no samples ...)."""


@dataclass(frozen=True, slots=True)
class Servers:
    """Where the two servers listen, and what the benchmark reads from sladd afterwards."""

    upstream_url: str
    sladd_url: str
    sladd_pid: int
    data_dir: Path


@dataclass(frozen=True, slots=True)
class ServerTimes:
    """One exchange as sladd's audit log recorded it."""

    latency_ms: float
    scrub_ms: float | None


@asynccontextmanager
async def running_servers(config: Path, work: Path) -> AsyncIterator[Servers]:
    """Start the upstream and sladd (models loaded, port open); stop both on exit."""
    upstream_args = ["-m", "tests.fakes.serve", "--preset", "bench"]
    upstream = await start("the fake upstream", upstream_args, work / "upstream.log")
    try:
        data_dir = work / "sladd-data"
        serve = sladd_serve_args(config, upstream.url, data_dir)
        sladd = await start("sladd serve", serve, work / "sladd.log")
        try:
            yield Servers(upstream.url, sladd.url, sladd.process.pid, data_dir)
        finally:
            await stop(sladd.process)
    finally:
        await stop(upstream.process)


def peak_rss_by_process(pid: int) -> list[float]:
    """``VmHWM`` in MiB of ``pid`` and then each live descendant (0 if unreadable)."""
    return [status_kb(process, "VmHWM") / 1024 for process in descendants(pid)]


def audit_times(data_dir: Path) -> dict[str, ServerTimes]:
    """``request_id`` -> the times sladd recorded (empty if its audit log is off)."""
    times: dict[str, ServerTimes] = {}
    for path in sorted((data_dir / "audit").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else {}
            if "request_id" in record and "latency_ms" in record:
                scrub = record.get("scrub_ms")
                scrub_ms = None if scrub is None else float(scrub)
                times[str(record["request_id"])] = ServerTimes(
                    float(record["latency_ms"]), scrub_ms
                )
    return times
