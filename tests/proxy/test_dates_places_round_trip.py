"""Issue 18 end to end: ``sladd serve`` as a real process, the official OpenAI SDK, and a fake
model that computes with the dates it is sent (two weeks after the admission date).

The provider must never see a real date, place, care unit or high age; the app must get the
real dates back (the computed one included), whole and streamed; and the scope's offset must
live in the vault, so a restart keeps it.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import openai
import pytest
from openai.types.chat import ChatCompletionMessageParam

from tests.fakes.llm_upstream import FakeUpstream
from tests.proxy.cli.test_serve_cli import _sladd, _wait_for_url

NOTE = (
    "Oppsummer: Pasienten, 94 år, ble innlagt på Flekkefjord sykehus 17.05.2017 og bor på "
    "Hidra. Kontroll ved Sørlandet sykehus Kristiansand. CRP 145, Albyl-E 75 mg x 1."
)
REAL = ("17.05.2017", "Flekkefjord sykehus", "Hidra", "Sørlandet sykehus Kristiansand", "94 år")
KEPT = ("CRP 145", "Albyl-E 75 mg x 1")
DATE = re.compile(r"\b(\d{2})\.(\d{2})\.(\d{4})\b")


def two_weeks_after(echo: str) -> str:
    """The fake model's answer: the first date it sees, and the date two weeks later."""
    match = DATE.search(echo)
    assert match is not None, "the model saw no date"
    seen = datetime.date(int(match[3]), int(match[2]), int(match[1]))
    later = seen + datetime.timedelta(days=14)
    return f"Innlagt {seen:%d.%m.%Y}; kontroll {later:%d.%m.%Y}. Sted: {echo.split('på ', 1)[1]}"


def _assert_upstream_saw_nothing_real(upstream: FakeUpstream) -> None:
    assert upstream.requests
    for recorded in upstream.requests:
        sent = recorded.body.decode("utf-8") + json.dumps(recorded.json, ensure_ascii=False)
        for value in REAL:
            assert value not in sent, value
        for kept in KEPT:
            assert kept in sent, kept


def _assert_real_dates_back(text: str) -> None:
    assert text.startswith("Innlagt 17.05.2017; kontroll 31.05.2017. Sted: Flekkefjord sykehus")


async def _ask(base_url: str, stream: bool, key: str = "k") -> str:
    async with openai.AsyncOpenAI(base_url=f"{base_url}/v1", api_key=key, max_retries=0) as client:
        messages: list[ChatCompletionMessageParam] = [{"role": "user", "content": NOTE}]
        if not stream:
            reply = await client.chat.completions.create(model="m", messages=messages)
            return reply.choices[0].message.content or ""
        chunks = await client.chat.completions.create(
            model="m",
            messages=messages,
            stream=True,
        )
        text = ""
        async for chunk in chunks:
            for choice in chunk.choices:
                text += choice.delta.content or ""
        return text


@pytest.mark.timeout(240)
async def test_dates_are_shifted_out_and_back_and_places_never_leave(
    upstream: FakeUpstream, tmp_path: Path
) -> None:
    upstream.script(compute=two_weeks_after, chunk_size=2)
    args = ("--route", f"openai={upstream.base_url}/v1", "--data-dir", str(tmp_path))
    async with _sladd("serve", "--port", "0", *args) as process:
        url = await _wait_for_url(process)
        whole = await _ask(url, stream=False)
        streamed = await _ask(url, stream=True)
        process.terminate()
        await process.wait()
    _assert_real_dates_back(whole)
    _assert_real_dates_back(streamed)
    assert "Hidra" in whole and "Hidra" in streamed  # the place came back too
    _assert_upstream_saw_nothing_real(upstream)
    seen = {DATE.search(json.dumps(r.json, ensure_ascii=False))[0] for r in upstream.requests}  # type: ignore[index]
    assert len(seen) == 1  # one scope, one offset: the same moved date every time

    upstream.reset()
    upstream.script(compute=two_weeks_after)
    async with _sladd("serve", "--port", "0", *args) as process:  # the same data dir: restarted
        url = await _wait_for_url(process)
        again = await _ask(url, stream=False)
        process.terminate()
        await process.wait()
    _assert_real_dates_back(again)
    after_restart = DATE.search(json.dumps(upstream.last.json, ensure_ascii=False))
    assert after_restart is not None and {after_restart[0]} == seen  # the offset was kept
