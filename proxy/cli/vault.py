"""``sladd vault ...``: key rotation, erasure and counts, over any vault URL.

Each command opens the vault with the *configured* TTL (opening a vault erases scopes idle
longer than the TTL, so a shorter default here would erase data early), does one thing,
closes it and writes a human-readable summary to ``out``. Output holds counts, key ids and
the scope the user typed — never a value. Errors are raised: :class:`VaultError` (including
:class:`VaultConfigError`) and :class:`DurationError`; the CLI prints them.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, TypeVar

from proxy.support.durations import DurationError, parse_duration
from proxy.vault.base import DEFAULT_TTL_SECONDS, ManagedVault, VaultConfigError
from proxy.vault.crypto import ENV_VAR, KeyRing
from proxy.vault.open import open_vault

T = TypeVar("T")

__all__ = [
    "DurationError",
    "VaultOptions",
    "new_key",
    "parse_duration",
    "purge_older_than",
    "purge_scope",
    "rotate_key",
    "stats",
]


@dataclass(frozen=True, slots=True)
class VaultOptions:
    """How the commands open the vault: the configured TTL and the environment to read
    ``SLADD_VAULT_KEY`` from (``None``: ``os.environ``)."""

    ttl_seconds: float = DEFAULT_TTL_SECONDS
    environ: Mapping[str, str] | None = None


def _with_vault(
    vault_url: str,
    data_dir: Path,
    options: VaultOptions,
    work: Callable[[ManagedVault], Awaitable[T]],
) -> T:
    async def run() -> T:
        vault = await open_vault(vault_url, data_dir, options.environ, options.ttl_seconds)
        try:
            return await work(vault)
        finally:
            await vault.close()

    return asyncio.run(run())


def _memory_note(vault_url: str, out: TextIO) -> None:
    if vault_url.lower().startswith("memory:"):
        out.write("note: memory:// exists only inside a running process; nothing to do here\n")


def stats(
    vault_url: str, data_dir: Path, out: TextIO, *, options: VaultOptions = VaultOptions()
) -> None:
    """``sladd vault stats``: counts of scopes and entries, and entries per key id."""
    result = _with_vault(vault_url, data_dir, options, lambda v: v.stats())
    _memory_note(vault_url, out)
    out.write(f"backend:      {result.backend}\n")
    out.write(f"scopes:       {result.scopes}\n")
    out.write(f"entries:      {result.entries}\n")
    out.write(f"current key:  {result.current_key_id or '-'}\n")
    for key_id, count in result.entries_per_key:
        out.write(f"  key {key_id}: {count} entries\n")


def purge_scope(
    vault_url: str,
    data_dir: Path,
    scope: str,
    out: TextIO,
    *,
    options: VaultOptions = VaultOptions(),
) -> None:
    """``sladd vault purge --scope S``: erase one scope (GDPR erasure)."""
    if not scope.strip():
        raise VaultConfigError("purge --scope needs a scope")
    erased = _with_vault(vault_url, data_dir, options, lambda v: v.purge_scope(scope))
    _memory_note(vault_url, out)
    out.write(f"erased scope {scope}: {erased} entries\n")


def purge_older_than(
    vault_url: str,
    data_dir: Path,
    duration: str,
    out: TextIO,
    *,
    options: VaultOptions = VaultOptions(),
) -> None:
    """``sladd vault purge --older-than 7d``: erase every scope not used for that long."""
    seconds = parse_duration(duration)
    erased = _with_vault(vault_url, data_dir, options, lambda v: v.purge_older_than(seconds))
    _memory_note(vault_url, out)
    out.write(f"erased {erased} entries from scopes not used for {duration.strip()}\n")


def rotate_key(
    vault_url: str, data_dir: Path, out: TextIO, *, options: VaultOptions = VaultOptions()
) -> None:
    """``sladd vault rotate-key``: new current key (key file) and re-encrypt every entry."""

    async def rotate(vault: ManagedVault) -> tuple[int, str | None]:
        count = await vault.rotate_key()
        return count, (await vault.stats()).current_key_id

    count, current = _with_vault(vault_url, data_dir, options, rotate)
    _memory_note(vault_url, out)
    out.write(f"re-encrypted {count} entries; current key: {current or '-'}\n")
    if (os.environ if options.environ is None else options.environ).get(ENV_VAR):
        out.write(
            f"the key ring comes from {ENV_VAR}, so no key was added: put a new one in with "
            f"`sladd vault new-key`, give every replica the new {ENV_VAR}, then run "
            "rotate-key again\n"
        )


def new_key(
    out: TextIO, environ: Mapping[str, str] | None = None, *, notes: TextIO | None = None
) -> None:
    """``sladd vault new-key``: print a key ring for ``SLADD_VAULT_KEY`` (contains secrets).

    With ``SLADD_VAULT_KEY`` set: that ring plus a new current key (old keys kept, so
    existing entries stay readable). Otherwise a fresh ring. Only the ring goes to ``out``
    (so ``SLADD_VAULT_KEY="$(sladd vault new-key)"`` works); advice goes to ``notes``.
    """
    env = os.environ if environ is None else environ
    current = env.get(ENV_VAR)
    ring = KeyRing.parse(current, ENV_VAR).with_new_key() if current else KeyRing.generate()
    out.write(ring.to_json())
    if notes is not None:
        what = "your ring plus a new current key" if current else "a new key ring"
        then = ", then run `sladd vault rotate-key` once" if current else ""
        notes.write(
            f"sladd vault new-key: printed {what}; it is secret. "
            f"Give every replica the same {ENV_VAR}{then}.\n"
        )
