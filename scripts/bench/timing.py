"""Summaries of the HTTP runs: percentiles, the conversation ratio, where the time goes.

The breakdown joins each exchange through sladd (``X-Sladd-Request-Id``) with sladd's audit
record of it: ``latency_ms`` is the time sladd's handler spent on the exchange (including the
upstream round trip) and ``scrub_ms`` the part spent scrubbing the request (detection, policy,
vault). What the client measured beyond ``latency_ms`` is the extra loopback hop and HTTP
handling outside the handler.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scripts.bench.http_runs import Pair, percentile
from scripts.bench.servers import ServerTimes

MIN_TURN1_MS = 0.01
"""Floor for turn 1's added latency in the ratio (guards against dividing by noise)."""


@dataclass(frozen=True, slots=True)
class Exchanges:
    """Everything the HTTP phase measured."""

    c1: list[Pair]
    c16: list[Pair]
    conversations: list[list[Pair]]
    ttfb_added_ms: list[float]


def summarise_pairs(pairs: Sequence[Pair], suffix: str) -> dict[str, object]:
    """``added_ms_p50_<suffix>`` and ``added_ms_p99_<suffix>``."""
    added = [p.added_ms for p in pairs]
    return {
        f"added_ms_p50_{suffix}": percentile(added, 50),
        f"added_ms_p99_{suffix}": percentile(added, 99),
    }


def ratio_of_medians(conversations: Sequence[Sequence[Pair]]) -> float:
    """Median added latency of the last turn / median added latency of the first turn."""
    first = statistics.median(c[0].added_ms for c in conversations)
    last = statistics.median(c[-1].added_ms for c in conversations)
    return last / max(first, MIN_TURN1_MS)


def _ms(values: Sequence[float]) -> str:
    return f"{statistics.median(values):.2f}" if values else "n/a"


def breakdown(label: str, pairs: Sequence[Pair], audit: Mapping[str, ServerTimes]) -> str:
    """Median client and server times of ``pairs`` (see module docstring)."""
    known = [(p, audit[p.sladd.request_id or ""]) for p in pairs if p.sladd.request_id in audit]
    direct = [p.direct.seconds * 1000 for p in pairs]
    via = [p.sladd.seconds * 1000 for p in pairs]
    server = [t.latency_ms for _, t in known]
    scrub = [t.scrub_ms for _, t in known if t.scrub_ms is not None]
    outside = [p.sladd.seconds * 1000 - t.latency_ms for p, t in known]
    size = statistics.mean(p.sent_bytes for p in pairs) if pairs else 0
    return (
        f"{label} (medians, ms): direct {_ms(direct)}, through sladd {_ms(via)}; "
        f"sladd handler {_ms(server)}, of which scrub {_ms(scrub)}; "
        f"client-side beyond the handler {_ms(outside)}; request ~{size:.0f} B"
    )


def http_notes(run: Exchanges, audit: Mapping[str, ServerTimes]) -> list[str]:
    """Informational lines about the HTTP phase."""
    first = [c[0] for c in run.conversations]
    last = [c[-1] for c in run.conversations]
    notes = [
        breakdown("c=1", run.c1, audit),
        breakdown("c=16", run.c16, audit),
        breakdown("conversation turn 1", first, audit),
        breakdown(f"conversation turn {len(run.conversations[0])}", last, audit),
        f"streaming: {len(run.ttfb_added_ms)} requests, TTFB added p50 "
        f"{_ms(run.ttfb_added_ms)} ms, max {max(run.ttfb_added_ms):.2f} ms",
    ]
    if not audit:
        notes.append("sladd's audit log is off in this config: no server-side breakdown")
    return notes
