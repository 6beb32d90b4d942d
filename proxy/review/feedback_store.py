"""Where reviewer feedback lives: keyed hashes in the data dir, never text, never the repo.

``<data-dir>/feedback.json`` (mode 0600, replaced atomically under ``feedback.lock``) holds
``{"format", "key_id", "allowed": [hex], "missed": {TYPE: [hex]}}``: HMAC-SHA256 digests of
values' normalised forms (:mod:`recognizers.feedback_hashes`). A digest lets sladd
*recognise* a value again; it does not let anyone read one back.

**The key is derived from the audit key** (``SLADD_AUDIT_KEY``, else ``<data-dir>/audit.key``):
``HMAC-SHA256(audit key, "sladd-feedback-hmac-1")``. Names are a small dictionary, so whoever
holds the key and the digests can test guesses; a key that may live outside the data dir (the
environment variable) keeps a copied data dir from being enough. The audit key already guards
the reviewers' view (scrubbed text), so there is one reviewer secret to keep, back up and move
between replicas. The file records a check value of the key (``key_id``): loading it with
another key is refused, never silently matching nothing (a missed name would be missed again).

Older sladd wrote plain files: ``allow_list.txt`` beside the config and ``feedback.yaml`` in
``detection.custom_recognizers_dir``. :func:`migrate` hashes their values into the store once
and deletes them, and says so; the text may still be in backups or git history.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import hmac
import json
import logging
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from proxy.audit.crypto import ENV_VAR, KEY_FILE_NAME, AuditKeyError, new_key_text
from proxy.support.private_files import load_private_file, read_private_file, replace_private_file
from proxy.vault.crypto import decode_key
from recognizers.custom_yaml import yaml_problem
from recognizers.errors import RecognizerSetupError
from recognizers.feedback_hashes import FeedbackHashes, digest

STORE_FILE_NAME = "feedback.json"
LOCK_FILE_NAME = "feedback.lock"
LEGACY_ALLOW_LIST = "allow_list.txt"
LEGACY_FEEDBACK_YAML = "feedback.yaml"
FORMAT = "sladd-feedback-1"
_DERIVE = b"sladd-feedback-hmac-1"
log = logging.getLogger(__name__)


class FeedbackError(ValueError):
    """Feedback that cannot be applied; the message never contains a value."""


class FeedbackStoreError(FeedbackError, RecognizerSetupError):
    """The feedback store cannot be read (wrong key, damaged file); detection cannot start."""


@dataclass(frozen=True, slots=True)
class FeedbackTargets:
    """Where feedback goes (``data_dir``) and where older sladd left plain files to migrate.

    ``environ`` is where ``SLADD_AUDIT_KEY`` is looked up (``None``: the process's).
    """

    data_dir: Path
    allow_list: Path | None = None
    """The plain ``allow_list.txt`` an older sladd wrote beside the config file."""
    recognizers_dir: Path | None = None
    """The custom recognizers folder, where an older sladd wrote ``feedback.yaml``."""
    environ: Mapping[str, str] | None = None

    @property
    def store(self) -> Path:
        """The hashed feedback file."""
        return self.data_dir / STORE_FILE_NAME


def feedback_key(targets: FeedbackTargets, *, create: bool) -> bytes | None:
    """The feedback HMAC key, derived from the audit key (``None``: no audit key, and
    ``create`` is off). With ``create`` a missing ``audit.key`` file is created, as
    ``sladd serve`` does when it keeps scrubbed text."""
    env = os.environ if targets.environ is None else targets.environ
    if env.get(ENV_VAR):
        audit_key = decode_key(env[ENV_VAR].strip(), ENV_VAR, AuditKeyError, "the audit key")
    else:
        path = targets.data_dir / KEY_FILE_NAME
        new = (lambda: new_key_text() + "\n") if create else None
        text = load_private_file(path, "audit key", AuditKeyError, new)
        if text is None:
            return None
        audit_key = decode_key(text.strip(), str(path), AuditKeyError, "the audit key")
    return hmac.digest(audit_key.reveal(), _DERIVE, "sha256")


def key_id(key: bytes) -> str:
    """A non-secret check value of the feedback key (8 hex digits)."""
    return hashlib.sha256(b"sladd-feedback-key-id\x00" + key).hexdigest()[:8]


@dataclass(slots=True)
class _Document:
    allowed: list[str]
    missed: dict[str, list[str]]

    def hashes(self, key: bytes) -> FeedbackHashes:
        missed = {t: [bytes.fromhex(d) for d in ds] for t, ds in self.missed.items()}
        return FeedbackHashes(key, [bytes.fromhex(d) for d in self.allowed], missed)


def _read(path: Path, key: bytes | None) -> _Document:
    """The store's digests (none without a file); the file must match ``key``."""
    try:
        raw = read_private_file(path, "feedback", FeedbackStoreError)
    except FileNotFoundError:
        return _Document([], {})
    except OSError as exc:
        raise FeedbackStoreError(f"{path}: cannot read the feedback file: {exc.strerror}") from None
    parsed = _parse(raw)
    if parsed is None:
        raise FeedbackStoreError(f"{path}: not a sladd feedback file ({FORMAT}); restore it")
    stored_id, document = parsed
    if key is None:
        raise FeedbackStoreError(
            f"{path} needs the audit key it was written with "
            f"({ENV_VAR} or <data-dir>/{KEY_FILE_NAME}), key {stored_id}"
        )
    if stored_id != key_id(key):
        raise FeedbackStoreError(
            f"{path} was written with audit key {stored_id}, not with this one "
            f"({key_id(key)}): set {ENV_VAR} to the key sladd serve uses"
        )
    return document


def _parse(raw: bytes) -> tuple[str, _Document] | None:
    """``(key id, digests)`` of a well-formed store file, else ``None``."""
    try:
        document = json.loads(raw)
        if document["format"] != FORMAT:
            return None
        allowed = [str(d) for d in document["allowed"]]
        missed = {str(t): [str(d) for d in ds] for t, ds in document["missed"].items()}
        for one in [*allowed, *(d for ds in missed.values() for d in ds)]:
            bytes.fromhex(one)
        return str(document["key_id"]), _Document(allowed, missed)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _write(path: Path, key: bytes, document: _Document) -> None:
    body = {
        "format": FORMAT,
        "key_id": key_id(key),
        "allowed": sorted(set(document.allowed)),
        "missed": {t: sorted(set(ds)) for t, ds in sorted(document.missed.items())},
    }
    replace_private_file(path, json.dumps(body, indent=1) + "\n")


@contextlib.contextmanager
def _locked(data_dir: Path) -> Iterator[None]:
    """Across processes (``sladd logs`` beside ``sladd serve``), one writer at a time."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(data_dir / LOCK_FILE_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def load_hashes(targets: FeedbackTargets) -> FeedbackHashes | None:
    """The stored feedback for detection and policy; ``None`` when there is none.

    Raises :class:`FeedbackStoreError` when the file exists but the key is missing or another.
    """
    if not targets.store.exists():
        return None
    key = feedback_key(targets, create=False)
    return _read(targets.store, key).hashes(key or b"")


def add_allowed(targets: FeedbackTargets, value: str) -> bool:
    """Put ``value``'s digest on the allow list; False when it was there already."""
    return _add(targets, lambda document, key: _insert(document.allowed, digest(key, value)))


def add_missed_value(targets: FeedbackTargets, entity_type: str, value: str) -> bool:
    """Store ``value``'s digest as a missed ``entity_type``; False when it was there."""
    return _add(
        targets,
        lambda document, key: _insert(
            document.missed.setdefault(entity_type, []), digest(key, value)
        ),
    )


def _created_key(targets: FeedbackTargets) -> bytes:
    key = feedback_key(targets, create=True)
    if key is None:  # pragma: no cover - create makes the key file
        raise FeedbackStoreError(f"{targets.data_dir}: no audit key could be made")
    return key


def _insert(digests: list[str], one: bytes) -> bool:
    if one.hex() in digests:
        return False
    digests.append(one.hex())
    return True


def _add(targets: FeedbackTargets, change: Callable[[_Document, bytes], bool]) -> bool:
    with _locked(targets.data_dir):
        key = _created_key(targets)
        document = _read(targets.store, key)
        _migrate_into(targets, key, document)
        added = change(document, key)
        _write(targets.store, key, document)
        _remove_legacy(targets)
    return added


def migrate(targets: FeedbackTargets) -> bool:
    """Hash plain feedback files of an older sladd into the store and delete them (once),
    logging paths and counts (never values); True if there were any. Feedback commands
    migrate too, before they add."""
    if not _legacy_files(targets):
        return False
    with _locked(targets.data_dir):
        key = _created_key(targets)
        document = _read(targets.store, key)
        if _migrate_into(targets, key, document):
            _write(targets.store, key, document)
            _remove_legacy(targets)
    return True


def _legacy_files(targets: FeedbackTargets) -> list[Path]:
    found = [targets.allow_list] if targets.allow_list is not None else []
    if targets.recognizers_dir is not None:
        found.append(targets.recognizers_dir / LEGACY_FEEDBACK_YAML)
    return [path for path in found if path.is_file()]


def _migrate_into(targets: FeedbackTargets, key: bytes, document: _Document) -> bool:
    files = _legacy_files(targets)
    for path in files:
        if path.name == LEGACY_FEEDBACK_YAML:
            count = 0
            for entity_type, value in _legacy_missed(path):
                count += _insert(document.missed.setdefault(entity_type, []), digest(key, value))
        else:
            count = sum(_insert(document.allowed, digest(key, v)) for v in read_allow_list(path))
        log.warning(
            "feedback: migrated %d value(s) from %s into %s as keyed hashes and deleted the "
            "plain file (its text may remain in backups or git history)",
            count,
            path,
            targets.store,
        )
    return bool(files)


def _remove_legacy(targets: FeedbackTargets) -> None:
    for path in _legacy_files(targets):
        path.unlink()


def read_allow_list(path: Path | None) -> tuple[str, ...]:
    """The values in a plain allow list file (an older sladd's ``allow_list.txt``): one per
    line; blank and ``#`` lines skipped. A missing file (or ``None``) is an empty list."""
    if path is None or not path.is_file():
        return ()
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(v.strip() for v in lines if v.strip() and not v.lstrip().startswith("#"))


def _legacy_missed(path: Path) -> list[tuple[str, str]]:
    """``(entity type, value)`` from an older sladd's ``feedback.yaml`` deny lists. A file
    with anything else in it (patterns) is refused: it is not only feedback."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:  # its own message quotes the line, maybe a listed name
        message = f"{path}: not valid YAML{yaml_problem(exc)}; fix or remove the file"
        raise FeedbackStoreError(message) from None
    entries = document.get("recognizers") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise FeedbackStoreError(f"{path}: expected a top-level 'recognizers:' list")
    found = []
    for entry in entries:
        deny, entity = entry.get("deny_list"), entry.get("supported_entity")
        if entry.get("patterns") or not isinstance(deny, list) or not isinstance(entity, str):
            raise FeedbackStoreError(
                f"{path}: holds more than sladd's feedback (deny lists); move other "
                "recognizers to another file, then run the feedback command again"
            )
        found += [(entity, str(value)) for value in deny]
    return found
