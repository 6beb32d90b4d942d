"""Why a finding was kept (left in the text): what the review page says beside it.

The redaction log records that a finding was ``allowed``, not why, and never its value. The
reason follows from the policy, by the same rules :class:`~proxy.scrub.policy.Policy` applies:
a type whose action is ``allow`` (sladd's default, or the operator's ``[policy]``), an age
under ``generalise_ages_from``, a date without a day under ``partial_dates``; any other kept
finding was kept because its value is on an allow list (a reviewer's false positive or
``policy.allow_list``). It is read against the policy sladd runs now, which may differ from
the one in force when the exchange happened.
"""

from __future__ import annotations

from proxy.audit.record import AuditFinding
from proxy.scrub.policy import canonical_action
from proxy.scrub.policy_settings import PolicySettings

_DEFAULTS = PolicySettings()


def kept_reason(finding: AuditFinding, policy: PolicySettings) -> str | None:
    """Why ``finding`` was kept; ``None`` if it was not kept (``allowed``)."""
    if finding.action != "allowed":
        return None
    entity_type = finding.entity_type
    action = canonical_action(policy.action_for(entity_type))
    if action == "allow":
        return _type_reason(entity_type, policy)
    if action == "generalise":
        return f"an age under policy.generalise_ages_from ({policy.generalise_ages_from})"
    if action == "shift" and canonical_action(policy.partial_dates) == "allow":
        return "allow list, or a date without a day (policy.partial_dates = allow)"
    return "allow list (a reviewer's false positive or policy.allow_list)"


def _type_reason(entity_type: str, policy: PolicySettings) -> str:
    configured = policy.actions.get(entity_type)
    if configured is None:
        return "policy.default_action = allow"
    if canonical_action(_DEFAULTS.actions.get(entity_type, "")) == "allow":
        return f"a type kept by default (policy.actions.{entity_type} = {configured})"
    return f"policy.actions.{entity_type} = {configured}"
