"""Fairness under load: one big request (identifier-dense by default), small ones meanwhile.

    scripts/bench/fair.py [--body dense|clinical] [--chars N] [--delay S] [--gap S]
                          [--max-seconds S] [--config PATH] [--json]

Starts the fake upstream and ``sladd serve`` as :mod:`bench_procs` does (the shipped config
unless ``--config``; ``--max-seconds`` writes a copy with ``detection.max_seconds`` set).
One client sends a chat request with one user message of ``--chars`` characters (default
2,000,000: under the body limit): with ``--body dense`` (default), ``"Kari Nordmann
13097248022 tlf 91234567. "`` over and over (a name and two identifiers per 40 characters,
the worst case); with ``--body clinical``, the benchmark corpus's clinical texts
(:mod:`bench_corpus`) over and over. ``--delay`` seconds later a second client starts
sending ~60-character chat requests, one ``--gap`` seconds after the other's answer, until
the big one is answered. Prints the big request's status and seconds, the small requests'
latencies (median and max) and how many of them were answered before the big one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

import aiohttp

from scripts.bench.corpus import load_corpus
from scripts.bench.servers import running_servers

REPO = Path(__file__).resolve().parents[2]

BIG_SENTENCE = "Kari Nordmann 13097248022 tlf 91234567. "
SMALL_MESSAGE = "Pasienten Ola Hansen, fnr 01017012345, ringte i dag om resept."
CHAT_PATH = "/v1/chat/completions"
_Smalls = list[tuple[int, float, float]]


@dataclass(frozen=True, slots=True)
class Figures:
    """What one run measured."""

    big_chars: int
    big_status: int
    big_error: str | None
    big_seconds: float
    small_statuses: list[int]
    small_p50_ms: float
    small_max_ms: float
    small_before_big: int


def _body(message: str) -> bytes:
    chat = {"model": "bench-llm", "messages": [{"role": "user", "content": message}]}
    return json.dumps(chat, ensure_ascii=False).encode("utf-8")


async def _post(url: str, body: bytes, key: str) -> tuple[int, str | None, float]:
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {key}"}
    timeout = aiohttp.ClientTimeout(total=None)
    started = time.perf_counter()
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.post(url + CHAT_PATH, data=body, headers=headers) as response,
    ):
        raw = await response.read()
    return (
        response.status,
        _error_type(raw) if response.status != 200 else None,
        (time.perf_counter() - started),
    )


def _error_type(raw: bytes) -> str:
    try:
        return str(json.loads(raw)["error"]["type"])
    except (ValueError, KeyError, TypeError):
        return raw[:200].decode("utf-8", "replace")


async def _smalls(url: str, big: asyncio.Task[object], delay: float, gap: float) -> _Smalls:
    """Small requests one after another, ``gap`` seconds apart, until the big one is done."""
    await asyncio.sleep(delay)
    done: _Smalls = []
    while not big.done():
        status, _, seconds = await _post(url, _body(SMALL_MESSAGE), "sk-small-client")
        done.append((status, seconds, time.perf_counter()))
        await asyncio.sleep(gap)
    return done


def big_message(body: str, chars: int) -> str:
    """The big request's message (see module docstring)."""
    unit = BIG_SENTENCE if body == "dense" else "\n\n".join(d.text for d in load_corpus())
    return (unit * (chars // len(unit) + 1))[:chars]


async def measure(url: str, message: str, delay: float, gap: float) -> Figures:
    """One big request, and small ones from another client meanwhile (module docstring)."""
    big_body = _body(message)
    big = asyncio.create_task(_post(url, big_body, "sk-big-client"))
    smalls = await _smalls(url, big, delay, gap)
    status, error, seconds = await big
    big_done = time.perf_counter()
    latencies = [s for _, s, _ in smalls] or [0.0]
    return Figures(
        big_chars=len(message),
        big_status=status,
        big_error=error,
        big_seconds=round(seconds, 2),
        small_statuses=[s for s, _, _ in smalls],
        small_p50_ms=round(statistics.median(latencies) * 1000, 1),
        small_max_ms=round(max(latencies) * 1000, 1),
        small_before_big=sum(finished < big_done for _, _, finished in smalls),
    )


def _config(base: Path, max_seconds: float | None, work: Path) -> Path:
    if max_seconds is None:
        return base
    text = base.read_text(encoding="utf-8")
    marker = "\nmax_seconds = "
    if marker not in text:
        raise SystemExit(f"{base} has no detection.max_seconds line to change")
    tomllib.loads(text)  # the base must parse
    head, tail = text.split(marker, 1)
    tail = tail.split("\n", 1)[1]
    path = work / "sladd.toml"
    path.write_text(f"{head}{marker}{max_seconds}\n{tail}", encoding="utf-8")
    return path


async def _main(args: argparse.Namespace) -> Figures:
    with tempfile.TemporaryDirectory(prefix="sladd-fair-") as tmp:
        work = Path(tmp)
        config = _config(args.config, args.max_seconds, work)
        async with running_servers(config, work) as servers:
            message = big_message(args.body, args.chars)
            return await measure(servers.sladd_url, message, args.delay, args.gap)


def main() -> int:
    """Run once and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--body", choices=("dense", "clinical"), default="dense")
    parser.add_argument("--chars", type=int, default=2_000_000)
    parser.add_argument("--delay", type=float, default=1.0)
    parser.add_argument("--gap", type=float, default=0.5)
    parser.add_argument("--max-seconds", type=float, default=None)
    parser.add_argument("--config", type=Path, default=REPO / "config" / "sladd.toml")
    parser.add_argument("--json", action="store_true", help="one JSON object, nothing else")
    args = parser.parse_args()
    figures = asyncio.run(_main(args))
    if args.json:
        print(json.dumps(asdict(figures)))
    else:
        for name, value in asdict(figures).items():
            print(f"{name:24} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
