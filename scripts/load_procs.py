"""The load test's server processes (echo upstream, ``sladd serve``) and sladd's memory.

Both run as subprocesses on 127.0.0.1 with port 0, each in its own session so that stopping
one stops its children too; each logs to a file in the run's temporary folder, and the line
``... listening on http://HOST:PORT`` gives its address. Memory is read from
``/proc/PID/status``: ``VmRSS`` (resident now) and ``VmHWM`` (peak resident) of sladd itself
and of its child processes (the detection workers).
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 300.0
STOP_TIMEOUT_S = 20.0
_LISTENING = re.compile(rb"listening on (http://127\.0\.0\.1:\d+)")


class LoadError(RuntimeError):
    """The load test could not run (a server did not start ...)."""


@dataclass
class Server:
    """A started subprocess and where it listens."""

    process: asyncio.subprocess.Process
    url: str
    log: Path


async def start(name: str, args: list[str], log: Path) -> Server:
    """Start ``python ARGS`` and wait for its ``listening on`` line (or fail)."""
    with log.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable, *args, cwd=REPO, stdout=sink, stderr=sink, start_new_session=True
        )
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        found = _LISTENING.search(log.read_bytes())
        if found:
            return Server(process, found[1].decode(), log)
        if process.returncode is not None:
            break
        await asyncio.sleep(0.2)
    await stop(process)
    tail = log.read_text(errors="replace")[-2000:]
    raise LoadError(f"{name} did not start (see {log}):\n{tail}")


async def stop(process: asyncio.subprocess.Process) -> None:
    """SIGTERM, then SIGKILL to the process group if it does not exit in time."""
    if process.returncode is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(process.wait(), STOP_TIMEOUT_S)
    except TimeoutError:
        os.killpg(process.pid, signal.SIGKILL)
        await process.wait()


def status_kb(pid: int, key: str) -> int:
    """A ``kB`` field (``VmRSS``, ``VmHWM``) of ``/proc/PID/status``; 0 if the process is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(rf"^{key}:\s+(\d+) kB", text, re.MULTILINE)
    return int(found[1]) if found else 0


def children(pid: int) -> list[int]:
    """Direct child processes of ``pid``."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


@dataclass
class Memory:
    """Peaks of sladd's resident memory, sampled while the load runs (in kB)."""

    pid: int
    idle_kb: int = 0
    idle_with_workers_kb: int = 0
    peak_kb: int = 0
    peak_with_workers_kb: int = 0
    last_kb: int = 0
    last_with_workers_kb: int = 0
    samples: int = 0
    hwm_kb: int = 0
    workers_hwm_kb: list[int] = field(default_factory=list)

    def sample(self) -> None:
        """One reading of sladd and its workers."""
        own = status_kb(self.pid, "VmRSS")
        workers = sum(status_kb(child, "VmRSS") for child in children(self.pid))
        self.last_kb, self.last_with_workers_kb = own, own + workers
        self.peak_kb = max(self.peak_kb, own)
        self.peak_with_workers_kb = max(self.peak_with_workers_kb, own + workers)
        self.samples += 1

    def finish(self) -> None:
        """Read the kernel's own peaks (``VmHWM``) before sladd stops."""
        self.sample()
        self.hwm_kb = status_kb(self.pid, "VmHWM")
        self.workers_hwm_kb = [status_kb(child, "VmHWM") for child in children(self.pid)]

    async def watch(self, every: float, until: asyncio.Event) -> None:
        """Sample every ``every`` seconds until ``until`` is set."""
        while not until.is_set():
            self.sample()
            try:
                await asyncio.wait_for(until.wait(), every)
            except TimeoutError:
                continue
