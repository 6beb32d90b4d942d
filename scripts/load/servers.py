"""The load test's memory readings of sladd, and its error.

The servers (echo upstream, ``sladd serve``) run as subprocesses on 127.0.0.1 with port 0,
started and stopped by :mod:`procs`: each in its own session so that stopping one stops its
children too; each logs to a file in the run's temporary folder. Memory is read from
``/proc/PID/status``: ``VmRSS`` (resident now) and ``VmHWM`` (peak resident) of sladd itself
and of its child processes (the detection workers).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from scripts.procs import ServerError, children, status_kb


class LoadError(ServerError):
    """The load test could not run (the warm-up request failed ...)."""


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
