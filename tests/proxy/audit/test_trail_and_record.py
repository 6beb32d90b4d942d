"""The audit middleware's records, and the record helpers the proxy uses."""

from __future__ import annotations

import asyncio
import threading
from asyncio import selector_events
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from proxy.audit import trail as trail_module
from proxy.audit.crypto import ScrubbedSlot
from proxy.audit.metrics import Metrics
from proxy.audit.reader import AuditReader
from proxy.audit.record import (
    AuditFinding,
    AuditRecord,
    parse_time,
    safe_model,
    slot_findings,
)
from proxy.audit.settings import AuditSettings
from proxy.audit.trail import AUDIT, audit_middleware, start_trail
from proxy.audit.writer import AuditLog
from proxy.scrub.pseudonymise import Replacement

FINDING = AuditFinding("messages[0].content", "PERSON", 0, 4, "NER", 0.9, "pseudonymised", "[P_1]")


async def handler(request: web.Request) -> web.StreamResponse:
    kind = request.match_info["kind"]
    trail = start_trail(request, f"id-{kind}")
    trail.route, trail.provider, trail.findings = "openai", "openai_chat", (FINDING,)
    trail.scrubbed = (ScrubbedSlot("messages[0].content", "[P_1] ringte"),)
    if kind == "forwarded":
        trail.forwarded = True
        return web.json_response({}, status=500)  # the upstream's own error: still forwarded
    if kind == "blocked":
        trail.error_type = "sladd_blocked"
        return web.json_response({}, status=422)
    if kind == "refused":
        trail.error_type = "sladd_body_too_large"
        return web.json_response({}, status=413)
    if kind == "http-error":
        raise web.HTTPBadRequest()
    raise RuntimeError("boom")


async def untracked(request: web.Request) -> web.StreamResponse:
    return web.Response(text="ok")


async def test_middleware_records_each_exchange_with_its_outcome(tmp_path: Path) -> None:
    metrics = Metrics()
    app = web.Application(middlewares=[audit_middleware])
    app[AUDIT] = AuditLog.open(tmp_path, AuditSettings(store_scrubbed_text=True), metrics, {})
    app.router.add_get("/healthz", untracked)
    app.router.add_get("/x/{kind}", handler)
    async with TestClient(TestServer(app, host="127.0.0.1", port=0)) as client:
        for kind in ("forwarded", "blocked", "refused", "http-error", "crash"):
            await client.get(f"/x/{kind}")
        await client.get("/healthz")
    app[AUDIT].close()
    records = {r.request_id: r for r in AuditReader(tmp_path).records()}
    assert {k: (r.status, r.outcome) for k, r in records.items()} == {
        "id-forwarded": (500, "forwarded"),
        "id-blocked": (422, "blocked"),
        "id-refused": (413, "refused"),
        "id-http-error": (400, "refused"),
        "id-crash": (500, "failed"),
    }
    assert records["id-forwarded"].scrubbed is not None  # what left is kept (sealed)
    assert records["id-blocked"].scrubbed is None  # nothing left
    assert all(r.findings == (FINDING,) and r.latency_ms >= 0 for r in records.values())
    assert (
        metrics.registry.get_sample_value(
            "sladd_blocked_requests_total", {"route": "openai", "provider": "openai_chat"}
        )
        == 1.0
    )


def test_slot_findings_name_actions_and_tokens_never_values() -> None:
    replacements = (
        Replacement("PERSON", 0, 4, "pseudonymise", 0.8, "NER", "[PERSON_1]", ("PERSON", 1)),
        Replacement("NO_HPR", 10, 17, "redact", 0.9, "Hpr", "[REDACTED_HPR]"),
        Replacement("LOCATION", 20, 24, "allow", 0.7, "NER", None),
        Replacement("PHONE_NUMBER", 30, 38, "block", 0.9, "Phone", "[PHONE_1]", ("PHONE", 1)),
    )
    found = slot_findings("messages[1].content", replacements)
    assert [(f.action, f.token) for f in found] == [
        ("pseudonymised", "[PERSON_1]"),
        ("redacted", "[REDACTED_HPR]"),
        ("allowed", None),
        ("blocked", "[PHONE_1]"),
    ]
    assert {f.slot for f in found} == {"messages[1].content"}


@pytest.mark.parametrize(
    ("model", "kept"),
    [
        ("gpt-4o", "gpt-4o"),
        ("claude-3-5-sonnet-20241022", "claude-3-5-sonnet-20241022"),
        ("llama3.1:8b", "llama3.1:8b"),
        ("Kari Nordmann", "?"),
        ("gpt-13097210181", "?"),
        ("x91234567", "?"),
        ("claude-3-5-sonnet@20240620", "claude-3-5-sonnet@20240620"),
        (
            "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M",
            "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M",
        ),
        ("kari.nordmann@gmail.com", "?"),
        ("gpt-4o@kari.nordmann@gmail.com", "?"),
        ("Kari Nordmann 13097248022", "?"),
        (None, ""),
        (42, ""),
    ],
)
def test_safe_model(model: object, kept: str) -> None:
    assert safe_model(model) == kept


def test_record_json_round_trip_and_times() -> None:
    record = AuditRecord(
        time="2025-03-14T12:00:00.000+01:00",
        request_id="r",
        scope="s",
        route="openai",
        provider="openai_chat",
        model="gpt",
        status=200,
        outcome="forwarded",
        latency_ms=12.345,
        findings=(FINDING,),
        scrub_ms=1.234,
    )
    again = AuditRecord.from_json(record.to_json())
    assert again.scrub_ms == 1.23
    assert again.findings == record.findings
    assert again.timestamp == datetime(2025, 3, 14, 11, 0, tzinfo=UTC)
    assert parse_time("2025-03-14T12:00") == datetime(2025, 3, 14, 12, 0, tzinfo=UTC)
    assert AuditRecord.from_json({**record.to_json(), "scrub_ms": None}).scrub_ms is None


@pytest.mark.parametrize("in_a_thread", [False, True])
async def test_the_answer_goes_out_before_its_record_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_a_thread: bool
) -> None:
    """The record is written on the loop's next turn, after the response bytes were sent
    (fails if the middleware writes it before returning the response)."""
    order: list[str] = []
    transport: Any = getattr(selector_events, "_SelectorSocketTransport")  # noqa: B009 - private
    real_write = transport.write

    def write(self: object, data: bytes) -> None:
        if b"HTTP/1.1 500" in bytes(data):  # the server's answer, not the client's request
            order.append("answer")
        real_write(self, data)

    monkeypatch.setattr(transport, "write", write)
    audit = AuditLog.open(tmp_path, AuditSettings(), None, {})
    real_record = audit.record

    written = threading.Event()

    def record(*args: Any) -> None:
        order.append("record")
        real_record(*args)
        written.set()

    monkeypatch.setattr(audit, "record", record)
    if in_a_thread:  # every record counts as big: serialised in a thread (huge requests)
        monkeypatch.setattr(trail_module, "BIG_RECORD_FINDINGS", 0)
    app = web.Application(middlewares=[audit_middleware])
    app[AUDIT] = audit
    app.router.add_get("/x/{kind}", handler)
    async with TestClient(TestServer(app, host="127.0.0.1", port=0)) as client:
        assert (await client.get("/x/forwarded")).status == 500
        await asyncio.to_thread(written.wait, 60)  # a thread's write lands a moment later
    audit.close()
    assert order == ["answer", "record"]
    assert [r.request_id for r in AuditReader(tmp_path).records()] == ["id-forwarded"]
