"""Collecting one exchange's audit record while the proxy handles it.

The proxy handler calls :func:`start_trail` and fills in what it learns — route, provider,
scope, findings, the scrubbed slots, whether the upstream answered, the ``sladd_`` error
type if it refused. :func:`audit_middleware`, outermost, times the whole exchange (streams
included: the handler returns after the last chunk), takes the final status, and hands one
:class:`~proxy.audit.record.AuditRecord` to the app's :class:`~proxy.audit.writer.AuditLog`
— on the event loop's next turn, so a whole answer goes out before its record is serialised
and written (serialising a long conversation's record is not free).
Requests that never start a trail (``/healthz``, ``/metrics``, ``/_sladd/...``) are not
recorded. Recording never raises into the request path.

Outcome: ``blocked`` for ``sladd_blocked``; ``forwarded`` once the upstream answered
(whatever its status); otherwise ``refused`` for a 4xx and ``failed`` for anything else.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from time import monotonic

from aiohttp import web
from aiohttp.typedefs import Handler

from proxy.audit.crypto import ScrubbedSlot
from proxy.audit.record import AuditFinding, AuditRecord, utc_now
from proxy.audit.writer import AuditLog

BIG_RECORD_FINDINGS = 5_000
CLIENT_CLOSED = 499
"""Status recorded when the client went away before the answer was complete."""


@dataclass
class ExchangeTrail:
    """What the handler learned about one exchange (mutable while it runs)."""

    request_id: str
    time: str = field(default_factory=utc_now)
    started: float = field(default_factory=monotonic)
    scope: str = ""
    route: str = "unknown"
    provider: str = ""
    model: str = ""
    findings: tuple[AuditFinding, ...] = ()
    scrubbed: tuple[ScrubbedSlot, ...] = ()
    scrub_ms: float | None = None
    forwarded: bool = False
    error_type: str | None = None

    def outcome(self, status: int) -> str:
        """See the module docstring."""
        if self.error_type == "sladd_blocked":
            return "blocked"
        if self.forwarded:
            return "forwarded"
        return "refused" if 400 <= status < 500 else "failed"

    def record(self, status: int) -> AuditRecord:
        """The audit record, timed from the start of the trail to now."""
        return AuditRecord(
            time=self.time,
            request_id=self.request_id,
            scope=self.scope,
            route=self.route,
            provider=self.provider,
            model=self.model,
            status=status,
            outcome=self.outcome(status),
            latency_ms=(monotonic() - self.started) * 1000,
            findings=self.findings,
            scrub_ms=self.scrub_ms,
        )


AUDIT = web.AppKey("sladd_audit_log", AuditLog)
"""The app's audit log (records and metrics)."""
_TRAIL = web.RequestKey("sladd_audit_trail", ExchangeTrail)


def start_trail(request: web.Request, request_id: str) -> ExchangeTrail:
    """Begin the audit trail of the exchange ``request`` starts."""
    trail = ExchangeTrail(request_id)
    request[_TRAIL] = trail
    return trail


def trail_of(request: web.Request) -> ExchangeTrail | None:
    """The request's trail, if its handler started one."""
    return request.get(_TRAIL)


def _write_after_answer(
    audit: AuditLog, record: AuditRecord, scrubbed: Sequence[ScrubbedSlot]
) -> None:
    """Write ``record`` on the event loop's next turn: after aiohttp has written the answer
    the middleware returns (no await comes in between). A record with more than
    :data:`BIG_RECORD_FINDINGS` findings is serialised in a thread from there, so a huge
    request's record (150,000 findings: ~0.7 s of JSON) does not hold up other clients."""
    loop = asyncio.get_running_loop()
    if len(record.findings) <= BIG_RECORD_FINDINGS:
        loop.call_soon(audit.record, record, scrubbed)
        return

    def in_a_thread() -> None:
        loop.run_in_executor(None, audit.record, record, scrubbed)

    loop.call_soon(in_a_thread)


@web.middleware
async def audit_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Record every exchange whose handler started a trail (see the module docstring)."""
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as exc:
        status = exc.status
        raise
    except asyncio.CancelledError:
        status = CLIENT_CLOSED
        raise
    finally:
        trail = trail_of(request)
        if trail is not None:
            scrubbed = trail.scrubbed if trail.forwarded else ()  # only what actually left
            _write_after_answer(request.app[AUDIT], trail.record(status), scrubbed)
