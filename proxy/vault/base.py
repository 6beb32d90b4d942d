"""The Vault protocol every backend implements, and the admin protocol the CLI uses."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Protocol

DEFAULT_TTL_SECONDS = 24 * 60 * 60
"""A scope expires this long after its last use unless configured otherwise."""


def new_epoch() -> str:
    """A fresh scope epoch: 128 random bits, so an ended epoch never comes back."""
    return secrets.token_hex(16)


class VaultError(RuntimeError):
    """The vault could not answer; callers fail closed. Messages never contain values."""


class VaultConfigError(VaultError):
    """The vault cannot be opened as configured: a bad URL, key material or key file."""


class Vault(Protocol):
    """Stable, scoped, reversible pseudonym numbers.

    ``assign`` returns the same number for the same ``(scope, label, key)`` every time —
    also when two callers race on a new key — and a new number (1, 2, ...) per scope and
    label otherwise. ``key`` is the normalised value used for matching; ``value`` is what
    ``lookup`` gives back (the first spelling seen). A number issued in one scope is never
    found in another.

    Each scope also has an *epoch* (:meth:`epoch`): a random id stored with the scope's
    entries that ends when they do — ``purge`` or expiry — so whatever a process remembered
    under an epoch (recent scrubs) cannot be reused once the scope was erased, whichever
    process or replica erased it.
    """

    async def assign(self, scope: str, label: str, key: str, value: str) -> int:
        """The number for this value in this scope and label, creating it if new."""
        ...  # pragma: no cover

    async def lookup(self, scope: str, label: str, number: int) -> str | None:
        """The value behind ``label``/``number`` in ``scope``, or ``None``."""
        ...  # pragma: no cover

    async def epoch(self, scope: str, *, create: bool = False) -> str | None:
        """The scope's current epoch, or ``None`` if it has none (never used, purged or
        expired); with ``create``, one is made if missing (racing callers get the same one).

        An epoch lives as long as the scope's stored record: erasing or expiring the scope
        ends it, and the next one is a new random id (:func:`new_epoch`). Reading it does
        not count as use of the scope.
        """
        ...  # pragma: no cover


@dataclass(frozen=True, slots=True)
class VaultStats:
    """Counts only: never a scope, value or key."""

    backend: str
    scopes: int
    entries: int
    entries_per_key: tuple[tuple[str, int], ...]
    """``(key id, entries sealed with it)``, sorted by key id; empty for the memory vault."""
    current_key_id: str | None
    """The key new entries are sealed with; ``None`` for the (unencrypted) memory vault."""


class ManagedVault(Vault, Protocol):
    """A :class:`Vault` with lifecycle and administration (``sladd vault ...``).

    Every backend takes a TTL: a scope expires ``ttl_seconds`` after its last use
    (``assign``, or a ``lookup`` that found a value) and then behaves as if it never existed.
    """

    async def close(self) -> None:
        """Release connections, threads and files; the vault is unusable afterwards."""
        ...  # pragma: no cover

    async def purge_scope(self, scope: str) -> int:
        """Erase every entry of ``scope`` (GDPR erasure); the number of entries erased."""
        ...  # pragma: no cover

    async def purge_older_than(self, seconds: float) -> int:
        """Erase every scope not used for ``seconds``; the number of entries erased."""
        ...  # pragma: no cover

    async def stats(self) -> VaultStats:
        """Counts of scopes, entries and entries per key id."""
        ...  # pragma: no cover

    async def rotate_key(self) -> int:
        """Make a new key current (where the key source allows) and re-encrypt every entry
        not sealed with the current key; the number of entries re-encrypted."""
        ...  # pragma: no cover
