"""Prometheus metrics for one sladd app, served at ``/metrics``.

Each app has its own :class:`~prometheus_client.CollectorRegistry` (tests run several apps
in one process). Labels are only ``route``, ``provider``, ``status``, ``entity_type`` and
``outcome``, and every label value is checked before use — outcomes and actions against
their fixed vocabularies, statuses as HTTP status codes, names and entity types against
identifier patterns that must start with a letter; anything else becomes ``other``. A label
never carries a value from a request, not even a model name.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Collection

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client.exposition import generate_latest

from proxy.audit.record import EXCHANGE_OUTCOMES, FINDING_ACTIONS, AuditRecord

_NAME = re.compile(r"^[a-z][a-z0-9_.-]{0,31}$")
_ENTITY = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")
EXCHANGE_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)
SCRUB_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)


def name_label(value: str) -> str:
    """A route or provider name (lower-case identifier), else ``other``."""
    return value if _NAME.match(value) else "other"


def entity_label(value: str) -> str:
    """An entity type (upper-case identifier), else ``other``."""
    return value if _ENTITY.match(value) else "other"


def status_label(value: int) -> str:
    """An HTTP status code, else ``other``."""
    return str(value) if 100 <= value <= 599 else "other"


def outcome_label(value: str, vocabulary: Collection[str]) -> str:
    """``value`` if it is in ``vocabulary``, else ``other``."""
    return value if value in vocabulary else "other"


class Metrics:
    """The counters and histograms of one app (see the module docstring)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        exchange = ["route", "provider"]
        self.requests = self._counter(
            "sladd_requests",
            "Exchanges by route, provider, HTTP status and outcome.",
            [*exchange, "status", "outcome"],
        )
        self.findings = self._counter(
            "sladd_findings",
            "Findings by route, entity type and outcome (the action taken on them).",
            ["route", "entity_type", "outcome"],
        )
        self.blocks = self._counter(
            "sladd_blocked_requests", "Requests refused because policy said block.", exchange
        )
        self.audit_write_failures = self._counter(
            "sladd_audit_write_failures",
            "Audit records that could not be written (the exchange itself went ahead).",
            [],
        )
        self.latency = Histogram(
            "sladd_request_duration_seconds",
            "Whole exchange, upstream included, as the client saw it.",
            exchange,
            buckets=EXCHANGE_BUCKETS,
            registry=self.registry,
        )
        self.scrub_latency = Histogram(
            "sladd_scrub_duration_seconds",
            "Time sladd added before forwarding: parse, detect, policy, vault, rewrite.",
            exchange,
            buckets=SCRUB_BUCKETS,
            registry=self.registry,
        )

    def _counter(self, name: str, documentation: str, labels: list[str]) -> Counter:
        return Counter(name, documentation, labels, registry=self.registry)

    def observe(self, record: AuditRecord) -> None:
        """Count one exchange, its findings and latencies."""
        route, provider = name_label(record.route), name_label(record.provider)
        outcome = outcome_label(record.outcome, EXCHANGE_OUTCOMES)
        self.requests.labels(route, provider, status_label(record.status), outcome).inc()
        if record.outcome == "blocked":
            self.blocks.labels(route, provider).inc()
        # One increment per label set, not per finding: a long conversation's record holds
        # hundreds of findings, and each labels() call takes the metric's lock.
        per_label = collections.Counter(
            (entity_label(f.entity_type), outcome_label(f.action, FINDING_ACTIONS))
            for f in record.findings
        )
        for (entity, action), count in per_label.items():
            self.findings.labels(route, entity, action).inc(count)
        self.latency.labels(route, provider).observe(max(record.latency_ms, 0.0) / 1000)
        if record.scrub_ms is not None:
            self.scrub_latency.labels(route, provider).observe(max(record.scrub_ms, 0.0) / 1000)

    def exposition(self) -> bytes:
        """The text exposition format."""
        return generate_latest(self.registry)


METRICS = web.AppKey("sladd_metrics", Metrics)
"""Where :func:`metrics_handler` finds the app's metrics."""


async def metrics_handler(request: web.Request) -> web.Response:
    """``GET /metrics``: the app's metrics (``app[METRICS]``) in Prometheus text format."""
    body = request.app[METRICS].exposition()
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})
