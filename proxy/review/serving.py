"""Everything ``sladd serve`` needs from the audit package, opened in one call.

:func:`open_audit` runs before the server listens, so a bad audit key or admin token file
stops start-up with a clear error rather than failing requests later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from proxy.audit.crypto import load_audit_cipher
from proxy.audit.metrics import Metrics
from proxy.audit.settings import AuditSettings
from proxy.audit.writer import AuditLog
from proxy.review.admin import AdminToken
from proxy.review.feedback import FeedbackTargets, VaultLookup, targets_for
from proxy.review.feedback_store import load_hashes
from proxy.review.page import ReviewContext
from proxy.scrub.tokens import TokenFormat
from proxy.settings import Settings
from recognizers.ner.engine import LABELS as NER_LABELS
from recognizers.registry import build_recognizers, entity_types


@dataclass(frozen=True, slots=True)
class AuditServing:
    """The audit log (with the app's metrics) and, if enabled, the review page's context."""

    log: AuditLog
    review: ReviewContext | None


def open_audit(
    settings: Settings,
    audit: AuditSettings,
    lookup: VaultLookup | None,
    environ: Mapping[str, str] | None = None,
) -> AuditServing:
    """Open the log (creating the audit key if scrubbed text is kept), load or create the
    admin token if the review page is on; ``lookup`` is the vault's, for false positives.

    Raises :class:`~proxy.audit.crypto.AuditKeyError` (the admin token's error is a subclass)
    for key or token problems, :class:`~proxy.review.feedback_store.FeedbackStoreError` for
    a feedback store that does not open.
    """
    data_dir = settings.resolved_data_dir()
    log = AuditLog.open(data_dir, audit, Metrics(), environ)
    if not audit.review:
        return AuditServing(log, None)
    feedback = targets_for(settings, environ)
    review = ReviewContext(
        data_dir=data_dir,
        admin=AdminToken.load(data_dir, environ),
        token_format=TokenFormat(settings.pseudonyms.token_format),
        feedback=feedback,
        cipher=load_audit_cipher(data_dir, environ),
        lookup=lookup,
        allow_remote=audit.review_allow_remote,
        entity_types=detected_types(settings, feedback),
        policy=settings.policy,
    )
    return AuditServing(log, review)


def detected_types(settings: Settings, feedback: FeedbackTargets) -> frozenset[str]:
    """The entity types detection reports with ``settings``: built-in, custom YAML (e.g.
    ``PAS_ID``), reviewers' missed values and, with NER on, the model's."""
    detection = settings.detection
    loaded = build_recognizers(detection.custom_recognizers_dir, load_hashes(feedback))
    return entity_types(loaded) | (frozenset(NER_LABELS.values()) if detection.ner else frozenset())
