"""Fair under load: one client's 2 MB identifier-dense body does not hold up another client's
small request, and a body whose scrub outlasts ``detection.max_seconds`` is refused with
nothing sent upstream. Real worker processes (two, with the NER model), a real sladd on
127.0.0.1:0 and the fake upstream; the assertions are about order and outcome, never about
how long anything took.
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import json
from collections.abc import Iterator

import aiohttp
import pytest

from proxy.detection.cache import CachedDetector
from proxy.detection.detector import Detector
from proxy.detection.findings import Finding
from proxy.detection.workers import DetectionPool
from proxy.settings import Settings
from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.conftest import loaded_pool, routed_settings
from tests.proxy.faults import CHAT_PATH, eventually, serving
from tests.proxy.patient import PROMPT, assert_nothing_identifying_reached

BIG = "Kari Nordmann 13097248022 tlf 91234567. " * 50_000
"""2 MB: a name and two identifiers every 40 characters; under the body limit."""
NO_TOTAL_TIMEOUT = aiohttp.ClientTimeout(total=None)
Reply = tuple[int, dict[str, object]]


@pytest.fixture(scope="module")
def pool(base_settings: Settings) -> Iterator[DetectionPool]:
    """Two detection workers with the shipped recognizers and the NER model."""
    with loaded_pool(base_settings, 2) as workers:
        yield workers


def with_budget(settings: Settings, upstream: FakeUpstream, seconds: float | None) -> Settings:
    """``settings`` routed to ``upstream``, with ``detection.max_seconds`` set if given."""
    if seconds is not None:
        detection = dataclasses.replace(settings.detection, max_seconds=seconds)
        settings = dataclasses.replace(settings, detection=detection)
    return routed_settings(settings, upstream)


async def ask(http: aiohttp.ClientSession, url: str, text: str, key: str) -> Reply:
    chat = {"model": "m", "messages": [{"role": "user", "content": text}]}
    body = io.BytesIO(json.dumps(chat).encode())  # aiohttp warns about big bytes bodies
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    async with http.post(f"{url}{CHAT_PATH}", data=body, headers=headers) as response:
        reply: dict[str, object] = await response.json()
        return response.status, reply


def error_type(reply: dict[str, object]) -> object:
    error = reply.get("error")
    return error.get("type") if isinstance(error, dict) else None


@pytest.mark.timeout(900)
async def test_a_small_request_is_answered_while_a_big_one_is_scrubbed(
    pool: DetectionPool, base_settings: Settings, upstream: FakeUpstream
) -> None:
    settings = with_budget(base_settings, upstream, None)  # the shipped detection.max_seconds
    finished: list[str] = []

    async def timed(name: str, text: str) -> Reply:
        reply = await ask(http, url, text, f"sk-{name}-client")
        finished.append(name)
        return reply

    async with (
        serving(settings, CachedDetector(pool)) as url,
        aiohttp.ClientSession(timeout=NO_TOTAL_TIMEOUT) as http,
    ):
        big = asyncio.create_task(timed("big", BIG))
        detecting = await eventually(lambda: big.done() or pool._executor.has_queued_work(), 300)
        assert detecting and not big.done(), "the big request was never detected"
        small_status, small_reply = await timed("small", PROMPT)
        big_status, big_reply = await big
    assert finished == ["small", "big"]
    assert small_status == 200, small_reply
    assert big_status == 200 or (
        big_status == 503 and error_type(big_reply) == "sladd_detection_timeout"
    ), (big_status, big_reply)
    sent = [json.dumps(r.json, ensure_ascii=False) for r in upstream.requests]
    assert not any("13097248022" in body or "Kari Nordmann" in body for body in sent)
    assert_nothing_identifying_reached(upstream)


@pytest.mark.timeout(900)
async def test_a_body_over_the_budget_is_refused_and_nothing_is_sent(
    pool: DetectionPool, base_settings: Settings, upstream: FakeUpstream
) -> None:
    settings = with_budget(base_settings, upstream, 0.5)
    async with (
        serving(settings, CachedDetector(pool)) as url,
        aiohttp.ClientSession(timeout=NO_TOTAL_TIMEOUT) as http,
    ):
        status, reply = await ask(http, url, BIG, "sk-big-client")
        assert status == 503, reply
        assert reply["error"] == {
            "type": "sladd_detection_timeout",
            "code": "sladd_detection_timeout",
            "param": None,
            "message": "detection of this request took longer than detection.max_seconds "
            "(0.5 s); nothing was forwarded",
        }
        assert upstream.requests == []
        # Its work was given up: the workers drain (a killed worker's replacement loads).
        assert await eventually(lambda: not pool._executor.has_queued_work(), 300.0)
        status, reply = await ask(http, url, "Ring Ola på 912 34 567", "sk-small-client")
    assert status == 200, reply
    assert len(upstream.requests) == 1
    assert "912 34 567" not in json.dumps(upstream.requests[0].json)


def order(findings: list[Finding]) -> list[tuple[int, int, str, str]]:
    return sorted((f.start, f.end, f.entity_type, f.recognizer) for f in findings)


@pytest.mark.timeout(900)
def test_a_long_text_cut_into_bounded_units_gives_the_in_process_findings(
    pool: DetectionPool, detector: Detector
) -> None:
    """Segments start where the model's prefilter starts a sentence, so the pool finds
    exactly what detection over the whole text finds."""
    lines = [
        PROMPT,
        "hei, jeg heter andrii og kona mi ingrid er syk. ring meg på 912 34 567.",
        "navn;fnr;telefon",
        "Kari Nordmann;13097210181;912 34 567",
        "Fastlege Hansen ringte om Parkinsons sykdom. Kona til Per er her.",
    ]
    text = "\n".join(f"{line} ({n})" for n in range(120) for line in lines)
    assert len(text) > 20_000  # cut into several units
    (found,) = pool.detect_many([text])
    assert order(found) == order(detector.detect(text))
