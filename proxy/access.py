"""Proxy keys: who may use sladd when it listens beyond loopback.

sladd is not an open relay. On loopback (the default) no key is needed. Listening on any
other address requires proxy keys — from ``SLADD_PROXY_KEYS`` (comma-separated) or
``server.proxy_keys_file`` (one per line, mode 0600) — and every client then sends one:
``X-Sladd-Key: KEY`` in base-URL mode, or ``Proxy-Authorization`` (``Bearer KEY``, or Basic
with the key as user name or password, as ``HTTPS_PROXY=http://KEY@host:port`` does) for
forward-proxy requests and CONNECT. Keys are compared in constant time and never logged.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from proxy.support.errors import SladdError
from proxy.support.private_files import read_private_file
from proxy.support.toml_binding import ConfigError

KEY_HEADER = "X-Sladd-Key"
ENV_VAR = "SLADD_PROXY_KEYS"
MIN_KEY_LENGTH = 16
_REFUSED = "{path}: proxy key file must not be readable by others (0600)"


class ProxyKeyError(ConfigError):
    """Proxy keys are missing where required, or malformed; the message says which."""


@dataclass(frozen=True)
class ProxyKeys:
    """The accepted keys (empty: no key is required)."""

    keys: frozenset[str] = field(default=frozenset(), repr=False)

    @property
    def required(self) -> bool:
        """Whether clients must present a key."""
        return bool(self.keys)

    def accepts(self, presented: str | None) -> bool:
        """Constant-time membership test."""
        if presented is None:
            return False
        return any(hmac.compare_digest(presented.encode(), key.encode()) for key in self.keys)

    def check(self, headers: Mapping[str, str]) -> None:
        """Raise a 401 ``sladd_proxy_key_required`` unless the headers carry an accepted key."""
        if not self.required:
            return
        if self.accepts(headers.get(KEY_HEADER)) or any(
            self.accepts(k) for k in keys_in_proxy_authorization(headers)
        ):
            return
        message = f"this sladd requires a proxy key ({KEY_HEADER} or Proxy-Authorization)"
        raise SladdError(401, "sladd_proxy_key_required", message)


def keys_in_proxy_authorization(headers: Mapping[str, str]) -> list[str]:
    """Candidate keys in ``Proxy-Authorization``: the Bearer token, or Basic user and password."""
    value = headers.get("Proxy-Authorization", "")
    scheme, _, credentials = value.partition(" ")
    if scheme.lower() == "bearer":
        return [credentials.strip()]
    if scheme.lower() != "basic":
        return []
    try:
        decoded = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return []
    user, _, password = decoded.partition(":")
    return [part for part in (user, password) if part]


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback address."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_proxy_keys(path: Path | None, environ: Mapping[str, str], host: str) -> ProxyKeys:
    """Keys from the environment or the file; required (error) when ``host`` is not loopback."""
    raw = [k.strip() for k in environ.get(ENV_VAR, "").split(",") if k.strip()]
    if path is not None:
        raw += _read_key_file(path)
    short = [k for k in raw if len(k) < MIN_KEY_LENGTH]
    if short:
        raise ProxyKeyError(f"proxy keys must be at least {MIN_KEY_LENGTH} characters")
    if not raw and not is_loopback(host):
        raise ProxyKeyError(
            f"server.host {host!r} is not loopback, so sladd needs proxy keys: set {ENV_VAR} "
            "or server.proxy_keys_file (sladd is never an open relay)"
        )
    return ProxyKeys(frozenset(raw))


def _read_key_file(path: Path) -> list[str]:
    try:
        data = read_private_file(path, "proxy key", ProxyKeyError, refused=_REFUSED)
        lines = data.decode("utf-8").splitlines()
    except OSError as exc:
        raise ProxyKeyError(f"{path}: cannot read proxy keys: {exc.strerror}") from exc
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
