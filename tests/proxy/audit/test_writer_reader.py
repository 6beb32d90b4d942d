"""Writing and reading the redaction log: layout, modes, retention, failures, filters."""

from __future__ import annotations

import json
import logging
import stat
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from proxy.audit.metrics import Metrics
from proxy.audit.reader import (
    AuditFilter,
    AuditReader,
    SinceError,
    findings_per_day,
    parse_since,
    summarise,
)
from proxy.audit.record import AuditFinding, AuditRecord
from proxy.audit.settings import AuditSettings
from proxy.audit.writer import AuditLog, apply_retention, daily_files, day_file
from tests.proxy.audit.exchanges import ALL_VALUES, Recorded

NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)


def record(when: datetime, request_id: str = "r1", route: str = "openai") -> AuditRecord:
    finding = AuditFinding(
        "messages[0].content", "PERSON", 3, 7, "NER", 0.9, "pseudonymised", "[PERSON_1]"
    )
    return AuditRecord(
        time=when.isoformat(timespec="milliseconds"),
        request_id=request_id,
        scope="0" * 32,
        route=route,
        provider="openai_chat",
        model="gpt-test",
        status=200,
        outcome="forwarded",
        latency_ms=5.0,
        findings=(finding,),
    )


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_round_trip_one_line_per_record_in_the_utc_day_file(recorded: Recorded) -> None:
    directory = recorded.data_dir / "audit"
    (only,) = daily_files(directory)
    day = recorded.records[0].timestamp.date()  # the UTC day the record was written on
    assert only == (day, directory / f"audit-{day.isoformat()}.jsonl")
    lines = only[1].read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    assert [json.loads(line)["request_id"] for line in lines] == [
        r.request_id for r in recorded.records
    ]
    assert tuple(AuditReader(recorded.data_dir).records()) == tuple(
        AuditRecord.from_json(json.loads(line)) for line in lines
    )


def test_files_are_private(recorded: Recorded) -> None:
    directory = recorded.data_dir / "audit"
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    for _, path in daily_files(directory):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_records_hold_types_offsets_and_tokens_never_values(recorded: Recorded) -> None:
    first = recorded.records[0]
    assert first.counts["PERSON"] >= 2
    assert {f.action for f in first.findings} == {"pseudonymised", "redacted"}
    assert any(f.token == "[REDACTED_HPR]" for f in first.findings)
    assert recorded.records[1].outcome == "blocked"
    assert {f.action for f in recorded.records[1].findings} == {"blocked"}
    text = ""
    for _, path in daily_files(recorded.data_dir / "audit"):
        text += path.read_text(encoding="utf-8")
    for value in ALL_VALUES:
        assert value not in text


def test_reader_filters_and_finds(recorded: Recorded) -> None:
    reader = AuditReader(recorded.data_dir)
    ids = [r.request_id for r in recorded.records]
    assert [r.request_id for r in reader.records(AuditFilter(route="anthropic"))] == [ids[1]]
    with_email = AuditFilter(entity="EMAIL_ADDRESS")
    assert [r.request_id for r in reader.records(with_email)] == [ids[0]]
    assert [r.request_id for r in reader.records(AuditFilter(outcome="blocked"))] == [ids[1]]
    future = AuditFilter(since=datetime.now(UTC) + timedelta(hours=1))
    assert list(reader.records(future)) == []
    assert reader.find(ids[2]) == recorded.records[2]
    assert reader.find("0" * 32) is None
    assert [r.request_id for r in reader.recent(limit=2)] == [ids[2], ids[1]]


def test_summary_counts_requests_blocks_and_findings(recorded: Recorded) -> None:
    summary = summarise(AuditReader(recorded.data_dir).records())
    assert summary.requests == 3
    assert summary.blocked == 1
    assert summary.outcomes == {"blocked": 1, "forwarded": 2}
    assert summary.routes == {"anthropic": 1, "openai": 2}
    assert summary.findings["NO_FODSELSNUMMER"] == 2
    phones = [f for r in recorded.records for f in r.findings if f.entity_type == "PHONE_NUMBER"]
    assert summary.actions["PHONE_NUMBER"] == dict(
        sorted(Counter(f.action for f in phones).items())
    )
    assert set(summary.actions["PHONE_NUMBER"]) == {"blocked", "pseudonymised"}
    per_day = findings_per_day(AuditReader(recorded.data_dir).records())
    day = recorded.records[0].timestamp.date()
    assert sum(per_day[day].values()) == sum(summary.findings.values())


