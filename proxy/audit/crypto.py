"""The audit key and the encrypted envelope of an exchange's scrubbed text.

The audit key is 32 random bytes, base64-encoded, from ``SLADD_AUDIT_KEY``, else from the
key file ``<data-dir>/audit.key``, created (mode 0600) at the first start that stores
scrubbed text. It is separate from the vault key: whoever may read what *left* (the scrubbed
text, tokens in place of values) need not be able to read the vault (the values). A key file
that group or others may access is refused.

The scrubbed text of one exchange is a JSON list of ``{"slot", "text"}`` sealed with
AES-256-GCM. The envelope is the text ``sladd-audit-1:`` + base64 of
``key id (4) | nonce (12) | ciphertext+tag``; the key id is a non-secret check value of the
key, so a wrong key is named as such. The associated data binds the header and the request
id: an envelope copied into another record does not open.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from proxy.support.private_files import load_private_file
from proxy.support.toml_binding import ConfigError
from proxy.vault.crypto import KEY_BYTES, Secret, decode_key, framed

ENV_VAR = "SLADD_AUDIT_KEY"
KEY_FILE_NAME = "audit.key"
PREFIX = "sladd-audit-1:"
_KEY_ID = 4
_NONCE = 12
_TAG = 16


class AuditKeyError(ConfigError):
    """The audit key cannot be loaded; the message names where from, never the key."""


class AuditCryptoError(RuntimeError):
    """An envelope does not open: another key, altered, or moved to another record."""


@dataclass(frozen=True, slots=True)
class ScrubbedSlot:
    """The scrubbed text of one request slot (``slot`` is its JSON path)."""

    slot: str
    text: str


def _decode_key(text: str, where: str) -> Secret:
    return decode_key(text.strip(), where, AuditKeyError, "the audit key")


def new_key_text() -> str:
    """Fresh key material (base64 of 32 random bytes)."""
    return base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode()


def _new_key_line() -> str:
    return new_key_text() + "\n"


def load_audit_cipher(
    data_dir: Path, environ: Mapping[str, str] | None = None, *, create: bool = False
) -> AuditCipher | None:
    """The cipher for ``SLADD_AUDIT_KEY`` or ``<data-dir>/audit.key``.

    With ``create``, a missing key file is created; without, a missing key is ``None``
    (readers without the key see that the text is encrypted, nothing more).
    """
    env = os.environ if environ is None else environ
    if env.get(ENV_VAR):
        return AuditCipher(_decode_key(env[ENV_VAR], ENV_VAR))
    path = data_dir / KEY_FILE_NAME
    text = load_private_file(path, "audit key", AuditKeyError, _new_key_line if create else None)
    return None if text is None else AuditCipher(_decode_key(text, str(path)))


def _aad(header: bytes, request_id: str) -> bytes:
    return framed(b"sladd-audit-scrubbed", header, request_id.encode("utf-8", "surrogatepass"))


class AuditCipher:
    """Seals and opens scrubbed-text envelopes with one audit key."""

    def __init__(self, key: Secret) -> None:
        self._key = key
        digest = hashlib.sha256(b"sladd-audit-key-id\x00" + key.reveal()).digest()
        self._key_id = digest[:_KEY_ID]

    @property
    def key_id(self) -> str:
        """A non-secret check value of the key (8 hex digits)."""
        return self._key_id.hex()

    def seal(self, request_id: str, slots: Sequence[ScrubbedSlot]) -> str:
        """The envelope of ``slots``, bound to ``request_id``."""
        plain = json.dumps([{"slot": s.slot, "text": s.text} for s in slots], ensure_ascii=False)
        nonce = secrets.token_bytes(_NONCE)
        sealed = AESGCM(self._key.reveal()).encrypt(
            nonce, plain.encode("utf-8", "surrogatepass"), _aad(self._key_id, request_id)
        )
        return PREFIX + base64.b64encode(self._key_id + nonce + sealed).decode()

    def open(self, request_id: str, envelope: str) -> tuple[ScrubbedSlot, ...]:
        """The slots in ``envelope``; :class:`AuditCryptoError` if it does not open."""
        raw = _envelope_bytes(envelope)
        body = _KEY_ID + _NONCE
        key_id, nonce, sealed = raw[:_KEY_ID], raw[_KEY_ID:body], raw[body:]
        if key_id != self._key_id:
            raise AuditCryptoError(
                f"the scrubbed text is sealed with audit key {key_id.hex()}, "
                f"not with this key ({self.key_id})"
            )
        try:
            plain = AESGCM(self._key.reveal()).decrypt(nonce, sealed, _aad(key_id, request_id))
        except InvalidTag:
            raise AuditCryptoError(
                "the scrubbed text failed authentication (altered or moved)"
            ) from None
        document = json.loads(plain.decode("utf-8", "surrogatepass"))
        return tuple(ScrubbedSlot(str(d["slot"]), str(d["text"])) for d in document)


def _envelope_bytes(envelope: str) -> bytes:
    if not envelope.startswith(PREFIX):
        raise AuditCryptoError("the scrubbed text is not a sladd audit envelope (version 1)")
    try:
        raw = base64.b64decode(envelope[len(PREFIX) :], validate=True)
    except binascii.Error:
        raise AuditCryptoError("the scrubbed-text envelope is not valid base64") from None
    if len(raw) < _KEY_ID + _NONCE + _TAG:
        raise AuditCryptoError("the scrubbed-text envelope is truncated")
    return raw


@dataclass(frozen=True, slots=True)
class ScrubbedView:
    """An exchange's scrubbed text as a reader may see it: the slots, or why not."""

    slots: tuple[ScrubbedSlot, ...] | None
    note: str


def open_scrubbed(
    request_id: str, envelope: str | None, cipher: AuditCipher | None
) -> ScrubbedView:
    """Decrypt the scrubbed text of an exchange if it was stored and the key is here."""
    if envelope is None:
        return ScrubbedView(None, "not stored (audit.store_scrubbed_text is off)")
    if cipher is None:
        return ScrubbedView(
            None, f"stored encrypted; no audit key here ({ENV_VAR} or <data-dir>/{KEY_FILE_NAME})"
        )
    try:
        return ScrubbedView(cipher.open(request_id, envelope), "decrypted with the audit key")
    except AuditCryptoError as exc:
        return ScrubbedView(None, f"cannot be opened: {exc}")
