"""/metrics: counts per route, type and outcome; latency histograms; never a value."""

from __future__ import annotations

from pathlib import Path

from proxy.audit.metrics import (
    Metrics,
    entity_label,
    name_label,
    outcome_label,
    status_label,
)
from proxy.audit.record import FINDING_ACTIONS, AuditFinding, AuditRecord
from tests.proxy.audit.exchanges import ALL_VALUES, Recorded
from tests.proxy.review.review_app import review_app


async def test_exposition_counts_the_exchanges(recorded: Recorded, tmp_path: Path) -> None:
    async with review_app(recorded.data_dir, tmp_path, recorded.metrics) as review:
        response = await review.client.get("/metrics")
        text = await response.text()
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    expected = (
        'sladd_requests_total{outcome="forwarded",provider="openai_chat",route="openai",'
        'status="200"} 2.0',
        'sladd_requests_total{outcome="blocked",provider="anthropic",route="anthropic",'
        'status="422"} 1.0',
        'sladd_blocked_requests_total{provider="anthropic",route="anthropic"} 1.0',
        'sladd_findings_total{entity_type="NO_HPR",outcome="redacted",route="openai"} 1.0',
        'sladd_request_duration_seconds_count{provider="openai_chat",route="openai"} 2.0',
        'sladd_scrub_duration_seconds_count{provider="openai_chat",route="openai"} 2.0',
        "sladd_audit_write_failures_total 0.0",
    )
    blocked = sum(len(r.findings) for r in recorded.records if r.route == "anthropic")
    found = (
        'sladd_findings_total{entity_type="PHONE_NUMBER",outcome="blocked",route="anthropic"} '
        f"{blocked:.1f}"
    )
    for line in (*expected, found):
        assert line in text, line
    for value in ALL_VALUES:
        assert value not in text


def test_label_values_are_identifiers_or_other() -> None:
    assert entity_label("NO_FODSELSNUMMER") == "NO_FODSELSNUMMER"
    assert entity_label("Kari Nordmann") == "other"
    assert entity_label("13097210181") == "other"
    assert name_label("openai_chat") == "openai_chat"
    assert name_label("Kari") == "other"
    assert name_label("x" * 33) == "other"
    assert status_label(200) == "200"
    assert status_label(13097210181) == "other"
    assert outcome_label("redacted", FINDING_ACTIONS) == "redacted"
    assert outcome_label("kari", FINDING_ACTIONS) == "other"


def test_a_value_smuggled_into_a_record_never_becomes_a_label() -> None:
    metrics = Metrics()
    finding = AuditFinding("s", "Kari Nordmann", 0, 4, "r", 1.0, "13097210181", "[X_1]")
    metrics.observe(
        AuditRecord(
            time="2025-01-01T00:00:00+00:00",
            request_id="r",
            scope="s",
            route="Kari Nordmann",
            provider="openai_chat",
            model="Kari Nordmann",
            status=13097210181,
            outcome="forwarded",
            latency_ms=1.0,
            findings=(finding,),
        )
    )
    text = metrics.exposition().decode()
    assert "Kari" not in text
    assert "13097210181" not in text
    assert 'sladd_findings_total{entity_type="other",outcome="other",route="other"} 1.0' in text


def test_findings_are_counted_per_type_and_outcome() -> None:
    metrics = Metrics()
    names = ["PERSON", "NO_FODSELSNUMMER", "PERSON", "PERSON", "NO_FODSELSNUMMER"]
    actions = ["pseudonymised", "pseudonymised", "pseudonymised", "allowed", "pseudonymised"]
    findings = tuple(
        AuditFinding(f"messages[{n}].content", name, 0, 4, "r", 1.0, action, None)
        for n, (name, action) in enumerate(zip(names, actions, strict=True))
    )
    record = AuditRecord("2025-01-01T00:00:00+00:00", "r", "s", "openai", "openai_chat", "m", 200,
                         "forwarded", 1.0, findings)  # fmt: skip
    metrics.observe(record)
    metrics.observe(record)

    def count(entity_type: str, outcome: str) -> float | None:
        labels = {"entity_type": entity_type, "outcome": outcome, "route": "openai"}
        return metrics.registry.get_sample_value("sladd_findings_total", labels)

    assert count("PERSON", "pseudonymised") == 4.0
    assert count("PERSON", "allowed") == 2.0
    assert count("NO_FODSELSNUMMER", "pseudonymised") == 4.0


def test_each_app_has_its_own_registry() -> None:
    one, two = Metrics(), Metrics()
    one.audit_write_failures.inc()
    assert one.registry.get_sample_value("sladd_audit_write_failures_total") == 1.0
    assert two.registry.get_sample_value("sladd_audit_write_failures_total") == 0.0
