"""Policy: which findings count, and what happens to each.

Actions: ``pseudonymise`` (a reversible token), ``redact`` (irreversible), ``block`` (refuse
the request), ``allow`` (leave it), ``shift`` (a date moved by the scope's secret offset,
:mod:`proxy.scrub.date_shift`; a date that gives no day gets ``partial_dates`` instead),
``generalise`` (an age from ``generalise_ages_from`` years is written ``over N-1``,
:mod:`recognizers.no.age_policy`; a younger age is left alone), and Presidio's ``mask``
(every character ``*``) and ``hash`` (keyed per scope). Presidio's names ``keep`` and
``replace`` mean ``allow`` and ``redact`` (:data:`SYNONYMS`); decisions carry the latter.
:mod:`proxy.scrub.operators` maps each action to a presidio-anonymizer operator.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from proxy.detection.findings import Finding, merge_clusters, overlaps_any, resolve_overlaps
from proxy.scrub.policy_settings import PolicySettings
from recognizers.no.age_policy import generalise_age

SEVERITY = ("allow", "generalise", "shift", "pseudonymise", "hash", "mask", "redact", "block")
"""Actions from mildest to strictest; merged findings take their strictest member's action.
A hash still links a value's mentions within its scope, a mask tells the value's length, a
redaction only its type."""
SYNONYMS = {"keep": "allow", "replace": "redact"}
"""Presidio's operator names for sladd's actions of the same effect."""
_DAY_PRECISIONS = frozenset({"day", "day_month"})


def canonical_action(action: str) -> str:
    """``action`` under sladd's name (:data:`SYNONYMS`)."""
    return SYNONYMS.get(action, action)


@dataclass(frozen=True, slots=True)
class Decision:
    """A finding and the action policy chose for it."""

    finding: Finding
    action: str
    rewrite: str | None = None
    """The text ``generalise`` puts in place of the finding (``over 89 år``)."""


class Policy:
    """Thresholds, allow list and per-type actions from :class:`PolicySettings`.

    ``allowed`` tells whether a finding's text is on the reviewers' allow list, kept as keyed
    hashes (:meth:`recognizers.feedback_hashes.FeedbackHashes.is_allowed`).
    """

    def __init__(
        self, settings: PolicySettings, allowed: Callable[[str], bool] | None = None
    ) -> None:
        self._settings = settings
        self._allowed_values = frozenset(v.casefold().strip() for v in settings.allow_list)
        self._allowed = allowed

    def decide(self, text: str, findings: Sequence[Finding]) -> list[Decision]:
        """Drop findings under threshold, merge overlaps, attach actions; ordered by start.

        Findings to rewrite are merged into their union (nothing half-scrubbed). Allowed
        findings (by type or by allow-listed value) never shadow them: they are kept, with
        action ``allow``, only where they overlap nothing that is rewritten, for auditing.
        A finding that covers no character identifies nothing and is dropped.
        """
        counted = [
            f
            for f in findings
            if f.end > f.start and f.score >= self._settings.threshold_for(f.entity_type)
        ]
        actions = {f: self._action(text, f) for f in counted}
        clusters = merge_clusters(f for f in counted if actions[f] != "allow")
        decisions = [
            self._decision(text, merged, max((actions[f] for f in members), key=SEVERITY.index))
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
        if self._allowed_values or self._allowed is not None:  # else no value is read
            value = text[finding.start : finding.end]  # (nested findings: n^2 characters)
            if value.casefold().strip() in self._allowed_values:
                return "allow"
            if self._allowed is not None and self._allowed(value):
                return "allow"
        action = canonical_action(self._settings.action_for(finding.entity_type))
        if action == "shift" and finding.metadata.get("precision", "day") not in _DAY_PRECISIONS:
            return canonical_action(self._settings.partial_dates)  # ``august 2013``: no day
        if action == "generalise" and not self._old(finding):
            return "allow"
        return action

    def _old(self, finding: Finding) -> bool:
        years = finding.metadata.get("years", "")
        return not years.isdigit() or int(years) >= self._settings.generalise_ages_from

    def _decision(self, text: str, finding: Finding, action: str) -> Decision:
        """``finding`` with ``action``; a ``generalise`` carries its text, and one that cannot
        be written (an age it cannot read) is pseudonymised instead."""
        if action != "generalise":
            return Decision(finding, action)
        years = finding.metadata.get("years", "")
        threshold = self._settings.generalise_ages_from
        value = text[finding.start : finding.end]
        rewrite = generalise_age(value, int(years) if years.isdigit() else threshold, threshold)
        return (
            Decision(finding, "pseudonymise")
            if rewrite is None
            else Decision(finding, action, rewrite)
        )
