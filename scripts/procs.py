"""Server subprocesses for the benchmark and the load test, and reading their memory.

:func:`start` runs ``python ARGS`` in its own session (so it leads a new process group that
its children, e.g. sladd's detection workers, join), logs stdout and stderr to a file and
waits for the line ``... listening on http://HOST:PORT``. :func:`stop` sends SIGTERM to the
server, SIGKILL to its whole process group if it does not exit in time, and then SIGKILL to
whatever is still left in the group, so no worker outlives a run. :func:`sladd_serve_args` is
``sladd serve`` as deployed, routed to a fake upstream. Memory is read from
``/proc/PID/status`` (``VmRSS``: resident now, ``VmHWM``: peak resident).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 300.0
STOP_TIMEOUT_S = 20.0
_LISTENING = re.compile(rb"listening on (http://\S+)\s")


class ServerError(RuntimeError):
    """A server process did not start."""


@dataclass
class Server:
    """A started subprocess and where it listens."""

    process: asyncio.subprocess.Process
    url: str
    log: Path


async def start(name: str, args: list[str], log: Path) -> Server:
    """Start ``python ARGS`` in a new session and wait for its ``listening on`` line (or fail)."""
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
        await asyncio.sleep(0.1)
    await stop(process)
    tail = log.read_text(errors="replace")[-2000:]
    raise ServerError(f"{name} did not start (exit {process.returncode}, see {log}):\n{tail}")


def _kill_group(process: asyncio.subprocess.Process) -> None:
    # The server leads its own process group (start_new_session), whose id is its pid.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


async def stop(process: asyncio.subprocess.Process) -> None:
    """SIGTERM; SIGKILL to the process group if it does not exit in time; then SIGKILL to
    anything left in the group (children the server did not stop)."""
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), STOP_TIMEOUT_S)
        except TimeoutError:
            _kill_group(process)
            await process.wait()
    _kill_group(process)


def sladd_serve_args(config: Path, upstream_url: str, data_dir: Path) -> list[str]:
    """``sladd serve`` as deployed (for :func:`start`), on a free loopback port, routed to the
    fake upstream at ``upstream_url``, with an in-memory vault."""
    serve = ["-m", "proxy.cli.main", "serve", "--config", str(config), "--port", "0"]
    serve += ["--route", f"openai={upstream_url}/v1", "--vault", "memory://"]
    return [*serve, "--data-dir", str(data_dir)]


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


def descendants(pid: int) -> list[int]:
    """``pid`` and then every live descendant (depth first)."""
    return [pid] + [d for child in children(pid) for d in descendants(child)]