def test_unparseable_lines_are_skipped_and_counted(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path, AuditSettings(), clock=Clock(NOW))
    audit.record(record(NOW))
    audit.close()
    with day_file(tmp_path / "audit", NOW.date()).open("a", encoding="utf-8") as stream:
        stream.write('{"half": \n')
    reader = AuditReader(tmp_path)
    assert len(list(reader.records())) == 1
    assert reader.skipped == 1


def test_records_go_to_the_file_of_their_utc_day(tmp_path: Path) -> None:
    audit = AuditLog(tmp_path, AuditSettings(retention_days=0), clock=Clock(NOW))
    audit.record(record(NOW - timedelta(days=1), "old"))
    audit.record(record(NOW, "new"))
    audit.close()
    days = [day for day, _ in daily_files(tmp_path / "audit")]
    assert days == [date(2025, 3, 13), date(2025, 3, 14)]


def test_retention_at_open_and_when_the_day_changes(tmp_path: Path) -> None:
    directory = tmp_path / "audit"
    directory.mkdir()
    for days_ago in (0, 29, 30, 31, 45):
        day_file(directory, NOW.date() - timedelta(days=days_ago)).write_text("")
    (directory / "notes.txt").write_text("kept")
    assert apply_retention(directory, NOW.date(), 30) == 2
    remaining = [(NOW.date() - d).days for d, _ in daily_files(directory)]
    assert remaining == [30, 29, 0]
    assert (directory / "notes.txt").exists()
    clock = Clock(NOW)
    audit = AuditLog.open(tmp_path, AuditSettings(retention_days=1), environ={})
    audit._clock = clock  # the day changes while the proxy runs
    clock.now = NOW + timedelta(days=2)
    audit.record(record(clock.now))
    audit.close()
    assert [d for d, _ in daily_files(directory)] == [clock.now.date()]


def test_retention_zero_keeps_everything(tmp_path: Path) -> None:
    directory = tmp_path / "audit"
    directory.mkdir()
    day_file(directory, date(2000, 1, 1)).write_text("")
    AuditLog.open(tmp_path, AuditSettings(retention_days=0), environ={}).close()
    assert len(daily_files(directory)) == 1


def test_a_write_failure_is_logged_counted_and_never_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data dir should be")
    metrics = Metrics()
    audit = AuditLog(blocker, AuditSettings(), metrics=metrics, clock=Clock(NOW))
    with caplog.at_level(logging.ERROR, logger="sladd.audit"):
        audit.record(record(NOW, "req-1"))
    assert "req-1" in caplog.text
    assert "not written" in caplog.text
    assert metrics.registry.get_sample_value("sladd_audit_write_failures_total") == 1.0
    assert (
        metrics.registry.get_sample_value(
            "sladd_requests_total",
            {"route": "openai", "provider": "openai_chat", "status": "200", "outcome": "forwarded"},
        )
        == 1.0
    )


def test_disabled_log_writes_nothing_but_still_counts(tmp_path: Path) -> None:
    metrics = Metrics()
    audit = AuditLog.open(tmp_path, AuditSettings(enabled=False), metrics, {})
    audit.record(record(NOW))
    assert not (tmp_path / "audit").exists()
    assert (
        metrics.registry.get_sample_value(
            "sladd_findings_total",
            {"route": "openai", "entity_type": "PERSON", "outcome": "pseudonymised"},
        )
        == 1.0
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30m", NOW - timedelta(minutes=30)),
        ("12h", NOW - timedelta(hours=12)),
        ("7d", NOW - timedelta(days=7)),
        ("2w", NOW - timedelta(weeks=2)),
        ("2025-03-01", datetime(2025, 3, 1, tzinfo=UTC)),
        ("2025-03-01T08:30", datetime(2025, 3, 1, 8, 30, tzinfo=UTC)),
        ("2025-03-01T08:30+01:00", datetime(2025, 3, 1, 7, 30, tzinfo=UTC)),
    ],
)
def test_parse_since(text: str, expected: datetime) -> None:
    assert parse_since(text, NOW) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "7", "7y", "-1d"])
def test_parse_since_rejects(text: str) -> None:
    with pytest.raises(SinceError, match="--since"):
        parse_since(text, NOW)
