"""What the redaction log holds about one exchange — never a raw value.

A record has the exchange's metadata, per-entity-type counts and one :class:`AuditFinding`
per finding: where it was (JSON path of the text slot plus character offsets in that slot's
original text), what found it, how sure, what policy did and the token it became. The
scrubbed text — what actually left — is only present when configured, and then encrypted
with the audit key (:mod:`proxy.audit.crypto`), never in the clear.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from proxy.scrub.pseudonymise import Replacement


@dataclass(frozen=True, slots=True)
class AuditFinding:
    """One finding in one text slot of the request."""

    slot: str
    entity_type: str
    start: int
    end: int
    recognizer: str
    score: float
    action: str
    token: str | None

    def to_json(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "slot": self.slot,
            "entity_type": self.entity_type,
            "start": self.start,
            "end": self.end,
            "recognizer": self.recognizer,
            "score": round(self.score, 4),
            "action": self.action,
            "token": self.token,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> AuditFinding:
        """Parse one finding written by :meth:`to_json`."""
        token = data.get("token")
        return cls(
            slot=str(data["slot"]),
            entity_type=str(data["entity_type"]),
            start=int(str(data["start"])),
            end=int(str(data["end"])),
            recognizer=str(data["recognizer"]),
            score=float(str(data["score"])),
            action=str(data["action"]),
            token=None if token is None else str(token),
        )


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One exchange.

    ``outcome`` is ``forwarded`` (sent upstream), ``blocked`` (policy), ``refused`` (bad
    input, unscrubbable) or ``failed`` (sladd or the upstream failed). ``scrubbed`` is the
    encrypted envelope of the scrubbed slot texts, or ``None``.
    """

    time: str
    request_id: str
    scope: str
    route: str
    provider: str
    model: str
    status: int
    outcome: str
    latency_ms: float
    findings: tuple[AuditFinding, ...] = ()
    scrubbed: str | None = field(default=None, repr=False)
    scrub_ms: float | None = None
    """Time sladd added before forwarding (parse, detect, policy, vault, rewrite), if measured."""

    @property
    def counts(self) -> dict[str, int]:
        """Findings per entity type (all actions)."""
        return dict(sorted(Counter(f.entity_type for f in self.findings).items()))

    def to_json(self) -> dict[str, object]:
        """JSON-ready form (one line of the log)."""
        return {
            "time": self.time,
            "request_id": self.request_id,
            "scope": self.scope,
            "route": self.route,
            "provider": self.provider,
            "model": self.model,
            "status": self.status,
            "outcome": self.outcome,
            "latency_ms": round(self.latency_ms, 2),
            "counts": self.counts,
            "findings": [f.to_json() for f in self.findings],
            "scrubbed": self.scrubbed,
            "scrub_ms": None if self.scrub_ms is None else round(self.scrub_ms, 2),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> AuditRecord:
        """Parse one log line written by :meth:`to_json`."""
        findings = data.get("findings")
        scrubbed = data.get("scrubbed")
        scrub_ms = data.get("scrub_ms")
        return cls(
            time=str(data["time"]),
            request_id=str(data["request_id"]),
            scope=str(data["scope"]),
            route=str(data["route"]),
            provider=str(data["provider"]),
            model=str(data["model"]),
            status=int(str(data["status"])),
            outcome=str(data["outcome"]),
            latency_ms=float(str(data["latency_ms"])),
            findings=tuple(
                AuditFinding.from_json(f) for f in (findings if isinstance(findings, list) else [])
            ),
            scrubbed=None if scrubbed is None else str(scrubbed),
            scrub_ms=None if scrub_ms is None else float(str(scrub_ms)),
        )

    @property
    def timestamp(self) -> datetime:
        """``time`` as an aware UTC datetime (naive times are taken as UTC)."""
        return parse_time(self.time)


EXCHANGE_OUTCOMES = ("forwarded", "blocked", "refused", "failed")
"""The outcomes of an exchange (:attr:`AuditRecord.outcome`), in display order."""

ACTION_NAMES = {
    "pseudonymise": "pseudonymised",
    "redact": "redacted",
    "block": "blocked",
    "allow": "allowed",
}
"""Policy action -> the word the audit log uses for what was done."""

FINDING_ACTIONS = tuple(ACTION_NAMES.values())
"""What was done with a finding (:attr:`AuditFinding.action`), in display order."""

FALSE_POSITIVE_ACTIONS = ("pseudonymised", "blocked")
"""Finding actions that leave the value in the vault: those a reviewer can allow-list."""


_MODEL = re.compile(r"^[A-Za-z][A-Za-z0-9._:/+-]{0,99}(?:@[A-Za-z0-9_-]{1,40})?$")
_DIGIT_RUN = re.compile(r"\d{6,}")
_DATE_RUN = re.compile(r"^20\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$")


def safe_model(value: object) -> str:
    """A request's model name as the log may hold it, else ``"?"``: the field is
    client-controlled and never scrubbed, so only a model-like identifier is kept — no
    spaces, no run of 6+ digits except a date such as ``20241022``, and ``@`` only before a
    version without dots (``claude-3-5-sonnet@20240620``), so never an e-mail address."""
    text = value if isinstance(value, str) else ""
    runs = _DIGIT_RUN.findall(text)
    if _MODEL.match(text) and all(_DATE_RUN.match(run) for run in runs):
        return text
    return "?" if text else ""


def utc_now() -> str:
    """The current time as the log writes it: ISO 8601, UTC, milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def parse_time(text: str) -> datetime:
    """An ISO 8601 time as an aware UTC datetime; :class:`ValueError` if it is not one."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def slot_findings(slot: str, replacements: Iterable[Replacement]) -> tuple[AuditFinding, ...]:
    """Audit findings for one slot from the scrubber's replacements (never the values).

    ``token`` is what took the value's place: the pseudonym, the redaction marker, or
    ``None`` for allowed findings (nothing was replaced).
    """
    return tuple(
        AuditFinding(
            slot=slot,
            entity_type=r.entity_type,
            start=r.start,
            end=r.end,
            recognizer=r.recognizer,
            score=r.score,
            action=ACTION_NAMES.get(r.action, r.action),
            token=r.replacement,
        )
        for r in replacements
    )
