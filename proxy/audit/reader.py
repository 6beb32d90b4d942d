"""Reading the redaction log: filtered records, one exchange by id, and summaries.

Readers never write and never need a key. A line that does not parse (for example the last
line while the proxy is appending it) is skipped and counted in :attr:`AuditReader.skipped`.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from proxy.audit.record import AuditRecord, parse_time
from proxy.audit.writer import audit_dir, daily_files
from proxy.support.durations import DurationError, parse_duration


class RecordNotFoundError(LookupError):
    """No exchange with that request id in the audit log."""


class SinceError(ValueError):
    """A ``--since`` that is neither a duration (``7d``) nor an ISO date or time."""


def parse_since(text: str, now: datetime) -> datetime:
    """A duration (``7d``, ``12h``, ``1d12h``: see :func:`~proxy.support.durations.parse_duration`)
    before ``now``, or an ISO date/time (UTC if naive)."""
    try:
        return now - timedelta(seconds=parse_duration(text))
    except (DurationError, OverflowError):
        pass
    try:
        return parse_time(text.strip())
    except ValueError:
        raise SinceError(
            f"bad --since {text!r}: use a duration such as 30m, 12h, 7d, 2w, "
            "or a date or time such as 2025-01-31 or 2025-01-31T08:00"
        ) from None


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Which records to show; ``None`` matches everything."""

    since: datetime | None = None
    route: str | None = None
    entity: str | None = None
    outcome: str | None = None

    def matches(self, record: AuditRecord) -> bool:
        """Whether ``record`` passes every set criterion."""
        if self.route is not None and record.route != self.route:
            return False
        if self.outcome is not None and record.outcome != self.outcome:
            return False
        if self.entity is not None and self.entity not in record.counts:
            return False
        return self.since is None or record.timestamp >= self.since


class AuditReader:
    """The records under ``<data-dir>/audit``."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.directory = audit_dir(data_dir)
        self.skipped = 0

    def records(self, where: AuditFilter = AuditFilter()) -> Iterator[AuditRecord]:
        """Matching records, oldest file first, in file order."""
        first_day = where.since.date() if where.since is not None else date.min
        for day, path in daily_files(self.directory):
            if day < first_day:
                continue
            for record in self._read(path):
                if where.matches(record):
                    yield record

    def recent(self, where: AuditFilter = AuditFilter(), limit: int = 100) -> list[AuditRecord]:
        """The newest ``limit`` matching records, newest first."""
        return newest_first(self.records(where))[:limit]

    def find(self, request_id: str) -> AuditRecord | None:
        """The record of one exchange, or ``None``."""
        for _, path in reversed(daily_files(self.directory)):
            for record in self._read(path, request_id):
                if record.request_id == request_id:
                    return record
        return None

    def get(self, request_id: str) -> AuditRecord:
        """The record of one exchange; :class:`RecordNotFoundError` if there is none."""
        record = self.find(request_id)
        if record is None:
            where = self.data_dir
            raise RecordNotFoundError(f"no exchange {request_id} in the audit log under {where}")
        return record

    def _read(self, path: Path, must_contain: str = "") -> Iterator[AuditRecord]:
        try:
            stream = path.open(encoding="utf-8", errors="replace")
        except FileNotFoundError:  # deleted by retention meanwhile
            return
        with stream:
            for line in stream:
                if must_contain and must_contain not in line:
                    continue
                try:
                    record = AuditRecord.from_json(json.loads(line))
                    parse_time(record.time)
                except (ValueError, KeyError, TypeError, AttributeError):
                    self.skipped += 1
                    continue
                yield record


def newest_first(records: Iterable[AuditRecord]) -> list[AuditRecord]:
    """Records by time, newest first; records of the same time in reverse file order."""
    ordered = list(records)
    ordered.reverse()  # the sort is stable: equal times keep this (newest-written first) order
    ordered.sort(key=lambda r: r.timestamp, reverse=True)
    return ordered


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over a set of records (never a value)."""

    requests: int = 0
    blocked: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    routes: dict[str, int] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)
    actions: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per entity type: findings per action (pseudonymised, redacted, blocked, allowed)."""
    first: str | None = None
    last: str | None = None


def summarise(records: Iterable[AuditRecord]) -> Summary:
    """Requests, outcomes, routes and findings by type and action."""
    outcomes: Counter[str] = Counter()
    routes: Counter[str] = Counter()
    actions: defaultdict[str, Counter[str]] = defaultdict(Counter)
    times: list[str] = []
    for record in records:
        outcomes[record.outcome] += 1
        routes[record.route] += 1
        times.append(record.time)
        for finding in record.findings:
            actions[finding.entity_type][finding.action] += 1
    return Summary(
        requests=len(times),
        blocked=outcomes["blocked"],
        outcomes=dict(sorted(outcomes.items())),
        routes=dict(sorted(routes.items())),
        findings={t: sum(a.values()) for t, a in sorted(actions.items())},
        actions={t: dict(sorted(a.items())) for t, a in sorted(actions.items())},
        first=min(times, default=None),
        last=max(times, default=None),
    )


def findings_per_day(
    records: Iterable[AuditRecord], first: date | None = None, last: date | None = None
) -> dict[date, dict[str, int]]:
    """Findings per UTC day and entity type, every day from ``first`` (default: the first
    record's) to ``last`` (default: the last record's) in order, for the review page's chart."""
    days: defaultdict[date, Counter[str]] = defaultdict(Counter)
    for record in records:
        day = record.timestamp.date()
        days[day].update(finding.entity_type for finding in record.findings)
    if not days and (first is None or last is None):
        return {}
    start, end = first or min(days), last or max(days)
    span = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    return {day: dict(sorted(days[day].items())) for day in span}
