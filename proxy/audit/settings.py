"""The ``[audit]`` settings section: the redaction log, the review page and ``/metrics``.

Secrets are not settings: the audit key comes from ``SLADD_AUDIT_KEY`` or
``<data-dir>/audit.key`` (:mod:`proxy.audit.crypto`), the admin token from
``SLADD_ADMIN_TOKEN`` or ``<data-dir>/admin.token`` (:mod:`proxy.review.admin`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from proxy.support.toml_binding import validator

MAX_RETENTION_DAYS = 3650


def _retention(value: int) -> str | None:
    if 0 <= value <= MAX_RETENTION_DAYS:
        return None
    return f"must be 0 (keep forever) to {MAX_RETENTION_DAYS} days"


@dataclass(frozen=True, slots=True)
class AuditSettings:
    """What sladd records about each exchange and who may look at it.

    ``retention_days``: a daily file is deleted once its day is more than this many days
    before today (UTC); 0 keeps every file. ``store_scrubbed_text``: also keep what actually
    left, encrypted with the audit key. ``review_allow_remote``: serve the review page to
    non-loopback clients (the admin token is still required).

    Scrubbed text is kept by default: it is what the provider already received, sealed with
    a key the vault's holders need not have, deleted with its day's file; without it no one
    can judge a finding ("PERSON 122-138") or see a name detection missed, which is the
    check a privacy officer is there to make.
    """

    enabled: bool = True
    retention_days: int = field(default=30, metadata=validator(_retention))
    store_scrubbed_text: bool = True
    review: bool = True
    review_allow_remote: bool = False
    metrics: bool = True
