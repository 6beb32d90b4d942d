"""Benchmark sladd: detection throughput and recall, added latency, caching, TTFB and memory.

    scripts/bench/run.py [--quick] [--json] [--limit N] [--turns T] [--config PATH]

1. Detection throughput (chars/s) and recall on a fixed Norwegian clinical-style corpus
   (:mod:`bench_corpus`) for sladd's scrub pipeline and for stock Presidio with the same NER
   model (:mod:`bench_detect` explains how each is set up and measured), in this process.
2. Latency sladd adds to a ~2 KB chat request, p50 and p99, at concurrency 1 and 16, against
   the tests' fake upstream (:mod:`tests.fakes.serve`) and ``sladd serve`` as a subprocess
   (:mod:`bench_procs`, :mod:`bench_http`).
3. A 20-turn conversation resent every turn: median added latency of turn 20 / of turn 1.
4. Streaming time to first byte through sladd minus direct (median).
5. Peak RSS of the sladd server process.

Prints a table (metric, value, target, pass/fail) and notes on where the time goes; with
``--json`` the last line is one JSON object. ``--quick`` uses a corpus prefix and fewer
requests; ``--limit N`` caps every count at N (for smoke tests); ``--turns`` changes the
conversation length (``turn20_over_turn1`` is then last turn / first turn). Exit code 0
whether or not targets are met; nonzero when the benchmark itself fails.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import aiohttp

from proxy.build import build_detector, build_scrubber
from proxy.scrub.pipeline import Scrubber
from proxy.settings import Settings, load_settings
from proxy.vault.memory import MemoryVault
from scripts.bench.corpus import SYSTEM_PROMPT, Doc, load_corpus, recall_by_kind
from scripts.bench.detect import (
    EngineRun,
    measure,
    presidio_analyse,
    sladd_analyse,
    stock_presidio,
)
from scripts.bench.http_runs import Messages, conversation, latency, single_bodies, ttfb_added
from scripts.bench.policy import policy_note, policy_step
from scripts.bench.report import Result, table, with_targets
from scripts.bench.servers import Servers, audit_times, peak_rss_by_process, running_servers
from scripts.bench.timing import Exchanges, http_notes, ratio_of_medians, summarise_pairs
from scripts.procs import ServerError

REPO = Path(__file__).resolve().parents[2]

DEFAULT_CONFIG = REPO / "config" / "sladd.toml"
_STARTED = time.perf_counter()


@dataclasses.dataclass(frozen=True, slots=True)
class Plan:
    """How much to measure."""

    docs: int | None
    reps: int
    c1_requests: int
    c16_rounds: int
    conversations: int
    turns: int
    ttfb_requests: int
    warmup: int = 3


QUICK = Plan(docs=500, reps=3, c1_requests=80, c16_rounds=5, conversations=3, turns=20,
             ttfb_requests=30)  # fmt: skip
FULL = Plan(docs=None, reps=5, c1_requests=300, c16_rounds=15, conversations=5, turns=20,
            ttfb_requests=100)  # fmt: skip


def progress(message: str) -> None:
    """A timestamped progress line on stderr (stdout carries the report)."""
    print(f"[{time.perf_counter() - _STARTED:6.1f}s] {message}", file=sys.stderr, flush=True)


def plan_for(quick: bool, limit: int | None, turns: int) -> Plan:
    """The quick or full plan, with every count capped at ``limit``."""
    plan = dataclasses.replace(QUICK if quick else FULL, turns=turns)
    if limit is None:
        return plan
    capped = {
        f.name: min(getattr(plan, f.name), limit)
        for f in dataclasses.fields(plan)
        if f.name not in {"docs", "turns"}
    }
    return dataclasses.replace(plan, docs=min(plan.docs or limit, limit), **capped)


async def message_detect_ms(scrubber: Scrubber, docs: Sequence[Doc], count: int) -> list[float]:
    """In-process ``scrubber.detect`` time of single 2 KB requests' texts (system + user)."""
    messages, times = Messages(docs), []
    for _ in range(count):
        texts = [SYSTEM_PROMPT, messages.take()]
        started = time.perf_counter()
        await scrubber.detect(texts)
        times.append((time.perf_counter() - started) * 1000)
    return times


def detector_ms(settings: Settings, docs: Sequence[Doc], count: int) -> list[float]:
    """The same as :func:`message_detect_ms` with a bare ``build_detector`` in this thread:
    detection alone, without the Scrubber's executor, workers or cache."""
    detector, messages, times = build_detector(settings), Messages(docs), []
    detector.detect_many([SYSTEM_PROMPT, messages.take()])  # warm-up
    for _ in range(count):
        texts = [SYSTEM_PROMPT, messages.take()]
        started = time.perf_counter()
        detector.detect_many(texts)
        times.append((time.perf_counter() - started) * 1000)
    return times


def detection(plan: Plan, settings: Settings, docs: Sequence[Doc]) -> tuple[Result, list[str]]:
    """Throughput and recall of both engines on the corpus (prefix ``plan.docs``)."""
    corpus = list(docs[: plan.docs])
    texts = [d.text for d in corpus]
    progress(f"detection: loading sladd; corpus {len(texts)} docs, {sum(map(len, texts))} chars")
    scrubber = build_scrubber(settings, MemoryVault())
    try:
        sladd = measure(sladd_analyse(scrubber), texts, plan.reps)
        per_message = asyncio.run(message_detect_ms(scrubber, docs, max(plan.c1_requests, 5)))
    finally:
        scrubber.close()  # releases detection worker processes, if any
    bare = detector_ms(settings, docs, max(plan.c1_requests, 5))
    progress("detection: loading stock Presidio")
    presidio = measure(presidio_analyse(stock_presidio()), texts, plan.reps)
    ours, theirs = recall_by_kind(corpus, sladd.spans), recall_by_kind(corpus, presidio.spans)
    result: Result = {
        "detect_chars_per_s": sladd.chars_per_s,
        "presidio_chars_per_s": presidio.chars_per_s,
        "detect_speedup": sladd.chars_per_s / presidio.chars_per_s,
        "detect_recall": ours["all"],
        "presidio_recall": theirs["all"],
        "corpus_chars": sum(map(len, texts)),
    }
    notes = _detection_notes(sladd, presidio, (ours, theirs), (per_message, bare))
    return result, notes


