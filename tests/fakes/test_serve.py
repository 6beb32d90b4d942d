"""The fake upstream as a process (``python -m tests.fakes.serve``), as the benchmark and the
load test start it: the ``listening on`` line, both presets, whole and streamed, the record."""

from __future__ import annotations

import json
from pathlib import Path

import aiohttp

from scripts.procs import start, stop
from tests.fakes.serve import BENCH_ECHO_CHARS, BENCH_PREFIX

MESSAGE = "Pasient Kari Nordmann, fnr 01017012345. " * 20


def _body(stream: bool) -> dict[str, object]:
    return {"model": "m", "stream": stream, "messages": [{"role": "user", "content": MESSAGE}]}


def _streamed_text(raw: str) -> str:
    events = [e[6:] for e in raw.split("\n\n") if e.startswith("data: {")]
    return "".join(json.loads(e)["choices"][0]["delta"].get("content") or "" for e in events)


async def test_echo_preset_records_and_streams_the_last_turn(tmp_path: Path) -> None:
    record = tmp_path / "record.jsonl"
    args = ["-m", "tests.fakes.serve", "--record", str(record)]
    server = await start("fake upstream", args, tmp_path / "log")
    try:
        async with aiohttp.ClientSession() as session:
            url = f"{server.url}/v1/chat/completions"
            headers = {"X-Load-Request": "r1"}
            async with session.post(url, json=_body(True), headers=headers) as response:
                raw = await response.text()
    finally:
        await stop(server.process)
    assert _streamed_text(raw) == MESSAGE
    assert raw.rstrip().endswith("data: [DONE]")
    line = json.loads(record.read_text(encoding="utf-8"))
    assert line["id"] == "r1"
    assert json.loads(line["body"])["messages"][0]["content"] == MESSAGE


async def test_bench_preset_answers_with_a_summary_prefix(tmp_path: Path) -> None:
    args = ["-m", "tests.fakes.serve", "--preset", "bench"]
    server = await start("fake upstream", args, tmp_path / "log")
    try:
        async with aiohttp.ClientSession() as session:
            url = f"{server.url}/v1/chat/completions"
            async with session.post(url, json=_body(False)) as response:
                whole = await response.json()
            async with session.post(url, json=_body(True)) as response:
                streamed = await response.text()
    finally:
        await stop(server.process)
    expected = BENCH_PREFIX + MESSAGE[:BENCH_ECHO_CHARS]
    assert whole["choices"][0]["message"]["content"] == expected
    assert _streamed_text(streamed) == expected
