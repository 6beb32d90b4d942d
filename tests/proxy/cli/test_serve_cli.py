"""``sladd serve`` as a real process (the CLI contract; ``sladd demo``: test_demo_cli)."""

from __future__ import annotations

import asyncio
import contextlib
import re
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import openai
import pytest

from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.patient import PROMPT, assert_nothing_identifying_reached

REPO = Path(__file__).resolve().parents[3]
LISTENING = re.compile(rb"sladd listening on (http://\S+)")


@contextlib.asynccontextmanager
async def _sladd(*args: str) -> AsyncIterator[asyncio.subprocess.Process]:
    """``python -m proxy.cli.main *args``; killed on exit if still running (a timeout, a
    failure)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "proxy.cli.main",
        *args,
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()


async def _wait_for_url(process: asyncio.subprocess.Process) -> str:
    assert process.stderr is not None
    log = b""
    while True:
        line = await asyncio.wait_for(process.stderr.readline(), timeout=90)
        log += line
        if not line:
            raise AssertionError(f"sladd serve exited early:\n{log.decode()}")
        match = LISTENING.search(line)
        if match:
            return match.group(1).decode()


@pytest.fixture
async def served(upstream: FakeUpstream, tmp_path: Path) -> AsyncIterator[str]:
    args = ("--route", f"openai={upstream.base_url}/v1", "--data-dir", str(tmp_path))
    async with _sladd("serve", "--port", "0", *args) as process:
        yield await _wait_for_url(process)
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), timeout=30) == 0


@pytest.mark.timeout(180)
async def test_serve_proxies_with_route_override(served: str, upstream: FakeUpstream) -> None:
    async with openai.AsyncOpenAI(base_url=f"{served}/v1", api_key="k", max_retries=0) as client:
        reply = await client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": PROMPT}]
        )
    assert reply.choices[0].message.content == PROMPT
    assert_nothing_identifying_reached(upstream)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--route", "bogus=http://x"], b"--route 'bogus=http://x'"),
        (["--route", "openai=ftp://x"], b"routes.openai.upstream"),
        (["--config", "/nonexistent/sladd.toml"], b"cannot read config"),
    ],
)
async def test_serve_refuses_bad_arguments(args: list[str], message: bytes) -> None:
    async with _sladd("serve", "--port", "0", *args) as process:
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 2
    assert message in stderr
