"""Load test: concurrent streaming chat clients through sladd; no errors, no leaks, bounded memory.

Starts, on 127.0.0.1 only, an echo upstream (:mod:`tests.fakes.serve`) and ``sladd serve`` (as
deployed: the shipped config, ``--vault memory://``, a temporary data dir). Then ``--clients``
clients, each with its own API key, send streamed chat requests for ``--seconds``: notes full of
valid fødselsnumre / D-numre, mobile numbers, e-mail addresses and names, new ones every turn,
three turns per conversation (history resent, new ``X-Sladd-Session`` per conversation).

Checked: every streamed answer equals, byte for byte, the message sent (the upstream echoes
it, pseudonymised; sladd restores it); no request fails; no body the upstream received holds
any raw value the clients sent (names as whole words); sladd's peak resident memory stays under
``1.5 x idle + 64 MB``. It stops by itself: clients start no request after ``--seconds``, each
request has a timeout, the servers are stopped at the end. Exit status 0 = pass.

    .venv/bin/python -m scripts.load [--clients 50] [--seconds 60] [--json] [--config PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from scripts.load.people import Patient, People
from scripts.load.report import Measured, Result, Tally, Values, check_record, table
from scripts.load.servers import LoadError, Memory
from scripts.procs import REPO, ServerError, sladd_serve_args, start, stop

REQUEST_TIMEOUT_S = 120.0
TURNS = 3


@dataclass
class Conversation:
    """One client's current conversation: credential, session, history, values so far."""

    key: str
    session: str = field(default_factory=lambda: uuid.uuid4().hex)
    history: list[dict[str, str]] = field(default_factory=list)
    values: Values = ()

    def turn(self, patient: Patient) -> dict[str, object]:
        """The next request body; a new conversation every ``TURNS`` turns."""
        if len(self.history) >= 2 * TURNS:
            self.session, self.history, self.values = uuid.uuid4().hex, [], ()
        self.values += patient.values
        messages = [*self.history, {"role": "user", "content": patient.message}]
        return {"model": "load-echo", "stream": True, "messages": messages}


async def read_answer(response: aiohttp.ClientResponse) -> tuple[str, str | None]:
    """The streamed text and an error kind (``None`` if the stream ended properly)."""
    if response.status != 200:
        return "", f"status {response.status}"
    text, done = "", False
    async for line in response.content:
        if not line.startswith(b"data: "):
            continue
        payload = line[6:].strip()
        if payload == b"[DONE]":
            done = True
            continue
        event = json.loads(payload)
        if "error" in event:
            return text, str(event["error"].get("type", "error event"))
        text += "".join(c["delta"].get("content") or "" for c in event.get("choices", []))
    return text, None if done else "no [DONE]"


async def exchange(
    http: aiohttp.ClientSession, url: str, chat: Conversation, patient: Patient, tally: Tally
) -> None:
    """One streamed request; records latency, errors, mismatches and what was sent."""
    body, request_id = chat.turn(patient), uuid.uuid4().hex
    headers = {"Authorization": f"Bearer {chat.key}", "X-Sladd-Session": chat.session}
    tally.sent[request_id] = chat.values
    started = time.perf_counter()
    try:
        async with http.post(
            f"{url}/v1/chat/completions",
            json=body,
            headers={**headers, "X-Load-Request": request_id},
        ) as response:
            text, error = await read_answer(response)
    except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
        text, error = "", type(exc).__name__
    tally.requests += 1
    tally.latencies.append(time.perf_counter() - started)
    if error is not None:
        tally.errors[error] += 1
    elif text != patient.message:
        tally.mismatches += 1
    chat.history += [{"role": "user", "content": patient.message}]
    chat.history += [{"role": "assistant", "content": text}]


async def client(
    http: aiohttp.ClientSession, url: str, people: People, deadline: float, tally: Tally
) -> None:
    """Requests back to back until ``deadline``."""
    chat = Conversation(key=f"sk-load-{uuid.uuid4().hex}")
    while time.monotonic() < deadline:
        await exchange(http, url, chat, people.patient(), tally)


async def warm_up(url: str, people: People) -> None:
    """One exchange before the clock starts; the run is pointless if it fails."""
    tally = Tally()
    async with aiohttp.ClientSession() as http:
        await exchange(http, url, Conversation("sk-load-warm-up"), people.patient(), tally)
    if tally.errors or tally.mismatches:
        raise LoadError(f"the warm-up request failed: {dict(tally.errors)} {tally.mismatches}")


async def drive(url: str, options: argparse.Namespace, people: People, memory: Memory) -> Tally:
    """Run the clients while sampling memory."""
    tally, done = Tally(), asyncio.Event()
    watcher = asyncio.create_task(memory.watch(0.25, done))
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    limits = aiohttp.TCPConnector(limit=options.clients)
    deadline = time.monotonic() + options.seconds
    async with aiohttp.ClientSession(timeout=timeout, connector=limits) as http:
        runs = [client(http, url, people, deadline, tally) for _ in range(options.clients)]
        await asyncio.wait_for(asyncio.gather(*runs), options.seconds + REQUEST_TIMEOUT_S + 30)
    done.set()
    await watcher
    return tally


async def measure_idle(memory: Memory) -> None:
    """sladd's resident memory at rest after the warm-up (medians of a few readings)."""
    own, total = [], []
    for _ in range(5):
        memory.sample()
        own.append(memory.last_kb)
        total.append(memory.last_with_workers_kb)
        await asyncio.sleep(0.2)
    memory.idle_kb, memory.idle_with_workers_kb = (
        int(statistics.median(own)),
        int(statistics.median(total)),
    )
    memory.peak_kb = memory.peak_with_workers_kb = 0


async def measured(url: str, options: argparse.Namespace, memory: Memory) -> Measured:
    """Warm up, measure idle memory, drive the load; sladd's peaks are read at the end."""
    people = People(seed=options.seed)
    await warm_up(url, people)
    await measure_idle(memory)
    load, started = os.getloadavg()[0], time.monotonic()
    tally = await drive(url, options, people, memory)
    elapsed = time.monotonic() - started
    memory.finish()
    return Measured(tally, elapsed, (round(load, 2), round(os.getloadavg()[0], 2)))


async def run(options: argparse.Namespace, work: Path) -> Result:
    """Start the servers, measure, stop everything, then check what the upstream received."""
    record = work / "upstream.jsonl"
    upstream_args = ["-m", "tests.fakes.serve", "--record", str(record)]
    echo = await start("load upstream", upstream_args, work / "upstream.log")
    try:
        serve = sladd_serve_args(options.config, echo.url, work / "data")
        sladd = await start("sladd", serve, work / "sladd.log")
        memory = Memory(sladd.process.pid)
        try:
            outcome = await measured(sladd.url, options, memory)
        finally:
            await stop(sladd.process)
    finally:
        await stop(echo.process)
    leaks, checked, unrecorded = check_record(record, outcome.tally.sent)
    return Result(options, outcome, memory, leaks, checked, unrecorded)


def main() -> int:
    """Command-line entry point; see module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--config", type=Path, default=REPO / "config" / "sladd.toml")
    parser.add_argument("--json", action="store_true", help="also print one JSON object last")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sladd-load-") as folder:
        try:
            result = asyncio.run(run(options, Path(folder)))
        except ServerError as error:  # LoadError too
            print(f"load test could not run: {error}", file=sys.stderr)
            return 2
    summary = result.summary()
    print(table(summary))
    if options.json:
        print(json.dumps(summary))
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())
