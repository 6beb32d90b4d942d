"""Done-when check: an SDK program configured only through environment variables."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
from pathlib import Path

import pytest

from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.forward.conftest import PROXY_VARIABLES, SDK_VARIABLES, ForwardSladd
from tests.proxy.patient import PROMPT, assert_nothing_identifying_reached

REPO = Path(__file__).resolve().parents[3]


def _environment(proxy_url: str, bundle: Path) -> dict[str, str]:
    dropped = {n.lower() for n in (*PROXY_VARIABLES, *SDK_VARIABLES)}
    env = {k: v for k, v in os.environ.items() if k.lower() not in dropped}
    return env | {"HTTPS_PROXY": proxy_url, "https_proxy": proxy_url, "SSL_CERT_FILE": str(bundle)}


@pytest.mark.timeout(60)
async def test_unmodified_sdk_program_round_trips_through_sladd(
    proxy: ForwardSladd, bundle: Path, upstream: FakeUpstream
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.proxy.forward.env_client",
        cwd=REPO,
        env=_environment(proxy.url, bundle),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(PROMPT.encode()), 50)
    finally:
        if process.returncode is None:  # timed out: leave no SDK program behind
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
    assert process.returncode == 0, err.decode()
    assert json.loads(out) == dict.fromkeys(
        ("openai", "openai_stream", "anthropic", "anthropic_stream"), PROMPT
    )
    assert [r.path for r in upstream.requests] == ["/v1/chat/completions"] * 2 + [
        "/v1/messages"
    ] * 2
    assert_nothing_identifying_reached(upstream)
