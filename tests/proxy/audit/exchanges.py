"""Real scrubbed exchanges written to a real redaction log, for the audit tests.

The rule-based recognizers (no NER) scrub three chat requests with an encrypted SQLite
vault in the data dir, exactly as the proxy does; each exchange is recorded with the audit
log, its scrubbed text sealed with the audit key. Also: ``sladd logs`` run in this process,
and the checks that no original value shows up in output or under a directory.
"""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from proxy.audit.crypto import ScrubbedSlot
from proxy.audit.metrics import Metrics
from proxy.audit.reader import AuditReader
from proxy.audit.record import AuditFinding, AuditRecord, slot_findings, utc_now
from proxy.audit.settings import AuditSettings
from proxy.audit.writer import AuditLog
from proxy.cli.logs import build_parser, run
from proxy.detection.detector import Detector
from proxy.http.scope import scope_for
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.policy import Policy
from proxy.scrub.policy_settings import PolicySettings
from proxy.scrub.tokens import TokenFormat
from proxy.vault.open import open_vault
from proxy.vault.urls import default_vault_url
from tests.proxy.patient import PROMPT, VALUES

PASSPORT = "Pasienten har passnummer 33445566 og tlf 912 34 567."
MISSED = "Pasienten ringte, fnr 13097210181. Tussa er lei seg."
ALL_VALUES = (*VALUES, "33445566", "Tussa")
SCOPE = scope_for({"authorization": "Bearer sk-test-clinic-a"})
TOKEN_FORMAT = TokenFormat("[{type}_{n}]")
POLICY = PolicySettings(actions={"LOCATION": "allow", "ORGANIZATION": "allow", "NO_HPR": "redact"})
BLOCK_PHONES = PolicySettings(actions={**POLICY.actions, "PHONE_NUMBER": "block"})
EXCHANGES = (
    ("openai", "openai_chat", PROMPT),
    ("anthropic", "anthropic", PASSPORT),
    ("openai", "openai_chat", MISSED),
)


@dataclass(frozen=True)
class Recorded:
    """The data dir and the records as stored (scrubbed text sealed), in order."""

    data_dir: Path
    records: tuple[AuditRecord, ...]
    metrics: Metrics

    def number(self, index: int, *, action: str, entity_type: str | None = None) -> int:
        """The (1-based) number of the first finding of record ``index`` with this action
        (and type); detection evolves, so tests look findings up instead of counting."""
        findings = self.records[index].findings
        return next(
            n
            for n, f in enumerate(findings, start=1)
            if f.action == action and entity_type in (None, f.entity_type)
        )

    def value(self, index: int, number: int) -> str:
        """The original text behind finding ``number`` of record ``index``."""
        finding = self.records[index].findings[number - 1]
        return EXCHANGES[index][2][finding.start : finding.end]


def _record(
    route: str, provider: str, findings: Sequence[AuditFinding], blocked: bool
) -> AuditRecord:
    return AuditRecord(
        time=utc_now(),
        request_id=uuid.uuid4().hex,
        scope=SCOPE,
        route=route,
        provider=provider,
        model="gpt-test" if route == "openai" else "claude-test",
        status=422 if blocked else 200,
        outcome="blocked" if blocked else "forwarded",
        latency_ms=12.5,
        findings=tuple(findings),
        scrub_ms=1.5,
    )


async def record_exchanges(
    data_dir: Path, detector: Detector, settings: AuditSettings | None = None
) -> Recorded:
    """Scrub :data:`EXCHANGES` and record them (the second one is blocked by policy)."""
    vault = await open_vault(default_vault_url(data_dir), data_dir, {})
    metrics = Metrics()
    audit = AuditLog.open(
        data_dir, settings or AuditSettings(store_scrubbed_text=True), metrics, {}
    )
    records = []
    try:
        for number, (route, provider, text) in enumerate(EXCHANGES):
            block = number == 1
            policy = Policy(BLOCK_PHONES if block else POLICY)
            scrubber = Scrubber(detector, policy, vault, TOKEN_FORMAT)
            (result,) = await scrubber.scrub([text], SCOPE)
            slot = "messages[0].content"
            record = _record(
                route, provider, slot_findings(slot, result.scrubbed.replacements), block
            )
            audit.record(record, [] if block else [ScrubbedSlot(slot, result.scrubbed.text)])
            records.append(record)
    finally:
        audit.close()
        await vault.close()
    stored = {r.request_id: r for r in AuditReader(data_dir).records()}
    assert set(stored) == {r.request_id for r in records}
    return Recorded(data_dir, tuple(stored[r.request_id] for r in records), metrics)


def config(tmp_path: Path) -> Path:
    """A config file beside the data dir: feedback files are written next to it."""
    path = tmp_path / "conf" / "sladd.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text('[detection]\ncustom_recognizers_dir = "recognizers"\n', encoding="utf-8")
    return path


def where(recorded: Recorded, tmp_path: Path) -> list[str]:
    """``sladd logs`` arguments naming the recorded data dir and the config."""
    return ["--data-dir", str(recorded.data_dir), "--config", str(config(tmp_path))]


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


def logs(
    recorded: Recorded, tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> Result:
    """``sladd logs`` in this process (fast), with its own environment."""
    out, err = io.StringIO(), io.StringIO()
    parsed = build_parser().parse_args([*args, *where(recorded, tmp_path)])
    code = run(parsed, out, err, env or {})
    return Result(code, out.getvalue(), err.getvalue())


def _forms(value: str) -> set[str]:
    """``value`` as written in text and inside a JSON string (non-ASCII escaped)."""
    return {value, json.dumps(value)[1:-1]}


def assert_no_values(text: str, allow: tuple[str, ...] = ()) -> None:
    """No value of :data:`ALL_VALUES` (but those in ``allow``) is in ``text``, in any letter
    case, plain or JSON-escaped."""
    folded = text.casefold()
    for value in ALL_VALUES:
        if value in allow:
            continue
        for form in _forms(value):
            assert form not in text, value
            assert form.casefold() not in folded, value


def files_under(directory: Path) -> list[Path]:
    return [path for path in directory.rglob("*") if path.is_file()]


def assert_no_value_in(directory: Path) -> None:
    """No file under ``directory`` holds a value of :data:`ALL_VALUES` (UTF-8, any ASCII
    letter case, plain or JSON-escaped)."""
    for path in files_under(directory):
        raw = path.read_bytes()
        for value in ALL_VALUES:
            for form in _forms(value):
                assert form.encode("utf-8") not in raw, (value, path.name)
                assert form.casefold().encode("utf-8") not in raw.lower(), (value, path.name)
