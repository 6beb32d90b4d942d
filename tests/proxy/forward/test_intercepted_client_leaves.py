"""An intercepted client that leaves: sladd stops waiting on the upstream, as in base-URL mode."""

from __future__ import annotations

import json

import pytest

from proxy.detection.detector import Detector
from proxy.forward.tls import CertificateAuthority
from proxy.settings import Settings
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.faults import CHAT_PATH, chat, eventually
from tests.proxy.forward.conftest import run_forward_sladd
from tests.proxy.forward.raw import close, send_connect, trusting


@pytest.mark.parametrize("stream", [False, True])
async def test_client_leaving_an_intercepted_request_abandons_the_upstream(
    forward_settings: Settings,
    detector: Detector,
    ca: CertificateAuthority,
    upstream: FakeUpstream,
    stream: bool,
) -> None:
    """Protection: the handler of an intercepted request is cancelled when its client leaves
    while sladd waits for the answer, so the upstream connection is dropped (the fake counts
    an answer nobody took). Fails if intercepted connections do not cancel handlers: sladd
    then waits out the delay and reads the whole answer."""
    upstream.script(delay=1.0)
    served = run_forward_sladd(forward_settings, detector, ca, handler_cancellation=True)
    async with served as sladd:
        reader, writer, reply = await send_connect(sladd.url, "api.openai.com:443")
        assert reply.status == 200
        await writer.start_tls(trusting(ca), server_hostname="api.openai.com")
        body = json.dumps(chat(stream)).encode()
        head = (
            f"POST {CHAT_PATH} HTTP/1.1\r\nHost: api.openai.com\r\nAuthorization: Bearer k\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        writer.write(head.encode() + body)
        assert await eventually(lambda: len(upstream.requests) == 1, 10.0)
        await close(writer)  # the client leaves before the answer starts
        assert await eventually(lambda: upstream.abandoned == 1, 10.0)
        assert reader.at_eof() or not await reader.read()
