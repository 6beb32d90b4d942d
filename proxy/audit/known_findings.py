"""Audit findings worked out once per scrub result and slot.

A resent chat history reuses its scrub results (:class:`~proxy.scrub.memo.RecentScrubs`), and a
20-turn conversation has hundreds of findings: their audit form is kept for as long as the
result itself lives, held here rather than on the frozen result.
"""

from __future__ import annotations

import weakref

from proxy.audit.record import AuditFinding, slot_findings
from proxy.scrub.pipeline import ScrubResult


class KnownFindings:
    """Audit findings per live :class:`ScrubResult` (by identity) and slot path."""

    def __init__(self) -> None:
        self._by_result: dict[int, dict[str, tuple[AuditFinding, ...]]] = {}

    def findings(self, where: str, result: ScrubResult) -> tuple[AuditFinding, ...]:
        """The audit findings of ``result`` at slot ``where``, worked out at most once."""
        key = id(result)
        per_slot = self._by_result.get(key)
        if per_slot is None:
            per_slot = self._by_result[key] = {}
            weakref.finalize(result, self._by_result.pop, key, None)
        known = per_slot.get(where)
        if known is None:
            known = per_slot[where] = slot_findings(where, result.scrubbed.replacements)
        return known

    def __len__(self) -> int:
        """How many results have findings kept (for tests)."""
        return len(self._by_result)
