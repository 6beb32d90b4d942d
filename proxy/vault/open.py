"""Open the vault a URL names: ``memory://``, ``sqlite:///PATH`` or a Redis URL.

- ``memory://`` — in-process, unencrypted, gone at exit (tests, one-off scans).
- ``sqlite:///ABSOLUTE/PATH`` — the default, ``sqlite:///<data-dir>/vault.db``; ``sqlite://``
  alone also means that default. Extra leading slashes are tolerated
  (``sqlite:////var/lib/sladd/vault.db``).
- ``redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]`` or ``rediss://`` (TLS) — shared by replicas;
  ``redis+sentinel://HOST:PORT[,...]/SERVICE[/DB]`` and ``redis+cluster://HOST:PORT[,...]``
  for Redis with high availability (all forms: :mod:`proxy.vault.redis_urls`).

The encrypted backends read their key ring as :mod:`proxy.vault.crypto` describes
(``SLADD_VAULT_KEY``, else ``<data-dir>/vault.key``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from proxy.vault.base import DEFAULT_TTL_SECONDS, ManagedVault, VaultConfigError
from proxy.vault.crypto import KeySource, VaultCipher
from proxy.vault.memory import MemoryVault
from proxy.vault.redis_connect import FAILURES
from proxy.vault.redis_vault import RedisVault
from proxy.vault.sqlite_vault import SqliteVault
from proxy.vault.urls import sqlite_path, url_scheme

log = logging.getLogger("sladd.vault")


async def open_vault(
    url: str,
    data_dir: Path,
    environ: Mapping[str, str] | None = None,
    ttl_seconds: float = DEFAULT_TTL_SECONDS,
) -> ManagedVault:
    """The vault ``url`` names; :class:`VaultConfigError` naming the URL if it is malformed.

    Encrypted backends load (or at first start create) their key ring here. A Redis vault
    that answers is checked for the key ring now (:class:`VaultConfigError` if it was
    created with another one, so a mismatched replica refuses to start); a Redis that is
    down fails requests (closed) until it is back, not start-up.
    """
    env = os.environ if environ is None else environ
    if ttl_seconds <= 0:
        raise VaultConfigError(f"vault TTL must be greater than 0 seconds, got {ttl_seconds}")
    scheme = url_scheme(url)
    if scheme == "memory":
        return MemoryVault(ttl_seconds)
    if scheme == "sqlite":
        path = sqlite_path(url, data_dir)
        return await SqliteVault.open(path, VaultCipher(KeySource(data_dir, env)), ttl_seconds)
    vault = RedisVault(url, VaultCipher(KeySource(data_dir, env)), ttl_seconds)
    try:
        await vault.check_key_ring()
    except VaultConfigError:
        await vault.close()
        raise
    except FAILURES as exc:
        log.warning(
            "vault %s is not reachable yet (%s); requests fail closed until it is",
            vault.url,
            type(exc).__name__,
        )
    return vault
