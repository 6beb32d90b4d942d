"""The unmodified ``google-genai`` SDK, configured only by HTTPS_PROXY and SSL_CERT_FILE:
``generativelanguage.googleapis.com`` is intercepted and scrubbed like a base-URL request."""

from __future__ import annotations

import pytest
from google import genai

from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.forward.conftest import ForwardSladd
from tests.proxy.patient import PROMPT, assert_nothing_identifying_reached

pytestmark = pytest.mark.filterwarnings(
    # google-genai's async client subclasses aiohttp.ClientSession, which aiohttp warns about.
    "ignore:Inheritance class AiohttpClientSession:DeprecationWarning"
)

MODEL = "gemini-2.5-flash"


@pytest.fixture
def gemini(proxy_env: ForwardSladd, monkeypatch: pytest.MonkeyPatch) -> genai.Client:
    """A client with the SDK's default base URL (no ``GOOGLE_GEMINI_BASE_URL``)."""
    for name in ("GOOGLE_GEMINI_BASE_URL", "GOOGLE_API_KEY", "GEMINI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return genai.Client(api_key="AIza-test-clinic-a")


async def test_gemini_whole_and_streamed_round_trip(
    gemini: genai.Client, upstream: FakeUpstream
) -> None:
    response = await gemini.aio.models.generate_content(model=MODEL, contents=PROMPT)
    assert response.text == PROMPT
    assert upstream.last.path.endswith(f"/models/{MODEL}:generateContent")
    assert upstream.last.headers["x-goog-api-key"] == "AIza-test-clinic-a"
    stream = await gemini.aio.models.generate_content_stream(model=MODEL, contents=PROMPT)
    assert "".join([chunk.text or "" async for chunk in stream]) == PROMPT
    assert_nothing_identifying_reached(upstream)
