"""Policy: which findings count, and what happens to each (pseudonymise/redact/block/allow)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from proxy.scrub.findings import Finding, merge_clusters, overlaps_any, resolve_overlaps
from proxy.settings import PolicySettings

SEVERITY = ("allow", "pseudonymise", "redact", "block")
"""Actions from mildest to strictest; merged findings take their strictest member's action."""


@dataclass(frozen=True, slots=True)
class Decision:
    """A finding and the action policy chose for it."""

    finding: Finding
    action: str


class Policy:
    """Thresholds, allow list and per-type actions from :class:`PolicySettings`."""

    def __init__(self, settings: PolicySettings) -> None:
        self._settings = settings
        self._allowed_values = frozenset(v.casefold().strip() for v in settings.allow_list)

    def decide(self, text: str, findings: Sequence[Finding]) -> list[Decision]:
        """Drop findings under threshold, merge overlaps, attach actions; ordered by start.

        Findings to rewrite are merged into their union (nothing half-scrubbed). Allowed
        findings (by type or by allow-listed value) never shadow them: they are kept, with
        action ``allow``, only where they overlap nothing that is rewritten, for auditing.
        """
        counted = [f for f in findings if f.score >= self._settings.threshold_for(f.entity_type)]
        actions = {f: self._action(text, f) for f in counted}
        clusters = merge_clusters(f for f in counted if actions[f] != "allow")
        decisions = [
            Decision(merged, max((actions[f] for f in members), key=SEVERITY.index))
            for merged, members in clusters
        ]
        acted = [merged for merged, _ in clusters]
        starts = [f.start for f in acted]
        decisions += [
            Decision(f, "allow")
            for f in resolve_overlaps(f for f in counted if actions[f] == "allow")
            if not overlaps_any(f, acted, starts)
        ]
        return sorted(decisions, key=lambda d: d.finding.start)

    def _action(self, text: str, finding: Finding) -> str:
        if self._allowed_values:  # else no value needs reading (nested findings: n^2 chars)
            value = text[finding.start : finding.end].casefold().strip()
            if value in self._allowed_values:
                return "allow"
        return self._settings.action_for(finding.entity_type)
