"""Open the vault a URL names: ``memory://``, ``sqlite:///PATH`` or ``redis://HOST:PORT/DB``.

- ``memory://`` — in-process, unencrypted, gone at exit (tests, one-off scans).
- ``sqlite:///ABSOLUTE/PATH`` — the default, ``sqlite:///<data-dir>/vault.db``; ``sqlite://``
  alone also means that default. Extra leading slashes are tolerated
  (``sqlite:////var/lib/sladd/vault.db``).
- ``redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]`` or ``rediss://`` (TLS) — shared by replicas.

The encrypted backends read their key ring as :mod:`proxy.vault.crypto` describes
(``SLADD_VAULT_KEY``, else ``<data-dir>/vault.key``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from proxy.vault.base import DEFAULT_TTL_SECONDS, ManagedVault, VaultConfigError
from proxy.vault.crypto import KeySource, VaultCipher
from proxy.vault.memory import MemoryVault
from proxy.vault.redis_vault import RedisVault, redacted_url
from proxy.vault.sqlite_vault import SqliteVault

DEFAULT_FILE_NAME = "vault.db"


def default_vault_url(data_dir: Path) -> str:
    """``sqlite:///<data-dir>/vault.db``."""
    return "sqlite://" + str((data_dir / DEFAULT_FILE_NAME).absolute())


async def open_vault(
    url: str,
    data_dir: Path,
    environ: Mapping[str, str] | None = None,
    ttl_seconds: float = DEFAULT_TTL_SECONDS,
) -> ManagedVault:
    """The vault ``url`` names; :class:`VaultConfigError` naming the URL if it is malformed.

    Encrypted backends load (or at first start create) their key ring here. A Redis vault
    connects lazily, so a Redis that is down fails requests (closed), not start-up.
    """
    env = os.environ if environ is None else environ
    if ttl_seconds <= 0:
        raise VaultConfigError(f"vault TTL must be greater than 0 seconds, got {ttl_seconds}")
    scheme = _scheme(url)
    if scheme == "memory":
        return MemoryVault(ttl_seconds)
    if scheme == "sqlite":
        path = sqlite_path(url, data_dir)
        return await SqliteVault.open(path, VaultCipher(KeySource(data_dir, env)), ttl_seconds)
    return RedisVault(url, VaultCipher(KeySource(data_dir, env)), ttl_seconds)


def vault_url_problem(url: str) -> str | None:
    """Why ``url`` is not a vault URL, or ``None`` if it is one (for settings validation)."""
    try:
        scheme = _scheme(url)
        if scheme == "sqlite":
            sqlite_path(url, Path("."))
    except VaultConfigError as exc:
        return str(exc)
    return None


def _scheme(url: str) -> str:
    """The backend ``url`` names; :class:`VaultConfigError` unless it is well-formed."""
    scheme = url.partition("://")[0].lower() if "://" in url else ""
    if scheme == "memory":
        if url.lower() != "memory://":
            raise VaultConfigError(f"bad vault URL {url!r}: memory:// takes no host or path")
    elif scheme in {"redis", "rediss"}:
        check_redis_url(url)
    elif scheme != "sqlite":
        raise VaultConfigError(
            f"bad vault URL {redacted_url(url)!r}: expected memory://, sqlite:///PATH or "
            "redis://HOST:PORT/DB"
        )
    return scheme


def sqlite_path(url: str, data_dir: Path) -> Path:
    """The file a ``sqlite://`` URL names (see the module docstring)."""
    parts = urlsplit(url)
    if parts.netloc or parts.query or parts.fragment:
        raise VaultConfigError(
            f"bad vault URL {url!r}: use sqlite:///ABSOLUTE/PATH (three slashes, no host)"
        )
    if not parts.path:
        return (data_dir / DEFAULT_FILE_NAME).absolute()
    return Path("/" + unquote(parts.path).lstrip("/"))


def check_redis_url(url: str) -> None:
    """Raise :class:`VaultConfigError` unless ``url`` has a host, a port and a numeric DB."""
    shown = redacted_url(url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise VaultConfigError(f"bad vault URL {shown!r}: the port is not a number") from None
    if not parts.hostname:
        raise VaultConfigError(f"bad vault URL {shown!r}: expected redis://HOST:PORT/DB")
    database = parts.path.lstrip("/")
    if database and not database.isdigit():
        raise VaultConfigError(f"bad vault URL {shown!r}: the database must be a number")
    if port == 0:
        raise VaultConfigError(f"bad vault URL {shown!r}: port 0")
