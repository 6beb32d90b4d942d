"""Vault cryptography: the key ring, AES-GCM envelopes and keyed look-up hashes.

Key material is a JSON key ring::

    {"sladd_vault_keyring": 1,
     "index_key": "<base64 of 32 random bytes>",
     "keys": {"<key id: 8 hex digits>": "<base64 of 32 random bytes>", ...},
     "current": "<key id>"}

It comes from ``SLADD_VAULT_KEY`` (the whole JSON document), else from the key file
``<data-dir>/vault.key``, which is created at first start with mode 0600; a key file that
group or others may access is refused. Replicas sharing a Redis vault must share the ring
(the same ``SLADD_VAULT_KEY`` or the same key file); :meth:`VaultCipher.fingerprint` lets the
backends detect a mismatch before anything is written.

Values are sealed with AES-256-GCM under the ``current`` key. An envelope is
``version (1) | key id (4) | nonce (12) | ciphertext+tag``; the associated data binds the
envelope header, the scope (as its keyed id, below), label and number, so an envelope copied
to another scope or token does not open. Binding the keyed scope id rather than the raw scope
lets ``rotate-key`` re-encrypt entries without ever learning the scopes. Random 96-bit nonces
are safe for far more entries than a vault holds (~2^32 per key).

Look-ups never see plaintext: a scope is stored as ``scope_id = HMAC(index_key, scope)`` and
the forward index as ``HMAC(index_key, scope_id, label, normalised value)``. The index key is
long-lived and *not* changed by key rotation: rotating it would make every forward look-up
miss (new numbers for known values) while replicas disagree on it. ``rotate-key`` therefore
adds a new data key, makes it current and re-encrypts; old data keys stay in the ring, so
entries sealed by a replica that has not reloaded the ring yet stay readable. A replica that
meets an unknown key id reloads the ring from its source once. Erasing the vault (purge) is
the way to retire an index key.

:func:`decode_key` and :func:`framed` are shared with the audit key; the key file itself is
read and written with :mod:`proxy.support.private_files`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from proxy.support.private_files import load_private_file, replace_private_file
from proxy.vault.base import VaultConfigError, VaultError

ENV_VAR = "SLADD_VAULT_KEY"
KEY_FILE_NAME = "vault.key"
FORMAT_VERSION = 1
KEY_BYTES = 32
_ENVELOPE_VERSION = b"\x01"
_HEADER = 5
_NONCE = 12
_TAG = 16
_KEY_ID = re.compile(r"^[0-9a-f]{8}$")


class Secret:
    """Secret bytes that never show themselves in ``repr``/``str``."""

    __slots__ = ("_value",)

    def __init__(self, value: bytes) -> None:
        self._value = value

    def reveal(self) -> bytes:
        """The secret bytes; keep them out of logs and messages."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and hmac.compare_digest(self._value, other._value)

    def __hash__(self) -> int:
        return hash(hashlib.sha256(self._value).digest())


def _new_secret() -> Secret:
    return Secret(secrets.token_bytes(KEY_BYTES))


def decode_key(encoded: object, where: str, error: type[Exception], what: str) -> Secret:
    """The key in ``encoded`` (base64 of :data:`KEY_BYTES` bytes); else ``error`` naming
    ``where`` and ``what`` (e.g. ``"every key"``), never the text."""
    try:
        raw = base64.b64decode(encoded, validate=True) if isinstance(encoded, str) else b""
    except ValueError:  # binascii.Error, or a str that is not ASCII
        raw = b""
    if len(raw) != KEY_BYTES:
        raise error(f"{where}: {what} must be base64 of exactly {KEY_BYTES} bytes")
    return Secret(raw)


def framed(*parts: bytes) -> bytes:
    """``parts`` joined unambiguously: each prefixed with its 4-byte big-endian length."""
    return b"".join(len(part).to_bytes(4, "big") + part for part in parts)