def _detection_notes(
    sladd: EngineRun,
    presidio: EngineRun,
    recall: tuple[dict[str, float], dict[str, float]],
    per_message: tuple[Sequence[float], Sequence[float]],
) -> list[str]:
    ours, theirs = recall
    scrubber_ms, bare_ms = per_message
    by_kind = (f"{k} sladd {ours[k]:.3f} / Presidio {theirs.get(k, 0.0):.3f}" for k in ours)
    return [
        "sladd = build_scrubber(...).detect(whole corpus) as configured (its workers, its "
        "cache defeated by varying texts); stock Presidio = AnalyzerEngine with "
        "load_predefined_recognizers('en') + the bundled NER model served as 'en', "
        "analyze() per text, tldextract on its bundled suffix list (offline); "
        "see scripts/bench/detect.py",
        f"detection runs (s): sladd {_seconds(sladd.seconds)}; "
        f"Presidio {_seconds(presidio.seconds)}",
        "recall by kind: " + ", ".join(by_kind),
        f"one 2 KB request, in this process: scrubber.detect p50 "
        f"{statistics.median(scrubber_ms):.2f} ms (max {max(scrubber_ms):.2f}); bare "
        f"build_detector().detect_many p50 {statistics.median(bare_ms):.2f} ms "
        f"(max {max(bare_ms):.2f})",
    ]


def _seconds(values: Sequence[float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


async def _exchanges(
    plan: Plan, servers: Servers, http: aiohttp.ClientSession, messages: Messages
) -> Exchanges:
    progress("http: warm-up and concurrency 1")
    await latency(http, servers, single_bodies(messages, plan.warmup), 1)
    c1 = await latency(http, servers, single_bodies(messages, plan.c1_requests), 1)
    progress("http: concurrency 16")
    c16 = await latency(http, servers, single_bodies(messages, 16 * plan.c16_rounds), 16)
    convs = []
    for number in range(plan.conversations):
        progress(f"http: conversation {number + 1}/{plan.conversations}, {plan.turns} turns")
        convs.append(await conversation(http, servers, messages, plan.turns))
    progress("http: streaming")
    ttfb = await ttfb_added(http, servers, messages, plan.ttfb_requests)
    return Exchanges(c1, c16, convs, ttfb)


async def serving(plan: Plan, config: Path, docs: Sequence[Doc]) -> tuple[Result, list[str]]:
    """Latency, conversation, TTFB and peak-memory measurements against ``sladd serve``."""
    progress("http: starting the fake upstream and sladd serve")
    with tempfile.TemporaryDirectory(prefix="sladd-bench-") as tmp:
        async with running_servers(config, Path(tmp)) as servers:
            connector = aiohttp.TCPConnector(limit=64)
            timeout = aiohttp.ClientTimeout(total=600)
            async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
                runs = await _exchanges(plan, servers, http, Messages(docs))
            peaks = peak_rss_by_process(servers.sladd_pid)
            audit = audit_times(servers.data_dir)
    result: Result = {
        **summarise_pairs(runs.c1, "c1"),
        **summarise_pairs(runs.c16, "c16"),
        "turn20_over_turn1": ratio_of_medians(runs.conversations),
        "ttfb_added_ms": statistics.median(runs.ttfb_added_ms),
        "peak_rss_mb": sum(peaks),
    }
    notes = http_notes(runs, audit)
    children = " + ".join(f"{p:.0f}" for p in peaks[1:]) or "none"
    notes.append(
        f"peak RSS = sum of VmHWM: sladd serve {peaks[0]:.0f} MiB + children (MiB) {children}"
    )
    return result, notes


def run(plan: Plan, config: Path, quick: bool) -> tuple[Result, list[str]]:
    """Every measurement; the JSON result (without targets) and the notes."""
    settings = load_settings(config)
    docs = load_corpus()
    detected, detect_notes = detection(plan, settings, docs)
    progress("policy step: presidio-anonymizer and the hand-written rewrite, alternately")
    policy = policy_step(settings, docs, plan.c1_requests)
    served, serve_notes = asyncio.run(serving(plan, config, docs))
    result: Result = {
        **detected,
        "policy_ms_per_request": statistics.median(policy.engine_ms),
        "policy_presidio_ms": policy.presidio_ms(),
        **served,
        "cpu_count": os.cpu_count() or 1,
        "quick": quick,
    }
    return result, [*detect_notes, policy_note(policy), *serve_notes]


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; see module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer documents and requests")
    parser.add_argument("--json", action="store_true", help="end with one JSON object line")
    parser.add_argument("--limit", type=int, help="cap every count at N (smoke tests)")
    parser.add_argument("--turns", type=int, default=20, help="conversation length (20)")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="sladd config")
    args = parser.parse_args(argv)
    if (args.limit is not None and args.limit < 1) or args.turns < 1:
        parser.error("--limit and --turns must be at least 1")
    try:
        result, notes = run(plan_for(args.quick, args.limit, args.turns), args.config, args.quick)
    except ServerError as exc:  # BenchError too
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    result = with_targets(result)
    notes.append(f"bench run time: {time.perf_counter() - _STARTED:.0f} s")
    print(table(result, notes))
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
