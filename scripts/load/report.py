"""The load test's verdict: the leak check over what the upstream received, and the report.

Memory bound: a process (or sladd with its detection workers) may peak at ``BOUND_FACTOR`` x
its resident size at rest after one warm-up request, plus ``BOUND_MARGIN_KB`` — room for 50
concurrent streams and the per-scope vault entries of a minute of traffic, not for growth
that would continue with the traffic (a leak, an unbounded cache).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from scripts.load.servers import Memory

BOUND_FACTOR, BOUND_MARGIN_KB = 1.5, 64 * 1024
Values = tuple[tuple[str, str], ...]


@dataclass
class Tally:
    """What the clients saw, and what each request sent (for the leak check)."""

    requests: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    mismatches: int = 0
    latencies: list[float] = field(default_factory=list)
    sent: dict[str, Values] = field(default_factory=dict)


def leaked(bodies: tuple[str, ...], values: Values) -> list[str]:
    """Kinds of the raw values found in any of ``bodies`` (names only as whole words)."""
    found = []
    for kind, value in values:
        if kind == "name":
            pattern = re.compile(rf"(?<!\w){re.escape(value)}(?!\w)")
            hit = any(pattern.search(body) for body in bodies)
        else:
            hit = any(value in body for body in bodies)
        if hit:
            found.append(kind)
    return found


def check_record(record: Path, sent: dict[str, Values]) -> tuple[Counter[str], int, int]:
    """Leaked values by kind, values checked, and requests the upstream never recorded.

    Each request's body is checked, as sent and JSON-decoded, against every value of its
    conversation so far (the history is resent, so earlier turns' values are in it too).
    """
    leaks: Counter[str] = Counter()
    seen: set[str] = set()
    checked = 0
    for line in record.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        values = sent.get(entry["id"], ())
        seen.add(entry["id"])
        decoded = json.dumps(json.loads(entry["body"]), ensure_ascii=False)
        leaks.update(leaked((entry["body"], decoded), values))
        checked += len(values)
    return leaks, checked, len(set(sent) - seen)


def bound(idle_kb: int) -> int:
    """The memory bound for a process (group) that is ``idle_kb`` at rest."""
    return int(idle_kb * BOUND_FACTOR + BOUND_MARGIN_KB)


def mb(kb: int) -> float:
    return round(kb / 1024, 1)


@dataclass(frozen=True)
class Measured:
    """The clients' tally, how long the load ran, and the 1-minute load average around it."""

    tally: Tally
    elapsed: float
    load: tuple[float, float]


@dataclass
class Result:
    """Everything the report shows."""

    options: argparse.Namespace
    measured: Measured
    memory: Memory
    leaks: Counter[str]
    checked: int
    unrecorded: int

    @property
    def tally(self) -> Tally:
        """What the clients saw."""
        return self.measured.tally

    @property
    def in_bound(self) -> bool:
        """sladd's peak, and its peak with the workers, within ``bound`` of their idle RSS."""
        own = max(self.memory.peak_kb, self.memory.hwm_kb) <= bound(self.memory.idle_kb)
        total = self.memory.peak_with_workers_kb <= bound(self.memory.idle_with_workers_kb)
        return own and total

    @property
    def passed(self) -> bool:
        """No errors, mismatches or leaks, every request recorded, memory in bound."""
        clean = not self.tally.errors and not self.leaks and not self.unrecorded
        return self.tally.requests > 0 and clean and self.tally.mismatches == 0 and self.in_bound

    def summary(self) -> dict[str, object]:
        """The JSON form."""
        latencies = sorted(self.tally.latencies) or [0.0]
        quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
        head = {"clients": self.options.clients, "seconds": self.options.seconds}
        return {
            **head,
            "requests": self.tally.requests,
            "requests_per_s": round(self.tally.requests / self.measured.elapsed, 1),
            "errors": sum(self.tally.errors.values()),
            "error_kinds": dict(self.tally.errors),
            "mismatches": self.tally.mismatches,
            "leaks": sum(self.leaks.values()),
            "leak_kinds": dict(self.leaks),
            "values_checked": self.checked,
            "unrecorded": self.unrecorded,
            "latency_p50_ms": round(quantiles[49] * 1000, 1),
            "latency_p99_ms": round(quantiles[98] * 1000, 1),
            **self._memory(),
            "loadavg_1min_start_end": list(self.measured.load),
            "passed": self.passed,
        }

    def _memory(self) -> dict[str, object]:
        mem = self.memory
        return {
            "rss_idle_mb": mb(mem.idle_kb),
            "rss_peak_mb": mb(max(mem.peak_kb, mem.hwm_kb)),
            "rss_end_mb": mb(mem.last_kb),
            "rss_bound_mb": mb(bound(mem.idle_kb)),
            "rss_with_workers_idle_mb": mb(mem.idle_with_workers_kb),
            "rss_with_workers_peak_mb": mb(mem.peak_with_workers_kb),
            "rss_with_workers_bound_mb": mb(bound(mem.idle_with_workers_kb)),
            "children_hwm_mb": [mb(kb) for kb in mem.workers_hwm_kb],
            "memory_in_bound": self.in_bound,
        }


def table(summary: dict[str, object]) -> str:
    """The report as aligned ``name  value`` lines."""
    rows = [f"sladd load test: {summary['clients']} streaming clients for {summary['seconds']} s"]
    rows += [f"  {name:<26}{value}" for name, value in summary.items()]
    rows.append(f"RESULT: {'PASS' if summary['passed'] else 'FAIL'}")
    return "\n".join(rows)
