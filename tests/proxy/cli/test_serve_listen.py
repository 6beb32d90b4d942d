"""``sladd serve`` on a port it cannot have, and what it says while it starts."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith("SLADD_")}


def _in_use(port: int) -> str:
    return f"sladd: port {port} on 127.0.0.1 is already in use; "


@contextlib.contextmanager
def _reserved_port() -> Iterator[socket.socket]:
    """A loopback port bound (as asyncio binds, ``SO_REUSEADDR``) but not yet listening:
    a bind with ``SO_REUSEADDR`` still succeeds until :meth:`socket.socket.listen`."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as reserved:
        reserved.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        reserved.bind(("127.0.0.1", 0))
        yield reserved


def test_a_busy_port_is_one_line_and_exit_2_before_anything_loads(tmp_path: Path) -> None:
    with _reserved_port() as busy:
        busy.listen()
        port = busy.getsockname()[1]
        command = [sys.executable, "-m", "proxy.cli.main", "serve", "--port", str(port)]
        result = subprocess.run(
            [*command, "--data-dir", str(tmp_path / "data")],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=CLEAN_ENV,
            timeout=90,
            check=False,
        )
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(_in_use(port))
    assert "--port" in lines[0]
    assert not (tmp_path / "data").exists()  # checked before the vault and the models


@pytest.mark.timeout(180)
async def test_a_port_taken_while_loading_is_one_line_too(tmp_path: Path) -> None:
    """The port is free at the first check and taken while the models load: the same one
    line at the end, no traceback, and the app's upstream client session closed."""
    with _reserved_port() as reserved:
        port = reserved.getsockname()[1]
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "proxy.cli.main",
            "serve",
            "--port",
            str(port),
            "--data-dir",
            str(tmp_path),
            cwd=REPO,
            env=CLEAN_ENV,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        assert process.stderr is not None
        try:
            log = await _read_until(process.stderr, b"loading detection")
            reserved.listen()
            _, rest = await asyncio.wait_for(process.communicate(), timeout=150)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    text = (log + rest).decode()
    assert process.returncode == 2, text
    assert text.splitlines()[-1].startswith(_in_use(port)), text
    assert "Traceback" not in text
    assert "Unclosed" not in text
    assert f"data dir: {tmp_path} " in text  # said before anything else loads
    assert text.index("data dir:") < text.index("loading detection")
    assert "worker processes" in text or "in this process" in text
    assert "detection ready in" in text


async def _read_until(stream: asyncio.StreamReader, marker: bytes) -> bytes:
    log = b""
    while marker not in log:
        line = await asyncio.wait_for(stream.readline(), timeout=90)
        if not line:
            raise AssertionError(f"sladd serve exited early:\n{log.decode()}")
        log += line
    return log
