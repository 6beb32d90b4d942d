"""Reviewer feedback: false positives to the allow list, missed spans to the missed list.

Both are kept as keyed hashes in the data dir (:mod:`proxy.review.feedback_store`), never as
text and never in the repository tree:

- **False positive**: a finding that should not have been scrubbed. Its value is looked up
  in the vault from the finding's token *in the exchange's own scope* (the reviewer never
  types or sees it) and its digest goes on the allow list: policy allows a finding whose
  text has that digest.
- **Missed span**: text that should have been scrubbed. Its digest is stored with its
  entity type; :class:`~recognizers.feedback_hashes.HashedFeedbackRecognizer` finds it again
  wherever it occurs.

Both take effect when sladd next starts. Messages and return values here never contain the
text.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from proxy.audit.crypto import ScrubbedSlot
from proxy.audit.record import FALSE_POSITIVE_ACTIONS, AuditRecord
from proxy.review.feedback_store import (
    LEGACY_ALLOW_LIST,
    FeedbackError,
    FeedbackTargets,
    add_allowed,
    add_missed_value,
    read_allow_list,
)
from proxy.scrub.tokens import TokenFormat
from proxy.settings import Settings
from recognizers.feedback_hashes import MAX_DIGIT_GROUPS, MAX_WORDS, normalised, recognisable

__all__ = [
    "FeedbackError",
    "FeedbackResult",
    "FeedbackTargets",
    "VaultLookup",
    "add_missed",
    "eligible",
    "mark_false_positive",
    "read_allow_list",
    "targets_for",
]

MAX_TEXT = 200
_ENTITY = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")
VaultLookup = Callable[[str, str, int], Awaitable[str | None]]
"""``(scope, label, number) -> value``: the vault's look-up."""


@dataclass(frozen=True, slots=True)
class FeedbackResult:
    """What was done, for messages: never the text."""

    entity_type: str
    file: Path
    added: bool
    """False when the value was already there."""


def targets_for(settings: Settings, environ: Mapping[str, str] | None = None) -> FeedbackTargets:
    """The data dir's feedback store, with the plain files an older sladd wrote (``allow_list.txt``
    beside the config file, ``feedback.yaml`` in the custom recognizers folder) to migrate."""
    config = settings.config_path
    allow_list = config.resolve().parent / LEGACY_ALLOW_LIST if config is not None else None
    return FeedbackTargets(
        settings.resolved_data_dir(),
        allow_list,
        settings.detection.custom_recognizers_dir,
        environ,
    )


def eligible(record: AuditRecord, number: int, token_format: TokenFormat) -> tuple[str, int]:
    """``(label, token number)`` of finding ``number`` (1-based, as the CLI and page show
    it) if it can be marked a false positive."""
    if not 1 <= number <= len(record.findings):
        raise FeedbackError(f"request {record.request_id} has no finding #{number}")
    index = number - 1
    finding = record.findings[index]
    if finding.action not in FALSE_POSITIVE_ACTIONS or finding.token is None:
        raise FeedbackError(
            f"finding #{number} was {finding.action}: only pseudonymised or blocked findings "
            "have a value in the vault to allow"
        )
    found = token_format.find(finding.token)
    if len(found) != 1:
        raise FeedbackError(f"finding #{number} has no pseudonym token to look up")
    return found[0].label, found[0].number


async def mark_false_positive(
    record: AuditRecord,
    number: int,
    lookup: VaultLookup,
    token_format: TokenFormat,
    targets: FeedbackTargets,
) -> FeedbackResult:
    """Allow-list the value behind finding ``number`` (1-based; looked up in the record's
    own scope)."""
    label, token_number = eligible(record, number, token_format)
    value = await lookup(record.scope, label, token_number)
    if value is None:
        raise FeedbackError(
            f"the value behind {token_format.render(label, token_number)} is no longer in the "
            "vault (the scope expired or was erased)"
        )
    added = await asyncio.to_thread(_allow, targets, value)
    return FeedbackResult(record.findings[number - 1].entity_type, targets.store, added)


def _allow(targets: FeedbackTargets, value: str) -> bool:
    if not normalised(value):
        raise FeedbackError("a value without letters or digits cannot be allow-listed")
    return add_allowed(targets, value)


def add_missed(
    record: AuditRecord,
    text: str,
    entity_type: str,
    targets: FeedbackTargets,
    scrubbed: Sequence[ScrubbedSlot] | None = None,
) -> FeedbackResult:
    """Store ``text``'s digest as a missed ``entity_type`` (run it in a thread: it locks and
    writes a file).

    With ``scrubbed`` (the exchange's decrypted scrubbed text), the text must occur in it:
    a missed span is something that actually left.
    """
    text = text.strip()
    _check_missed(text, entity_type)
    folded = text.casefold()
    if scrubbed is not None and not any(folded in slot.text.casefold() for slot in scrubbed):
        raise FeedbackError(f"that text does not occur in what request {record.request_id} sent")
    added = add_missed_value(targets, entity_type, text)
    return FeedbackResult(entity_type, targets.store, added)


def _check_missed(text: str, entity_type: str) -> None:
    if not _ENTITY.match(entity_type):
        raise FeedbackError("the entity type must be upper-case, like PERSON or NO_HPR")
    if not text or len(text) > MAX_TEXT or "\n" in text or "\r" in text:
        raise FeedbackError(f"a missed span is one line of 1 to {MAX_TEXT} characters")
    if not recognisable(text):
        raise FeedbackError(
            f"a missed span is 1 to {MAX_WORDS} words (or {MAX_DIGIT_GROUPS} groups of digits) "
            "with letters or digits"
        )