@dataclass(frozen=True, slots=True)
class KeyRing:
    """The index key, the data keys by id (oldest first) and the id of the current one."""

    index_key: Secret
    keys: tuple[tuple[str, Secret], ...]
    current: str

    @classmethod
    def generate(cls) -> KeyRing:
        """A fresh ring with a new index key and one data key."""
        key_id = secrets.token_hex(4)
        return cls(_new_secret(), ((key_id, _new_secret()),), key_id)

    def key(self, key_id: str) -> Secret | None:
        """The data key with this id, or ``None``."""
        return next((secret for kid, secret in self.keys if kid == key_id), None)

    def with_new_key(self) -> KeyRing:
        """This ring plus a new data key, which becomes current."""
        key_id = secrets.token_hex(4)
        while self.key(key_id) is not None:  # pragma: no cover - 1 in 4 billion
            key_id = secrets.token_hex(4)
        return KeyRing(self.index_key, (*self.keys, (key_id, _new_secret())), key_id)

    def to_json(self) -> str:
        """The ring as key material (see the module docstring). Contains secrets."""
        b64 = base64.b64encode
        document = {
            "sladd_vault_keyring": FORMAT_VERSION,
            "index_key": b64(self.index_key.reveal()).decode(),
            "keys": {kid: b64(secret.reveal()).decode() for kid, secret in self.keys},
            "current": self.current,
        }
        return json.dumps(document, indent=2) + "\n"

    @classmethod
    def parse(cls, text: str, where: str) -> KeyRing:
        """Parse key material; :class:`VaultConfigError` naming ``where`` (never the keys)."""
        try:
            document = json.loads(text)
        except ValueError:
            raise VaultConfigError(f"{where}: the vault key ring is not valid JSON") from None
        if not isinstance(document, dict) or document.get("sladd_vault_keyring") != FORMAT_VERSION:
            raise VaultConfigError(
                f"{where}: not a sladd vault key ring (format version {FORMAT_VERSION})"
            )
        keys = document.get("keys")
        current = document.get("current")
        if not isinstance(keys, dict) or not keys or not isinstance(current, str):
            raise VaultConfigError(f"{where}: the key ring needs 'keys' and 'current'")
        if current not in keys:
            raise VaultConfigError(f"{where}: the current key id {current!r} is not in 'keys'")
        ring = tuple((_key_id(kid, where), _decode_key(v, where)) for kid, v in keys.items())
        return cls(_decode_key(document.get("index_key"), where), ring, current)


def _key_id(key_id: str, where: str) -> str:
    if not _KEY_ID.match(key_id):
        raise VaultConfigError(f"{where}: key id {key_id!r} is not 8 lower-case hex digits")
    return key_id


def _decode_key(encoded: object, where: str) -> Secret:
    return decode_key(encoded, where, VaultConfigError, "every key")


def _new_ring_text() -> str:
    return KeyRing.generate().to_json()


class KeySource:
    """Where the key ring lives: ``SLADD_VAULT_KEY`` (read-only) or the key file."""

    def __init__(self, data_dir: Path, environ: Mapping[str, str]) -> None:
        self._env_text = environ.get(ENV_VAR) or None
        self.path = data_dir / KEY_FILE_NAME
        self.description = ENV_VAR if self._env_text else str(self.path)
        self.writable = self._env_text is None

    def load(self) -> KeyRing:
        """The ring, creating the key file (mode 0600) if there is neither variable nor file."""
        if self._env_text is not None:
            return KeyRing.parse(self._env_text, ENV_VAR)
        text = load_private_file(self.path, "vault key", VaultConfigError, _new_ring_text)
        assert text is not None
        return KeyRing.parse(text, str(self.path))

    def save(self, ring: KeyRing) -> None:
        """Replace the key file atomically (mode 0600); refused for ``SLADD_VAULT_KEY``."""
        if not self.writable:
            raise VaultConfigError(f"the key ring comes from {ENV_VAR} and cannot be changed")
        try:
            replace_private_file(self.path, ring.to_json())
        except OSError as exc:
            raise VaultConfigError(f"{self.path}: vault key file: {exc.strerror}") from None


