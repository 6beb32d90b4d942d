"""An exchange whose findings were kept for each reason the review page names."""

from __future__ import annotations

import uuid
from pathlib import Path

from proxy.audit.crypto import ScrubbedSlot
from proxy.audit.metrics import Metrics
from proxy.audit.reader import AuditReader
from proxy.audit.record import AuditRecord, slot_findings, utc_now
from proxy.audit.settings import AuditSettings
from proxy.audit.writer import AuditLog
from proxy.detection.detector import Detector
from proxy.scrub.pipeline import Scrubber
from proxy.scrub.policy import Policy
from proxy.scrub.policy_settings import PolicySettings
from proxy.vault.open import open_vault
from proxy.vault.urls import default_vault_url
from tests.proxy.audit.exchanges import SCOPE, TOKEN_FORMAT
from tests.proxy.patient import PROMPT

KEPT_TEXT = PROMPT + " Hun flyttet til Bergen. Kontroll i august 2013."
KEPT_POLICY = PolicySettings(actions={"LOCATION": "allow", "DATE": "shift"}, allow_list=("Ingrid",))
"""Ingrid (PERSON) kept by the allow list, Bergen by ``LOCATION = allow``, ``august 2013``
by ``partial_dates``."""


async def record_kept_exchange(data_dir: Path, detector: Detector) -> AuditRecord:
    """Scrub :data:`KEPT_TEXT` under :data:`KEPT_POLICY` and record it in ``data_dir``."""
    vault = await open_vault(default_vault_url(data_dir), data_dir, {})
    audit = AuditLog.open(data_dir, AuditSettings(store_scrubbed_text=True), Metrics(), {})
    try:
        scrubber = Scrubber(detector, Policy(KEPT_POLICY), vault, TOKEN_FORMAT)
        (result,) = await scrubber.scrub([KEPT_TEXT], SCOPE)
        slot = "messages[0].content"
        record = AuditRecord(
            time=utc_now(),
            request_id=uuid.uuid4().hex,
            scope=SCOPE,
            route="openai",
            provider="openai_chat",
            model="gpt-test",
            status=200,
            outcome="forwarded",
            latency_ms=10.0,
            findings=slot_findings(slot, result.scrubbed.replacements),
        )
        audit.record(record, [ScrubbedSlot(slot, result.scrubbed.text)])
    finally:
        audit.close()
        await vault.close()
    stored = AuditReader(data_dir).find(record.request_id)
    assert stored is not None
    return stored
