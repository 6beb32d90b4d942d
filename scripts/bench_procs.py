"""The benchmark's server processes on loopback: the fake upstream and ``sladd serve``.

sladd runs as a subprocess exactly as deployed, with the benchmark's config file::

    python -m proxy.cli serve --config CONFIG --port 0 --route openai=UPSTREAM/v1
        --vault memory:// --data-dir TMP

Its log (stderr) goes to ``TMP/sladd.log``; the line ``sladd listening on URL`` gives the
port. Peak memory is the sum of the ``VmHWM`` (peak resident set) of the sladd process and of
each child process it has when read (a detection pool's workers, multiprocessing's resource
tracker), just before it is stopped. The per-exchange ``latency_ms`` and ``scrub_ms`` come
from sladd's own audit log in the data dir.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPTS = REPO / "scripts"
START_TIMEOUT_S = 300.0
STOP_TIMEOUT_S = 20.0
_LISTENING = re.compile(r"sladd listening on (http://\S+)")


class BenchError(RuntimeError):
    """The benchmark could not run (a server did not start, a request failed ...)."""


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


async def _stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is not None:
        return
    process.terminate()
    try:
        await asyncio.wait_for(process.wait(), STOP_TIMEOUT_S)
    except TimeoutError:
        process.kill()
        await process.wait()


async def _upstream(work: Path) -> tuple[asyncio.subprocess.Process, str]:
    command = [sys.executable, str(SCRIPTS / "bench_upstream.py"), "--port", "0"]
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.PIPE, cwd=work
    )
    assert process.stdout is not None
    try:
        line = await asyncio.wait_for(process.stdout.readline(), 60.0)
    except TimeoutError:
        line = b""
    match = re.search(rb"listening on (http://\S+)", line)
    if match is None:
        await _stop(process)
        raise BenchError("the fake upstream did not start")
    return process, match.group(1).decode()


async def _sladd(config: Path, upstream_url: str, work: Path) -> asyncio.subprocess.Process:
    data_dir, log_path = work / "sladd-data", work / "sladd.log"
    command = [sys.executable, "-m", "proxy.cli", "serve", "--config", str(config)]
    command += ["--port", "0", "--route", f"openai={upstream_url}/v1", "--vault", "memory://"]
    command += ["--data-dir", str(data_dir)]
    with log_path.open("wb") as log:
        return await asyncio.create_subprocess_exec(
            *command, stdout=log, stderr=asyncio.subprocess.STDOUT, cwd=REPO
        )


async def _listening_url(process: asyncio.subprocess.Process, log_path: Path) -> str:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        found = _LISTENING.search(log_path.read_text(encoding="utf-8", errors="replace"))
        if found:
            return found.group(1)
        if process.returncode is not None:
            break
        await asyncio.sleep(0.1)
    tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
    raise BenchError(f"sladd serve did not start (exit {process.returncode}); log tail:\n{tail}")


@asynccontextmanager
async def running_servers(config: Path, work: Path) -> AsyncIterator[Servers]:
    """Start the upstream and sladd (models loaded, port open); stop both on exit."""
    upstream, upstream_url = await _upstream(work)
    try:
        sladd = await _sladd(config, upstream_url, work)
        try:
            sladd_url = await _listening_url(sladd, work / "sladd.log")
            yield Servers(upstream_url, sladd_url, sladd.pid, work / "sladd-data")
        finally:
            await _stop(sladd)
    finally:
        await _stop(upstream)


def _descendants(pid: int) -> list[int]:
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        children += [int(c) for c in task.read_text().split()]
    return [pid] + [d for child in children for d in _descendants(child)]


def peak_rss_by_process(pid: int) -> list[float]:
    """``VmHWM`` in MiB of ``pid`` and then each live descendant (0 if unreadable)."""
    peaks = []
    for process in _descendants(pid):
        try:
            status = Path(f"/proc/{process}/status").read_text()
        except OSError:
            status = ""
        found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
        peaks.append(int(found.group(1)) / 1024 if found else 0.0)
    return peaks


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
