"""Reviewer feedback: false positives go to an allow list, missed spans to a recognizer file.

- **False positive**: a finding that should not have been scrubbed. Its value is looked up
  in the vault from the finding's token *in the exchange's own scope* (the reviewer never
  types or sees it) and appended to the allow list file, ``allow_list.txt`` beside the config
  file. Policy allows every listed value, case-insensitively (see :func:`read_allow_list`).
- **Missed span**: text that should have been scrubbed. It is added to the ``deny_list`` of a
  recognizer for its entity type in ``<detection.custom_recognizers_dir>/feedback.yaml``,
  which detection loads like every custom YAML recognizer.

Both take effect when sladd next starts. **These two files then hold the reviewed text
itself** — names, numbers — by the reviewer's decision: they are created mode 0600 and
belong with the configuration, not in the data dir. Messages and return values here never
contain the text.
"""

from __future__ import annotations

import asyncio
import os
import re
import threading
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from proxy.audit.crypto import ScrubbedSlot
from proxy.audit.record import FALSE_POSITIVE_ACTIONS, AuditRecord
from proxy.scrub.tokens import TokenFormat
from proxy.settings import Settings
from proxy.support.private_files import replace_private_file
from recognizers.custom_yaml import yaml_problem

ALLOW_LIST_FILE_NAME = "allow_list.txt"
FEEDBACK_FILE_NAME = "feedback.yaml"
MAX_TEXT = 200
_ENTITY = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")
_HEADER = (
    "# Written by sladd review feedback ({what}). It holds reviewed text itself — possibly\n"
    "# personal data — by the reviewer's decision: keep it as private as the config.\n"
)
_WRITING = threading.Lock()
"""Held while a feedback file is read and rewritten or appended to (calls run in threads)."""
VaultLookup = Callable[[str, str, int], Awaitable[str | None]]
"""``(scope, label, number) -> value``: the vault's look-up."""


class FeedbackError(ValueError):
    """Feedback that cannot be applied; the message never contains a value."""


@dataclass(frozen=True, slots=True)
class FeedbackTargets:
    """Where feedback goes; ``None``: that kind of feedback is not configured."""

    allow_list: Path | None
    recognizers_dir: Path | None


@dataclass(frozen=True, slots=True)
class FeedbackResult:
    """What was done, for messages: never the text."""

    entity_type: str
    file: Path
    added: bool
    """False when the value was already there."""


def targets_for(settings: Settings) -> FeedbackTargets:
    """``allow_list.txt`` beside the config file (none without one) and the custom
    recognizers folder."""
    config = settings.config_path
    allow_list = config.resolve().parent / ALLOW_LIST_FILE_NAME if config is not None else None
    return FeedbackTargets(allow_list, settings.detection.custom_recognizers_dir)


def read_allow_list(path: Path | None) -> tuple[str, ...]:
    """The values in an allow list file: one per line; blank lines and ``#`` lines skipped.

    A missing file (or ``None``) is an empty list.
    """
    if path is None or not path.is_file():
        return ()
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(v.strip() for v in lines if v.strip() and not v.lstrip().startswith("#"))


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
    if targets.allow_list is None:
        raise FeedbackError("no allow list file is configured (it lives beside the config file)")
    label, token_number = eligible(record, number, token_format)
    value = await lookup(record.scope, label, token_number)
    if value is None:
        raise FeedbackError(
            f"the value behind {token_format.render(label, token_number)} is no longer in the "
            "vault (the scope expired or was erased)"
        )
    added = await asyncio.to_thread(append_allow_list, targets.allow_list, value)
    return FeedbackResult(record.findings[number - 1].entity_type, targets.allow_list, added)


def append_allow_list(path: Path, value: str) -> bool:
    """Append ``value`` unless already listed; create the file (0600) with a header."""
    value = value.strip()
    if not value or "\n" in value or "\r" in value or value.startswith("#"):
        raise FeedbackError("this value cannot be written as one allow list line")
    with _WRITING:
        if value.casefold() in {v.casefold() for v in read_allow_list(path)}:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        exists = path.exists()
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as stream:
            if not exists:
                stream.write(_HEADER.format(what="false positives; one value per line"))
            stream.write(value + "\n")
    return True


def add_missed(
    record: AuditRecord,
    text: str,
    entity_type: str,
    targets: FeedbackTargets,
    scrubbed: Sequence[ScrubbedSlot] | None = None,
) -> FeedbackResult:
    """Add ``text`` to the feedback recognizer for ``entity_type``.

    With ``scrubbed`` (the exchange's decrypted scrubbed text), the text must occur in it:
    a missed span is something that actually left.
    """
    text = text.strip()
    directory = _check_missed(text, entity_type, targets.recognizers_dir)
    folded = text.casefold()
    if scrubbed is not None and not any(folded in slot.text.casefold() for slot in scrubbed):
        raise FeedbackError(f"that text does not occur in what request {record.request_id} sent")
    path = directory / FEEDBACK_FILE_NAME
    with _WRITING:
        entries = _read_feedback(path)
        entry = _entry_for(entries, entity_type)
        deny = entry["deny_list"]
        assert isinstance(deny, list)
        added = text.casefold() not in {str(v).casefold() for v in deny}
        if added:
            deny.append(text)
            _write_feedback(path, entries)
    return FeedbackResult(entity_type, path, added)


def _check_missed(text: str, entity_type: str, directory: Path | None) -> Path:
    if not _ENTITY.match(entity_type):
        raise FeedbackError("the entity type must be upper-case, like PERSON or NO_HPR")
    if not text or len(text) > MAX_TEXT or "\n" in text or "\r" in text:
        raise FeedbackError(f"a missed span is one line of 1 to {MAX_TEXT} characters")
    if directory is None:
        raise FeedbackError("detection.custom_recognizers_dir is not set; missed spans go there")
    return directory


def _read_feedback(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:  # its own message quotes the line, maybe a listed name
        message = f"{path}: not valid YAML{yaml_problem(exc)}; fix or remove the file"
        raise FeedbackError(message) from None
    entries = document.get("recognizers") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise FeedbackError(f"{path}: expected a top-level 'recognizers:' list")
    return entries


def _entry_for(entries: list[dict[str, object]], entity_type: str) -> dict[str, object]:
    name = f"SladdFeedback_{entity_type}"
    for entry in entries:
        if entry.get("name") == name:
            if not isinstance(entry.get("deny_list"), list):
                entry["deny_list"] = []
            return entry
    entry = {
        "name": name,
        "supported_entity": entity_type,
        "supported_language": "no",
        "deny_list": [],
    }
    entries.append(entry)
    return entry


def _write_feedback(path: Path, entries: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump({"recognizers": entries}, allow_unicode=True, sort_keys=False)
    header = _HEADER.format(what="missed spans; a deny_list per entity type")
    replace_private_file(path, header + body)