class VaultCipher:
    """Seals and opens vault values and derives the keyed look-up ids, for one key source.

    Thread-safe for concurrent use; the ring is swapped atomically on reload or rotation.
    """

    def __init__(self, source: KeySource) -> None:
        self._source = source
        self._ring = source.load()

    @property
    def current_key_id(self) -> str:
        """The id of the key new envelopes are sealed with."""
        return self._ring.current

    def fingerprint(self) -> str:
        """A non-secret check value of the index key, stored by backends to catch a wrong ring."""
        return self._index(b"fingerprint")[:16]

    def scope_id(self, scope: str) -> str:
        """The stored stand-in for a scope (32 hex digits)."""
        return self._index(b"scope", _utf8(scope))[:32]

    def entry_id(self, scope_id: str, label: str, key: str) -> str:
        """The forward-index id of a normalised value in a scope and label (64 hex digits)."""
        return self._index(b"entry", _utf8(scope_id), _utf8(label), _utf8(key))

    def seal(self, scope_id: str, label: str, number: int, value: str) -> bytes:
        """An envelope of ``value`` bound to ``scope_id``/``label``/``number``."""
        ring = self._ring
        header = _ENVELOPE_VERSION + bytes.fromhex(ring.current)
        nonce = secrets.token_bytes(_NONCE)
        key = ring.key(ring.current)
        assert key is not None
        sealed = AESGCM(key.reveal()).encrypt(
            nonce, _utf8(value), _aad(header, scope_id, label, number)
        )
        return header + nonce + sealed

    def open(self, scope_id: str, label: str, number: int, envelope: bytes) -> str:
        """The value in an envelope; :class:`VaultError` if it was tampered with or moved."""
        key_id = key_id_of(envelope)
        key = self._ring.key(key_id) or self._reload().key(key_id)
        if key is None:
            raise VaultError(
                f"a vault entry is sealed with key id {key_id}, which is not in the key ring "
                f"({self._source.description})"
            )
        body = _HEADER + _NONCE
        header, nonce, sealed = envelope[:_HEADER], envelope[_HEADER:body], envelope[body:]
        try:
            plain = AESGCM(key.reveal()).decrypt(
                nonce, sealed, _aad(header, scope_id, label, number)
            )
        except InvalidTag:
            raise VaultError("a vault entry failed authentication (altered or moved)") from None
        return plain.decode("utf-8", "surrogatepass")

    def is_current(self, envelope: bytes) -> bool:
        """Whether ``envelope`` is sealed with the current key."""
        return key_id_of(envelope) == self._ring.current

    def rotate(self) -> str:
        """Add a new current key to a writable source (else reload it); the current key id."""
        ring = self._source.load()
        if self._source.writable:
            ring = ring.with_new_key()
            self._source.save(ring)
        self._ring = ring
        return ring.current

    def _reload(self) -> KeyRing:
        self._ring = self._source.load()
        return self._ring

    def _index(self, purpose: bytes, *parts: bytes) -> str:
        message = framed(b"sladd-vault-index", purpose, *parts)
        return hmac.new(self._ring.index_key.reveal(), message, hashlib.sha256).hexdigest()


def key_id_of(envelope: bytes) -> str:
    """The key id in an envelope's header; :class:`VaultError` if it is not an envelope."""
    if len(envelope) < _HEADER + _NONCE + _TAG or envelope[:1] != _ENVELOPE_VERSION:
        raise VaultError("a vault entry is not a sladd envelope (version 1)")
    return envelope[1:_HEADER].hex()


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _aad(header: bytes, scope_id: str, label: str, number: int) -> bytes:
    parts = framed(b"sladd-vault-entry", header, _utf8(scope_id), _utf8(label))
    return parts + number.to_bytes(8, "big")
